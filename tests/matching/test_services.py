"""Matching services own their rules: the postcode decides the hub."""

import pytest

from itkoop.matching import services

pytestmark = pytest.mark.django_db
SHOP = "Wir brauchen einen Onlineshop"


def _companies(result) -> set[str]:
    return {c for bundle in result.bundles for c in bundle.companies}


@pytest.mark.parametrize(
    ("postal_code", "hub"), [("52062", "aachen"), ("34117", "kassel"), ("1", None), ("", None)]
)
def test_hub_for_postal_code_uses_the_two_digit_prefix(postal_code, hub):
    assert services.hub_for_postal_code(postal_code) == hub


def test_the_postcode_decides_the_hub_of_the_match(mini_catalog):
    result = services.match_need(text=SHOP, postal_code="52062")
    assert _companies(result) == {"c2"}


def test_an_explicit_hub_wins_over_the_postcode(mini_catalog):
    result = services.match_need(text="Wir brauchen eine Warenwirtschaft", hub="kassel", postal_code="52062")
    assert _companies(result) == {"c1"}


def test_a_postcode_without_a_hub_does_not_restrict_the_match(mini_catalog):
    assert _companies(services.match_need(text=SHOP, postal_code="1")) == {"c2"}
    assert "c1" in _companies(services.match_need(text="Wir brauchen eine Warenwirtschaft", postal_code=""))


def test_the_match_budget_setting_zero_means_no_limit(settings):
    settings.ITKOOP_MATCH_BUDGET_S = 0
    assert services.match_budget_s() is None
    settings.ITKOOP_MATCH_BUDGET_S = 1.5
    assert services.match_budget_s() == 1.5
