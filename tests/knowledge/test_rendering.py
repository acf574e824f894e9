"""Markdown is rendered, then sanitised: scripts, event handlers and dangerous URLs never reach the page."""

import pytest
from django.urls import reverse

from itkoop.knowledge.rendering import plain_text, render_markdown


def test_script_tags_are_removed_with_their_content():
    html = render_markdown("Hallo <script>alert('x')</script> Welt")
    assert "<script" not in html and "alert" not in html
    assert "Hallo" in html and "Welt" in html


@pytest.mark.parametrize(
    "link",
    [
        "[klick](javascript:alert(1))",
        '<a href="javascript:alert(1)">klick</a>',
        '<a href="JaVaScRiPt:alert(1)">klick</a>',
        "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klick](vbscript:msgbox)",
    ],
)
def test_dangerous_link_schemes_are_stripped(link):
    html = render_markdown(link)
    assert "javascript" not in html.lower() and "data:" not in html and "vbscript" not in html
    assert "klick" in html


def test_event_handlers_and_styles_are_stripped():
    html = render_markdown('<p onclick="steal()" style="color:red">x</p><img src=x onerror="steal()">')
    assert "onclick" not in html and "onerror" not in html and "style" not in html and "<img" not in html


def test_safe_links_keep_their_target_and_get_noopener():
    html = render_markdown("[Kammer](https://example.org/seite)")
    assert 'href="https://example.org/seite"' in html and 'rel="noopener noreferrer"' in html


def test_heading_anchors_survive_but_only_as_plain_slugs():
    html = render_markdown("## Haftung {#haftung}\n\n## Böse {#Main}\n")
    assert '<h2 id="haftung">Haftung</h2>' in html
    assert 'id="Main"' not in html


def test_preview_rendering_drops_heading_ids():
    assert "id=" not in render_markdown("## Haftung {#haftung}", anchors=False)


def test_top_level_headings_become_h2_because_the_page_title_is_h1():
    html = render_markdown("# Titel")
    assert "<h1" not in html and "<h2>Titel</h2>" in html


def test_article_links_resolve_to_the_article_url_with_anchor():
    html = render_markdown("[NDA](article:vertrag-nda#haftung)")
    assert f'href="{reverse("knowledge:article", args=["vertrag-nda"])}#haftung"' in html


def test_tables_are_kept():
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<table>" in html and "<td>1</td>" in html


def test_plain_text_has_no_markup():
    assert plain_text("## Titel\n\n**fett** <b>x</b>").split() == ["Titel", "fett", "x"]
