"""Markdown to safe HTML: Markdown renders, nh3 keeps only an allow-list of tags, attributes and URL schemes.

Articles may link to each other as `[text](article:slug#anchor)`; those links become the article's URL in
the current language. Headings may carry a stable anchor, `## Haftung {#haftung}`, so other pages can link
to a clause."""

from __future__ import annotations

import re

from django.urls import NoReverseMatch, reverse
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sup",
    "sub",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
HEADINGS = {"h2", "h3", "h4", "h5"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"scope"},
    **{tag: {"id"} for tag in HEADINGS},
}
URL_SCHEMES = {"http", "https", "mailto"}
_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")
_ARTICLE_LINK = re.compile(r"\]\(article:([a-z0-9][a-z0-9-]*)(#[a-z0-9-]+)?\)")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Heading ids are anchors for links; only plain lowercase slugs, so they cannot clobber page elements.
    if attribute == "id":
        return value if _ANCHOR.match(value) else None
    return value


def _drop_ids(tag: str, attribute: str, value: str) -> str | None:
    return None if attribute == "id" else value


def _resolve_article_links(text: str) -> str:
    def replace(match: re.Match) -> str:
        try:
            url = reverse("knowledge:article", args=[match.group(1)])
        except NoReverseMatch:
            url = "#"
        return f"]({url}{match.group(2) or ''})"

    return _ARTICLE_LINK.sub(replace, text)


def render_markdown(text: str, *, anchors: bool = True) -> SafeString:
    """Sanitised HTML for any Markdown from the database or a form; safe to put straight into a page.

    Without `anchors` the headings lose their ids (for previews that show two languages on one page)."""
    # imported where Markdown is rendered: the admin loads this module at every process's start
    import markdown
    import nh3

    html = markdown.markdown(_resolve_article_links(text or ""), extensions=["extra", "sane_lists"])
    # Headings of the article start at h2: the page's h1 is the article title.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_attribute if anchors else _drop_ids,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has sanitised it against the allow-list above


def plain_text(text: str) -> str:
    """The words of a Markdown text without markup, for the search index."""
    import markdown
    import nh3

    return nh3.clean(markdown.markdown(text or "", extensions=["extra"]), tags=set())
