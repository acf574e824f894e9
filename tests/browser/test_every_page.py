"""Every page of the site in the browser, for each role, in German and in English (issue 10.4).

The pages come from the URL inventory (tests/url_inventory.py): every route whose GET the security matrix
opens to the role, with the test world's objects as parameters: a new page is checked once it has its rows.
Each page is loaded once per language and checked at 1280 px and at 390 px: axe-core finds no WCAG 2.1 AA
violation, nothing scrolls sideways at 390 px, and the visible text holds no sentence of the other language
(the platform's own German message ids and their English translations, from the English catalog).

One test per role, language and third of the role's pages (pytest-xdist spreads them over its workers; a whole
role and language took a minute, the last of them ran alone at the end of the suite), each in one browser
context. It
runs on SQLite only: templates, CSS and translations do not depend on the database, and the security matrix
(tests/core/test_security_matrix.py) checks each page's answers on both.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from ..security_matrix import MATRIX, query_of
from ..url_inventory import routes, url_of
from ..world import ROLES, build_world
from .axe import format_violations, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="pages look the same on every database: the every-page check runs in the SQLite run only",
    ),
]

# What a person of each role opens; the other roles of the matrix (B, staff of another hub) see a subset.
ROLE_OF = {"anonymous": "anonymous", "member": "a", "hub_staff": "staff_k", "center_admin": "admin"}
# Answers that are no page: the API's JSON, calendar files, polled status, downloads.
NOT_PAGES = {
    "accounts:data_download",
    "documents:download",
    "documents:status_json",
    "events:agenda_ics",
    "events:feed",
    "events:ics",
    "events:organiser_export",
    "events:schedule_status",
    "favicon",  # a redirect to the site's SVG icon (tests/core/test_favicon.py)
    "labels:badge",  # an SVG image (tests/labels/test_pages.py)
    "labels:evidence",  # a file download
    "registry:catalog_template",
    "set_language",
}
# Shown inside the site's page but not its text: the API's description, which Swagger UI renders from the
# OpenAPI document (written for developers, in English, like the API's field names).
NOT_SITE_TEXT = "#swagger-ui"
WIDTHS = ((1280, 900), (390, 844))
PO_FILE = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"


def pages_for(role: str) -> list:
    """The inventory's GET pages the matrix opens to the role."""
    position = ROLES.index(ROLE_OF[role])
    return [
        route
        for route in routes()
        if not route.name.startswith("api:")
        and route.key not in NOT_PAGES
        and MATRIX[route.key].get.split()[position] == "ok"
    ]


def _po_entries(text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each singular entry of a .po file (plural entries are left out)."""
    entries = []
    for block in text.split("\n\n"):
        fuzzy = "#, fuzzy" in block or re.search(r"^#,.*fuzzy", block, re.M) is not None
        if "msgid_plural" in block:
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            entries.append((_po_string(msgid.group(1)), _po_string(msgstr.group(1)), fuzzy))
    return entries


def _po_string(quoted: str) -> str:
    """The text of a (multi-line) quoted .po string."""
    text = "".join(re.findall(r'"(.*)"', quoted))
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def _plain(text: str) -> str:
    return " ".join(text.split())


@cache
def sentences() -> dict[str, tuple[str, ...]]:
    """The platform's own sentences by language: German msgids that have a different English translation,
    long enough to be telling (12 characters and a space), without placeholders or markup."""
    german, english = set(), set()
    for msgid, msgstr, fuzzy in _po_entries(PO_FILE.read_text(encoding="utf-8")):
        if fuzzy or not msgstr or msgid == msgstr:
            continue
        if any(mark in msgid + msgstr for mark in ("%", "{", "<", "\\")):
            continue
        for text, bucket in ((msgid, german), (msgstr, english)):
            text = _plain(text)
            if len(text) >= 12 and " " in text:
                bucket.add(text)
    # A sentence both languages share (a product name, an address) says nothing about the page's language.
    return {"de": tuple(sorted(german - english)), "en": tuple(sorted(english - german))}


def _login(page, live_server, user) -> None:
    if user is None:
        return
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _check(page, language: str) -> list[str]:
    """The faults of the loaded page at both widths."""
    faults = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        violations = run_axe(page)
        if violations:
            faults.append(f"{width}px " + format_violations(violations, page.url))
        if width < 1000:
            wide = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if wide[0] > wide[1]:
                faults.append(f"{page.url}: {wide[0]}px wide at {width}px (scrolls sideways)")
    text = _plain(
        page.evaluate(
            """(skip) => { let text = document.body.innerText;
                for (const node of document.querySelectorAll(skip)) {
                    text = text.replace(node.innerText, "");
                }
                return text; }""",
            NOT_SITE_TEXT,
        )
    )
    other = "de" if language == "en" else "en"
    found = [sentence for sentence in sentences()[other] if sentence in text]
    if found:
        faults.append(f"{page.url}: {other} text on a {language} page: " + " | ".join(found[:8]))
    return faults


PARTS = 3


@pytest.mark.parametrize("part", range(PARTS))
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("role", list(ROLE_OF))
def test_every_page(page, live_server, transactional_db, role, language, part):
    world = build_world()
    _login(page, live_server, world.users[ROLE_OF[role]])
    faults, visited = [], 0
    share = pages_for(role)[part::PARTS]
    for route in share:
        url = url_of(route, world, language) + query_of(MATRIX[route.key], world, language, ROLE_OF[role])
        page.set_viewport_size({"width": 1280, "height": 900})
        response = page.goto(f"{live_server.url}{url}")
        visited += 1
        if response is None or response.status >= 400:
            faults.append(f"{url}: answered {response.status if response else 'nothing'}")
            continue
        shown = page.evaluate("() => document.documentElement.lang")
        if shown != language:
            faults.append(f"{url}: led to {page.url}, a page in {shown!r}")
        faults += _check(page, shown)
    assert visited == len(share) > 0
    assert not faults, f"{len(faults)} fault(s) on {visited} pages:\n" + "\n".join(faults)
