"""Each test starts in German: a request to an /en/ page leaves English active in the thread, and reverse()
would then build /en/ addresses for the next test."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield
