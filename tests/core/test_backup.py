"""`itkoop backup FILE` and `itkoop restore FILE`: database and files back as they were (row counts and a
content hash per table), a file from a newer schema refused with one line and nothing changed."""

import io
import json
import tarfile

import pytest
from django.db import connection
from django.test import override_settings

from itkoop import cli
from itkoop.core.backup import META, BackupError, create_backup, database_fingerprint, restore_backup
from itkoop.registry.catalog_io import import_catalog, read_catalog_file
from itkoop.registry.models import Company, Solution

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "media"
    (folder / "private").mkdir(parents=True)
    (folder / "private" / "angebot.pdf").write_bytes(b"%PDF-1.7 original")
    with override_settings(MEDIA_ROOT=folder):
        yield folder


@pytest.fixture
def catalog(mini_catalog_path):
    if connection.vendor == "postgresql":
        import shutil

        if not shutil.which("pg_dump"):
            pytest.skip("pg_dump is not installed")
    import_catalog(read_catalog_file(mini_catalog_path), attested_from_file=True)


def _rewrite_meta(source, target, change) -> None:
    """A copy of a backup whose description `change` altered."""
    with tarfile.open(source, "r:gz") as old, tarfile.open(target, "w:gz") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read() if member.isfile() else None
            if member.name == META:
                meta = json.loads(data)
                change(meta)
                data = json.dumps(meta).encode()
                member.size = len(data)
            new.addfile(member, io.BytesIO(data) if data is not None else None)


def test_restore_gives_back_the_database_and_the_files(catalog, media, tmp_path):
    original = database_fingerprint()
    info = create_backup(tmp_path / "sicherung.tar.gz")
    assert info.files == 1 and info.rows == sum(count for count, _ in original.values())

    Company.objects.filter(external_id="c1").delete()
    Solution.objects.update(name="geändert")
    (media / "private" / "angebot.pdf").write_bytes(b"overwritten")
    (media / "neu.txt").write_text("after the backup")
    assert database_fingerprint() != original

    restore_backup(tmp_path / "sicherung.tar.gz")
    assert database_fingerprint() == original
    assert Company.objects.filter(external_id="c1").exists()
    assert not Solution.objects.filter(name="geändert").exists()
    assert (media / "private" / "angebot.pdf").read_bytes() == b"%PDF-1.7 original"
    assert not (media / "neu.txt").exists()


def test_a_backup_from_a_newer_schema_is_refused_and_changes_nothing(catalog, media, tmp_path, capsys):
    create_backup(tmp_path / "sicherung.tar.gz")
    _rewrite_meta(
        tmp_path / "sicherung.tar.gz",
        tmp_path / "neuer.tar.gz",
        lambda meta: meta["migrations"].append(["registry", "9999_from_the_future"]),
    )
    Company.objects.filter(external_id="c1").delete()
    (media / "neu.txt").write_text("after the backup")
    changed = database_fingerprint()

    assert cli.main(["restore", str(tmp_path / "neuer.tar.gz")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "registry.9999_from_the_future" in err and "neueren" in err
    assert database_fingerprint() == changed
    assert (media / "neu.txt").exists()


def test_a_file_that_is_no_backup_is_refused(media, tmp_path):
    junk = tmp_path / "kein.tar.gz"
    junk.write_text("just text")
    before = database_fingerprint()
    with pytest.raises(BackupError, match="keine itkoop-Sicherung"):
        restore_backup(junk)
    assert database_fingerprint() == before


def test_a_backup_of_the_other_database_kind_is_refused(catalog, media, tmp_path):
    create_backup(tmp_path / "sicherung.tar.gz")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    _rewrite_meta(tmp_path / "sicherung.tar.gz", tmp_path / "andere.tar.gz", lambda m: m.update(vendor=other))
    with pytest.raises(BackupError, match="DATABASE_URL"):
        restore_backup(tmp_path / "andere.tar.gz")


def test_backup_command_writes_one_file(catalog, media, tmp_path, capsys):
    assert cli.main(["backup", str(tmp_path / "b.tar.gz")]) == 0
    assert "Gesichert" in capsys.readouterr().out
    with tarfile.open(tmp_path / "b.tar.gz") as archive:
        names = archive.getnames()
    assert META in names and "media/private/angebot.pdf" in names
    assert not (tmp_path / "b.tar.gz.part").exists()
