"""Matching and the catalog filter trust only granted, unexpired labels; a company's own tag of a certified
label is shown as self-declared; labels nobody certifies (ISO 27001) stay the company's tags; the reminders
before the end go out once each; the figures count per quarter and hub."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.core import selectors as core_selectors
from itkoop.labels import selectors, services
from itkoop.labels.models import Certificate
from itkoop.matching.adapter import build_catalog
from itkoop.notifications.models import Notification
from itkoop.registry import selectors as registry
from itkoop.registry.models import Label

from ..factories import SolutionFactory, center_admin
from .helpers import MADE, apply, grant, provider, scheme

pytestmark = pytest.mark.django_db


def _engine_labels(solution) -> tuple[str, ...]:
    """The labels matching sees on a product: its company's (labels nobody certifies) and its own."""
    catalog = build_catalog()
    engine_solution = catalog.solutions[solution.external_id]
    return tuple(sorted({*catalog.companies[engine_solution.company_id].labels, *engine_solution.labels}))


def _expire(certificate, days_ago: int = 1) -> None:
    today = timezone.localdate()
    Certificate.objects.filter(pk=certificate.pk).update(
        valid_from=today - dt.timedelta(days=365 + days_ago), valid_until=today - dt.timedelta(days=days_ago)
    )


def test_a_self_declared_tag_counts_nowhere_and_reads_as_such():
    scheme()
    _member, solution = provider()
    company = solution.company
    company.labels.add(Label.objects.get(slug=MADE), Label.objects.get_or_create(slug="iso-27001")[0])
    assert _engine_labels(solution) == ("iso-27001",)
    assert not registry.search_solutions(registry.CatalogFilters(labels=[MADE])).exists()
    assert registry.search_companies(registry.CatalogFilters(labels=["iso-27001"])).get() == company


def test_the_company_page_says_self_declared_until_certified(client):
    scheme()
    member, solution = provider()
    solution.company.labels.add(Label.objects.get(slug=MADE))
    page = client.get(solution.company.get_absolute_url()).content.decode()
    assert "Software Made in Germany (selbst erklärt)" in page
    certificate = grant(member, solution)
    page = client.get(solution.company.get_absolute_url()).content.decode()
    assert reverse("labels:verify", args=[certificate.code]) in page


def test_a_granted_label_counts_for_its_solution_and_company_until_it_expires():
    member, solution = provider()
    _other_member, other_solution = provider()  # same company? no: another, without the label
    unlabelled_sibling = SolutionFactory(company=solution.company)
    certificate = grant(member, solution)
    assert _engine_labels(solution) == (MADE,)
    assert _engine_labels(other_solution) == ()
    # awarded to the product: the company's other product does not carry it
    assert _engine_labels(unlabelled_sibling) == ()
    found = registry.search_solutions(registry.CatalogFilters(labels=[MADE]))
    assert list(found) == [solution]
    assert list(registry.search_companies(registry.CatalogFilters(labels=[MADE]))) == [solution.company]
    _expire(certificate)
    assert _engine_labels(solution) == ()
    assert not registry.search_solutions(registry.CatalogFilters(labels=[MADE])).exists()


def test_the_catalog_signature_changes_when_a_label_is_granted_or_ends():
    member, solution = provider()
    before = registry.catalog_signature()
    certificate = grant(member, solution)
    granted = registry.catalog_signature()
    _expire(certificate)
    assert before != granted != registry.catalog_signature()


def _reminders(member) -> list[dict]:
    return list(
        Notification.objects.filter(recipient=member, kind__in=["labels.expiring", "labels.expired"])
        .order_by("pk")
        .values_list("kind", "params__days")
    )


def test_reminders_go_out_60_30_and_7_days_before_the_end_once_each():
    member, solution = provider()
    certificate = grant(member, solution)
    end = certificate.valid_until
    for days_left in (90, 61, 60, 59, 45, 30, 29, 8, 7, 6, 0):
        services.send_expiry_reminders(today=end - dt.timedelta(days=days_left))
    assert _reminders(member) == [("labels.expiring", 60), ("labels.expiring", 30), ("labels.expiring", 7)]
    services.send_expiry_reminders(today=end + dt.timedelta(days=1))
    services.send_expiry_reminders(today=end + dt.timedelta(days=2))
    assert _reminders(member)[-1] == ("labels.expired", None) and len(_reminders(member)) == 4


def test_a_missed_run_sends_one_reminder_not_three():
    member, solution = provider()
    certificate = grant(member, solution)
    services.send_expiry_reminders(today=certificate.valid_until - dt.timedelta(days=5))
    assert _reminders(member) == [("labels.expiring", 5)]


def test_no_reminder_once_the_renewal_is_granted_or_waiting():
    member, solution = provider()
    first = grant(member, solution)
    apply(member, solution)  # the renewal waits for review
    services.send_expiry_reminders(today=first.valid_until - dt.timedelta(days=30))
    assert _reminders(member) == []


def test_figures_count_applied_granted_renewed_and_expired_per_quarter_and_hub():
    admin = center_admin()
    member, solution = provider(hub="kassel")
    first = grant(member, solution, admin=admin)
    renewal = apply(member, solution)
    services.application_decide(actor=admin, application_id=renewal.pk, decision="approve")
    other_member, other_solution = provider(hub="berlin")
    ended = grant(other_member, other_solution, admin=admin)
    _expire(ended, days_ago=1)
    names = {h.slug: h.localized_name for h in core_selectors.hubs()}
    rows = {(r.quarter, r.hub): r for r in selectors.figures_by_quarter()}
    quarter = selectors.quarter_of(timezone.localdate())
    kassel = rows[(quarter, names["kassel"])]
    assert (kassel.applied, kassel.granted, kassel.renewed, kassel.expired) == (2, 1, 1, 0)
    assert sum(r.expired for (_q, hub), r in rows.items() if hub == names["berlin"]) == 1
    assert {r.hub for r in selectors.figures_by_quarter(hub="kassel")} == {names["kassel"]}
    assert first.pk  # the first label still holds: it is not counted as expired


def test_a_label_that_lapsed_before_its_renewal_counts_as_expired_and_its_old_code_says_so(client):
    admin = center_admin()
    member, solution = provider()
    old = grant(member, solution, admin=admin)
    _expire(old, days_ago=40)
    new = grant(member, solution, admin=admin)  # a new label after a gap: no continuation
    assert new.continues is None and new.renewal
    assert sum(r.expired for r in selectors.figures_by_quarter()) == 1
    assert "Nicht mehr gültig" in client.get(reverse("labels:verify", args=[old.code])).content.decode()
    assert "Gültig" in client.get(reverse("labels:verify", args=[new.code])).content.decode()


def test_a_renewal_granted_in_time_continues_the_label_and_no_second_one_ahead():
    admin = center_admin()
    member, solution = provider()
    first = grant(member, solution, admin=admin)
    second = grant(member, solution, admin=admin)
    assert second.continues == first
    [fact] = selectors.solution_labels(solution.pk)
    assert fact.until == second.valid_until and fact.code == first.code
    with pytest.raises(services.LabelError, match="bereits erteilt"):
        apply(member, solution)
