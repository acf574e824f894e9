"""Forms of the cooperation app: they validate at the edge; the services enforce the rules."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.core.forms import LabelOrderedChoiceField, LabelOrderedMultipleChoiceField, limit_text
from itkoop.registry import selectors as registry

from .models import ContractTemplate, Cooperation, CooperationProfile
from .services.cooperations import MAX_MESSAGE_CHARS, MAX_TITLE_CHARS
from .services.network import topic_choices


class CompanyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _own_companies(user):
    return registry.companies_of_user(user)


class InviteForm(forms.Form):
    """The manual invitation's first step: whom to invite and about what (sent by GET to the review)."""

    companies = forms.ModelMultipleChoiceField(
        label=_("Unternehmen"),
        queryset=registry.companies(),
        to_field_name="external_id",
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_(
            "Mindestens zwei Unternehmen, darunter Ihr eigenes; Strg/Cmd gedrückt halten für mehrere."
        ),
    )
    subject = forms.CharField(
        label=_("Gegenstand der Kooperation"), widget=forms.Textarea, required=False, max_length=4000
    )
    title = forms.CharField(widget=forms.HiddenInput, required=False, max_length=MAX_TITLE_CHARS)


class ReviewForm(forms.Form):
    """The review before invitations go out: the title, a personal message and, when the inviter's own
    company takes part, the code of conduct it accepts at once."""

    title = forms.CharField(
        label=_("Titel der Kooperation"),
        max_length=MAX_TITLE_CHARS,
        help_text=_("So sehen die Eingeladenen die Kooperation."),
    )
    message = forms.CharField(
        label=_("Persönliche Nachricht an die Eingeladenen"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=MAX_MESSAGE_CHARS,
        help_text=_("Freiwillig: ein paar Sätze, worum es geht und warum gerade diese Partner. Nur Text."),
    )
    accept_code_of_conduct = forms.BooleanField(
        label=_("Ich akzeptiere für mein Unternehmen den Verhaltenskodex für faire Kooperation."),
        required=False,
    )

    def __init__(self, *args, code_of_conduct: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not code_of_conduct:  # hub staff brokering between others accept nothing themselves
            del self.fields["accept_code_of_conduct"]


class ManualReviewForm(ReviewForm):
    """The review of the manual invitation carries the selection and a one-time nonce (a second submit of
    the same form invites once)."""

    companies = forms.ModelMultipleChoiceField(
        queryset=registry.companies(), to_field_name="external_id", widget=forms.MultipleHiddenInput
    )
    subject = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=500)


class RespondForm(forms.Form):
    accept_code_of_conduct = forms.BooleanField(
        label=_("Ich akzeptiere für mein Unternehmen den Verhaltenskodex für faire Kooperation."),
        required=False,
    )


class ResultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Ergebnis"), choices=Cooperation.ResultKind.choices)
    record = forms.CharField(
        label=_("Kurzprotokoll"),
        widget=forms.Textarea,
        max_length=2000,
        help_text=_("Was ist entstanden, was hat geholfen, was nicht? Höchstens 2000 Zeichen."),
    )


class ContractForm(forms.Form):
    kind = forms.ChoiceField(label=_("Dokument"), choices=ContractTemplate.Kind.choices)
    language = forms.ChoiceField(label=_("Sprache"), choices=[("de", _("Deutsch")), ("en", _("Englisch"))])


@limit_text(body=30_000)
class ContractTemplateForm(forms.ModelForm):
    class Meta:
        model = ContractTemplate
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 30})}


class ProfileForm(forms.Form):
    company = CompanyChoiceField(
        label=_("Unternehmen"), queryset=registry.companies().none(), empty_label=None
    )
    kind = forms.ChoiceField(label=_("Art"), choices=CooperationProfile.Kind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    body = forms.CharField(label=_("Beschreibung"), widget=forms.Textarea, max_length=6000)
    capabilities = LabelOrderedMultipleChoiceField(
        label=_("Fähigkeiten"),
        queryset=registry.capabilities().filter(parent__isnull=False),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    anonymous = forms.BooleanField(
        label=_("anonym veröffentlichen (Ihr Unternehmen bleibt verborgen, bis Sie ein Interesse annehmen)"),
        required=False,
    )
    deadline = forms.DateField(
        label=_("Frist für Rückmeldungen"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = _own_companies(user) if user else registry.companies().none()

    def clean_deadline(self):
        value = self.cleaned_data.get("deadline")
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."))
        return value


class InterestForm(forms.Form):
    company = CompanyChoiceField(
        label=_("Ihr Unternehmen"), queryset=registry.companies().none(), empty_label=None
    )
    cooperation_sought = forms.CharField(
        label=_("Welche Zusammenarbeit suchen Sie?"), widget=forms.Textarea, max_length=2000
    )
    questions = forms.CharField(
        label=_("Was müssen Sie noch wissen?"), widget=forms.Textarea, required=False, max_length=2000
    )
    about = forms.CharField(
        label=_("Wer sind Sie?"),
        widget=forms.Textarea,
        max_length=2000,
        help_text=_("Kurz: was Ihr Unternehmen macht und was es einbringt."),
    )

    def __init__(self, *args, user=None, exclude_company=None, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = _own_companies(user) if user else registry.companies().none()
        if exclude_company is not None:
            queryset = queryset.exclude(pk=exclude_company)
        self.fields["company"].queryset = queryset


class ModerationForm(forms.Form):
    note = forms.CharField(label=_("Hinweis an die Autorin / den Autor"), required=False, max_length=500)


class MarketFilterForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Art"), required=False, choices=[("", _("alle Arten")), *CooperationProfile.Kind.choices]
    )
    capability = LabelOrderedChoiceField(
        label=_("Fähigkeit"),
        required=False,
        queryset=registry.capabilities().filter(parent__isnull=False),
        empty_label=_("alle Fähigkeiten"),
    )


class InquiryForm(forms.Form):
    name = forms.CharField(label=_("Ihr Name"), max_length=200)
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    organisation = forms.CharField(label=_("Unternehmen oder Organisation"), max_length=200, required=False)
    postal_code = forms.CharField(
        label=_("PLZ"), max_length=5, help_text=_("Fünf Ziffern; bestimmt Ihren Stützpunkt.")
    )
    topic = forms.ChoiceField(label=_("Thema"), choices=())
    question = forms.CharField(label=_("Ihre Frage"), widget=forms.Textarea, max_length=4000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = topic_choices()

    def clean_postal_code(self):
        value = self.cleaned_data["postal_code"].strip()
        if not re.fullmatch(r"\d{5}", value):
            raise forms.ValidationError(_("Eine deutsche Postleitzahl hat fünf Ziffern."))
        return value
