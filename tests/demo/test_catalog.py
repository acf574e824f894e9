"""The demo database: big enough, the same for one seed, realistic in what it offers, with working logins.

The catalog is built once per module in a transaction that is rolled back at the end; each test runs in a
savepoint inside it. The fresh-database path (deleting the SQLite file) runs only in a subprocess, on a
temporary file."""

import json
import os
import sqlite3
import subprocess
import sys
from collections import defaultdict

import pytest
from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse

from itkoop.accounts.models import Membership, User
from itkoop.core.converters import is_external_id
from itkoop.core.models import Hub
from itkoop.demo.catalog import DEMO_PASSWORD, build_demo_database, demo_data
from itkoop.registry.catalog_io import check_catalog_shape, export_catalog
from itkoop.registry.models import Company, PastCooperation, Solution, Standard
from itkoop.registry.services import refresh_company_search, refresh_solution_search

pytestmark = pytest.mark.django_db
HUBS = ("aachen", "berlin", "karlsruhe", "kassel")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        summary = build_demo_database(seed=2026, fresh=False)
        catalog = export_catalog()
        yield summary, catalog
        transaction.set_rollback(True)


def _clear_demo() -> None:
    """What a flush would leave: no companies, solutions, cooperations or users (taxonomy and hubs stay)."""
    PastCooperation.objects.all().delete()
    Solution.objects.all().delete()
    Membership.objects.all().delete()
    Company.objects.all().delete()
    EmailAddress.objects.all().delete()
    User.objects.all().delete()


def _links(relation: str) -> dict[int, set[str]]:
    through = getattr(Solution, relation).through
    column = "capability_id" if relation == "capabilities" else "standard_id"
    links: dict[int, set[str]] = defaultdict(set)
    for solution_id, ref in through.objects.values_list("solution_id", column):
        links[solution_id].add(ref)
    return links


def test_demo_is_big_enough_in_every_hub(demo):
    summary, _ = demo
    providers = Company.objects.filter(kind=Company.Kind.PROVIDER)
    assert providers.count() == summary.providers >= 300
    assert Solution.objects.count() == summary.solutions >= 800
    assert 30 <= Company.objects.filter(kind=Company.Kind.CUSTOMER).count() == summary.customers <= 50
    assert PastCooperation.objects.count() == summary.past_cooperations >= 140
    for hub in HUBS:
        assert providers.filter(hub_id=hub).count() >= 40, hub
    assert not Company.objects.filter(hub__isnull=True).exists()


def test_same_seed_gives_the_same_catalog_and_another_seed_another(demo):
    summary, catalog = demo
    calls = []
    _clear_demo()
    again = build_demo_database(
        seed=2026, fresh=False, progress=lambda done, total: calls.append((done, total))
    )
    assert export_catalog() == catalog
    assert again == summary
    assert calls[-1][0] == calls[-1][1] and [done for done, _ in calls] == sorted(done for done, _ in calls)
    _clear_demo()
    build_demo_database(seed=7, fresh=False)
    other = export_catalog()
    assert other["companies"] != catalog["companies"]
    assert {c["name"] for c in other["companies"]} != {c["name"] for c in catalog["companies"]}


def test_every_solution_offers_capabilities_and_speaks_only_standards_they_use(demo):
    capabilities = _links("capabilities")
    used_by = defaultdict(set)
    for standard_id, capability_id in Standard.used_by.through.objects.values_list(
        "standard_id", "capability_id"
    ):
        used_by[standard_id].add(capability_id)
    for solution_id in Solution.objects.values_list("pk", flat=True):
        assert 1 <= len(capabilities[solution_id]) <= 3
    for relation in ("provides", "consumes"):
        for solution_id, standards in _links(relation).items():
            for standard in standards:
                assert used_by[standard] & capabilities[solution_id], (solution_id, relation, standard)


