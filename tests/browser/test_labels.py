"""A label from application to the public register: a member applies for "Software Made in Germany" with a
PDF, the center admin reviews and grants it, and the product appears in the public register with its
verification page and badge. Every page passes axe-core at 1280 and 390 px without sideways scroll."""

import re

import pytest
from playwright.sync_api import expect

from itkoop.labels.models import Certificate
from tests.factories import CompanyFactory, SolutionFactory, center_admin, member_of
from tests.labels.helpers import PDF, scheme

from .axe import assert_accessible_at_both_widths
from .login import log_in as _login

pytestmark = pytest.mark.browser


def test_apply_review_and_find_the_label_in_the_public_register(page, live_server, transactional_db):
    scheme()
    company = CompanyFactory(name="Nordhessen Software GmbH", hub_id="kassel")
    SolutionFactory(company=company, name="Lagerwerk Warenwirtschaft")
    member = member_of(company)
    admin = center_admin()

    _login(page, live_server, member.email)
    page.goto(f"{live_server.url}/siegel/antraege/")
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="beantragen (Software Made in Germany, Lagerwerk Warenwirtschaft)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Siegel „Software Made in Germany“ beantragen")
    assert_accessible_at_both_widths(page)
    for checkbox in page.get_by_label(re.compile(r"^Wir bestätigen:")).all():
        checkbox.check()
    page.get_by_label("Wie wird das Kriterium erfüllt?").first.fill("Sitz und Entwicklung in Kassel.")
    page.get_by_label(re.compile(r"^Nachweis")).first.set_input_files(
        {"name": "handelsregister.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Antrag einreichen").click()
    expect(page.locator(".message").first).to_contain_text("Ihr Antrag ist eingegangen")
    expect(page.get_by_role("link", name="handelsregister.pdf")).to_be_visible()
    assert_accessible_at_both_widths(page)

    _login(page, live_server, admin.email)
    page.goto(f"{live_server.url}/siegel/pruefung/")
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="Software Made in Germany – Lagerwerk Warenwirtschaft").click()
    expect(page.get_by_text("Sitz und Entwicklung in Kassel.")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.get_by_label("Siegel erteilen").check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    expect(page.locator(".message").first).to_contain_text("Die Entscheidung ist gespeichert")
    certificate = Certificate.objects.get()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/siegel/")
    page.get_by_label("Produkt, Unternehmen oder Ort").fill("Lagerwerk")
    page.get_by_role("button", name="Suchen").click()
    expect(page.get_by_role("link", name="Lagerwerk Warenwirtschaft")).to_be_visible()
    assert_accessible_at_both_widths(page)
    page.get_by_role("link", name="Software Made in Germany").first.click()
    expect(page).to_have_url(re.compile(rf"/siegel/nachweis/{certificate.code}/$"))
    expect(page.get_by_role("status")).to_contain_text("Gültig")
    badge = page.locator("img.label-badge")
    expect(badge).to_be_visible()
    # The width and height attributes make the image visible before it has loaded: wait for the load to end.
    page.wait_for_function("img => img.complete", arg=badge.element_handle())
    assert page.evaluate("img => img.naturalWidth > 0", badge.element_handle())
    assert_accessible_at_both_widths(page)
