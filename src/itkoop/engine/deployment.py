"""How the customer wants the solutions run: on their own premises ("keine Cloud") or as a cloud service.

A need's ``deployment`` is a hard constraint: every solution of a bundle must be able to run that way. A
solution's ``deployment`` (catalog) lists how it can run: "saas", "on-premise", "hybrid" (both) or
"service" (work done for the customer, not software to run: it fits either wish). A solution that does
not say how it runs is left out under a wish: nobody can promise it fits.

The wish is read from the text by a few fixed phrases, each a regular expression without nested
repetition (linear in the text): "keine Cloud", "nicht in die Cloud", "on-premise", "auf unserem eigenen
Server", "no cloud", "self-hosted" for the premises; "als SaaS", "aus der Cloud", "cloudbasiert",
"cloud-based" for the cloud. A word alone ("SaaS", "Cloud") says nothing: "wir sind ein SaaS-Anbieter"
describes the writer, "Cloud-Migration" is a capability. A text that says both (or a refusal of both)
states no wish.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["DEPLOYMENTS", "fits", "read_deployment"]

ON_PREMISE = "on-premise"
CLOUD = "cloud"
DEPLOYMENTS = (ON_PREMISE, CLOUD)

_RUNS = {
    ON_PREMISE: frozenset({"on-premise", "hybrid", "service"}),
    CLOUD: frozenset({"saas", "hybrid", "service"}),
}

# "keine Cloud", "keine Cloud-Lösung", "nicht in die Cloud", "ohne Cloud", "Cloud kommt nicht in Frage",
# "on-premise", "vor Ort betrieben/installiert", "auf unserem (eigenen) Server", "lokal installiert",
# "selbst gehostet", "no cloud", "not in the cloud", "self-hosted", "on our own servers".
_PREMISES = re.compile(
    r"\b(?:keine[nr]?|ohne|kein)\s+(?:public[- ])?cloud"
    r"|\bnicht\s+(?:in\s+(?:die|der|eine[r]?)\s+|über\s+(?:die\s+)?|aus\s+der\s+)cloud"
    r"|\bcloud[\w-]*\s+(?:kommt|kommen|ist|sind)\s+(?:für\s+uns\s+)?(?:nicht|keine\s+option|ausgeschlossen)"
    r"|\bon[- ]?prem(?:ise|ises)?\b"
    r"|\bvor\s+ort\s+(?:betrieben|installiert|gehostet|laufen|betreiben|installieren)"
    r"|\bauf\s+(?:unsere[mn]?|einem|eigene[mn]?)\s+(?:eigenen\s+)?servern?\b"
    r"|\blokal\s+(?:installiert|betrieben|gehostet|bei\s+uns|auf\s+unsere)"
    r"|\bselbst\s+(?:gehostet|hosten|betreiben)"
    r"|\bno\s+cloud|\bnot\s+(?:in|on|to)\s+the\s+cloud|\bwithout\s+(?:a\s+|the\s+)?cloud"
    r"|\bself[- ]hosted|\bon\s+our\s+own\s+servers?|\bhosted\s+(?:by\s+us|in[- ]house)",
    re.IGNORECASE,
)
# "als SaaS", "SaaS-Lösung", "aus der Cloud", "in der Cloud laufen", "cloudbasiert", "as SaaS", "cloud-based",
# "in the cloud" — a refusal of the cloud is matched first and wins.
_CLOUD = re.compile(
    r"\b(?:als|as\s+an?)\s+saas\b|\bsaas[- ](?:lösung|software|solution|variante|version|angebot)"
    r"|\baus\s+der\s+cloud"
    r"|\bin\s+der\s+cloud\s+(?:laufen|betrieben|gehostet|liegen)"
    r"|\bcloud[- ]?basiert|\bcloud[- ]?lösung|\bcloud[- ]?software"
    r"|\bcloud[- ]based|\bcloud[- ]hosted|\b(?:runs?|running|hosted)\s+in\s+the\s+cloud"
    r"|\bcloud\s+(?:solution|service)\b",
    re.IGNORECASE,
)


def fits(deployment: Iterable[str], wish: str | None) -> bool:
    """Whether a solution that runs as ``deployment`` fits the customer's ``wish`` (None: any)."""
    return wish is None or bool(_RUNS[wish] & set(deployment))


def read_deployment(text: str) -> tuple[str, str] | None:
    """(wish, the words as written) when the text says how the solutions are to run, else None."""
    premises = _PREMISES.search(text)
    if premises is not None:
        # blanked: "keine Cloud-Lösung" is one refusal, not a refusal and a wish; a wish elsewhere
        # contradicts it
        rest = text[: premises.start()] + " " * (premises.end() - premises.start()) + text[premises.end() :]
        if _CLOUD.search(rest) is not None:
            return None
        return ON_PREMISE, _words(text, premises)
    cloud = _CLOUD.search(text)
    if cloud is not None:
        return CLOUD, _words(text, cloud)
    return None


def _words(text: str, match: re.Match[str]) -> str:
    """The matched words as written, the last one whole ("cloudbasierte", not "cloudbasiert")."""
    end = match.end()
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return " ".join(text[match.start() : end].split())
