"""Events of the hubs, registrations with a waiting list, and the B2B meeting day (profiles, requests,
schedule)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    """A workshop, info day or B2B meeting day, at a hub, online or both."""

    class Format(models.TextChoices):
        AT_HUB = "at_hub", _("vor Ort am Stützpunkt")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Consent(models.TextChoices):
        OPT_IN = "opt_in", _("Anfragen brauchen die Zustimmung der angefragten Person (Opt-in)")
        OPT_OUT = "opt_out", _("Anfragen gelten als angenommen, solange sie nicht abgelehnt werden (Opt-out)")

    class Language(models.TextChoices):
        DE = "de", _("Deutsch")
        EN = "en", _("Englisch")
        BOTH = "de_en", _("Deutsch und Englisch")

    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    hub = models.ForeignKey(
        "core.Hub",
        verbose_name=_("Stützpunkt"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    format = models.CharField(_("Format"), max_length=10, choices=Format.choices, default=Format.AT_HUB)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    capacity = models.PositiveIntegerField(_("Plätze"))
    language = models.CharField(_("Sprache"), max_length=5, choices=Language.choices, default=Language.DE)
    location = models.CharField(_("Ort"), max_length=300, blank=True)
    meeting_link = models.URLField(_("Online-Zugang"), blank=True)
    is_meeting_day = models.BooleanField(_("B2B-Kooperationsbörse"), default=False)
    consent_mode = models.CharField(
        _("Zustimmung zu Gesprächsanfragen"), max_length=10, choices=Consent.choices, default=Consent.OPT_IN
    )
    request_expiry_hours = models.PositiveIntegerField(_("Anfragen verfallen nach (Stunden)"), default=72)
    slots_start = models.DateTimeField(_("Beginn der Gesprächsrunden"), null=True, blank=True)
    slot_minutes = models.PositiveIntegerField(_("Länge einer Runde (Minuten)"), default=20)
    slot_count = models.PositiveIntegerField(_("Anzahl der Runden"), default=0)
    breaks = models.JSONField(_("Pausen (Nummern der Runden)"), default=list, blank=True)
    tables = models.PositiveIntegerField(_("Tische"), default=0)
    # Hybrid and online meeting days: a meeting with an online side takes an online room of its round.
    online_rooms = models.PositiveIntegerField(_("Online-Räume"), default=0)
    room_link_pattern = models.CharField(
        _("Muster für die Links der Online-Räume"),
        max_length=300,
        blank=True,
        help_text=_(
            "z. B. https://meet.example/{event}-{slot}-{room}; {event}, {slot} (Runde) und {room} (Raum) "
            "werden ersetzt. Ein Link, den das Team bei einem Gespräch einträgt, geht vor."
        ),
    )
    # The venue: shown on the event page with a map, and as the LOCATION of its calendar entries.
    venue_name = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    venue_street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    venue_postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    venue_city = models.CharField(_("Ort (Stadt)"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    arrival_notes = models.TextField(_("Hinweise zur Anreise"), max_length=2000, blank=True)
    accessibility_notes = models.TextField(_("Hinweise zur Barrierefreiheit"), max_length=2000, blank=True)
    # When the participants were first told their meetings: later builds tell only what changed.
    schedule_published = models.DateTimeField(_("Gesprächsplan veröffentlicht"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="event_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="event_longitude_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    @property
    def has_slots(self) -> bool:
        return (
            self.is_meeting_day
            and self.slots_start is not None
            and self.slot_count > 0
            and sum(self.place_counts()) > 0
        )

    def place_counts(self) -> tuple[int, int]:
        """(tables, online rooms) per round: an on-site event has no rooms, an online one no tables."""
        if self.format == self.Format.AT_HUB:
            return self.tables, 0
        if self.format == self.Format.ONLINE:
            return 0, self.online_rooms
        return self.tables, self.online_rooms

    @property
    def is_hybrid(self) -> bool:
        return self.format == self.Format.HYBRID

    def room_link(self, slot: int, room: int) -> str:
        """The link of online room ``room`` (0-based) in round ``slot`` (0-based) from the pattern, or ''."""
        if not self.room_link_pattern:
            return ""
        return (
            self.room_link_pattern.replace("{event}", str(self.pk))
            .replace("{slot}", str(slot + 1))
            .replace("{room}", str(room + 1))
        )

    @property
    def has_venue(self) -> bool:
        return bool(self.venue_name or self.venue_street or self.venue_city)

    def venue_lines(self) -> list[str]:
        """The address as lines: name, street, postcode and city (the empty ones left out)."""
        city = " ".join(p for p in (self.venue_postcode, self.venue_city) if p)
        return [line for line in (self.venue_name, self.venue_street, city) if line]

    @property
    def place_line(self) -> str:
        """Where the event is, in one line: the venue's address, else the free-text place."""
        return ", ".join(self.venue_lines()) or self.location

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def slot_times(self) -> list[tuple[int, object, object, bool]]:
        """(index, start, end, is_break) per slot, 0-based index."""
        if not self.slots_start or not self.slot_count:
            return []
        length = timedelta(minutes=self.slot_minutes)
        breaks = {int(b) - 1 for b in self.breaks}
        return [
            (i, self.slots_start + i * length, self.slots_start + (i + 1) * length, i in breaks)
            for i in range(self.slot_count)
        ]

    def slot_start(self, index: int):
        return self.slots_start + index * timedelta(minutes=self.slot_minutes)

    def slot_end(self, index: int):
        return self.slot_start(index + 1)

    @property
    def is_online(self) -> bool:
        return self.format == self.Format.ONLINE

    @property
    def has_started(self) -> bool:
        return self.start <= timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.end <= timezone.now()


