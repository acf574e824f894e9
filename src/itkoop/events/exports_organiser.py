"""The organiser's downloads of an event, each defined once as tables (itkoop.core.tables writes them as CSV
and as XLSX): the participant list, and the meeting plan per person and per table, one section or sheet each,
for printing. Texts in the page's language; names and companies as the check-in shows them."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from itkoop.core.tables import Table

from .models import Event, Meeting, Registration
from .selectors import Person, people_of

#: The exports by the name in their URL (and file name).
EXPORTS = ("teilnehmende", "plan-je-person", "plan-je-tisch")


def _local(moment: datetime | None) -> datetime | None:
    """Naive local time: spreadsheets know no time zones."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment is not None else None


def _meetings(event: Event) -> list[Meeting]:
    return list(
        Meeting.objects.filter(event=event)
        .select_related("request__sender", "request__recipient")
        .order_by("slot", "table")
    )


def _time(event: Event, slot: int) -> str:
    if not event.slots_start:
        return ""
    start, end = timezone.localtime(event.slot_start(slot)), timezone.localtime(event.slot_end(slot))
    return f"{start:%H:%M}–{end:%H:%M}"


def _place_label(event: Event) -> str:
    """The place column's heading: a hybrid day has tables and online rooms, so each row names its kind."""
    if event.is_hybrid:
        return _("Wo")
    return _("Online-Raum") if event.is_online else _("Tisch")


def participant_table(event: Event) -> Table:
    """Everyone who registered: confirmed first, then the waiting list in its order, then cancelled; each
    with company, state, check-in and the number of their planned meetings."""
    order = {
        Registration.Status.CONFIRMED: 0,
        Registration.Status.WAITLISTED: 1,
        Registration.Status.CANCELLED: 2,
    }
    registrations = sorted(
        event.registrations.select_related("user"),
        key=lambda r: (
            order.get(r.status, 3),
            r.position or 0,
            r.user.last_name.casefold(),
            r.user.first_name.casefold(),
            r.user.email,
        ),
    )
    people = people_of(event, [r.user for r in registrations])
    counts: Counter[int] = Counter()
    for meeting in _meetings(event):
        counts[meeting.request.sender_id] += 1
        counts[meeting.request.recipient_id] += 1
    return Table(
        title=_("Teilnehmende"),
        caption=f"{event.title} – {timezone.localtime(event.start):%d.%m.%Y}",
        header=[
            _("Name"),
            _("Firma"),
            _("E-Mail"),
            _("Anmeldung"),
            _("Platz auf der Warteliste"),
            _("Eingecheckt"),
            _("Nicht erschienen"),
            _("Gespräche"),
        ],
        rows=[
            [
                r.user.get_full_name() or r.user.email,
                people[r.user_id].company,
                r.user.email,
                r.get_status_display(),
                r.position,
                _local(r.checked_in),
                _local(r.no_show),
                counts[r.user_id],
            ]
            for r in registrations
        ],
    )


def _name(person: Person) -> str:
    return person.user.get_full_name() or person.user.email


def plan_per_person(event: Event) -> list[Table]:
    """One table per person with meetings (by name): round, time, table and the partner, for handing out."""
    meetings = _meetings(event)
    users = {}
    for meeting in meetings:
        users[meeting.request.sender_id] = meeting.request.sender
        users[meeting.request.recipient_id] = meeting.request.recipient
    people = people_of(event, users.values())
    mine: dict[int, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        mine[meeting.request.sender_id].append(meeting)
        mine[meeting.request.recipient_id].append(meeting)
    place = _place_label(event)
    header = [_("Runde"), _("Zeit"), place, _("Gesprächspartner"), _("Firma")]
    tables = []
    for person in sorted(
        people.values(),
        key=lambda p: (p.user.last_name.casefold(), p.user.first_name.casefold(), p.user.email),
    ):
        rows = []
        for meeting in mine[person.user.pk]:
            other = people[meeting.request.counterpart(person.user).pk]
            rows.append(
                [
                    meeting.slot_label,
                    _time(event, meeting.slot),
                    meeting.place_label if event.is_hybrid else meeting.table_label,
                    _name(other),
                    other.company,
                ]
            )
        tables.append(
            Table(
                title=_name(person),
                caption=_("Gesprächsplan von %(person)s – %(event)s")
                % {"person": person.label, "event": event.title},
                header=header,
                rows=rows,
            )
        )
    return tables


def plan_per_table(event: Event) -> list[Table]:
    """One table per table (or online room) with meetings: round, time and both people, to lay out there."""
    meetings = _meetings(event)
    people = people_of(
        event, {u.pk: u for m in meetings for u in (m.request.sender, m.request.recipient)}.values()
    )
    # Tables first, then online rooms (a hybrid day has both, numbered each from 1).
    at: dict[tuple[bool, int], list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        at[meeting.online, meeting.table].append(meeting)
    header = [_("Runde"), _("Zeit"), _("Person 1"), _("Firma 1"), _("Person 2"), _("Firma 2")]
    tables = []
    for place in sorted(at):
        rows = []
        for meeting in at[place]:
            first, second = people[meeting.request.sender_id], people[meeting.request.recipient_id]
            rows.append(
                [
                    meeting.slot_label,
                    _time(event, meeting.slot),
                    _name(first),
                    first.company,
                    _name(second),
                    second.company,
                ]
            )
        label = at[place][0].place_label if event.is_hybrid else f"{_place_label(event)} {place[1] + 1}"
        tables.append(Table(title=label, caption=f"{label} – {event.title}", header=header, rows=rows))
    return tables


def organiser_tables(event: Event, export: str) -> Table | list[Table]:
    """The tables of one of EXPORTS; an unknown name raises KeyError (the view answers 404)."""
    builders = {
        "teilnehmende": participant_table,
        "plan-je-person": plan_per_person,
        "plan-je-tisch": plan_per_table,
    }
    return builders[export](event)