def _directions(standard: str, capabilities: set[str], used_by: set[str]) -> set[str]:
    """The ways demo_data.json lets these capabilities use the standard (unlisted ones follow its default)."""
    rule = demo_data()["standard_roles"].get(standard, {})
    default = rule.get("default", "both")
    ways: set[str] = set()
    for capability in capabilities & used_by:
        listed = {way for way in ("provide", "consume") if capability in rule.get(way, ())}
        ways |= listed or ({"provide", "consume"} if default == "both" else {default})
    return ways


def test_standards_flow_the_way_they_do_in_practice(demo):
    """An ERP reads BMEcat catalogs and a PIM writes them; accounting reads the DATEV postings of an ERP."""
    capabilities = _links("capabilities")
    used_by = defaultdict(set)
    for standard_id, capability_id in Standard.used_by.through.objects.values_list(
        "standard_id", "capability_id"
    ):
        used_by[standard_id].add(capability_id)
    checked = 0
    for relation, way in (("provides", "provide"), ("consumes", "consume")):
        for solution_id, standards in _links(relation).items():
            for standard in standards:
                assert way in _directions(standard, capabilities[solution_id], used_by[standard]), (
                    solution_id,
                    relation,
                    standard,
                )
                checked += 1
    assert checked > 1000
    assert Solution.objects.filter(capabilities="erp", consumes="bmecat").exists()
    assert (
        not Solution.objects.filter(capabilities="erp", provides="bmecat")
        .exclude(capabilities__in=["pim", "online-shop", "marketplace"])
        .exists()
    )
    assert Solution.objects.filter(capabilities="accounting", consumes="datev").exists()
    assert Solution.objects.filter(capabilities="erp", provides="datev").exists()


def test_companies_sit_in_their_hubs_region_at_real_postcodes(demo):
    prefixes = {hub.slug: set(hub.postcode_prefixes) for hub in Hub.objects.all()}
    places = {
        (code, city): (lat, lon) for hub in demo_data()["cities"].values() for code, city, lat, lon, _ in hub
    }
    for company in Company.objects.all():
        assert company.postal_code[:2] in prefixes[company.hub_id], company.external_id
        lat, lon = places[(company.postal_code, company.city)]
        assert abs(company.lat - lat) < 0.05 and abs(company.lon - lon) < 0.05, company.external_id
        assert company.street and company.country == "DE"


def test_profiles_are_complete_and_plausible(demo):
    providers = list(Company.objects.filter(kind=Company.Kind.PROVIDER).prefetch_related("labels"))
    assert all(3 <= c.employees <= 250 and 1985 <= c.founded <= 2024 for c in providers)
    assert all(c.description and c.industries and c.keywords and "de" in c.languages for c in providers)
    verified = sum(c.verified for c in providers) / len(providers)
    assert 0.3 <= verified <= 0.5
    assert all(c.verified_by.hub_id == c.hub_id for c in providers if c.verified)
    english = sum(bool(c.description_en) for c in providers) / len(providers)
    assert 0.2 <= english <= 0.5
    labelled = {label.slug for c in providers for label in c.labels.all()}
    assert {"software-made-in-germany", "software-hosted-in-germany", "iso-27001"} <= labelled
    assert 0.2 <= sum(bool(c.export_markets) for c in providers) / len(providers) <= 0.6


def test_names_are_invented_and_unique(demo):
    words = demo_data()
    firsts = {w.lower() for w in words["name_first"]}
    compounds = {(f + s).lower() for f in firsts for s in words["name_second"]}
    companies = list(Company.objects.values_list("name", "kind", "website"))
    assert len({name for name, _, _ in companies}) == len(companies)
    customer_types = [kind["type"] for kind in words["customers"]]
    for name, kind, website in companies:
        assert website.endswith(".example"), website
        if kind == Company.Kind.CUSTOMER:
            name = name.removeprefix(next(t for t in customer_types if name.startswith(t + " ")))
        brand = name.split()[0]
        assert brand.lower() in firsts | compounds, name


def test_demo_catalog_is_a_valid_catalog_file_with_ids_that_fit_urls(demo):
    _, catalog = demo
    check_catalog_shape(json.loads(json.dumps(catalog)), source="demo")  # id pattern, ranges, column sizes
    ids = [c["id"] for c in catalog["companies"]]
    ids += [s["id"] for c in catalog["companies"] for s in c["solutions"]]
    assert ids and all(is_external_id(i) for i in ids)
    for company in Company.objects.order_by("external_id")[:5]:
        assert company.get_absolute_url()