class Registration(models.Model):
    """One person's seat (or place on the waiting list) at an event; ``position`` is 1..n on the waiting
    list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("bestätigt")
        WAITLISTED = "waitlisted", _("auf der Warteliste")
        CANCELLED = "cancelled", _("storniert")

    class Attendance(models.TextChoices):
        ON_SITE = "on_site", _("vor Ort")
        ONLINE = "online", _("online")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(_("Status"), max_length=12, choices=Status.choices)
    position = models.PositiveIntegerField(_("Platz auf der Warteliste"), null=True, blank=True)
    language = models.CharField(_("Sprache"), max_length=5, default="de")
    created = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    checked_in = models.DateTimeField(_("eingecheckt"), null=True, blank=True)
    # Marked by staff when the person did not come; their meetings were freed then.
    no_show = models.DateTimeField(_("nicht erschienen"), null=True, blank=True)
    # How the person takes part: chosen at a hybrid event (changeable until the meeting plan is published);
    # an online event's people are online, an on-site event's on site.
    attendance = models.CharField(
        _("Teilnahme"), max_length=10, choices=Attendance.choices, default=Attendance.ON_SITE
    )

    class Meta:
        ordering = ["event", "created", "pk"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_person"),
            models.UniqueConstraint(
                fields=["event", "position"],
                condition=models.Q(status="waitlisted"),
                name="one_waitlist_position",
            ),
            models.CheckConstraint(
                condition=(models.Q(status="waitlisted") & models.Q(position__isnull=False))
                | (~models.Q(status="waitlisted") & models.Q(position__isnull=True)),
                name="position_only_on_waitlist",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event} ({self.status})"

    @property
    def attends_online(self) -> bool:
        if self.event.format == Event.Format.ONLINE:
            return True
        return self.event.format == Event.Format.HYBRID and self.attendance == self.Attendance.ONLINE


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarToken(models.Model):
    """The secret in a person's calendar feed URL; regenerating it revokes the old URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Kalender-Schlüssel")
        verbose_name_plural = _("Kalender-Schlüssel")

    def __str__(self) -> str:
        return f"calendar token of {self.user_id}"


