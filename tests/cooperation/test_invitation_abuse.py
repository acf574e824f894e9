"""Invitations cannot be sent without limit, for strangers, or with someone else's or a used token (16.7)."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services
from itkoop.cooperation.models import Cooperation
from itkoop.cooperation.services.cooperations import INVITATIONS_PER_HOUR
from itkoop.matching import services as matching
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db
NEED = "Onlineshop mit Warenwirtschaft und Buchhaltung"


@pytest.fixture
def pair():
    return [CompanyFactory(), CompanyFactory()]


def test_a_user_whose_company_takes_no_part_cannot_invite(pair):
    outsider = member_of(CompanyFactory())
    with pytest.raises(services.CooperationError, match="an denen Ihr eigenes Unternehmen teilnimmt"):
        services.cooperation_invite(actor=outsider, companies=pair, title="Spam")
    assert not Cooperation.objects.exists()
    assert not Notification.objects.exists()


def test_a_user_without_a_company_gets_no_review_of_strangers(client, pair):
    client.force_login(UserFactory())
    response = client.get(reverse("cooperation:invite"), {"companies": [c.external_id for c in pair]})
    assert response.status_code == 200
    assert "an denen Ihr eigenes Unternehmen teilnimmt" in response.content.decode()
    assert "Einladungen senden" not in response.content.decode()
    assert not Cooperation.objects.exists()


def test_a_review_form_posted_for_strangers_is_refused(client, pair):
    """The review page was never shown for these companies; a forged POST of it changes nothing."""
    user = member_of(CompanyFactory())
    client.force_login(user)
    response = client.post(
        reverse("cooperation:invite"),
        {
            "companies": [c.external_id for c in pair],
            "title": "Fremde",
            "accept_code_of_conduct": "on",
            "nonce": services.invite_form_nonce(actor=user),
        },
    )
    assert response.status_code == 200
    assert "an denen Ihr eigenes Unternehmen teilnimmt" in response.content.decode()
    assert not Cooperation.objects.exists() and not Notification.objects.exists()


def test_hub_staff_may_broker_a_cooperation_between_others(pair):
    cooperation = services.cooperation_invite(actor=hub_staff("kassel"), companies=pair, title="Vermittelt")
    assert cooperation.participants.count() == 2


def test_invitations_are_limited_per_user_and_hour(pair):
    inviter = member_of(pair[0])
    for i in range(INVITATIONS_PER_HOUR):
        services.cooperation_invite(actor=inviter, companies=pair, title=f"K{i}", accept_code_of_conduct=True)
    with pytest.raises(services.CooperationError, match="in der letzten Stunde bereits 10 Kooperationen"):
        services.cooperation_invite(
            actor=inviter, companies=pair, title="eine zu viel", accept_code_of_conduct=True
        )
    assert Cooperation.objects.count() == INVITATIONS_PER_HOUR
    # Someone else is not affected.
    services.cooperation_invite(
        actor=member_of(pair[1]), companies=pair, title="andere", accept_code_of_conduct=True
    )


def _token_for(client, user):
    client.force_login(user)
    return client.get(reverse("matching:need"), {"text": NEED}).context["bundles"][0]["invite_token"]


def test_a_customer_without_a_company_is_asked_to_create_one_before_inviting_providers(client, mini_catalog):
    token = _token_for(client, UserFactory())
    for response in (
        client.get(reverse("cooperation:bundle_invite"), {"token": token}),
        client.post(reverse("cooperation:bundle_invite"), {"token": token, "title": "X"}),
    ):
        assert response.status_code == 302 and response["Location"] == reverse("accounts:company_create")
    assert not Cooperation.objects.exists()


def test_anonymous_visitors_get_no_invitation_token_but_a_login_link(client, mini_catalog):
    page = client.get(reverse("matching:need"), {"text": NEED})
    assert "invite_token" not in page.context["bundles"][0]
    assert "Anmelden, um diese Anbieter einzuladen" in page.content.decode()


def _send(token, **fields):
    return {"token": token, "title": "Shop mit Warenwirtschaft", "accept_code_of_conduct": "on", **fields}


def test_a_token_made_for_one_user_does_not_work_for_another(client, mini_catalog):
    token = _token_for(client, member_of(CompanyFactory()))
    client.force_login(member_of(CompanyFactory()))
    assert client.get(reverse("cooperation:bundle_invite"), {"token": token}).status_code == 400
    response = client.post(reverse("cooperation:bundle_invite"), _send(token))
    assert response.status_code == 400
    assert matching.bundle_invite_payload(token, user_id=None) is None
    assert not Cooperation.objects.exists()


def test_a_token_used_by_its_owner_is_refused_to_another_user(client, mini_catalog):
    owner = member_of(CompanyFactory())
    token = _token_for(client, owner)
    client.post(reverse("cooperation:bundle_invite"), _send(token))
    cooperation = Cooperation.objects.get()
    client.force_login(member_of(CompanyFactory()))
    for response in (
        client.get(reverse("cooperation:bundle_invite"), {"token": token}),
        client.post(reverse("cooperation:bundle_invite"), _send(token)),
    ):
        assert response.status_code == 400
    assert Cooperation.objects.get() == cooperation
    # Nor does the digest, sent by another user through the service, answer with someone else's cooperation.
    with pytest.raises(services.CooperationError, match="bereits verwendet"):
        services.offer_invite(
            actor=member_of(CompanyFactory()),
            company_ids=["c1", "c2"],
            need_text=NEED,
            accept_code_of_conduct=True,
            invite_digest=matching.bundle_invite_digest(token),
        )
    assert Cooperation.objects.count() == 1


def test_a_token_invites_once_and_a_double_submit_shows_the_same_cooperation(client, mini_catalog):
    token = _token_for(client, member_of(CompanyFactory()))
    first = client.post(reverse("cooperation:bundle_invite"), _send(token))
    notices = Notification.objects.count()
    second = client.post(reverse("cooperation:bundle_invite"), _send(token, title="Anders"))
    cooperation = Cooperation.objects.get()
    assert first["Location"] == second["Location"] == cooperation.get_absolute_url()
    assert cooperation.title == "Shop mit Warenwirtschaft"
    assert Notification.objects.count() == notices, "nobody is invited twice"
    # The review page of a used token shows the cooperation instead of inviting again.
    again = client.get(reverse("cooperation:bundle_invite"), {"token": token})
    assert again.status_code == 302 and again["Location"] == cooperation.get_absolute_url()
