"""The demo rows of the cooperation app are deterministic and respect the models' rules."""

import pytest

from itkoop.cooperation.models import Cooperation, CooperationProfile
from itkoop.cooperation.selectors import cooperation_trust_pairs, published_profiles
from itkoop.demo.cooperation import build_demo_cooperation_data

from ..factories import CompanyFactory

pytestmark = pytest.mark.django_db


def test_demo_data_covers_every_state():
    for i in range(8):
        CompanyFactory(external_id=f"demo{i}", kind="provider")
    counts = build_demo_cooperation_data(seed=1)
    assert counts["cooperations"] == 8 and counts["profiles"] == 5
    states = set(Cooperation.objects.values_list("state", flat=True))
    assert states == {"invited", "active", "result", "ended"}
    assert CooperationProfile.objects.filter(moderation="pending").count() == 1
    assert published_profiles().count() == 4
    assert cooperation_trust_pairs()
