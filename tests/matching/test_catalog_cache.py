"""The catalog of a process is built once and rebuilt after a change of what it is built from, and only then
(builds counted); two threads asking at once cause one build; snapshots on disk follow the catalog's stamp."""

from __future__ import annotations

import pytest
from django.test import override_settings

from itkoop.core import selectors as core_selectors
from itkoop.core.models import Hub
from itkoop.matching import adapter
from itkoop.matching.catalog_cache import CatalogCache, PartnerStore, SnapshotStore
from itkoop.registry.models import Capability, Company, Solution
from tests.factories import CompanyFactory, SolutionFactory
from tests.threads import in_threads


class CountingCache(CatalogCache):
    """A process's cache of its own (the module's one is shared by all tests of a worker)."""

    def __init__(self) -> None:
        super().__init__(adapter.build_catalog)


@pytest.fixture
def cache(db) -> CountingCache:
    return CountingCache()


def test_the_catalog_is_built_once_while_nothing_changes(cache, mini_catalog):
    first = cache.get()
    assert cache.get() is first and cache.get() is first
    assert cache.builds == 1


def test_reading_the_stamp_is_one_query(cache, mini_catalog, django_assert_num_queries):
    cache.get()
    with django_assert_num_queries(1):
        cache.get()


def test_a_new_company_rebuilds_it(cache, mini_catalog):
    cache.get()
    CompanyFactory(external_id="neu-gmbh")
    assert "neu-gmbh" in cache.get().companies
    assert cache.builds == 2


def test_a_changed_company_name_rebuilds_it(cache, mini_catalog):
    cache.get()
    company = Company.objects.get(external_id="c1")
    company.name = "Umbenannt GmbH"
    company.save()
    assert cache.get().companies["c1"].name == "Umbenannt GmbH"
    assert cache.builds == 2


def test_a_save_of_fields_the_catalog_does_not_read_keeps_it(cache, mini_catalog):
    catalog = cache.get()
    company = Company.objects.get(external_id="c1")
    company.website = "https://example.org/neu"
    company.save(update_fields=["website"])
    Company.objects.filter(pk=company.pk).update(search_document=" x ")
    assert cache.get() is catalog
    assert cache.builds == 1


def test_a_new_solution_and_its_capabilities_rebuild_it(cache, mini_catalog):
    cache.get()
    solution = SolutionFactory(external_id="neu-1", company=Company.objects.get(external_id="c1"))
    assert cache.get().solutions["neu-1"].capabilities == ()
    capability = Capability.objects.order_by("id").first()
    solution.capabilities.add(capability)
    assert cache.get().solutions["neu-1"].capabilities == (capability.id,)
    Solution.objects.get(external_id="neu-1").delete()
    assert "neu-1" not in cache.get().solutions
    assert cache.builds == 4


def test_a_cooperation_that_becomes_active_rebuilds_it(cache, mini_catalog):
    from itkoop.cooperation.models import Cooperation, CooperationParticipant

    before = len(cache.get().cooperations)
    a, b = Company.objects.filter(external_id__in=["c1", "c2"])
    cooperation = Cooperation.objects.create(title="Gemeinsames Angebot")
    invited = [CooperationParticipant.objects.create(cooperation=cooperation, company=c) for c in (a, b)]
    assert len(cache.get().cooperations) == before
    assert cache.builds == 1  # an invitation changes no trust: no rebuild
    for participant in invited:
        participant.state = CooperationParticipant.State.ACCEPTED
        participant.accepted_code_of_conduct_at = cooperation.created
        participant.save(update_fields=["state", "accepted_code_of_conduct_at"])
    assert len(cache.get().cooperations) == before  # accepted, but the cooperation is not running yet
    builds = cache.builds
    cooperation.state = Cooperation.State.ACTIVE
    cooperation.save(update_fields=["state"])
    assert len(cache.get().cooperations) == before + 1
    assert cache.builds == builds + 1


def test_a_hub_region_change_rebuilds_it(cache, mini_catalog):
    cache.get()
    hub = Hub.objects.get(slug="kassel")
    hub.postcode_prefixes = [*hub.postcode_prefixes, "99"]
    hub.save()
    cache.get()
    assert cache.builds == 2


def test_an_import_rebuilds_it(cache, mini_catalog):
    from itkoop.registry.catalog_io import import_catalog, read_catalog_file

    cache.get()
    data = read_catalog_file(mini_catalog)
    data["companies"][0]["name"] = "Neu importiert GmbH"
    import_catalog(data, attested_from_file=True)
    assert cache.get().companies[data["companies"][0]["id"]].name == "Neu importiert GmbH"
    assert cache.builds == 2


