"""What a hub's staff may import: companies of their own hub, nothing of the shared taxonomy.

A hub team collects company data of its region in the spreadsheet template; the center management imports
anything. The check runs inside the import's transaction, on the parsed file, before anything is written."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from .models import Company
from .services import CatalogError, hub_for_postal_code, hubs_by_prefix


def check_hub_scope(data: Any, hub_slug: str, *, source: str) -> None:
    """Refuse (CatalogError, one line with its place) a file that touches the taxonomy or a company outside
    ``hub_slug``: an existing company by its current hub, a new one by its file hub or else its postcode."""
    if not isinstance(data, dict):
        return  # the import's own shape check words this
    for key in ("capabilities", "standards"):
        if data.get(key):
            raise CatalogError(
                _(
                    "%(source)s: %(key)s: Fähigkeiten und Standards pflegt die Zentrumsleitung; "
                    "bitte entfernen Sie diesen Teil der Datei."
                )
                % {"source": source, "key": key}
            )
    companies = [c for c in data.get("companies") or [] if isinstance(c, dict)]
    ids = [c.get("id") for c in companies if isinstance(c.get("id"), str)]
    current = dict(Company.objects.filter(external_id__in=ids).values_list("external_id", "hub_id"))
    prefixes = hubs_by_prefix()  # once per file, not a query per company
    for index, company in enumerate(companies):
        external_id = company.get("id")
        if external_id in current:
            hub = current[external_id]
            if company.get("hub") not in (None, "", hub_slug):
                hub = company["hub"]
        else:
            hub = company.get("hub") or hub_for_postal_code(str(company.get("postal_code") or ""), prefixes)
        if hub != hub_slug:
            raise CatalogError(
                _(
                    "%(source)s: companies[%(index)d]: Das Unternehmen „%(id)s“ gehört nicht zu Ihrem "
                    "Stützpunkt; Sie können nur Unternehmen Ihres Stützpunkts importieren (nach Postleitzahl "
                    "oder Angabe „hub“)."
                )
                % {"source": source, "index": index, "id": external_id}
            )
