"""Draft NDA and draft cooperation agreement: the center's Markdown templates filled with a cooperation's
partners, subject and dates, rendered to safe HTML and to PDF (WeasyPrint). Each clause links to the
knowledge base article that explains it."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import markdown
import nh3
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone, translation

from .models import ContractTemplate, Cooperation, CooperationParticipant

DATA_DIR = Path(__file__).resolve().parent / "data" / "contracts"
ARTICLE_SLUGS = {
    ContractTemplate.Kind.NDA: "vertrag-nda",
    ContractTemplate.Kind.AGREEMENT: "vertrag-kooperationsvertrag",
}
CLAUSE_ANCHORS = [
    "geheimhaltung",
    "haftung",
    "laufzeit",
    "kuendigung",
    "verguetung",
    "ip-rechte",
    "wettbewerb",
    "gerichtsstand",
]
ALLOWED_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "br", "hr", "blockquote"}
CENTER_NAME = {
    "de": "Mittelstand 4.0-Kompetenzzentrum IT-Wirtschaft",
    "en": "Mittelstand 4.0 Competence Center IT-Wirtschaft",
}


@dataclass(frozen=True)
class RenderedContract:
    title: str
    html: str
    filename: str


def template_from_file(kind: str, language: str) -> tuple[str, str]:
    """(title, body) of the shipped template: the first line is '# Title'."""
    text = (DATA_DIR / f"{kind}.{language}.md").read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return first.lstrip("# ").strip(), rest.strip() + "\n"


def seed_contract_templates(model=ContractTemplate) -> None:
    """Create the shipped templates that are missing; never overwrite what the center edited."""
    for kind in ContractTemplate.Kind.values:
        for language in ("de", "en"):
            if not model.objects.filter(kind=kind, language=language).exists():
                title, body = template_from_file(kind, language)
                model.objects.create(kind=kind, language=language, title=title, body=body)


def get_template(kind: str, language: str) -> ContractTemplate:
    """The center's template, or the shipped one unsaved if missing: rendering a draft writes nothing."""
    template = ContractTemplate.objects.filter(kind=kind, language=language).first()
    if template is None:
        title, body = template_from_file(kind, language)
        template = ContractTemplate(kind=kind, language=language, title=title, body=body)
    return template


def article_url(slug: str, anchor: str, language: str, base_url: str = "") -> str:
    with translation.override(language):
        try:
            path = reverse("knowledge:article", args=[slug])
        except NoReverseMatch:
            path = f"/{'en/' if language == 'en' else ''}wissen/{slug}/"
    return f"{base_url.rstrip('/')}{path}#{anchor}"


# Python-Markdown's backslash escapes: each of these, preceded by a backslash, renders as itself.
_MARKDOWN_ESCAPABLE = frozenset("\\`*_{}[]()>#+-.!")
# Characters with no backslash escape that could still start markup: as HTML entities they render as
# themselves ("<" raw HTML and autolinks, "&" entities, "=" a setext heading's underline, "|" a table cell).
_MARKDOWN_ENTITIES = {"<": "&lt;", "&": "&amp;", "=": "&#61;", "|": "&#124;"}


def markdown_inline_escape(value: object) -> str:
    """A user value (company name, address, title) as plain inline text inside Markdown: on one line (line
    breaks and tabs become spaces, so no heading, list, quote, rule or code block can start) and with every
    character that would start markup escaped, so no emphasis, link, image or HTML either."""
    text = " ".join(str(value).split())
    return "".join("\\" + ch if ch in _MARKDOWN_ESCAPABLE else _MARKDOWN_ENTITIES.get(ch, ch) for ch in text)


def _partner_lines(participants: list[CooperationParticipant]) -> str:
    lines = []
    for p in participants:
        c = p.company
        address = ", ".join(part for part in [c.street, f"{c.postal_code} {c.city}".strip()] if part)
        lines.append(
            f"- **{markdown_inline_escape(c.name)}**"
            + (f", {markdown_inline_escape(address)}" if address else "")
        )
    return "\n".join(lines)


def placeholders(cooperation: Cooperation, kind: str, language: str, base_url: str = "") -> dict[str, str]:
    participants = [
        p
        for p in cooperation.participants.select_related("company").all()
        if p.state != CooperationParticipant.State.DECLINED
    ]
    with translation.override(language):
        today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
        start = timezone.localtime(cooperation.activated_at or cooperation.created).date()
        start_date = formats.date_format(start, "DATE_FORMAT")
    values = {
        "title": markdown_inline_escape(cooperation.title),
        "subject": markdown_inline_escape(cooperation.subject or cooperation.need_text or cooperation.title),
        "partners": _partner_lines(participants),
        "partner_names": markdown_inline_escape(", ".join(p.company.name for p in participants)),
        "date": today,
        "start_date": start_date,
        "center": CENTER_NAME[language],
    }
    slug = ARTICLE_SLUGS[kind]
    for anchor in CLAUSE_ANCHORS:
        values["kb_" + anchor.replace("-", "_")] = article_url(slug, anchor, language, base_url)
    return values


def render_contract(
    cooperation: Cooperation, *, kind: str, language: str, base_url: str = ""
) -> RenderedContract:
    template = get_template(kind, language)
    values = placeholders(cooperation, kind, language, base_url)
    text = string.Template(template.body).safe_substitute(values)
    html = markdown.markdown(text, extensions=["sane_lists"])
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https"})
    filename = f"{'nda' if kind == 'nda' else 'kooperationsvertrag'}-{cooperation.pk}-{language}.pdf"
    return RenderedContract(title=template.title, html=html, filename=filename)


PDF_CSS = """
@page { size: A4; margin: 2.2cm 2cm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; }
h1 { font-size: 17pt; margin: 0 0 .3cm; } h2 { font-size: 12.5pt; margin: .6cm 0 .2cm; }
.draft { color: #7a2400; font-weight: bold; border: 1px solid #7a2400; padding: .15cm .3cm;
  display: inline-block; }
a { color: #0b4f8a; }
"""


def render_pdf(contract: RenderedContract, *, language: str, draft_note: str) -> bytes:
    from weasyprint import HTML  # imported late: it is heavy and only the PDF view needs it

    document = (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{nh3.clean_text(contract.title)}"
        f'</title><style>{PDF_CSS}</style></head><body><p class="draft">{nh3.clean_text(draft_note)}</p>'
        f"<h1>{nh3.clean_text(contract.title)}</h1>{contract.html}</body></html>"
    )
    return HTML(string=document).write_pdf()


def preview_template(body: str, *, kind: str, language: str) -> str:
    """Safe HTML of an edited template body, filled with sample values, for the editor's preview."""
    sample = {
        "title": "Beispielkooperation" if language == "de" else "Sample cooperation",
        "subject": "ERP mit DATEV-Anbindung" if language == "de" else "ERP with DATEV interface",
        "partners": "- **Beispiel Software GmbH**, 34117 Kassel\n- **Muster IT UG**, 52062 Aachen",
        "partner_names": "Beispiel Software GmbH, Muster IT UG",
        "date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
        "start_date": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
        "center": CENTER_NAME[language],
    }
    for anchor in CLAUSE_ANCHORS:
        sample["kb_" + anchor.replace("-", "_")] = article_url(ARTICLE_SLUGS[kind], anchor, language)
    html = markdown.markdown(string.Template(body).safe_substitute(sample), extensions=["sane_lists"])
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, url_schemes={"http", "https"})
