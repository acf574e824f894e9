"""A person's label applications are in their data download; on erasure they are unlinked, and the company's
application and label stay."""

from __future__ import annotations

import pytest

from itkoop.core.services import erase_personal_data, export_personal_data
from itkoop.labels.models import Application, Certificate

from .helpers import grant, provider

pytestmark = pytest.mark.django_db


def test_export_and_erasure():
    member, solution = provider()
    grant(member, solution)
    exported = export_personal_data(member)
    assert exported["label_applications"][0]["solution__external_id"] == solution.external_id
    erase_personal_data(member)
    application = Application.objects.get()
    assert application.applicant is None and Certificate.objects.exists()
