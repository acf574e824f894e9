"""Impressum and privacy notice: linked from every page, versioned, edited by center admins only; the audit
log of staff actions."""

import pytest
from django.urls import reverse

from itkoop.core import selectors as core
from itkoop.core.models import AuditEntry
from itkoop.registry import services as registry

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_footer_links_to_both_legal_pages(client, prefix):
    html = client.get(f"{prefix}/").content.decode()
    assert f'href="{prefix}/impressum/"' in html
    assert f'href="{prefix}/datenschutz/"' in html


def test_privacy_notice_ships_as_a_draft_in_both_languages(client):
    german = client.get(reverse("legal:privacy")).content.decode()
    assert "[Name der verantwortlichen Stelle]" in german
    assert "Art. 6 Abs. 1 lit. f DSGVO" in german
    assert '<h2 id="rechte">' in german
    english = client.get("/en/datenschutz/").content.decode()
    assert "Art. 6(1)(b) GDPR" in english
    assert client.get(reverse("legal:impressum")).status_code == 200


def test_markdown_is_sanitised(client):
    admin = center_admin()
    client.force_login(admin)
    client.post(
        reverse("legal:edit", args=["impressum"]),
        {"body_de": "# Neu\n\n<script>alert(1)</script>", "body_en": "New"},
    )
    html = client.get(reverse("legal:impressum")).content.decode()
    assert "<script>alert(1)" not in html
    assert "Version 2" in html


def test_editing_creates_a_new_version_and_keeps_the_old(client):
    client.force_login(center_admin())
    response = client.post(reverse("legal:edit", args=["privacy"]), {"body_de": "Neu", "body_en": "New"})
    assert response.status_code == 302
    assert [t.version for t in core.legal_text_versions("privacy")] == [2, 1]
    assert core.legal_text_current("privacy").body_de == "Neu"


def test_empty_text_is_refused_and_changes_nothing(client):
    client.force_login(center_admin())
    response = client.post(reverse("legal:edit", args=["privacy"]), {"body_de": "  ", "body_en": "New"})
    assert response.status_code == 200
    assert core.legal_text_current("privacy").version == 1


@pytest.mark.parametrize("who", ["member", "hub_staff"])
def test_only_center_admins_edit_and_read_the_log(client, who):
    client.force_login(UserFactory() if who == "member" else hub_staff("kassel"))
    for url in (reverse("legal:edit", args=["privacy"]), reverse("legal:audit_log")):
        response = client.get(url)
        assert response.status_code == 403
        assert "Zentrumsleitung" in response.content.decode()  # the role the page needs
    assert (
        client.post(reverse("legal:edit", args=["privacy"]), {"body_de": "x", "body_en": "y"}).status_code
        == 403
    )
    assert core.legal_text_current("privacy").version == 1


def test_verifying_a_company_is_logged_and_the_log_filters(client):
    staff = hub_staff("kassel")
    company = CompanyFactory(hub_id="kassel")
    registry.company_set_verified(actor=staff, company=company, verified=True)
    AuditEntry.objects.create(action="figures_export", details={"kind": "kpis"})
    entry = AuditEntry.objects.get(action="company_verify")
    assert (entry.actor, entry.object_id) == (staff, company.external_id)
    client.force_login(center_admin())
    html = client.get(reverse("legal:audit_log"), {"action": "company_verify"}).content.decode()
    assert company.external_id in html
    assert "figures_export</td>" not in html
    html = client.get(reverse("legal:audit_log"), {"actor": str(staff.pk)}).content.decode()
    assert "company_verify</td>" in html and "figures_export</td>" not in html
    assert client.get(reverse("legal:audit_log"), {"date_from": "kein Datum"}).status_code == 200


def test_figures_export_is_logged(client):
    admin = center_admin()
    client.force_login(admin)
    client.get(reverse("reporting:figures"), {"export": "kpis"})
    assert AuditEntry.objects.filter(action="figures_export", actor=admin, details__kind="kpis").exists()


def test_event_edit_is_logged():
    import datetime as dt

    from django.utils import timezone

    from itkoop.events import services as events

    staff = hub_staff("kassel")
    start = timezone.now() + dt.timedelta(days=7)
    end = start + dt.timedelta(hours=2)
    fields = {"title": "Stammtisch", "hub_id": "kassel", "start": start, "end": end, "capacity": 20}
    event = events.event_save(actor=staff, fields=fields)
    events.event_save(actor=staff, fields={"title": "Stammtisch Kassel"}, event_id=event.pk)
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "object_id"))
    assert actions == [("event_create", str(event.pk)), ("event_edit", str(event.pk))]
