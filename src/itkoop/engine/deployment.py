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

import functools
import re
from collections.abc import Iterable

__all__ = ["DEPLOYMENTS", "fits", "read_deployment"]

ON_PREMISE = "on-premise"
CLOUD = "cloud"
DEPLOYMENTS = (ON_PREMISE, CLOUD)

_RUNS = {ON_PREMISE: frozenset({"on-premise", "hybrid"}), CLOUD: frozenset({"saas", "hybrid"})}
SERVICE = "service"

# A refusal of the cloud: "keine Cloud(-Lösung)", "kiene Cloud", "nicht in die Cloud", "ohne Cloud", "Cloud
# kommt nicht in Frage", "kein SaaS", "Die Daten dürfen unser Haus nicht verlassen", "no cloud", "not in the
# cloud", "we don't want anything in the cloud", "no SaaS".
_REFUSAL = (
    r"\bk(?:ei|ie)ne?[nr]?\s+(?:public[- ])?(?:cloud|saas)|\bohne\s+cloud"
    r"|\bnicht\s+(?:in\s+(?:die|der|eine[r]?)\s+|über\s+(?:die\s+)?|aus\s+der\s+)cloud"
    r"|\bcloud[\w-]*\s+(?:kommt|kommen|ist|sind)\s+(?:für\s+uns\s+)?(?:nicht|keine\s+option|ausgeschlossen)"
    r"|\b(?:haus|hause|firma|betrieb|praxis|kanzlei|unternehmen)\s+nicht\s+verlassen"
    r"|\bnicht\s+(?:aus\s+dem\s+haus|außer\s+haus)"
    r"|\bno\s+(?:cloud|saas)|\bnot\s+(?:in|on|to)\s+the\s+cloud|\bwithout\s+(?:a\s+|the\s+)?cloud"
    r"|\b(?:don'?t|do\s+not|never)\s+want\s+(?:\w+\s+){0,2}in\s+the\s+cloud"
)
# Running on the premises said: "on-premise", "vor Ort betrieben", "auf unserem (eigenen) Server", "lokal
# installiert", "selbst gehostet", "im eigenen Rechenzentrum", "bei uns im Keller", "self-hosted", "on our
# own servers", "in-house".
_PREMISES = (
    r"\bon[- ]?prem(?:ise|ises)?\b"
    r"|\bvor\s+ort\s+(?:betrieben|installiert|gehostet|laufen|betreiben|installieren)"
    r"|\bauf\s+(?:unsere[mn]?|einem|eigene[mn]?|dem)\s+(?:eigenen\s+)?(?:server|sever)n?\b"
    r"|\blokal\s+(?:installiert|betrieben|gehostet|laufen|läuft|bei\s+uns|auf\s+unsere)"
    r"|\bselbst\s+(?:gehostet|hosten|betreiben)"
    r"|\bim\s+(?:eigenen\s+)?(?:rechenzentrum|keller|serverraum)\b(?<!im rechenzentrum)"
    r"|\bbei\s+uns\s+(?:im\s+haus|vor\s+ort)"
    r"|\bself[- ]hosted|\bon\s+our\s+own\s+servers?|\bhosted\s+(?:by\s+us|in[- ]house)"
    r"|\bin[- ]house\s+server"
)
# Running in the cloud said: "als SaaS", "SaaS-Lösung", "aus der Cloud", "in der Cloud laufen",
# "cloudbasiert", "as SaaS", "cloud-based", "runs in the cloud".
_CLOUD = (
    r"\b(?:als|as\s+an?)\s+saas\b|\bsaas[- ](?:lösung|software|solution|variante|version|angebot)"
    r"|\baus\s+der\s+cloud"
    r"|\bin\s+der\s+cloud\s+(?:laufen|betrieben|gehostet|liegen)"
    r"|\bcloud[- ]?basiert|\bcloud[- ]?lösung|\bcloud[- ]?software"
    r"|\bcloud[- ]based|\bcloud[- ]hosted|\b(?:runs?|running|hosted)\s+in\s+the\s+cloud"
    r"|\bcloud\s+(?:solution|service)\b"
)
# A way to run refused just before it in its sentence: "nicht mehr on-premise", "don't want on-premise",
# "nicht als SaaS".
_NEGATION = r"\b(?:nicht|kein\w*|nie|no|not|don'?t|never|without)\b[^.,:;!?]{0,25}$"
_REACH = 40


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The phrases in one pattern (the leftmost wins where they overlap: "keine Cloud-Lösung" is a refusal)
    and the negation before one; compiled on first use, not when a command that never reads a need (the CLI
    takes DEPLOYMENTS for its choices) imports this module."""
    said = re.compile(f"(?P<refusal>{_REFUSAL})|(?P<premises>{_PREMISES})|(?P<cloud>{_CLOUD})", re.IGNORECASE)
    return said, re.compile(_NEGATION, re.IGNORECASE)


def fits(deployment: Iterable[str], wish: str | None) -> bool:
    """Whether a solution that runs as ``deployment`` fits the customer's ``wish`` (None: any). A service
    alone (work done for the customer) fits either wish; software tagged as a service too must run as
    wished ("SaaS, Dienstleistung" is no software for the premises)."""
    if wish is None:
        return True
    runs = set(deployment)
    software = runs - {SERVICE}
    return bool(_RUNS[wish] & software) if software else SERVICE in runs


def read_deployment(text: str) -> tuple[str, str] | None:
    """(wish, the words as written) when the text says how the solutions are to run, else None (also when
    it says both). Linear: one pass of the phrases, each looking back a few characters for a negation."""
    said_pattern, negated_pattern = _patterns()
    wishes: dict[str, str] = {}
    last_end = 0  # a negation is looked for after the phrase before (which may hold one: "keine Cloud")
    for said in said_pattern.finditer(text):
        kind = said.lastgroup
        start = said.start()
        if kind == "refusal":
            wish = ON_PREMISE
        else:
            before = max(last_end, said.start() - _REACH)
            negation = negated_pattern.search(text[before : said.start()])
            if negation is not None:  # quoted with the refusal: "nicht mehr on-premise"
                start = before + negation.start()
            wish = ON_PREMISE if (kind == "premises") == (negation is None) else CLOUD
        wishes.setdefault(wish, _words(text, start, said.end()))
        last_end = said.end()
    if len(wishes) != 1:
        return None
    ((wish, words),) = wishes.items()
    return wish, words


def _words(text: str, start: int, end: int) -> str:
    """The words from ``start`` to ``end`` as written, the last one whole ("cloudbasierte", not
    "cloudbasiert")."""
    while end < len(text) and (text[end].isalnum() or text[end] == "-"):
        end += 1
    return " ".join(text[start:end].split())
