"""The `itkoop` command: import, export, match, partners, serve, demo, worker, beat (see shared/DESIGN.md,
engine contract).

It reaches the engine through the same services the web pages use. User errors exit non-zero with one line."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from pathlib import Path

from itkoop.engine.deployment import DEPLOYMENTS


class UsageError(Exception):
    """Bad input from the command line; printed as one line, exit code 2."""


def _setup_django(*, without_admin_modules: bool = False) -> None:
    """Django set up; ``without_admin_modules`` for a command that never reaches the admin site: the admin
    app is installed without its autodiscovery, which imports every app's admin module."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itkoop.settings.dev")
    import django

    if without_admin_modules:
        from django.conf import settings

        settings.INSTALLED_APPS = [
            "django.contrib.admin.apps.SimpleAdminConfig" if app == "django.contrib.admin" else app
            for app in settings.INSTALLED_APPS
        ]
    django.setup()


def _migrations_all_applied() -> bool:
    """Whether the database records every migration file of every app as applied, read from the file names:
    the migration loader imports all migration modules, a noticeable share of a short command's start.
    False when in doubt (no table yet, a squashed migration not recorded under its own name ...)."""
    import importlib.util
    import pkgutil

    from django.apps import apps
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    applied = recorder.applied_migrations()
    for app_config in apps.get_app_configs():
        module_name, _explicit = MigrationLoader.migrations_module(app_config.label)
        spec = importlib.util.find_spec(module_name) if module_name else None
        if spec is None or spec.submodule_search_locations is None:
            continue  # an app without migrations
        for _finder, name, is_package in pkgutil.iter_modules(spec.submodule_search_locations):
            # the loader's own rule for what is a migration
            if not is_package and name[0] not in "_~" and (app_config.label, name) not in applied:
                return False
    return True


def _migrate_if_needed(verbosity: int = 0) -> None:
    """Create and migrate the database when it is new or behind; leave an up-to-date database untouched."""
    if _migrations_all_applied():
        return
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=verbosity)


