"""A person's data download and the deletion of their account (figures unchanged, the person gone)."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.accounts import services
from itkoop.accounts.models import ConsentRecord, User
from itkoop.cooperation.models import Inquiry
from itkoop.events.models import Event, MeetingNotice, MeetingRequest, ParticipantProfile, Registration
from itkoop.notifications.models import Notification
from itkoop.reporting import selectors as reporting

from ..factories import CompanyFactory, member_of

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def meeting_day():
    start = timezone.now() - dt.timedelta(days=10)
    event = Event.objects.create(
        title="Kooperationsbörse",
        hub_id="kassel",
        start=start,
        end=start + dt.timedelta(hours=6),
        capacity=50,
        is_meeting_day=True,
    )
    alice, bob = member_of(CompanyFactory()), member_of(CompanyFactory())
    for person in (alice, bob):
        Registration.objects.create(event=event, user=person, status="confirmed")
    ParticipantProfile.objects.create(event=event, user=alice, offers="Alices Angebot", seeks="Partner")
    MeetingRequest.objects.create(
        event=event,
        sender=alice,
        recipient=bob,
        reason="Alices Grund",
        status="accepted",
        expires=timezone.now() + dt.timedelta(days=1),
    )
    MeetingNotice.objects.create(event=event, user=alice, reason="published", changes=[{"slot": 2}])
    MeetingNotice.objects.create(event=event, user=bob, reason="published", changes=[{"slot": 7}])
    Notification.objects.create(recipient=alice, kind="x", params={"title": "für Alice"})
    Notification.objects.create(recipient=bob, kind="x", params={"title": "für Bob"})
    Inquiry.objects.create(
        name="Alice A.",
        email=alice.email,
        postal_code="34117",
        topic="KI",
        question="Alices Frage",
        hub_id="kassel",
        routed_by="postcode",
    )
    ConsentRecord.objects.create(
        user=alice, email=alice.email, purpose="signup_privacy", text_kind="privacy", text_version=1
    )
    return event, alice, bob


def test_export_holds_the_persons_rows_and_no_one_elses(client, meeting_day):
    event, alice, bob = meeting_day
    client.force_login(alice)
    response = client.get(reverse("accounts:data_download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["account"]["email"] == alice.email
    assert len(data["memberships"]) == 1
    assert [r["event_id"] for r in data["event_registrations"]] == [event.pk]
    assert data["event_registrations"][0]["attendance"] == "on_site"  # on site or online: theirs too
    assert data["meeting_profiles"][0]["offers"] == "Alices Angebot"
    assert data["meeting_requests"]["sent"][0]["reason"] == "Alices Grund"
    assert data["meeting_requests"]["received"] == []
    assert [n["changes"] for n in data["meeting_notices"]] == [[{"slot": 2}]]
    assert [n["params"]["title"] for n in data["notifications"]["notifications"]] == ["für Alice"]
    assert data["network_inquiries"][0]["question"] == "Alices Frage"
    assert data["consent_records"][0]["text_version"] == 1
    text = response.content.decode()
    assert bob.email not in text
    assert "für Bob" not in text


def test_export_needs_login(client):
    response = client.get(reverse("accounts:data_download"))
    assert response.status_code == 302


def test_deletion_keeps_the_figures_and_removes_the_person(client, meeting_day):
    event, alice, bob = meeting_day
    kpis_before = reporting.kpis()
    funnels_before = [vars(f) for f in reporting.event_funnels()]
    email = alice.email
    client.force_login(alice)
    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert reporting.kpis() == kpis_before
    assert [vars(f) for f in reporting.event_funnels()] == funnels_before
    alice.refresh_from_db()
    assert not alice.is_active
    assert not User.objects.filter(email=email).exists()
    assert not Inquiry.objects.filter(email=email).exists()
    assert not ConsentRecord.objects.filter(email=email).exists()
    assert ConsentRecord.objects.filter(text_version=1, user=None).count() == 1  # the proof stays, unlinked
    assert Registration.objects.filter(event=event).count() == 2
    assert MeetingRequest.objects.get(sender=alice).reason == ""
    assert ParticipantProfile.objects.get(user=alice).offers == ""
    assert list(MeetingNotice.objects.values_list("user", flat=True)) == [bob.pk]
    assert not Notification.objects.filter(recipient=alice).exists()
    assert Notification.objects.filter(recipient=bob).count() == 1
    assert not client.login(email=email, password=PASSWORD)
    assert client.get(reverse("dashboard:index")).status_code == 302  # logged out


def test_deletion_with_a_wrong_password_changes_nothing(client, meeting_day):
    _event, alice, _bob = meeting_day
    client.force_login(alice)
    response = client.post(reverse("accounts:account_delete"), {"password": "falsch"})
    assert response.status_code == 200
    assert "Das Passwort stimmt nicht" in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and "@example.org" in alice.email
    assert Notification.objects.filter(recipient=alice).count() == 1


def test_deletion_service_refuses_anonymous():
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.account_delete(actor=AnonymousUser(), password="x")


def test_signup_records_the_acknowledged_privacy_version(client):
    url = reverse("account_signup")
    data = {
        "email": "neu@example.org",
        "password1": "ein-langes-passwort-7",
        "password2": "ein-langes-passwort-7",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert not User.objects.filter(email="neu@example.org").exists()
    client.post(url, {**data, "privacy_acknowledged": "on"})
    user = User.objects.get(email="neu@example.org")
    record = ConsentRecord.objects.get(user=user)
    assert (record.purpose, record.text_kind, record.text_version) == ("signup_privacy", "privacy", 1)


def test_signup_page_shows_the_privacy_notice(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert reverse("legal:privacy") in html
    assert "privacy_acknowledged" in html


def test_export_holds_the_persons_messages_and_documents_and_deletion_removes_the_documents(
    client, meeting_day
):
    from itkoop.conversations.models import Conversation, Message, Participant
    from itkoop.documents.models import Document

    _event, alice, bob = meeting_day
    conversation = Conversation.objects.create(subject="Angebot", kind="company_contact", object_id=1)
    Participant.objects.create(conversation=conversation, user=alice)
    Message.objects.create(conversation=conversation, author=alice, body="Alices Nachricht")
    Message.objects.create(conversation=conversation, author=bob, body="Bobs Nachricht")
    Document.objects.create(owner=alice, kind="matching.offer", params={"text": "Alices Bedarf"})
    Document.objects.create(owner=bob, kind="matching.offer", params={"text": "Bobs Bedarf"})
    client.force_login(alice)
    data = json.loads(client.get(reverse("accounts:data_download")).content)
    assert [m["body"] for m in data["messages"]] == ["Alices Nachricht"]
    assert [d["params"]["text"] for d in data["documents"]] == ["Alices Bedarf"]
    services.account_delete(actor=alice, password="a-long-test-password")
    assert not Document.objects.filter(owner=alice).exists() and Document.objects.filter(owner=bob).exists()
