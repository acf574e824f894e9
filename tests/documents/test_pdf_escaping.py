"""The PDFs show the texts people typed as text: the HTML each document kind hands to WeasyPrint carries the
test world's script payloads only escaped. (No PDF text extractor is installed; the HTML the PDF is rendered
from is what decides.)"""

import pytest

from itkoop.documents import kinds

from ..world import XSS_PAYLOADS, XSS_SCRIPT, build_world

pytestmark = pytest.mark.django_db


class _CapturedHTML:
    """Stands in for weasyprint.HTML: keeps the HTML, makes a token PDF."""

    seen: list[str] = []

    def __init__(self, *, string: str, **kwargs):
        self.seen.append(string)

    def write_pdf(self) -> bytes:
        return b"%PDF-captured"


@pytest.fixture
def captured(monkeypatch):
    import weasyprint

    _CapturedHTML.seen = []
    monkeypatch.setattr(weasyprint, "HTML", _CapturedHTML)
    return _CapturedHTML.seen


def _assert_escaped(html: str) -> None:
    assert "&lt;script&gt;" in html, "the payload should be in the document (escaped)"
    for payload in XSS_PAYLOADS:
        assert payload not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_contract_pdf_escapes_what_people_typed(captured, language):
    world = build_world(xss=True)
    kind = kinds.get("cooperation.contract")
    kind.render({"cooperation": world.cooperation.pk, "kind": "agreement", "language": language}, language)
    _assert_escaped(captured[-1])


def test_agenda_pdf_escapes_what_people_typed(captured):
    world = build_world(xss=True)
    kind = kinds.get("events.agenda")
    kind.render({"event": world.event.pk, "person": world.users["a"].pk}, "de")
    _assert_escaped(captured[-1])


def test_offer_pdf_escapes_the_need_text(captured, mini_catalog):
    text = f"Onlineshop mit Warenwirtschaft und Buchhaltung {XSS_SCRIPT}"
    kind = kinds.get("matching.offer")
    kind.render({"text": text, "hub": None, "plz": "", "max_partners": None, "labels": [], "rank": 1}, "de")
    _assert_escaped(captured[-1])
