"""Odd ids in URLs and forms answer 404 or a form error, never 500 (issue 16.11).

Every URL pattern with an id converter is requested with a 30-digit id (beyond any database integer) by a
center admin, who may see every page; str parameters and form values with a NUL byte are refused with 400."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from itkoop.core.converters import IdConverter

from ..factories import CompanyFactory, center_admin, member_of

pytestmark = pytest.mark.django_db
HUGE = "9" * 30
ID_CONVERTERS = (IntConverter, IdConverter)


def _routes(patterns=None, prefix=""):
    """(route, converters) of every URL pattern, routes joined from the resolver tree."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(p.pattern).lstrip("^").rstrip("$")
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, route)
        elif isinstance(p, URLPattern):
            yield route, getattr(p.pattern, "converters", {})


def _id_routes() -> list[str]:
    routes = {
        route
        for route, converters in _routes()
        if any(isinstance(c, ID_CONVERTERS) for c in converters.values())
    }
    return sorted(routes)


def _url(route: str) -> str:
    url = re.sub(r"<(int|id):\w+>", HUGE, route)
    return "/" + re.sub(r"<str:\w+>", "x", url)


def test_every_id_parameter_uses_the_bounded_converter():
    plain_int = sorted(
        route for route, converters in _routes() if any(type(c) is IntConverter for c in converters.values())
    )
    assert plain_int == []


@pytest.mark.parametrize("route", _id_routes())
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_30_digit_id_is_404(client, route, method):
    client.force_login(center_admin())
    response = getattr(client, method)(_url(route))
    assert response.status_code == 404


def test_the_walk_finds_the_id_routes():
    assert len(_id_routes()) > 30


def test_cooperation_form_with_a_30_digit_company_id_is_a_form_error(client):
    own = CompanyFactory(hub_id="kassel")
    client.force_login(member_of(own))
    response = client.post("/kooperation/neu/", {"title": "Test", "companies": [str(own.pk), HUGE]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/katalog/unternehmen/a%00b/",
        "/katalog/loesung/a%00b/",
        "/bedarf/partner/a%00b/",
        "/api/v1/partners/a%00b/",
        "/api/v1/companies/a%00b/",
        "/katalog/?q=a%00b",
        "/bedarf/?text=Onlineshop%00",
    ],
)
def test_a_nul_byte_in_the_path_or_query_is_400(client, url):
    assert client.get(url).status_code == 400


def test_a_nul_byte_in_a_form_value_is_400(client):
    own = CompanyFactory(hub_id="kassel")
    client.force_login(member_of(own))
    response = client.post("/kooperation/neu/", {"title": "a\x00b"})
    assert response.status_code == 400


@pytest.mark.parametrize("value", ["²", "٣", HUGE, "-1", "1e3"])
def test_an_odd_id_in_a_query_value_is_ignored(client, value):
    client.force_login(center_admin())
    assert client.get("/wissen/selbstcheck/", {"von": value}).status_code == 200


@pytest.mark.parametrize("value", ["²", HUGE, "x"])
def test_an_odd_registration_id_posted_to_cancel_is_404(client, value):
    from ..events.factories import EventFactory

    event = EventFactory()
    client.force_login(center_admin())
    response = client.post(f"/veranstaltungen/{event.pk}/stornieren/", {"registration": value})
    assert response.status_code == 404
