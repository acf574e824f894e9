"""axe-core checks for browser tests: every page a test visits must have no WCAG 2.1 A/AA violations.

axe-core comes from npm (`npm ci` installs it into node_modules/), never a copy in the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> Path:
    path = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: run `npm ci` in the repository first")
    return path


def run_axe(page: Any, tags: list[str] | None = None) -> list[dict]:
    """Injects axe-core into the page (once) and returns its violations for the given rule tags."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: a <script> element (add_script_tag) would be an inline
        # script, which the site's Content-Security-Policy rightly blocks.
        page.evaluate(axe_script().read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags or WCAG_21_AA_TAGS,
    )
    return results["violations"]


def format_violations(violations: list[dict], url: str) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    target {', '.join(map(str, node['target']))}")
            lines.append(f"      {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_accessible(page: Any, tags: list[str] | None = None) -> None:
    """Fails, listing each violation's id, help and target nodes, if axe-core finds any on the page."""
    page.wait_for_load_state("load")
    violations = run_axe(page, tags)
    assert not violations, format_violations(violations, page.url)


def assert_accessible_at_both_widths(page: Any) -> None:
    """axe-core at 1280 and at 390 px, and no sideways scroll at either; leaves the page at 1280 px."""
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        assert_accessible(page)
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), (
            f"horizontal scroll at {width}px on {page.url}"
        )
    page.set_viewport_size({"width": 1280, "height": 900})
