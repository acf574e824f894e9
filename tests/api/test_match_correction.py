"""POST match/ takes the customer's corrections: capabilities added and removed, standards made a must."""

import pytest

from ..engine.helpers import NEED_KEYS

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


def _match(client, **body):
    return client.post("/api/v1/match/", {"text": NEED, **body}, content_type="application/json")


def test_a_removed_capability_is_not_composed(client, mini_catalog):
    data = _match(client, remove_capabilities=["online-shop"]).json()
    assert data["need"]["removed"] == ["online-shop"]
    assert all("c2" not in b["companies"] for b in data["bundles"])


def test_a_must_no_solution_speaks_is_status_standard_unmet(client, mini_catalog):
    data = _match(client, text="Wir brauchen einen Onlineshop", must_standards=["datev"]).json()
    assert data["status"] == "standard_unmet" and data["bundles"] == []
    assert data["need"]["unmet_standards"] == ["datev"]


def test_without_corrections_the_need_keeps_its_keys(client, mini_catalog):
    data = _match(client).json()
    assert set(data["need"]) == NEED_KEYS


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"must_standards": ["datev"] * 6}, "must_standards"),
        ({"add_capabilities": ["erp"] * 11}, "add_capabilities"),
        ({"remove_capabilities": ["x" * 101]}, "remove_capabilities"),
        ({"remove_capabilities": ["erp"] * 51}, "remove_capabilities"),
    ],
)
def test_over_long_corrections_are_a_400_naming_the_field(client, mini_catalog, body, field):
    response = _match(client, **body)
    assert response.status_code == 400 and field in response.json()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"add_capabilities": ["nope"]}, "Unbekannter Baustein „nope“."),
        ({"must_standards": ["nope"]}, "Unbekannte Schnittstelle „nope“."),
        ({"add_capabilities": ["erp"], "remove_capabilities": ["erp"]}, "zugleich hinzugefügt und entfernt"),
    ],
)
def test_unknown_ids_are_a_clear_400(client, mini_catalog, body, message):
    response = _match(client, **body)
    assert response.status_code == 400 and message in response.json()["detail"]


def test_no_cloud_in_the_text_is_a_hard_constraint_the_customer_can_set_aside(client, mini_catalog):
    # the mini catalog's solutions do not say how they run: none can promise to run on the premises
    data = _match(client, text="Wir brauchen einen Onlineshop, aber keine Cloud").json()
    assert data["need"]["deployment"] == "on-premise"
    assert data["need"]["deployment_evidence"] == "keine Cloud"
    assert data["status"] == "no_provider" and data["bundles"] == []
    data = _match(client, text="Wir brauchen einen Onlineshop, aber keine Cloud", deployment="any").json()
    assert data["need"]["deployment"] is None and data["bundles"]
    assert data["need"]["deployment_read"] == "on-premise"  # set aside, not unread
    data = _match(client, text="Wir brauchen einen Onlineshop", deployment=None).json()
    assert data["need"]["deployment"] is None and data["need"]["deployment_evidence"] is None


@pytest.mark.parametrize("value", ["mainframe", 5, ["cloud"], "x" * 10_000])
def test_an_unknown_way_to_run_is_a_400_naming_the_choices(client, mini_catalog, value):
    response = _match(client, deployment=value)
    assert response.status_code == 400
    message = str(response.json()["deployment"])
    assert "on-premise" in message and "cloud" in message and "x" * 50 not in message
