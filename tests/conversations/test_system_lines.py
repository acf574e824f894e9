"""The platform's own lines in a conversation ("the hub team was added") are stored as a kind, not as German
text, and read in each reader's language; so is the notice about it (issue 9)."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from itkoop.conversations import notifications as kinds
from itkoop.conversations import services
from itkoop.conversations.models import Conversation, Message, Participant
from itkoop.cooperation import services as cooperation_services

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    companies = [CompanyFactory(hub_id="kassel"), CompanyFactory(hub_id="kassel")]
    anna = UserFactory(first_name="Anna", last_name="Muster")
    anna.memberships.create(company=companies[0], role="owner")
    ben = member_of(companies[1])
    cooperation = cooperation_services.cooperation_invite(
        actor=anna, companies=companies, title="Shop mit ERP", accept_code_of_conduct=True
    )
    conversation = services.conversation_for(
        actor=anna, kind=Conversation.Kind.COOPERATION, object_id=cooperation.pk
    )
    return anna, ben, conversation


def test_adding_the_hub_team_stores_a_kind_and_no_text(setting):
    anna, _ben, conversation = setting
    hub_staff("kassel")
    assert services.hub_team_add(actor=anna, conversation_id=conversation.pk) == 1
    line = Message.objects.get(conversation=conversation)
    assert line.system_kind == Message.SystemKind.HUB_TEAM_ADDED
    assert line.body == "" and line.author == anna


def test_the_line_reads_in_the_readers_language(client, setting):
    anna, ben, conversation = setting
    hub_staff("kassel")
    services.hub_team_add(actor=anna, conversation_id=conversation.pk)
    client.force_login(ben)
    url = reverse("conversations:detail", args=[conversation.pk])
    german = client.get(url).content.decode()
    assert "Anna Muster hat das Team des Stützpunkts zu dieser Unterhaltung hinzugefügt." in german
    english = client.get(f"/en{url}").content.decode()
    assert "Anna Muster has added the hub team to this conversation." in english
    assert "hat das Team" not in english


def test_the_notice_is_a_kind_with_names_and_reads_in_the_readers_language(client, setting):
    anna, ben, conversation = setting
    staff = hub_staff("kassel")
    services.hub_team_add(actor=anna, conversation_id=conversation.pk)
    notice = ben.notifications.get(kind=kinds.HUB_TEAM_ADDED)
    assert notice.params == {"person": "Anna Muster", "subject": "Shop mit ERP"}
    assert staff.notifications.filter(kind=kinds.HUB_TEAM_ADDED).exists(), "the team hears it was asked in"
    assert not anna.notifications.filter(kind=kinds.HUB_TEAM_ADDED).exists()
    client.force_login(ben)
    english = client.get("/en/mein/posteingang/").content.decode()
    assert "Anna Muster has added the hub team to the conversation “Shop mit ERP”." in english


def test_adding_the_team_again_adds_no_second_line(setting):
    anna, _ben, conversation = setting
    hub_staff("kassel")
    services.hub_team_add(actor=anna, conversation_id=conversation.pk)
    assert services.hub_team_add(actor=anna, conversation_id=conversation.pk) == 0
    assert Message.objects.filter(conversation=conversation).count() == 1


def test_stored_lines_become_kinds_and_written_messages_stay(setting):
    """The migration turns lines stored as text (German or English) into the kind; a person's message that
    happens to say the same in a conversation without added staff keeps its text."""
    anna, ben, conversation = setting
    staff = hub_staff("kassel")
    Participant.objects.create(conversation=conversation, user=staff, added_by=anna)
    german = Message.objects.create(
        conversation=conversation,
        author=anna,
        body="Anna Muster hat das Team des Stützpunkts zu dieser Unterhaltung hinzugefügt.",
    )
    english = Message.objects.create(
        conversation=conversation, author=ben, body="Ben has added the hub team to this conversation."
    )
    written = Message.objects.create(conversation=conversation, author=ben, body="Danke, bis morgen.")
    other = Conversation.objects.create(
        subject="Kontakt", kind=Conversation.Kind.COMPANY_CONTACT, object_id=1
    )
    typed = Message.objects.create(
        conversation=other,
        author=ben,
        body="Ben hat das Team des Stützpunkts zu dieser Unterhaltung hinzugefügt.",
    )
    migration = importlib.import_module("itkoop.conversations.migrations.0002_system_lines_by_kind")
    migration.lines_to_kinds(apps, None)
    for message in (german, english, written, typed):
        message.refresh_from_db()
    assert (german.system_kind, german.body) == ("hub_team_added", "")
    assert (english.system_kind, english.body) == ("hub_team_added", "")
    assert (written.system_kind, written.body) == ("", "Danke, bis morgen.")
    assert typed.system_kind == "" and typed.body.startswith("Ben hat das Team")
