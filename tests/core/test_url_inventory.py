"""The URL inventory covers every route of the site: a new page fails here until it has a row in
tests/url_inventory.py PARAMS (how its parameters are filled) and in tests/security_matrix.py MATRIX (who may
see it and post its form); the security matrix and the every-page browser check then include it."""

import pytest
from django.urls import NoReverseMatch

from ..security_matrix import MATRIX, PUBLIC
from ..url_inventory import PARAMS, routes, url_of
from ..world import build_world


def test_every_route_has_its_parameters_and_its_matrix_row():
    keys = {route.key for route in routes()}
    assert keys - PARAMS.keys() == set(), "routes without a row in url_inventory.PARAMS"
    assert keys - MATRIX.keys() == set(), "routes without a row in security_matrix.MATRIX"
    assert PARAMS.keys() - keys == set() and MATRIX.keys() - keys == set(), "rows of routes that are gone"


def test_the_inventory_reaches_into_every_app():
    names = {route.name.split(":")[0] for route in routes() if ":" in route.name}
    assert {"registry", "cooperation", "events", "knowledge", "conversations", "documents", "legal"} <= names
    assert not any(route.name.startswith("admin:") for route in routes())


@pytest.mark.django_db
def test_every_address_is_built_from_the_world():
    world = build_world()
    for route in routes():
        try:
            url_of(route, world)
        except NoReverseMatch as error:  # pragma: no cover - the message names the route
            pytest.fail(f"{route.key}: {error}")
        if route.localized:
            assert url_of(route, world, "en").startswith("/en/")


def test_the_matrix_speaks_of_six_roles():
    for key, row in MATRIX.items():
        for answers in (row.get, row.post or PUBLIC):
            assert len(answers.split()) == 6, key
            assert set(answers.split()) <= {"ok", "no", "in", "403", "404", "405"}, key
