"""The task queue's wiring: periodic jobs name real tasks, and `itkoop worker` / `itkoop beat` refuse clearly
without a broker (then every task runs eagerly in the process that queues it)."""

import pytest
from celery import Task
from django.conf import settings
from django.utils.module_loading import import_string

from itkoop.cli import main


@pytest.mark.parametrize("name", sorted(settings.CELERY_BEAT_SCHEDULE))
def test_each_periodic_job_names_a_task_of_its_app(name):
    entry = settings.CELERY_BEAT_SCHEDULE[name]
    task = import_string(entry["task"])
    assert isinstance(task, Task) and task.name == entry["task"]


@pytest.mark.parametrize("command", ["worker", "beat"])
def test_worker_and_beat_refuse_without_a_broker(command, capsys):
    assert main([command]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ITKOOP_BROKER_URL" in err
