"""Matching works on a catalog each process keeps until the catalog's stamp changes. A label that is granted
must reach it at once, and a label whose last day has passed must leave it on the next day, although nothing
is written when a label ends."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from itkoop.matching import adapter

from .helpers import MADE, grant, provider

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_catalog():
    adapter.forget_catalog()
    yield
    adapter.forget_catalog()


def _matched_labels(solution) -> tuple[str, ...]:
    return adapter.current_catalog().solutions[solution.external_id].labels


def test_a_granted_label_reaches_the_catalog_matching_holds():
    member, solution = provider()
    assert _matched_labels(solution) == ()  # the process now holds a catalog without it
    grant(member, solution)
    assert _matched_labels(solution) == (MADE,)


def test_a_label_leaves_the_catalog_matching_holds_the_day_after_it_ends(monkeypatch):
    member, solution = provider()
    certificate = grant(member, solution)
    assert _matched_labels(solution) == (MADE,)
    last_day = certificate.valid_until
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: last_day)
    assert _matched_labels(solution) == (MADE,)
    day_after = last_day + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_after)
    assert _matched_labels(solution) == ()


def test_a_snapshot_built_on_another_day_is_not_loaded(monkeypatch, tmp_path, settings):
    from itkoop.matching.catalog_cache import CatalogCache

    settings.ITKOOP_CATALOG_CACHE_DIR = str(tmp_path)
    member, solution = provider()
    certificate = grant(member, solution)
    first = CatalogCache(adapter.build_catalog)
    assert first.get().solutions[solution.external_id].labels == (MADE,)
    same_day = CatalogCache(adapter.build_catalog)
    same_day.get()
    assert same_day.builds == 0  # loaded from the snapshot
    day_after = certificate.valid_until + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day_after)
    next_day = CatalogCache(adapter.build_catalog)
    assert next_day.get().solutions[solution.external_id].labels == ()
    assert next_day.builds == 1
