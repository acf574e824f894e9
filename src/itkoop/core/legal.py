"""The Impressum and the privacy notice as versioned texts: editing publishes a new version."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import LegalText

# Longest text accepted from the edit form (a privacy notice runs to some 30,000 characters).
MAX_BODY = 100_000


def legal_text_current(kind: str) -> LegalText | None:
    return LegalText.objects.filter(kind=kind).order_by("-version").first()


def legal_text_versions(kind: str):
    return LegalText.objects.filter(kind=kind).order_by("-version").select_related("created_by")


@transaction.atomic
def legal_text_publish(*, actor, kind: str, body_de: str, body_en: str) -> LegalText:
    """Center admins publish a new version; the old ones stay for the consent records that name them."""
    if not getattr(actor, "is_center_admin", False):
        raise PermissionDenied(_("Diese Seite ist der Zentrumsleitung vorbehalten."))
    if kind not in LegalText.Kind.values:
        raise ValidationError(_("Unbekannte Art von Rechtstext."))
    body_de, body_en = (body_de or "").strip(), (body_en or "").strip()
    if not body_de or not body_en:
        raise ValidationError(_("Bitte geben Sie den Text auf Deutsch und auf Englisch ein."))
    if len(body_de) > MAX_BODY or len(body_en) > MAX_BODY:
        raise ValidationError(_("Der Text ist zu lang."))
    # Lock the kind's rows so two admins saving at once get versions n+1 and n+2, not a unique error.
    list(LegalText.objects.select_for_update().filter(kind=kind).values_list("pk", flat=True))
    last = LegalText.objects.filter(kind=kind).aggregate(v=Max("version"))["v"] or 0
    return LegalText.objects.create(
        kind=kind,
        version=last + 1,
        body_de=body_de,
        body_en=body_en,
        published_at=timezone.now(),
        created_by=actor,
    )


LEGAL_DIR = Path(__file__).resolve().parent / "data" / "legal"


def load_legal_drafts(**kwargs) -> None:
    """post_migrate (and after a test's flush): the shipped drafts (core/data/legal) become version 1 of each
    kind that has no text yet; texts the center has written are never touched."""
    for kind in LegalText.Kind.values:
        if LegalText.objects.filter(kind=kind).exists():
            continue
        LegalText.objects.create(
            kind=kind,
            version=1,
            body_de=(LEGAL_DIR / f"{kind}.de.md").read_text(encoding="utf-8"),
            body_en=(LEGAL_DIR / f"{kind}.en.md").read_text(encoding="utf-8"),
            published_at=timezone.now(),
        )
