"""Each test starts in German: a request to an /en/ page leaves English active in the test thread, and
`reverse()` would then build English URLs for the next test."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german_first():
    with translation.override("de"):
        yield
