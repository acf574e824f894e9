"""Telling people about their meetings: the published plan, and every later change (a rebuild, a meeting moved
by staff, a meeting cancelled because a request was declined or withdrawn, a seat cancelled, rounds changed,
a no-show freed).

A write that may change meetings takes ``placements`` before and after and calls ``tell_changes``; it
compares the two, raises the calendar sequence of each changed meeting, stores one MeetingNotice per person
concerned and notifies each person ONCE with all their changes (and the .ics that updates their calendar).
People whose meetings did not change hear nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F, Q
from django.utils import timezone

from itkoop.notifications.services import notify

from . import notifications as kinds
from .models import Event, Meeting, MeetingNotice, MeetingRequest


@dataclass(frozen=True)
class Placement:
    """Where a request's meeting is: round and table (0-based; an online room's index when ``online``), its
    two people and its calendar sequence."""

    slot: int
    table: int
    sender_id: int
    recipient_id: int
    sequence: int
    online: bool = False


def placements(event: Event, *, people: Iterable[int] | None = None) -> dict[int, Placement]:
    """request id -> Placement of the event's meetings (only those of ``people`` if given)."""
    meetings = Meeting.objects.filter(event=event)
    if people is not None:
        ids = list(people)
        meetings = meetings.filter(Q(request__sender_id__in=ids) | Q(request__recipient_id__in=ids))
    return {
        request_id: Placement(slot, table, sender_id, recipient_id, sequence, online)
        for request_id, slot, table, sender_id, recipient_id, sequence, online in meetings.values_list(
            "request_id",
            "slot",
            "table",
            "request__sender_id",
            "request__recipient_id",
            "request__calendar_sequence",
            "online",
        )
    }


def _changes(before: dict[int, Placement], after: dict[int, Placement]) -> list[tuple[int, str, dict]]:
    """(request id, change, details) for every meeting that is new, moved or gone."""
    out = []
    for request_id in sorted(set(before) | set(after)):
        old, new = before.get(request_id), after.get(request_id)
        if (
            old is not None
            and new is not None
            and (old.slot, old.table, old.online)
            == (
                new.slot,
                new.table,
                new.online,
            )
        ):
            continue
        if new is None:
            change, where = "cancelled", old
        else:
            change, where = ("new" if old is None else "moved"), new
        details = {
            "request": request_id,
            "change": change,
            "slot": where.slot,
            "table": where.table,
            "old_slot": old.slot if old else None,
            "old_table": old.table if old else None,
            "online": where.online,
            "old_online": old.online if old else None,
            "sequence": (old or new).sequence + 1,
            "people": (where.sender_id, where.recipient_id),
        }
        out.append((request_id, change, details))
    return out


def tell_changes(
    *,
    event: Event,
    before: dict[int, Placement],
    after: dict[int, Placement],
    reason: str,
    exclude: Iterable[int] = (),
    kind: str = kinds.MEETINGS_CHANGED,
    params: dict | None = None,
    url: tuple[str, list] | None = None,
) -> list[MeetingNotice]:
    """Raise the sequence of every changed meeting and tell each person concerned (but those in ``exclude``,
    who made the change themselves) once. ``kind``, ``params`` and ``url`` let an answer to a request carry
    the cancellation it causes. Call inside the transaction of the change."""
    if not Event.objects.filter(pk=event.pk, schedule_published__isnull=False).exists():
        return []  # nobody was told a plan yet: the publication tells everyone their meetings
    changes = _changes(before, after)
    if not changes:
        return []
    MeetingRequest.objects.filter(pk__in=[rid for rid, _c, _d in changes]).update(
        calendar_sequence=F("calendar_sequence") + 1
    )
    by_person: dict[int, list[dict]] = defaultdict(list)
    for _rid, _change, details in changes:
        sender_id, recipient_id = details.pop("people")
        for person, other in ((sender_id, recipient_id), (recipient_id, sender_id)):
            by_person[person].append({**details, "other": other})
    skip = set(exclude)
    return _notify_each(
        event,
        {p: c for p, c in by_person.items() if p not in skip},
        reason=reason,
        kind=kind,
        params=params,
        url=url,
    )


def publish(*, event: Event, people: Iterable[int]) -> list[MeetingNotice]:
    """The first plan of a meeting day: everyone in it (``people``: those with a request in the plan) is
    told their meetings once, also when none of theirs could be placed; the plan counts as published."""
    after = placements(event)
    mine: dict[int, list[dict]] = {p: [] for p in people}
    for request_id, where in after.items():
        for person, other in ((where.sender_id, where.recipient_id), (where.recipient_id, where.sender_id)):
            mine.setdefault(person, []).append(
                {
                    "request": request_id,
                    "change": "new",
                    "slot": where.slot,
                    "table": where.table,
                    "old_slot": None,
                    "old_table": None,
                    "online": where.online,
                    "old_online": None,
                    "sequence": where.sequence,
                    "other": other,
                }
            )
    Event.objects.filter(pk=event.pk).update(schedule_published=timezone.now())
    event.schedule_published = timezone.now()
    return _notify_each(event, mine, reason=MeetingNotice.Reason.PUBLISHED, kind=kinds.MEETINGS_PUBLISHED)


def _notify_each(
    event: Event,
    changes: dict[int, list[dict]],
    *,
    reason: str,
    kind: str,
    params: dict | None = None,
    url: tuple[str, list] | None = None,
) -> list[MeetingNotice]:
    users = get_user_model().objects.in_bulk(list(changes))
    notices = []
    for person_id, items in sorted(changes.items()):
        user = users.get(person_id)
        if user is None:
            continue
        notice = MeetingNotice.objects.create(
            event=event,
            user=user,
            reason=reason,
            changes=sorted(items, key=lambda c: (c["slot"], c["table"])),
        )
        notify(
            recipients=[user],
            kind=kind,
            params={
                **(params or {}),
                "event_id": event.pk,
                "title": event.title,
                "notice_id": notice.pk,
                "reason": reason,
            },
            url=url or ("events:agenda", [event.pk]),
        )
        notices.append(notice)
    return notices
