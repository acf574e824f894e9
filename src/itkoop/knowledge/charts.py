"""Geometry for the server-side SVG charts of the self-check (radar and progress line).

Python computes coordinates; the templates draw them, so all text is escaped by the template engine.
Charts are never the only carrier of information: every page shows the same figures as a table."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class AxisLabel:
    x: float
    y: float
    anchor: str
    text: str
    score: int


@dataclass(frozen=True)
class Radar:
    width: int
    height: int
    cx: float
    cy: float
    rings: list[str]
    axes: list[tuple[float, float]]
    labels: list[AxisLabel]
    own: str
    comparison: str | None


def _point(
    center: tuple[float, float], radius: float, index: int, count: int, value: float
) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = radius * value / 100
    return round(center[0] + r * math.cos(angle), 1), round(center[1] + r * math.sin(angle), 1)


def _polygon(center: tuple[float, float], radius: float, values: list[float]) -> str:
    points = (_point(center, radius, i, len(values), v) for i, v in enumerate(values))
    return " ".join(f"{x},{y}" for x, y in points)


def radar(
    labels: list[str], values: list[int], comparison: list[int] | None = None, size: int = 400
) -> Radar:
    """A radar with one axis per dimension; values 0-100. Labels sit just outside the outer ring, with room
    for about 18 characters left and right of the plot."""
    width, height = size + 160, size
    center = (width / 2, height / 2)
    radius = size / 2 - 40
    count = len(labels)
    rings = [_polygon(center, radius, [level] * count) for level in (25, 50, 75, 100)]
    axes = [_point(center, radius, i, count, 100) for i in range(count)]
    placed = []
    for i, text in enumerate(labels):
        x, y = _point(center, radius + 10, i, count, 100)
        anchor = "middle" if abs(x - center[0]) < 5 else ("start" if x > center[0] else "end")
        dy = 12 if y > center[1] + 5 else (-4 if y < center[1] - 5 else 4)
        placed.append(AxisLabel(x=x, y=round(y + dy, 1), anchor=anchor, text=text, score=values[i]))
    return Radar(
        width=width,
        height=height,
        cx=center[0],
        cy=center[1],
        rings=rings,
        axes=axes,
        labels=placed,
        own=_polygon(center, radius, values),
        comparison=_polygon(center, radius, comparison) if comparison else None,
    )


@dataclass(frozen=True)
class LinePoint:
    x: float
    y: float
    value: int
    label: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: int
    label_x: int
    bottom: float
    right: float
    gridlines: list[tuple[float, int]]
    points: list[LinePoint]
    path: str


def line_chart(points: list[tuple[str, int]], width: int = 560, height: int = 220) -> LineChart:
    """Values 0-100 over equally spaced, ordered moments (labels like dates)."""
    left, right, top, bottom = 44, width - 48, 16, height - 36
    count = len(points)
    step = (right - left) / (count - 1) if count > 1 else 0
    placed = []
    for i, (label, value) in enumerate(points):
        x = left + i * step if count > 1 else (left + right) / 2
        y = bottom - (bottom - top) * value / 100
        placed.append(LinePoint(x=round(x, 1), y=round(y, 1), value=value, label=label))
    gridlines = [(round(bottom - (bottom - top) * level / 100, 1), level) for level in (0, 25, 50, 75, 100)]
    path = " ".join(f"{p.x},{p.y}" for p in placed)
    return LineChart(
        width=width,
        height=height,
        left=left,
        label_x=left - 6,
        bottom=bottom,
        right=right,
        gridlines=gridlines,
        points=placed,
        path=path,
    )