class ParticipantProfile(models.Model):
    """What a participant of a meeting day offers and seeks, and the rounds they cannot attend."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="profiles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_profiles"
    )
    company_name = models.CharField(_("Unternehmen"), max_length=200, blank=True)
    offers = models.TextField(_("Wir bieten"), blank=True)
    seeks = models.TextField(_("Wir suchen"), blank=True)
    unavailable = models.JSONField(_("Nicht verfügbar in Runde"), default=list, blank=True)
    reminded = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Teilnehmerprofil")
        verbose_name_plural = _("Teilnehmerprofile")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="one_profile_per_event")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event}"


class MeetingRequest(models.Model):
    """A wish to meet someone at a meeting day, with a reason and a priority (the scheduler's weight)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("offen")
        ACCEPTED = "accepted", _("angenommen")
        DECLINED = "declined", _("abgelehnt")
        EXPIRED = "expired", _("verfallen")

    class Priority(models.IntegerChoices):
        LOW = 1, _("gern")
        MEDIUM = 2, _("wichtig")
        HIGH = 3, _("sehr wichtig")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_requests"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="received_requests"
    )
    reason = models.CharField(_("Anlass"), max_length=500)
    priority = models.PositiveSmallIntegerField(
        _("Priorität"), choices=Priority.choices, default=Priority.MEDIUM
    )
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("verfällt am"))
    answered = models.DateTimeField(null=True, blank=True)
    # The iCalendar SEQUENCE of this request's meeting (its UID stays the request's): raised at every change
    # of its round or table and at its cancellation, so calendars update the entry in place.
    calendar_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("Gesprächsanfrage")
        verbose_name_plural = _("Gesprächsanfragen")
        constraints = [
            models.UniqueConstraint(fields=["event", "sender", "recipient"], name="one_request_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="no_request_to_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sender} -> {self.recipient} ({self.status})"

    def counterpart(self, user):
        return self.recipient if user.pk == self.sender_id else self.sender


class Meeting(models.Model):
    """A scheduled meeting: a request in a slot (0-based) at a table (0-based), or, with ``online`` (a side
    takes part online), in online room ``table``; locked ones survive rebuilds."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    slot = models.PositiveIntegerField(_("Runde"))
    table = models.PositiveIntegerField(_("Tisch"))
    locked = models.BooleanField(_("fixiert"), default=False)
    online = models.BooleanField(_("online"), default=False)
    # Entered by staff for this meeting; otherwise the event's pattern makes the room's link.
    link = models.URLField(_("Link zum Online-Raum"), max_length=300, blank=True)

    class Meta:
        ordering = ["slot", "online", "table"]
        verbose_name = _("Gespräch")
        verbose_name_plural = _("Gespräche")
        constraints = [
            models.UniqueConstraint(fields=["event", "slot", "online", "table"], name="one_meeting_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.request} slot {self.slot} table {self.table}"

    @property
    def table_label(self) -> int:
        return self.table + 1

    @property
    def place_label(self) -> str:
        """ "Tisch 3" or "Online-Raum 2", in the current language."""
        label = _("Online-Raum %(n)s") if self.online else _("Tisch %(n)s")
        return str(label) % {"n": self.table + 1}

    @property
    def room_link(self) -> str:
        """The online room's link: staff's for this meeting, else the event's pattern ('' at a table)."""
        if not self.online:
            return ""
        return self.link or self.event.room_link(self.slot, self.table)

    @property
    def slot_label(self) -> int:
        return self.slot + 1

    @property
    def start(self):
        return self.event.slot_start(self.slot) if self.event.slots_start else None

    @property
    def end(self):
        return self.event.slot_end(self.slot) if self.event.slots_start else None


class MeetingNotice(models.Model):
    """What changed in one person's meetings at one moment (a published or rebuilt plan, a moved or cancelled
    meeting): the notification's mail lists it and builds its .ics from it. A cancelled meeting's request
    may be gone by then, so each change keeps the request id, round, table and calendar sequence itself."""

    class Reason(models.TextChoices):
        PUBLISHED = "published", _("Plan veröffentlicht")
        REBUILT = "rebuilt", _("Plan neu berechnet")
        MOVED = "moved", _("vom Team verlegt")
        DECLINED = "declined", _("Anfrage abgelehnt")
        WITHDRAWN = "withdrawn", _("Anfrage zurückgezogen")
        PARTNER_CANCELLED = "partner_cancelled", _("Anmeldung storniert")
        ROUNDS_CHANGED = "rounds_changed", _("Runden oder Tische geändert")
        NO_SHOW = "no_show", _("nicht erschienen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_notices")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    # [{"request": id, "change": "new"|"moved"|"cancelled", "slot", "table", "old_slot", "old_table",
    #   "sequence", "other": user id}], slots and tables 0-based.
    changes = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Mitteilung zu Gesprächen")
        verbose_name_plural = _("Mitteilungen zu Gesprächen")

    def __str__(self) -> str:
        return f"meeting notice {self.pk} ({self.reason}) to {self.user_id}"


class MeetingRating(models.Model):
    """One participant's word on one of their meetings: right after the day whether it took place, how useful
    it was (1-5) and the next step; months later (ITKOOP_MEETING_OUTCOME_AFTER_DAYS) what came of it. Keyed by
    the request, the meeting's identity that outlives rebuilds (its calendar UID is the request's too)."""

    class NextStep(models.TextChoices):
        NONE = "none", _("kein weiterer Schritt")
        FOLLOW_UP = "follow_up", _("Folgetermin vereinbart")
        DOCUMENTS = "documents", _("Angebot oder Unterlagen austauschen")
        COOPERATION = "cooperation", _("Zusammenarbeit vorbereiten")

    class Outcome(models.TextChoices):
        # The scale organisers know from the Enterprise Europe Network, from nothing to a signed agreement.
        NO_CONTACT = "no_contact", _("kein weiterer Kontakt")
        IN_CONTACT = "in_contact", _("weiterhin in Kontakt, noch keine Verhandlung")
        NEGOTIATION = "negotiation", _("Verhandlungen begonnen")
        AGREEMENT = "agreement", _("Kooperationsvereinbarung geschlossen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_ratings")
    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="ratings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    took_place = models.BooleanField(_("Das Gespräch hat stattgefunden"))
    usefulness = models.PositiveSmallIntegerField(_("Nutzen (1 bis 5)"), null=True, blank=True)
    next_step = models.CharField(_("Nächster Schritt"), max_length=20, choices=NextStep.choices, blank=True)
    rated = models.DateTimeField(_("bewertet am"), auto_now_add=True)
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_given = models.DateTimeField(_("Ergebnis angegeben am"), null=True, blank=True)

    class Meta:
        ordering = ["event", "request", "user"]
        verbose_name = _("Bewertung eines Gesprächs")
        verbose_name_plural = _("Bewertungen von Gesprächen")
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="one_rating_per_meeting_and_person"),
            models.CheckConstraint(
                condition=models.Q(usefulness__isnull=True) | models.Q(usefulness__gte=1, usefulness__lte=5),
                name="usefulness_one_to_five",
            ),
            # A meeting that did not take place has no usefulness, next step or outcome.
            models.CheckConstraint(
                condition=models.Q(took_place=True)
                | models.Q(usefulness__isnull=True, next_step="", outcome=""),
                name="rating_of_a_missed_meeting_is_empty",
            ),
        ]

    def __str__(self) -> str:
        return f"rating of request {self.request_id} by {self.user_id}"


