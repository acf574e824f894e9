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


def test_a_price_stored_beyond_the_bound_counts_as_not_given(mini_catalog, client):
    """Prices above the bound of forms and files may be in a database filled before it: two of about 1e308
    made a bundle's sum infinite and the explanation raised OverflowError (a 500 on the page)."""
    from django.utils import timezone

    from itkoop.registry.models import Solution

    Solution.objects.filter(company__external_id="c2").update(price_eur_month=1.7e308, updated=timezone.now())
    from itkoop.matching.adapter import build_catalog

    solutions = build_catalog().solutions.values()
    prices = [s.price_eur_month for s in solutions if s.company_id == "c2"]
    assert prices and all(price is None for price in prices)
    assert _companies(services.match_need(text=SHOP, postal_code="52062")) == {"c2"}
    page = client.get("/bedarf/", {"text": SHOP, "postal_code": "52062"})
    assert page.status_code == 200
    assert "inf" not in page.content.decode().lower().replace("info", "")