def test_a_snapshot_serves_the_next_process_until_a_change(db, mini_catalog, tmp_path):
    with override_settings(ITKOOP_CATALOG_CACHE_DIR=str(tmp_path)):
        first = CountingCache()
        first.get()
        assert first.builds == 1
        assert SnapshotStore(tmp_path).path(first.stamp).exists()

        next_process = CountingCache()
        assert set(next_process.get().companies) == set(first.get().companies)
        assert next_process.builds == 0  # loaded, not built

        CompanyFactory(external_id="nach-dem-snapshot")
        after_change = CountingCache()
        assert "nach-dem-snapshot" in after_change.get().companies
        assert after_change.builds == 1
        assert after_change.stamp != first.stamp


def test_a_snapshot_with_a_wrong_signature_is_not_loaded(db, mini_catalog, tmp_path):
    with override_settings(ITKOOP_CATALOG_CACHE_DIR=str(tmp_path)):
        first = CountingCache()
        first.get()
        path = SnapshotStore(tmp_path).path(first.stamp)
        signature, _, payload = path.read_bytes().partition(b"\n")
        path.write_bytes(b"0" * len(signature) + b"\n" + payload)
        other = CountingCache()
        other.get()
        assert other.builds == 1


def test_the_cli_uses_a_snapshot_that_a_change_invalidates(db, mini_catalog, tmp_path, capsys, monkeypatch):
    from itkoop.cli import main

    monkeypatch.setattr(adapter, "_catalogs", CountingCache())
    with override_settings(ITKOOP_CATALOG_CACHE_DIR=str(tmp_path)):
        monkeypatch.setattr("itkoop.matching.services.use_engine_lemma_store", lambda directory: None)
        assert main(["partners", "c1"]) == 0
        stamp = adapter._catalogs.stamp
        assert SnapshotStore(tmp_path).path(stamp).exists()

        monkeypatch.setattr(adapter, "_catalogs", CountingCache())  # the next call: a new process
        assert main(["partners", "c1"]) == 0
        assert adapter.catalog_builds() == 0

        Company.objects.filter(external_id="c2").first().save()
        monkeypatch.setattr(adapter, "_catalogs", CountingCache())
        assert main(["partners", "c1"]) == 0
        assert adapter.catalog_builds() == 1 and adapter._catalogs.stamp != stamp


@pytest.mark.django_db(transaction=True)
def test_two_threads_asking_at_once_cause_one_build(threads_share_database, mini_catalog):
    cache = CountingCache()
    results, errors = in_threads(cache.get, [(), ()])
    assert not errors
    assert cache.builds == 1
    assert results[0] is results[1]


@pytest.mark.django_db(transaction=True)
def test_a_change_is_rebuilt_in_the_background_while_the_old_catalog_serves(
    threads_share_database, mini_catalog
):
    cache = CountingCache()
    with override_settings(ITKOOP_CATALOG_BACKGROUND_REBUILD=True):
        old = cache.get()
        CompanyFactory(external_id="im-hintergrund")
        assert cache.get() is old  # served at once, not rebuilt in this request
        cache.wait_for_rebuild(timeout=120)
        assert "im-hintergrund" in cache.get().companies
        assert cache.builds == 2
    assert core_selectors.data_version(core_selectors.CATALOG) == cache.stamp


def test_a_snapshot_directory_that_cannot_be_made_only_costs_the_snapshot(db, mini_catalog, tmp_path):
    (tmp_path / "a-file").write_text("")
    with override_settings(ITKOOP_CATALOG_CACHE_DIR=str(tmp_path / "a-file" / "catalog")):
        cache = CountingCache()
        assert "c1" in cache.get().companies
        assert cache.builds == 1


NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


