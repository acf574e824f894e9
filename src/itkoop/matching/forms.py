"""The need form (what a customer writes, the constraints they set) and the corrections of its reading."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core import selectors as core_selectors
from itkoop.engine.correct import MAX_REQUIRED_STANDARDS
from itkoop.engine.need import MAX_NEED_CAPABILITIES
from itkoop.registry import selectors as registry

from . import services
from .services import MAX_ID_LENGTH, MAX_REMOVED


class NeedForm(forms.Form):
    text = forms.CharField(
        label=_("Was brauchen Sie?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Bitte beschreiben Sie Ihren Bedarf in einigen Worten.")},
        help_text=_(
            "Beschreiben Sie Ihren Bedarf in eigenen Worten, auf Deutsch oder Englisch – z. B. „Wir brauchen "
            "einen Onlineshop, der an unsere Warenwirtschaft und an DATEV angebunden ist“. Höchstens 2000 "
            "Zeichen: Längeres schneidet das Feld ab."
        ),
    )
    hub = forms.ModelChoiceField(
        label=_("Stützpunkt in Ihrer Nähe"),
        queryset=core_selectors.hubs(),
        required=False,
        empty_label=_("egal"),
    )
    plz = forms.CharField(
        label=_("Ihre Postleitzahl"),
        max_length=5,
        required=False,
        help_text=_("für Anbieter in Ihrer Nähe (optional)"),
    )
    max_partners = forms.IntegerField(
        label=_("Höchstens so viele Anbieter"), min_value=1, max_value=10, required=False
    )
    labels = forms.ModelMultipleChoiceField(
        label=_("Gütesiegel, die alle Anbieter haben sollen"),
        queryset=registry.labels(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Bitte beschreiben Sie Ihren Bedarf in einigen Worten."))
        return text

    def clean_plz(self):
        value = self.cleaned_data["plz"].strip()
        if value and not re.fullmatch(r"\d{5}", value):
            raise forms.ValidationError(_("Eine deutsche Postleitzahl hat fünf Ziffern."))
        return value


class _IdList(forms.Field):
    """Ids repeated in the query (``?remove=shop&remove=erp``): at most ``max_items``, each at most
    ``max_length`` characters, each one of ``known()``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, max_items: int, known, unknown_message, too_many_message, **kwargs) -> None:
        super().__init__(required=False, **kwargs)
        self.max_items, self.known = max_items, known
        self.unknown_message, self.too_many_message = unknown_message, too_many_message

    def to_python(self, value):
        return list(dict.fromkeys(str(v).strip() for v in value or () if str(v).strip()))

    def validate(self, value) -> None:
        if len(value) > self.max_items:
            raise forms.ValidationError(self.too_many_message % {"max": self.max_items})
        known = self.known()
        for item in value:
            if len(item) > MAX_ID_LENGTH or item not in known:
                raise forms.ValidationError(self.unknown_message % {"id": item[:MAX_ID_LENGTH]})


def _capability_ids() -> frozenset[str]:
    return frozenset(cid for cid, _de, _en in services.capability_options())


def _standard_ids() -> frozenset[str]:
    return services.standard_ids()


class CorrectionForm(forms.Form):
    """The customer's corrections of what the need analysis understood, carried in the page's query so the
    page stays linkable: capabilities removed (``remove``) and added (``cap``; ``add`` is the one typed into
    the search field, a label or an id), standards every offer must speak (``must``), how every solution
    must run (``deploy``). A field that is not valid is left out; the others still apply."""

    remove = _IdList(
        max_items=MAX_REMOVED,
        known=_capability_ids,
        unknown_message=_("Unbekannter Baustein „%(id)s“."),
        too_many_message=_("Sie können höchstens %(max)d Bausteine entfernen."),
    )
    cap = _IdList(
        max_items=MAX_NEED_CAPABILITIES,
        known=_capability_ids,
        unknown_message=_("Unbekannter Baustein „%(id)s“."),
        too_many_message=_("Sie können höchstens %(max)d Bausteine hinzufügen."),
    )
    add = forms.CharField(
        label=_("Baustein hinzufügen"),
        max_length=120,
        required=False,
        help_text=_("Tippen Sie einige Buchstaben; die Liste schlägt passende Bausteine vor."),
    )
    must = _IdList(
        max_items=MAX_REQUIRED_STANDARDS,
        known=_standard_ids,
        unknown_message=_("Unbekannte Schnittstelle „%(id)s“."),
        too_many_message=_("Höchstens %(max)d Schnittstellen können Pflicht sein."),
    )

    deploy = forms.ChoiceField(
        label=_("Betrieb der Lösungen"),
        required=False,
        choices=[
            ("any", _("egal")),
            ("on-premise", _("bei Ihnen vor Ort (keine Cloud)")),
            ("cloud", _("in der Cloud (SaaS)")),
        ],
        help_text=_(
            "Bei „vor Ort“ oder „Cloud“ zählen nur Lösungen, die angeben, so zu laufen; reine "
            "Dienstleistungen passen immer."
        ),
        # not repeating the value: it may be long
        error_messages={
            "invalid_choice": _("Bitte wählen Sie beim Betrieb der Lösungen einen der angebotenen Einträge.")
        },
    )

    def clean_add(self) -> str | None:
        """The capability id of what was typed (see services.capability_for_words)."""
        typed = " ".join(self.cleaned_data["add"].split())
        if not typed:
            return None
        cid = services.capability_for_words(typed)
        if cid is None:
            raise forms.ValidationError(
                _("Den Baustein „%(text)s“ kennen wir nicht. Bitte wählen Sie einen aus der Liste.")
                % {"text": typed}
            )
        return cid

    def corrections(self, *, with_typed: bool = True) -> dict[str, tuple[str, ...]]:
        """The valid corrections as match_need's keywords. What was typed into the search field restores a
        capability the customer removed before, else it is added; ``with_typed=False`` leaves it out."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        remove = list(data.get("remove", []))
        add = list(data.get("cap", []))
        typed = data.get("add") if with_typed else None
        if typed in remove:
            remove.remove(typed)
        elif typed and typed not in add:
            add.append(typed)
        return {
            "add_capabilities": tuple(add),
            "remove_capabilities": tuple(c for c in remove if c not in add),
            "must_standards": tuple(data.get("must", [])),
            # "" keeps what the text says ("keine Cloud"); "any" sets it aside
            "deployment": data.get("deploy", ""),
        }
