"""Demo labels, so the register, the verification pages, the badges and the label figures show something: a
few granted labels (some renewed, one ended, one about to end), one application waiting for review and one
the center asked to complete. Written directly (the demo is a composition root) and deterministic per seed."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from itkoop.accounts.models import Membership, User
from itkoop.labels.models import Application, Certificate, Declaration, LabelScheme
from itkoop.labels.selectors import current_version
from itkoop.labels.services import add_months, ensure_schemes
from itkoop.registry.models import Company, Solution

EXPLANATIONS = {
    "headquarters": "Sitz laut Handelsregister: {city}.",
    "development": "Unser Entwicklungsteam arbeitet in {city}.",
    "support-german": "Support auf Deutsch, werktags 8–18 Uhr.",
    "german-law": "Verträge nach deutschem Recht, Gerichtsstand {city}.",
    "data-centres": "Betrieb in zwei Rechenzentren in Frankfurt am Main.",
}


@dataclass
class DemoLabels:
    granted: int = 0
    renewed: int = 0
    waiting: int = 0

    def line(self) -> str:
        return (
            f"Siegel: {self.granted} erteilt (davon {self.renewed} verlängert), {self.waiting} Anträge offen."
        )


def _application(scheme, solution, applicant, status, created, decided_by=None) -> Application:
    version = current_version(scheme)
    application = Application.objects.create(
        scheme=scheme,
        version=version,
        solution=solution,
        applicant=applicant,
        status=status,
        created=created,
        submitted_at=created,
        decided_at=created + dt.timedelta(days=9) if decided_by else None,
        decided_by=decided_by,
    )
    city = solution.company.city or "Deutschland"
    Declaration.objects.bulk_create(
        Declaration(
            application=application,
            criterion=c,
            confirmed=True,
            explanation=EXPLANATIONS.get(c.key, "").format(city=city),
        )
        for c in version.criteria.all()
    )
    return application


def _certificate(application, start: dt.date, renewal: bool, continues=None) -> Certificate:
    return Certificate.objects.create(
        application=application,
        scheme=application.scheme,
        solution=application.solution,
        granted_at=timezone.make_aware(dt.datetime.combine(start, dt.time(10))),
        valid_from=start,
        valid_until=add_months(start, application.scheme.validity_months) - dt.timedelta(days=1),
        renewal=renewal,
        continues=continues,
    )


@transaction.atomic
def build_demo_labels(*, seed: int = 2026, count: int = 24) -> DemoLabels:
    ensure_schemes()
    rng = random.Random(seed)
    schemes = {s.slug: s for s in LabelScheme.objects.all()}
    admin = User.objects.filter(role=User.Role.CENTER_ADMIN).order_by("pk").first()
    members = dict(Membership.objects.order_by("pk").values_list("company_id", "user_id"))
    companies = list(
        Company.objects.filter(pk__in=members, kind=Company.Kind.PROVIDER, solutions__isnull=False)
        .distinct()
        .order_by("external_id")
    )
    rng.shuffle(companies)
    # Companies that declared a label on their profile apply first (as they would).
    tagged = set(
        Company.labels.through.objects.filter(label_id__in=schemes).values_list("company_id", flat=True)
    )
    companies.sort(key=lambda c: c.pk not in tagged)
    today = timezone.localdate()
    summary = DemoLabels()
    for index, company in enumerate(companies[: count + 2]):
        solution = Solution.objects.filter(company=company).order_by("external_id").first()
        applicant = User.objects.get(pk=members[company.pk])
        scheme = schemes["software-hosted-in-germany" if index % 3 == 2 else "software-made-in-germany"]
        if index == count:  # waiting for review
            _application(scheme, solution, applicant, Application.Status.SUBMITTED, timezone.now())
            summary.waiting += 1
            continue
        if index == count + 1:  # the center asked for more
            application = _application(
                scheme, solution, applicant, Application.Status.CHANGES_REQUESTED, timezone.now(), admin
            )
            application.decision_note = "Bitte ergänzen Sie einen Nachweis zum Sitz des Unternehmens."
            application.save(update_fields=["decision_note"])
            summary.waiting += 1
            continue
        # Granted some months ago (index 0: ends in three weeks; index 1: ended last month, not renewed).
        if index == 0:
            start = add_months(today, -12) + dt.timedelta(days=21)
        elif index == 1:
            start = add_months(today, -13)
        else:
            start = today - dt.timedelta(days=rng.randint(20, 300))
        created = timezone.make_aware(dt.datetime.combine(start - dt.timedelta(days=10), dt.time(9)))
        first = _application(scheme, solution, applicant, Application.Status.APPROVED, created, admin)
        if index % 4 == 3:  # renewed: a first year before this one
            earlier = add_months(start, -12)
            created_before = timezone.make_aware(dt.datetime.combine(earlier, dt.time(9)))
            old = _application(
                scheme, solution, applicant, Application.Status.APPROVED, created_before, admin
            )
            previous = _certificate(old, earlier, renewal=False)
            first.renewal_of = previous
            first.save(update_fields=["renewal_of"])
            start = previous.valid_until + dt.timedelta(days=1)
            _certificate(first, start, renewal=True, continues=previous)
            summary.renewed += 1
        else:
            _certificate(first, start, renewal=False)
        summary.granted += 1
    return summary
