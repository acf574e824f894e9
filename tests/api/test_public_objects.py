"""Events and marketplace profiles through the API: what the pages show, and nothing they keep private."""

import datetime as dt

import pytest
from django.utils import timezone

from itkoop.cooperation.models import CooperationProfile, ExpressionOfInterest

from ..events.factories import EventFactory, confirmed
from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


def test_events_list_shows_coming_events_with_free_seats(client):
    event = EventFactory(capacity=3, meeting_link="https://meet.example.org/geheim")
    confirmed(event, UserFactory())
    EventFactory(start=timezone.now() - dt.timedelta(days=3), end=timezone.now() - dt.timedelta(days=2))
    data = client.get("/api/v1/events/").json()
    assert [e["id"] for e in data["results"]] == [event.pk]
    entry = data["results"][0]
    assert entry["free_seats"] == 2 and entry["title"] == event.title
    assert entry["ics"] == f"http://testserver/api/v1/events/{event.pk}/ics/"
    assert "meeting_link" not in entry and "geheim" not in str(data)


def test_events_list_filters_by_hub_and_takes_past_events_on_request(client):
    EventFactory(hub_id="berlin")
    old = EventFactory(start=timezone.now() - dt.timedelta(days=3), end=timezone.now() - dt.timedelta(days=2))
    assert client.get("/api/v1/events/", {"hub": "kassel"}).json()["count"] == 0
    past = client.get("/api/v1/events/", {"past": "true"}).json()["results"]
    assert old.pk in [e["id"] for e in past]
    assert client.get("/api/v1/events/", {"past": "vielleicht"}).status_code == 400


def test_event_detail_and_calendar_file_without_the_access_link(client):
    event = EventFactory(capacity=1, meeting_link="https://meet.example.org/geheim")
    confirmed(event, UserFactory())
    assert client.get(f"/api/v1/events/{event.pk}/").json()["free_seats"] == 0
    response = client.get(f"/api/v1/events/{event.pk}/ics/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content and b"geheim" not in response.content


@pytest.mark.parametrize("path", ["/api/v1/events/{}/", "/api/v1/events/{}/ics/"])
def test_missing_event_is_404_in_json(client, path):
    for pk in ("999999", "9" * 18, "9" * 30):
        response = client.get(path.format(pk))
        assert response.status_code == 404 and response["Content-Type"] == "application/json"


def _profile(company, **kwargs) -> CooperationProfile:
    fields = {
        "kind": CooperationProfile.Kind.TECHNOLOGY_REQUEST,
        "title": "Partner für Schnittstellen gesucht",
        "body": "Wir suchen einen Partner für DATEV-Anbindungen.",
        "company": company,
        "moderation": CooperationProfile.Moderation.PUBLISHED,
        "expires_at": timezone.now() + dt.timedelta(days=30),
        **kwargs,
    }
    return CooperationProfile.objects.create(**fields)


def test_published_profiles_are_listed_and_anonymous_authors_stay_hidden(client):
    company = CompanyFactory()
    open_profile = _profile(company)
    anonymous = _profile(company, anonymous=True, title="Anonym")
    _profile(company, moderation=CooperationProfile.Moderation.PENDING, title="Wartet")
    results = {p["id"]: p for p in client.get("/api/v1/profiles/").json()["results"]}
    assert set(results) == {open_profile.pk, anonymous.pk}
    assert results[open_profile.pk]["company"] == company.external_id
    assert results[anonymous.pk]["company"] is None


def test_anonymous_author_is_shown_to_the_author_and_to_an_accepted_partner(client):
    company, partner = CompanyFactory(), CompanyFactory()
    profile = _profile(company, anonymous=True)
    client.force_login(member_of(company))
    assert client.get(f"/api/v1/profiles/{profile.pk}/").json()["company"] == company.external_id
    partner_member = member_of(partner)
    client.force_login(partner_member)
    assert client.get(f"/api/v1/profiles/{profile.pk}/").json()["company"] is None
    ExpressionOfInterest.objects.create(
        profile=profile,
        company=partner,
        status=ExpressionOfInterest.Status.ACCEPTED,
        about="x",
        cooperation_sought="y",
    )
    assert client.get(f"/api/v1/profiles/{profile.pk}/").json()["company"] == company.external_id


def test_unpublished_profile_is_404_except_for_its_authors(client):
    company = CompanyFactory()
    pending = _profile(company, moderation=CooperationProfile.Moderation.PENDING)
    assert client.get(f"/api/v1/profiles/{pending.pk}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/api/v1/profiles/{pending.pk}/").status_code == 404
    client.force_login(member_of(company))
    assert client.get(f"/api/v1/profiles/{pending.pk}/").json()["title"] == pending.title


def test_profile_filters_are_validated(client):
    assert client.get("/api/v1/profiles/", {"kind": "quatsch"}).status_code == 400
    assert client.get("/api/v1/profiles/", {"q": "x" * 201}).status_code == 400


def test_taxonomy_is_readable(client, mini_catalog):
    capabilities = client.get("/api/v1/capabilities/").json()
    assert capabilities["count"] > 0
    first = capabilities["results"][0]
    assert client.get(f"/api/v1/capabilities/{first['id']}/").json() == first
    assert client.get("/api/v1/standards/bmecat/").json()["id"] == "bmecat"
