"""Registration, the waiting list with automatic promotion, cancellation and the e-mails about it."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from itkoop.events import services
from itkoop.events.models import Registration
from itkoop.events.services import EventError

from ..factories import UserFactory, hub_staff
from .factories import EventFactory

pytestmark = pytest.mark.django_db(transaction=False)
S = Registration.Status


def _register_many(event, n):
    users = [UserFactory() for _ in range(n)]
    return [services.register(actor=u, event=event) for u in users]


def test_seats_then_waiting_list_in_order(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        regs = _register_many(event, 5)
    assert [r.status for r in regs] == [S.CONFIRMED, S.CONFIRMED, S.WAITLISTED, S.WAITLISTED, S.WAITLISTED]
    assert [r.position for r in regs] == [None, None, 1, 2, 3]


def test_cancel_promotes_the_first_on_the_waiting_list(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    regs = _register_many(event, 5)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(actor=regs[0].user, registration=regs[0])
    statuses = {r.pk: (r.status, r.position) for r in Registration.objects.filter(event=event)}
    assert statuses[regs[0].pk] == (S.CANCELLED, None)
    assert statuses[regs[2].pk] == (S.CONFIRMED, None)
    assert statuses[regs[3].pk] == (S.WAITLISTED, 1)
    assert statuses[regs[4].pk] == (S.WAITLISTED, 2)
    promoted = [m for m in mail.outbox if regs[2].user.email in m.to]
    assert promoted and "frei geworden" in promoted[-1].subject
    assert promoted[-1].attachments[0][2] == "text/calendar"


def test_leaving_the_waiting_list_closes_the_gap():
    event = EventFactory(capacity=1)
    regs = _register_many(event, 4)
    services.cancel(actor=regs[2].user, registration=regs[2])
    positions = list(
        Registration.objects.filter(event=event, status=S.WAITLISTED)
        .order_by("position")
        .values_list("user_id", "position")
    )
    assert positions == [(regs[1].user_id, 1), (regs[3].user_id, 2)]


def test_more_capacity_promotes_from_the_waiting_list():
    event = EventFactory(capacity=1)
    regs = _register_many(event, 3)
    event.capacity = 2
    event.save()
    services._fill_seats(event)
    regs[1].refresh_from_db()
    regs[2].refresh_from_db()
    assert regs[1].status == S.CONFIRMED and (regs[2].status, regs[2].position) == (S.WAITLISTED, 1)


def test_second_registration_is_refused():
    event = EventFactory()
    user = UserFactory()
    services.register(actor=user, event=event)
    with pytest.raises(EventError, match="bereits angemeldet"):
        services.register(actor=user, event=event)
    assert Registration.objects.filter(event=event).count() == 1


def test_registering_again_after_cancelling_goes_to_the_end():
    event = EventFactory(capacity=1)
    _a, b, _c = _register_many(event, 3)
    services.cancel(actor=b.user, registration=b)
    again = services.register(actor=b.user, event=event)
    assert (again.status, again.position) == (S.WAITLISTED, 2)


def test_past_event_refuses_registration():
    event = EventFactory(start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1))
    with pytest.raises(EventError, match="vorbei"):
        services.register(actor=UserFactory(), event=event)


def test_cancelled_twice_is_refused():
    event = EventFactory()
    reg = services.register(actor=UserFactory(), event=event)
    services.cancel(actor=reg.user, registration=reg)
    with pytest.raises(EventError, match="bereits storniert"):
        services.cancel(actor=reg.user, registration=reg)


@pytest.mark.parametrize(
    ("language", "page", "subject", "sentence", "link"),
    [
        ("de", "en", "Anmeldung bestätigt", "ist bestätigt", "http://testserver/veranstaltungen/"),
        ("en", "de", "Registration confirmed", "is confirmed", "http://testserver/en/veranstaltungen/"),
    ],
)
def test_confirmation_mail_in_the_users_language_with_ics_and_an_absolute_link(
    language, page, subject, sentence, link, django_capture_on_commit_callbacks
):
    """The person's stored language decides, not the page they registered on."""
    event = EventFactory(title="KI im Mittelstand")
    user = UserFactory(language=language)
    with translation.override(page), django_capture_on_commit_callbacks(execute=True):
        services.register(actor=user, event=event)
    message = mail.outbox[-1]
    compiled = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.mo"
    if language == "en" and not compiled.exists():
        pytest.skip("English catalogue not compiled (make install compiles it)")
    assert message.to == [user.email]
    assert subject in message.subject and "KI im Mittelstand" in message.subject
    assert sentence in message.body and f"{link}{event.pk}/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and sentence in html and f'href="{link}{event.pk}/"' in html
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    assert "BEGIN:VEVENT" in (content.decode() if isinstance(content, bytes) else content)
    row = user.notifications.get()
    assert row.kind == "events.registration_confirmed" and row.params["title"] == "KI im Mittelstand"


