"""Mailings of an event's staff to a segment of its participants (registered without a profile for the
meeting day, without requests, with requests waiting for their answer, with meetings): the segments, the
preview (who would get what; writes nothing) and the sending through the notification service, which stores
one notification per person and mails it after commit through the task queue, in the person's language.

Each sending is logged as a Mailing (who, when, segment, how many). The form carries a one-time nonce signed
for the sender and the event; its digest is unique in the log, so a form sent twice sends once. An empty
segment is refused before anything is written."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itkoop.core.services import audit_record
from itkoop.notifications.services import Kind, notify, register

from .models import Event, Mailing, Meeting, MeetingRequest, ParticipantProfile, Registration
from .permissions import can_manage_event
from .selectors import Person, people_of

if TYPE_CHECKING:
    from itkoop.notifications.models import Notification

MAILING = "events.mailing"
SUBJECT_MAX = Mailing._meta.get_field("subject_de").max_length
BODY_MAX = 5000
NONCE_SALT = "itkoop.events.mailing-form"
NONCE_MAX_AGE = 24 * 3600
LANGUAGES = (("de", gettext_lazy("Deutsch")), ("en", gettext_lazy("Englisch")))


class MailingError(Exception):
    """The mailing cannot go out as asked (an empty segment, no text); the message says why."""


def segment_recipients(event: Event, segment: str) -> QuerySet[Registration]:
    """The confirmed registrations (of active accounts) of ``event`` in ``segment``, by name."""
    person = OuterRef("user")
    in_event = {"event": event}
    has_profile = Exists(ParticipantProfile.objects.filter(user=person, **in_event))
    sent = Exists(MeetingRequest.objects.filter(sender=person, **in_event))
    received = Exists(MeetingRequest.objects.filter(recipient=person, **in_event))
    waiting = Exists(
        MeetingRequest.objects.filter(
            recipient=person, status=MeetingRequest.Status.PENDING, expires__gt=timezone.now(), **in_event
        )
    )
    meets = Exists(
        Meeting.objects.filter(Q(request__sender=person) | Q(request__recipient=person), **in_event)
    )
    conditions = {
        Mailing.Segment.NO_PROFILE: ~has_profile,
        Mailing.Segment.NO_REQUESTS: ~sent & ~received,
        Mailing.Segment.UNANSWERED: waiting,
        Mailing.Segment.WITH_MEETINGS: meets,
    }
    if segment not in conditions:
        raise MailingError(_("Diesen Empfängerkreis gibt es nicht."))
    return (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED, user__is_active=True)
        .filter(conditions[segment])
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def form_nonce(*, actor, event: Event) -> str:
    """A one-time nonce for the send form of this event, signed for the sender."""
    return signing.dumps(
        {"user": actor.pk, "event": event.pk, "nonce": secrets.token_urlsafe(16)}, salt=NONCE_SALT
    )


def nonce_digest(nonce: str, *, actor, event: Event) -> str | None:
    """The digest the log keeps of this nonce; None when it is forged, older than a day, or made for another
    person or event."""
    if not nonce or len(nonce) > 500:
        return None
    try:
        payload = signing.loads(nonce, salt=NONCE_SALT, max_age=NONCE_MAX_AGE)
    except signing.BadSignature:
        return None
    if (
        not isinstance(payload, dict)
        or payload.get("user") != getattr(actor, "pk", None)
        or payload.get("event") != event.pk
    ):
        return None
    return hashlib.sha256(nonce.encode()).hexdigest()


def _language_of(user) -> str:
    return "en" if (getattr(user, "language", "") or "").startswith("en") else "de"


def render_text(*, event: Event, subject: str, body: str, language: str) -> tuple[str, str]:
    """The mail's subject line and its message as the notification service sends them (the body template the
    kind names), in ``language``: the preview shows what the recipients will read."""
    with translation.override(language):
        text = render_to_string("events/notifications/mailing.txt", {"event": event, "text": body})
    # A plain text, not "safe" HTML: the page escapes it like any other text.
    return f"itkoop: {subject}", "".join(text)


@dataclass(frozen=True)
class Version:
    """The mail in one language and who reads it in that language."""

    language: str
    label: str
    subject: str
    text: str
    recipients: int


@dataclass(frozen=True)
class Preview:
    people: list[Person]
    versions: list[Version]

    @property
    def count(self) -> int:
        return len(self.people)


def _texts(texts: dict[str, str]) -> Mailing:
    """An unsaved mailing with the texts: one language at least, each language with subject and text."""
    mailing = Mailing(
        subject_de=" ".join((texts.get("subject_de") or "").split()),
        body_de=(texts.get("body_de") or "").strip(),
        subject_en=" ".join((texts.get("subject_en") or "").split()),
        body_en=(texts.get("body_en") or "").strip(),
    )
    if len(mailing.subject_de) > SUBJECT_MAX or len(mailing.subject_en) > SUBJECT_MAX:
        raise MailingError(_("Der Betreff darf höchstens %(n)s Zeichen lang sein.") % {"n": SUBJECT_MAX})
    if len(mailing.body_de) > BODY_MAX or len(mailing.body_en) > BODY_MAX:
        raise MailingError(_("Der Text darf höchstens %(n)s Zeichen lang sein.") % {"n": BODY_MAX})
    complete = [bool(mailing.subject_de and mailing.body_de), bool(mailing.subject_en and mailing.body_en)]
    halves = [bool(mailing.subject_de or mailing.body_de), bool(mailing.subject_en or mailing.body_en)]
    if not any(complete) or complete != halves:
        raise MailingError(
            _("Bitte geben Sie Betreff und Text auf Deutsch, auf Englisch oder in beiden Sprachen an.")
        )
    return mailing


def _require_staff(actor, event: Event) -> None:
    if not can_manage_event(actor, event):
        raise PermissionDenied


def _recipients_or_refuse(event: Event, segment: str) -> list[Registration]:
    registrations = list(segment_recipients(event, segment))
    if not registrations:
        raise MailingError(
            _(
                "In diesem Empfängerkreis ist zurzeit niemand: es wurde nichts gesendet. Bitte wählen Sie "
                "einen anderen Empfängerkreis."
            )
        )
    return registrations


def mailing_preview(*, actor, event: Event, segment: str, texts: dict[str, str]) -> Preview:
    """Who would get the mailing and what they would read; writes nothing."""
    _require_staff(actor, event)
    mailing = _texts(texts)
    registrations = _recipients_or_refuse(event, segment)
    people = people_of(event, [r.user for r in registrations])
    readers: dict[str, int] = {"de": 0, "en": 0}
    for registration in registrations:
        read = mailing.text_in(_language_of(registration.user))
        readers["de" if read == (mailing.subject_de, mailing.body_de) else "en"] += 1
    versions = []
    for language, label in LANGUAGES:
        subject, body = (
            (mailing.subject_de, mailing.body_de)
            if language == "de"
            else (mailing.subject_en, mailing.body_en)
        )
        if subject and body:
            line, text = render_text(event=event, subject=subject, body=body, language=language)
            versions.append(Version(language, str(label), line, text, readers[language]))
    return Preview(people=[people[r.user_id] for r in registrations], versions=versions)


def mailing_send(
    *, actor, event: Event, segment: str, texts: dict[str, str], nonce_digest: str
) -> tuple[Mailing, bool]:
    """Send the mailing to the segment and log it; (the mailing, True). A nonce already used answers the
    mailing it sent, (mailing, False), and sends nothing again."""
    _require_staff(actor, event)
    mailing = _texts(texts)
    with transaction.atomic():
        done = Mailing.objects.filter(nonce_digest=nonce_digest).first()
        if done is not None:
            return done, False
        registrations = _recipients_or_refuse(event, segment)
        mailing.event, mailing.segment, mailing.sent_by = event, segment, actor
        mailing.recipient_count, mailing.nonce_digest = len(registrations), nonce_digest
        try:
            with transaction.atomic():
                mailing.save()
        except IntegrityError:
            # The same form, sent at the same moment, got there first.
            return Mailing.objects.get(nonce_digest=nonce_digest), False
        notify(
            recipients=[r.user for r in registrations],
            kind=MAILING,
            params={
                "mailing_id": mailing.pk,
                "title": event.title,
                "subject_de": mailing.text_in("de")[0],
                "subject_en": mailing.text_in("en")[0],
            },
            url=("events:detail", [event.pk]),
        )
        audit_record(
            actor=actor,
            action="event_mailing",
            details={"event": event.pk, "segment": segment, "recipients": len(registrations)},
        )
    return mailing, True


def mailing_log(event: Event) -> QuerySet[Mailing]:
    return Mailing.objects.filter(event=event).select_related("sent_by")


# The notification kind: the subject in the reader's language is its title; the text is loaded by id at
# send time (never copied into every notification row).


def _title(params: dict[str, Any]) -> str:
    language = translation.get_language() or "de"
    return str(params.get("subject_en" if language.startswith("en") else "subject_de") or "")


def _context(notification: Notification) -> dict[str, Any]:
    mailing = Mailing.objects.select_related("event").filter(pk=notification.params.get("mailing_id")).first()
    if mailing is None:
        return {"event": None, "text": ""}
    return {"event": mailing.event, "text": mailing.text_in(translation.get_language() or "de")[1]}


register(
    Kind(
        key=MAILING,
        label=gettext_lazy("Rundschreiben zu Veranstaltungen"),
        title=gettext_lazy("Nachricht zur Veranstaltung %(title)s"),
        title_of=_title,
        body="events/notifications/mailing.txt",
        context=_context,
    )
)
