"""Whether an e-mail address belongs to a company's web domain: the website's registrable domain (the name a
company registers, e.g. beispiel-it.de for https://www.shop.beispiel-it.de), compared case-insensitively;
addresses at subdomains of it count.

Without the full public suffix list (no dependency for it), the registrable domain is the last two labels of
the host, or three under the few two-label suffixes common among our companies' partners (co.uk, com.au ...).
Websites on shared hosts (github.io, wixsite.com ...) and mail providers have no domain of their own: nobody
proves anything with an address there, so they never match."""

from __future__ import annotations

from urllib.parse import urlsplit

# Second-level suffixes under which the registrable name is the third label from the right.
TWO_LABEL_SUFFIXES = frozenset(
    {
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.at", "or.at", "gv.at",
        "co.nz", "co.jp", "co.za", "com.br", "com.tr", "com.cn", "com.pl", "co.in", "com.es", "com.mx",
    }
)  # fmt: skip
# Domains whose addresses or sites anyone can get: a match there proves nothing.
SHARED_DOMAINS = frozenset(
    {
        "github.io", "gitlab.io", "wixsite.com", "jimdo.com", "jimdosite.com", "wordpress.com",
        "blogspot.com",
        "google.com", "sites.google.com", "strato.de", "ionos.de", "webnode.page", "business.site",
        "gmail.com", "googlemail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "outlook.com",
        "hotmail.com", "yahoo.com", "yahoo.de", "icloud.com", "posteo.de", "mailbox.org", "freenet.de",
        "aol.com", "protonmail.com", "proton.me",
    }
)  # fmt: skip


def _host(website: str) -> str:
    value = (website or "").strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value.lstrip("/")
    try:
        host = urlsplit(value).hostname or ""
    except ValueError:
        return ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return ""
    return host.lower().rstrip(".")


def registrable_domain(website: str) -> str:
    """The registrable domain of a website ('' when it has none we can use: an IP address, one label, a
    shared host)."""
    host = _host(website)
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels) or ":" in host:
        return ""
    take = 3 if ".".join(labels[-2:]) in TWO_LABEL_SUFFIXES else 2
    if len(labels) < take:
        return ""
    domain = ".".join(labels[-take:])
    return "" if domain in SHARED_DOMAINS else domain


def email_domain(address: str) -> str:
    local, at, domain = (address or "").strip().rpartition("@")
    if not at or not local or not domain:
        return ""
    try:
        return domain.encode("idna").decode("ascii").lower().rstrip(".")
    except UnicodeError:
        return ""


def email_at_domain(address: str, domain: str) -> bool:
    """True when the address is at `domain` or a subdomain of it (case-insensitive)."""
    if not domain:
        return False
    at = email_domain(address)
    return at == domain or at.endswith("." + domain)
