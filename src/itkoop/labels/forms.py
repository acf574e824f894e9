"""Forms of labels: the application (a confirmation, an explanation and an optional file per criterion), the
center's decision, and the register's search."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core.forms import limit_text

from .files import max_bytes
from .models import MAX_EXPLANATION, MAX_NOTE
from .services import Decision, DeclarationInput


class ApplicationForm(forms.Form):
    """One block per criterion of the version: ``confirm_<id>``, ``explain_<id>``, ``file_<id>``. Files are
    checked again by the service (type from the content, size); the form only keeps the page honest."""

    def __init__(self, *args, criteria, initial_explanations=None, can_carry=False, evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_explanations = initial_explanations or {}
        for criterion in self.criteria:
            self.fields[f"confirm_{criterion.pk}"] = forms.BooleanField(
                label=_("Wir bestätigen: %(criterion)s") % {"criterion": criterion.text}, required=True
            )
            self.fields[f"explain_{criterion.pk}"] = forms.CharField(
                label=_("Wie wird das Kriterium erfüllt?"),
                required=False,
                max_length=MAX_EXPLANATION,
                initial=initial_explanations.get(criterion.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"file_{criterion.pk}"] = forms.FileField(
                label=_("Nachweis (PDF, PNG oder JPEG, höchstens %(mb)s MB, freiwillig)")
                % {"mb": max_bytes() // (1024 * 1024)},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
            )
        if can_carry:
            self.fields["carry_evidence"] = forms.BooleanField(
                label=_("Nachweise des letzten Antrags übernehmen"), required=False, initial=True
            )
        if evidence:
            # While the center asks for more, the company may also take files back.
            self.fields["remove_evidence"] = forms.MultipleChoiceField(
                label=_("Diese Nachweise entfernen"),
                required=False,
                choices=[(str(item.pk), item.filename) for item in evidence],
                widget=forms.CheckboxSelectMultiple,
            )

    def evidence_to_remove(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data.get("remove_evidence") or []]

    def blocks(self):
        """(criterion, confirm field, explanation field, file field) for the template."""
        return [
            (c, self[f"confirm_{c.pk}"], self[f"explain_{c.pk}"], self[f"file_{c.pk}"]) for c in self.criteria
        ]

    def declarations(self) -> dict[int, DeclarationInput]:
        data = self.cleaned_data
        return {
            c.pk: DeclarationInput(
                confirmed=bool(data.get(f"confirm_{c.pk}")), explanation=data.get(f"explain_{c.pk}", "")
            )
            for c in self.criteria
        }

    def uploads(self) -> list:
        return [
            (c.pk, self.cleaned_data[f"file_{c.pk}"])
            for c in self.criteria
            if self.cleaned_data.get(f"file_{c.pk}")
        ]


@limit_text(note=MAX_NOTE)
class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[
            (Decision.APPROVE, _("Siegel erteilen")),
            (Decision.CHANGES, _("Ergänzungen erbitten")),
            (Decision.REJECT, _("Antrag ablehnen")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Begründung (beim Erbitten von Ergänzungen und beim Ablehnen nötig)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@limit_text(q=200)
class RegisterSearchForm(forms.Form):
    q = forms.CharField(label=_("Produkt, Unternehmen oder Ort"), required=False)
    label = forms.ChoiceField(label=_("Siegel"), required=False)

    def __init__(self, *args, schemes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].choices = [("", _("alle Siegel")), *((s.slug, s.name) for s in schemes)]
