"""Production settings pass Django's deployment checks and take their secrets from the environment."""

import os
import secrets
import subprocess
import sys

from ..conftest import REPO


def _check_deploy(extra_env: dict) -> subprocess.CompletedProcess:
    # The browser tests' async-safety switch belongs to the test harness, not to a deployment.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ITKOOP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "itkoop.settings.production",
            "ITKOOP_ALLOWED_HOSTS": "itkoop.example.org",
            "ITKOOP_SITE_URL": "https://itkoop.example.org",
            "ITKOOP_BROKER_URL": "redis://127.0.0.1:6379/0",
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            **extra_env,
        }
    )
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _check_deploy(
        {
            "ITKOOP_SECRET_KEY": secrets.token_urlsafe(64),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _check_deploy({"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"})
    assert result.returncode != 0
    assert "ITKOOP_SECRET_KEY" in result.stderr


def _deploy_env(tmp_path, **extra) -> dict:
    return {
        "ITKOOP_SECRET_KEY": secrets.token_urlsafe(64),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    }


def test_check_deploy_fails_without_a_site_url(tmp_path):
    result = _check_deploy(_deploy_env(tmp_path, ITKOOP_SITE_URL=""))
    assert result.returncode != 0
    assert "itkoop.E001" in result.stderr + result.stdout


def test_check_deploy_fails_with_the_console_mail_backend(tmp_path):
    backend = "django.core.mail.backends.console.EmailBackend"
    result = _check_deploy(_deploy_env(tmp_path, ITKOOP_EMAIL_BACKEND=backend))
    assert result.returncode != 0
    assert "itkoop.E002" in result.stderr + result.stdout


def test_check_deploy_fails_without_a_task_broker(tmp_path):
    result = _check_deploy(_deploy_env(tmp_path, ITKOOP_BROKER_URL=""))
    assert result.returncode != 0
    assert "itkoop.E003" in result.stderr + result.stdout


def test_check_deploy_fails_without_a_shared_cache(tmp_path):
    """Rate limits and login lockouts counted per worker process would not limit anything."""
    result = _check_deploy(_deploy_env(tmp_path, REDIS_URL=""))
    assert result.returncode != 0
    assert "itkoop.E004" in result.stderr + result.stdout