@pytest.fixture
def cli_partners(db, mini_catalog, tmp_path, capsys, monkeypatch):
    """`itkoop partners ... --json` as a new process each call would run it (a cache of its own), and the
    same question to the service as the partners page asks it (the whole catalog, no partner store)."""
    import json

    from itkoop.cli import main
    from itkoop.engine.serialize import partners_to_dict
    from itkoop.matching import services

    monkeypatch.setattr(services, "_partners_from_store", False)
    monkeypatch.setattr("itkoop.matching.services.use_engine_lemma_store", lambda directory: None)

    def cli(company: str, need: str | None = None) -> dict:
        monkeypatch.setattr(adapter, "_catalogs", CountingCache())
        capsys.readouterr()
        assert main(["partners", company, "--json", *(["--need", need] if need else [])]) == 0
        return json.loads(capsys.readouterr().out)

    def web(company: str, need: str | None = None) -> dict:
        with monkeypatch.context() as web_process:
            web_process.setattr(services, "_partners_from_store", False)
            web_process.setattr(adapter, "_catalogs", CountingCache())
            return partners_to_dict(services.rank_partners_for(company_id=company, need_text=need))

    with override_settings(ITKOOP_CATALOG_CACHE_DIR=str(tmp_path)):
        yield cli, web


def test_the_cli_answers_from_the_partner_store_as_the_service_does(cli_partners, tmp_path):
    cli, web = cli_partners
    assert cli("c1") == web("c1")  # the first call builds the catalog and writes the partner store
    stamp = core_selectors.data_version(core_selectors.CATALOG)
    assert PartnerStore(tmp_path).path(stamp).is_dir()
    for snapshot in tmp_path.glob("catalog-*.pickle"):
        snapshot.unlink()  # from here on only the partner store can serve without a build
    for company in ("c1", "c2", "c3"):
        for need in (None, NEED):
            answer = cli(company, need)
            assert adapter.catalog_builds() == 0
            assert answer == web(company, need)
            assert answer["partners"] or company == "c1"  # c1 has partners for the need


def test_a_new_cooperation_or_company_gives_the_cli_a_new_partner_store(cli_partners, tmp_path):
    from itkoop.cooperation.models import Cooperation, CooperationParticipant

    cli, web = cli_partners
    before = cli("c1")
    first_stamp = core_selectors.data_version(core_selectors.CATALOG)
    cooperation = Cooperation.objects.create(title="Gemeinsames Angebot", state=Cooperation.State.ACTIVE)
    for company in Company.objects.filter(external_id__in=["c1", "c3"]):
        CooperationParticipant.objects.create(
            cooperation=cooperation,
            company=company,
            state=CooperationParticipant.State.ACCEPTED,
            accepted_code_of_conduct_at=cooperation.created,
        )
    after = cli("c1")
    assert adapter.catalog_builds() == 1  # the stamp changed: built, not the old store's answer
    assert after != before and after == web("c1")
    reasons = {p["id"]: p["reasons"] for p in after["partners"]}
    assert reasons["c3"][0].startswith("Hat schon mit Ihnen kooperiert: Gemeinsames Angebot (")
    assert cli("c1") == after and adapter.catalog_builds() == 0  # the new stamp's store serves

    CompanyFactory(external_id="nach-dem-speicher")
    assert cli("c1") == web("c1")
    assert adapter.catalog_builds() == 1
    assert len(list(tmp_path.glob("partners-*"))) == 3
    assert PartnerStore(tmp_path).path(first_stamp).is_dir()


def test_a_partner_store_of_another_day_or_with_a_wrong_signature_is_not_used(
    cli_partners, tmp_path, monkeypatch
):
    from itkoop.matching import catalog_cache

    cli, _web = cli_partners
    cli("c1")
    path = PartnerStore(tmp_path).path(core_selectors.data_version(core_selectors.CATALOG))
    cli("c1")
    assert adapter.catalog_builds() == 0
    with monkeypatch.context() as tomorrow:
        tomorrow.setattr(catalog_cache, "_today", lambda: "2099-01-01")
        cli("c1")
        assert adapter.catalog_builds() == 1
    signature, _, payload = (path / "taxonomy.pickle").read_bytes().partition(b"\n")
    (path / "taxonomy.pickle").write_bytes(b"0" * len(signature) + b"\n" + payload)
    for snapshot in tmp_path.glob("catalog-*.pickle"):
        snapshot.unlink()
    cli("c1")
    assert adapter.catalog_builds() == 1


def test_a_partner_store_that_cannot_be_written_costs_the_next_call_time_not_this_answer(
    cli_partners, tmp_path, monkeypatch
):
    from itkoop.matching import catalog_cache

    def broken(catalog, directory):
        (directory / "half-written.npy").write_bytes(b"")
        raise TypeError("partner index attribute 'new' of type set is not stored")

    monkeypatch.setattr(catalog_cache, "save_partner_catalog", broken)
    cli, web = cli_partners
    assert cli("c1") == web("c1")
    assert not list(tmp_path.glob("partners-*")) and not list(tmp_path.glob(".partners-*"))
