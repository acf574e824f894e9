"""Once an interest is accepted, both sides see each other's contact (the company's published contact data and
the person who wrote the profile or the interest) and their conversation is open; before that, and for
everyone else, nothing of it shows."""

import pytest
from django.urls import reverse

from itkoop.conversations.models import Conversation
from itkoop.cooperation import services
from itkoop.registry.models import Company

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_company():
    return CompanyFactory(
        name="Autor Software GmbH",
        hub_id="kassel",
        contact_name="Anna Autor",
        contact_email="kontakt@autor-software.example",
        contact_phone="0561 123456",
        publish_contact=True,
    )


@pytest.fixture
def author(author_company):
    user = member_of(author_company)
    user.first_name, user.last_name = "Paula", "Profil"
    user.save()
    return user


@pytest.fixture
def interested_company():
    return CompanyFactory(
        name="Interessiert IT UG",
        hub_id="berlin",
        contact_name="Ivo Interesse",
        contact_email="hallo@interessiert.example",
        publish_contact=True,
    )


@pytest.fixture
def member(interested_company):
    return member_of(interested_company)


@pytest.fixture
def interest(author, author_company, interested_company, member):
    profile = services.profile_create(
        actor=author,
        company=author_company,
        kind="technology_request",
        title="Suche OCR-Partner",
        body="Texterkennung für Lieferscheine.",
        anonymous=True,
    )
    services.profile_moderate(actor=hub_staff("kassel"), profile=profile, publish=True)
    return services.interest_submit(
        actor=member,
        profile=profile,
        company=interested_company,
        cooperation_sought="Gemeinsames Angebot",
        about="Wir machen OCR.",
    )


def _page(client, user, interest) -> str:
    client.force_login(user)
    return client.get(interest.profile.get_absolute_url()).content.decode()


def test_both_sides_see_each_others_contact_once_accepted(client, interest, author, member):
    services.interest_answer(actor=author, interest=interest, accept=True)
    theirs = _page(client, member, interest)
    assert "kontakt@autor-software.example" in theirs and "Anna Autor" in theirs
    assert 'href="tel:0561123456"' in theirs
    assert "Paula Profil" in theirs and author.email in theirs
    mine = _page(client, author, interest)
    assert "hallo@interessiert.example" in mine and "Ivo Interesse" in mine
    assert member.email in mine


@pytest.mark.parametrize("answer", [None, False])
def test_no_contact_before_acceptance_or_after_a_decline(client, interest, author, member, answer):
    if answer is not None:
        services.interest_answer(actor=author, interest=interest, accept=answer)
    theirs = _page(client, member, interest)
    assert "kontakt@autor-software.example" not in theirs and author.email not in theirs
    mine = _page(client, author, interest)
    assert member.email not in mine and "hallo@interessiert.example" not in mine


def test_unpublished_contact_data_stays_hidden_after_acceptance(client, interest, author, member):
    Company.objects.filter(pk=interest.profile.company_id).update(publish_contact=False)
    services.interest_answer(actor=author, interest=interest, accept=True)
    theirs = _page(client, member, interest)
    assert "kontakt@autor-software.example" not in theirs and "Anna Autor" not in theirs
    assert author.email in theirs  # the person who wrote the profile is the accepted contact


def test_outsiders_see_no_contact_of_an_accepted_interest(client, interest, author, member):
    services.interest_answer(actor=author, interest=interest, accept=True)
    for outsider in (UserFactory(), member_of(CompanyFactory())):
        page = _page(client, outsider, interest)
        assert author.email not in page and member.email not in page


def test_acceptance_opens_the_conversation_of_both_companies(client, interest, author, member):
    services.interest_answer(actor=author, interest=interest, accept=True)
    conversation = Conversation.objects.get(kind=Conversation.Kind.INTEREST, object_id=interest.pk)
    parties = set(conversation.participants.values_list("company_id", flat=True))
    assert parties == {interest.company_id, interest.profile.company_id}
    for user in (author, member):
        client.force_login(user)
        listed = client.get(reverse("conversations:list")).content.decode()
        assert reverse("conversations:detail", args=[conversation.pk]) in listed


def test_a_declined_interest_opens_no_conversation(interest, author):
    services.interest_answer(actor=author, interest=interest, accept=False)
    assert not Conversation.objects.exists()
