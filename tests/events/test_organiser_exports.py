"""The organiser's downloads of an event: the participant list and the meeting plan per person and per table,
each as CSV and XLSX from one definition (same rows in both), one section or sheet per person or table; only
the event's staff reach them (staff of another hub and members get 404, anonymous people the login)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from itkoop.events import exports_organiser
from itkoop.events.models import Meeting, MeetingRequest, ParticipantProfile, Registration

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .factories import confirmed, meeting_day

pytestmark = pytest.mark.django_db


def _person(first: str, last: str, company: str = ""):
    user = member_of(CompanyFactory(name=company)) if company else UserFactory()
    user.first_name, user.last_name = first, last
    user.save()
    return user


@pytest.fixture
def day():
    """Anna (Kranich GmbH) meets Bert at table 1 in round 1 and Clara at table 2 in round 2; Dora is on the
    waiting list, Emil cancelled; Bert is checked in."""
    event = meeting_day(hub_id="kassel", title="Börse Kassel", capacity=3)
    anna, bert, clara = (
        _person("Anna", "Adler", "Kranich GmbH"),
        _person("Bert", "Berg"),
        _person("Clara", "Cramer"),
    )
    for user in (anna, bert, clara):
        confirmed(event, user)
    ParticipantProfile.objects.create(event=event, user=clara, company_name='=HYPERLINK("x")')
    dora, emil = _person("Dora", "Dach"), _person("Emil", "Ems")
    Registration.objects.create(event=event, user=dora, status=Registration.Status.WAITLISTED, position=1)
    Registration.objects.create(event=event, user=emil, status=Registration.Status.CANCELLED)
    Registration.objects.filter(event=event, user=bert).update(checked_in=timezone.now())
    expires = timezone.now() + timedelta(days=1)
    for sender, recipient, slot, table in ((anna, bert, 0, 0), (clara, anna, 1, 1)):
        request = MeetingRequest.objects.create(
            event=event,
            sender=sender,
            recipient=recipient,
            reason="Shop",
            status=MeetingRequest.Status.ACCEPTED,
            expires=expires,
        )
        Meeting.objects.create(event=event, request=request, slot=slot, table=table)
    return event


def _url(event, export, file_format):
    return reverse("events:organiser_export", args=[event.pk, export, file_format])


def _csv_sections(response) -> list[list[list[str]]]:
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    sections, current = [], []
    for row in rows:
        if not row:
            sections.append(current)
            current = []
        else:
            current.append(row)
    return [*sections, current]


def _sheets(response) -> dict[str, list[list]]:
    workbook = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [_trimmed(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook}


def _trimmed(row) -> list:
    """A sheet's row without the empty cells openpyxl pads it with up to the sheet's widest row."""
    cells = list(row)
    while cells and cells[-1] in (None, ""):
        cells.pop()
    return cells


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat") and hasattr(value, "hour"):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value)


def test_participant_list_names_state_check_in_and_meetings(client, day):
    client.force_login(hub_staff("kassel"))
    (section,) = _csv_sections(client.get(_url(day, "teilnehmende", "csv")))
    caption, header, *rows = section
    assert caption[0].startswith("Börse Kassel – ")
    assert header == [
        "Name",
        "Firma",
        "E-Mail",
        "Anmeldung",
        "Platz auf der Warteliste",
        "Eingecheckt",
        "Nicht erschienen",
        "Gespräche",
    ]
    by_name = {row[0]: row for row in rows}
    assert [row[0] for row in rows] == ["Anna Adler", "Bert Berg", "Clara Cramer", "Dora Dach", "Emil Ems"]
    assert by_name["Anna Adler"][1] == "Kranich GmbH" and by_name["Anna Adler"][7] == "2"
    assert by_name["Bert Berg"][5] != "" and by_name["Anna Adler"][5] == ""
    assert by_name["Dora Dach"][3:5] == ["auf der Warteliste", "1"]
    assert by_name["Emil Ems"][3] == "storniert" and by_name["Emil Ems"][7] == "0"
    # a company name that a spreadsheet would run as a formula stays text
    assert by_name["Clara Cramer"][1] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("export", exports_organiser.EXPORTS)
def test_xlsx_holds_what_the_csv_holds(client, day, export):
    client.force_login(center_admin())
    as_csv = _csv_sections(client.get(_url(day, export, "csv")))
    response = client.get(_url(day, export, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheets = list(_sheets(response).values())
    assert len(sheets) == len(as_csv) > 0
    for sheet, section in zip(sheets, as_csv, strict=True):
        assert [[_text(v) for v in row] for row in sheet] == [
            _trimmed(cell.removeprefix("'") for cell in row) for row in section
        ]


def test_plan_per_person_has_one_sheet_per_person_with_meetings(client, day):
    client.force_login(hub_staff("kassel"))
    sheets = _sheets(client.get(_url(day, "plan-je-person", "xlsx")))
    assert list(sheets) == ["Anna Adler", "Bert Berg", "Clara Cramer"]  # not Dora, Emil: no meetings
    caption, header, *rows = sheets["Anna Adler"]
    assert caption[0] == "Gesprächsplan von Anna Adler, Kranich GmbH – Börse Kassel"
    assert header == ["Runde", "Zeit", "Tisch", "Gesprächspartner", "Firma"]
    start = timezone.localtime(day.slots_start)
    assert rows == [
        [1, f"{start:%H:%M}–{start + timedelta(minutes=20):%H:%M}", 1, "Bert Berg"],  # no company
        [
            2,
            f"{start + timedelta(minutes=20):%H:%M}–{start + timedelta(minutes=40):%H:%M}",
            2,
            "Clara Cramer",
            '=HYPERLINK("x")',
        ],
    ]
    assert [row[3] for row in sheets["Bert Berg"][2:]] == ["Anna Adler"]


def test_plan_per_table_has_one_section_per_table_with_both_people(client, day):
    client.force_login(hub_staff("kassel"))
    sections = _csv_sections(client.get(_url(day, "plan-je-tisch", "csv")))
    assert [s[0][0] for s in sections] == ["Tisch 1 – Börse Kassel", "Tisch 2 – Börse Kassel"]
    assert sections[0][1] == ["Runde", "Zeit", "Person 1", "Firma 1", "Person 2", "Firma 2"]
    assert [row[0] for row in sections[0][2:]] == ["1"]
    assert sections[0][2][2:] == ["Anna Adler", "Kranich GmbH", "Bert Berg", ""]
    assert (
        sections[1][2][0] == "2" and sections[1][2][2] == "Clara Cramer" and sections[1][2][4] == "Anna Adler"
    )


def test_two_people_of_one_name_get_two_sheets(day):
    twin = _person("Anna", "Adler")
    confirmed(day, twin)
    request = MeetingRequest.objects.create(
        event=day,
        sender=twin,
        recipient=Registration.objects.get(event=day, user__first_name="Bert").user,
        reason="x",
        status=MeetingRequest.Status.ACCEPTED,
        expires=timezone.now() + timedelta(days=1),
    )
    Meeting.objects.create(event=day, request=request, slot=2, table=0)
    tables = exports_organiser.plan_per_person(day)
    from itkoop.core.tables import xlsx_bytes

    titles = load_workbook(io.BytesIO(xlsx_bytes(tables))).sheetnames
    assert titles.count("Anna Adler") == 1 and "Anna Adler (2)" in titles


def test_headers_follow_the_page_language(client, day):
    client.force_login(hub_staff("kassel"))
    response = client.get("/en" + _url(day, "teilnehmende", "csv"))
    header = _csv_sections(response)[0][1]
    assert header[3] == "Registration" and header[7] == "Meetings"


@pytest.mark.parametrize("who", ["member", "other_hub", "participant"])
def test_others_do_not_find_the_exports(client, day, who):
    users = {
        "member": lambda: member_of(CompanyFactory()),
        "other_hub": lambda: hub_staff("aachen"),
        "participant": lambda: Registration.objects.filter(event=day).first().user,
    }
    client.force_login(users[who]())
    assert client.get(_url(day, "teilnehmende", "xlsx")).status_code == 404


def test_anonymous_people_are_asked_to_log_in(client, day):
    response = client.get(_url(day, "plan-je-tisch", "csv"))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize(("export", "file_format"), [("adressen", "csv"), ("teilnehmende", "pdf")])
def test_unknown_exports_and_formats_are_not_found(client, day, export, file_format):
    client.force_login(hub_staff("kassel"))
    assert client.get(_url(day, export, file_format)).status_code == 404
