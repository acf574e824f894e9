"""`itkoop serve` runs gunicorn (workers from the settings), `itkoop serve --dev` Django's development server,
and never exposes development settings (debug pages) beyond this machine."""

import json
import os
import socket
import subprocess
import sys
import urllib.request

import pytest
from django.test import override_settings

from itkoop import cli

from .conftest import REPO


@pytest.fixture(autouse=True)
def _site_url_kept(settings, monkeypatch):
    """`serve` sets the site's address for the process it starts (here: this one); the next test in the
    same worker must still see the test settings' address, or its mail and QR links point elsewhere."""
    settings.ITKOOP_SITE_URL = settings.ITKOOP_SITE_URL  # restored by pytest-django after the test
    monkeypatch.setenv("ITKOOP_SITE_URL", "")  # recorded, so the variable is removed again afterwards
    monkeypatch.delenv("ITKOOP_SITE_URL")


def _clean_env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", PYTHONPATH=str(REPO / "src"))
    return env


def test_serve_with_debug_settings_refuses_a_public_address(tmp_path):
    for extra in ([], ["--dev"]):
        result = subprocess.run(
            [sys.executable, "-m", "itkoop.cli", "serve", "--host", "0.0.0.0", *extra],  # noqa: S104
            capture_output=True,
            text=True,
            env=_clean_env(tmp_path),
            timeout=120,
            check=False,
        )
        assert result.returncode == 2
        assert "itkoop.settings.production" in result.stderr and len(result.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "db.sqlite3").exists()  # refused before touching the database


def test_gunicorn_command_line():
    argv = cli.gunicorn_argv(host="0.0.0.0", port=8080, workers=3, threads=5, timeout=45)  # noqa: S104
    assert argv[:4] == [sys.executable, "-m", "gunicorn", "itkoop.wsgi:application"]
    for option in ("--bind=0.0.0.0:8080", "--workers=3", "--threads=5", "--timeout=45", "--preload"):
        assert option in argv
    assert "--bind=[::1]:8000" in cli.gunicorn_argv(host="::1", port=8000, workers=1, threads=1, timeout=1)


SHARED_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}
}


@pytest.mark.django_db
def test_serve_execs_gunicorn_with_the_workers_from_the_settings(monkeypatch):
    calls = []
    monkeypatch.setattr(cli.os, "execv", lambda path, argv: calls.append(argv))
    workers = {"ITKOOP_WEB_WORKERS": 3, "ITKOOP_WEB_THREADS": 2, "ITKOOP_WEB_TIMEOUT_S": 30}
    with override_settings(CACHES=SHARED_CACHE, **workers):
        assert cli.main(["serve", "--port", "8123"]) == 0
    [argv] = calls
    assert "gunicorn" in argv and "--bind=127.0.0.1:8123" in argv
    assert {"--workers=3", "--threads=2", "--timeout=30"} <= set(argv)


def test_serve_refuses_several_workers_without_a_shared_cache(monkeypatch, capsys):
    """Each worker would count rate limits and login lockouts alone: two workers, twice the limit."""
    monkeypatch.setattr(cli.os, "execv", lambda *a: pytest.fail("gunicorn started"))
    monkeypatch.setattr(cli, "_migrate_if_needed", lambda **kw: pytest.fail("database touched"))
    with override_settings(ITKOOP_WEB_WORKERS=2):  # the test settings' cache is per process
        assert cli.main(["serve", "--port", "8125"]) == 2
    error = capsys.readouterr().err
    assert "REDIS_URL" in error and len(error.strip().splitlines()) == 1


@pytest.mark.django_db
def test_serve_with_one_worker_needs_no_shared_cache(monkeypatch):
    calls = []
    monkeypatch.setattr(cli.os, "execv", lambda path, argv: calls.append(argv))
    with override_settings(ITKOOP_WEB_WORKERS=1):
        assert cli.main(["serve", "--port", "8126"]) == 0
    assert "--workers=1" in calls[0]


@pytest.mark.django_db
def test_serve_dev_runs_the_development_server(monkeypatch):
    commands = []
    monkeypatch.setattr(cli.os, "execv", lambda *a: pytest.fail("gunicorn started for --dev"))
    monkeypatch.setattr(
        "django.core.management.call_command", lambda name, *args, **kw: commands.append((name, args))
    )
    assert cli.main(["serve", "--dev", "--port", "8124"]) == 0
    assert ("runserver", ("127.0.0.1:8124",)) in commands


def test_collectstatic_runs_once_until_the_sources_change(tmp_path, monkeypatch):
    source = tmp_path / "src"
    source.mkdir()
    (source / "a.css").write_text("body { color: black }")
    collected = []
    monkeypatch.setattr("django.core.management.call_command", lambda name, **kw: collected.append(name))
    with override_settings(
        WHITENOISE_USE_FINDERS=False,
        STATIC_ROOT=tmp_path / "static",
        STATICFILES_DIRS=[source],
        INSTALLED_APPS=["django.contrib.staticfiles"],
    ):
        (tmp_path / "static").mkdir()
        (tmp_path / "static" / "staticfiles.json").write_text("{}")
        assert cli._collectstatic_if_changed() is True
        assert cli._collectstatic_if_changed() is False
        (source / "a.css").write_text("body { color: navy }")
        assert cli._collectstatic_if_changed() is True
    assert collected == ["collectstatic", "collectstatic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_gunicorn_serves_the_health_endpoint(tmp_path):
    """The real server on a free port, with the argv `itkoop serve` builds, answers /healthz."""
    port = _free_port()
    env = _clean_env(tmp_path)
    env["DJANGO_SETTINGS_MODULE"] = "itkoop.settings.test"
    argv = cli.gunicorn_argv(host="127.0.0.1", port=port, workers=1, threads=2, timeout=30)
    output = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "text": True}
    with subprocess.Popen(argv, env=env, **output) as server:
        try:
            # The app is preloaded before gunicorn binds; once it listens, a request waits for the worker.
            for line in server.stderr:
                if "Listening at" in line:
                    break
            else:
                pytest.fail("gunicorn stopped before it listened")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60) as response:
                assert response.status == 200
                body = json.loads(response.read())
            assert body == {"status": "ok", "database": "ok", "broker": "not configured"}
        finally:
            server.terminate()
            server.wait(timeout=60)
