from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Delivery


class PreferencesForm(forms.Form):
    """The reader's language for e-mails and one delivery choice per notification kind."""

    language = forms.ChoiceField(
        label=_("Sprache Ihrer E-Mails"), choices=settings.LANGUAGES, widget=forms.RadioSelect
    )

    def __init__(self, *args, preferences: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_fields = []
        for pref in preferences:
            name = f"kind__{pref['key']}"
            self.fields[name] = forms.ChoiceField(
                label=pref["label"],
                choices=Delivery.choices,
                initial=pref["delivery"],
            )
            self.kind_fields.append(name)

    def deliveries(self) -> dict[str, str]:
        return {name.removeprefix("kind__"): self.cleaned_data[name] for name in self.kind_fields}
