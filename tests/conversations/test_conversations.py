"""Conversations: who may read and write each page, sending with notification and mail, limits, escaping."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from itkoop.conversations import services
from itkoop.conversations.models import MAX_BODY, Conversation, Message, Participant
from itkoop.cooperation import services as cooperation_services
from itkoop.cooperation.models import CooperationProfile, ExpressionOfInterest
from itkoop.events.models import MeetingRequest
from itkoop.notifications.models import Notification

from ..events.factories import meeting_day
from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db
Kind = Conversation.Kind


@pytest.fixture
def companies():
    return [CompanyFactory(hub_id="kassel") for _ in range(3)]


@pytest.fixture
def parties(companies):
    return member_of(companies[0]), member_of(companies[1])


@pytest.fixture
def cooperation(companies, parties):
    return cooperation_services.cooperation_invite(
        actor=parties[0], companies=companies[:2], title="Shop mit ERP", accept_code_of_conduct=True
    )


@pytest.fixture
def conversation(cooperation, parties):
    return services.conversation_for(actor=parties[0], kind=Kind.COOPERATION, object_id=cooperation.pk)


def _interest(author_company, interested_company, status="accepted"):
    profile = CooperationProfile.objects.create(
        kind=CooperationProfile.Kind.TECHNOLOGY_REQUEST
        if hasattr(CooperationProfile.Kind, "TECHNOLOGY_REQUEST")
        else CooperationProfile.Kind.values[0],
        title="OCR gesucht",
        body="…",
        company=author_company,
        expires_at=timezone.now() + timedelta(days=30),
    )
    return ExpressionOfInterest.objects.create(
        profile=profile, company=interested_company, cooperation_sought="x", about="y", status=status
    )


def _meeting_request(sender, recipient):
    event = meeting_day()
    return MeetingRequest.objects.create(
        event=event,
        sender=sender,
        recipient=recipient,
        reason="Reden",
        expires=timezone.now() + timedelta(days=1),
    )


# --- who is a party ---


def test_cooperation_conversation_has_the_companies_as_parties(conversation, companies):
    assert {p.company_id for p in conversation.participants.all()} == {companies[0].pk, companies[1].pk}
    assert conversation.subject == "Shop mit ERP"


def test_conversation_for_is_get_or_create(conversation, cooperation, parties):
    again = services.conversation_for(actor=parties[1], kind=Kind.COOPERATION, object_id=cooperation.pk)
    assert again.pk == conversation.pk
    assert Conversation.objects.count() == 1


def test_outsider_cannot_start_a_cooperation_conversation(cooperation, companies):
    with pytest.raises(PermissionDenied):
        services.conversation_for(
            actor=member_of(companies[2]), kind=Kind.COOPERATION, object_id=cooperation.pk
        )
    assert Conversation.objects.count() == 0


def test_interest_conversation_only_when_accepted(companies):
    author, interested = member_of(companies[0]), member_of(companies[1])
    pending = _interest(companies[0], companies[1], status="pending")
    with pytest.raises(PermissionDenied):
        services.conversation_for(actor=author, kind=Kind.INTEREST, object_id=pending.pk)
    accepted = _interest(companies[0], companies[1])
    c = services.conversation_for(actor=interested, kind=Kind.INTEREST, object_id=accepted.pk)
    assert {p.company_id for p in c.participants.all()} == {companies[0].pk, companies[1].pk}


def test_meeting_request_conversation_is_between_the_two_people():
    sender, recipient, other = UserFactory(), UserFactory(), UserFactory()
    request = _meeting_request(sender, recipient)
    with pytest.raises(PermissionDenied):
        services.conversation_for(actor=other, kind=Kind.MEETING_REQUEST, object_id=request.pk)
    c = services.conversation_for(actor=recipient, kind=Kind.MEETING_REQUEST, object_id=request.pk)
    assert {p.user_id for p in c.participants.all()} == {sender.pk, recipient.pk}


# --- sending ---


def test_message_send_notifies_the_other_party_by_mail(
    conversation, parties, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(actor=parties[0], conversation_id=conversation.pk, body="Hallo <b>Partner</b>")
    assert Message.objects.get().body == "Hallo <b>Partner</b>"
    notes = Notification.objects.filter(kind="conversations.message")
    assert [n.recipient_id for n in notes] == [parties[1].pk]
    assert notes[0].url_name == "conversations:detail"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [parties[1].email]
    assert "Shop mit ERP" in mail.outbox[0].subject or "Shop mit ERP" in mail.outbox[0].body
    assert "Hallo" in mail.outbox[0].body  # (the notification mail's text part strips tags from bodies)
    html = mail.outbox[0].alternatives[0][0]
    assert "<b>Partner</b>" not in html and "&lt;b&gt;Partner&lt;/b&gt;" in html


@pytest.mark.parametrize("body", ["", "   \n ", "x" * (MAX_BODY + 1)])
def test_empty_or_overlong_message_is_refused_and_nothing_stored(conversation, parties, body):
    with pytest.raises(ValidationError):
        services.message_send(actor=parties[0], conversation_id=conversation.pk, body=body)
    assert Message.objects.count() == 0
    assert Notification.objects.filter(kind="conversations.message").count() == 0


def test_message_of_exactly_the_limit_is_kept(conversation, parties):
    services.message_send(actor=parties[0], conversation_id=conversation.pk, body="x" * MAX_BODY)
    assert Message.objects.count() == 1


def test_outsider_cannot_send(conversation, companies):
    with pytest.raises(PermissionDenied):
        services.message_send(actor=member_of(companies[2]), conversation_id=conversation.pk, body="Hallo")
    assert Message.objects.count() == 0


def test_message_rate_limit(conversation, parties):
    limit = services.MESSAGE_LIMIT[0]
    for i in range(limit):
        services.message_send(actor=parties[0], conversation_id=conversation.pk, body=f"Nachricht {i}")
    with pytest.raises(ValidationError):
        services.message_send(actor=parties[0], conversation_id=conversation.pk, body="eine zu viel")
    assert Message.objects.count() == limit
    services.message_send(actor=parties[1], conversation_id=conversation.pk, body="die andere Seite darf")


# --- company contact ---


def test_company_contact_from_a_company(companies):
    user = member_of(companies[0])
    c = services.company_contact(
        actor=user, company_external_id=companies[1].external_id, subject="Anfrage", body="Hallo"
    )
    assert c.kind == Kind.COMPANY_CONTACT
    assert {p.company_id for p in c.participants.all()} == {companies[0].pk, companies[1].pk}
    assert (
        Notification.objects.filter(kind="conversations.message").count() == 0
    )  # nobody at companies[1] yet


def test_company_contact_by_a_person_without_company(companies):
    target_member = member_of(companies[1])
    user = UserFactory()
    c = services.company_contact(
        actor=user, company_external_id=companies[1].external_id, subject="Anfrage", body="Hallo"
    )
    assert {(p.company_id, p.user_id) for p in c.participants.all()} == {
        (companies[1].pk, None),
        (None, user.pk),
    }
    assert Notification.objects.get(kind="conversations.message").recipient == target_member


def test_company_contact_rate_limit(companies):
    user = UserFactory()
    for n in range(services.CONTACT_LIMIT[0]):
        services.company_contact(
            actor=user, company_external_id=companies[1].external_id, subject="s", body=f"b{n}"
        )
    with pytest.raises(ValidationError):
        services.company_contact(
            actor=user, company_external_id=companies[1].external_id, subject="s", body="b"
        )
    assert Conversation.objects.count() == services.CONTACT_LIMIT[0]


def test_company_contact_sent_twice_at_once_is_one_conversation(companies):
    member_of(companies[1])
    user = member_of(companies[0])
    for _ in range(2):  # a double click, or the form sent again after going back
        c = services.company_contact(
            actor=user, company_external_id=companies[1].external_id, subject="Anfrage", body="Hallo"
        )
    assert Conversation.objects.get() == c
    assert Message.objects.count() == 1
    assert Notification.objects.filter(kind="conversations.message").count() == 1


def test_company_contact_to_a_company_without_members_mails_its_contact_address(
    companies, django_capture_on_commit_callbacks
):
    companies[1].contact_email = "info@ziel.example"
    companies[1].save()
    user = member_of(companies[0])
    with django_capture_on_commit_callbacks(execute=True):
        services.company_contact(
            actor=user, company_external_id=companies[1].external_id, subject="Anfrage OCR", body="Hallo"
        )
    [message] = mail.outbox  # nobody has an account there: the message must not vanish unseen
    assert message.to == ["info@ziel.example"]
    assert "Anfrage OCR" in message.body
    assert "/unternehmen-uebernehmen/link/" in message.body
    assert "Einladung" not in message.body  # it is a message, not an invitation


# --- pages: every URL with an id answers 404 to non-parties ---


def _users(role, companies):
    return {
        "anonymous": lambda: None,
        "outsider": lambda: member_of(companies[2]),
        "hub_staff": lambda: hub_staff("kassel"),
    }[role]()


def _refused(response):
    return response.status_code == 404 or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


@pytest.mark.parametrize("role", ["anonymous", "outsider", "hub_staff"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_non_parties_get_404_on_the_conversation(client, conversation, companies, role, method):
    user = _users(role, companies)
    if user:
        client.force_login(user)
    response = getattr(client, method)(
        reverse("conversations:detail", args=[conversation.pk]), {"body": "rein"}
    )
    assert _refused(response)
    if user:
        assert response.status_code == 404
    assert Message.objects.count() == 0


@pytest.mark.parametrize("role", ["anonymous", "outsider", "hub_staff"])
def test_non_parties_cannot_add_hub_team(client, conversation, companies, role):
    user = _users(role, companies)
    if user:
        client.force_login(user)
    response = client.post(reverse("conversations:hub_team_add", args=[conversation.pk]))
    assert _refused(response)
    assert conversation.participants.count() == 2


@pytest.mark.parametrize("role", ["anonymous", "outsider", "hub_staff"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_non_parties_get_404_on_starting_pages(client, cooperation, companies, role, method):
    user = _users(role, companies)
    if user:
        client.force_login(user)
    interest = _interest(companies[0], companies[1])
    request = _meeting_request(UserFactory(), UserFactory())
    for name, pk in [
        ("for_cooperation", cooperation.pk),
        ("for_interest", interest.pk),
        ("for_meeting_request", request.pk),
    ]:
        response = getattr(client, method)(reverse(f"conversations:{name}", args=[pk]))
        assert _refused(response), name
    assert Conversation.objects.count() == 0


def test_get_on_starting_page_writes_nothing(client, cooperation, parties):
    client.force_login(parties[0])
    response = client.get(reverse("conversations:for_cooperation", args=[cooperation.pk]))
    assert response.status_code == 200
    assert Conversation.objects.count() == 0
    response = client.post(reverse("conversations:for_cooperation", args=[cooperation.pk]))
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("conversations:detail", args=[conversation.pk])
    response = client.get(reverse("conversations:for_cooperation", args=[cooperation.pk]))
    assert response["Location"] == reverse("conversations:detail", args=[conversation.pk])


def test_hub_staff_reads_only_after_a_party_adds_them(client, conversation, parties):
    staff = hub_staff("kassel")
    client.force_login(staff)
    assert client.get(reverse("conversations:detail", args=[conversation.pk])).status_code == 404
    client.force_login(parties[0])
    client.post(reverse("conversations:hub_team_add", args=[conversation.pk]))
    assert Participant.objects.filter(conversation=conversation, user=staff, added_by=parties[0]).exists()
    client.force_login(staff)
    assert client.get(reverse("conversations:detail", args=[conversation.pk])).status_code == 200


def test_reply_form_posts_and_shows_escaped_text_with_line_breaks(client, conversation, parties):
    client.force_login(parties[1])
    response = client.post(
        reverse("conversations:detail", args=[conversation.pk]),
        {"body": "<script>alert(1)</script>\nZeile 2"},
    )
    assert response.status_code == 302
    page = client.get(reverse("conversations:detail", args=[conversation.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Zeile 2" in page


def test_empty_reply_shows_a_message_and_stores_nothing(client, conversation, parties):
    client.force_login(parties[1])
    response = client.post(reverse("conversations:detail", args=[conversation.pk]), {"body": "  "})
    assert response.status_code == 400
    assert "Bitte schreiben Sie eine Nachricht." in response.content.decode()
    assert Message.objects.count() == 0


def test_overlong_contact_shows_a_message_and_stores_nothing(client, companies):
    client.force_login(UserFactory())
    url = reverse("conversations:company_contact", args=[companies[1].external_id])
    response = client.post(url, {"subject": "Hallo", "body": "x" * (MAX_BODY + 1)})
    assert response.status_code == 400
    assert "höchstens" in response.content.decode()
    assert Conversation.objects.count() == 0


def test_contact_needs_login_and_unknown_company_is_404(client, companies):
    url = reverse("conversations:company_contact", args=[companies[1].external_id])
    assert "/konto/login/" in client.get(url)["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse("conversations:company_contact", args=["gibt-es-nicht"])).status_code == 404


def test_company_page_has_contact_button_for_logged_in_users(client, companies):
    url = companies[1].get_absolute_url()
    contact = reverse("conversations:company_contact", args=[companies[1].external_id])
    assert contact not in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert contact in client.get(url).content.decode()


def test_list_shows_only_my_conversations(client, conversation, parties, companies):
    client.force_login(parties[0])
    assert "Shop mit ERP" in client.get(reverse("conversations:list")).content.decode()
    client.force_login(member_of(companies[2]))
    assert "Shop mit ERP" not in client.get(reverse("conversations:list")).content.decode()


def test_cooperation_page_links_to_the_conversation_for_parties_only(client, cooperation, parties, companies):
    link = reverse("conversations:for_cooperation", args=[cooperation.pk])
    client.force_login(parties[0])
    assert link in client.get(cooperation.get_absolute_url()).content.decode()
    staff = hub_staff("kassel")
    client.force_login(staff)
    assert link not in client.get(cooperation.get_absolute_url()).content.decode()


def test_the_same_text_sent_twice_at_once_is_one_message(conversation, parties):
    first = services.message_send(actor=parties[0], conversation_id=conversation.pk, body="Termin am Montag?")
    again = services.message_send(actor=parties[0], conversation_id=conversation.pk, body="Termin am Montag?")
    assert again.pk == first.pk and Message.objects.count() == 1
    assert Notification.objects.filter(kind="conversations.message").count() == 1
