"""Length limits for every free-text field of a form.

A ModelForm field made from a model ``TextField`` has no ``max_length``, and an unbounded text costs
memory, database space and (for indexed text) tokenizer time. :func:`limit_text` gives every text field of a
form class that has no limit of its own one: a single line :data:`LINE_MAX`, a text area :data:`TEXT_MAX`,
or what the form names. Over-long input then fails validation with Django's message ("höchstens … Zeichen").
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .countries import COUNTRIES, country_code, country_name
from .selectors import label_sort_key

LINE_MAX = 500  # one line: names, titles, comma-separated lists
TEXT_MAX = 5000  # a text area: descriptions, offers, notes


def set_max_length(field: forms.CharField, limit: int) -> None:
    """What ``CharField(max_length=limit)`` does at construction, for a field that already exists."""
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs.update(field.widget_attrs(field.widget))


def limit_text(form_class=None, /, **limits: int):
    """Class decorator: every CharField of the form without a max_length gets one (per name in `limits`).

    ``@limit_text`` or ``@limit_text(body_de=30_000)``; applied to ``base_fields``, so every instance and
    every test that inspects the class sees the limits.
    """

    def apply(cls):
        unknown = set(limits) - set(cls.base_fields)
        if unknown:
            raise ValueError(f"{cls.__name__} has no field {sorted(unknown)}")
        for name, field in cls.base_fields.items():
            if isinstance(field, forms.CharField) and field.max_length is None:
                default = TEXT_MAX if isinstance(field.widget, forms.Textarea) else LINE_MAX
                set_max_length(field, limits.get(name, default))
        return cls

    return apply(form_class) if form_class is not None else apply


class CountryField(forms.CharField):
    """A country typed as a name or a code ("Deutschland", "Germany", "de"), cleaned to its ISO code ("DE");
    a stored code is shown as the name in the page's language."""

    default_error_messages = {
        "unknown": _(
            "Dieses Land ist uns nicht bekannt. Bitte geben Sie den Namen (z. B. Deutschland) oder den "
            "zweistelligen Ländercode (z. B. DE) an."
        )
    }

    def __init__(self, **kwargs):
        kwargs["max_length"] = 60
        kwargs.setdefault("help_text", _("Name oder Ländercode, z. B. Deutschland oder DE"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return country_name(value) if isinstance(value, str) and value.upper() in COUNTRIES else value

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return ""
        code = country_code(value)
        if code is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return code


class _ByLabelIterator(forms.models.ModelChoiceIterator):
    """The choices in the alphabet of the page's language: sorted when the form is shown, by the text each
    choice shows (capabilities and tags keep a German and an English label; the database orders them by the
    German one)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(obj) for obj in self.queryset]
        yield from sorted(choices, key=lambda choice: label_sort_key(str(choice[1])))


class LabelOrderedChoiceField(forms.ModelChoiceField):
    iterator = _ByLabelIterator


class LabelOrderedMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = _ByLabelIterator


class QuickSelectMixin:
    """A select box rendered in Python: the same HTML as Django's templates (one per option, with its
    attributes), several times faster. The catalog's filter form lists some 180 capabilities, standards,
    hubs and labels on every search page: through the templates that was 10-13 ms of CPU per page, more than
    the search's queries."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f"<select name={_quoted(widget['name'])}{_attributes(widget['attrs'])}>"]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f"\n  <optgroup label={_quoted(group_name)}>")
            parts.extend(
                f"\n  <option value={_quoted(option['value'])}{_attributes(option['attrs'])}>"
                f"{conditional_escape(option['label'])}</option>"
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value in it went through conditional_escape


def _quoted(value) -> str:
    return f'"{conditional_escape(str(value))}"'


def _attributes(attrs: dict) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them: True bare, False left out."""
    return "".join(
        f" {conditional_escape(name)}" if value is True else f" {conditional_escape(name)}={_quoted(value)}"
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass
