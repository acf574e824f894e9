"""Load benchmark: the production server under 50 concurrent clients, against one client as the baseline.

    PYTHONPATH=src python bench/load.py [--duration 60] [--baseline-duration 20] [--clients 50] [--think 1,3]
                                        [--saturation-duration 30]
                                        [--companies 20000] [--solutions 60000] [--seats 100]
                                        [--registrants 500] [--database-url URL] [--redis-url URL]
    PYTHONPATH=src python bench/load.py --quick      # small and short, on SQLite (the test runs this)

What it does, in one run:

1. A fresh database (PostgreSQL: a database of its own, `itkoop_load` on the server of PG_URL, made anew;
   --quick: an SQLite file in a temporary folder) gets a seeded synthetic catalog (bench/_catalog_file.py)
   through `itkoop import` (the bulk import), then users with ready sessions (made in the database with the
   server's own settings and key: 500 password hashes through the login form would cost minutes of CPU and
   measure the hasher), an event with --seats seats for the registration rush and 1,500 events for the
   registrations under load.
2. `itkoop serve` under production settings: gunicorn with ITKOOP_WEB_WORKERS (2) processes of
   ITKOOP_WEB_THREADS (4) threads, the shared cache in Redis (REDIS_URL), static files collected, no task
   broker (tasks run in the request, the mails go to a backend that drops them). The clients talk to it as
   the reverse proxy would: `X-Forwarded-Proto: https` and `X-Forwarded-For` with ITKOOP_TRUSTED_PROXIES=1.
   Every request comes from another client address (10.x.y.z): the rate limits count per address, so the
   clients are many people, not one script (nothing is raised or switched off for the benchmark). A new
   connection per request, as nginx opens to its upstream by default. --quick serves static files in place
   instead of collecting and compressing them first (bench/_quick_settings.py; that takes minutes once).
3. Warm-up (one client, not counted): each kind of request once, matching until every worker has answered
   one (each worker builds its own engine catalog on its first match).
4. The baseline: one client for --baseline-duration seconds, each request when the last one answered; then
   --clients clients for --duration seconds, as people use the site: each waits for its answer and then
   thinks 1-3 s (--think) before its next request. Then the same clients for --saturation-duration
   seconds without thinking: what the server carries at most (clients that never pause queue behind each
   other, so their latency is clients / throughput: a capacity figure, not the case of the goal).
   Each request is picked at random:
   catalog search (3 in 8, a word of the catalog's vocabulary), a company page (3 in 8), need matching (1 in
   8, a need of tests/engine/needs_corpus.json with 2-4 capabilities) and event registration (1 in 8, a
   POST with the CSRF token of the event page, each client another event each time). An error is a
   timeout (120 s), a refused connection or an unexpected answer: a status other than 200 (302 for
   registration), or a matching page without its result. `--endpoints company,match,register` leaves some
   kinds out (to see the others when one of them holds up the server).
5. The registration rush: --registrants signed-in people open the event page, then all send their
   registration at once (one thread each). Afterwards the database must hold exactly --seats confirmed
   registrations and the rest on the waiting list at positions 1..n in the order they were registered.
6. The rate limit of matching (30 per address and minute) with both workers: twice the limit from one
   address, 8 at a time; exactly the limit may pass, whichever worker answers (the counter is in Redis).
   gunicorn's access log tells which worker process answered each request.

Prints p50/p95/p99 and errors per endpoint for the baseline and the load and their ratio, the requests per
second, the same requests as gunicorn timed them (without the wait for a free worker thread), the rush and
the rate-limit check. Exits 1 when a check fails (errors, wrong registration counts,
rate limit passed more than allowed); never asserts on time. With --json the figures also go to stdout as
one JSON line at the end. The machine's CPU count and load average are printed with the figures.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from _catalog_file import WORDS, import_synthetic_catalog  # noqa: E402

PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/itkoop")
LOAD_DB = "itkoop_load"
# The shared cache of the server; the benchmark leaves only rate-limit counters there (gone within a minute).
REDIS_URL = os.environ.get("ITKOOP_LOAD_REDIS_URL", "redis://127.0.0.1:6379/13")
NEEDS = ROOT / "tests" / "engine" / "needs_corpus.json"
LOAD_EVENTS = 1500
MATCH_LIMIT = 30  # matching.views.MATCHES_PER_MINUTE (checked against it in the setup child)
ENDPOINTS = ("search", "company", "match", "register")
WEIGHTS = (3, 3, 1, 1)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RESULT_MARKER = 'id="bundles-heading"'


# --- inside the database (children with the server's environment) ------------------------------------------


def setup_child(args) -> None:
    """Users with sessions, the rush event and the load events; prints one JSON line."""
    import django

    django.setup()
    from datetime import timedelta
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from itkoop.accounts.models import User
    from itkoop.core.models import Hub
    from itkoop.events.models import Event
    from itkoop.matching.views import MATCHES_PER_MINUTE
    from itkoop.registry.models import Company, Solution

    hub = Hub.objects.order_by("slug").first()
    start = timezone.now() + timedelta(days=30)
    rush = Event.objects.create(
        title="Kooperationsbörse (Lasttest)",
        hub=hub,
        start=start,
        end=start + timedelta(hours=6),
        capacity=args.seats,
        location="Kassel",
    )
    load_events = Event.objects.bulk_create(
        Event(
            title=f"Workshop {i} (Lasttest)",
            hub=hub,
            start=start + timedelta(days=i % 60),
            end=start + timedelta(days=i % 60, hours=3),
            capacity=30,
            location="Berlin",
        )
        for i in range(LOAD_EVENTS)
    )
    n_users = args.registrants + args.clients + 1
    users = [
        User(email=f"load{i}@example.org", first_name="Last", last_name=f"Test {i}") for i in range(n_users)
    ]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users)
    users = list(User.objects.filter(email__endswith="@example.org", email__startswith="load").order_by("pk"))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    sessions = []
    for user in users:
        session = store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        sessions.append(session.session_key)
    print(
        json.dumps(
            {
                "rush_event": rush.pk,
                "load_events": [e.pk for e in load_events],
                "sessions": sessions,
                "companies": list(Company.objects.values_list("external_id", flat=True)),
                "solutions": Solution.objects.count(),
                "match_limit": MATCHES_PER_MINUTE,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
            }
        )
    )


def check_child(args) -> None:
    """The registrations as the database holds them; prints one JSON line."""
    import django

    django.setup()
    from itkoop.events.models import Registration

    rush = list(Registration.objects.filter(event_id=args.rush_event).order_by("created", "pk"))
    confirmed = [r for r in rush if r.status == Registration.Status.CONFIRMED]
    waiting = [r for r in rush if r.status == Registration.Status.WAITLISTED]
    load_ids = json.loads(args.load_events)
    print(
        json.dumps(
            {
                "rush_total": len(rush),
                "confirmed": len(confirmed),
                "waitlisted": len(waiting),
                # In the order they were registered (the service stamps each under the event's lock).
                "positions_in_order": [r.position for r in waiting],
                "confirmed_before_waiting": bool(
                    not confirmed or not waiting or max(r.created for r in confirmed) <= waiting[0].created
                ),
                "load_registrations": Registration.objects.filter(event_id__in=load_ids).count(),
            }
        )
    )


# --- around the server ------------------------------------------------------------------------------------


def _fresh_database(url: str | None, workdir: Path) -> str:
    if url and url.startswith("sqlite"):
        return url
    if url is None:  # --quick
        return f"sqlite:///{workdir / 'load.sqlite3'}"
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str, redis_url: str, args) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_", "GUNICORN_"))}
    env.update(
        PYTHONPATH=os.pathsep.join([str(ROOT / "src"), str(ROOT / "bench")]),
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="_quick_settings" if args.quick else "itkoop.settings.production",
        ITKOOP_SECRET_KEY=secrets.token_urlsafe(64),
        ITKOOP_ALLOWED_HOSTS="127.0.0.1",
        ITKOOP_SITE_URL="https://itkoop.example.org",
        ITKOOP_TRUSTED_PROXIES="1",
        # No SMTP server here: registration mails are rendered and then dropped.
        ITKOOP_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        ITKOOP_STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        ITKOOP_MEDIA_ROOT=str(Path(args.workdir) / "media"),
        ITKOOP_WEB_WORKERS=str(args.workers),
        ITKOOP_WEB_THREADS=str(args.threads),
        ITKOOP_LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",  # the access log as it happens (the warm-up reads it)
        REDIS_URL=redis_url,
        # The worker's process id in each access log line: which worker answered.
        GUNICORN_CMD_ARGS="--access-logformat='%(p)s %(s)s %(L)s \"%(r)s\"'",
    )
    return env


def _child(argv: list[str], env: dict, timeout: float = 1800) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        sys.exit(f"{argv[0]} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _access_log_lines(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8", errors="replace").splitlines()


SERVER_PATHS = {"search": "/katalog/?q=", "company": "/katalog/unternehmen/", "match": "/bedarf/?text="}


def _server_times(lines: list[str]) -> dict:
    """p50/p95 of the request times in gunicorn's access log lines, per endpoint."""
    seconds: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    for line in lines:
        parts = line.split(" ", 3)  # <pid> status seconds "request line"
        if len(parts) < 4:
            continue
        request = parts[3]
        name = next((n for n, path in SERVER_PATHS.items() if f" {path}" in request), None)
        if name is None and request.startswith('"POST') and "/anmelden/" in request:
            name = "register"
        if name:
            seconds[name].append(float(parts[2]))
    return {
        name: {"requests": len(v), "p50_ms": 1000 * percentile(v, 50), "p95_ms": 1000 * percentile(v, 95)}
        for name, v in seconds.items()
        if v
    }


