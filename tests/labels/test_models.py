"""What the database itself guarantees, and the shipped schemes."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from itkoop.labels.models import Application, CriteriaVersion, Criterion, LabelScheme
from itkoop.labels.seed import SCHEMES, seed_label_schemes
from itkoop.registry.models import Label

from .helpers import MADE, apply, provider, scheme

pytestmark = pytest.mark.django_db


def test_one_open_application_per_solution_and_label_even_past_the_service():
    member, solution = provider()
    first = apply(member, solution)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(
            scheme=first.scheme, version=first.version, solution=solution, applicant=member
        )
    first.status = Application.Status.REJECTED
    first.save()
    Application.objects.create(scheme=first.scheme, version=first.version, solution=solution)  # closed: fine


def test_the_shipped_schemes_have_their_criteria_and_registry_labels():
    scheme()
    for spec in SCHEMES:
        version = CriteriaVersion.objects.get(scheme__slug=spec["slug"], number=1)
        assert [c.key for c in version.criteria.all()] == [c[0] for c in spec["criteria"]]
        assert Label.objects.filter(slug=spec["slug"]).exists()
    hosting = CriteriaVersion.objects.get(scheme__slug="software-hosted-in-germany").criteria
    assert hosting.filter(key="data-centres", text_de__contains="Rechenzentren in Deutschland").exists()


def test_seeding_again_keeps_what_the_center_changed():
    made = scheme(MADE)
    made.name = "Software Made in Germany (BITMi)"
    made.save()
    Criterion.objects.filter(version__scheme=made, key="headquarters").update(text_de="Sitz in Deutschland.")
    seed_label_schemes(LabelScheme, CriteriaVersion, Criterion, Label)
    made.refresh_from_db()
    assert made.name == "Software Made in Germany (BITMi)"
    assert CriteriaVersion.objects.filter(scheme=made).count() == 1
    assert Criterion.objects.get(version__scheme=made, key="headquarters").text_de == "Sitz in Deutschland."
