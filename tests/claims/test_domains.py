"""The company's web domain and whether an address is at it."""

import pytest

from itkoop.claims.domains import email_at_domain, registrable_domain


@pytest.mark.parametrize(
    ("website", "domain"),
    [
        ("https://www.beispiel-it.de", "beispiel-it.de"),
        ("www.Beispiel-IT.de/impressum", "beispiel-it.de"),
        ("http://shop.eu.beispiel-it.de:8080", "beispiel-it.de"),
        ("https://www.beispiel.co.uk", "beispiel.co.uk"),
        ("https://müller-it.de", "xn--mller-it-65a.de"),
        ("https://www.nordlicht.example", "nordlicht.example"),
        ("", ""),
        ("localhost", ""),
        ("http://192.168.1.10", ""),
        ("https://beispiel.github.io", ""),  # a shared host proves nothing
        ("https://sites.google.com/view/beispiel", ""),
        ("co.uk", ""),
    ],
)
def test_registrable_domain(website, domain):
    assert registrable_domain(website) == domain


@pytest.mark.parametrize(
    ("address", "matches"),
    [
        ("anna@beispiel-it.de", True),
        ("Anna@BEISPIEL-IT.DE", True),
        ("anna@vertrieb.beispiel-it.de", True),
        ("anna@beispiel-it.de.evil.example", False),
        ("anna@nichtbeispiel-it.de", False),
        ("anna@gmail.com", False),
        ("beispiel-it.de", False),
        ("@beispiel-it.de", False),
    ],
)
def test_email_at_domain(address, matches):
    assert email_at_domain(address, "beispiel-it.de") is matches


def test_an_umlaut_domain_matches_its_address_in_either_spelling():
    domain = registrable_domain("https://www.Müller-IT.de")
    assert email_at_domain("anna@müller-it.de", domain)
    assert email_at_domain("anna@xn--mller-it-65a.de", domain)


def test_no_domain_matches_nothing():
    assert email_at_domain("anna@beispiel-it.de", "") is False
