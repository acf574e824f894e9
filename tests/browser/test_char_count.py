"""A text area with a length limit says how much of it is used, and says so aloud when a pasted text was
longer than the room left (the browser cuts it without a word): on the need page, in German and English."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .axe import assert_accessible_at_both_widths

pytestmark = pytest.mark.browser

PASTE = """(text) => {
    const area = document.querySelector("textarea[maxlength]");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    area.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""


@pytest.mark.parametrize(
    ("prefix", "count", "cut"),
    [
        ("", "3 von 2000 Zeichen", "länger als 2000 Zeichen"),
        ("/en", "3 of 2000 characters", "longer than 2000"),
    ],
)
def test_the_need_field_counts_its_characters_and_warns_of_a_cut_paste(page, live_server, prefix, count, cut):
    page.goto(live_server.url + prefix + reverse("matching:need"))
    field = page.locator("textarea[maxlength]").first
    field.fill("ERP")
    expect(page.locator(".char-count").first).to_have_text(count)
    assert "-count" in (field.get_attribute("aria-describedby") or "")
    status = page.locator(".char-cut").first
    assert status.get_attribute("role") == "status"
    expect(status).to_be_hidden()  # empty until a paste is cut
    page.evaluate(PASTE, "x" * 2500)
    expect(status).to_be_visible()
    expect(status).to_contain_text(cut)
    assert_accessible_at_both_widths(page)
    field.fill("Buchhaltung")  # typed again: the warning goes
    expect(status).to_be_hidden()
