"""Synthetic catalog files in the interchange format (shared/spec/catalog.schema.json), seeded, no database.

Companies near German cities with a hub, a description of 20-40 words from an IT vocabulary, keywords,
industries, some verified or labelled; 1-9 solutions each (5 on average), each with a description, 1-3
capabilities of the built-in taxonomy (Zipf-like popularity) and standards their capabilities use; three in
ten companies name a past cooperation partner."""

from __future__ import annotations

import json
import random
from pathlib import Path

TAXONOMY = Path(__file__).resolve().parent.parent / "src" / "itkoop" / "registry" / "data" / "taxonomy.json"
HUBS = ["berlin", "aachen", "karlsruhe", "kassel"]
CITIES = [
    ("Berlin", "10115", 52.52, 13.40), ("Hamburg", "20095", 53.55, 9.99), ("München", "80331", 48.14, 11.58),
    ("Köln", "50667", 50.94, 6.96), ("Frankfurt am Main", "60311", 50.11, 8.68),
    ("Stuttgart", "70173", 48.78, 9.18), ("Kassel", "34117", 51.31, 9.48), ("Aachen", "52062", 50.78, 6.08),
    ("Karlsruhe", "76133", 49.01, 8.40), ("Leipzig", "04109", 51.34, 12.37),
]  # fmt: skip
WORDS = (  # noqa: SIM905 - a paragraph of words reads better than a list of 78 strings
    "Buchhaltung Warenwirtschaft Lagerverwaltung Schnittstelle Rechnungsstellung Zeiterfassung Personal "
    "Lohnabrechnung Onlineshop Kassensystem Cloud Hosting Rechenzentrum Datenschutz Sicherheit Beratung "
    "Einführung Schulung Support Wartung Handwerk Handel Produktion Logistik Steuerberater Arztpraxis "
    "Kanzlei Bauwesen Immobilien Versicherung Dokumentenmanagement Archivierung Workflow Automatisierung "
    "Auswertung Controlling Planung Vertrieb Kundenverwaltung Marketing Newsletter Terminplanung mobile "
    "App Webportal Integration Migration mittelständische Unternehmen Software Lösung Plattform einfach "
    "sicher schnell flexibel branchenspezifisch deutschsprachig zertifiziert Rechnung E-Rechnung XRechnung "
    "ZUGFeRD DATEV Belegerfassung Texterkennung Bestellwesen Einkauf Lieferanten Fertigung Maschinen "
    "Wartungsplanung Außendienst Tourenplanung Fuhrpark Energie Nachhaltigkeit Berichtswesen"
).split()
LABELS = (("software-made-in-germany", 0.2), ("iso-27001", 0.1))
INDUSTRIES = ["handwerk", "handel", "produktion", "logistik", "gesundheit", "bau", "dienstleistung"]


def synthetic_catalog_dict(n_solutions: int, n_companies: int | None = None, seed: int = 2026) -> dict:
    """Exactly ``n_solutions`` solutions from ``n_companies`` companies (default: a fifth as many)."""
    rng = random.Random(seed)
    taxonomy = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    caps = sorted(c["id"] for c in taxonomy["capabilities"])
    weights = [1.0 / (rank + 1) for rank in range(len(caps))]
    rng.shuffle(weights)
    standards_of: dict[str, list[str]] = {c: [] for c in caps}
    for std in taxonomy["standards"]:
        for cap in std.get("used_by", []):
            if cap in standards_of:
                standards_of[cap].append(std["id"])
    n_companies = n_companies or max(1, n_solutions // 5)
    # Spread the solutions over the companies: 1-9 each, the remainder to the last ones.
    counts = [1] * n_companies
    for _ in range(n_solutions - n_companies):
        counts[rng.randrange(n_companies)] += 1

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))) + "."

    companies = []
    n_solution = 0
    for i in range(n_companies):
        city, postal_code, lat, lon = rng.choice(CITIES)
        company = {
            "id": f"co-{i}",
            "name": f"{rng.choice(WORDS)} {rng.choice(WORDS)} GmbH {i}",
            "description": text(20, 40),
            "city": city,
            "postal_code": postal_code,
            "country": "DE",
            "lat": round(lat + rng.gauss(0, 0.2), 5),
            "lon": round(lon + rng.gauss(0, 0.3), 5),
            "employees": rng.randint(1, 500),
            "founded": rng.randint(1970, 2025),
            "hub": rng.choice(HUBS),
            "verified": rng.random() < 0.3,
            "labels": [s for s, p in LABELS if rng.random() < p],
            "languages": ["de", "en"] if rng.random() < 0.5 else ["de"],
            "industries": rng.sample(INDUSTRIES, rng.randint(1, 3)),
            "keywords": rng.sample(WORDS, 3),
            "solutions": [],
        }
        for _ in range(counts[i]):
            chosen = sorted(set(rng.choices(caps, weights=weights, k=rng.randint(1, 3))))
            pool = sorted({s for c in chosen for s in standards_of[c]})
            company["solutions"].append(
                {
                    "id": f"so-{n_solution}",
                    "name": f"{rng.choice(WORDS)} {n_solution}",
                    "description": text(10, 25),
                    "capabilities": chosen,
                    "provides": rng.sample(pool, min(len(pool), rng.randint(0, 3))),
                    "consumes": rng.sample(pool, min(len(pool), rng.randint(0, 2))),
                    "deployment": rng.sample(["saas", "on-premise", "hybrid"], rng.randint(1, 2)),
                    "hosting_country": "DE",
                    "price_eur_month": float(rng.randint(0, 500)),
                    "languages": ["de"],
                }
            )
            n_solution += 1
        if i > 0 and rng.random() < 0.3:
            company["cooperations"] = [
                {"partner": f"co-{rng.randrange(i)}", "year": rng.randint(2015, 2025), "title": text(2, 4)}
            ]
        companies.append(company)
    return {"format": "itkoop-catalog/1", "companies": companies}


def import_synthetic_catalog(workdir: Path, env: dict, n_solutions: int, n_companies: int | None) -> None:
    """Writes a synthetic catalog file into ``workdir`` and imports it with `itkoop import` (which migrates
    first) in a process with ``env``; exits with its error output when the import fails."""
    import subprocess
    import sys

    catalog = workdir / "catalog.json"
    catalog.write_text(json.dumps(synthetic_catalog_dict(n_solutions, n_companies)), encoding="utf-8")
    imported = subprocess.run(
        [sys.executable, "-m", "itkoop.cli", "import", str(catalog)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if imported.returncode != 0:
        sys.exit(f"itkoop import failed:\n{imported.stderr[-3000:]}")