class RatingInvitation(models.Model):
    """That a person was asked (and perhaps reminded) to rate their meetings of an event, per stage: the
    periodic job asks each person once per stage and reminds once."""

    class Stage(models.TextChoices):
        RATING = "rating", _("Bewertung nach der Veranstaltung")
        OUTCOME = "outcome", _("Ergebnis einige Monate später")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rating_invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    sent = models.DateTimeField()
    reminded = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Bitte um Bewertung")
        verbose_name_plural = _("Bitten um Bewertung")
        constraints = [
            models.UniqueConstraint(fields=["event", "user", "stage"], name="one_rating_invitation_per_stage")
        ]

    def __str__(self) -> str:
        return f"{self.stage} invitation of {self.user_id} for event {self.event_id}"


class ScheduleRun(models.Model):
    """One "build schedule": a task of the task queue (events.tasks.build_schedule) runs it and reports its
    progress here for the page to poll. QUEUED until a worker takes it, RUNNING while a worker holds it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        DONE = "done", _("fertig")
        FAILED = "failed", _("fehlgeschlagen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)
    message = models.CharField(max_length=500, blank=True)
    value = models.IntegerField(null=True, blank=True)
    bound = models.IntegerField(null=True, blank=True)
    idle_gaps = models.IntegerField(null=True, blank=True)
    result_status = models.CharField(max_length=20, blank=True)
    meetings = models.IntegerField(null=True, blank=True)
    requests = models.IntegerField(null=True, blank=True)
    # A rebuild of a published plan keeps each meeting in its round and table where the value allows, unless
    # staff chose to start from scratch; ``moved`` counts the meetings of the old plan it moved or dropped.
    from_scratch = models.BooleanField(default=False)
    moved = models.IntegerField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        get_latest_by = "created"
        constraints = [
            # Two builds of one event at once would overwrite each other's meetings.
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(status__in=["queued", "running"]),
                name="one_unfinished_schedule_run_per_event",
            )
        ]

    def __str__(self) -> str:
        return f"schedule run {self.pk} of event {self.event_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.progress)

    @property
    def quality_percent(self) -> int | None:
        """How good the plan is against the best one possible, in whole percent (rounded down, never
        overstated): the value of the granted requests over the solver's proven upper bound."""
        if self.value is None or not self.bound:
            return None
        return min(100, 100 * self.value // self.bound)


class Mailing(models.Model):
    """A message staff sent to a segment of an event's participants (events.mailings): the text in German,
    English or both (each person reads it in their language, else in the other one), and who sent it when to
    how many. ``nonce_digest`` is the digest of the form's one-time nonce: the same form sent twice sends
    once."""

    class Segment(models.TextChoices):
        NO_PROFILE = "no_profile", _("Angemeldete ohne Profil für die Kooperationsbörse")
        NO_REQUESTS = "no_requests", _("Angemeldete ohne Gesprächsanfragen (weder gestellt noch erhalten)")
        UNANSWERED = "unanswered", _("Angemeldete mit unbeantworteten Anfragen an sie")
        WITH_MEETINGS = "with_meetings", _("Angemeldete mit geplanten Gesprächen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mailings")
    segment = models.CharField(_("Empfängerkreis"), max_length=20, choices=Segment.choices)
    subject_de = models.CharField(_("Betreff (Deutsch)"), max_length=150, blank=True)
    body_de = models.TextField(_("Text (Deutsch)"), blank=True)
    subject_en = models.CharField(_("Betreff (Englisch)"), max_length=150, blank=True)
    body_en = models.TextField(_("Text (Englisch)"), blank=True)
    recipient_count = models.PositiveIntegerField(_("Empfänger"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent = models.DateTimeField(_("gesendet am"), auto_now_add=True)
    nonce_digest = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-sent", "-pk"]
        verbose_name = _("Rundschreiben")
        verbose_name_plural = _("Rundschreiben")
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(subject_de="") & ~models.Q(body_de=""))
                | (~models.Q(subject_en="") & ~models.Q(body_en="")),
                name="mailing_has_a_text",
            )
        ]

    def __str__(self) -> str:
        return f"mailing {self.pk} of event {self.event_id} ({self.segment}, {self.recipient_count})"

    def text_in(self, language: str) -> tuple[str, str]:
        """(subject, body) in ``language`` when written in it, else in the other language."""
        german, english = (self.subject_de, self.body_de), (self.subject_en, self.body_en)
        preferred, other = (english, german) if language.startswith("en") else (german, english)
        return preferred if preferred[0] and preferred[1] else other
