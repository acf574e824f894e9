"""Demo contact data and claims: most companies without members publish a contact (a function address at
their own `.example` web domain and a phone number from the Bundesnetzagentur's ranges for fiction), some
keep it unpublished, some give only a phone number and some none at all, so that invitations show every way a
company is reached. One demo person waits for the hub staff's decision on two claims."""

from __future__ import annotations

import random
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from itkoop.accounts.models import User
from itkoop.claims.models import Claim
from itkoop.registry.models import Company

from .catalog import DEMO_DOMAIN, DEMO_PASSWORD

# Number blocks the Bundesnetzagentur keeps for films and books: they never ring anyone.
FICTION_NUMBERS = ("+49 30 23125 {:03d}", "+49 69 90009 {:03d}", "+49 40 66969 {:03d}", "+49 89 99998 {:03d}")
ROLES = (
    ("Vertrieb", "vertrieb"),
    ("Geschäftsführung", "info"),
    ("Partnermanagement", "partner"),
    ("Kundenservice", "kontakt"),
    ("Projektbüro", "projekte"),
)
SURNAMES = (
    "Albers",
    "Brandt",
    "Yilmaz",
    "Hoffmann",
    "Kowalski",
    "Lange",
    "Nguyen",
    "Schäfer",
    "Vogel",
    "Wolff",
)
CLAIMANT = "neu"


@dataclass(frozen=True)
class DemoContacts:
    published: int
    unpublished: int
    phone_only: int
    none: int
    claims: int

    def line(self) -> str:
        return (
            f"Kontaktdaten: {self.published} veröffentlicht, {self.unpublished} nur für die Plattform, "
            f"{self.phone_only} nur Telefon, {self.none} ohne; offene Profilübernahmen: {self.claims} "
            f"({CLAIMANT}@{DEMO_DOMAIN})."
        )


def _web_domain(website: str) -> str:
    host = urlsplit(website).hostname or ""
    return host.removeprefix("www.")


def build_demo_contacts(*, seed: int = 2026) -> DemoContacts:
    rng = random.Random(f"contacts-{seed}")
    counts = {"published": 0, "unpublished": 0, "phone_only": 0, "none": 0}
    members = set(Company.objects.filter(memberships__isnull=False).values_list("pk", flat=True))
    companies = list(Company.objects.order_by("external_id"))
    for company in companies:
        domain = _web_domain(company.website)
        roll = rng.random()
        if company.pk in members:  # looked after: they chose to publish, or not
            kind = "published" if roll < 0.6 else "none"
        elif not domain:
            kind = "phone_only" if roll < 0.5 else "none"
        else:
            kind = (
                "published"
                if roll < 0.62
                else "unpublished"
                if roll < 0.74
                else "phone_only"
                if roll < 0.88
                else "none"
            )
        counts[kind] += 1
        if kind == "none":
            continue
        role, local = rng.choice(ROLES)
        phone = rng.choice(FICTION_NUMBERS).format(rng.randint(0, 999))
        name = (
            f"{rng.choice(('Frau', 'Herr'))} {rng.choice(SURNAMES)} ({role})" if rng.random() < 0.5 else role
        )
        company.contact_phone = phone
        company.contact_name = name
        company.publish_contact = kind != "unpublished"
        if kind != "phone_only":
            company.contact_email = f"{local}@{domain}"
    Company.objects.bulk_update(
        companies, ["contact_name", "contact_email", "contact_phone", "publish_contact"], batch_size=500
    )
    return DemoContacts(**counts, claims=_demo_claims(rng, members))


def _demo_claims(rng: random.Random, members: set[int]) -> int:
    """A person without a company waits for the staff of Kassel and Berlin to decide their claims."""
    user = User(
        email=f"{CLAIMANT}@{DEMO_DOMAIN}",
        first_name="Nele",
        last_name="(Demo)",
        password=make_password(DEMO_PASSWORD),
    )
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    made = 0
    for hub, note in (("kassel", "Ich leite dort den Vertrieb."), ("berlin", "")):
        candidates = [
            c
            for c in Company.objects.filter(hub_id=hub, kind="provider").order_by("external_id")
            if c.pk not in members
        ]
        if candidates:
            Claim.objects.create(company=rng.choice(candidates), user=user, route=Claim.Route.PAGE, note=note)
            made += 1
    return made
