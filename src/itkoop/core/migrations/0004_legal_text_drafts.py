"""The first versions of the Impressum and the privacy notice: drafts the center fills in (core/data/legal)."""

from pathlib import Path

from django.db import migrations
from django.utils import timezone

LEGAL_DIR = Path(__file__).resolve().parent.parent / "data" / "legal"


def load_drafts(apps, schema_editor):
    LegalText = apps.get_model("core", "LegalText")
    for kind in ("impressum", "privacy"):
        if LegalText.objects.filter(kind=kind).exists():
            continue
        LegalText.objects.create(
            kind=kind,
            version=1,
            body_de=(LEGAL_DIR / f"{kind}.de.md").read_text(encoding="utf-8"),
            body_en=(LEGAL_DIR / f"{kind}.en.md").read_text(encoding="utf-8"),
            published_at=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0003_auditentry_legaltext")]
    operations = [migrations.RunPython(load_drafts, migrations.RunPython.noop)]
