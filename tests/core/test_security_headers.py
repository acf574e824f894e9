"""Issue 16.14: every response carries a strict Content-Security-Policy and a Permissions-Policy, and no page
needs what the policy blocks (inline scripts, style attributes, event-handler attributes)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from ..factories import center_admin

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "itkoop"
NEED = "Wir brauchen einen Onlineshop mit Anbindung an unsere Warenwirtschaft und die Finanzbuchhaltung."


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_pages_send_a_strict_content_security_policy_and_a_permissions_policy(client):
    response = client.get("/")
    directives = _directives(response)
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in permissions


def test_errors_and_the_api_carry_the_policy_too(client):
    assert "Content-Security-Policy" in client.get("/katalog/unternehmen/gibt-es-nicht/")
    assert "Content-Security-Policy" in client.get("/api/v1/")


def _page_templates():
    """Templates a browser shows as pages: not mail bodies (notifications/, */mail/) and not PDF sources."""
    for path in sorted(SRC.glob("*/templates/**/*.html")):
        relative = path.relative_to(SRC).as_posix()
        if "/notifications/" in relative or "/mail/" in relative or path.stem.endswith("_pdf"):
            continue
        yield pytest.param(path, id=relative)


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=", re.I)
HANDLER_ATTRIBUTE = re.compile(r"\son[a-z]+=", re.I)


@pytest.mark.parametrize("path", list(_page_templates()))
def test_no_page_template_needs_what_the_policy_blocks(path):
    text = path.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text), "inline <script>: move it to a static file"
    assert "<style" not in text, "<style> element: move it to a stylesheet"
    assert not STYLE_ATTRIBUTE.search(text), 'style="" attribute: use a CSS class'
    assert not HANDLER_ATTRIBUTE.search(text), "on...= handler: attach it from a static script"


def test_generated_markup_has_no_style_attributes(client, mini_catalog):
    """The integration diagram (SVG built in Python) and the figures' funnel bars are made at run time."""
    body = client.get(reverse("matching:need"), {"text": NEED}).content.decode()
    assert "<svg" in body and not STYLE_ATTRIBUTE.search(body)
    client.force_login(center_admin())
    body = client.get(reverse("reporting:figures")).content.decode()
    assert "funnel" in body and not STYLE_ATTRIBUTE.search(body)


def test_the_policy_is_declared_in_the_base_settings():
    from itkoop.settings import base

    assert base.ITKOOP_CONTENT_SECURITY_POLICY == settings.ITKOOP_CONTENT_SECURITY_POLICY
    assert "itkoop.core.middleware.SecurityHeadersMiddleware" in base.MIDDLEWARE
