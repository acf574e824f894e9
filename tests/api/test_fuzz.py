"""schemathesis against the API's own OpenAPI description, in-process through the WSGI app (no network).

Every operation gets examples that fit its description and examples that do not (wrong types, missing
fields, odd strings, huge numbers). The checks: no answer is a server error, and every answer keeps to the
description (status code, media type, body schema, headers). Writes are made with a member's API key.
Derandomized, so CI runs the same examples every time; the example count keeps the run to about a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.throttling import SimpleRateThrottle
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from itkoop.accounts import services as accounts

from ..events.factories import EventFactory
from ..factories import CompanyFactory, member_of

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
MAX_EXAMPLES = 25


# Loaded when the module is collected (the description needs no database); schemathesis' fixture-based lazy
# loader does not work with pytest 9 (it sets a private attribute pytest no longer has).
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@pytest.fixture
def api_key(db, mini_catalog, monkeypatch):
    # Throttles would answer 429 (which the description allows) instead of exercising the code behind them.
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda self, request, view: True)
    EventFactory()
    _token, key = accounts.api_token_create(actor=member_of(CompanyFactory()), name="Fuzz")
    # The WSGI app closes the database connection after each request, which would end the test's
    # transaction on PostgreSQL; Django's own test client switches this off the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield key
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_keeps_to_its_description(case, api_key):
    case.call_and_validate(headers={"Authorization": f"Bearer {api_key}"}, checks=CHECKS)


# Bodies JSON generators do not make (they write valid JSON): each must be a 400 with a JSON answer on every
# operation that takes a body, never a 500.
HOSTILE_BODIES = {
    "deep nesting": "[" * 100_000 + "]" * 100_000,
    "deep objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "NaN": '{"text": NaN, "name": NaN, "capabilities": ["erp"]}',
    "Infinity": '{"text": "ERP", "top": Infinity, "name": "x", "price_eur_month": -Infinity}',
    "overflowing float": '{"text": "ERP", "top": 1e400, "name": "x", "price_eur_month": 1e400}',
    "huge integer": '{"text": "ERP", "top": 1'
    + "0" * 5000
    + ', "name": "x", "price_eur_month": 1'
    + "0" * 400
    + "}",
    "NUL bytes": '{"text": "a\\u0000b", "name": "a\\u0000b", "capabilities": ["e\\u0000rp"]}',
    "lone surrogate": '{"text": "\\ud800", "name": "\\ud800", "capabilities": ["erp"]}',
    "not UTF-8": b'{"text": "\xff\xfe"}',
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/match/"),
        ("post", "/api/v1/solutions/"),
        ("put", "/api/v1/solutions/s1/"),
        ("patch", "/api/v1/solutions/s1/"),
    ],
)
def test_hostile_bodies_are_refused_with_400(client, mini_catalog, method, path, body):
    from itkoop.registry.models import Company

    _token, key = accounts.api_token_create(actor=member_of(Company.objects.get(external_id="c1")), name="x")
    response = getattr(client, method)(
        path, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json" and isinstance(response.json(), dict)