def test_search_documents_are_what_a_refresh_would_write(demo):
    for solution in Solution.objects.order_by("external_id")[:25]:
        built = set(solution.search_document.split())
        refresh_solution_search(solution)
        assert set(solution.search_document.split()) == built
    for company in Company.objects.order_by("external_id")[:25]:
        built = set(company.search_document.split())
        refresh_company_search(company)
        assert set(company.search_document.split()) == built


def test_demo_users_log_in_with_their_roles(demo, client):
    summary, _ = demo
    emails = [user.email for user in summary.users]
    assert len(emails) == 7
    for email in emails:
        assert client.login(email=email, password=DEMO_PASSWORD), email
        client.logout()
    assert User.objects.get(email="zentrum@demo.itkoop.de").is_center_admin
    for hub in HUBS:
        staff = User.objects.get(email=f"team-{hub}@demo.itkoop.de")
        assert staff.is_hub_staff and staff.hub_id == hub and staff.is_staff
    provider = Membership.objects.get(user__email="anbieter@demo.itkoop.de")
    assert provider.role == Membership.Role.OWNER and provider.company.kind == Company.Kind.PROVIDER
    assert provider.company.solutions.count() >= 3
    customer = Membership.objects.get(user__email="kunde@demo.itkoop.de")
    assert customer.role == Membership.Role.OWNER and customer.company.kind == Company.Kind.CUSTOMER
    assert not User.objects.get(email="kunde@demo.itkoop.de").is_staff


def test_login_page_accepts_a_demo_user(demo, client):
    response = client.post(
        reverse("account_login"), {"login": "anbieter@demo.itkoop.de", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_summary_names_the_users_and_the_password(demo):
    summary, _ = demo
    text = "\n".join(summary.lines())
    assert DEMO_PASSWORD in text and "team-kassel@demo.itkoop.de" in text and "kunde@demo.itkoop.de" in text
    assert f"{summary.providers} IT-Anbieter" in text and f"{summary.solutions} Lösungen" in text


def test_cli_demo_replaces_the_database_file_and_exports_the_same_catalog(demo, tmp_path):
    """Fresh path end to end, in other processes with other hash seeds: the file is made anew."""
    _, catalog = demo
    db_file = tmp_path / "demo.sqlite3"
    with sqlite3.connect(db_file) as leftover:
        leftover.execute("CREATE TABLE leftover (x)")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_file}",
        "DJANGO_SETTINGS_MODULE": "itkoop.settings.dev",
    }

    def itkoop(*args: str, hash_seed: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "itkoop.cli", *args],
            env=env | {"PYTHONHASHSEED": hash_seed},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    built = itkoop("demo", "--no-serve", hash_seed="1")
    assert built.returncode == 0, built.stderr
    assert "Demo-Daten: " in built.stderr
    with sqlite3.connect(db_file) as con:
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "leftover" not in tables
        assert (
            con.execute("SELECT COUNT(*) FROM registry_company WHERE kind = 'provider'").fetchone()[0] >= 300
        )
        assert con.execute("SELECT COUNT(*) FROM registry_solution").fetchone()[0] >= 800
        named = "SELECT email FROM accounts_user WHERE email NOT LIKE 'teilnehmer%'"
        assert len(con.execute(named).fetchall()) >= 7
        # the rest of the flow has something to show: events with meetings, cooperations, self-checks
        for table in (
            "events_event",
            "events_meeting",
            "cooperation_cooperation",
            "cooperation_cooperationprofile",
            "knowledge_selfcheckresult",
        ):
            assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > 0, table  # noqa: S608
    exported = itkoop("export", str(tmp_path / "export.json"), hash_seed="2")
    assert exported.returncode == 0, exported.stderr
    assert json.loads((tmp_path / "export.json").read_text(encoding="utf-8")) == catalog
