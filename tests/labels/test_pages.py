"""The label pages object by object: every URL of the workflow answers the applying company's members and the
center admins, and 404 to everyone else (another company's member, hub staff); evidence has no other way
out; the public register, verification page and badge show only what holds today."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from itkoop.accounts.models import Membership
from itkoop.labels.models import Application, Certificate

from ..factories import center_admin, hub_staff
from .helpers import HOSTED, MADE, PDF, apply, declarations, grant, provider, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    """A's application with a PDF (waiting), A's application the center asked to complete, and the people."""
    member, solution = provider()
    waiting = apply(member, solution, uploads=[(None, upload())])
    changes = apply(member, solution, HOSTED)
    changes.status = Application.Status.CHANGES_REQUESTED
    changes.save()
    other, _ = provider()
    return {
        "member": member,
        "solution": solution,
        "waiting": waiting,
        "changes": changes,
        "evidence": waiting.evidence.get(),
        "other": other,
        "staff": hub_staff("kassel"),
        "admin": center_admin(),
    }


def _urls(case) -> dict[str, str]:
    return {
        "application": reverse("labels:application", args=[case["waiting"].pk]),
        "edit": reverse("labels:application_edit", args=[case["changes"].pk]),
        "evidence": reverse("labels:evidence", args=[case["evidence"].pk]),
        "apply": reverse("labels:apply", args=[case["solution"].external_id, MADE]),
    }


@pytest.mark.parametrize("page", ["application", "edit", "evidence", "apply"])
@pytest.mark.parametrize("who", ["other", "staff"])
def test_other_companies_and_hub_staff_find_nothing(client, case, page, who):
    client.force_login(case[who])
    url = _urls(case)[page]
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


@pytest.mark.parametrize("who", ["other", "staff", "member"])
def test_only_center_admins_decide(client, case, who):
    client.force_login(case[who])
    response = client.post(reverse("labels:decide", args=[case["waiting"].pk]), {"decision": "approve"})
    assert response.status_code == (403 if who == "member" else 404)
    assert not Certificate.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, case):
    for url in _urls(case).values():
        response = client.get(url)
        assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_member_downloads_the_evidence_as_an_attachment_with_the_checked_type(client, case):
    client.force_login(case["member"])
    response = client.get(_urls(case)["evidence"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_the_reviewing_admin_sees_the_evidence_and_decides(client, case):
    client.force_login(case["admin"])
    download = client.get(_urls(case)["evidence"])
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    page = client.get(_urls(case)["application"]).content.decode()
    assert 'name="decision"' in page
    response = client.post(reverse("labels:decide", args=[case["waiting"].pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert Certificate.objects.filter(application=case["waiting"]).exists()


def test_an_admin_of_the_applying_company_is_told_another_admin_decides(client, case):
    insider = case["admin"]
    Membership.objects.create(user=insider, company=case["solution"].company)
    client.force_login(insider)
    page = client.get(_urls(case)["application"]).content.decode()
    assert 'name="decision"' not in page
    assert "Über ihn muss eine andere Person der Zentrumsleitung entscheiden." in page
    review = client.get(reverse("labels:review")).content.decode()
    assert "Ihr eigenes Unternehmen: Eine andere Person der Zentrumsleitung entscheidet." in review
    response = client.post(
        reverse("labels:decide", args=[case["waiting"].pk]), {"decision": "approve"}, follow=True
    )
    assert "Über ihn muss eine andere Person der Zentrumsleitung entscheiden." in response.content.decode()
    assert not Certificate.objects.exists()
    case["waiting"].refresh_from_db()
    assert case["waiting"].status == Application.Status.SUBMITTED


def test_the_evidence_file_is_not_under_any_public_url(case):
    name = case["evidence"].file.name
    assert name.startswith("private/labels/") and name.endswith(".pdf") and "nachweis" not in name


def test_the_member_resubmits_through_the_edit_page(client, case):
    client.force_login(case["member"])
    data = {}
    for criterion in case["changes"].version.criteria.all():
        data[f"confirm_{criterion.pk}"] = "on"
        data[f"explain_{criterion.pk}"] = "Rechenzentrum in Frankfurt"
    response = client.post(_urls(case)["edit"], data)
    assert response.status_code == 302
    case["changes"].refresh_from_db()
    assert case["changes"].status == Application.Status.SUBMITTED


def test_a_double_submitted_resubmission_leads_to_the_application_not_to_an_error(client, case):
    """A double click sends the form twice; the browser shows the second answer. The first resubmitted the
    application, so the second must lead to it (not to "cannot be edited", 403) and change nothing."""
    client.force_login(case["member"])
    data = {}
    for criterion in case["changes"].version.criteria.all():
        data[f"confirm_{criterion.pk}"] = "on"
        data[f"explain_{criterion.pk}"] = "Rechenzentrum in Frankfurt"
    assert client.post(_urls(case)["edit"], data).status_code == 302
    case["changes"].refresh_from_db()
    submitted_at = case["changes"].submitted_at
    data[next(k for k in data if k.startswith("explain_"))] = "geändert"
    second = client.post(_urls(case)["edit"], data)
    assert second.status_code == 302 and second["Location"] == reverse(
        "labels:application", args=[case["changes"].pk]
    )
    case["changes"].refresh_from_db()
    assert case["changes"].submitted_at == submitted_at
    assert not case["changes"].declarations.filter(explanation="geändert").exists()


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_is_stored(client):
    member, solution = provider()
    client.force_login(member)
    version_criteria = list(declarations())
    data = {f"confirm_{pk}": "on" for pk in version_criteria}
    data[f"file_{version_criteria[0]}"] = upload("vertrag.pdf", b"<html>nein</html>", "application/pdf")
    response = client.post(reverse("labels:apply", args=[solution.external_id, MADE]), data)
    assert response.status_code == 400
    assert "kein PDF, PNG oder JPEG" in response.content.decode()
    assert not Application.objects.exists()


def test_the_renewal_form_is_prefilled_from_the_last_application(client):
    member, solution = provider()
    grant(member, solution)
    client.force_login(member)
    page = client.get(reverse("labels:apply", args=[solution.external_id, MADE])).content.decode()
    assert "Seit 1998 in Kassel." in page and "Verlängerung" in page


def test_register_verification_badge_and_solution_page_show_a_valid_label(client):
    member, solution = provider()
    certificate = grant(member, solution)
    until = certificate.valid_until.strftime("%d.%m.%Y")
    register = client.get(reverse("labels:register"), {"q": solution.name}).content.decode()
    assert solution.name in register and reverse("labels:verify", args=[certificate.code]) in register
    verify = client.get(reverse("labels:verify", args=[certificate.code])).content.decode()
    assert "Gültig" in verify and until in verify
    badge = client.get(reverse("labels:badge", args=[certificate.code]))
    assert badge["Content-Type"].startswith("image/svg+xml")
    svg = badge.content.decode()
    assert "Software Made in Germany" in svg and until in svg
    assert f'href="http://testserver{reverse("labels:verify", args=[certificate.code])}"' in svg
    solution_page = client.get(solution.get_absolute_url()).content.decode()
    assert "Software Made in Germany" in solution_page and until in solution_page


def test_the_badge_escapes_the_label_name(client):
    member, solution = provider()
    certificate = grant(member, solution)
    certificate.scheme.name = '<script>alert(1)</script>"&'
    certificate.scheme.save()
    svg = client.get(reverse("labels:badge", args=[certificate.code])).content.decode()
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;" in svg


def test_the_embed_code_to_copy_keeps_the_label_name_inside_its_attribute(client):
    """The textarea shows HTML that a company pastes into its own site: a quote in the label's name must stay
    escaped in what is copied, or it ends the alt attribute and adds its own (an onerror script)."""
    import html
    import re

    member, solution = provider()
    certificate = grant(member, solution)
    certificate.scheme.name = 'Made " onerror="alert(1)'
    certificate.scheme.save()
    page = client.get(reverse("labels:verify", args=[certificate.code])).content.decode()
    copied = html.unescape(re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    assert 'alt="Made &quot; onerror=&quot;alert(1)"' in copied
    assert 'onerror="' not in copied


def test_an_expired_label_leaves_the_public_pages_and_its_verification_says_so(client):
    member, solution = provider()
    certificate = grant(member, solution)
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_from=timezone.localdate() - dt.timedelta(days=400),
        valid_until=timezone.localdate() - dt.timedelta(days=1),
    )
    assert solution.name not in client.get(reverse("labels:register")).content.decode()
    solution_page = client.get(solution.get_absolute_url()).content.decode()
    assert reverse("labels:verify", args=[certificate.code]) not in solution_page
    verify = client.get(reverse("labels:verify", args=[certificate.code])).content.decode()
    assert "Nicht mehr gültig" in verify
    assert (
        "nicht mehr gültig" in client.get(reverse("labels:badge", args=[certificate.code])).content.decode()
    )


def test_an_unknown_code_is_no_page(client):
    assert client.get(reverse("labels:verify", args=["NICHTDA"])).status_code == 404
    assert client.get(reverse("labels:badge", args=["x" * 200])).status_code == 404


def test_the_lists_show_only_what_the_viewer_may_see(client, case):
    client.force_login(case["other"])
    assert case["solution"].name not in client.get(reverse("labels:applications")).content.decode()
    client.force_login(case["member"])
    assert (
        reverse("labels:application", args=[case["waiting"].pk])
        in client.get(reverse("labels:applications")).content.decode()
    )
    for who in ("member", "staff"):
        client.force_login(case[who])
        assert client.get(reverse("labels:review")).status_code == 403
    client.force_login(case["admin"])
    assert (
        reverse("labels:application", args=[case["waiting"].pk])
        in client.get(reverse("labels:review")).content.decode()
    )


def test_the_badge_is_not_cached_past_the_day_its_state_may_change(client, monkeypatch):
    """A badge says "checked until ..." today; after midnight the label may have ended, so the image other
    sites embed must not be kept from before midnight into the next day."""
    member, solution = provider()
    certificate = grant(member, solution)
    late = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(23, 50)))
    monkeypatch.setattr(timezone, "now", lambda: late)
    response = client.get(reverse("labels:badge", args=[certificate.code]))
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 600


def test_the_english_badge_writes_its_date_the_english_way(client):
    member, solution = provider()
    certificate = grant(member, solution)
    until = certificate.valid_until
    german = client.get(reverse("labels:badge", args=[certificate.code])).content.decode()
    assert until.strftime("%d.%m.%Y") in german
    with translation.override("en"):
        url = reverse("labels:badge", args=[certificate.code])
    english = client.get(url).content.decode()
    assert "verified until" in english
    assert until.strftime("%m/%d/%Y") in english and until.strftime("%d.%m.%Y") not in english
