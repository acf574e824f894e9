"""A need text over the limit is refused before any work: on the partners page and in the API."""

import pytest
from django.urls import reverse

from itkoop.matching import services

pytestmark = pytest.mark.django_db
LONG_NEED = "Warenwirtschaft" * 2400  # 36 kB without a space


@pytest.fixture
def no_need_analysis(monkeypatch):
    monkeypatch.setattr(services, "need_from_text", lambda *a, **k: pytest.fail("analysed an over-long need"))


def test_partners_page_refuses_a_36kb_need_with_a_message(client, mini_catalog, no_need_analysis):
    response = client.get(reverse("matching:partners", args=["c3"]), {"need": LONG_NEED})
    assert response.status_code == 200
    assert "höchstens 2000 Zeichen" in response.content.decode()


def test_need_page_refuses_a_36kb_need_with_a_form_error(client, mini_catalog, no_need_analysis):
    response = client.get(reverse("matching:need"), {"text": LONG_NEED})
    assert response.status_code == 200
    assert "höchstens 2000 Zeichen" in response.content.decode()


def test_api_partners_refuses_a_36kb_need(client, mini_catalog, no_need_analysis):
    response = client.get("/api/v1/partners/c3/", {"need": LONG_NEED})
    assert response.status_code == 400 and "need" in response.json()


def test_api_match_refuses_an_over_long_label_list(client, mini_catalog, no_need_analysis):
    body = {"text": "Onlineshop", "labels": ["x" * 200] * 1000}
    response = client.post("/api/v1/match/", body, content_type="application/json")
    assert response.status_code == 400 and "labels" in response.json()
