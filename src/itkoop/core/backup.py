"""Backup and restore of the whole platform in one file: the database and the files under MEDIA_ROOT.

A backup is a gzip'd tar archive with three kinds of member:

* ``itkoop-backup.json``: format, database kind, the applied migrations (the schema) and a fingerprint of
  every table (row count and a hash of its rows), so that a restore can check its result;
* ``database.sqlite3`` (SQLite's online backup of the live database, consistent while others write) or
  ``database.pgdump`` (``pg_dump --format=custom``);
* ``media/...``: the files the platform made for people (document PDFs).

A restore refuses, with one line and before it changes anything, a file that is no itkoop backup, one of the
other database kind, and one from a newer schema (a migration this version does not know). It replaces the
database in one transaction (SQLite's backup API; on PostgreSQL the dump goes through ``psql
--single-transaction`` after the schema is emptied), then swaps the folder of files, then checks the
fingerprint. A backup from an older schema is migrated afterwards by the caller."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "itkoop-backup/1"
META = "itkoop-backup.json"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one German line."""


@dataclass(frozen=True)
class BackupInfo:
    vendor: str
    created: str
    tables: int
    rows: int
    files: int


# --- fingerprint ---------------------------------------------------------------------------------------


def database_fingerprint() -> dict[str, list]:
    """Per table: [row count, SHA-256 of its rows in the order of the first column (the id)]."""
    result = {}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = [t.name for t in connection.introspection.get_table_list(cursor) if t.type == "t"]
        for table in sorted(tables):
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608 - names from the catalog
            digest = hashlib.sha256()
            count = 0
            while rows := cursor.fetchmany(2000):
                count += len(rows)
                for row in rows:
                    digest.update(repr(row).encode("utf-8", "surrogatepass"))
            result[table] = [count, digest.hexdigest()]
    return result


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def _vendor() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(f"Sicherung für {connection.vendor} nicht möglich (nur SQLite und PostgreSQL)")
    return connection.vendor


# --- PostgreSQL tools ----------------------------------------------------------------------------------


def _pg_args_and_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args.append(f"{flag}={db[key]}")
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} nicht gefunden: für PostgreSQL braucht itkoop die PostgreSQL-Werkzeuge")
    return path


