"""The integration diagram of a bundle as SVG: solutions as nodes, each data link labelled with its standard.

Pure function from plain data to markup, so pages, the PDF offer and tests share it."""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from html import escape

WIDTH = 720
NODE_W, NODE_H = 220, 76
TITLE_CHARS, TITLE_LINES = 24, 2  # a name is wrapped onto two lines of a node before it is shortened
PALETTE = ["#0b4f8a", "#1d6b2f", "#8a3b00", "#5b2a86", "#7a1f3d", "#245d66"]
EXISTING_FILL = "#4a5360"


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    subtitle: str
    group: str  # company id: nodes of one company share a colour
    existing: bool = False  # a system the customer already runs: grey and dashed, not a provider's colour


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str


def _height(count: int) -> int:
    return 150 if count <= 2 else 420


def _positions(count: int) -> list[tuple[float, float]]:
    height = _height(count)
    if count == 1:
        return [(WIDTH / 2, height / 2)]
    if count == 2:
        return [(WIDTH * 0.2, height / 2), (WIDTH * 0.8, height / 2)]
    rx, ry = WIDTH / 2 - NODE_W / 2 - 20, height / 2 - NODE_H / 2 - 20
    return [
        (
            WIDTH / 2 + rx * math.cos(-math.pi / 2 + 2 * math.pi * i / count),
            height / 2 + ry * math.sin(-math.pi / 2 + 2 * math.pi * i / count),
        )
        for i in range(count)
    ]


def _clip(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _wrapped(text: str) -> list[str]:
    """The name on at most two lines, broken between words; shortened only when it is longer still (its full
    text is the node's tooltip and in the diagram's description)."""
    lines = textwrap.wrap(text, TITLE_CHARS, break_long_words=True) or [""]
    if len(lines) > TITLE_LINES:
        rest = " ".join(lines[TITLE_LINES - 1 :])
        lines = [*lines[: TITLE_LINES - 1], _clip(rest, TITLE_CHARS)]
    return lines


def integration_svg(nodes: list[Node], edges: list[Edge], *, title: str, description: str) -> str:
    """SVG markup; `title` and `description` make it understandable to screen readers."""
    positions = dict(zip((n.id for n in nodes), _positions(len(nodes)), strict=True))
    height = _height(len(nodes))
    colours: dict[str, str] = {}
    for node in nodes:
        if not node.existing:
            colours.setdefault(node.group, PALETTE[len(colours) % len(PALETTE)])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="dg-title dg-desc" class="diagram" width="100%">',
        f'<title id="dg-title">{escape(title)}</title><desc id="dg-desc">{escape(description)}</desc>',
        f'<rect width="{WIDTH}" height="{height}" fill="#f7f9fb" rx="8"/>',
    ]
    for edge in edges:
        if edge.source not in positions or edge.target not in positions:
            continue
        (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        shown = _clip(edge.label, 26)
        width = 9 * len(shown) + 14
        parts.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
            'stroke="#4a5360" stroke-width="2.5"/>'
        )
        parts.append(
            f"<g><title>{escape(edge.label)}</title>"
            f'<rect x="{mx - width / 2:.0f}" y="{my - 13:.0f}" width="{width}" height="26" rx="13" '
            f'fill="#fff" stroke="#4a5360"/><text x="{mx:.0f}" y="{my + 5:.0f}" text-anchor="middle" '
            f'font-size="14" '
            f'fill="#1b1f24">{escape(shown)}</text></g>'
        )
    for node in nodes:
        x, y = positions[node.id]
        colour = EXISTING_FILL if node.existing else colours[node.group]
        outline = ' stroke="#1b1f24" stroke-width="2" stroke-dasharray="6 4"' if node.existing else ""
        title = _wrapped(node.title)
        first = y - 4 - 9 * (len(title) - 1)  # the lines of the name, then the company, centred in the node
        lines = "".join(
            f'<tspan x="{x:.0f}" y="{first + 18 * k:.0f}">{escape(line)}</tspan>'
            for k, line in enumerate(title)
        )
        parts.append(
            f"<g><title>{escape(node.title)} – {escape(node.subtitle)}</title>"
            f'<rect x="{x - NODE_W / 2:.0f}" y="{y - NODE_H / 2:.0f}" '
            f'width="{NODE_W}" height="{NODE_H}" rx="8" '
            f'fill="{colour}"{outline}/>'
            f'<text text-anchor="middle" font-size="14" font-weight="700" fill="#fff">{lines}</text>'
            f'<text x="{x:.0f}" y="{first + 18 * (len(title) - 1) + 20:.0f}" text-anchor="middle" '
            f'font-size="12.5" fill="#fff">{escape(_clip(node.subtitle, 30))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
