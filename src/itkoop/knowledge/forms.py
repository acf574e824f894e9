"""Forms of the knowledge base (search, article editing with preview) and the self-check questionnaire."""

from __future__ import annotations

import hashlib
import json

from django import forms
from django.utils.translation import gettext_lazy as _

from itkoop.core import selectors as core_selectors
from itkoop.core.forms import LabelOrderedMultipleChoiceField, limit_text
from itkoop.events import selectors as events
from itkoop.registry import selectors as registry

from .models import Article, Tag
from .selfcheck import MAX_ANSWER, Questionnaire


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Art"), required=False, choices=[("", _("alle")), *Article.Kind.choices])
    tag = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Tag.objects.all(),
        required=False,
        empty_label=_("alle Themen"),
        to_field_name="slug",
    )


@limit_text(body_de=30_000, body_en=30_000)
class ArticleForm(forms.ModelForm):
    """What the editors change. The slug is fixed once an article exists, because other pages link to it."""

    preview_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def plain_data(self) -> tuple[dict, dict[str, list]]:
        """The cleaned values as the article service takes them: fields by name, relations as id lists."""
        relations = {
            name: [obj.pk for obj in self.cleaned_data[name]] for name in ("tags", "capabilities", "events")
        }
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields if name not in relations}
        return fields, relations

    class Meta:
        model = Article
        fields = [
            "slug",
            "kind",
            "title_de",
            "title_en",
            "summary_de",
            "summary_en",
            "body_de",
            "body_en",
            "tags",
            "capabilities",
            "events",
            "published",
        ]
        field_classes = {
            "tags": LabelOrderedMultipleChoiceField,
            "capabilities": LabelOrderedMultipleChoiceField,
        }
        widgets = {
            "tags": forms.CheckboxSelectMultiple,
            "capabilities": forms.SelectMultiple(attrs={"size": 8}),
            "events": forms.SelectMultiple(attrs={"size": 6}),
            "summary_de": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "body_de": forms.Textarea(attrs={"rows": 18}),
            "body_en": forms.Textarea(attrs={"rows": 18}),
        }
        help_texts = {
            "body_de": _(
                "Markdown: ## Überschrift, **fett**, [Link](https://…), Verweis auf einen Artikel mit "
                "[Text](article:kennung#anker), Anker an einer Überschrift mit {#anker}."
            ),
            "slug": _("Kleinbuchstaben, Ziffern und Bindestriche; nach dem Anlegen nicht mehr änderbar."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capabilities"].queryset = registry.capabilities().filter(parent__isnull=False)
        self.fields["capabilities"].required = False
        self.fields["tags"].required = False
        self.fields["events"].queryset = events.events().order_by("-start")
        self.fields["events"].required = False
        if self.instance.pk:
            self.fields["slug"].disabled = True

    def content_token(self) -> str:
        """A fingerprint of what is about to be saved, so saving needs a preview of exactly this content."""
        data = {
            name: self.cleaned_data.get(name)
            for name in self.Meta.fields
            if name not in ("tags", "capabilities", "events")
        }
        data["tags"] = sorted(t.slug for t in self.cleaned_data.get("tags") or [])
        data["capabilities"] = sorted(c.id for c in self.cleaned_data.get("capabilities") or [])
        data["events"] = sorted(e.pk for e in self.cleaned_data.get("events") or [])
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()

    def previewed(self) -> bool:
        return self.cleaned_data.get("preview_token") == self.content_token()


class SelfCheckForm(forms.Form):
    """One radio group per question; optionally a company to save for, or a hub to compare with."""

    def __init__(self, *args, questionnaire: Questionnaire, companies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questionnaire = questionnaire
        choices = [(str(v), f"{v} – {questionnaire.scale_label(v)}") for v in range(MAX_ANSWER + 1)]
        for question in questionnaire.questions:
            self.fields[question.id] = forms.TypedChoiceField(
                label=question.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Bitte beantworten Sie diese Frage.")},
            )
        if companies is not None and companies.exists():
            self.fields["company"] = forms.ModelChoiceField(
                label=_("Ergebnis speichern für"),
                queryset=companies,
                required=False,
                empty_label=_("nicht speichern (nur anzeigen)"),
                help_text=_(
                    "Gespeicherte Ergebnisse sehen nur Ihr Unternehmen, das Team Ihres Stützpunkts und "
                    "die Zentrumsleitung."
                ),
            )
        self.fields["hub"] = forms.ModelChoiceField(
            label=_("Vergleich mit Stützpunkt"),
            queryset=core_selectors.hubs(),
            required=False,
            empty_label=_("kein Vergleich"),
            help_text=_("Beim Speichern für ein Unternehmen gilt dessen Stützpunkt."),
        )

    def sections(self):
        """(dimension, bound fields) pairs for the template."""
        return [(d, [self[q.id] for q in d.questions]) for d in self.questionnaire.dimensions]

    def answers(self) -> dict[str, int]:
        return {q.id: self.cleaned_data[q.id] for q in self.questionnaire.questions}
