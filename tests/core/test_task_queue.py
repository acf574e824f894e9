"""The task queue's wiring: periodic jobs name real tasks, and `itkoop worker` / `itkoop beat` refuse clearly
without a broker (then every task runs eagerly in the process that queues it)."""

import os
import subprocess
import sys

import pytest
from celery import Task
from celery.schedules import crontab
from django.conf import settings
from django.utils.module_loading import import_string

from itkoop.cli import main
from itkoop.taskqueue import app

from ..conftest import REPO


@pytest.mark.parametrize("name", sorted(settings.ITKOOP_PERIODIC_JOBS))
def test_each_periodic_job_names_a_task_of_its_app(name):
    entry = settings.ITKOOP_PERIODIC_JOBS[name]
    task = import_string(entry["task"])
    assert isinstance(task, Task) and task.name == entry["task"]
    assert task.app is app


def test_the_beat_schedule_holds_each_periodic_job_with_its_time():
    schedule = app.conf.beat_schedule
    assert set(schedule) == set(settings.ITKOOP_PERIODIC_JOBS)
    assert schedule["meeting-day-reminders"] == {
        "task": "itkoop.events.tasks.send_reminders",
        "schedule": crontab(minute=15, hour=9),
    }
    assert schedule["notification-digests"]["schedule"] == 24 * 3600.0


# Run in a fresh interpreter: Django's start does not load the task library (a process that queues nothing
# does not pay for it), and every task still runs on the configured app once its module is imported.
TASKS_AFTER_SETUP = """
import importlib, sys, django
django.setup()
print("celery loaded at setup:", "celery" in sys.modules)
for app_config in django.apps.apps.get_app_configs():
    if app_config.name.startswith("itkoop."):
        try:
            module = importlib.import_module(app_config.name + ".tasks")
        except ModuleNotFoundError:
            continue
        for task in [t for t in vars(module).values() if hasattr(t, "delay")]:
            print(task.name, task.app.main, task.app.conf.task_always_eager)
"""


def test_the_task_library_loads_with_the_first_task_module_and_binds_its_tasks_to_the_app(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ITKOOP_", "DJANGO_"))}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PYTHONPATH=str(REPO / "src"),
        DJANGO_SETTINGS_MODULE="itkoop.settings.test",
    )
    result = subprocess.run(
        [sys.executable, "-c", TASKS_AFTER_SETUP], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "celery loaded at setup: False"
    tasks = dict(line.split(" ", 1) for line in lines[1:])
    assert {job["task"] for job in settings.ITKOOP_PERIODIC_JOBS.values()} <= set(tasks)
    assert "itkoop.notifications.tasks.deliver_notifications" in tasks
    assert set(tasks.values()) == {"itkoop True"}  # the project's app, eager without a broker


@pytest.mark.parametrize("command", ["worker", "beat"])
def test_worker_and_beat_refuse_without_a_broker(command, capsys):
    assert main([command]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ITKOOP_BROKER_URL" in err
