"""The inviter withdraws an invitation while answers are pending (issue 9.3): every invited company's members
are told; answering it afterwards gives a clear message and changes nothing; nobody else may withdraw."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from itkoop.cooperation import notifications as kinds
from itkoop.cooperation import services
from itkoop.cooperation.models import Cooperation, CooperationParticipant
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio():
    return [CompanyFactory(hub_id="kassel") for _ in range(3)]


@pytest.fixture
def inviter(trio):
    return member_of(trio[0])


@pytest.fixture
def cooperation(trio, inviter):
    return services.cooperation_invite(
        actor=inviter, companies=trio, title="Shop mit ERP", accept_code_of_conduct=True
    )


def _answer(cooperation, company, accept=True, actor=None):
    return services.participant_respond(
        actor=actor or member_of(company),
        participant=cooperation.participants.get(company=company),
        accept=accept,
        accept_code_of_conduct=True,
    )


def test_the_inviter_withdraws_and_every_invited_company_is_told(trio, inviter, cooperation):
    members = [member_of(trio[1]), member_of(trio[2])]
    colleague = member_of(trio[0])
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.WITHDRAWN and cooperation.withdrawn_at is not None
    told = Notification.objects.filter(kind=kinds.WITHDRAWN)
    assert set(told.values_list("recipient", flat=True)) == {m.pk for m in [*members, colleague]}
    assert not told.filter(recipient=inviter).exists()
    assert told.first().params["title"] == "Shop mit ERP"


def test_a_withdrawn_invitation_answered_gives_a_clear_message_and_changes_nothing(
    trio, inviter, cooperation
):
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    for accept in (True, False):
        with pytest.raises(services.CooperationError, match="zurückgezogen"):
            _answer(cooperation, trio[1], accept=accept)
    assert cooperation.participants.get(company=trio[1]).state == CooperationParticipant.State.INVITED
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.WITHDRAWN


def test_answering_a_withdrawn_invitation_through_the_page_shows_the_message(
    client, trio, inviter, cooperation
):
    member = member_of(trio[1])
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    client.force_login(member)
    participant = cooperation.participants.get(company=trio[1])
    page = client.get(cooperation.get_absolute_url()).content.decode()
    assert "Diese Einladung wurde zurückgezogen" in page and "Zusagen" not in page
    response = client.post(
        reverse("cooperation:respond", args=[participant.pk]),
        {"accept": "1", "accept_code_of_conduct": "on"},
        follow=True,
    )
    assert "Eine Antwort ist nicht mehr nötig" in response.content.decode()
    participant.refresh_from_db()
    assert participant.state == CooperationParticipant.State.INVITED


@pytest.mark.parametrize("who", ["partner", "colleague", "staff", "stranger"])
def test_only_the_inviter_may_withdraw(trio, cooperation, who):
    actor = {
        "partner": lambda: member_of(trio[1]),
        "colleague": lambda: member_of(trio[0]),
        "staff": lambda: hub_staff("kassel"),
        "stranger": UserFactory,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.cooperation_withdraw(actor=actor, cooperation=cooperation)
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.INVITED
    assert not Notification.objects.filter(kind=kinds.WITHDRAWN).exists()


def test_an_active_cooperation_cannot_be_withdrawn(trio, inviter, cooperation):
    _answer(cooperation, trio[1])
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ACTIVE
    with pytest.raises(services.CooperationError, match="solange sie noch auf Antworten wartet"):
        services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ACTIVE


def test_withdrawing_twice_is_refused_and_tells_nobody_again(trio, inviter, cooperation):
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    told = Notification.objects.filter(kind=kinds.WITHDRAWN).count()
    with pytest.raises(services.CooperationError, match="bereits zurückgezogen"):
        services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    assert Notification.objects.filter(kind=kinds.WITHDRAWN).count() == told


def test_the_detail_page_offers_withdrawal_to_the_inviter_only(client, trio, inviter, cooperation):
    url = reverse("cooperation:withdraw", args=[cooperation.pk])
    client.force_login(inviter)
    assert f'action="{url}"' in client.get(cooperation.get_absolute_url()).content.decode()
    client.force_login(member_of(trio[1]))
    assert f'action="{url}"' not in client.get(cooperation.get_absolute_url()).content.decode()


def test_the_withdraw_page_takes_post_only_and_refuses_others(client, trio, inviter, cooperation):
    url = reverse("cooperation:withdraw", args=[cooperation.pk])
    client.force_login(inviter)
    assert client.get(url).status_code == 405
    client.force_login(member_of(CompanyFactory()))
    assert client.post(url).status_code == 404, "a stranger cannot tell the cooperation exists"
    client.force_login(member_of(trio[1]))
    assert client.post(url).status_code == 403
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.INVITED
    client.force_login(inviter)
    response = client.post(url, follow=True)
    assert "Die Einladung ist zurückgezogen" in response.content.decode()
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.WITHDRAWN
    assert "Einladung zurückziehen" not in client.get(cooperation.get_absolute_url()).content.decode()


def test_a_withdrawn_invitation_is_no_longer_open(trio, inviter, cooperation):
    from itkoop.cooperation.selectors import open_invitations_of_user

    member = member_of(trio[1])
    assert open_invitations_of_user(member).exists()
    services.cooperation_withdraw(actor=inviter, cooperation=cooperation)
    assert not open_invitations_of_user(member).exists()