def _access_log_pids(log: Path, marker: str) -> list[tuple[int, int]]:
    """(worker pid, status) of each logged request whose request line contains `marker`."""
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(" ", 3)  # <pid> status seconds "request line"
        pid = parts[0].strip("<>")
        if len(parts) == 4 and marker in parts[3] and pid.isdigit() and parts[1].isdigit():
            found.append((int(pid), int(parts[1])))
    return found


# --- clients ----------------------------------------------------------------------------------------------


class _NoCookies(http.cookiejar.DefaultCookiePolicy):
    """The session's own jar keeps nothing: the client sends its cookies itself (they are Secure, and the
    benchmark speaks plain HTTP to the server as the TLS-terminating proxy does)."""

    def set_ok(self, cookie, request):
        return False


class Client:
    _counter = 0
    _lock = threading.Lock()

    def __init__(self, base: str, cookies: dict | None = None):
        import requests

        with Client._lock:
            Client._counter += 1
            self.number = Client._counter
        self.base = base
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.cookies.set_policy(_NoCookies())
        self.cookies = dict(cookies or {})
        self.sent = 0
        self.csrf = ""
        self.events: list[int] = []  # events this client has yet to register for, the next one last

    def address(self) -> str:
        """Another client address for each request: many people behind the proxy."""
        self.sent += 1
        n = self.number * 4096 + self.sent % 4096
        return f"10.{(n >> 16) % 256}.{(n >> 8) % 256}.{n % 256}"

    def request(self, method: str, path: str, data: dict | None = None, address: str | None = None):
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": address or self.address(),
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            # A connection per request, as nginx talks to its upstream by default: gunicorn's workers take
            # turns at accepting, and no idle keep-alive connection is closed under a waiting client.
            "Connection": "close",
        }
        if method == "POST":
            headers["Origin"] = self.base.replace("http://", "https://")
        response = self.http.request(
            method, self.base + path, data=data, headers=headers, allow_redirects=False, timeout=120
        )
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value
        return response


