"""State changes sent at once take effect once (issue 16.8) and a double submit of an invitation, from the
need page or the invitation form, makes one cooperation and one notice per person (16.7, 9.3): each service
re-reads its row under a lock and re-checks the state. Real threads and connections (PostgreSQL, or SQLite in
a file)."""

import pytest

from itkoop.accounts.models import User
from itkoop.cooperation import notifications as kinds
from itkoop.cooperation import services
from itkoop.cooperation.models import Cooperation, CooperationProfile, ExpressionOfInterest
from itkoop.matching import services as matching
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, hub_staff, member_of
from ..threads import in_threads

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("threads_share_database")]


@pytest.fixture
def profile():
    company = CompanyFactory(hub_id="kassel")
    author = member_of(company)
    profile = services.profile_create(
        actor=author, company=company, kind="business_offer", title="T", body="B"
    )
    return profile, author


def _answer(user: User, interest: ExpressionOfInterest, accept: bool):
    # Each page loaded the interest before either answer was saved: the service must not trust that copy.
    return services.interest_answer(actor=user, interest=interest, accept=accept)


def test_accept_and_decline_of_one_interest_at_once_take_effect_once(profile):
    profile, author = profile
    services.profile_moderate(actor=hub_staff("kassel"), profile=profile, publish=True)
    company = CompanyFactory()
    interest = services.interest_submit(
        actor=member_of(company), profile=profile, company=company, cooperation_sought="x", about="y"
    )
    loaded = [ExpressionOfInterest.objects.select_related("profile").get(pk=interest.pk) for _ in range(2)]
    results, errors = in_threads(_answer, [(author, loaded[0], True), (author, loaded[1], False)])
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], services.MarketplaceError), errors
    assert "bereits beantwortet" in str(errors[0])
    interest.refresh_from_db()
    assert interest.status == results[0].status
    answers = Notification.objects.filter(kind__in=[kinds.INTEREST_ACCEPTED, kinds.INTEREST_DECLINED])
    assert answers.count() == 1, "the interested company (one member) hears one answer"


def _moderate(user_pk: int, profile_pk: int, publish: bool):
    profile = CooperationProfile.objects.get(pk=profile_pk)
    return services.profile_moderate(
        actor=User.objects.get(pk=user_pk), profile=profile, publish=publish, note="passt nicht"
    )


def test_publish_and_reject_of_one_profile_at_once_take_effect_once(profile):
    profile, _author = profile
    first, second = hub_staff("kassel"), hub_staff("kassel")
    results, errors = in_threads(_moderate, [(first.pk, profile.pk, True), (second.pk, profile.pk, False)])
    assert len(results) == 1
    assert len(errors) == 1 and isinstance(errors[0], services.MarketplaceError), errors
    assert "bereits entschieden" in str(errors[0])
    profile.refresh_from_db()
    assert profile.moderation == results[0].moderation


def _offer_invite(user_pk: int, token: str):
    payload = matching.bundle_invite_payload(token, user_id=user_pk)
    return services.offer_invite(
        actor=User.objects.get(pk=user_pk),
        company_ids=payload["companies"],
        need_text=payload["text"],
        bundle=payload["bundle"],
        accept_code_of_conduct=True,
        invite_digest=matching.bundle_invite_digest(token),
    )


def test_an_invitation_submitted_four_times_at_once_makes_one_cooperation():
    providers = [CompanyFactory(), CompanyFactory()]
    customer = member_of(CompanyFactory())
    token = matching.bundle_invite_token(
        user_id=customer.pk,
        companies=[c.external_id for c in providers],
        need_text="Shop",
        rank=1,
        bundle={},
    )
    results, errors = in_threads(_offer_invite, [(customer.pk, token)] * 4)
    assert errors == []
    assert Cooperation.objects.count() == 1
    assert {r.pk for r in results} == {Cooperation.objects.get().pk}


def _manual_invite(user_pk: int, company_pks: list[int], nonce: str):
    from itkoop.registry.models import Company

    actor = User.objects.get(pk=user_pk)
    return services.cooperation_invite(
        actor=actor,
        companies=list(Company.objects.filter(pk__in=company_pks).order_by("pk")),
        title="Shop",
        message="Bis bald",
        accept_code_of_conduct=True,
        invite_digest=services.invite_form_digest(nonce, actor=actor),
    )


def test_a_review_form_submitted_three_times_at_once_invites_once_and_tells_each_person_once():
    companies = [CompanyFactory(), CompanyFactory(), CompanyFactory()]
    inviter = member_of(companies[0])
    partners = [member_of(companies[1]), member_of(companies[2])]
    nonce = services.invite_form_nonce(actor=inviter)
    args = (inviter.pk, [c.pk for c in companies], nonce)
    results, errors = in_threads(_manual_invite, [args] * 3)
    assert errors == []
    cooperation = Cooperation.objects.get()
    assert {r.pk for r in results} == {cooperation.pk}
    assert cooperation.participants.count() == 3
    invited = Notification.objects.filter(kind=kinds.INVITED)
    assert sorted(invited.values_list("recipient", flat=True)) == sorted(p.pk for p in partners)


def _withdraw_or_accept(action: str, user_pk: int, cooperation_pk: int):
    actor = User.objects.get(pk=user_pk)
    cooperation = Cooperation.objects.get(pk=cooperation_pk)
    if action == "withdraw":
        return services.cooperation_withdraw(actor=actor, cooperation=cooperation)
    return services.participant_respond(
        actor=actor,
        participant=cooperation.participants.get(company__memberships__user=actor),
        accept=True,
        accept_code_of_conduct=True,
    )


def test_a_withdrawal_and_an_acceptance_at_once_leave_a_consistent_state():
    companies = [CompanyFactory(), CompanyFactory()]
    inviter, partner = member_of(companies[0]), member_of(companies[1])
    cooperation = services.cooperation_invite(
        actor=inviter, companies=companies, title="Shop", accept_code_of_conduct=True
    )
    results, errors = in_threads(
        _withdraw_or_accept,
        [("withdraw", inviter.pk, cooperation.pk), ("accept", partner.pk, cooperation.pk)],
    )
    assert len(results) == 1 and len(errors) == 1, errors
    assert isinstance(errors[0], services.CooperationError)
    cooperation.refresh_from_db()
    answer = cooperation.participants.get(company=companies[1]).state
    if cooperation.state == Cooperation.State.WITHDRAWN:
        assert answer == "invited"
    else:
        assert cooperation.state == Cooperation.State.ACTIVE and answer == "accepted"
