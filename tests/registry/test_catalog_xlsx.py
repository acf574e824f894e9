"""The catalog import page takes the XLSX template (or a JSON file): the JSON import's validation and single
transaction, and one error line naming sheet, row and column."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from itkoop.registry import catalog_xlsx
from itkoop.registry.models import Company, Solution
from itkoop.registry.services import CatalogError

from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db

COMPANY_HEADER = ["id", "name", "postal_code", "city", "employees", "languages"]
SOLUTION_HEADER = ["company", "id", "name", "capabilities", "provides", "price_eur_month"]


def _workbook(
    companies=(), solutions=(), company_header=COMPANY_HEADER, solution_header=SOLUTION_HEADER
) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheet = workbook.create_sheet("Unternehmen")
    sheet.append(company_header)
    for row in companies:
        sheet.append(list(row))
    sheet = workbook.create_sheet("Lösungen")
    sheet.append(solution_header)
    for row in solutions:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


GOOD = {
    "companies": [
        ("xl-1", "Tabellen GmbH", 1067, "Dresden", 12, "de, en"),
        ("xl-2", "Zeilen AG", "34117", "Kassel", None, None),
    ],
    "solutions": [
        ("xl-1", "xl-1-s1", "Tabellen-ERP", "erp, online-shop", "datev", 99),
        ("xl-2", "xl-2-s1", "Zeilen-Shop", "online-shop", None, "12,50"),
    ],
}


def _upload(client, data: bytes, name: str = "katalog.xlsx"):
    return client.post(reverse("registry:catalog_import"), {"file": SimpleUploadedFile(name, data)})


@pytest.fixture
def admin_client(client):
    client.force_login(center_admin())
    return client


def test_filled_template_is_imported(admin_client):
    response = _upload(admin_client, _workbook(**GOOD))
    assert response.status_code == 302
    company = Company.objects.get(external_id="xl-1")
    assert company.postal_code == "01067" and company.employees == 12 and company.languages == ["de", "en"]
    erp = Solution.objects.get(external_id="xl-1-s1")
    assert sorted(erp.capabilities.values_list("id", flat=True)) == ["erp", "online-shop"]
    assert list(erp.provides.values_list("id", flat=True)) == ["datev"] and erp.price_eur_month == 99
    assert Solution.objects.get(external_id="xl-2-s1").price_eur_month == 12.5
    page = admin_client.get(reverse("registry:catalog_import")).content.decode()
    assert "2 Unternehmen neu" in page and "2 Lösungen neu" in page


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            {
                "solutions": [
                    GOOD["solutions"][0],
                    ("xl-2", "xl-2-s1", "Shop", "online-shop, gibt-es-nicht", None, 1),
                ]
            },
            "Tabelle „Lösungen“, Zeile 3, Spalte „capabilities“: unbekannte Fähigkeit 'gibt-es-nicht'",
        ),
        (
            {"companies": [GOOD["companies"][0], ("xl-2", "Zeilen AG", "34117", "Kassel", "viele", None)]},
            "Tabelle „Unternehmen“, Zeile 3, Spalte „employees“:",
        ),
        (
            {"solutions": [("xl-1", "xl-1-s1", "ERP", "erp", None, -5)]},
            "Tabelle „Lösungen“, Zeile 2, Spalte „price_eur_month“:",
        ),
        (
            {"solutions": [("niemand", "n-s1", "ERP", "erp", None, None)]},
            "Tabelle „Lösungen“, Zeile 2, Spalte „company“: unbekanntes Unternehmen „niemand“",
        ),
        (
            {
                "companies": [GOOD["companies"][0], ("xl-1", "Doppelt", None, None, None, None)],
                "solutions": [],
            },
            "Tabelle „Unternehmen“, Zeile 3, Spalte „id“: Kennung 'xl-1' kommt doppelt vor",
        ),
        (
            {"companies": [("kein id!", "Name", None, None, None, None)], "solutions": []},
            "Tabelle „Unternehmen“, Zeile 2, Spalte „id“:",
        ),
    ],
)
def test_an_error_names_sheet_row_and_column_and_changes_nothing(admin_client, change, where):
    response = _upload(admin_client, _workbook(**{**GOOD, **change}))
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and "\n" not in errors[0]
    assert errors[0].startswith(where), errors[0]
    assert not Company.objects.filter(external_id__startswith="xl-").exists()  # one transaction
    assert not Solution.objects.filter(external_id__startswith="xl-").exists()


def test_unknown_column_is_named(admin_client):
    data = _workbook(
        companies=[("xl-1", "A", None, None, None, None)], company_header=[*COMPANY_HEADER, "umsatz"]
    )
    errors = _upload(admin_client, data).context["form"].errors["file"]
    assert errors[0].startswith("Tabelle „Unternehmen“, Zeile 1, Spalte „G“: unbekannte Spalte „umsatz“")


def test_missing_required_column_is_named(admin_client):
    data = _workbook(companies=[("A",)], company_header=["name"])
    errors = _upload(admin_client, data).context["form"].errors["file"]
    assert errors == ["Tabelle „Unternehmen“, Zeile 1: die Spalte „id“ fehlt"]


def test_a_file_that_is_no_spreadsheet_is_one_line(admin_client):
    errors = _upload(admin_client, b"PK\x03\x04 kaputt").context["form"].errors["file"]
    assert errors == ["Die Datei ist keine Excel-Datei (XLSX) im Format der Vorlage."]


def test_solutions_may_be_added_to_a_company_already_in_the_catalog(admin_client):
    company = CompanyFactory(external_id="alt-1", name="Alte Firma")
    response = _upload(admin_client, _workbook(solutions=[("alt-1", "alt-1-neu", "Neu", "erp", None, None)]))
    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Alte Firma" and company.solutions.get().external_id == "alt-1-neu"


def test_json_files_are_imported_with_the_same_rules(admin_client):
    catalog = {
        "companies": [{"id": "js-1", "name": "JSON GmbH", "solutions": [{"id": "js-1-s", "name": "S"}]}]
    }
    assert _upload(admin_client, json.dumps(catalog).encode(), "k.json").status_code == 302
    assert Solution.objects.filter(external_id="js-1-s").exists()
    bad = {"companies": [{"id": "js-2", "name": "X", "employees": float("nan")}]}
    errors = _upload(admin_client, json.dumps(bad).encode(), "k.json").context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith("k.json: kein gültiges JSON")
    assert not Company.objects.filter(external_id="js-2").exists()


def test_template_downloads_with_every_sheet_and_column(admin_client):
    response = admin_client.get(reverse("registry:catalog_template"))
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["Hinweise", "Unternehmen", "Lösungen", "Kooperationen"]
    header = next(workbook["Lösungen"].iter_rows(values_only=True))
    assert list(header) == list(catalog_xlsx.SOLUTIONS.columns)
    assert (
        'href="/katalog/import/vorlage.xlsx"'
        in admin_client.get(reverse("registry:catalog_import")).content.decode()
    )


def test_the_empty_template_imports_nothing_and_says_so(admin_client):
    response = _upload(admin_client, catalog_xlsx.template_bytes())
    assert response.status_code == 302 and not Company.objects.filter(external_id__startswith="xl").exists()


def test_members_do_not_import(client):
    client.force_login(member_of(CompanyFactory()))
    assert client.get(reverse("registry:catalog_import")).status_code == 403
    assert client.get(reverse("registry:catalog_template")).status_code == 403
    assert _upload(client, _workbook(**GOOD)).status_code == 403
    assert not Company.objects.filter(external_id="xl-1").exists()


KASSEL_ONLY = {
    "companies": [("xl-2", "Zeilen AG", "34117", "Kassel", None, None)],
    "solutions": [("xl-2", "xl-2-s1", "Zeilen-Shop", "online-shop", None, "12,50")],
}


def test_hub_staff_import_the_companies_of_their_hub(client):
    client.force_login(hub_staff("kassel"))
    assert client.get(reverse("registry:catalog_template")).status_code == 200
    assert _upload(client, _workbook(**KASSEL_ONLY)).status_code == 302
    assert Company.objects.get(external_id="xl-2").hub_id == "kassel"


def test_hub_staff_import_nothing_of_another_hub(client):
    client.force_login(hub_staff("kassel"))
    response = _upload(client, _workbook(**GOOD))  # xl-1 is in Dresden
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tabelle „Unternehmen“, Zeile 2" in page and "nicht zu Ihrem" in page
    assert not Company.objects.filter(external_id__startswith="xl").exists()


def test_hub_staff_do_not_move_a_company_of_another_hub_into_theirs(client):
    other = CompanyFactory(external_id="fremd-1", postal_code="52062", hub_id="aachen")
    client.force_login(hub_staff("kassel"))
    catalog = {"companies": [{"id": "fremd-1", "name": "Umbenannt", "hub": "kassel"}]}
    response = _upload(client, json.dumps(catalog).encode(), name="katalog.json")
    assert response.status_code == 200 and "nicht zu Ihrem" in response.content.decode()
    other.refresh_from_db()
    assert other.name != "Umbenannt" and other.hub_id == "aachen"


def test_hub_staff_do_not_change_the_taxonomy(client):
    client.force_login(hub_staff("kassel"))
    catalog = {"capabilities": [{"id": "neu", "label_de": "Neu", "label_en": "New"}], "companies": []}
    response = _upload(client, json.dumps(catalog).encode(), name="katalog.json")
    assert "pflegt die Zentrumsleitung" in response.content.decode()


def test_converter_errors_have_no_path_left_over():
    converted = catalog_xlsx.read_catalog_xlsx(_workbook(**GOOD), known_company=lambda _id: None)
    error = catalog_xlsx.located(
        CatalogError("XLSX: companies[0].solutions[0].provides[3]: kaputt"), converted
    )
    assert str(error) == "Tabelle „Lösungen“, Zeile 2, Spalte „provides“: kaputt"
    error = catalog_xlsx.located(CatalogError("XLSX: companies[1].solutions[0].provides[0]: leer"), converted)
    assert str(error) == "Tabelle „Lösungen“, Zeile 3: leer"  # no cell given: the row


def _with_raw_cell_value(data: bytes, old: bytes, new: bytes) -> bytes:
    """The workbook with a cell's stored value replaced in its XML, as a generated file may have it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                body = body.replace(old, new)
            target.writestr(item, body)
    return out.getvalue()


