"""Who may answer an invitation and record a result: one rule in `permissions`, used by services and pages."""

import pytest

from itkoop.cooperation import permissions, services
from itkoop.cooperation.models import Cooperation

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio():
    return [CompanyFactory(external_id=f"p{i}") for i in range(3)]


def _invite(companies):
    # Brokered by the hub staff: every company answers for itself.
    return services.cooperation_invite(actor=hub_staff("kassel"), companies=companies, title="ERP-Angebot")


def _answer(cooperation, company, accept=True):
    return services.participant_respond(
        actor=member_of(company),
        participant=cooperation.participants.get(company=company),
        accept=accept,
        accept_code_of_conduct=True,
    )


def _open_for(user, cooperation):
    cooperation.refresh_from_db()
    return permissions.invitations_to_answer(user, cooperation, list(cooperation.participants.all()))


def test_a_member_may_answer_only_their_own_companys_open_invitation(trio):
    cooperation = _invite(trio)
    member = member_of(trio[0])
    assert [p.company for p in _open_for(member, cooperation)] == [trio[0]]
    assert _open_for(UserFactory(), cooperation) == []


def test_an_answered_invitation_is_no_longer_open(trio):
    cooperation = _invite(trio)
    member = member_of(trio[0])
    services.participant_respond(
        actor=member,
        participant=cooperation.participants.get(company=trio[0]),
        accept=True,
        accept_code_of_conduct=True,
    )
    assert _open_for(member, cooperation) == []


def test_a_closed_cooperation_takes_no_more_answers(trio):
    cooperation = _invite(trio[:2])
    _answer(cooperation, trio[0], accept=False)  # one of two declined: it can never become active
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ENDED
    assert _open_for(member_of(trio[1]), cooperation) == []
    with pytest.raises(services.CooperationError):
        _answer(cooperation, trio[1])


def test_only_accepted_partners_of_an_active_cooperation_may_record_the_result(trio):
    cooperation = _invite(trio)
    assert not permissions.can_record_result_now(member_of(trio[0]), cooperation)
    _answer(cooperation, trio[0])
    _answer(cooperation, trio[1])
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ACTIVE
    assert permissions.can_record_result_now(member_of(trio[0]), cooperation)
    assert not permissions.can_record_result_now(member_of(trio[2]), cooperation)
