"""Turns engine results (ids) into what pages show (names, labels, diagrams). Reads only."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from itkoop.registry import selectors as registry

from .diagram import Edge, Node, integration_svg


def _lang() -> str:
    return "en" if (get_language() or "de").startswith("en") else "de"


def _capability_labels(ids) -> dict[str, str]:
    lang = _lang()
    return {
        c.id: (c.label_en if lang == "en" and c.label_en else c.label_de)
        for c in registry.capabilities().filter(id__in=set(ids))
    }


def present_need(result: dict[str, Any]) -> list[dict[str, Any]]:
    labels = _capability_labels(c["id"] for c in result["need"]["capabilities"])
    return [
        {"id": c["id"], "label": labels.get(c["id"], c["id"]), "score": c["score"], "evidence": c["evidence"]}
        for c in result["need"]["capabilities"]
    ]


def present_bundles(result: dict[str, Any]) -> list[dict[str, Any]]:
    bundles = result["bundles"]
    solution_ids = {s["id"] for b in bundles for s in b["solutions"]}
    company_ids = {c for b in bundles for c in b["companies"]}
    solutions = {s.external_id: s for s in registry.solutions().filter(external_id__in=solution_ids)}
    companies = {
        c.external_id: c
        for c in registry.companies().filter(external_id__in=company_ids).select_related("hub")
    }
    standards = {
        s.id: s.label
        for s in registry.standards().filter(id__in={lk["standard"] for b in bundles for lk in b["links"]})
    }
    cap_labels = _capability_labels(
        {c for b in bundles for s in b["solutions"] for c in s["covers"]}
        | {c for b in bundles for c in b["uncovered"]}
    )
    out = []
    for bundle in bundles:
        rows = [
            {
                "solution": solutions[s["id"]],
                "company": companies[s["company"]],
                "covers": [cap_labels.get(c, c) for c in s["covers"]],
            }
            for s in bundle["solutions"]
        ]
        links = [
            {
                "source": solutions[link["from"]],
                "target": solutions[link["to"]],
                "standard": standards.get(link["standard"], link["standard"]),
            }
            for link in bundle["links"]
        ]
        nodes = [
            Node(
                id=r["solution"].external_id,
                title=r["solution"].name,
                subtitle=r["company"].name,
                group=r["company"].external_id,
            )
            for r in rows
        ]
        edges = [
            Edge(
                source=link["from"],
                target=link["to"],
                label=standards.get(link["standard"], link["standard"]),
            )
            for link in bundle["links"]
        ]
        description = "; ".join(
            _("%(a)s tauscht Daten mit %(b)s über %(std)s")
            % {"a": lk["source"].name, "b": lk["target"].name, "std": lk["standard"]}
            for lk in links
        ) or _("Keine Schnittstellen nötig.")
        svg = integration_svg(
            nodes,
            edges,
            title=_("Integrationsskizze für Angebot %(rank)d") % {"rank": bundle["rank"]},
            description=description,
        )
        out.append(
            {
                "rank": bundle["rank"],
                "score": bundle["score"],
                "rows": rows,
                "links": links,
                "companies": [companies[c] for c in bundle["companies"]],
                "company_ids": list(bundle["companies"]),
                "uncovered": [cap_labels.get(c, c) for c in bundle["uncovered"]],
                "explanation": bundle["explanation"],
                "diagram": mark_safe(svg),  # noqa: S308 - built with escape()
                "raw": bundle,
            }
        )
    return out


def present_partners(result: dict[str, Any]) -> list[dict[str, Any]]:
    companies = {
        c.external_id: c
        for c in registry.companies()
        .filter(external_id__in=[p["id"] for p in result["partners"]])
        .select_related("hub")
    }
    return [
        {"company": companies[p["id"]], "score": p["score"], "reasons": p["reasons"]}
        for p in result["partners"]
        if p["id"] in companies
    ]