@pytest.mark.parametrize("raw", [b"nan", b"NaN", b"inf", b"-inf"])
def test_a_number_cell_holding_nan_or_inf_is_one_line_not_a_500(admin_client, raw):
    data = _workbook(
        companies=[GOOD["companies"][0]], solutions=[("xl-1", "xl-1-s1", "ERP", "erp", None, 777)]
    )
    data = _with_raw_cell_value(data, b"<v>777</v>", b"<v>" + raw + b"</v>")
    response = _upload(admin_client, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith("Tabelle „Lösungen“, Zeile 2:"), errors
    assert not Company.objects.filter(external_id__startswith="xl-").exists()


def test_a_file_that_unpacks_too_large_is_refused_before_it_is_read(admin_client, monkeypatch):
    """A zip bomb (a small upload whose parts unpack to GBs) is refused by the parts' declared sizes."""
    data = _workbook(**GOOD)
    unpacked = sum(part.file_size for part in zipfile.ZipFile(io.BytesIO(data)).infolist())
    monkeypatch.setattr(catalog_xlsx, "MAX_UNPACKED_BYTES", unpacked - 1)
    monkeypatch.setattr(catalog_xlsx, "load_workbook", None)  # must not be reached
    response = _upload(admin_client, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and "entpackt größer als" in errors[0]
    assert not Company.objects.filter(external_id__startswith="xl-").exists()
