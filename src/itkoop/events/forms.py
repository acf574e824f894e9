"""Forms of the events app: they validate at the edge and say clearly what is wrong."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.core.validators import MaxValueValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from itkoop.core import selectors as core_selectors
from itkoop.core.forms import limit_text

from .models import Event, MeetingRating, MeetingRequest, Registration
from .services import EventError, check_capacity

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


def _datetime_field(label, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=DateTimeLocalInput(),
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        help_text=help_text,
    )


class EventFilterForm(forms.Form):
    hub = forms.ModelChoiceField(
        label=_("Stützpunkt"),
        queryset=core_selectors.hubs(),
        required=False,
        empty_label=_("alle Stützpunkte"),
    )
    past = forms.BooleanField(label=_("auch vergangene Veranstaltungen"), required=False)


#: Germany's bounding box (latitude, longitude), for noticing coordinates typed the wrong way round.
_GERMANY = ((47.2, 55.1), (5.8, 15.1))


def _in_germany(latitude, longitude) -> bool:
    (south, north), (west, east) = _GERMANY
    return south <= latitude <= north and west <= longitude <= east


def _swapped_into_germany(latitude, longitude) -> bool:
    """The place lies in Germany only with latitude and longitude exchanged: most likely a slip."""
    return not _in_germany(float(latitude), float(longitude)) and _in_germany(
        float(longitude), float(latitude)
    )


@limit_text
class EventForm(forms.ModelForm):
    meeting_link = forms.URLField(
        label=_("Online-Zugang"), required=False, assume_scheme="https", max_length=200
    )
    start = _datetime_field(_("Beginn"))
    end = _datetime_field(_("Ende"))

    class Meta:
        model = Event
        fields = [
            "title",
            "description",
            "hub",
            "format",
            "start",
            "end",
            "capacity",
            "language",
            "location",
            "meeting_link",
            "is_meeting_day",
            "consent_mode",
            "request_expiry_hours",
            "venue_name",
            "venue_street",
            "venue_postcode",
            "venue_city",
            "latitude",
            "longitude",
            "arrival_notes",
            "accessibility_notes",
        ]
        help_texts = {
            "latitude": _("Dezimalgrad zwischen -90 und 90, z. B. 52.52; für die Karte auf der Seite"),
            "longitude": _("Dezimalgrad zwischen -180 und 180, z. B. 13.405"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.is_center_admin:
            # Hub staff hold events at their own hub only.
            self.fields["hub"].queryset = core_selectors.hubs().filter(slug=user.hub_id)
            self.fields["hub"].required = True
            self.fields["hub"].empty_label = None
        else:
            self.fields["hub"].empty_label = _("kein Stützpunkt (netzwerkweit)")
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        for name in ("arrival_notes", "accessibility_notes"):
            self.fields[name].widget.attrs["rows"] = 3

    def clean_capacity(self):
        value = self.cleaned_data["capacity"]
        try:
            check_capacity(event_id=self.instance.pk, capacity=value)
        except EventError as error:
            raise forms.ValidationError(str(error)) from error
        return value

    def clean_request_expiry_hours(self):
        value = self.cleaned_data["request_expiry_hours"]
        if value is not None and not 1 <= value <= 24 * 60:
            raise forms.ValidationError(_("Bitte geben Sie zwischen 1 und 1440 Stunden an."))
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Das Ende liegt vor dem Beginn."))
        starts_changed = not self.instance.pk or (start and start != self.instance.start)
        if start and starts_changed and start < timezone.now():
            self.add_error("start", _("Der Beginn liegt in der Vergangenheit."))
        fmt = data.get("format")
        if fmt in (Event.Format.ONLINE, Event.Format.HYBRID) and not data.get("meeting_link"):
            self.add_error(
                "meeting_link", _("Für eine Online- oder Hybrid-Veranstaltung bitte den Zugang angeben.")
            )
        if fmt in (Event.Format.AT_HUB, Event.Format.HYBRID) and not (
            data.get("hub") or data.get("location") or data.get("venue_city")
        ):
            self.add_error("location", _("Bitte geben Sie einen Ort oder einen Stützpunkt an."))
        if (data.get("latitude") is None) != (data.get("longitude") is None) and not (
            self.has_error("latitude") or self.has_error("longitude")
        ):
            self.add_error(
                "longitude",
                _("Bitte geben Sie Breiten- und Längengrad zusammen an oder lassen Sie beide leer."),
            )
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if latitude is not None and longitude is not None and _swapped_into_germany(latitude, longitude):
            self.add_error(
                "latitude",
                _(
                    "Breiten- und Längengrad scheinen vertauscht: so läge der Ort nicht in Deutschland. "
                    "Bitte geben Sie zuerst den Breitengrad (z. B. 51.3), dann den Längengrad (z. B. 9.5) an."
                ),
            )
        postcode = (data.get("venue_postcode") or "").strip()
        if postcode and not postcode.replace(" ", "").replace("-", "").isalnum():
            self.add_error("venue_postcode", _("Bitte geben Sie eine gültige Postleitzahl an."))
        return data


@limit_text
class MeetingSettingsForm(forms.ModelForm):
    """Rounds, breaks and tables of a meeting day."""

    slots_start = _datetime_field(_("Beginn der ersten Runde"))
    breaks_text = forms.CharField(
        label=_("Pausen"),
        required=False,
        help_text=_("Nummern der Runden, in denen Pause ist, durch Komma getrennt, z. B. 4, 8"),
    )

    class Meta:
        model = Event
        fields = ["slots_start", "slot_minutes", "slot_count", "tables", "online_rooms", "room_link_pattern"]
        help_texts = {
            "tables": _("Tische vor Ort je Runde"),
            "online_rooms": _(
                "Online-Räume je Runde, für Gespräche mit mindestens einer online teilnehmenden Person"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["breaks_text"].initial = ", ".join(str(b) for b in self.instance.breaks)
        fmt = self.instance.format
        # Only the kinds of place the event's format uses: tables on site, rooms online, both when hybrid.
        if fmt == Event.Format.AT_HUB:
            del self.fields["online_rooms"], self.fields["room_link_pattern"]
        elif fmt == Event.Format.ONLINE:
            del self.fields["tables"]
        for name, lo, hi in (
            ("slot_minutes", 5, 120),
            ("slot_count", 1, 48),
            ("tables", 0, 10000),
            ("online_rooms", 0, 10000),
        ):
            if name in self.fields:
                self.fields[name].widget.attrs.update(min=lo, max=hi)

    def clean_slots_start(self):
        value = self.cleaned_data["slots_start"]
        if value < timezone.now():
            raise forms.ValidationError(_("Die erste Runde liegt in der Vergangenheit."))
        return value

    def clean_slot_minutes(self):
        value = self.cleaned_data["slot_minutes"]
        if not 5 <= value <= 120:
            raise forms.ValidationError(_("Eine Runde dauert zwischen 5 und 120 Minuten."))
        return value

    def clean_slot_count(self):
        value = self.cleaned_data["slot_count"]
        if not 1 <= value <= 48:
            raise forms.ValidationError(_("Bitte geben Sie zwischen 1 und 48 Runden an."))
        return value

    def clean_tables(self):
        value = self.cleaned_data["tables"]
        if value > 10000:
            raise forms.ValidationError(_("Bitte geben Sie höchstens 10000 an."))
        return value

    def clean_online_rooms(self):
        value = self.cleaned_data["online_rooms"]
        if value > 10000:
            raise forms.ValidationError(_("Bitte geben Sie höchstens 10000 an."))
        return value

    def clean_room_link_pattern(self):
        value = (self.cleaned_data.get("room_link_pattern") or "").strip()
        if not value:
            return ""
        probe = value.replace("{event}", "1").replace("{slot}", "1").replace("{room}", "1")
        if "{" in probe or "}" in probe:
            raise forms.ValidationError(_("Erlaubt sind nur die Platzhalter {event}, {slot} und {room}."))
        try:
            URLValidator(schemes=["https"])(probe)
        except forms.ValidationError as error:
            message = _("Bitte geben Sie eine Adresse an, die mit https:// beginnt.")
            raise forms.ValidationError(message) from error
        return value

    def clean(self):
        data = super().clean()
        tables = data.get("tables", 0 if self.instance.format == Event.Format.ONLINE else None)
        rooms = data.get("online_rooms", 0 if self.instance.format == Event.Format.AT_HUB else None)
        if tables is not None and rooms is not None and tables + rooms < 1:
            raise forms.ValidationError(_("Es braucht mindestens einen Tisch oder Online-Raum."))
        count = data.get("slot_count")
        breaks: list[int] = []
        for part in (data.get("breaks_text") or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            if not part.isdigit() or (count and not 1 <= int(part) <= count):
                self.add_error(
                    "breaks_text",
                    _("„%(part)s“ ist keine Runde zwischen 1 und der Anzahl der Runden.") % {"part": part},
                )
                return data
            breaks.append(int(part))
        breaks = sorted(set(breaks))
        if count and len(breaks) >= count:
            self.add_error("breaks_text", _("Mindestens eine Runde darf keine Pause sein."))
        data["breaks"] = breaks
        start, minutes = data.get("slots_start"), data.get("slot_minutes")
        event = self.instance
        if start and minutes and count:
            last_end = start + timedelta(minutes=minutes * count)
            if start < event.start or last_end > event.end:
                self.add_error(
                    "slots_start",
                    _(
                        "Die Runden müssen zwischen Beginn und Ende der Veranstaltung "
                        "liegen (%(start)s – %(end)s)."
                    )
                    % {
                        "start": timezone.localtime(event.start).strftime("%d.%m.%Y %H:%M"),
                        "end": timezone.localtime(event.end).strftime("%d.%m.%Y %H:%M"),
                    },
                )
        return data

    def save(self, commit=True):
        event = super().save(commit=False)
        event.breaks = self.cleaned_data.get("breaks", [])
        if commit:
            event.save()
        return event


class ProfileForm(forms.Form):
    company_name = forms.CharField(label=_("Unternehmen"), max_length=200, required=False)
    offers = forms.CharField(label=_("Wir bieten"), widget=forms.Textarea, required=False, max_length=3000)
    seeks = forms.CharField(label=_("Wir suchen"), widget=forms.Textarea, required=False, max_length=3000)
    unavailable = forms.TypedMultipleChoiceField(
        label=_("In diesen Runden bin ich nicht verfügbar"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        slots = [
            (i + 1, f"{i + 1}: {timezone.localtime(s):%H:%M}–{timezone.localtime(e):%H:%M}")
            for i, s, e, is_break in event.slot_times()
            if not is_break
        ]
        if slots:
            self.fields["unavailable"].choices = slots
        else:
            del self.fields["unavailable"]

    def clean(self):
        data = super().clean()
        if not (data.get("offers") or "").strip() and not (data.get("seeks") or "").strip():
            raise forms.ValidationError(_("Bitte beschreiben Sie, was Sie anbieten oder suchen."))
        return data


class MeetingRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Anlass des Gesprächs"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ein, zwei Sätze: worüber möchten Sie sprechen?"),
    )
    priority = forms.TypedChoiceField(
        label=_("Priorität"),
        choices=MeetingRequest.Priority.choices,
        coerce=int,
        initial=MeetingRequest.Priority.MEDIUM,
    )

    def clean_reason(self):
        value = self.cleaned_data["reason"].strip()
        if len(value) < 3:
            raise forms.ValidationError(_("Bitte nennen Sie kurz den Anlass."))
        return value


class MoveForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Runde"), coerce=int)
    table = forms.IntegerField(label=_("Tisch"), min_value=1)

    def __init__(self, *args, event: Event, online: bool = False, **kwargs):
        """``online``: the meeting has an online side, so it moves between online rooms, not tables."""
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [
            (i + 1, f"{i + 1}: {timezone.localtime(s):%H:%M}" + (f" ({_('Pause')})" if is_break else ""))
            for i, s, _e, is_break in event.slot_times()
        ]
        places = event.place_counts()[1 if online else 0]
        self.fields["table"].max_value = max(1, places)
        self.fields["table"].validators.append(MaxValueValidator(max(1, places)))
        self.fields["table"].widget.attrs.update(min=1, max=max(1, places))
        self.fields["table"].label = _("Online-Raum") if online else _("Tisch")


class MeetingLinkForm(forms.Form):
    """Staff's own link for one online meeting's room (empty: the event's pattern applies)."""

    link = forms.URLField(
        label=_("Link zum Online-Raum"), required=False, max_length=300, assume_scheme="https"
    )

    def clean_link(self):
        value = self.cleaned_data.get("link") or ""
        if value and not value.startswith("https://"):
            raise forms.ValidationError(_("Bitte geben Sie eine Adresse an, die mit https:// beginnt."))
        return value


class AttendanceForm(forms.Form):
    """On site or online, at a hybrid event."""

    attendance = forms.ChoiceField(
        label=_("Wie nehmen Sie teil?"),
        choices=Registration.Attendance.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, ob Sie vor Ort oder online teilnehmen.")},
    )


class CheckinSearchForm(forms.Form):
    q = forms.CharField(label=_("Name oder Unternehmen"), max_length=100, required=False)


class CheckinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in-Code"),
        max_length=200,
        help_text=_("Steht unter dem QR-Code auf der Bestätigung und dem Gesprächsplan."),
    )


class MeetingRatingForm(forms.Form):
    """The first rating of one meeting; usefulness and next step only for a meeting that took place."""

    took_place = forms.ChoiceField(
        label=_("Hat das Gespräch stattgefunden?"),
        choices=[("yes", _("Ja")), ("no", _("Nein"))],
        widget=forms.RadioSelect,
    )
    usefulness = forms.TypedChoiceField(
        label=_("Wie nützlich war das Gespräch für Sie?"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("1 = gar nicht nützlich, 5 = sehr nützlich"),
    )
    next_step = forms.ChoiceField(
        label=_("Wie geht es weiter?"),
        choices=[("", "–"), *MeetingRating.NextStep.choices],
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("took_place") == "yes":
            if data.get("usefulness") in (None, ""):
                self.add_error("usefulness", _("Bitte geben Sie an, wie nützlich das Gespräch war."))
            if not data.get("next_step"):
                self.add_error("next_step", _("Bitte wählen Sie den nächsten Schritt."))
        return data


class MeetingOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Was ist aus dem Gespräch geworden?"),
        choices=MeetingRating.Outcome.choices,
        widget=forms.RadioSelect,
    )
