"""The kinds the apps declare: each one is registered on start-up, and a kind with a mail body has it as
plain text and as HTML."""

import pytest
from django.template.loader import get_template

from itkoop.notifications import kinds


def test_the_apps_register_their_kinds_at_start_up():
    keys = {k.key for k in kinds.all_kinds()}
    assert {
        "cooperation.invited",
        "cooperation.inquiry",
        "events.registration_confirmed",
        "events.registration_waitlisted",
        "events.meeting_request",
    } <= keys
    assert "cooperation.message" not in keys, "the interim kind with pre-rendered text is gone"


@pytest.mark.parametrize("kind", [k for k in kinds.all_kinds() if k.body], ids=lambda k: k.key)
def test_every_body_has_a_text_and_an_html_template(kind):
    assert kind.body.endswith(".txt")
    get_template(kind.body)
    get_template(kind.body.removesuffix(".txt") + ".html")
