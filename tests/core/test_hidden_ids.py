"""Ids cannot be enumerated: an object a logged-in viewer may not see answers exactly like a missing id (404),
for every view that takes the id of a cooperation, profile, interest, self-check result, registration,
meeting request or notification."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services as cooperation
from itkoop.documents.models import Document
from itkoop.events import meetings
from itkoop.notifications.models import Notification

from ..events.factories import EventFactory, confirmed, meeting_day
from ..factories import CompanyFactory, UserFactory, hub_staff, member_of
from ..knowledge.helpers import saved_result

pytestmark = pytest.mark.django_db

MISSING = 999999


def _cooperation():
    companies = [CompanyFactory(hub_id="kassel") for _ in range(2)]
    return cooperation.cooperation_invite(
        actor=member_of(companies[0]), companies=companies, title="Shop mit ERP", accept_code_of_conduct=True
    )


def _pending_profile():
    company = CompanyFactory(hub_id="kassel")
    return cooperation.profile_create(
        actor=member_of(company),
        company=company,
        kind="technology_request",
        title="Suche OCR-Partner",
        body="Wir suchen eine Texterkennung für Lieferscheine.",
        capabilities=[],
        anonymous=True,
    )


def _interest():
    profile = _pending_profile()
    cooperation.profile_moderate(
        actor=hub_staff("kassel"),
        profile=profile,
        publish=True,
    )
    company = CompanyFactory(hub_id="berlin")
    return cooperation.interest_submit(
        actor=member_of(company),
        profile=profile,
        company=company,
        cooperation_sought="Gemeinsames Angebot",
        questions="",
        about="Wir bauen OCR.",
    )


def _meeting_request():
    day = meeting_day(hub_id="kassel")
    a, b = UserFactory(), UserFactory()
    confirmed(day, a)
    confirmed(day, b)
    return meetings.request_send(actor=a, event=day, recipient_id=b.pk, reason="Hallo zusammen", priority=2)


# Each case: a builder returning (method, url for an id, POST data for an id) and the existing object's id.
def _coop_detail():
    c = _cooperation()
    return c.pk, lambda pk: ("get", reverse("cooperation:detail", args=[pk]), {})


def _coop_contract():
    c = _cooperation()
    return c.pk, lambda pk: (
        "get",
        reverse("cooperation:contract", args=[pk]),
        {"kind": "nda", "language": "de"},
    )


def _coop_result():
    c = _cooperation()
    return c.pk, lambda pk: (
        "post",
        reverse("cooperation:result", args=[pk]),
        {"kind": "offer_won", "record": "Gewonnen."},
    )


def _coop_document():
    c = _cooperation()
    return c.pk, lambda pk: (
        "post",
        reverse("documents:create", args=["cooperation.contract"]),
        {"cooperation": pk, "kind": "nda", "language": "de"},
    )


def _participant_respond():
    participant = _cooperation().participants.first()
    return participant.pk, lambda pk: ("post", reverse("cooperation:respond", args=[pk]), {"accept": "0"})


def _profile_renew():
    return _pending_profile().pk, lambda pk: ("post", reverse("cooperation:profile_renew", args=[pk]), {})


def _profile_moderate():
    return _pending_profile().pk, lambda pk: (
        "post",
        reverse("cooperation:profile_moderate", args=[pk]),
        {"publish": "1"},
    )


def _profile_edit():
    return _pending_profile().pk, lambda pk: ("get", reverse("cooperation:profile_edit", args=[pk]), {})


def _interest_answer():
    return _interest().pk, lambda pk: (
        "post",
        reverse("cooperation:interest_answer", args=[pk]),
        {"accept": "1"},
    )


def _selfcheck_result():
    result = saved_result(CompanyFactory(hub_id="kassel"))
    return result.pk, lambda pk: ("get", reverse("knowledge:selfcheck_saved", args=[pk]), {})


def _event_cancel():
    event = EventFactory(hub_id="kassel", capacity=5)
    registration = confirmed(event, UserFactory())
    return registration.pk, lambda pk: (
        "post",
        reverse("events:cancel", args=[event.pk]),
        {"registration": pk},
    )


def _event_checkin():
    event = EventFactory(hub_id="kassel", capacity=5)
    registration = confirmed(event, UserFactory())
    return registration.pk, lambda pk: (
        "post",
        reverse("events:checkin_toggle", args=[event.pk, pk]),
        {"present": "1"},
    )


def _meeting_request_answer():
    request = _meeting_request()
    return request.pk, lambda pk: (
        "post",
        reverse("events:request_answer", args=[request.event_id, pk]),
        {"accept": "1"},
    )


def _notification_open():
    row = Notification.objects.create(recipient=UserFactory(), kind="cooperation.invited")
    return row.pk, lambda pk: ("post", reverse("notifications:open", args=[pk]), {})


CASES = {
    "cooperation_detail": _coop_detail,
    "cooperation_contract": _coop_contract,
    "cooperation_result": _coop_result,
    "cooperation_document": _coop_document,
    "participant_respond": _participant_respond,
    "profile_renew": _profile_renew,
    "profile_moderate": _profile_moderate,
    "profile_edit": _profile_edit,
    "interest_answer": _interest_answer,
    "selfcheck_result": _selfcheck_result,
    "event_cancel": _event_cancel,
    "event_checkin": _event_checkin,
    "meeting_request_answer": _meeting_request_answer,
    "notification_open": _notification_open,
}


@pytest.mark.parametrize("case", CASES)
def test_existing_but_invisible_id_answers_like_a_missing_one(client, case):
    existing, request_for = CASES[case]()
    client.force_login(member_of(CompanyFactory(hub_id="berlin")))
    responses = []
    for pk in (existing, MISSING):
        method, url, data = request_for(pk)
        responses.append(getattr(client, method)(url, data))
    assert [r.status_code for r in responses] == [404, 404]
    # The same error page (its nonce and form token differ per response, so compare the templates).
    assert [t.name for t in responses[0].templates] == [t.name for t in responses[1].templates]
    assert not Document.objects.exists()