def test_waitlist_mail_names_the_position(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=0 + 1)
    _register_many(event, 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(actor=UserFactory(), event=event)
    assert "Platz 1 der Warteliste" in mail.outbox[-1].body and not mail.outbox[-1].attachments


def test_waitlisted_and_cancelled_mails_hold_no_online_access(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, format="online", meeting_link="https://meet.example.org/geheim")
    seat = services.register(actor=UserFactory(), event=event)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.register(actor=UserFactory(), event=event)
    waitlisted = mail.outbox[-1]
    assert waitlisted.to == [waiting.user.email] and "Warteliste" in waitlisted.subject
    assert "geheim" not in waitlisted.body and "geheim" not in waitlisted.alternatives[0][0]
    assert not waitlisted.attachments
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(actor=seat.user, registration=seat)
    cancelled = next(m for m in mail.outbox if m.to == [seat.user.email])
    assert "Stornierung" in cancelled.subject and "geheim" not in cancelled.body
    assert "geheim" not in cancelled.alternatives[0][0] and not cancelled.attachments
    promoted = next(m for m in mail.outbox if m.to == [waiting.user.email] and m is not waitlisted)
    assert "geheim" in promoted.body and promoted.attachments


def test_every_registration_mail_has_a_text_and_an_html_part(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first, _second = _register_many(event, 2)
        services.cancel(actor=first.user, registration=first)
    assert len(mail.outbox) == 4  # confirmed, waitlisted, cancelled, promoted
    for message in mail.outbox:
        assert message.body.strip() and message.alternatives[0][1] == "text/html"
        assert "<html" in message.alternatives[0][0]


def test_detail_page_shows_waiting_list_place(client):
    event = EventFactory(capacity=1)
    _register_many(event, 1)
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("events:register", args=[event.pk]), follow=True)
    body = response.content.decode()
    assert "Platz 1 der Warteliste" in body


def test_list_filters_by_hub_and_hides_past(client):
    EventFactory(title="Kasseler Tag", hub_id="kassel")
    EventFactory(title="Berliner Tag", hub_id="berlin")
    EventFactory(
        title="Vorbei", start=timezone.now() - timedelta(days=3), end=timezone.now() - timedelta(days=2)
    )
    body = client.get(reverse("events:list"), {"hub": "berlin"}).content.decode()
    assert "Berliner Tag" in body and "Kasseler Tag" not in body and "Vorbei" not in body
    body = client.get(reverse("events:list"), {"past": "on"}).content.decode()
    assert "Vorbei" in body


def test_checkin_marks_presence():
    event = EventFactory(hub_id="kassel")
    reg = services.register(actor=UserFactory(), event=event)
    services.set_checked_in(actor=hub_staff("kassel"), registration=reg, checked_in=True)
    reg.refresh_from_db()
    assert reg.checked_in is not None


def test_waitlisted_cannot_be_checked_in():
    event = EventFactory(capacity=1)
    _register_many(event, 1)
    reg = services.register(actor=UserFactory(), event=event)
    with pytest.raises(EventError):
        services.set_checked_in(actor=hub_staff("kassel"), registration=reg, checked_in=True)


def test_public_event_ics_hides_the_online_link_but_the_confirmation_has_it(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(format="online", meeting_link="https://meet.example.org/geheim", hub_id=None)
    public = client.get(reverse("events:ics", args=[event.pk])).content.decode()
    assert "BEGIN:VEVENT" in public and "geheim" not in public
    with django_capture_on_commit_callbacks(execute=True):
        services.register(actor=UserFactory(), event=event)
    attachment = mail.outbox[-1].attachments[0][1]
    assert "geheim" in (attachment.decode() if isinstance(attachment, bytes) else attachment)
