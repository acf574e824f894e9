"""The network directory: map data without tiles, and inquiries routed to a hub by topic and postcode."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from itkoop.cooperation.models import Inquiry
from itkoop.cooperation.services import route_inquiry

from ..factories import center_admin, hub_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The inquiry rate limit counts per address in the cache; every test starts and ends with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("topic", "postal_code", "hub", "routed_by"),
    [
        ("KI", "10117", "karlsruhe", "topic"),  # a speciality wins over the region
        ("Industrie 4.0", "34117", "aachen", "topic"),
        ("allgemein", "34117", "kassel", "postcode"),
        ("allgemein", "52062", "aachen", "postcode"),
        ("allgemein", "80331", "karlsruhe", "postcode"),
        ("allgemein", "10117", "berlin", "postcode"),
        ("unbekannt", "99999", "kassel", "postcode"),
    ],
)
def test_route_by_topic_then_postcode(topic, postal_code, hub, routed_by):
    routed, reason = route_inquiry(topic=topic, postal_code=postal_code)
    assert (routed.slug, reason) == (hub, routed_by)


def test_every_german_postcode_region_has_a_hub():
    for prefix in range(100):
        _, reason = route_inquiry(topic="allgemein", postal_code=f"{prefix:02d}000")
        assert reason in {"postcode", "fallback"}


def test_inquiry_reaches_the_hubs_staff_through_the_notification_service(
    client, django_capture_on_commit_callbacks
):
    kassel = hub_staff("kassel")
    berlin = hub_staff("berlin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cooperation:network"),
            {
                "name": "Erika Muster",
                "email": "erika@example.org",
                "postal_code": "34117",
                "topic": "allgemein",
                "question": "Wie finde ich Partner für ein Förderprojekt? <b>bitte</b>",
            },
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.hub_id == "kassel" and inquiry.routed_by == "postcode"
    row = kassel.notifications.get()
    assert row.kind == "cooperation.inquiry" and row.params["inquiry_id"] == inquiry.pk
    assert "Förderprojekt" not in str(row.params), "the question stays in the inquiry"
    assert not berlin.notifications.exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [kassel.email]
    message = mail.outbox[0]
    assert "Förderprojekt" in message.body and "erika@example.org" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Förderprojekt" in html
    assert "&lt;b&gt;bitte&lt;/b&gt;" in html and "<b>bitte</b>" not in html
    assert f"http://testserver/admin/cooperation/inquiry/{inquiry.pk}/change/" in message.body


def test_inquiry_goes_to_center_admins_when_a_hub_has_no_staff(client, django_capture_on_commit_callbacks):
    admin = center_admin()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("cooperation:network"),
            {
                "name": "A",
                "email": "a@example.org",
                "postal_code": "52062",
                "topic": "allgemein",
                "question": "?",
            },
        )
    assert mail.outbox[0].to == [admin.email] and admin.notifications.filter(kind="cooperation.inquiry")


@pytest.mark.parametrize(
    ("field", "value"), [("postal_code", "3411"), ("email", "kein-mail"), ("topic", "x"), ("question", "")]
)
def test_bad_inquiry_input_is_refused_clearly_and_stores_nothing(client, field, value):
    data = {
        "name": "A",
        "email": "a@example.org",
        "postal_code": "34117",
        "topic": "allgemein",
        "question": "?",
    }
    data[field] = value
    response = client.post(reverse("cooperation:network"), data)
    assert response.status_code == 200 and 'class="errorlist"' in response.content.decode()
    assert not Inquiry.objects.exists() and not mail.outbox


def test_network_page_has_map_data_for_all_centers_and_hubs_and_no_tiles(client):
    body = client.get(reverse("cooperation:network")).content.decode()
    data = json.loads(re.search(r'id="network-map-data"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert len(data["centers"]) == 22 and len(data["hubs"]) == 4
    assert data["outline"]["geometry"]["type"] == "Polygon"
    assert "vendor/leaflet/dist/leaflet.js" in body
    assert "tile" not in body.lower() or "openstreetmap" not in body.lower()
    assert not re.search(r"""src=["']https?://""", body)


def test_network_page_in_english_names_hub_topics_in_english(client):
    body = client.get("/en/netzwerk/").content.decode()
    assert 'lang="en"' in body and "crafts and trade" in body and "Kassel hub" in body


def test_inquiries_are_rate_limited_per_address(client):
    from django.core.cache import cache

    cache.clear()
    data = {
        "name": "A",
        "email": "a@example.org",
        "postal_code": "34117",
        "topic": "allgemein",
        "question": "?",
    }
    for _ in range(5):
        assert client.post(reverse("cooperation:network"), data).status_code == 302
    response = client.post(reverse("cooperation:network"), data)
    assert response.status_code == 200 and "Zu viele Anfragen" in response.content.decode()
    assert Inquiry.objects.count() == 5
