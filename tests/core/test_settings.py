"""Every setting the code reads is declared in settings/base.py, and every environment variable the settings
read is listed in the README."""

import re

from django.conf import global_settings

from ..conftest import REPO

SRC = REPO / "src" / "itkoop"
READ = re.compile(r"""settings\.([A-Z][A-Z0-9_]+)|getattr\(\s*settings,\s*["']([A-Z][A-Z0-9_]+)["']""")
ASSIGNED = re.compile(r"^([A-Z][A-Z0-9_]+)\s*(?::[^=]+)?=", re.MULTILINE)
ENV = re.compile(r"""os\.environ(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""")


def _code_files():
    return [p for p in SRC.rglob("*.py") if "settings" not in p.parts and "migrations" not in p.parts]


def test_every_setting_read_is_declared_in_base():
    declared = set(ASSIGNED.findall((SRC / "settings" / "base.py").read_text(encoding="utf-8")))
    django_defaults = {name for name in dir(global_settings) if name.isupper()}
    missing = {}
    for path in _code_files():
        for match in READ.finditer(path.read_text(encoding="utf-8")):
            name = match.group(1) or match.group(2)
            if name not in declared and name not in django_defaults:
                missing.setdefault(name, str(path.relative_to(REPO)))
    assert missing == {}


def test_every_environment_variable_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = set()
    for path in (SRC / "settings").glob("*.py"):
        names |= set(ENV.findall(path.read_text(encoding="utf-8")))
    names |= {"ITKOOP_EMAIL_USE_TLS", "ITKOOP_EMAIL_USE_SSL"}  # read through env_bool
    assert names - {"DJANGO_SETTINGS_MODULE"}, "the scan found no variables at all"
    assert sorted(n for n in names if f"`{n}`" not in readme) == []
