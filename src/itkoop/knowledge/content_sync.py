"""Loads the articles the center ships (content/articles/*.md) into the database after every migrate.

Each article is a pair of Markdown files, `<slug>.de.md` and `<slug>.en.md`, each opening with a front matter
block of `key: value` lines between `---` lines. The German file carries kind, tags and capabilities;
both carry title and summary. Idempotent by slug; an article the editors changed on the site stays as
they made it."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import transaction

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ARTICLES_DIR = CONTENT_DIR / "articles"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShippedArticle:
    slug: str
    kind: str
    title_de: str
    title_en: str
    summary_de: str
    summary_en: str
    body_de: str
    body_en: str
    tags: list[str] = field(default_factory=list)
    capabilities: list[str] = field(default_factory=list)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `---`-delimited `key: value` lines from the Markdown body; a file without them is all body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1 :]).strip() + "\n"
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"front matter line without 'key: value': {line!r}")
        meta[key.strip()] = value.strip()
    raise ValueError("front matter is not closed by '---'")


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@cache
def shipped_articles() -> tuple[ShippedArticle, ...]:
    articles = []
    for german in sorted(ARTICLES_DIR.glob("*.de.md")):
        slug = german.name.removesuffix(".de.md")
        meta_de, body_de = parse_front_matter(german.read_text(encoding="utf-8"))
        english = german.with_name(f"{slug}.en.md")
        meta_en, body_en = (
            parse_front_matter(english.read_text(encoding="utf-8")) if english.exists() else ({}, "")
        )
        articles.append(
            ShippedArticle(
                slug=slug,
                kind=meta_de.get("kind", "article"),
                title_de=meta_de["title"],
                title_en=meta_en.get("title", ""),
                summary_de=meta_de.get("summary", ""),
                summary_en=meta_en.get("summary", ""),
                body_de=body_de,
                body_en=body_en,
                tags=_split_list(meta_de.get("tags", "")),
                capabilities=_split_list(meta_de.get("capabilities", "")),
            )
        )
    return tuple(articles)


@cache
def shipped_tags() -> dict[str, dict[str, str]]:
    path = CONTENT_DIR / "tags.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@transaction.atomic
def sync_articles() -> int:
    """Create or refresh the shipped tags and articles; returns how many articles were written."""
    from itkoop.registry import selectors as registry

    from .models import Article, Tag
    from .services import refresh_article_search

    for slug, labels in shipped_tags().items():
        Tag.objects.update_or_create(
            slug=slug, defaults={"label_de": labels["de"], "label_en": labels.get("en", "")}
        )
    known_capabilities = set(registry.capabilities().values_list("id", flat=True))
    written = 0
    for shipped in shipped_articles():
        article = Article.objects.filter(slug=shipped.slug).first()
        if article is not None and article.customized:
            continue
        article = article or Article(slug=shipped.slug)
        for name in ("kind", "title_de", "title_en", "summary_de", "summary_en", "body_de", "body_en"):
            setattr(article, name, getattr(shipped, name))
        article.save()
        for tag in shipped.tags:
            Tag.objects.get_or_create(slug=tag, defaults={"label_de": tag.replace("-", " ").title()})
        article.tags.set(shipped.tags)
        unknown = set(shipped.capabilities) - known_capabilities
        if unknown:
            logger.warning("article %s names unknown capabilities %s", shipped.slug, sorted(unknown))
        article.capabilities.set([c for c in shipped.capabilities if c in known_capabilities])
        refresh_article_search(article)
        written += 1
    return written


def sync_knowledge_content(**kwargs) -> None:
    """post_migrate receiver (runs after the taxonomy exists); safe after every migrate and flush."""
    sync_articles()
