"""The demo labels: granted ones in the public register (one renewed, one about to end), one that ended and
is gone from it, applications waiting; the same seed gives the same labels."""

import pytest
from django.utils import timezone

from itkoop.demo.labels import build_demo_labels
from itkoop.labels import selectors
from itkoop.labels.models import Application, Certificate

from ..factories import CompanyFactory, SolutionFactory, center_admin, member_of

pytestmark = pytest.mark.django_db


def _providers(n: int = 12) -> None:
    center_admin()
    for i in range(n):
        company = CompanyFactory(external_id=f"demo{i}", kind="provider")
        member_of(company)
        SolutionFactory(company=company, external_id=f"demo{i}-s")


def test_demo_labels_cover_the_states_and_the_register_shows_the_valid_ones():
    _providers()
    summary = build_demo_labels(seed=3, count=8)
    assert (summary.granted, summary.waiting) == (8, 2) and summary.renewed >= 1
    assert Application.objects.filter(status__in=Application.OPEN).count() == 2
    valid = selectors.public_register()
    assert valid.count() == 7  # one of the eight ended last month
    assert Certificate.objects.filter(renewal=True).exists()
    today = timezone.localdate()
    assert any(0 <= (c.holds_until - today).days <= 30 for c in valid)  # one to remind of


def test_the_same_seed_gives_the_same_labels():
    _providers()
    build_demo_labels(seed=3)
    first = sorted(Certificate.objects.values_list("solution__external_id", "scheme__slug", "valid_from"))
    Application.objects.all().delete()
    build_demo_labels(seed=3)
    again = sorted(Certificate.objects.values_list("solution__external_id", "scheme__slug", "valid_from"))
    assert first == again
