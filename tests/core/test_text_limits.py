"""Every free-text field of every form has a length limit (issue 16.2): over-long input is a form error."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import itkoop


def _form_classes():
    for info in pkgutil.walk_packages(itkoop.__path__, "itkoop."):
        if not info.name.endswith(".forms"):
            continue
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


FORMS = sorted(_form_classes(), key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def test_the_walk_finds_the_forms():
    names = {cls.__name__ for cls in FORMS}
    assert {"CompanyForm", "SolutionForm", "ArticleForm", "EventForm", "NeedForm"} <= names


@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: f"{cls.__module__}.{cls.__name__}")
def test_every_text_field_has_a_max_length(form_class):
    unbounded = [
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field, forms.CharField) and field.max_length is None
    ]
    assert unbounded == []
