"""The catalog as a spreadsheet: a downloadable XLSX template, and a converter from a filled-in template to
the catalog dict of the JSON import (shared/spec/catalog.schema.json).

The converter only translates: the JSON import (catalog_io.import_catalog) then validates the dict and
writes it in one transaction, exactly as for a JSON file, so both paths accept and refuse the same data. Its
error lines name a place in the dict ("companies[2].solutions[0].capabilities[1]"); the converter remembers
which sheet, row and column each value came from and turns that place back into "Tabelle „Lösungen“,
Zeile 5, Spalte „capabilities“".

One sheet per kind of entry, one row per entry, the JSON keys as column headers: "Unternehmen" (companies),
"Lösungen" (solutions, with the company's id in the column "company") and "Kooperationen" (past
cooperations, likewise). List values are comma-separated in one cell. Other sheets (the "Hinweise") are
ignored; an empty cell leaves the key out, so an update changes only what the row names."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .catalog_io import ImportSummary, import_catalog
from .catalog_scope import check_hub_scope
from .models import Company
from .services import CatalogError

FORMAT = "itkoop-catalog/1"
#: Rows per sheet: several times the largest catalog a hub keeps, far below what strains memory.
MAX_ROWS = 20_000
#: What the parts of an XLSX file may add up to unpacked: a full template of MAX_ROWS rows stays far below;
#: a "zip bomb" (a few MB that unpack to GBs of shared strings, which openpyxl holds in memory) is refused.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
SOURCE = "XLSX"  # the import's `source`: the converter finds its error lines by this prefix

TEXT, LIST, INT, FLOAT, BOOL = "text", "list", "int", "float", "bool"


@dataclass(frozen=True)
class Sheet:
    name: str  # the sheet's title in the workbook (German: the template is for hub staff)
    key: str  # the list of the catalog dict the rows go to
    columns: dict[str, str]  # header -> kind of value
    required: tuple[str, ...]
    parent: str | None = None  # column naming the company an entry belongs to


COMPANIES = Sheet(
    name="Unternehmen",
    key="companies",
    columns={
        "id": TEXT,
        "name": TEXT,
        "kind": TEXT,
        "description": TEXT,
        "description_en": TEXT,
        "website": TEXT,
        "street": TEXT,
        "postal_code": TEXT,
        "city": TEXT,
        "country": TEXT,
        "lat": FLOAT,
        "lon": FLOAT,
        "employees": INT,
        "founded": INT,
        "hub": TEXT,
        "verified": BOOL,
        "labels": LIST,
        "languages": LIST,
        "export_markets": LIST,
        "industries": LIST,
        "keywords": LIST,
    },
    required=("id", "name"),
)
SOLUTIONS = Sheet(
    name="Lösungen",
    key="solutions",
    columns={
        "company": TEXT,
        "id": TEXT,
        "name": TEXT,
        "description": TEXT,
        "capabilities": LIST,
        "provides": LIST,
        "consumes": LIST,
        "deployment": LIST,
        "hosting_country": TEXT,
        "price_eur_month": FLOAT,
        "languages": LIST,
    },
    required=("company", "id", "name"),
    parent="company",
)
COOPERATIONS = Sheet(
    name="Kooperationen",
    key="cooperations",
    columns={"company": TEXT, "partner": TEXT, "year": INT, "title": TEXT, "description": TEXT},
    required=("company", "partner"),
    parent="company",
)
SHEETS = (COMPANIES, SOLUTIONS, COOPERATIONS)


@dataclass(frozen=True)
class Place:
    sheet: str
    row: int
    column: str | None = None

    def describe(self) -> str:
        where = _("Tabelle „%(sheet)s“, Zeile %(row)d") % {"sheet": self.sheet, "row": self.row}
        if self.column:
            where += ", " + _("Spalte „%(column)s“") % {"column": self.column}
        return where


_LAST_STEP = re.compile(r"(\[\d+\]|\.[^.\[]+)$")  # "[3]" or ".name" at the end of a path


@dataclass
class Converted:
    """The catalog dict and, for each place in it (as the import's error lines write it), its cell."""

    catalog: dict[str, Any]
    places: dict[str, Place] = field(default_factory=dict)

    def place_of(self, path: str) -> Place | None:
        """The cell of a path, or of the nearest entry or list that holds it."""
        while path:
            if path in self.places:
                return self.places[path]
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                return None
            path = shorter
        return None


# --- template --------------------------------------------------------------------------------------------


def _bold(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def template_bytes() -> bytes:
    """The empty template: one sheet per kind of entry with its column headers, and a sheet of hints."""
    workbook = Workbook(write_only=True)
    hints = workbook.create_sheet(_("Hinweise"))
    for line in (
        _("Vorlage für den Katalog-Import der Kooperationsplattform"),
        _("Eine Zeile je Unternehmen, Lösung oder Kooperation; die Spaltenköpfe nicht ändern."),
        _(
            "Pflichtspalten – Unternehmen: id, name; Lösungen: company, id, name; "
            "Kooperationen: company, partner."
        ),
        _("Listen (z. B. capabilities, labels, languages) mit Komma trennen: erp, online-shop"),
        _("Eine leere Zelle lässt den Wert eines bestehenden Eintrags unverändert."),
        _("Kennungen (id) nur aus Buchstaben, Ziffern, Punkt, Unterstrich und Bindestrich."),
        _("Die Datei wird ganz oder gar nicht übernommen: Bei einem Fehler ändert sich nichts."),
    ):
        hints.append([line])
    for sheet_def in SHEETS:
        sheet = workbook.create_sheet(sheet_def.name)
        sheet.append([_bold(sheet, header) for header in sheet_def.columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- reading ---------------------------------------------------------------------------------------------


def _number_text(value: float | int) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _convert(kind: str, header: str, value: Any) -> Any:
    """A cell's value as the catalog dict holds it; what does not fit is passed on for validation to name."""
    if isinstance(value, str):
        value = value.strip()
    if kind == TEXT:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, int | float):
            text = _number_text(value)
            # A spreadsheet turns the postcode 01067 into the number 1067.
            return text.zfill(5) if header == "postal_code" and text.isdigit() and len(text) < 5 else text
        return value if isinstance(value, str) else str(value)
    if kind == LIST:
        text = (
            _number_text(value)
            if isinstance(value, int | float) and not isinstance(value, bool)
            else str(value)
        )
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind == INT:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,12}", value):
            return int(value)
        return value
    if kind == FLOAT:
        if isinstance(value, str) and re.fullmatch(r"-?\d{1,15}([.,]\d{1,15})?", value):
            return float(value.replace(",", "."))
        return value
    if kind == BOOL:
        if isinstance(value, str) and value.lower() in (
            "ja",
            "wahr",
            "true",
            "1",
            "nein",
            "falsch",
            "false",
            "0",
        ):
            return value.lower() in ("ja", "wahr", "true", "1")
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        return value
    raise AssertionError(kind)


def _fail(place: Place, message: str) -> CatalogError:
    return CatalogError(f"{place.describe()}: {message}")


def _readable_rows(rows, sheet_name: str):
    """The rows of a sheet; a cell openpyxl cannot read (a number cell holding "NaN" or "inf", which no
    spreadsheet program writes but a hand-made or generated file may) is a one-line error naming its row."""
    number = 0
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except (ValueError, TypeError, KeyError) as exc:
            raise _fail(
                Place(sheet_name, number + 1),
                _("die Zeile enthält einen Wert, der keine gültige Zahl oder kein gültiger Text ist"),
            ) from exc
        number += 1
        yield row


def _rows(workbook, sheet_def: Sheet) -> list[tuple[int, dict[str, tuple[str, Any]]]]:
    """(row number, {header: (header, value)}) for each non-empty row of a sheet; the header row checked."""
    if sheet_def.name not in workbook.sheetnames:
        return []
    sheet = workbook[sheet_def.name]
    rows = _readable_rows(sheet.iter_rows(values_only=True), sheet_def.name)
    header_row = next(rows, None) or ()
    headers: dict[int, str] = {}
    for index, header in enumerate(header_row):
        if header is None or (isinstance(header, str) and not header.strip()):
            continue
        name = str(header).strip()
        if name not in sheet_def.columns:
            place = Place(sheet_def.name, 1, f"{get_column_letter(index + 1)}")
            raise _fail(
                place,
                _("unbekannte Spalte „%(name)s“ (erlaubt: %(allowed)s)")
                % {"name": name[:50], "allowed": ", ".join(sheet_def.columns)},
            )
        if name in headers.values():
            raise _fail(Place(sheet_def.name, 1, name), _("die Spalte kommt doppelt vor"))
        headers[index] = name
    for required in sheet_def.required:
        if required not in headers.values():
            raise _fail(Place(sheet_def.name, 1), _("die Spalte „%(name)s“ fehlt") % {"name": required})
    out = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise _fail(
                Place(sheet_def.name, number), _("höchstens %(n)d Zeilen je Tabelle") % {"n": MAX_ROWS}
            )
        values = {
            headers[i]: value
            for i, value in enumerate(row)
            if i in headers and value is not None and not (isinstance(value, str) and not value.strip())
        }
        if values:
            out.append((number, values))
    return out


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a file whose parts unpack to more than MAX_UNPACKED_BYTES. Python's zipfile reads no more of a
    part than its declared size, so the declared sizes bound what openpyxl can unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip file: load_workbook below says so in its own words
    if unpacked > MAX_UNPACKED_BYTES:
        raise CatalogError(
            _(
                "Die Datei ist entpackt größer als %(mb)d MB; "
                "bitte teilen Sie den Katalog auf mehrere Dateien auf."
            )
            % {"mb": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def read_catalog_xlsx(data: bytes, *, known_company: Callable[[str], str | None] | None = None) -> Converted:
    """The catalog dict of a filled-in template, with the cell of every value; CatalogError (one line naming
    sheet, row and column) when the file is no XLSX or its structure is wrong. Values are not validated here:
    the JSON import does that. ``known_company(id)`` gives the name of a company already in the registry, so
    solutions and cooperations may be added to it without repeating it on the companies sheet."""
    known_company = known_company or _registry_company_name
    _check_unpacked_size(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it does not read
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise CatalogError(_("Die Datei ist keine Excel-Datei (XLSX) im Format der Vorlage.")) from exc
    try:
        return _convert_workbook(workbook, known_company)
    finally:
        workbook.close()


def _convert_workbook(workbook, known_company: Callable[[str], str | None]) -> Converted:
    if not any(sheet.name in workbook.sheetnames for sheet in SHEETS):
        raise CatalogError(
            _("Die Datei enthält keine der Tabellen %(names)s der Vorlage.")
            % {"names": ", ".join(f"„{s.name}“" for s in SHEETS)}
        )
    converted = Converted(catalog={"format": FORMAT, "companies": []})
    companies: list[dict[str, Any]] = converted.catalog["companies"]
    index_of: dict[str, int] = {}

    def add_company(entry: dict[str, Any], place: Place) -> int:
        index = len(companies)
        companies.append(entry)
        converted.places[f"companies[{index}]"] = place
        return index

    for number, values in _rows(workbook, COMPANIES):
        entry: dict[str, Any] = {}
        index = add_company(entry, Place(COMPANIES.name, number))
        for header, value in values.items():
            entry[header] = _convert(COMPANIES.columns[header], header, value)
            converted.places[f"companies[{index}].{header}"] = Place(COMPANIES.name, number, header)
        if isinstance(entry.get("id"), str):
            index_of.setdefault(entry["id"], index)

    for sheet_def in (SOLUTIONS, COOPERATIONS):
        for number, values in _rows(workbook, sheet_def):
            owner = _convert(TEXT, "company", values.pop(sheet_def.parent, ""))
            if not owner:
                raise _fail(
                    Place(sheet_def.name, number, sheet_def.parent),
                    _("bitte die Kennung des Unternehmens angeben"),
                )
            if owner not in index_of:
                name = known_company(owner)
                if name is None:
                    raise _fail(
                        Place(sheet_def.name, number, sheet_def.parent),
                        _(
                            "unbekanntes Unternehmen „%(id)s“: weder in der Tabelle „%(sheet)s“ "
                            "noch im Katalog"
                        )
                        % {"id": owner[:130], "sheet": COMPANIES.name},
                    )
                index_of[owner] = add_company(
                    {"id": owner, "name": name}, Place(sheet_def.name, number, "company")
                )
            company = companies[index_of[owner]]
            items = company.setdefault(sheet_def.key, [])
            path = f"companies[{index_of[owner]}].{sheet_def.key}[{len(items)}]"
            entry = {}
            items.append(entry)
            converted.places[path] = Place(sheet_def.name, number)
            for header, value in values.items():
                entry[header] = _convert(sheet_def.columns[header], header, value)
                converted.places[f"{path}.{header}"] = Place(sheet_def.name, number, header)
    return converted


def _registry_company_name(external_id: str) -> str | None:
    return Company.objects.filter(external_id=external_id).values_list("name", flat=True).first()


_ERROR_LINE = re.compile(rf"^{SOURCE}: (?P<path>[^ :]+): (?P<message>.*)$", re.S)


def located(error: CatalogError, converted: Converted) -> CatalogError:
    """The import's error line with its place in the dict replaced by the sheet, row and column."""
    match = _ERROR_LINE.match(str(error))
    if match is None:
        return CatalogError(str(error).removeprefix(f"{SOURCE}: "))
    place = converted.place_of(match["path"])
    where = place.describe() if place is not None else match["path"]
    return CatalogError(f"{where}: {match['message']}")


def import_catalog_xlsx(
    data: bytes, *, attested_from_file: bool, hub_scope: str | None = None
) -> ImportSummary:
    """Convert a filled-in template and import it with the JSON import's validation and transaction;
    CatalogError names sheet, row and column of the first problem, and nothing is written then.
    ``hub_scope``: a hub team's import, limited to the companies of that hub."""
    converted = read_catalog_xlsx(data)
    try:
        with transaction.atomic():
            if hub_scope is not None:
                check_hub_scope(converted.catalog, hub_scope, source=SOURCE)
            return import_catalog(converted.catalog, attested_from_file=attested_from_file, source=SOURCE)
    except CatalogError as error:
        raise located(error, converted) from error