def _progress_printer(label: str):
    last = {"pct": -1}

    def report(done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct != last["pct"] and (pct % 10 == 0 or done == total):
            last["pct"] = pct
            print(f"{label}: {done}/{total} ({pct} %)", file=sys.stderr, flush=True)

    return report


def cmd_import(args) -> int:
    from django.db import DataError

    from itkoop.registry.catalog_io import import_catalog, read_catalog_file

    # Check the file before touching the database, so a bad file changes nothing, not even its header.
    data = read_catalog_file(args.file)
    _migrate_if_needed()
    # The operator running this command is staff: the file's attested fields count unless --untrusted says
    # it comes from elsewhere (a web or API import by members would always pass False).
    try:
        summary = import_catalog(
            data,
            attested_from_file=not args.untrusted,
            progress=_progress_printer("Import"),
            source=args.file,
        )
    except DataError as exc:  # a value the checks let through but the database refused: rolled back
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        raise UsageError(f"{args.file}: die Datenbank hat einen Wert abgelehnt ({first_line})") from exc
    print(
        f"{summary.companies_created} Unternehmen neu, {summary.companies_updated} aktualisiert; "
        f"{summary.solutions_created} Lösungen neu, {summary.solutions_updated} aktualisiert."
    )
    return 0


def cmd_export(args) -> int:
    from itkoop.registry.catalog_io import export_catalog

    _migrate_if_needed()
    data = export_catalog()
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if args.file == "-":
        sys.stdout.write(text + "\n")
    else:
        Path(args.file).write_text(text + "\n", encoding="utf-8")
        print(f"{len(data['companies'])} Unternehmen nach {args.file} geschrieben.")
    return 0


def cmd_match(args) -> int:
    from itkoop.engine.serialize import match_to_dict
    from itkoop.matching.selectors import match_text
    from itkoop.matching.services import MatchRequestError, match_need, use_lemma_store

    _migrate_if_needed()
    use_lemma_store()  # a few words to lemmatise: looked up on disk, not 1.3 million entries decoded
    try:
        result = match_need(
            text=args.text,
            top_k=args.top,
            hub=args.hub,
            max_partners=args.max_partners,
            add_capabilities=tuple(args.add_capability or ()),
            remove_capabilities=tuple(args.remove_capability or ()),
            must_standards=tuple(args.must_standard or ()),
            deployment=args.deployment or "",
        )
    except MatchRequestError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print(json.dumps(match_to_dict(result), ensure_ascii=False, indent=1))
    else:
        print(match_text(result))
    return 0


def cmd_partners(args) -> int:
    from itkoop.engine.serialize import partners_to_dict
    from itkoop.matching.selectors import partners_text
    from itkoop.matching.services import (
        MatchRequestError,
        rank_partners_for,
        use_lemma_store,
        use_partner_store,
    )

    _migrate_if_needed()
    use_lemma_store()  # a few words to lemmatise: looked up on disk, not 1.3 million entries decoded
    use_partner_store()  # the partner index memory-mapped, a few records decoded: not the whole catalog
    try:
        result = rank_partners_for(
            company_id=args.company_id, need_text=args.need, top_k=args.top, max_km=args.max_km
        )
    except MatchRequestError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print(json.dumps(partners_to_dict(result), ensure_ascii=False, indent=1))
    else:
        print(partners_text(result))
    return 0


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def gunicorn_argv(*, host: str, port: int, workers: int, threads: int, timeout: int) -> list[str]:
    """The command line of the production server: gunicorn with threaded workers, the app loaded once in the
    master before the workers fork (they share its memory, and an import error stops the start at once)."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "itkoop.wsgi:application",
        f"--bind={bind}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads}",
        f"--timeout={timeout}",
        "--graceful-timeout=30",
        "--preload",
        # A worker is replaced after this many requests, so that slow memory growth cannot add up.
        "--max-requests=5000",
        "--max-requests-jitter=500",
        # No control socket: its default path is one per user, shared by every gunicorn of that user.
        "--no-control-socket",
        "--access-logfile=-",
        "--error-logfile=-",
    ]


def _static_sources_fingerprint() -> str:
    """Names, sizes and times of every static source file: changes when an app or npm package changes."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in sorted(finder.list([]), key=lambda item: item[0]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _collectstatic_if_changed() -> bool:
    """Collect the static files when the server does not read them from the apps themselves
    (WHITENOISE_USE_FINDERS off, as in production) and the sources changed since the last collection:
    compressing them all takes about half a minute, too long for every restart."""
    from django.conf import settings
    from django.core.management import call_command

    if settings.WHITENOISE_USE_FINDERS:
        return False
    stamp = Path(settings.STATIC_ROOT) / ".itkoop-sources"
    fingerprint = _static_sources_fingerprint()
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists() and stamp.exists() and stamp.read_text(encoding="utf-8") == fingerprint:
        return False
    print("Statische Dateien werden gesammelt und komprimiert …", file=sys.stderr, flush=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    stamp.write_text(fingerprint, encoding="utf-8")
    return True


def _cache_per_process() -> bool:
    from django.conf import settings

    from itkoop.core.checks import PER_PROCESS_CACHES

    return settings.CACHES.get("default", {}).get("BACKEND", "") in PER_PROCESS_CACHES


def cmd_serve(args) -> int:
    from django.conf import settings

    if settings.DEBUG and args.host not in LOOPBACK_HOSTS:
        # Debug pages show settings and code to anyone who can reach them: never beyond this machine.
        raise UsageError(
            f"Entwicklungseinstellungen (DEBUG) nur auf 127.0.0.1, nicht auf {args.host}; für einen Betrieb "
            "DJANGO_SETTINGS_MODULE=itkoop.settings.production setzen."
        )
    if not (settings.DEBUG or args.dev) and settings.ITKOOP_WEB_WORKERS > 1 and _cache_per_process():
        # Rate limits and login lockouts are counted in the cache: each worker would allow the limit again
        # (a deployment; development settings are for one person on this machine).
        raise UsageError(
            f"{settings.ITKOOP_WEB_WORKERS} Worker-Prozesse brauchen einen gemeinsamen Cache für die "
            "Ratenbegrenzung: REDIS_URL setzen (oder ITKOOP_WEB_WORKERS=1)."
        )
    _migrate_if_needed(verbosity=1)
    if not os.environ.get("ITKOOP_SITE_URL") and (settings.DEBUG or args.dev):
        # Links in e-mails lead to this server when no public address is declared (never in production,
        # where a missing address is an error of `check --deploy`, not a reason to link to 0.0.0.0).
        settings.ITKOOP_SITE_URL = os.environ["ITKOOP_SITE_URL"] = f"http://{args.host}:{args.port}"
    if args.dev:
        from django.core.management import call_command

        call_command("runserver", f"{args.host}:{args.port}", use_reloader=False)
        return 0
    _collectstatic_if_changed()
    argv = gunicorn_argv(
        host=args.host,
        port=args.port,
        workers=settings.ITKOOP_WEB_WORKERS,
        threads=settings.ITKOOP_WEB_THREADS,
        timeout=settings.ITKOOP_WEB_TIMEOUT_S,
    )
    sys.stdout.flush()
    sys.stderr.flush()
    # Replace this process: signals from systemd or the terminal reach gunicorn's master directly.
    os.execv(argv[0], argv)  # noqa: S606 - our own fixed argv, no shell
    return 0  # not reached


def cmd_backup(args) -> int:
    from itkoop.core.backup import create_backup

    info = create_backup(args.file)
    print(
        f"Gesichert nach {args.file}: {info.rows} Zeilen in {info.tables} Tabellen ({info.vendor}), "
        f"{info.files} Dateien."
    )
    return 0


def cmd_restore(args) -> int:
    from itkoop.core.backup import restore_backup

    info = restore_backup(args.file)
    _migrate_if_needed(verbosity=1)  # a backup of an older version gets this version's schema
    print(
        f"Zurückgespielt aus {args.file} (Stand {info.created}): {info.rows} Zeilen in {info.tables} "
        f"Tabellen geprüft, {info.files} Dateien."
    )
    return 0


def cmd_demo(args) -> int:
    from itkoop.demo.catalog import build_demo_database, build_demo_extras

    summary = build_demo_database(seed=args.seed, progress=_progress_printer("Demo-Daten"))
    print("\n".join([*summary.lines(), *build_demo_extras(seed=args.seed)]))
    if args.no_serve:
        return 0
    args.dev = True  # the demo is for trying out on this machine: the development server, debug pages on
    return cmd_serve(args)


def _celery_app():
    """The task queue's app, refused with one line when no broker is set: then every task runs eagerly in the
    process that queues it and there is nothing for a worker to do."""
    from django.conf import settings

    if not settings.CELERY_BROKER_URL:
        raise UsageError(
            "kein Broker eingestellt: ITKOOP_BROKER_URL=redis://127.0.0.1:6379/0 setzen "
            "(ohne Broker laufen alle Aufgaben sofort im Webprozess)"
        )
    from itkoop.taskqueue import app

    return app


def cmd_worker(args) -> int:
    app = _celery_app()
    argv = ["worker", f"--loglevel={args.loglevel}", f"--concurrency={args.concurrency}"]
    app.worker_main(argv)
    return 0


def cmd_beat(args) -> int:
    from django.conf import settings

    app = _celery_app()
    Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent.mkdir(parents=True, exist_ok=True)
    app.start(["beat", f"--loglevel={args.loglevel}"])
    return 0


def cmd_manage(args) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["itkoop manage", *args.rest])
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' ist keine ganze Zahl") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' muss mindestens 1 sein")
    return number


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line on stderr, as the contract asks
        self.exit(2, f"itkoop: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="itkoop", description="itkoop – Kooperationsplattform IT-Wirtschaft")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)

    p = sub.add_parser("import", help="Katalog (catalog.schema.json) importieren")
    p.add_argument("file")
    p.add_argument(
        "--untrusted",
        action="store_true",
        help="Datei nicht von Mitarbeitenden geprüft: 'verified' und Gütesiegel nicht übernehmen "
        "(bestehende Unternehmen behalten ihre, neue sind ungeprüft und ohne Siegel)",
    )
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="Katalog exportieren")
    p.add_argument("file", help="Zieldatei oder - für die Standardausgabe")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("backup", help="Datenbank und Dateien in eine Datei sichern")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser(
        "restore", help="Sicherung zurückspielen: ersetzt die ganze Datenbank und alle Dateien der Plattform"
    )
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("match", help="Bedarf beschreiben, Gesamtangebote erhalten")
    p.add_argument("text")
    p.add_argument("--top", type=_positive, default=5)
    p.add_argument("--hub")
    p.add_argument("--max-partners", type=_positive)
    # the customer's corrections of what the text names; each repeatable
    p.add_argument("--add-capability", action="append", metavar="ID", help="Baustein zusätzlich suchen")
    p.add_argument(
        "--remove-capability", action="append", metavar="ID", help="erkannten Baustein nicht suchen"
    )
    p.add_argument(
        "--must-standard", action="append", metavar="ID", help="Schnittstelle, die jedes Angebot haben muss"
    )
    p.add_argument(
        "--deployment",
        choices=("any", *DEPLOYMENTS),
        help="wie jede Lösung laufen muss (any: egal, was der Text sagt; ohne: wie der Text sagt)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("partners", help="Ergänzende Partner für ein Unternehmen")
    p.add_argument("company_id")
    p.add_argument("--need")
    p.add_argument("--top", type=_positive, default=10)
    p.add_argument("--max-km", type=_positive, help="nur Partner in diesem Umkreis (km)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_partners)

    for name, func in (("serve", cmd_serve), ("demo", cmd_demo)):
        p = sub.add_parser(
            name, help="Plattform starten" if name == "serve" else "Demo-Datenbank anlegen und starten"
        )
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=_positive, default=8000)
        if name == "serve":
            p.add_argument(
                "--dev",
                action="store_true",
                help="Djangos Entwicklungsserver statt gunicorn (ein Prozess, nur zum Ausprobieren)",
            )
        if name == "demo":
            p.add_argument("--seed", type=int, default=2026)
            p.add_argument("--no-serve", action="store_true", help="nur die Demo-Datenbank anlegen")
        p.set_defaults(func=func)

    p = sub.add_parser("worker", help="Hintergrundaufgaben abarbeiten (braucht ITKOOP_BROKER_URL)")
    p.add_argument("--concurrency", type=_positive, default=2, help="gleichzeitige Aufgaben")
    p.add_argument("--loglevel", default="INFO")
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("beat", help="Zeitplan der regelmäßigen Aufgaben (braucht ITKOOP_BROKER_URL)")
    p.add_argument("--loglevel", default="INFO")
    p.set_defaults(func=cmd_beat)

    p = sub.add_parser("manage", help="Django-Verwaltungsbefehle")
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)
    return parser


# Commands that only read and print: run as the process's own command (not called by a test or another
# program), they load no admin modules, skip the garbage collector's passes over Django's start, and end
# without the interpreter's teardown, which frees every object and module one by one (together a quarter of
# a second of `itkoop partners` on the development catalog) for a process that is gone anyway.
QUICK_COMMANDS = frozenset({"match", "partners"})


def _exit_now(status: int) -> None:
    """Ends the process at once, after what an exit would still do that matters: output written, database
    connections closed (the server sees a clean goodbye), log handlers flushed."""
    import logging

    from django.db import connections

    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (`| head`), a closed stream: nothing left to write
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    connections.close_all()
    logging.shutdown()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    quick = argv is None and args.command in QUICK_COMMANDS
    if quick:
        # Django's start makes objects that live as long as the process, no garbage: the collector's passes
        # over them are skipped during the start and, once they are frozen, afterwards.
        gc.disable()
    _setup_django(without_admin_modules=quick)
    if quick:
        gc.freeze()
        gc.enable()
    from itkoop.core.backup import BackupError
    from itkoop.registry.services import CatalogError

    try:
        status = args.func(args)
    except (UsageError, CatalogError, BackupError) as exc:
        print(f"itkoop: {exc}", file=sys.stderr)
        status = 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0
    if quick:
        _exit_now(status)
    return status


if __name__ == "__main__":
    sys.exit(main())