class Run:
    """The shared state of one phase: latencies and errors per endpoint."""

    def __init__(self):
        self.latencies = {name: [] for name in ENDPOINTS}
        self.errors = {name: 0 for name in ENDPOINTS}
        self.error_kinds: dict[str, int] = {}  # "endpoint: what" -> how often
        self.registered = 0
        self.registrations_unanswered = 0  # timed out or cut off: stored or not, the client cannot know
        self.lock = threading.Lock()

    def record(self, name: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[name].append(seconds)
            if error:
                self.errors[name] += 1
                kind = f"{name}: {error}"
                self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1

    @property
    def error_samples(self) -> str:
        return "; ".join(f"{n} x {kind}" for kind, n in sorted(self.error_kinds.items(), key=lambda i: -i[1]))


def _one(client: Client, name: str, ctx: dict, rng: random.Random, run: Run) -> None:
    start = time.perf_counter()
    error = None
    try:
        if name == "search":
            r = client.request("GET", "/katalog/?q=" + rng.choice(WORDS))
            error = None if r.status_code == 200 else f"status {r.status_code}"
        elif name == "company":
            r = client.request("GET", f"/katalog/unternehmen/{rng.choice(ctx['companies'])}/")
            error = None if r.status_code == 200 else f"status {r.status_code}"
        elif name == "match":
            r = client.request("GET", "/bedarf/?" + _query(text=rng.choice(ctx["needs"])))
            if r.status_code != 200:
                error = f"status {r.status_code}"
            elif RESULT_MARKER not in r.text:
                error = "no result on the matching page"
        else:
            event = client.events.pop()
            r = client.request(
                "POST", f"/veranstaltungen/{event}/anmelden/", data={"csrfmiddlewaretoken": client.csrf}
            )
            if r.status_code == 302 and r.headers.get("Location", "").endswith(f"/veranstaltungen/{event}/"):
                with run.lock:
                    run.registered += 1
            else:
                error = f"status {r.status_code}"
    except Exception as exc:  # a timeout or refused connection is an error of the run
        error = type(exc).__name__
        if name == "register":
            with run.lock:
                run.registrations_unanswered += 1
    run.record(name, time.perf_counter() - start, error)


def _query(**params) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def _signed_in_client(base: str, ctx: dict, session: str, events: list[int]) -> Client:
    """A signed-in client that has opened an event page (its CSRF cookie and the form's token)."""
    client = Client(base, {ctx["session_cookie"]: session})
    r = client.request("GET", f"/veranstaltungen/{events[0] if events else ctx['rush_event']}/")
    match = CSRF_FIELD.search(r.text)
    if r.status_code != 200 or not match or ctx["csrf_cookie"] not in client.cookies:
        raise RuntimeError(f"event page without a registration form ({r.status_code}): not signed in?")
    client.csrf = match.group(1)
    client.events = list(events)
    return client


def drive(
    clients: list[Client], seconds: float, ctx: dict, seed: int, think: tuple[float, float] = (0.0, 0.0)
) -> tuple[Run, float]:
    """Each client sends a request, waits for the answer, then thinks for a time drawn uniformly from
    `think` (a person reading the page) before the next; (0, 0): at once, the server's saturation."""
    run = Run()
    deadline = time.perf_counter() + seconds

    def loop(client: Client, k: int) -> None:
        rng = random.Random(seed * 1000 + k)
        if think[1] > 0:  # people do not all click in the same second
            time.sleep(rng.uniform(0, think[1]))
        while time.perf_counter() < deadline:
            name = rng.choices(ctx["endpoints"], ctx["weights"])[0]
            if name == "register" and not client.events:
                continue
            _one(client, name, ctx, rng, run)
            pause = rng.uniform(*think)
            if pause > 0:
                time.sleep(min(pause, max(0.0, deadline - time.perf_counter())))

    threads = [threading.Thread(target=loop, args=(c, k), daemon=True) for k, c in enumerate(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return run, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float | None:
    """Nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def summary(run: Run, wall: float) -> dict:
    out = {}
    for name in ENDPOINTS:
        lat = run.latencies[name]
        out[name] = {
            "requests": len(lat),
            "errors": run.errors[name],
            **{f"p{p}_ms": None if not lat else 1000 * percentile(lat, p) for p in (50, 95, 99)},
        }
    out["_total"] = {"requests": sum(len(v) for v in run.latencies.values()), "seconds": wall}
    return out


def rush(base: str, ctx: dict, sessions: list[str]) -> dict:
    """Every registrant opens the event page (50 at a time), then all register at once."""
    from concurrent.futures import ThreadPoolExecutor

    event = ctx["rush_event"]
    with ThreadPoolExecutor(50) as pool:
        clients = list(pool.map(lambda s: _signed_in_client(base, ctx, s, [event]), sessions))
    barrier = threading.Barrier(len(clients))
    results: list[tuple[float, int, str]] = [(0.0, 0, "")] * len(clients)

    def register(k: int) -> None:
        client = clients[k]
        barrier.wait()
        start = time.perf_counter()
        try:
            r = client.request(
                "POST", f"/veranstaltungen/{event}/anmelden/", data={"csrfmiddlewaretoken": client.csrf}
            )
            results[k] = (time.perf_counter() - start, r.status_code, r.headers.get("Location", ""))
        except Exception as exc:  # a reset connection is an error of the rush
            results[k] = (time.perf_counter() - start, 0, f"{type(exc).__name__}: {exc}"[:200])

    threads = [threading.Thread(target=register, args=(k,), daemon=True) for k in range(len(clients))]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ok = [r for r in results if r[1] == 302 and r[2].endswith(f"/veranstaltungen/{event}/")]
    lat = [r[0] for r in results]
    return {
        "posts": len(results),
        "answered_302": len(ok),
        "errors": len(results) - len(ok),
        "error_samples": [f"{r[1]} {r[2]}" for r in results if r not in ok][:5],
        "seconds": wall,
        "p50_ms": 1000 * percentile(lat, 50),
        "p95_ms": 1000 * percentile(lat, 95),
        "p99_ms": 1000 * percentile(lat, 99),
    }


def rate_limit_check(base: str, ctx: dict, access_log: Path) -> dict:
    """Twice the matching limit from one address, 8 at a time: only the limit may pass. The form is invalid
    (max_partners 0), so the throttle counts the request and the engine does not run."""
    from concurrent.futures import ThreadPoolExecutor

    limit = ctx["match_limit"]
    marker = f"ratelimitprobe{secrets.token_hex(4)}"
    address = f"198.18.{secrets.randbelow(256)}.{secrets.randbelow(256)}"  # a client no earlier run was
    client = Client(base)

    def probe(_k: int) -> int:
        return client.request(
            "GET", "/bedarf/?" + _query(text="Onlineshop", max_partners=0, probe=marker), address=address
        ).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(probe, range(2 * limit)))
    time.sleep(1)  # gunicorn writes its access log line after the answer
    logged = _access_log_pids(access_log, marker)
    return {
        "limit": limit,
        "sent": len(statuses),
        "passed": statuses.count(200),
        "limited_429": statuses.count(429),
        "other": len(statuses) - statuses.count(200) - statuses.count(429),
        "workers_answering": len({pid for pid, _ in logged}),
        "passed_per_worker": {
            str(pid): sum(1 for p, s in logged if p == pid and s == 200) for pid in {p for p, _ in logged}
        },
    }


def _print_table(title: str, base: dict, load: dict | None, clients: int) -> None:
    print(f"\n{title}")
    columns = ("requests", "errors", "p50 ms", "p95 ms", "p99 ms")
    print(f"  {'endpoint':9s} {'':>9s} " + " ".join(f"{c:>{6 if c == 'errors' else 8}s}" for c in columns))
    for name in ENDPOINTS:
        for label, s in (("1 client", base), (f"{clients} clients", load)):
            if s is None:
                continue
            f = s[name]
            ms = " ".join(
                "       -" if f[k] is None else f"{f[k]:8.0f}" for k in ("p50_ms", "p95_ms", "p99_ms")
            )
            print(f"  {name:9s} {label:>9s} {f['requests']:8d} {f['errors']:6d} {ms}")
        if load is not None and base[name]["requests"] and load[name]["requests"]:
            ratios = " ".join(f"{load[name][k] / base[name][k]:8.1f}" for k in ("p50_ms", "p95_ms", "p99_ms"))
            print(f"  {'':9s} {'ratio':>9s} {'':8s} {'':6s} {ratios}")
    for label, s in (("1 client", base), (f"{clients} clients", load)):
        if s is not None:
            t = s["_total"]
            rate = t["requests"] / t["seconds"]
            print(f"  {label}: {t['requests']} requests in {t['seconds']:.1f} s = {rate:.1f}/s")


def main_run(args) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="itkoop-load-"))
    args.workdir = str(workdir)
    database_url = _fresh_database(args.database_url, workdir)
    env = server_env(database_url, args.redis_url, args)
    cpus = os.cpu_count()
    print(f"Machine: {cpus} CPUs, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    kind = "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
    print(f"Database: {kind}; {args.companies} companies, {args.solutions} solutions", flush=True)

    started = time.perf_counter()
    import_synthetic_catalog(workdir, env, args.solutions, args.companies)
    print(f"Import (migrate + bulk import): {time.perf_counter() - started:.1f} s", flush=True)
    ctx = _child(
        [
            "--setup-child",
            "--seats",
            str(args.seats),
            "--registrants",
            str(args.registrants),
            "--clients",
            str(args.clients),
        ],
        env,
    )
    assert ctx["solutions"] == args.solutions, ctx["solutions"]
    corpus = json.loads(NEEDS.read_text(encoding="utf-8"))
    ctx["needs"] = [n["text"] for n in corpus if 2 <= len(n["expected"]) <= 4]
    ctx["endpoints"] = [name for name in ENDPOINTS if name in args.endpoints.split(",")]
    ctx["weights"] = [w for name, w in zip(ENDPOINTS, WEIGHTS, strict=True) if name in ctx["endpoints"]]
    sessions = ctx["sessions"]
    rush_sessions, base_session, load_sessions = (
        sessions[: args.registrants],
        sessions[args.registrants],
        sessions[args.registrants + 1 :],
    )

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    access_log = workdir / "access.log"
    server_log = workdir / "server.log"
    with access_log.open("w") as out, server_log.open("w") as err:
        server = subprocess.Popen(
            [sys.executable, "-m", "itkoop.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=err,
        )
    report: dict = {"cpus": cpus, "database": kind, "solutions": args.solutions, "companies": args.companies}
    report["endpoints"] = ctx["endpoints"]
    failures: list[str] = []
    try:
        _wait_healthy(base, server, server_log)
        print(
            f"Server: gunicorn, {args.workers} workers x {args.threads} threads, up after "
            f"{time.perf_counter() - started:.1f} s since start",
            flush=True,
        )

        # Warm-up: each request once; matching until every worker has built its catalog.
        events = ctx["load_events"]
        warm = _signed_in_client(base, ctx, base_session, events[-1:])
        rng = random.Random(0)
        warm_run = Run()
        for name in ("search", "company", "register"):
            _one(warm, name, ctx, rng, warm_run)
        for _ in range(20):
            _one(warm, "match", ctx, rng, warm_run)
            time.sleep(0.2)  # the access log line follows the answer
            served = {pid for pid, _ in _access_log_pids(access_log, "/bedarf/?text=")}
            if len(served) >= args.workers:
                break
        warm_ms = [f"{1000 * s:.0f}" for s in warm_run.latencies["match"]]
        print(f"Warm-up: matching {', '.join(warm_ms)} ms (first request of each worker builds its catalog)")
        report["warmup_match_ms"] = [1000 * s for s in warm_run.latencies["match"]]
        if sum(warm_run.errors.values()):
            failures.append(f"warm-up errors: {warm_run.error_samples}")

        # Baseline and load: each client registers for other events than the others.
        # The baseline client sends more requests per second than each of the many: a third of the events.
        own, shared = events[: len(events) // 3], events[len(events) // 3 : -1]
        per_client = len(shared) // args.clients
        chunks = [shared[k * per_client : (k + 1) * per_client] for k in range(args.clients)]
        baseline_client = _signed_in_client(base, ctx, base_session, own[::-1])
        base_run, base_wall = drive([baseline_client], args.baseline_duration, ctx, seed=1)
        print(f"Baseline: 1 client for {args.baseline_duration:.0f} s done", flush=True)
        load_clients = [
            _signed_in_client(base, ctx, s, chunk[::-1])
            for s, chunk in zip(load_sessions, chunks, strict=True)
        ]
        think = args.think
        print(
            f"Load: {args.clients} clients for {args.duration:.0f} s, each thinking "
            f"{think[0]:g}-{think[1]:g} s between an answer and its next request ...",
            flush=True,
        )
        load_from = len(_access_log_lines(access_log))
        load_run, load_wall = drive(load_clients, args.duration, ctx, seed=2, think=think)
        time.sleep(1)  # the access log lines of the last answers
        report["baseline"], report["load"] = summary(base_run, base_wall), summary(load_run, load_wall)
        report["think_s"] = list(think)
        _print_table(
            f"Latency per endpoint, {args.clients} clients thinking {think[0]:g}-{think[1]:g} s "
            "(client side: queueing in the server's socket included)",
            report["baseline"],
            report["load"],
            args.clients,
        )
        report["server_side"] = server_side = _server_times(_access_log_lines(access_log)[load_from:])
        print(
            f"  the same {args.clients} clients as gunicorn's workers timed the requests (queueing excluded):"
        )
        for name, t in server_side.items():
            print(
                f"  {name:9s} {t['requests']:8d} requests  p50 {t['p50_ms']:8.0f}  p95 {t['p95_ms']:8.0f} ms"
            )
        runs = [warm_run, base_run, load_run]
        checked = [("baseline", base_run), ("load", load_run)]
        if args.saturation_duration > 0:
            print(
                f"\nSaturation: the same {args.clients} clients for {args.saturation_duration:.0f} s without "
                "thinking (each sends its next request when the last one answered) ...",
                flush=True,
            )
            sat_run, sat_wall = drive(load_clients, args.saturation_duration, ctx, seed=3)
            report["saturation"] = summary(sat_run, sat_wall)
            _print_table(
                f"Latency per endpoint, {args.clients} clients without thinking: what the server carries at "
                "most, not a goal",
                report["baseline"],
                report["saturation"],
                args.clients,
            )
            runs.append(sat_run)
            checked.append(("saturation", sat_run))
        for label, run in checked:
            if sum(run.errors.values()):
                failures.append(f"{label} errors: {run.error_samples}")
        registered = sum(run.registered for run in runs)
        unanswered = sum(run.registrations_unanswered for run in runs)

        report["rush"] = rush(base, ctx, rush_sessions)
        r = report["rush"]
        print(
            f"\nRegistration rush: {r['posts']} registrations at once for {args.seats} seats: answered in "
            f"{r['seconds']:.1f} s, p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, "
            f"p99 {r['p99_ms']:.0f} ms, {r['errors']} errors"
        )
        if r["errors"]:
            failures.append(f"rush errors: {r['error_samples']}")

        report["rate_limit"] = rl = rate_limit_check(base, ctx, access_log)
        print(
            f"Rate limit of matching ({rl['limit']}/min per address), {rl['sent']} requests from one "
            f"address over {rl['workers_answering']} workers: {rl['passed']} passed, {rl['limited_429']} "
            f"refused (429), {rl['other']} other; passed per worker {rl['passed_per_worker']}"
        )
        if rl["passed"] != rl["limit"] or rl["other"]:
            failures.append(f"rate limit: {rl['passed']} passed of {rl['sent']}, limit {rl['limit']}")
        if args.workers > 1 and rl["workers_answering"] < 2:
            failures.append("rate limit check reached only one worker")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()

    db = _child(
        ["--check-child", "--rush-event", str(ctx["rush_event"]), "--load-events", json.dumps(events)], env
    )
    report["db"] = db
    expected_waiting = max(0, args.registrants - args.seats)
    in_order = db["positions_in_order"] == list(range(1, expected_waiting + 1))
    print(
        f"Database after the rush: {db['confirmed']} confirmed, {db['waitlisted']} on the waiting list "
        f"(positions 1..{db['waitlisted']} in the order of registration: {'yes' if in_order else 'NO'}; "
        f"every confirmed one registered before the first waiting: "
        f"{'yes' if db['confirmed_before_waiting'] else 'NO'})"
    )
    print(
        f"Registrations under load: {registered} answered as done, {unanswered} not answered, "
        f"{db['load_registrations']} in the database"
    )
    if db["confirmed"] != min(args.seats, args.registrants) or db["waitlisted"] != expected_waiting:
        failures.append(f"rush: {db['confirmed']} confirmed, {db['waitlisted']} waiting")
    if not in_order or not db["confirmed_before_waiting"]:
        failures.append("waiting list not in the order of registration")
    if not registered <= db["load_registrations"] <= registered + unanswered:
        failures.append(f"{registered} registrations answered, {db['load_registrations']} stored")
    print(f"Machine load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    report["failures"] = failures
    for failure in failures:
        print(f"FAILED: {failure}")
    if args.json:
        report["db"].pop("positions_in_order")
        print(json.dumps(report))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
        if kind == "PostgreSQL":
            _drop_database(database_url)
    return 1 if failures else 0


def _drop_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _wait_healthy(base: str, server: subprocess.Popen, server_log: Path, timeout: float = 1800) -> None:
    import requests

    # Long enough for a first start under production settings: `itkoop serve` collects and compresses the
    # static files when their sources changed (over ten minutes on a busy two-core machine).
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped:\n{server_log.read_text()[-3000:]}")
        try:
            if requests.get(base + "/healthz", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    sys.exit("the server did not answer /healthz")


def _think_range(text: str) -> tuple[float, float]:
    parts = [float(x) for x in text.split(",")]
    low, high = (parts[0], parts[-1]) if len(parts) in (1, 2) else (-1, -1)
    if not 0 <= low <= high:
        raise argparse.ArgumentTypeError("MIN,MAX seconds with 0 <= MIN <= MAX, or one number")
    return low, high


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--duration", type=float, default=60, help="seconds of the load with --clients clients")
    p.add_argument("--baseline-duration", type=float, default=20, help="seconds of the one-client baseline")
    p.add_argument("--clients", type=int, default=50)
    p.add_argument(
        "--think",
        type=_think_range,
        default=(1.0, 3.0),
        help="MIN,MAX seconds a client waits after an answer before its next request (default 1,3; 0: none)",
    )
    p.add_argument(
        "--saturation-duration",
        type=float,
        default=30,
        help="then seconds of the same clients without thinking: the server's capacity (0: leave out)",
    )
    p.add_argument(
        "--endpoints",
        default=",".join(ENDPOINTS),
        help="the kinds of request the clients send, comma-separated (default: all, weighted 3:3:1:1)",
    )
    p.add_argument("--companies", type=int, default=20000)
    p.add_argument("--solutions", type=int, default=60000)
    p.add_argument("--seats", type=int, default=100)
    p.add_argument("--registrants", type=int, default=500)
    p.add_argument("--workers", type=int, default=2, help="ITKOOP_WEB_WORKERS of the server")
    p.add_argument("--threads", type=int, default=4, help="ITKOOP_WEB_THREADS of the server")
    p.add_argument("--database-url", default=None, help=f"default: {LOAD_DB} on the server of PG_URL")
    p.add_argument("--redis-url", default=REDIS_URL, help="the shared cache of the server")
    p.add_argument("--quick", action="store_true", help="small and short on SQLite: a few seconds")
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    p.add_argument("--keep", action="store_true", help="keep the database and the logs")
    # Children run inside the server's environment.
    p.add_argument("--setup-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--check-child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--rush-event", type=int, help=argparse.SUPPRESS)
    p.add_argument("--load-events", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.setup_child:
        setup_child(args)
        return 0
    if args.check_child:
        check_child(args)
        return 0
    unknown = set(args.endpoints.split(",")) - set(ENDPOINTS)
    if unknown:
        build_parser().error(
            f"--endpoints: unknown {', '.join(sorted(unknown))}; known: {', '.join(ENDPOINTS)}"
        )
    if args.quick:
        args.companies, args.solutions, args.seats, args.registrants = 100, 300, 10, 40
        args.clients, args.duration, args.baseline_duration = 5, 3, 2
        args.think, args.saturation_duration = (0.0, 0.2), 2
    elif args.database_url is None:
        args.database_url = PG_URL.rsplit("/", 1)[0] + "/" + LOAD_DB
    return main_run(args)


if __name__ == "__main__":
    sys.exit(main())
