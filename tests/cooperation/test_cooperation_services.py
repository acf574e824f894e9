"""Cooperations from invitation to result, and the trust the history yields."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation

from itkoop.cooperation import services
from itkoop.cooperation.models import Cooperation, CooperationParticipant
from itkoop.cooperation.selectors import cooperation_trust_pairs
from itkoop.registry.models import PastCooperation

from ..factories import CompanyFactory, UserFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio():
    return [CompanyFactory(external_id=f"p{i}") for i in range(3)]


def _invite(companies, actor=None, **kwargs):
    # Brokered by the hub staff unless a test names the inviter: then every company answers for itself.
    return services.cooperation_invite(
        actor=actor or hub_staff("kassel"),
        companies=companies,
        title="Gemeinsames ERP-Angebot",
        **kwargs,
    )


def _accept(cooperation, company):
    participant = cooperation.participants.get(company=company)
    return services.participant_respond(
        actor=member_of(company), participant=participant, accept=True, accept_code_of_conduct=True
    )


def test_invite_creates_invited_participants_and_notifies_members(trio, django_capture_on_commit_callbacks):
    members = [member_of(c) for c in trio]
    with django_capture_on_commit_callbacks(execute=True):
        cooperation = _invite(
            trio, need_text="Wir brauchen ERP mit DATEV", bundle={"companies": ["p0", "p1"]}
        )
    assert cooperation.state == Cooperation.State.INVITED
    assert cooperation.bundle == {"companies": ["p0", "p1"]}
    assert set(cooperation.participants.values_list("state", flat=True)) == {"invited"}
    assert {m.email for m in members} <= {to for message in mail.outbox for to in message.to}
    assert all(m.notifications.get().kind == "cooperation.invited" for m in members)
    assert all(message.alternatives[0][1] == "text/html" for message in mail.outbox)


def test_invitation_is_stored_as_kind_and_parameters_and_read_in_the_page_language(trio, client):
    """A German provider's invitation shows in English on /en/: the row holds no rendered sentence."""
    member = member_of(trio[1])
    inviter = UserFactory(first_name="Anna", last_name="Muster")
    inviter.memberships.create(company=trio[0], role="owner")
    cooperation = _invite(trio, actor=inviter, accept_code_of_conduct=True)
    row = member.notifications.get()
    assert row.params == {
        "cooperation_id": cooperation.pk,
        "company": trio[1].name,
        "title": "Gemeinsames ERP-Angebot",
        "inviter": f"Anna Muster ({trio[0].name})",
        "inviter_company": trio[0].name,
    }
    assert (row.url_name, row.url_args) == ("cooperation:detail", [cooperation.pk])
    client.force_login(member)
    german = client.get("/mein/posteingang/").content.decode()
    assert (
        f"Anna Muster ({trio[0].name}) lädt {trio[1].name} zur Kooperation „Gemeinsames ERP-Angebot“ ein."
        in german
    )
    english = client.get("/en/mein/posteingang/").content.decode()
    assert "invites" in english and "lädt" not in english
    with translation.override("en"):
        open_in_english = reverse("notifications:open", args=[row.pk])
    assert client.post(open_in_english).url == f"/en/kooperation/{cooperation.pk}/"


def test_activation_tells_the_accepted_partners(trio):
    cooperation = _invite(trio)
    _accept(cooperation, trio[0])
    _accept(cooperation, trio[1])
    member = trio[0].memberships.first().user
    assert member.notifications.filter(kind="cooperation.active").count() == 1


@pytest.mark.parametrize(
    ("companies", "message"),
    [("none", "mindestens zwei"), ("duplicate", "nur einmal"), ("single", "mindestens zwei")],
)
def test_invite_refuses_bad_lists_clearly_and_creates_nothing(trio, companies, message):
    chosen = {"none": [], "duplicate": [trio[0], trio[0]], "single": [trio[0]]}[companies]
    with pytest.raises(services.CooperationError, match=message):
        _invite(chosen)
    assert not Cooperation.objects.exists()


def test_invite_needs_a_logged_in_user(trio):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        _invite(trio, actor=AnonymousUser())
    assert not Cooperation.objects.exists()


def test_two_acceptances_make_it_active(trio):
    cooperation = _invite(trio)
    _accept(cooperation, trio[0])
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.INVITED
    _accept(cooperation, trio[1])
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ACTIVE and cooperation.activated_at is not None


def test_accepting_requires_the_code_of_conduct(trio):
    cooperation = _invite(trio)
    participant = cooperation.participants.get(company=trio[0])
    with pytest.raises(services.CooperationError, match="Verhaltenskodex"):
        services.participant_respond(
            actor=member_of(trio[0]), participant=participant, accept=True, accept_code_of_conduct=False
        )
    participant.refresh_from_db()
    assert participant.state == CooperationParticipant.State.INVITED


def test_only_members_of_the_invited_company_may_respond(trio):
    cooperation = _invite(trio)
    participant = cooperation.participants.get(company=trio[0])
    for outsider in (member_of(trio[1]), UserFactory()):
        with pytest.raises(PermissionDenied):
            services.participant_respond(
                actor=outsider, participant=participant, accept=True, accept_code_of_conduct=True
            )
    participant.refresh_from_db()
    assert participant.state == CooperationParticipant.State.INVITED


def test_answering_twice_is_refused(trio):
    cooperation = _invite(trio)
    participant = _accept(cooperation, trio[0])
    with pytest.raises(services.CooperationError, match="bereits geantwortet"):
        services.participant_respond(actor=member_of(trio[0]), participant=participant, accept=False)


def test_too_many_declines_end_the_invitation(trio):
    cooperation = _invite(trio)
    for company in trio[:2]:
        services.participant_respond(
            actor=member_of(company), participant=cooperation.participants.get(company=company), accept=False
        )
    cooperation.refresh_from_db()
    assert cooperation.state == Cooperation.State.ENDED


def test_result_is_recorded_by_accepted_partners_only(trio):
    cooperation = _invite(trio)
    _accept(cooperation, trio[0])
    _accept(cooperation, trio[1])
    with pytest.raises(PermissionDenied):
        services.cooperation_record_result(
            actor=member_of(trio[2]), cooperation=cooperation, kind="offer_won", record="x"
        )
    with pytest.raises(services.CooperationError):
        services.cooperation_record_result(
            actor=member_of(trio[0]), cooperation=cooperation, kind="offer_won", record="  "
        )
    result = services.cooperation_record_result(
        actor=member_of(trio[0]),
        cooperation=cooperation,
        kind="offer_won",
        record="Zuschlag der Stadtwerke erhalten.",
    )
    assert result.state == Cooperation.State.RESULT and result.result_kind == "offer_won"
    with pytest.raises(services.CooperationError):
        services.cooperation_record_result(
            actor=member_of(trio[0]), cooperation=cooperation, kind="ended", record="nochmal"
        )


def test_trust_pairs_count_active_and_successful_cooperations_and_past_records(trio):
    cooperation = _invite(trio)
    _accept(cooperation, trio[0])
    _accept(cooperation, trio[1])
    ended = _invite(trio[1:])
    _accept(ended, trio[1])
    _accept(ended, trio[2])
    services.cooperation_record_result(
        actor=member_of(trio[1]), cooperation=ended, kind="ended", record="Kein Auftrag"
    )
    PastCooperation.objects.create(company=trio[2], partner=trio[0], title="Shop", year=2023)
    PastCooperation.objects.create(company=trio[0], partner=trio[2], title="Shop", year=2023)
    assert cooperation_trust_pairs() == {("p0", "p1"): 1, ("p0", "p2"): 1}