def _run_pg_tool(argv: list[str], env: dict, stdin=None) -> None:
    command = [_tool(argv[0]), *argv[1:]]
    # Fixed arguments from the settings, no shell.
    result = subprocess.run(command, env=env, stdin=stdin, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        first = (result.stderr.strip().splitlines() or ["ohne Meldung"])[0]
        raise BackupError(f"{argv[0]} ist gescheitert: {first}")


# --- backup --------------------------------------------------------------------------------------------


def create_backup(target: str | Path) -> BackupInfo:
    """Write database and files to ``target`` (written beside it first, then renamed: never half a file)."""
    target = Path(target)
    vendor = _vendor()
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="itkoop-backup-") as tmp:
        dump = Path(tmp) / DUMP_NAMES[vendor]
        fingerprint = database_fingerprint()
        meta = {
            "format": FORMAT,
            "vendor": vendor,
            "created": timezone.now().isoformat(),
            "migrations": _applied_migrations(),
            "tables": fingerprint,
        }
        if vendor == "sqlite":
            connection.ensure_connection()
            with sqlite3.connect(dump) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            args, env = _pg_args_and_env()
            name = connection.settings_dict["NAME"]
            _run_pg_tool(
                [
                    "pg_dump",
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={dump}",
                    name,
                ],
                env,
            )
        meta_file = Path(tmp) / META
        meta_file.write_text(json.dumps(meta, indent=1), encoding="utf-8")
        files = sorted(p for p in media.rglob("*") if p.is_file()) if media.is_dir() else []
        partial = target.with_name(target.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(meta_file, META)
            archive.add(dump, dump.name)
            for path in files:
                archive.add(path, f"media/{path.relative_to(media).as_posix()}")
        partial.replace(target)
    rows = sum(count for count, _ in fingerprint.values())
    return BackupInfo(vendor, meta["created"], len(fingerprint), rows, len(files))


# --- restore -------------------------------------------------------------------------------------------


def read_meta(source: str | Path) -> dict:
    """The description of a backup, or BackupError when the file is none."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile(META)
            meta = json.loads(member.read().decode("utf-8")) if member else None
    except FileNotFoundError as exc:
        raise BackupError(f"{source}: Datei nicht gefunden") from exc
    except (tarfile.TarError, KeyError, OSError, ValueError) as exc:
        raise BackupError(f"{source}: keine itkoop-Sicherung") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise BackupError(f"{source}: keine itkoop-Sicherung im Format {FORMAT}")
    return meta


def check_restorable(source: str | Path, meta: dict) -> None:
    """Refuse before anything changes: the other database kind, or a schema newer than this version."""
    vendor = _vendor()
    if meta.get("vendor") != vendor:
        raise BackupError(
            f"{source}: Sicherung einer {meta.get('vendor')}-Datenbank, eingestellt ist {vendor} "
            "(DATABASE_URL prüfen)"
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [f"{app}.{name}" for app, name in meta.get("migrations", []) if (app, name) not in known]
    if unknown:
        raise BackupError(
            f"{source}: die Sicherung stammt von einer neueren itkoop-Version (unbekannte Migration "
            f"{unknown[0]}); zuerst itkoop aktualisieren, nichts wurde verändert"
        )


def restore_backup(source: str | Path) -> BackupInfo:
    """Replace database and files with those of the backup; check the result against its fingerprint."""
    meta = read_meta(source)
    check_restorable(source, meta)
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="itkoop-restore-") as tmp:
        with tarfile.open(source, "r:gz") as archive:
            archive.extract(DUMP_NAMES[meta["vendor"]], tmp, filter="data")
        # The files are unpacked beside MEDIA_ROOT, so that the swap below is a rename on one file system.
        staged = Path(tempfile.mkdtemp(prefix=".restore-", dir=media.parent))
        try:
            with tarfile.open(source, "r:gz") as archive:
                members = [m for m in archive.getmembers() if m.name.startswith("media/")]
                archive.extractall(staged, members=members, filter="data")
            _restore_database(Path(tmp) / DUMP_NAMES[meta["vendor"]], meta["vendor"])
            _swap_folder(staged / "media", media)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    restored = database_fingerprint()
    expected = meta["tables"]
    differing = sorted(t for t in expected if restored.get(t) != expected[t])
    if differing:
        raise BackupError(
            f"{source}: zurückgespielt, aber die Tabelle {differing[0]} weicht von der Sicherung ab"
        )
    files = sum(1 for p in media.rglob("*") if p.is_file()) if media.is_dir() else 0
    rows = sum(count for count, _ in expected.values())
    return BackupInfo(meta["vendor"], meta["created"], len(expected), rows, files)


def _restore_database(dump: Path, vendor: str) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        # The backup API copies every page into the live database in one step: all or nothing.
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()
        return
    args, env = _pg_args_and_env()
    name = connection.settings_dict["NAME"]
    connection.close()  # our own session must not hold locks on the tables the restore drops
    with tempfile.TemporaryFile() as script:
        # An empty schema first, so that tables of a newer state than the backup do not stay behind.
        script.write(b"DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n")
        script.flush()
        sql = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [_tool("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
            stdout=script,
            stderr=subprocess.PIPE,
            text=False,
            check=False,
        )
        if sql.returncode != 0:
            message = sql.stderr.decode("utf-8", "replace").strip().splitlines() or [""]
            raise BackupError(f"pg_restore ist gescheitert: {message[0]}")
        script.seek(0)
        _run_pg_tool(
            ["psql", *args, "--quiet", "--no-psqlrc", "--single-transaction", "-v", "ON_ERROR_STOP=1", name],
            env,
            stdin=script,
        )


def _swap_folder(new: Path, current: Path) -> None:
    """Put ``new`` in the place of ``current`` (missing ``new``: an empty folder)."""
    if not new.exists():
        new.mkdir(parents=True)
    old = current.with_name(current.name + ".before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)
