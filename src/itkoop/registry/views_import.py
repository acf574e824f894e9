"""The catalog import page for the center management and the hub teams: a filled-in XLSX template or a JSON
catalog file (hub staff only for companies of their hub),
validated completely and written in one transaction (nothing changes when anything is wrong), with the
first problem in one line: for a spreadsheet its sheet, row and column."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DataError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from itkoop.core.services import RoleRequired, audit_record

from .catalog_io import import_catalog, parse_catalog_text
from .catalog_scope import check_hub_scope
from .catalog_xlsx import import_catalog_xlsx, template_bytes
from .forms import CatalogImportForm
from .services import CatalogError

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_catalog_staff(user) -> None:
    # An import changes attested data (verified, labels): staff work. The center management imports anything,
    # a hub team the companies of its hub (checked on the file, see catalog_scope).
    if not (user.is_active and (user.is_center_admin or user.is_hub_staff)):
        raise RoleRequired(_("Stützpunkt-Team oder Zentrumsleitung"))


def _hub_scope(user) -> str | None:
    return None if user.is_center_admin else user.hub_id


def _import(upload, hub_scope: str | None):
    data = upload.read()
    if upload.name.lower().endswith(".xlsx"):
        return import_catalog_xlsx(data, attested_from_file=True, hub_scope=hub_scope)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogError(_("Die Datei ist nicht in UTF-8 geschrieben.")) from exc
    catalog = parse_catalog_text(text, source=upload.name)
    with transaction.atomic():  # the scope is checked against the rows the import then writes
        if hub_scope is not None:
            check_hub_scope(catalog, hub_scope, source=upload.name)
        return import_catalog(catalog, attested_from_file=True, source=upload.name)


@login_required
def catalog_import(request):
    _require_catalog_staff(request.user)
    form = CatalogImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = _import(upload, _hub_scope(request.user))
        except CatalogError as error:
            form.add_error("file", str(error))
        except DataError:  # a value the checks let through but the database refused: rolled back
            form.add_error(
                "file", _("Die Datenbank hat einen Wert der Datei abgelehnt; es wurde nichts geändert.")
            )
        else:
            audit_record(actor=request.user, action="catalog_import", details={"file": upload.name[:200]})
            messages.success(
                request,
                _(
                    "Import abgeschlossen: %(cc)d Unternehmen neu, %(cu)d aktualisiert; "
                    "%(sc)d Lösungen neu, %(su)d aktualisiert."
                )
                % {
                    "cc": summary.companies_created,
                    "cu": summary.companies_updated,
                    "sc": summary.solutions_created,
                    "su": summary.solutions_updated,
                },
            )
            return redirect("registry:catalog_import")
    return render(
        request, "registry/catalog_import.html", {"form": form, "hub_scope": _hub_scope(request.user)}
    )


@login_required
def catalog_template(request):
    _require_catalog_staff(request.user)
    response = HttpResponse(template_bytes(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="itkoop-katalog-vorlage.xlsx"'
    return response
