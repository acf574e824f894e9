"""The layers are a checked fact: the import-linter contracts in pyproject.toml hold, and they do catch a
forbidden import (so a contract that silently checks nothing would fail here too). CI runs `make test` only,
so this is where the contracts run in CI; `make lint` runs them as well."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = [
    sys.executable,
    "-c",
    "from importlinter.cli import lint_imports_command; lint_imports_command()",
]


def _lint_imports(source_root: Path, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LINT_IMPORTS, "--config", str(ROOT / "pyproject.toml"), "--no-cache", "--no-logo"],
        cwd=cwd,
        env={"PYTHONPATH": str(source_root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_import_contracts_hold():
    result = _lint_imports(ROOT / "src", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _all_but_python_files(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if n == "__pycache__" or not (n.endswith(".py") or (Path(folder) / n).is_dir())]


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        (
            "engine/need.py",
            "import django",
            "The engine and the scheduler are plain Python: no Django, no app",
        ),
        (
            "core/models.py",
            "from itkoop.registry import selectors",
            "Core is the base: it imports no feature app",
        ),
        (
            "matching/adapter.py",
            "from itkoop.cooperation import selectors",
            "Apps depend downwards only, so no cycles between them",
        ),
        (
            "events/selectors.py",
            "from itkoop.registry.models import Company",
            "Other code reaches registry only through its services and selectors",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, line, broken):
    """The same contracts over a copy of the sources (Python files only) with one forbidden import added."""
    shutil.copytree(
        ROOT / "src" / "itkoop",
        tmp_path / "src" / "itkoop",
        ignore=_all_but_python_files,
    )
    target = tmp_path / "src" / "itkoop" / module
    target.write_text(f"{line}  # noqa\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    result = _lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{broken} BROKEN" in result.stdout
