"""Catalog search benchmark: the search page's queries on a large catalog, the former form against today's.

    PYTHONPATH=src python bench/search.py [--solutions 60000] [--companies 20000] [--repeat 5]
                                          [--database-url URL] [--sqlite] [--keep] [--quick]

A fresh database (PostgreSQL: `itkoop_bench_search` on the server of PG_URL, made anew, or --database-url;
--sqlite or --quick: a file in a temporary folder) gets the seeded synthetic catalog of bench/load.py
(bench/_catalog_file.py) through `itkoop import`. Then, in this process, for typical searches (a word held
by a third of the catalog, two and three words, a compound, a word nobody holds, filters without words,
words with filters, a later page, companies instead of solutions):

* "former": the queries as the search page sent them before (kept below as `former_page`): Django's
  Paginator counting every hit of a SELECT DISTINCT over all columns, ts_rank over the text's
  to_tsvector for every hit, the search vector among the selected columns, joins for the filters, the
  solution count of companies grouped over all hits. On PostgreSQL with the GIN expression index it had
  (made for the run: the catalog's indexes cover the stored column now). Run once: it takes seconds.
* "now": `registry.views.result_page` (one capped count, ranked up to HIT_LIMIT hits) and its page's rows,
  first call and the median of --repeat calls;
* "page": the whole page through Django's test client (form, template), median of --repeat calls;

and the company page. Prints milliseconds, the ratio former/now and whether the first page is the same
(for more than HIT_LIMIT hits the page is in name order now, not ranked: "name order"). Prints only;
never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_file import import_synthetic_catalog  # noqa: E402
from load import PG_URL, _drop_database, _fresh_database  # noqa: E402

warnings.filterwarnings("ignore", message="Pagination may yield inconsistent results")

BENCH_DB = "itkoop_bench_search"
FORMER_INDEX = "bench_former_search_gin"
# (label, query string of the search page)
SEARCHES = [
    ("one word (a third of the catalog)", {"q": "Buchhaltung"}),
    ("one word, page 2", {"q": "Buchhaltung", "page": "2"}),
    ("two words", {"q": "Buchhaltung Cloud"}),
    ("three words", {"q": "Buchhaltung Cloud Hosting"}),
    ("compound (three forms)", {"q": "Kassensystem"}),
    ("word nobody holds", {"q": "Quantenkryptographie"}),
    ("no words (whole catalog)", {}),
    ("hub", {"hub": "kassel"}),
    ("capability", {"capability": "accounting"}),
    ("word + hub + capability", {"q": "Buchhaltung", "hub": "kassel", "capability": "accounting"}),
    ("word + verified", {"q": "Buchhaltung", "verified": "on"}),
    ("two words + standard", {"q": "Buchhaltung Cloud", "standard": "datev"}),
    ("companies: one word", {"q": "Buchhaltung", "show": "companies"}),
    ("companies: no words", {"show": "companies"}),
    ("companies: word + capability", {"q": "Buchhaltung", "show": "companies", "capability": "accounting"}),
]


# --- the former queries (as the search page sent them before the stored vector and the capped count) -----


def former_page(params: dict):
    from django.contrib.postgres.search import SearchQuery, SearchRank
    from django.core.paginator import Paginator
    from django.db import connection
    from django.db.models import Count, Q

    from itkoop.engine.text import query_terms
    from itkoop.registry.models import Company, Solution
    from itkoop.registry.selectors import IndexedSearchDocument

    def text_filter(queryset, text):
        terms = query_terms(text)
        if not terms:
            return queryset
        if connection.vendor == "postgresql":
            query = None
            for forms in terms:
                alternatives = None
                for form in sorted(forms):
                    q = SearchQuery(form, config="simple", search_type="plain")
                    alternatives = q if alternatives is None else alternatives | q
                query = alternatives if query is None else query & alternatives
            vector = IndexedSearchDocument()
            return (
                queryset.annotate(search=vector, rank=SearchRank(vector, query))
                .filter(search=query)
                .order_by("-rank", "name")
            )
        for forms in terms:
            condition = Q()
            for form in forms:
                condition |= Q(search_document__contains=f" {form} ")
            queryset = queryset.filter(condition)
        return queryset

    text = params.get("q", "")
    if params.get("show") == "companies":
        queryset = (
            Company.objects.select_related("hub")
            .prefetch_related("labels")
            .annotate(solution_count=Count("solutions", distinct=True))
        )
        prefix = ""
        if "capability" in params:
            queryset = queryset.filter(solutions__capabilities__id=params["capability"])
    else:
        queryset = Solution.objects.select_related("company", "company__hub").prefetch_related(
            "capabilities", "provides", "consumes"
        )
        prefix = "company__"
        if "capability" in params:
            queryset = queryset.filter(capabilities__id=params["capability"])
        if "standard" in params:
            queryset = queryset.filter(
                Q(provides__id=params["standard"]) | Q(consumes__id=params["standard"])
            )
    if "hub" in params:
        queryset = queryset.filter(**{f"{prefix}hub_id": params["hub"]})
    if "verified" in params:
        queryset = queryset.filter(**{f"{prefix}verified": True})
    queryset = text_filter(queryset, text)
    if not text:
        queryset = queryset.order_by("name")
    if params.get("show") != "companies":
        queryset = queryset.distinct()
    ordered = queryset.ordered  # not so for companies by words on SQLite: grouped, Meta.ordering dropped
    page = Paginator(queryset, 20).get_page(params.get("page"))
    rows = list(page.object_list)
    return page.paginator.count, ordered, [row.pk for row in rows]


def current_page(params: dict):
    from urllib.parse import urlencode

    from django.http import QueryDict

    from itkoop.registry.forms import CatalogSearchForm
    from itkoop.registry.selectors import CatalogFilters
    from itkoop.registry.views import result_page

    form = CatalogSearchForm(QueryDict(urlencode(params)))
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    filters = CatalogFilters(
        text=data.get("q", ""),
        capabilities=[c.id for c in data.get("capability", [])],
        standards=[s.id for s in data.get("standard", [])],
        hub=data["hub"].slug if data.get("hub") else "",
        verified_only=data.get("verified", False),
    )
    page = result_page(filters, data.get("show") or "solutions", params.get("page"))
    rows = list(page.object_list)
    for row in rows:  # what the template reads of each hit
        if hasattr(row, "capabilities"):
            list(row.capabilities.all())
    return page.paginator.count, page.paginator.capped, [row.pk for row in rows]


# --- the run ------------------------------------------------------------------------------------------


def _timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return (time.perf_counter() - start) * 1000, result


def _former_index(create: bool) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in ("registry_solution", "registry_company"):
            name = f"{FORMER_INDEX}_{table.rsplit('_', 1)[1]}"
            if create:
                cursor.execute(
                    f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                    "USING gin (to_tsvector('simple'::regconfig, search_document))"
                )
                cursor.execute(f"ANALYZE {table}")
            else:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")


def measure(args) -> None:
    from urllib.parse import urlencode

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from itkoop.registry.models import Company, Solution

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    n = Solution.objects.count()
    print(f"{connection.vendor}: {Company.objects.count():,} companies, {n:,} solutions", flush=True)
    header = (
        f"{'search':38s} {'hits':>7s} {'former':>9s} {'now 1st':>8s} {'now':>7s} {'ratio':>6s} "
        f"{'page':>7s}  first page"
    )
    print(header)
    print("-" * len(header))
    if not args.skip_former:
        _former_index(create=True)
    ratios = []
    try:
        for label, params in SEARCHES:
            first, (count, capped, now_ids) = _timed(lambda p=params: current_page(p))
            steady = statistics.median(
                _timed(lambda p=params: current_page(p))[0] for _ in range(args.repeat)
            )
            url = "/katalog/?" + urlencode(params)
            page_ms = statistics.median(_timed(lambda u=url: client.get(u))[0] for _ in range(args.repeat))
            if args.skip_former:
                former, same = float("nan"), "-"
            else:
                former, (former_count, ordered, former_ids) = _timed(lambda p=params: former_page(p))
                ratio = former / steady
                ratios.append(ratio)
                if capped:
                    same = "name order" if former_count > count else "COUNT DIFFERS"
                elif not ordered:
                    same = "(former unordered)" if former_count == count else "COUNT DIFFERS"
                else:
                    same = "same" if former_ids == now_ids and former_count == count else "DIFFERENT"
            hits = f">{count}" if capped else str(count)
            ratio_text = f"{former / steady:5.0f}x" if not args.skip_former else "    -"
            print(
                f"{label:38s} {hits:>7s} {former:7.1f}ms {first:6.1f}ms {steady:5.1f}ms {ratio_text} "
                f"{page_ms:5.1f}ms  {same}",
                flush=True,
            )
    finally:
        if not args.skip_former:
            _former_index(create=False)
    company = Company.objects.order_by("pk").values_list("external_id", flat=True)[n // 10 // 3]
    url = f"/katalog/unternehmen/{company}/"
    first = _timed(lambda: client.get(url))[0]
    steady = statistics.median(_timed(lambda: client.get(url))[0] for _ in range(args.repeat))
    print(f"{'company page':38s} {'':7s} {'':9s} {first:6.1f}ms {steady:5.1f}ms {'':6s} {steady:5.1f}ms")
    if ratios:
        print(f"former/now: median {statistics.median(ratios):.0f}x, lowest {min(ratios):.0f}x")
    print(f"Machine: {os.cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--solutions", type=int, default=60000)
    p.add_argument("--companies", type=int, default=20000)
    p.add_argument("--repeat", type=int, default=5, help="calls per search for the median")
    p.add_argument("--database-url", default=None, help=f"default: {BENCH_DB} on the server of PG_URL")
    p.add_argument("--sqlite", action="store_true", help="an SQLite file in a temporary folder")
    p.add_argument(
        "--skip-former", action="store_true", help="only today's queries (the former take seconds)"
    )
    p.add_argument("--keep", action="store_true", help="keep the database")
    p.add_argument("--quick", action="store_true", help="small, on SQLite: a few seconds")
    p.add_argument("--measure-child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.measure_child:
        import django

        django.setup()
        measure(args)
        return 0
    if args.quick:
        args.solutions, args.companies, args.repeat, args.sqlite = 600, 200, 2, True
    workdir = Path(tempfile.mkdtemp(prefix="itkoop-bench-search-"))
    url = args.database_url
    if url is None and not args.sqlite:
        url = PG_URL.rsplit("/", 1)[0] + "/" + BENCH_DB
    url = _fresh_database(url, workdir)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "bench")]),
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="itkoop.settings.dev",
        ITKOOP_DEBUG="0",  # DEBUG keeps every query in memory
        ITKOOP_LOG_LEVEL="WARNING",
    )
    started = time.perf_counter()
    import_synthetic_catalog(workdir, env, args.solutions, args.companies)
    print(f"Import (migrate + bulk import): {time.perf_counter() - started:.1f} s", flush=True)
    child = [sys.executable, __file__, "--measure-child", "--repeat", str(args.repeat)]
    if args.skip_former:
        child.append("--skip-former")
    try:
        return subprocess.run(child, env=env, check=False).returncode
    finally:
        if not args.keep and url.startswith("postgres"):
            _drop_database(url)


if __name__ == "__main__":
    sys.exit(main())
