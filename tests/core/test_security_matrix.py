"""The security matrix (tests/security_matrix.py) walked with the test client: for every route of the URL
inventory and every role, the GET and the form's POST answer as the matrix says; a POST that is not allowed
changes nothing, an allowed one does what it should (the database changes) and no GET writes. Every text of
the world carries script payloads (tests/world.py): no HTML answer may show one unescaped, in either language.

The world is built once per module inside a transaction that is rolled back at the end; each test (one per
route) runs in a savepoint inside it, and each POST in a savepoint of its own, so that an allowed delete does
not take the object away from the next role.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from ..security_matrix import MATRIX, data_of, query_of
from ..url_inventory import routes, url_of
from ..world import ROLES, XSS_PAYLOADS, build_world

pytestmark = pytest.mark.django_db
ROUTES = routes()
# Reference data no page writes (the taxonomy's tables are the largest of the world).
NOT_FINGERPRINTED = (
    "core.Hub",
    "core.Center",
    "core.ReferenceDataState",
    "registry.Capability",
    "registry.Standard",
)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world(xss=True)
        clients = {}
        for role in ROLES:
            client = Client()
            if built.users[role] is not None:
                client.force_login(built.users[role])
            clients[role] = client
        yield built, clients
        transaction.set_rollback(True)


def fingerprint() -> list:
    """Every row of the platform's tables but reference data and login times; cheap for the small world."""
    rows = []
    for model in apps.get_models(include_auto_created=True):
        if not model.__module__.startswith("itkoop.") or model._meta.label.startswith(NOT_FINGERPRINTED):
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
        rows.append((model._meta.label, list(model._default_manager.order_by("pk").values_list(*fields))))
    return rows


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303):
        return "in" if "/konto/login/" in response["Location"] else "ok"
    if 200 <= status < 300 or status == 400:
        return "ok"
    return str(status)


def _request(client: Client, method: str, url: str, data: dict | None = None):
    """One request that leaves the client's login as it was (a logout or account deletion would end it) and
    meets no rate limit of the requests before it.

    The test client closes the response itself; closing it again would send `request_finished` to Django's
    connection cleanup, which drops a PostgreSQL connection inside the module's transaction (and with it the
    world). A streamed answer is closed the same way once it is read."""
    cache.clear()
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    try:
        response = client.post(url, data or {}) if method == "POST" else client.get(url)
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    finally:
        client.cookies = cookies
    return response


def _leaks(response) -> list[str]:
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    body = response.content.decode()
    return [payload for payload in XSS_PAYLOADS if payload in body]


@pytest.mark.parametrize("route", ROUTES, ids=[r.key for r in ROUTES])
def test_route_answers_each_role_as_the_matrix_says(route, world):
    built, clients = world
    row = MATRIX[route.key]
    url = url_of(route, built)
    before = fingerprint()
    got_get, leaks = [], []
    for role in ROLES:
        response = _request(clients[role], "GET", url + query_of(row, built, "de", role))
        got_get.append(outcome(response))
        leaks += [f"{role} GET {url}: {p}" for p in _leaks(response)]
    # English pages show the English texts of the world: once, for the first role the page is open to
    allowed = [role for role, answer in zip(ROLES, got_get, strict=True) if answer == "ok"]
    if allowed and route.localized:
        english_url = url_of(route, built, "en") + query_of(row, built, "en", allowed[0])
        leaks += [
            f"{allowed[0]} GET {english_url}: {p}"
            for p in _leaks(_request(clients[allowed[0]], "GET", english_url))
        ]
    assert fingerprint() == before, f"a GET of {url} wrote to the database"
    got_post = []
    if row.post is not None:
        for role in ROLES:
            with transaction.atomic():
                response = _request(clients[role], "POST", url, data_of(row, built, role))
                changed = fingerprint() != before
                transaction.set_rollback(True)
            answer = outcome(response)
            if answer == "ok" and not changed:
                answer = "no"  # answered, but refused by the form or a business rule: nothing changed
            elif answer != "ok" and changed:
                answer += "!changed"
            got_post.append(answer)
            leaks += [f"{role} POST {url}: {p}" for p in _leaks(response)]
    observed = f'"{route.key}": Row(get="{" ".join(got_get)}"' + (
        f', post="{" ".join(got_post)}")' if got_post else ")"
    )
    assert " ".join(got_get) == row.get and (row.post is None or " ".join(got_post) == row.post), (
        f"{url} answers otherwise than the matrix says; observed:\n{observed}"
    )
    assert not leaks, "unescaped script payloads:\n" + "\n".join(leaks)


def test_the_payloads_reach_the_pages_escaped(world):
    """The XSS check is only worth something if the payloads are on the pages: here they are, escaped."""
    built, clients = world
    body = _request(clients["anonymous"], "GET", built.company_a.get_absolute_url()).content.decode()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body
    )
