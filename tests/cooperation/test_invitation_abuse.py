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


def test_a_user_without_a_company_cannot_invite_through_the_form(client, pair):
    client.force_login(UserFactory())
    response = client.post(reverse("cooperation:invite"), {"title": "X", "companies": [c.pk for c in pair]})
    assert response.status_code == 200
    assert "an denen Ihr eigenes Unternehmen teilnimmt" in response.content.decode()
    assert not Cooperation.objects.exists()


def test_hub_staff_may_broker_a_cooperation_between_others(pair):
    cooperation = services.cooperation_invite(actor=hub_staff("kassel"), companies=pair, title="Vermittelt")
    assert cooperation.participants.count() == 2


def test_invitations_are_limited_per_user_and_hour(pair):
    inviter = member_of(pair[0])
    for i in range(INVITATIONS_PER_HOUR):
        services.cooperation_invite(actor=inviter, companies=pair, title=f"K{i}")
    with pytest.raises(services.CooperationError, match="in der letzten Stunde bereits 10 Kooperationen"):
        services.cooperation_invite(actor=inviter, companies=pair, title="eine zu viel")
    assert Cooperation.objects.count() == INVITATIONS_PER_HOUR
    # Someone else is not affected.
    services.cooperation_invite(actor=member_of(pair[1]), companies=pair, title="andere")


def _token_for(client, user):
    client.force_login(user)
    return client.get(reverse("matching:need"), {"text": NEED}).context["bundles"][0]["invite_token"]


def test_a_customer_without_a_company_is_asked_to_create_one_before_inviting_providers(client, mini_catalog):
    token = _token_for(client, UserFactory())
    response = client.post(reverse("cooperation:bundle_invite"), {"token": token})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:company_create")
    assert not Cooperation.objects.exists()


def test_anonymous_visitors_get_no_invitation_token_but_a_login_link(client, mini_catalog):
    page = client.get(reverse("matching:need"), {"text": NEED})
    assert "invite_token" not in page.context["bundles"][0]
    assert "Anmelden, um diese Anbieter einzuladen" in page.content.decode()


def test_a_token_made_for_one_user_does_not_work_for_another(client, mini_catalog):
    token = _token_for(client, member_of(CompanyFactory()))
    client.force_login(member_of(CompanyFactory()))
    response = client.post(reverse("cooperation:bundle_invite"), {"token": token})
    assert response.status_code == 400
    assert matching.bundle_invite_payload(token, user_id=None) is None
    assert not Cooperation.objects.exists()


def test_a_token_invites_once_and_a_double_submit_shows_the_same_cooperation(client, mini_catalog):
    token = _token_for(client, member_of(CompanyFactory()))
    first = client.post(reverse("cooperation:bundle_invite"), {"token": token})
    notices = Notification.objects.count()
    second = client.post(reverse("cooperation:bundle_invite"), {"token": token})
    cooperation = Cooperation.objects.get()
    assert first["Location"] == second["Location"] == cooperation.get_absolute_url()
    assert Notification.objects.count() == notices, "nobody is invited twice"
