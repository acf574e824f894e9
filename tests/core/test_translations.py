"""English is complete: every German source string in code and templates has an English translation."""

import shutil
import subprocess
import sys

import pytest

from ..conftest import REPO

PO_FILE = REPO / "src" / "itkoop" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(po_text: str) -> dict[str, str]:
    """msgid -> msgstr (first plural form) of a .po file, without fuzzy entries; enough for this check."""
    entries: dict[str, str] = {}
    for block in po_text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""\n"Project' not in block:
            continue
        msgid, msgstr, current = [], [], None
        for line in block.splitlines():
            if line.startswith("msgid "):
                msgid = [line[6:]]
                current = msgid
            elif line.startswith("msgid_plural"):
                current = None
            elif line.startswith(("msgstr ", "msgstr[0] ")):
                msgstr = [line.split(" ", 1)[1]]
                current = msgstr
            elif line.startswith("msgstr["):
                current = None
            elif line.startswith('"') and current is not None:
                current.append(line)
        key = "".join(part.strip('"') for part in msgid)
        if key:
            entries[key] = "".join(part.strip('"') for part in msgstr)
    return entries


def test_every_entry_is_translated():
    entries = _entries(PO_FILE.read_text(encoding="utf-8"))
    missing = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert entries and not missing, f"untranslated: {missing[:20]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is installed by `make install`")
def test_no_source_string_is_missing_from_the_catalog(tmp_path):
    tree = tmp_path / "itkoop"
    shutil.copytree(REPO / "src" / "itkoop", tree, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"],
        cwd=tree,
        check=True,
        capture_output=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src")},
    )
    fresh = _entries((tree / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8"))
    current = _entries(PO_FILE.read_text(encoding="utf-8"))
    missing = sorted(set(fresh) - {k for k, v in current.items() if v})
    assert not missing, f"run makemessages and translate: {missing[:20]}"


def test_the_catalog_reader_joins_continued_lines_and_sees_gaps():
    sample = "\n".join(
        [
            'msgid ""',
            'msgstr ""',
            '"Project-Id-Version: x\\n"',
            "",
            'msgid "Kurz"',
            'msgstr ""',
            '"Short"',
            "",
            'msgid ""',
            '"Lang "',
            '"und zweiteilig"',
            'msgstr ""',
            "",
        ]
    )
    assert _entries(sample) == {"Kurz": "Short", "Lang und zweiteilig": ""}
