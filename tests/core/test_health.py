"""/healthz says whether the process reaches its database and its task broker: 200 or 503, as JSON."""

from unittest import mock

import pytest
from django.test import override_settings

# A port nothing listens on: the broker is configured but unreachable.
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


@pytest.mark.django_db
def test_health_is_ok_with_a_working_database_and_no_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "not configured"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_answers_without_session_cookie_or_language_redirect(client):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


@pytest.mark.django_db
def test_health_answers_probes_on_any_host_name_and_plain_http(client):
    """A probe on the machine itself says Host: 127.0.0.1 and no HTTPS, which production otherwise refuses
    (ALLOWED_HOSTS) or redirects (SECURE_SSL_REDIRECT)."""
    with override_settings(ALLOWED_HOSTS=["itkoop.example.org"], SECURE_SSL_REDIRECT=True):
        response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200


@pytest.mark.django_db
def test_health_is_503_when_the_broker_is_configured_but_unreachable(client):
    with override_settings(CELERY_BROKER_URL=UNREACHABLE_BROKER):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "broker": "unreachable"}
    assert "127.0.0.1" not in response.content.decode()  # no address or error text for the world


@pytest.mark.django_db
def test_health_is_503_when_the_database_fails(client):
    from django.db import OperationalError

    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.django_db
def test_health_accepts_only_reads(client):
    """POST /healthz is no health probe: it goes on to the site (and its 404 page)."""
    assert client.post("/healthz").status_code == 404


@pytest.mark.broker
@pytest.mark.django_db
def test_health_is_ok_with_a_reachable_broker(client):
    import os

    from itkoop.core.health import broker_status

    url = os.environ.get("ITKOOP_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    with override_settings(CELERY_BROKER_URL=url):
        if broker_status() != "ok":
            pytest.skip("no Redis at ITKOOP_TEST_REDIS_URL (`make redis` starts one)")
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"
