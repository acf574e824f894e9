"""Countries and languages as people write them and as pages show them.

Profiles store ISO codes (country "DE", languages "de"); people type names ("Deutschland", "Germany",
"Österreich") or codes in any case. :func:`country_code` reads either, :func:`country_name` shows a code in
the page's language. The list holds the countries an IT company of the network hosts in or exports to
(Europe, its neighbours and the large markets); a code outside it is shown as the code itself."""

from __future__ import annotations

import unicodedata

from django.utils.translation import get_language_info

from itkoop.core.i18n import page_language

# ISO 3166-1 alpha-2 code: (German name, English name)
COUNTRIES: dict[str, tuple[str, str]] = {
    "AD": ("Andorra", "Andorra"),
    "AE": ("Vereinigte Arabische Emirate", "United Arab Emirates"),
    "AL": ("Albanien", "Albania"),
    "AR": ("Argentinien", "Argentina"),
    "AT": ("Österreich", "Austria"),
    "AU": ("Australien", "Australia"),
    "BA": ("Bosnien und Herzegowina", "Bosnia and Herzegovina"),
    "BE": ("Belgien", "Belgium"),
    "BG": ("Bulgarien", "Bulgaria"),
    "BR": ("Brasilien", "Brazil"),
    "BY": ("Belarus", "Belarus"),
    "CA": ("Kanada", "Canada"),
    "CH": ("Schweiz", "Switzerland"),
    "CL": ("Chile", "Chile"),
    "CN": ("China", "China"),
    "CY": ("Zypern", "Cyprus"),
    "CZ": ("Tschechien", "Czechia"),
    "DE": ("Deutschland", "Germany"),
    "DK": ("Dänemark", "Denmark"),
    "EE": ("Estland", "Estonia"),
    "EG": ("Ägypten", "Egypt"),
    "ES": ("Spanien", "Spain"),
    "FI": ("Finnland", "Finland"),
    "FR": ("Frankreich", "France"),
    "GB": ("Vereinigtes Königreich", "United Kingdom"),
    "GR": ("Griechenland", "Greece"),
    "HR": ("Kroatien", "Croatia"),
    "HU": ("Ungarn", "Hungary"),
    "ID": ("Indonesien", "Indonesia"),
    "IE": ("Irland", "Ireland"),
    "IL": ("Israel", "Israel"),
    "IN": ("Indien", "India"),
    "IS": ("Island", "Iceland"),
    "IT": ("Italien", "Italy"),
    "JP": ("Japan", "Japan"),
    "KR": ("Südkorea", "South Korea"),
    "LI": ("Liechtenstein", "Liechtenstein"),
    "LT": ("Litauen", "Lithuania"),
    "LU": ("Luxemburg", "Luxembourg"),
    "LV": ("Lettland", "Latvia"),
    "MA": ("Marokko", "Morocco"),
    "MC": ("Monaco", "Monaco"),
    "MD": ("Moldau", "Moldova"),
    "ME": ("Montenegro", "Montenegro"),
    "MK": ("Nordmazedonien", "North Macedonia"),
    "MT": ("Malta", "Malta"),
    "MX": ("Mexiko", "Mexico"),
    "NL": ("Niederlande", "Netherlands"),
    "NO": ("Norwegen", "Norway"),
    "NZ": ("Neuseeland", "New Zealand"),
    "PL": ("Polen", "Poland"),
    "PT": ("Portugal", "Portugal"),
    "RO": ("Rumänien", "Romania"),
    "RS": ("Serbien", "Serbia"),
    "SA": ("Saudi-Arabien", "Saudi Arabia"),
    "SE": ("Schweden", "Sweden"),
    "SG": ("Singapur", "Singapore"),
    "SI": ("Slowenien", "Slovenia"),
    "SK": ("Slowakei", "Slovakia"),
    "SM": ("San Marino", "San Marino"),
    "TN": ("Tunesien", "Tunisia"),
    "TR": ("Türkei", "Türkiye"),
    "TW": ("Taiwan", "Taiwan"),
    "UA": ("Ukraine", "Ukraine"),
    "US": ("Vereinigte Staaten", "United States"),
    "VN": ("Vietnam", "Vietnam"),
    "ZA": ("Südafrika", "South Africa"),
}

# Other names people use for a country (folded like every name).
_ALIASES = {
    "brd": "DE",
    "bundesrepublik deutschland": "DE",
    "deutsch": "DE",
    "uk": "GB",
    "grossbritannien": "GB",
    "great britain": "GB",
    "england": "GB",
    "usa": "US",
    "vereinigte staaten von amerika": "US",
    "united states of america": "US",
    "amerika": "US",
    "holland": "NL",
    "tschechische republik": "CZ",
    "czech republic": "CZ",
    "turkey": "TR",
    "korea": "KR",
    "oesterreich": "AT",
}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = text.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return " ".join(text.replace("-", " ").split())


_BY_NAME = {
    **{_fold(name): code for code, names in COUNTRIES.items() for name in names},
    **_ALIASES,
}


def country_code(text: str) -> str | None:
    """The ISO code of a country given by code ("de", "DE") or by its German or English name; None when
    the text names no country of the list."""
    text = (text or "").strip()
    if len(text) == 2 and text.upper() in COUNTRIES:
        return text.upper()
    return _BY_NAME.get(_fold(text))


def country_name(code: str, language: str | None = None) -> str:
    """The name of a country in the page's language (or `language`); an unknown code as it is."""
    names = COUNTRIES.get((code or "").upper())
    if names is None:
        return code or ""
    return names[1] if (language or page_language()).startswith("en") else names[0]


def language_name(code: str) -> str:
    """A language code ("de", "fr") as its name in the page's language; an unknown code as it is."""
    try:
        return str(get_language_info((code or "").lower())["name_translated"])
    except KeyError:
        return code or ""
