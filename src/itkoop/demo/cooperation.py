"""Demo rows for the cooperation app: cooperations in every state, marketplace profiles (some anonymous, one
waiting for moderation) with interests, and a few inquiries. Deterministic for a seed; written directly (no
notifications or mails), for `itkoop demo` to call after the catalog and users exist."""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from itkoop.cooperation.contracts import seed_contract_templates
from itkoop.cooperation.models import (
    Cooperation,
    CooperationParticipant,
    CooperationProfile,
    ExpressionOfInterest,
    Inquiry,
)
from itkoop.core.models import Hub
from itkoop.registry.models import Capability, Company

PROFILES = [
    (
        "technology_request",
        "Texterkennung für Lieferscheine gesucht",
        "Unsere Warenwirtschaft für den Großhandel soll Lieferscheine automatisch erfassen. "
        "Wir suchen einen Partner mit OCR- oder KI-Lösung, der eine Schnittstelle (REST) anbietet.",
        True,
    ),
    (
        "business_offer",
        "Gemeinsames Angebot für Handwerksbetriebe",
        "Wir bieten eine Auftragsverwaltung für das Handwerk und suchen Partner für "
        "Zeiterfassung und E-Rechnung (XRechnung), um Innungen ein Gesamtangebot zu machen.",
        False,
    ),
    (
        "rnd_partner_search",
        "F&E-Partner für Förderprojekt KI in der Produktion",
        "Für einen Antrag im Programm KMU-innovativ suchen wir ein IT-Unternehmen mit Erfahrung "
        "in OPC UA und Datenanalyse sowie eine Hochschule.",
        True,
    ),
    (
        "technology_offer",
        "Schnittstellenadapter DATEV und Lexware",
        "Wir haben einen geprüften Adapter für DATEV-Export und bieten ihn als White-Label-Komponente an.",
        False,
    ),
    (
        "business_request",
        "Vertriebspartner für die Benelux-Länder gesucht",
        "Unsere Cloud-Lösung für Hausverwaltungen ist in Deutschland etabliert. "
        "Wir suchen einen Reseller in den Niederlanden oder Belgien.",
        False,
    ),
]


@transaction.atomic
def build_demo_cooperation_data(*, seed: int = 2026) -> dict[str, int]:
    """Create demo cooperations, profiles, interests and inquiries; returns counts."""
    rng = random.Random(seed)
    seed_contract_templates()
    providers = list(Company.objects.filter(kind=Company.Kind.PROVIDER).order_by("external_id"))
    if len(providers) < 6:
        return {"cooperations": 0, "profiles": 0, "interests": 0, "inquiries": 0}
    now = timezone.now()
    capabilities = list(Capability.objects.filter(parent__isnull=False).order_by("id"))
    states = ["invited", "active", "active", "result", "result", "result", "ended", "active"]
    cooperations = 0
    for index, state in enumerate(states):
        partners = rng.sample(providers, 3 if index % 3 == 0 else 2)
        created = now - timedelta(days=rng.randint(20, 300))
        cooperation = Cooperation.objects.create(
            title=f"Gesamtangebot {index + 1}: " + " + ".join(p.name.split()[0] for p in partners),
            subject="Gemeinsames Angebot für einen Kunden aus dem Mittelstand (Demo).",
            hub_id=partners[0].hub_id,
            created=created,
            state=state,
            activated_at=created + timedelta(days=5) if state != "invited" else None,
        )
        if state in ("result", "ended"):
            cooperation.result_kind = (
                "ended" if state == "ended" else rng.choice(["offer_won", "project_done"])
            )
            cooperation.result_record = "Demo: Ergebnis festgehalten."
            cooperation.result_at = created + timedelta(days=60)
            cooperation.save()
        for company in partners:
            accepted = state != "invited" or company == partners[0]
            CooperationParticipant.objects.create(
                cooperation=cooperation,
                company=company,
                state="accepted" if accepted else "invited",
                accepted_code_of_conduct_at=created + timedelta(days=2) if accepted else None,
                responded_at=created + timedelta(days=2) if accepted else None,
            )
        cooperations += 1
    profiles = interests = 0
    for index, (kind, title, body, anonymous) in enumerate(PROFILES):
        author = providers[(index * 7) % len(providers)]
        profile = CooperationProfile.objects.create(
            kind=kind,
            title=title,
            body=body,
            company=author,
            anonymous=anonymous,
            moderation="pending" if index == len(PROFILES) - 1 else "published",
            created=now - timedelta(days=10 + index),
            expires_at=now + timedelta(days=80 - index),
            deadline=(now + timedelta(days=30)).date() if index % 2 == 0 else None,
        )
        if capabilities:
            profile.capabilities.set(rng.sample(capabilities, 2))
        profiles += 1
        if profile.moderation == "published":
            for other in rng.sample([p for p in providers if p != author], 2):
                ExpressionOfInterest.objects.create(
                    profile=profile,
                    company=other,
                    cooperation_sought="Gemeinsames Angebot (Demo).",
                    questions="Wie groß ist das Vorhaben?",
                    about=f"{other.name}, IT-Anbieter aus {other.city}.",
                    status=rng.choice(["pending", "accepted", "declined"]),
                )
                interests += 1
    hubs = {h.slug: h for h in Hub.objects.all()}
    inquiries = 0
    for name, postal_code, topic, hub in [
        ("Erika Beispiel", "34117", "allgemein", "kassel"),
        ("Jan Muster", "76131", "KI", "karlsruhe"),
        ("Aylin Demo", "10115", "allgemein", "berlin"),
    ]:
        if hub in hubs:
            Inquiry.objects.create(
                name=name,
                email=f"{name.split()[0].lower()}@example.org",
                postal_code=postal_code,
                topic=topic,
                question="Wie finde ich Partner für ein gemeinsames Angebot? (Demo)",
                hub=hubs[hub],
                routed_by="topic" if topic != "allgemein" else "postcode",
            )
            inquiries += 1
    return {
        "cooperations": cooperations,
        "profiles": profiles,
        "interests": interests,
        "inquiries": inquiries,
    }
