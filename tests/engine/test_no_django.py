"""The engine is framework-free: importing every module of it imports no Django."""

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
ENGINE = SRC / "itkoop" / "engine"


def test_engine_imports_no_django():
    modules = sorted(f"itkoop.engine.{p.stem}" for p in ENGINE.glob("*.py") if p.stem != "__init__")
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules)
    code += (
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\nassert not bad, bad\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = f"import sys; sys.path.insert(0, {str(SRC)!r})\n" + code
    done = subprocess.run(
        [sys.executable, "-I", "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert len(modules) >= 8
