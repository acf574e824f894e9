"""The API answers in the language the client asks for with Accept-Language: German by default (and for
German or unknown languages), English when asked. The API's URLs carry no language prefix, so without this
every answer was German."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_object_answers_in_english_when_asked(client, mini_catalog):
    response = client.get("/api/v1/companies/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("header", [None, "de", "de-DE,de;q=0.9,en;q=0.8", "fr", "*"])
def test_german_is_the_default(client, mini_catalog, header):
    extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = client.get("/api/v1/companies/gibt-es-nicht/", **extra)
    assert response.json() == {"detail": "Nicht gefunden."}
    assert response["Content-Language"] == "de"


def test_a_validation_error_answers_in_english_when_asked(client, mini_catalog):
    response = client.post(
        "/api/v1/match/", {"text": ""}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"
    )
    assert response.status_code == 400
    assert response.json()["text"] == ["This field may not be blank."]
    german = client.post("/api/v1/match/", {"text": ""}, content_type="application/json")
    assert german.json()["text"] == ["Dieses Feld darf nicht leer sein."]


def test_our_own_messages_answer_in_english_when_asked(client, mini_catalog):
    body = {"text": "Onlineshop und Warenwirtschaft", "hub": "hamburg"}
    english = client.post("/api/v1/match/", body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en")
    german = client.post("/api/v1/match/", body, content_type="application/json")
    assert english.status_code == german.status_code == 400
    assert english.json()["detail"] != german.json()["detail"]
    assert "hamburg" in english.json()["detail"]


def test_partner_reasons_follow_accept_language(client, mini_catalog):
    english = client.get("/api/v1/partners/c1/", HTTP_ACCEPT_LANGUAGE="en").json()
    german = client.get("/api/v1/partners/c1/").json()
    reasons_en = [r for p in english["partners"] for r in p["reasons"]]
    reasons_de = [r for p in german["partners"] for r in p["reasons"]]
    assert any("Adds “Accounting” to your “ERP”" in r for r in reasons_en)
    assert any("Ergänzt Ihr Angebot „Warenwirtschaft / ERP“ um „Buchhaltung“" in r for r in reasons_de)


def test_the_language_of_one_answer_does_not_stay_for_the_next(client, mini_catalog):
    client.get("/api/v1/companies/gibt-es-nicht/", HTTP_ACCEPT_LANGUAGE="en")
    response = client.get("/api/v1/companies/gibt-es-nicht/")
    assert response.json() == {"detail": "Nicht gefunden."}
