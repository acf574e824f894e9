"""`itkoop serve` never exposes development settings (debug pages) beyond this machine."""

import os
import subprocess
import sys

from .conftest import REPO


def test_serve_with_debug_settings_refuses_a_public_address(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", PYTHONPATH=str(REPO / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "itkoop.cli", "serve", "--host", "0.0.0.0"],  # noqa: S104 - the case under test
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "itkoop.settings.production" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "db.sqlite3").exists()  # refused before touching the database
