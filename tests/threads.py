"""Run a function in several threads at once, each with its own database connection (concurrency tests).

Use with `pytest.mark.django_db(transaction=True)` and the `threads_share_database` fixture
(tests/conftest.py), which skips where threads cannot wait for each other's locks (in-memory SQLite)."""

from __future__ import annotations

import threading

from django.db import connection


def in_threads(target, args_list) -> tuple[list, list[BaseException]]:
    """Run target(*args) in one thread per args, released together; return (results, exceptions raised)."""
    barrier = threading.Barrier(len(args_list))
    results: list = []
    errors: list[BaseException] = []

    def run(*args):
        try:
            barrier.wait(timeout=30)
            results.append(target(*args))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    return results, errors
