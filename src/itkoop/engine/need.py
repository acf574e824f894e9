"""From a customer's words to capabilities: need analysis, and the :class:`Need` that composition solves.

:func:`analyse_need` finds the taxonomy's capabilities in a German or English free text. Every label and
synonym of a capability becomes a pattern of normalised word forms (lemmas, folded umlauts). A pattern
matches

* a whole word or a hyphen part of one ("Warenwirtschaft", "GAEB" in "GAEB-Schnittstelle"),
* a phrase of consecutive words ("elektronische Rechnung", "move to the cloud"),
* the head or the modifier of a German compound ("Kreditkarten|zahlung", "Einkaufs|abteilung"),
* two words read as one compound, a verb read as its noun ("Arbeitszeiten erfassen" -> Arbeitszeiterfassung).

A match that lies strictly inside a longer match is dropped: "Lagerverwaltungssystem" is warehouse management,
not also "Lagerverwaltung" of the ERP. Each capability gets a score (noisy-or of its matches' weights) and the
words that were its evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import process as fuzzy_process
from rapidfuzz.distance import Levenshtein

from . import need_screen
from .catalog import HUB_LOCATIONS, Catalog, CatalogError, Taxonomy
from .cpv import capabilities_for_cpv, cpv_inherits
from .deployment import DEPLOYMENTS, read_deployment
from .text import MAX_TOKENS, Token, _token, fold, is_known_word, tokenize, word_forms

__all__ = ["CapabilityHit", "Need", "NeedAnalysis", "analyse_need", "need_from_text"]

MAX_NEED_CAPABILITIES = 10  # composition is exact for needs of up to this many capabilities
W_PHRASE, W_WORD, W_PART, W_HEAD, W_PAIR, W_MODIFIER = 0.95, 0.9, 0.85, 0.8, 0.75, 0.6
W_CPV = 0.8  # a CPV code names the lot's class: strong, but a notice lists broad codes too
W_CPV_BROAD = 0.31  # a broad CPV class only confirms a capability the words name
MAX_SCOPE = (
    40  # words a negation or "already there" reaches: a clause is shorter; a run without commas is cut
)
MAX_CORRECTED_WORDS = 600  # words of a text checked for typos (a need form takes 2,000 characters)
# A longer text has a focus: what it asks for it names again and again. There a capability named at most a
# FOCUS_RATIO-th as often as the most named one is mentioned in passing (a tender for notebooks that names
# the town's citizen portal once) and is offered to the user rather than composed. Measured on the outside
# corpora (tests/engine/needs_lots.md).
# The services that come with an introduction are named once by nature ("inkl. Datenübernahme und Schulung").
FOCUS_MIN_WORDS = 30
FOCUS_RATIO = 3
_ACCOMPANYING = frozenset(["data-migration", "training"])
# A module bought with the focus it belongs to is named once by nature too: the detailed scheduling of a
# shop-floor system ("BDE und MDE ..., Feinplanung am elektronischen Leitstand"), the capture of incoming
# invoices ("Eingangsrechnungen automatisch auslesen, XRechnungen verarbeiten").
_MODULES_OF = {
    "mes": frozenset(["production-planning"]),
    "e-invoicing": frozenset(["ocr-capture"]),
    "ticketing": frozenset(["it-asset-management"]),  # an IT service desk's CMDB
    "dms": frozenset(["archiving"]),  # "DMS einschließlich revisionssicherer Langzeitspeicherung"
    # documents scanned and read are filed and archived ("scannen, automatisch auslesen, digital ablegen")
    "ocr-capture": frozenset(["dms", "archiving"]),
}
# Read from everyday words of a business ("Angebote", "Rechnungen", "Monteure" of a trade): with other needs
# named by their own words, only a sentence that asks makes them one.
_INFERRED_FROM_BUSINESS_WORDS = frozenset(["craft-software", "field-service"])
# Device management named by the devices alone ("Arbeitsplatzgeräte", "printer") may be a mention; named by
# its task ("Mobile-Device-Management-Lösung", "Geräteverwaltung", "sperren") it is asked, however often.
_DEVICE_TASKS = (
    "verwalt",
    "manag",
    "mdm",
    "sperr",
    "wipe",
    "lock",
    "verteil",
    "deploy",
    "imaging",
    "rollout",
)
# ... and what names the work on devices at all
_DEVICE_WORK = (
    *_DEVICE_TASKS,
    *("image", "betank", "intune", "jamf", "central", "zentral", "einricht", "umstell", "migration"),
    *("upgrade", "device management", "endpoint", "client", "patch", "update", "inventar", "konfigur"),
    *("setup", "set-up", "windows "),  # "windows ": the system moved to ("auf Windows 11")
)

_ARTICLES_BEFORE_CARE = frozenset(["a", "an", "the", "ein", "eine", "einen", "einem", "einer"])
_CARED_FOR = (
    *("betreu", "verwalt", "administr", "wart", "pflegt", "pflegen", "look after", "maintain", "manage"),
    *("ersetz", "replac", "austausch"),  # "Die bisherigen Diensthandys sollen ersetzt werden"
)

# -- what a clause says about the capabilities in it ------------------------------------------------------
# Clauses end at punctuation (a comma or a full stop only outside a number such as "12,50" or "4.0") and at a
# dash between words ("Keine KI, kein Chatbot – wir wollen eine Spracherkennung"), not at a hyphen
# ("Kfz-Werkstatt").
# A dot between letters is part of a name ("California.pro", "Node.js"), not a clause's end.
_CLAUSE_RE = re.compile(
    r"(?:[;:!?\n()\[\]]|\.(?!\d)(?![^\W\d_])|(?<!\d)\.(?![^\W\d_]))+|,(?!\d)|\s[–—-]+\s|\s[–—]|[–—]\s"
)
# A short aside in brackets that the clause goes on after is part of the clause: "Unsere Warenwirtschaft
# (Sage 100) bleibt" says the Warenwirtschaft stays. A longer one ("(which we will keep)"), one the clause
# ends with ("(E-Vergabe), inkl. ...") and one of exception ("(außer Papier)") is a clause of its own.
_NO_EXCEPTION = r"(?!(?:ausser|außer|ohne|kein\w*|nicht|except|excluding|without|not|no)\b)"
_ASIDE_WORD = r"[^()\s,;:.]+(?:\.[^()\s,;:.]+)*"  # "Sage 100", "California.pro"
_ASIDE_RE = re.compile(
    rf"\(\s*{_NO_EXCEPTION}({_ASIDE_WORD}(?:(?:\s+|,\s*){_NO_EXCEPTION}{_ASIDE_WORD}){{0,3}})\s*\)(?=\s+[a-zäöüß])",
    re.IGNORECASE,
)
_CPV_CODE_RE = re.compile(r"\d{8}(?:-\d)?")
_TICK_RE = re.compile("[\u2713\u2714\u2705\u2611]\ufe0f?")  # ✓ ✔ ✅ ☑
_CROSS_RE = re.compile("[\u2717\u2718\u274c\u2612]\ufe0f?")  # ✗ ✘ ❌ ☒
# Sentences end at ".", "!" or "?" before a space (not in "1.200" or "12.03.2026"), at ";" and a line break.
_SENTENCE_RE = re.compile(r"[.!?]+(?=\s|$)|[;\n]+")
# Tender boilerplate: a sentence about the procedure, not the thing bought ("Eignungskriterien: ...",
# "Bieterfragen sind über die Vergabeplattform zu stellen", "Variants will not be accepted"). Words match as
# prefixes of the folded words; a marker of a criterion holds to the end of its sentence (the criteria follow
# a colon), a marker of the procedure only for its clause ("Verhandlungsverfahren: Einführung eines GIS").
_BOILERPLATE_SENTENCE = (
    "bewerbungsbeding",  # "Bewerbungsbedingungen": the conditions for bidders
    "eignung",  # "Eignung: Sicherheitsüberprüfung Ü2, ... Qualifizierung als APT-Response-Dienstleister"
    "zuschlagskriter",
    "bieterfrage",
    "bieterfragen",
    "bietergemeinschaft",
    "angebotsfrist",
    "nebenangebot",
    "vergabeunterlag",
    "teilnahmeantrag",
    "teilnahmebeding",
    "eigenerklaer",
    "schlusstermin",
    "geschaeftsjahr",
    "gesamtschuldner",
    "einzureichen",
    "tenderer",
    "bidder",
    "variants",
    "procurement documents",
    "tender documents",
    "award criteria",
    "selection criteria",
    "conditions for participation",
    "financial standing",
    "financial years",
    "time limit for receipt",
    "economic operator",
    "must be submitted",
    "shall be submitted",
    "must demonstrate",
)
_BOILERPLATE_CLAUSE = (
    "vergabeverfahren",
    "verfahrensart",
    "verhandlungsverfahren",
    "teilnahmewettbewerb",
    "vergabeplattform",
    "vergabeportal",
    "kommunikation erfolgt",  # "die Kommunikation erfolgt ausschließlich über die Plattform"
    "offenes verfahren",
    "open procedure",
    "procurement portal",
    "contract notice",
    "call for tenders",
    "invitation to tender",
)
# Words that say "not this" ("keinen Onlineshop", "without a shop"); "nicht nur" / "not only" do not.
_NEGATIONS = frozenset(
    [
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "nicht",
        "ohne",
        "weder",
        "nie",
        "niemals",
        "ausser",
        "no",
        "not",
        "without",
        "neither",
        "nor",
        "never",
        "dont",
        "doesnt",
        "except",
        "ausgenommen",
        "excluded",
        "excluding",
    ]
)
# A system in use: "Unser KIS bleibt.", "Der Shop läuft", "Unser Hotel nutzt Protel als PMS".
_IN_USE_VERBS = frozenset(
    [
        "bleibt",
        "bleiben",
        "behalten",
        "beibehalten",
        "laeuft",
        "laufen",
        "weiterlaeuft",
        "weiterlaufen",
        "weiterbetrieben",  # "Die bestehenden Fachverfahren werden weiterbetrieben"
        "weitergenutzt",
        "nutzt",
        "uses",
        "stay",
        "stays",
        "remains",
    ]
)
# "Die bisherigen Diensthandys (alte Geräte) sollen ersetzt werden": what is replaced is asked for anew.
_REPLACED = ("ersetzt", "ersetzen", "abgeloest", "abzuloesen", "abloesen", "ausgetauscht", "replaced")
_REPLACED_REACH = 14
_REPLACEMENT = ("abloesung", "ersetzung", "austausch", "replacement")
_MUST = frozenset(["muss", "muessen", "soll", "sollen", "sollte", "sollten", "must", "should"])
_GO_ON = frozenset(["weiter", "weiterhin", "bisher", "still"])  # "soll weiter über DATEV laufen": kept
# Words that say "we have that already" ("wir haben schon eine Praxissoftware", "our existing ERP").
_EXISTING = frozenset(
    [
        "bereits",
        "schon",
        "seit",
        "since",
        "vorhanden",
        "vorhandene",
        "vorhandenen",
        "vorhandener",
        "vorhandenes",
        "bestehend",
        "bestehende",
        "bestehenden",
        "bestehender",
        "bestehendes",
        "bisherige",
        "bisherigen",
        "bisheriger",
        "bisheriges",
        "eingesetzte",
        "eingesetzten",
        *_IN_USE_VERBS,
        "already",
        "existing",
    ]
)
# An "already there" said by a short clause of its own: "Website haben wir, die ist ok", "..., passt".
_EVALUATIONS = frozenset(
    ["ok", "okay", "passt", "reicht", "fine", "funktioniert", "works", "gut", "good", "prima", "zufrieden"]
)
# ... and a state that is right, said with a copula: "Unsere Zeiterfassung ist datenschutzkonform" (not
# "Videoüberwachung, natürlich DSGVO-konform": a condition on what is asked for).
_RIGHT_STATES = frozenset(
    ["datenschutzkonform", "dsgvokonform", "stabil", "zuverlaessig", "compliant", "reliable", "stable"]
)
# "wir nutzen DATEV", "we use Salesforce": said of the writer, a system in use.
_USE_VERBS = frozenset(["nutzen", "verwenden", "use", "using"])
_WRITERS = frozenset(["wir", "we", "ich", "i"])
# "which we will keep" at a clause's end, said by the writer of the thing before it.
_KEEPS = frozenset(["keep", "keeping"])
# "Wir arbeiten mit DATEV", "we work with Salesforce": said of the writer, a tool in use.
_WORKS_WITH = frozenset(["arbeiten", "arbeitet", "work", "works", "leben", "live"])
_TASKS_DONE_WITH = frozenset(
    [
        *("planen", "buchen", "schreiben", "verwalten", "abrechnen", "zeichnen", "erfassen", "drucken"),
        *("verschicken", "versenden", "bill", "manage", "handle", "track", "plan", "schedule", "send"),
    ]
)
# "Die TI ist angebunden", "the system is installed": a state reached.
_STATE_PARTICIPLES = frozenset(
    [
        "angebunden",
        "eingerichtet",
        "installiert",
        "eingefuehrt",
        "gesetzt",
        "connected",
        "installed",
        "ausgelagert",  # "Die Lohnabrechnung ist ausgelagert", "Our payroll is outsourced": done by another
        "outsourced",
    ]
)  # "Microsoft 365 ist gesetzt": decided and in use
# "Die Teilnehmerverwaltung läuft über Excel-Listen": what runs on a makeshift is what is to be replaced.
_MAKESHIFTS = (
    "excel",
    "papier",
    "zettel",
    "word",
    "hand",
    "fax",
    "paper",
    "spreadsheet",
    "telefon",
    "kopf",
    "magnettafel",
    "whiteboard",
    "pinnwand",
    "whatsapp",
    "zuruf",
)
_DEFINITE = frozenset(
    ["der", "die", "den", "dem", "das", "the", "our", "unserer", "unsere", "unseren", "unserem", "unser"]
)
_PLACE_PREPOSITIONS = frozenset(["fuer", "for"])
_CUSTOMER_REACH = 5  # words from "für"/"for" to a customer it names ("für Privatkunden und Arztpraxen")
_PLACES = frozenset(["website-cms", "online-shop", "intranet", "customer-portal", "mobile-app"])
_BESIDE = frozenset(["neben", "besides", "alongside"])
_EXCHANGE_VERBS = (
    "reden",
    "redet",
    "sprechen",
    "spricht",
    "kommunizier",
    "abgleich",
    "synchronisier",
    "talk",
)
_SOURCE_PREPOSITIONS = frozenset(
    ["aus", "in", "im", "auf", "within", "on"]
)  # not "from our ERP": often asked with it
_OUR_DATIVE = frozenset(["unserem", "unserer", "our"])
# Someone else's system is one to connect to, not one to buy: a body's or a party's, named after it in the
# genitive ("das Active Directory des Schulträgers", "das GIS der Stadt", "das ERP des Kunden") or before it
# ("our customers' ERP", "the agency's records system"). Word stems.
_OWNERS = (
    "stadt",
    "gemeinde",
    "kommune",
    "kreises",  # not "Kreiswerke": "das Controlling der Kreiswerke" is the buyer's own
    "landkreis",
    "landes",
    "bundes",
    "bezirk",
    "behoerde",
    "verwaltung",
    "kreisverwaltung",
    "ministerium",
    "schultraeger",
    "traeger",
    "auftraggeber",
    "klinikum",
    "universitaet",
    "hochschule",
    "krankenkasse",
    "kassen",
    "kunde",
    "lieferant",
    "partner",
    "customer",
    "client",
    "supplier",
    "agency",
    "city",
    "ministry",
)
# Work someone outside does: "macht der Steuerberater", "erledigt unser Steuerbüro".
_DONE_BY = frozenset(["macht", "machen", "erledigt", "uebernimmt", "does", "handles", "done"])
_DONE_BY_REACH = 8


def _done_by_window(i: int, folded: list[str], clause_of: list[int]) -> range:
    """The words around a verb of doing (i) in its clause, after the last need verb before it."""
    lo = max(0, i - _DONE_BY_REACH)
    asked = [k for k in range(lo, i) if folded[k] in _NEED_VERBS or folded[k] in _WISH_MODALS]
    if asked:  # the verb's subject starts at the last article after the ask ("... die Buchhaltung macht")
        # ... or, without an article, right after the ask ("Fibu und Lohn macht unser Steuerbüro")
        lo = max((k for k in range(asked[-1] + 1, i) if folded[k] in _DETERMINERS), default=asked[-1] + 1)
    while lo < i and clause_of[lo] != clause_of[i]:
        lo += 1
    hi = min(len(folded), i + _DONE_BY_REACH + 1)
    while hi > i + 1 and clause_of[hi - 1] != clause_of[i]:
        hi -= 1
    # "... die macht mein Neffe und die gebuchten Termine sollen ...": a new subject after "und" is no longer
    # the one done by another
    hi = next(
        (k for k in range(i + 1, hi - 1) if folded[k] in ("und", "and") and folded[k + 1] in _DETERMINERS), hi
    )
    return range(lo, hi)


def _done_by_another(i: int, folded: list[str], clause_of: list[int]) -> range:
    """The words around a verb of doing (see _done_by_window) where an outside party ("Steuerberater",
    "DATEV") is among them; empty otherwise."""
    window = _done_by_window(i, folded, clause_of)
    return window if any(folded[k].startswith(_OUTSIDE_PARTIES) for k in window) else range(0)


_OUTSIDE_PARTIES = (
    "steuer",
    "datev",
    "buero",  # "Die Lohnabrechnung macht ein Büro für uns"
    "lohnbuero",
    "dienstleister",
    "extern",
    "agentur",
    "systemhaus",
    "accountant",
    "tax",
)
_KEEP_TRACK = frozenset(["blick", "auge", "ueberblick", "griff"])
_BY_ITSELF = frozenset(["automatisch", "automatically", "selbststaendig", "smoothly", "reibungslos"])
# "Website haben wir": the object before "haben wir" is there already.
_HAVE = frozenset(["haben", "have"])
_JUST_NOW = frozenset(
    ["gerade", "eben", "kuerzlich", "neulich", "erst", "schon", "bereits", "just", "recently"]
)
_INDEFINITE_ARTICLES = frozenset(["ein", "eine", "einen", "a", "an"])
# A system named with a possessive and a copula is one the writer runs: "Unser PMS ist Protel".
_POSSESSIVES = frozenset(
    [
        "unser",
        "unsere",
        "unserem",
        "unseren",
        "unserer",
        "unseres",
        "our",
        "mein",
        "meine",
        "meinem",
        "meinen",
        "meiner",
        "my",
    ]
)
# "an unsere Warenwirtschaft", "from our ERP": where data goes to or comes from
_LINK_PREPOSITIONS = frozenset(["an", "in", "zu", "mit", "aus", "von", "into", "to", "from", "with"])
_CONNECTED = frozenset(
    ["angebunden", "anzubinden", "verbunden", "integriert", "connected", "linked", "integrated"]
)
_GENERIC_HEADS = frozenset(["software", "system", "systems", "tool", "solution", "platform", "programm"])
_COPULAS = frozenset(["ist", "sind", "is", "are", "heisst", "laeuft", "runs"])
_TROUBLES = ("problem", "thema", "baustelle", "issue", "engpass", "bottleneck")
_STATE_COPULAS = frozenset(["ist", "sind", "war", "waren", "is", "are", "was", "were"])
_WANTED = (
    "noetig",
    "notwendig",
    "gewuenscht",
    "gewollt",
    "erforderlich",
    "gefragt",
    "geplant",
    "vorgesehen",
    "teil",
    "gegenstand",
    "bestandteil",
    "need",
    "requir",
    "want",
    "necessary",
    "part",
    "wichtig",
    "important",
)
# Before "kein" these say what is missing, not what is refused: "noch keine Website", "die alte Kasse kann
# kein TSE", "das Lager hat kein WLAN".
_LACKS = frozenset(["noch", "kann", "koennen", "hat", "has", "can"])
_NEGATION_STRESS = frozenset(["gar", "ueberhaupt"])  # "noch gar nicht": the word before "gar" counts


# English negations split at the apostrophe: "isn't" is read as "is not", "don't" as "do not".
_CONTRACTED = {
    "don": "do",
    "isn": "is",
    "aren": "are",
    "wasn": "was",
    "weren": "were",
    "won": "will",
    "wouldn": "would",
    "couldn": "could",
    "shouldn": "should",
    "haven": "have",
    "hasn": "has",
    "didn": "did",
    "doesn": "does",
    "needn": "need",
}


def _no_dictionary_word(surface: str) -> bool:
    """A word of three or more letters that neither the German nor the English dictionary knows."""
    return (
        surface.isalpha()
        and len(surface) >= 3
        and not is_known_word(surface, "de")
        and not is_known_word(surface.lower(), "en")
    )


def _unknown_name(surface: str) -> bool:
    """A capitalised word no dictionary knows: a product's or a maker's name ("Vectron", "Dampsoft")."""
    return surface[:1].isupper() and _no_dictionary_word(surface)


_NO_ARTICLES = frozenset(["kein", "keine", "keinen", "keiner"])
_NO_NEED_NOUNS = frozenset(["bedarf", "interesse", "need", "use"])
_HAVE_FILLERS = frozenset(["auch", "naemlich", "noch", "bisher", "ja", "leider", "gar", "wir", "ich"])


def _had_before(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """ "wir haben (nämlich auch) keinen ...": "haben"/"hat" before the negation, over a few fillers."""
    k = i - 1
    while k >= 0 and clause_of[k] == clause_of[i] and folded[k] in _HAVE_FILLERS and i - k <= 4:
        k -= 1
    return k >= 0 and clause_of[k] == clause_of[i] and folded[k] in ("haben", "hat", "habe")


def _not_had(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """Whether the negation at ``i`` says a thing is not had, which is a lack: "eine Website haben wir
    nicht", "we don't have a website", "we do not have one", "wir haben nämlich auch keinen
    Datenschutzbeauftragten" (but "wir haben keinen Bedarf an ..." says no need); not when a refusal follows
    ("... und wollen wir auch nicht", "and don't want one")."""
    if folded[i] in _NO_ARTICLES and _had_before(i, folded, clause_of):
        nxt = folded[i + 1] if i + 1 < len(folded) and clause_of[i + 1] == clause_of[i] else ""
        if nxt not in _NO_NEED_NOUNS:
            return True
    k = i - 1  # "eine richtige Datensicherung hatten wir nämlich nicht": over a few fillers
    while k > 0 and clause_of[k] == clause_of[i] and folded[k] in _HAVE_FILLERS and i - k <= 3:
        k -= 1
    if folded[k] in (*_HAVE, "hatten", "habe") and {"wir", "we", "ich"} & set(folded[k + 1 : i]):
        after = i + 1
    elif (
        i
        and folded[i] == "not"
        and folded[i - 1] in ("do", "does", "did")
        and folded[i + 1 : i + 2] == ["have"]
    ):
        after = i + 2
    elif i and folded[i] == "not" and folded[i - 1] in ("have", "has") and folded[i + 1 : i + 2] == ["got"]:
        after = i + 2  # "we haven't got a website yet"
    else:
        return False
    # only a no that comes with a want ("und wollen wir auch nicht"), not the next trouble's ("... die
    # Risikoanalyse hat nie jemand gemacht")
    return not any(
        w in _NEGATIONS
        and any(v in _NEED_VERBS or v.startswith(_WANTED_HEADS) for v in folded[max(after, j - 3) : j + 4])
        for j, w in enumerate(folded[after : after + MAX_SCOPE], start=after)
    )


# Negations of a verb may stand after what they negate ("einen Shop brauchen wir nicht"); the others
# ("ohne", "kein", "without") are prepositions or articles and hold only forward.
_VERB_NEGATIONS = frozenset(["nicht", "nie", "niemals", "not", "never"])
# "nicht mehr" / "no longer" describe what should stop ("Belege nicht mehr in Papierform sammeln"), not a
# capability that is unwanted; "nicht nur" / "not only" adds.
# ... and a degree: what is "nicht ausreichend getrennt", "not properly backed up" is lacking, not refused
_NOT_NEGATING_NEXT = frozenset(
    [
        "nur",
        "mehr",
        "only",
        "longer",
        "anymore",
        "ausreichend",
        "genug",
        "zuverlaessig",
        "sauber",
        "sufficiently",
        "sufficient",
        "properly",
        "reliably",
        "enough",
    ]
)
# A refusal's backward scope stops where a clause of purpose or reason starts: "ein Formular, wo die Leute
# alles eintragen, damit wir nicht hinterher telefonieren müssen" asks for the form.
_PURPOSES = frozenset(["damit", "sodass", "weil", "because"])
# A backward scope stops at a coordination: "Buchhaltung übergeben und Belege nicht mehr ..." .
_COORDINATIONS = frozenset(["und", "oder", "sowie", "and", "or"])
_FUTURE_AUXILIARIES = frozenset(["wird", "werden", "soll", "sollen", "will", "shall", "should"])
# "already" as an adverb holds for the clause; as an adjective ("unser bestehendes ERP") for its noun only.
_FAILING = (
    "fehlermeld",
    "fehler",
    "probleme",
    "ausgefallen",
    "kaputt",
    "spinnt",
    "streikt",
    "error",
    "fail",
    "broken",
    "crash",
    "abstuerz",
)
_EXISTING_ADVERBS = frozenset(["bereits", "schon", "already", "seit", "since"])
_ALREADY = frozenset(["bereits", "schon", "already"])  # not "seit drei Wochen nur noch Fehlermeldungen"
# ... and a verb ("Unser KIS bleibt", "die Kasse behalten wir") for what it says it of, before or after it.
_EXISTING_VERBS = _IN_USE_VERBS | _USE_VERBS | _STATE_PARTICIPLES
# ... of these the subject before them too: "Our accounting stays in DATEV", "Der Shop läuft über Shopify".
_SUBJECT_VERBS = frozenset(
    [
        "bleibt",
        "bleiben",
        "laeuft",
        "laufen",
        "weiterlaeuft",
        "weiterlaufen",
        "weiterbetrieben",
        "weitergenutzt",
        "stay",
        "stays",
        "remains",
    ]
)
_PLURAL_SUBJECT_VERBS = frozenset(["bleiben", "laufen", "stay", "remain"])
_SERVICE_NOUNS = frozenset(["operation", "maintenance", "support", "hosting", "installation", "training"])
# ... and the plural auxiliary of a passive one ("Einwohnermeldewesen und Finanzwesen werden weiterbetrieben")
_PLURAL_AUXILIARIES = frozenset(["werden", "sind", "are"])
# Words after which a negation or an "already have" no longer holds ("keinen Shop, sondern eine Website").
_SCOPE_ENDS = frozenset(
    [
        "sondern",
        "aber",
        "jedoch",
        "nur",
        "stattdessen",
        "dafuer",
        "allerdings",
        "but",
        "only",
        "just",
        "instead",
        "however",
        "rather",
    ]
)
# ... and, for "already have", a need verb: "wir haben schon eine Praxissoftware und brauchen ...".
_NEED_VERBS = frozenset(
    [
        "brauchen",
        "brauch",  # "brauch ne Handwerkersoftware", "brauch ich nicht"
        "braucht",
        "braeuchten",  # "bräuchten wir auch"
        "braeuchte",
        "benoetigen",
        "benoetigt",
        "suchen",
        "sucht",
        "wuenschen",
        "moechten",
        "moechte",
        "wollen",
        "will",
        "need",
        "needs",
        "want",
        "wants",
        "require",
        "requires",
        "looking",
        "seek",
    ]
)
# A bare "App" after a preposition names a channel of another need ("Zeiterfassung per App"), not an app
# to develop.
_CHANNEL_WORDS = frozenset(
    ["per", "via", "ueber", "mit", "als", "am", "by", "with", "through", "using", "on"]
)  # "am Telefon besprochen", "works on their phones"
# A bare channel word after such a preposition (or in the list it starts) is how something else travels.
_HELP = frozenset(["help", "hilfe", "unterstuetzung", "support", "helfen"])
_ADVERTISING = ("ads", "advert", "werbung", "anzeigen", "kampagne", "campaign", "marketing")
_CHANNELS = {
    "mobile-app": frozenset(["app", "apps"]),
    "telephony": frozenset(["telefon", "phone", "phones", "anruf"]),
    "newsletter": frozenset(["mail", "mails", "email", "e-mail"]),
    "email-system": frozenset(["mail", "mails", "email", "e-mail"]),
    "social-media": frozenset(["instagram", "facebook", "whatsapp", "tiktok"]),
    "marketplace": frozenset(["airbnb", "expedia", "booking.com", "bookingcom"]),
    "procurement": frozenset(["evergabe", "e-vergabe"]),
    # "Beitragseinzug per SEPA-Lastschrift": how fees are collected, not a bank connection to build
    "banking": frozenset(
        ["lastschrift", "lastschriften", "sepalastschrift", "sepa-lastschrift"]
    ),  # "Unterlagen über die e-Vergabe abrufbar"
}
# Words with another sense in some context: the capability is read only when the context words that
# select the other sense are absent (``unless``), or only when those that select it are present
# (``only_with``).
# Context words match as prefixes of the text's folded words ("kranken" in "Krankenkassen").
_TENDER_WORDS = (
    "ausschreib",
    "vergabe",
    "verhandlungsverfahren",
    "rahmenvertrag",
    "rahmenverein",
    "auftragnehmer",
    "bieter",
    "uvgo",
    "vgv",
    "tender",
)
_SUPPLY_WORDS = (
    *_TENDER_WORDS,
    "lot",
    "los",
    "neu",
    "liefer",
    "beschaff",
    "kauf",
    "anschaff",
    "ersetz",
    "austausch",
    "ausstatt",
    "new",
    "buy",
    "supply",
    "purchas",
    "procure",
    "replac",
    "provision",
    # "die Fahrer brauchen Diensthandys": devices asked for are devices to supply
    "brauch",
    "braeucht",  # "bräuchten wir auch gleich mit"
    "benoetig",
    "need",
)
# Everyday words that name a capability only in a trade's context: a reservation of a restaurant is its
# table booking, of a hotel its room booking; an order at a table is restaurant software. Each rule: the
# capability, word prefixes (folded), context prefixes; read when a word and a context word are both in the
# text (weight W_CONTEXT, weaker than a word of the taxonomy).
# ... and where food is ordered ("Pizzeria", "takeaway", "Bäckerei")
_FOOD_PLACES = (
    *("pizz", "imbiss", "doener", "burger", "sushi", "lieferdienst", "liefer", "essen", "food", "kitchen"),
    *("takeaway", "take-away", "delivery", "meal", "dish", "diner", "bakery", "baecker", "konditor"),
)
_GASTRO = (
    "restaurant",
    "gastro",
    "gaststaett",
    "bistro",
    "cafe",
    "biergarten",
    "kneipe",
    "wirtshaus",
    "speise",
    "mittagessen",
    "catering",
    "kueche",
    "tisch",
)
_LODGING = (
    "hotel",
    "zimmer",
    "pension",
    "ferienwohnung",
    "gaestehaus",
    "hostel",
    "camping",
    "campsite",
    "rooms",
    "gaeste",
    "uebernacht",
    "holiday",  # "holiday flats", "holiday homes"
    "vacation",
    "fewo",
    "ferienhaus",
    "ferienhaeus",
)
_TRUCKING = (
    "lkw",
    "spedition",
    "transporter",
    "sprinter",
    "kurier",
    "paket",
    "fracht",
    "disponent",
    "truck",
    "zustell",
    "fahrer",
    "driver",
    "fuhrpark",
    "fahrzeuge",
    "fahrzeugen",
)
# Trades of craftsmen (prefixes of folded words).
# A trade's word in a trader's name is no craft: a "Sanitärgroßhandel" sells, a "Malerbedarf" supplies.
_TRADERS = ("handel", "haendler", "handlung", "bedarf")
# Compounds with a trade's head that name something else: a garage's "Reifenhotel" stores tyres.
_NOT_THE_TRADE = ("reifenhotel",)
_CRAFT_TRADES = (
    "elektrik",
    "elektriker",
    "elektrobetrieb",
    "elektroinstall",
    "maler",
    "fliesen",
    "schreiner",
    "tischler",
    "dachdeck",
    "sanitaer",
    "heizung",
    "zimmerei",
    "installateur",
    "geruest",
    "bodenleger",
    "glaser",
    "schlosser",
    "metallbau",
    "plumb",
    "roof",
    "carpent",
    "electrician",
    "handwerk",
    "geselle",
    "monteur",
    "klempner",
    "maurer",
    "schornstein",
    "steinmetz",
    "zimmerer",
    "trockenbau",
    "estrich",
    "parkett",
    "rollladen",
    "kaelte",
    "landschaftsbau",
    "gartenbau",
)
_CONTEXT_WORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("restaurant-software", ("reservier", "bestell", "abbestell", "reservation", "order"), _GASTRO),
    (
        "hotel-software",
        (
            "buchen",
            "buchung",
            "direktbuch",
            "belegung",
            "booking",
            "check-in",
            "checkin",
            "einchecken",
            "reservation",
            "reservierung",
        ),
        _LODGING,
    ),
    (
        "logistics-tms",
        ("tourenplan", "tourenoptim", "touren", "zustellung", "sendung", "routenplan", "route"),
        _TRUCKING,
    ),
    (
        "event-management",
        ("ticket", "einlass", "gaesteliste", "eintritt"),
        ("club", "konzert", "festival", "party", "disko", "veranstalt"),
    ),
    (
        "field-service",
        ("monteur", "techniker", "rausschick", "einsatzplan", "job scheduling", "dispatch"),
        ("monteur", "techniker", "kundendienst", "wartung", "service", "plumb", "technician", "einsatz"),
    ),
    (
        "iiot-platform",
        ("temperatur", "temperature", "sensor"),
        ("ueberwach", "aufzeich", "automatisch", "alarm", "monitor", "logg"),
    ),
    (
        "craft-software",
        ("angebot", "rechnung", "aufmass", "kalkulation", "quote", "invoice", "auftraeg", "material"),
        (*_CRAFT_TRADES, "baustelle"),
    ),
    # "Weiterentwicklung" of an application: custom software
    (
        "custom-software",
        ("weiterentwicklung",),
        ("softwarepflege", "fachverfahren", "fachanwendung", "anwendung", "software", "java"),
    ),
    # "Google findet uns nicht", "bei Google auftauchen": search engine marketing
    (
        "seo-sea",
        (
            "findet",
            "finden",
            "gefunden",
            "find",
            "found",
            "ranking",
            "oben",
            "auftauchen",
            "erscheinen",
            "show up",
            "appear",
        ),
        ("google", "googel", "bing", "suchmaschin"),
    ),
    # someone who looks after the computers: managed IT services
    (
        "managed-services",
        ("kuemmert", "kuemmern", "betreut", "betreuen", "draufschaut", "look after", "takes care"),
        (
            "rechner",
            "pc",
            "drucker",
            "server",
            "netzwerk",
            "wlan",
            "edv",
            "computer",
            "laptop",
            "firewall",
            "datensicherung",
            "backup",
            "virenschutz",
        ),
    ),
    # a craftsman's hours are time tracking
    ("time-tracking", ("stunden", "arbeitszeit"), _CRAFT_TRADES),
    # "ein Portal, wo Kunden selbst nachschauen", "ein Portal, über das Eigentümer und Mieter Abrechnungen
    # abrufen": a customer portal
    (
        "customer-portal",
        ("portal",),
        (
            "kunde",
            "kunden",
            "customer",
            "selbst",
            "self",
            "mandant",
            "client",
            "mieter",
            "eigentuemer",
            "tenant",
        ),
    ),
)
# How a tender names what it buys ("Beschaffung eines DMS", "procurement of a platform").
_BUYING_FRAMES = frozenset(["beschaffung", "beschaffen", "procurement"])
_OBJECT_ARTICLES = frozenset(["von", "eines", "einer", "einem", "der", "des", "neuer", "neuen", "of", "for"])
_DETERMINERS = frozenset(
    ["die", "der", "den", "dem", "das", "unsere", "unserer", "unseren", "unserem", "unser", "our", "the"]
)
# Services done to something: what follows them with "der/von/zu/of/on" is their object, not a need.
_SERVICES_ON_OBJECTS = frozenset(
    [
        "training",
        "software-testing",
        "penetration-testing",
        "accessibility",
        "translation",
        "ux-design",
        "siem-soc",
        "backup",
    ]
)
_OBJECT_REACH = 8  # words after the service within which its object is named
_OBJECT_LINKS = frozenset(
    ["der", "des", "von", "zu", "zum", "zur", "ueber", "unserer", "unseres", "of", "on", "for", "our"]
)
# What comes with a product ("einschließlich Lizenzen und Herstellersupport", "inkl. Wartung").
_INCLUSIONS = frozenset(["einschliesslich", "inkl", "inklusive", "including", "incl", "samt", "nebst"])
_INCIDENTAL = frozenset(["software-licensing", "ticketing", "maintenance", "hardware-supply"])
# Words that hold a pattern but name no need: "open-source" is no sourcing.
_NOT_A_NEED = frozenset(["opensource", "open-source"])
_PUBLIC_BODIES = (
    "behoerde",
    "amt",
    "aemter",
    "behoerd",
    "stadtverwaltung",
    "kreisverwaltung",
    "kommun",
    "gemeinde",
    "landkreis",
    "buerger",
    "jugendamt",
    "landesamt",
    "landesfoerder",
    "foerdermittel",
    "municipal",
    "ministry",
    "citizen",
)
_CONTEXT_WORDS += (
    # the tours of a care service ("Fahrdienst-Touren der Tagespflege", "rounds of our home care nurses") are
    # planned in its care software
    (
        "care-software",
        ("touren", "tourenplan", "fahrdienst", "route", "einsatzplan", "rounds", "visits"),
        (
            "pflegedienst",
            "tagespflege",
            "pflegeheim",
            "ambulant",
            "seniorenheim",
            "altenheim",
            "altenpflege",
            "homecare",
            "nursing",
            "nurses",
            "caregiver",
        ),
    ),
    # paying with a phone, a card, a QR code
    (
        "payment",
        ("bezahl", "pay"),
        ("handy", "karte", "qr", "mobile", "card", "kontaktlos", "smartphone", "bargeldlos", "ausweis"),
    ),
    # settling accounts with owners of holiday flats or flats
    (
        "property-management",
        ("eigentuemer", "owner"),
        ("abrechnung", "objekt", "wohnung", "vermiet", "statement"),
    ),
    # "inklusive Betrieb", "Unterstützung bei Betrieb", "the operation of its network": in a tender, running
    # the thing bought
    (
        "managed-services",
        ("betrieb", "operation"),
        (*_TENDER_WORDS, "lot", "los", "cpv", "leistungsverzeichnis", "contracting", "auftrag"),
    ),
    # applications and registrations of a public body are e-government
    (
        "e-government",
        ("antrag", "antraeg", "antragstellung", "anmeldung", "bewilligung", "application"),
        _PUBLIC_BODIES,
    ),
    # moving mailboxes or files to Microsoft 365, Exchange Online, a cloud: a cloud migration
    (
        "cloud-migration",
        ("migration", "migrier", "umstieg", "umstellung", "umziehen", "migrat", "move", "moving"),
        ("365", "cloud", "exchange", "sharepoint", "azure", "aws", "saas"),
    ),
    # a signature given on a device: "der Kunde unterschreibt auf dem Tablet", "digital quittiert"
    (
        "e-signature",
        ("unterschreib", "unterschrift", "quittier", "signier", "signature"),
        ("digital", "tablet", "handy", "smartphone", "elektronisch", "ipad", "app", "online", "electronic"),
    ),
    # mails to encrypt or to keep spam out of: e-mail security
    ("email-security", ("mail", "email"), ("verschluessel", "encrypt", "spam", "phishing")),
    # estimates, repairs and orders of a body shop or a car workshop
    (
        "workshop-software",
        ("kostenvoranschlag", "schadens", "reparatur", "auftraeg", "teilebestell"),
        ("kfz", "karosserie", "autowerkstatt", "lackierer", "autohaus", "reifen", "car repair", "body shop"),
    ),
    # parties and weddings in an inn's hall are events to organise
    (
        "event-management",
        ("feier", "hochzeit", "bankett"),
        ("gasthof", "gasthaus", "saal", "restaurant", "gastro", "catering", "location", "wirtshaus"),
    ),
    # a fitter's orders on the road are field service
    (
        "field-service",
        ("auftraeg", "auftrag", "einsaetze"),
        ("monteur", "techniker", "servicetechniker", "technician", "fitter"),
    ),
    # ... and the planning of crews: "digitale Planung, welcher Trupp wann auf welche Baustelle fährt"
    ("field-service", ("planung", "einteilung"), ("trupp", "kolonne", "kolonnen")),
    # a care service's rounds are care planning
    ("care-software", ("tourenplan", "touren"), ("pflegedienst", "pflegekraft", "pflegekraefte", "nursing")),
    # a door opened with a phone or a card
    (
        "access-control",
        ("tuer", "door"),
        ("handy", "smartphone", "karte", "chip", "app", "badge", "transponder", "keycard", "phone"),
    ),
    # papers scanned and filed: document management
    (
        "dms",
        ("ablegen", "abgelegt", "ablage", "filed", "filing"),
        ("scan", "beleg", "dokument", "document", "paper", "papier", "lieferschein", "delivery note"),
    ),
    # applications made online
    ("online-forms", ("antraeg", "antrag", "beantrag"), ("online",)),
    # vehicles located: "want the vans tracked", "die Transporter orten"
    (
        "fleet-management",
        ("tracked", "orten", "geortet", "ortung"),
        ("vans", "van", "trucks", "truck", "lkw", "fahrzeug", "transporter", "vehicles", "servicefahrzeug"),
    ),
    # meetings held in part online: "Eigentümerversammlungen hybrid durchführen", "Vorträge hybrid übertragen"
    (
        "video-conferencing",
        ("hybrid",),
        (
            "versammlung",
            "versammlungen",
            "sitzung",
            "sitzungen",
            "meeting",
            "meetings",
            "besprechung",
            "besprechungen",
            "konferenz",
            "konferenzen",
            "vortraege",
            "vortrag",
            "tagung",
            "tagungen",
        ),
    ),
    # phones and tablets locked or wiped when one is lost: "ein Gerät sperren", "Sperrung bei Verlust"
    (
        "device-management",
        (
            "sperren",
            "sperrung",
            "sperrt",
            "fernloeschung",
            "fernloeschen",
            "wipe",
            "lock",
            "zentral verwaltet",  # "die sollten zentral verwaltet sein, falls mal eins liegen bleibt"
            "zentral verwalten",
            "centrally managed",
            "managed centrally",
        ),
        (
            "handy",
            "handys",
            "smartphone",
            "tablet",
            "tablets",
            "ipad",
            "geraet",
            "geraete",
            "laptop",
            "notebook",
            "device",
            "phones",
        ),
    ),
    # someone who keeps the computers running
    ("managed-services", ("running",), ("pc", "computer", "server", "laptop", "network")),
    # data to be taken over from the old system
    (
        "data-migration",
        ("uebernahme", "uebernehm", "uebernommen", "rueber", "migrier", "migration"),
        ("altsystem", "altverfahren", "altdat", "alten", "alter", "altes", "legacy"),
    ),
)
W_CONTEXT = 0.7
_OPERATION_OF = frozenset(["der", "des", "von", "of"])
_OPERATION_AFTER = frozenset(
    ["inklusive", "inkl", "einschliesslich", "including", "incl", "und", "and", "bei"]
)
# A warehouse's words for what leaves it ("goods-in and shipping"), no transport system where a WMS is asked
# and no parcel carrier is named.
_WAREHOUSE_WORK = frozenset(
    ["logistics", "logistik", "shipping", "versand", "sendungen", "shipped", "shipments"]
)
_CARRIERS = frozenset(["dhl", "dpd", "ups", "gls", "hermes"])
_PARCELS = ("carrier", "paketdienst", "automati")
# Capabilities read from a word in a trade's context give way to the trade's own software: restaurant
# reservations are no appointment booking, hotel bookings no generic booking system.
_YIELDS_TO = {
    "appointment-booking": ("restaurant-software", "hotel-software", "event-management"),
    "ticketing": ("event-management",),
    "wms": ("restaurant-software",),
    "online-shop": ("event-management",),
}
# "Migration" alone is the move of data only where no system is moved: a move to the cloud, to a new mail
# or office suite or to new servers carries its data.
_SYSTEM_MOVES = ("cloud-migration", "email-system", "office-software", "server-storage", "virtualization-vdi")
# Words that open a description of how things are done today.
_UNTIL_NOW = frozenset(
    [("bis", "heute"), ("bis", "heut"), ("bis", "jetzt"), ("until", "now"), ("so", "far"), ("up", "to")]
)
_TODAY = frozenset(
    [
        "aktuell",
        "bisher",
        "bislang",
        "derzeit",
        "momentan",
        "zurzeit",
        "currently",
        "today",
        "presently",
    ]
)
_TODAY_PAIRS = frozenset([("the", "moment"), ("at", "present"), ("right", "now")])
# ... and opening a sentence only: "current till is some ipad app that crashes", "rn we do invoices in word"
_TODAY_OPENERS = frozenset(["current", "rn"])
# Words that ask for something without a need verb ("soll", "hätten gern").
_WISHES = frozenset(
    [
        "soll",
        "sollen",
        "sollte",
        "sollten",
        "gern",
        "gerne",
        "wuerden",
        "haetten",
        "waere",
        "should",
        "would",
        "could",
        "ueberlegen",  # "Wir überlegen einen KI-Telefonassistenten": considered, so asked about
        "considering",
    ]
)
# Words that ask: a need verb or a wish.
_ASKING = _NEED_VERBS | _WISHES
_REQUIREMENTS = frozenset(["soll", "sollen", "sollte", "sollten", "should", "will", "could", "requires"])
# A writer saying what their business is ("Wir sind eine Zimmerei", "We run three coffee shops", "ich führe
# einen Sanitärbetrieb"): the words up to the end of the sentence or a need verb describe, they do not ask.
_SELF_DESCRIPTIONS = frozenset(
    [
        ("wir", "sind"),
        ("sind", "wir"),
        ("wir", "betreiben"),
        ("betreiben", "wir"),
        ("wir", "fuehren"),
        ("ich", "fuehre"),
        ("ich", "betreibe"),
        ("ich", "bin"),
        ("we", "are"),
        ("we", "re"),
        ("we", "run"),
        ("we", "operate"),
        ("i", "run"),
        ("i", "am"),
        ("i", "m"),
    ]
)
# Groups whose capabilities are a trade's own processes: the trade's software is meant when these are asked
# for ("Kfz-Werkstatt: Aufträge, Teilebestellung"), not when only IT infrastructure is ("Zahnarztpraxis:
# Backup, Firewall").
_PROCESS_GROUPS = frozenset(["business-software", "commerce", "industry-software", "production"])
# Bought beside a trade's software, not a process of it ("Hausarztpraxis: Online-Termine und ein
# Telefonassistent", "a dental clinic ... online booking").
_BESIDE_THE_TRADE = frozenset(["appointment-booking"])
_HEADER_BUSINESS_WORDS = frozenset(["shop", "store", "werkstatt", "betrieb", "laden"])
# A capability named only as the head of a compound ("Anfrageformular") is part of its host when the host is
# named too.
_PART_OF = {"online-forms": "website-cms"}
_CALENDARS = ("kalender", "calendar", "calendars")
_CALENDAR_HOSTS = ("appointment-booking", "event-management", "hotel-software")
# A word that names what the writer's business is ("Spedition mit 25 LKW: ...", "Zahnarztpraxis sucht eine
# Telefonanlage") is context when the text asks for other things; alone ("Kfz-Werkstatt: Aufträge,
# Rechnung") it stands for the trade's software; so is the place the business works at ("die Stunden auf der
# Baustelle erfassen"; "Zwei Baustellen:" are two troubles). Folded whole words or hyphen-compound heads.
_BUSINESS_WORDS = frozenset(
    [
        "architekturbuero",
        "architects",
        "apotheke",
        "apotheken",
        "baustelle",
        "baustellen",
        "construction site",
        "spedition",
        "logistik",
        "logistiker",
        "logistikdienstleister",
        "logistikunternehmen",
        "freight",
        "logistics",
        "versandhandel",
        "versandlager",  # the place that writes: "Unser Versandlager in Nürnberg braucht neue Hardware"
        "zentrallager",
        "auslieferungslager",
        "hotel",
        "restaurant",
        "dienstleister",
        "fuhrpark",
        "kanzlei",
        "steuerkanzlei",
        "anwaltskanzlei",
        # a public body's unit that writes: "Schulverwaltungsamt", "Ordnungsbehörde"
        "amt",
        "behoerde",
        "dezernat",
    ]
)
# as the head of a compound too: "Steuerberatungskanzlei", "Seminarhotel"
_BUSINESS_HEADS = tuple(_BUSINESS_WORDS)
_BUDGET_WORK = ("plan", "abweich", "ueberwach", "verfolg", "soll", "actual", "forecast", "track", "vergleich",
                "kontroll", "control", "monitor", "steuer")  # fmt: skip
_NOT_BOOKED_DATES = (
    "hutermin",
    "tuevtermin",
    "wartungstermin",
    "kundendiensttermin",
    "liefertermin",
    "abgabetermin",
    "pruefungstermin",
    "prueftermin",
    "montagetermin",
    "terminabsprache",  # "nach Terminabsprache": by arrangement
    "vorort",  # "ein Vor-Ort-Termin": a visit of the provider
    "gespraechstermin",
    "kennenlerntermin",
    "abendtermin",  # "die Einweisung erfolgt an zwei Abendterminen": sessions held
    "inhouse-termin",
    "fertigstellungstermin",
)
_TALKS = ("besprech", "gespraech", "beratung", "kennenlern", "discuss", "talk", "consultation")
_SUPPLY_REACH = 6  # words before or after a device within which its supply is asked for ("anschaffen")
_MEDICAL = (
    "praxis",
    "arzt",
    "aerzt",
    "hausarzt",
    "facharzt",
    "zahnarzt",
    "kinderarzt",
    "patient",
    "medizin",
    "rezept",
    "klinik",
    "physio",
    "ergotherap",
    "psychotherap",
)
_HEALTH_INSURANCE_WORDS = ("kranken", "pflege", "patient", "versicher", "gkv", "kassenaerzt", "heilmittel",
                           "abrechnung", "kvabrechnung", "psychotherap",
                           # a therapy practice's prescriptions the "Kasse" cuts ("wenn die Kasse kürzt")
                           "verordnung", "physio", "ergotherap", "logopaed", "absetzung",
                           "kuerzt")  # fmt: skip
_SENSES: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]] = {
    # a tender's "applicants" bid for it; "tenants" of an IT platform are its clients; "Belegung" of a
    # hospital is its beds; "quotes" are a craftsman's only among crafts; "kritische Infrastrukturen" is
    # the law's name for a kind of operator
    "hr": (frozenset({"applicants", "applicant"}), ("tender", "procure", "contract", "lot", "bid"), ()),
    "property-management": (
        frozenset({"tenant", "tenants", "multi-tenant", "multitenant"}),
        (),
        ("rent", "landlord", "propert", "apartment", "lease", "tenancy", "miet", "wohnung", "immobil"),
    ),
    "hotel-software": (
        frozenset({"belegung", "bettenbelegung"}),
        ("krankenhaus", "klinik", "patient", "station", "pflegeheim"),
        (),
    ),
    "craft-software": (
        frozenset({"quote", "quotes", "quoting"}),
        (),
        (*_CRAFT_TRADES, "plumb", "electric", "carpent", "roof", "paint", "craft", "tradesm", "joiner"),
    ),
    "managed-services": (
        frozenset({"infrastrukturen", "infrastruktur", "infrastructure", "critical-infrastructure"}),
        ("kritis", "kritisch", "critical"),
        (),
    ),
    # in a practice, "MFA" are its medical assistants and "Überweisungen" referrals
    "identity-management": (frozenset({"mfa"}), _MEDICAL, ()),
    "banking": (frozenset({"ueberweisung", "ueberweisungen"}), _MEDICAL, ()),
    # labels are printed by a labelling system ("printing of SSCC labels"), not a print service
    "managed-print": (
        frozenset({"printing", "print", "drucken", "ausdrucken", "druck"}),
        ("label", "etikett", "sscc", "nve", "barcode"),
        (),
    ),
    # a car "workshop" is a garage, not a course
    "training": (
        frozenset({"workshop", "workshops"}),
        ("kfz", "werkstatt", "car", "repair", "reparatur", "garage", "vehicle", "fahrzeug", "mechanic"),
        (),
    ),
    # "reserve or order online and pick up later" of a pharmacy: click and collect, food only where there is
    # a kitchen
    "restaurant-software": (
        frozenset({"online ordering", "order online", "onlinebestellung", "online bestellen"}),
        (),
        (*_GASTRO, *_FOOD_PLACES),
    ),
    # "Abrechnung mit den Kassen" of a care service: health insurers, not a till.
    "pos": (
        frozenset({"kasse", "kassen"}),
        # ... and a psychotherapist's "Kassen + Privat" beside the "KV-Abrechnung"
        _HEALTH_INSURANCE_WORDS,
        (),
    ),
    # "Vergabe" and "Ausschreibung" are what every public tender says of itself; construction software only
    # when the text is about building.
    "construction-ava": (
        frozenset(
            {
                "vergabe",
                "ausschreibung",
                "ausschreibungen",
                "abrechnung",
                "vergabeunterlagen",
                "vergabeplattform",
                "tender",
                "tendering",
                "tenders",
                "bidding",
                "leistungsverzeichnis",
            }
        ),
        (),
        (
            "bauunternehm",
            "baufirma",
            "bauleist",
            "bauprojekt",
            "bauvorhaben",
            "bauleitung",
            "baustell",
            "bauwesen",
            "bauindustr",
            "baugewerb",
            "bau-",
            "gaeb",
            "architekt",
            "hochbau",
            "tiefbau",
            "rohbau",
            "handwerk",
            "gewerk",
        ),
    ),
    # "Beschaffung von Lizenzen" in a tender names how the buyer buys, not a purchasing system.
    "procurement": (
        frozenset({"beschaffung", "beschaffen", "procurement"}),
        (
            *_TENDER_WORDS,
            "lizenz",
            "licen",
            "zuschlag",
            "leistungsbeschreibung",
            "vertragslaufzeit",
            "verhandlungsvergabe",
            "los",
            "lot",
            "cpv",
            "contracting",
        ),
        (),
    ),
    # "Laptops", "Drucker", "Hardware" to be delivered are hardware supply; without a word of buying or
    # replacing they are devices to manage ("die Laptops zentral verwalten").
    "device-management": (
        frozenset(
            {
                "laptops",
                "notebooks",
                "rechner",
                "pcs",
                "computer",
                "computers",
                "drucker",
                "printers",
                "hardware",
                "arbeitsplaetze",
                "smartphone",
                "smartphones",
                "pc",
                "tablet",
                "tablets",
                "rechnern",
                "druckern",
                "arbeitsplatzmonitoren",
            }
        ),
        _SUPPLY_WORDS,
        (
            "verwalt",
            "manag",
            "zentral",
            "inventar",
            "einricht",
            "konfigur",
            "deploy",
            "mdm",
            "update",
            "patch",
            "betreu",
            "administ",
            "verteil",
            "rollout",
            "absicher",
            "secur",
            "set-up",
            "setup",
        ),
    ),
    "hardware-supply": (
        frozenset(
            {
                "laptops",
                "notebooks",
                "rechner",
                "arbeitsplatzrechner",
                "drucker",
                "printers",
                "tablet",
                "tablets",
                "smartphone",
                "smartphones",
                "pc",
                "pcs",
                "monitore",
                "bildschirm",
                "bildschirme",
                "endgeraete",
                "endgeraeten",
                "monitoren",
                "bildschirmen",
                "rechnern",
                "druckern",
                "devices",
                "monitors",
                "diensthandys",
                "firmenhandys",
                "workstations",
                "computer",
                "computern",
                "computers",
                "laptop",
                "diensthandy",
                "firmenhandy",
                "headset",
                "headsets",
                "arbeitsplatz",
            }
        ),
        (),
        _SUPPLY_WORDS,
    ),
    # "Tourenplanung" of a haulier or a care service is transport or care planning, not field service.
    "field-service": (
        frozenset({"tourenplanung", "route planning", "touren planen", "plan routes", "planung der touren"}),
        (
            "lkw",
            "spedition",
            "fracht",
            "kurier",
            "paket",
            "sendung",
            "truck",
            "pflege",
            "patient",
            "fuhrpark",
            "lieferschein",
            "getraenke",
            "grosshandel",
        ),
        (),
    ),
    # "DMS" of a car dealer is its dealer management system.
    "dms": (frozenset({"dms"}), ("autohaus", "kfz", "werkstatt", "fahrzeug", "dealer", "garage"), ()),
    # a camera of a meeting room films the meeting, not the premises
    "video-surveillance": (
        frozenset({"kamera", "kameras", "camera", "cameras"}),
        ("videokonferenz", "video conferenc", "sitzungssaal", "besprechungsraum", "meeting room", "webcam"),
        (),
    ),
    # "Ticketing" of a festival sells tickets; of a service desk it tracks requests, which nobody sells.
    "ticketing": (
        frozenset({"ticketing", "tickets"}),
        (
            "festival",
            "konzert",
            "veranstaltung",
            "event",
            "eintritt",
            "besucher",
            "theater",
            "concert",
            "verkauf",
            "sell",
            "sold",
            "kaufen",
            "buy",
        ),
        (),
    ),
    # "Wartung" of servers or software is IT operation, not plant maintenance.
    # ... nor is that of printers, vehicles or the installations a craftsman services for his customers.
    "maintenance": (
        frozenset(
            {
                "wartung",
                "wartungsvertraege",
                "wartungsvertraegen",
                "wartungstermine",
                "wartungsintervalle",
                "wartungsprotokolle",
                "wartungsprotokoll",
                "maintenance",
            }
        ),
        (
            "server",
            "software",
            "infrastruktur",
            "netzwerk",
            "rechner",
            "edv",
            "hardware",
            "it-",
            "drucker",
            "multifunktion",
            "kopierer",
            "cctv",
            "kamera",
            "firewall",
            "lkw",
            "fahrzeug",
            "flotte",
            "fuhrpark",
            "monteur",
            "kundendienst",
            "heizung",
            # devices of users: their upkeep is IT support
            "endgeraet",
            "ipad",
            "tablet",
            "laptop",
            "notebook",
            "pc",
        ),
        (),
    ),
    # "Ladungssicherung" secures a load; a backup secures data.
    "backup": (
        frozenset({"sicherung", "sicherungen"}),
        (),
        ("daten", "backup", "server", "system", "nas", "cloud", "dateien", "rechner", "datensich"),
    ),
    # Scanning at a delivery or in a warehouse reads barcodes, not documents.
    "ocr-capture": (
        frozenset({"scan", "scannen", "scanner", "scannern"}),
        ("zustell", "paket", "lager", "kommission", "sendung", "palette", "warehouse", "parcel", "delivery"),
        # ... and a scan with nothing on paper about is of a code ("Leerungen per Scan quittieren")
        (
            "beleg",
            "dokument",
            "papier",
            "akte",
            "rechnung",
            "lieferschein",
            "seite",
            "brief",
            "post",
            "formular",
            "unterlagen",
            "vertrag",
            "vertraeg",
            "archiv",
            "document",
            "paper",
            "invoice",
            "file",
            "receipt",
            "letter",
            "record",
            "form",
        ),
    ),
    # Reports of a field service or a care round are documents, not business intelligence.
    "bi": (
        frozenset({"berichte", "bericht", "reports", "report"}),
        (),
        (
            "auswert",
            "kennzahl",
            "dashboard",
            "analy",
            "umsatz",
            "controlling",
            "statistik",
            "kpi",
            "reporting",
            "daten",
            "data",
            "zahlen",
        ),
    ),
    # "Rechenzentrum" that servers are delivered to is a place, not hosting bought.
    "hosting": (
        frozenset({"rechenzentrum", "rechenzentrums"}),
        ("liefer", "speichersystem", "install"),
        (),
    ),
    # "Digitalisierung der Akten" is scanning, not consulting.
    "it-consulting": (
        frozenset({"digitalisierung", "digitalisieren"}),
        ("akte", "akten", "beleg", "papier", "dokument", "unterlagen", "scan"),
        (),
    ),
    # CNC machines to monitor or maintain are the plant, not CAM programming.
    "cam-cnc": (
        frozenset({"cnc", "cnc-maschine", "cnc-maschinen", "cnc machine", "cnc machines"}),
        ("condition", "zustand", "wartung", "instandhalt", "maintenance", "predictive", "ausfall", "monitor"),
        (),
    ),
    # "Lösung gegen Spam-Mails" keeps mails out; a newsletter sends them
    "newsletter": (
        frozenset({"mail", "mails", "email", "emails"}),
        # ... and "die alten Mails rüberziehen" moves a mailbox
        ("spam", "phishing", "verschluessel", "encrypt", "rueberzieh", "migr", "umzieh", "postfa", "domain"),
        (),
    ),
    # "Speicherplatz" provided in a data centre is hosting, not storage hardware
    "server-storage": (
        frozenset({"speicherplatz"}),
        ("housing", "rechenzentrum", "hosting", "bereitstellung", "colocation"),
        (),
    ),
    # "Nutzungsrechte" of graves or software are no media rights.
    "digital-asset-management": (
        frozenset({"nutzungsrechte", "rights management"}),
        (),
        ("bild", "foto", "medien", "media", "video", "grafik", "asset", "image", "photo", "marketing"),
    ),
    # Shipping labels are printed by the shipping software.
    "barcode-rfid": (
        frozenset({"etikettendruck", "etiketten", "versandetiketten", "label printing"}),
        ("versand", "paket", "dhl", "dpd", "hermes", "shipping", "carrier", "parcel"),
        (),
    ),
    # "DSGVO-konform" is a condition on whatever is asked for, not data-protection consulting.
    "data-protection": (
        frozenset({"konform", "compliant"}),
        (),
        ("beauftragt", "beratung", "verzeichnis", "folgenabschaetzung", "audit", "schulung", "officer"),
    ),
}


@dataclass(frozen=True, slots=True)
class CapabilityHit:
    id: str
    score: float
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class NeedAnalysis:
    """Capabilities found in a text (best first) and the interface standards it names.

    ``negated``: capabilities the text says it does not want ("keinen Onlineshop"); ``existing``: systems the
    customer already runs ("wir haben schon eine Praxissoftware"); ``in_passing``: capabilities a longer text
    names only in passing (see FOCUS_RATIO) and the learned screen does not take up, or that it doubts (see
    need_screen); none of them is asked for. ``deployment``: how the solutions
    are to run, if the text says it ("keine Cloud": "on-premise"; see deployment.py)."""

    text: str
    capabilities: list[CapabilityHit]
    standards: list[str] = field(default_factory=list)
    negated: list[CapabilityHit] = field(default_factory=list)
    existing: list[CapabilityHit] = field(default_factory=list)
    in_passing: list[CapabilityHit] = field(default_factory=list)
    # how the solutions are to run (deployment.py: "on-premise" or "cloud") and the words that say so
    deployment: str | None = None
    deployment_evidence: str = ""

    @property
    def understood(self) -> bool:
        """Whether the text named anything the taxonomy knows (as a need, not a refusal or a given)."""
        return bool(self.capabilities)

    @property
    def beyond_limit(self) -> list[str]:
        """Capabilities found but not composed: a need holds at most MAX_NEED_CAPABILITIES."""
        return self.capability_ids[MAX_NEED_CAPABILITIES:]

    @property
    def capability_ids(self) -> list[str]:
        return [hit.id for hit in self.capabilities]


@dataclass(frozen=True, slots=True)
class Need:
    """What a customer asks for: required capabilities plus constraints, validated at construction.

    * ``weights``: importance per capability (need-analysis scores; default 1.0 each).
    * ``standards``: standards the customer named; links and solutions using them are preferred.
    * ``hub``: only companies of this hub (berlin, aachen, karlsruhe, kassel); also the reference location.
    * ``location``: (lat, lon) the customer is at; proximity is measured from here (else from the hub).
    * ``max_partners``: at most this many companies in a bundle.
    * ``labels``: every solution of a bundle must carry all these labels (its own, or its company's).
    * ``customer_company_id``: the customer's own company; past cooperations with it count as trust.
    * ``added`` / ``removed``: capabilities the customer added to / removed from what the text named (see
      correct.py); ``required_standards``: standards every bundle must speak (a hard constraint, see
      objective.bundle_objective).
    * ``existing``: systems the customer already runs (capability ids, not composed); solutions that must
      exchange data with one of them are preferred when they connect to it (existing.py, objective.py).
    * ``deployment``: every solution must run this way, "on-premise" or "cloud" (a hard constraint, see
      deployment.py); None: any way.
    """

    capabilities: tuple[str, ...]
    text: str = ""
    weights: Mapping[str, float] | None = None
    standards: tuple[str, ...] = ()
    hub: str | None = None
    location: tuple[float, float] | None = None
    max_partners: int | None = None
    labels: tuple[str, ...] = ()
    customer_company_id: str | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    required_standards: tuple[str, ...] = ()
    existing: tuple[str, ...] = ()
    deployment: str | None = None

    def __post_init__(self) -> None:
        for name in ("capabilities", "added", "removed", "required_standards", "existing"):
            object.__setattr__(self, name, tuple(dict.fromkeys(getattr(self, name))))
        object.__setattr__(self, "standards", tuple(dict.fromkeys(self.standards)))
        object.__setattr__(self, "labels", tuple(dict.fromkeys(self.labels)))
        if self.max_partners is not None and self.max_partners < 1:
            raise ValueError(f"max_partners must be at least 1, not {self.max_partners}")
        if self.hub is not None and self.hub not in HUB_LOCATIONS:
            raise ValueError(f"unknown hub {self.hub!r} (one of {', '.join(HUB_LOCATIONS)})")
        if self.location is not None:
            lat, lon = self.location
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError(f"location {self.location!r} out of range")
        if self.deployment is not None and self.deployment not in DEPLOYMENTS:
            raise ValueError(f"unknown deployment {self.deployment!r} (one of {', '.join(DEPLOYMENTS)})")
        for cap, weight in (self.weights or {}).items():
            if not 0 < weight <= 1:
                raise ValueError(f"weight of {cap!r} must be in (0, 1], not {weight}")

    def weight(self, capability_id: str) -> float:
        return (self.weights or {}).get(capability_id, 1.0)

    @property
    def reference_location(self) -> tuple[float, float] | None:
        if self.location is not None:
            return self.location
        return HUB_LOCATIONS.get(self.hub) if self.hub else None


_GENITIVE_LINKS = frozenset(["der", "des"])

# -- matcher ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Match:
    target: str  # capability or standard id
    kind: str  # "cap" | "std"
    weight: float
    cover: frozenset[tuple[int, int, int]]  # (token, lo, hi) in folded-surface character coordinates
    evidence: str

    @property
    def start(self) -> int:
        """The first token the match covers."""
        return min(t for t, _, _ in self.cover)

    def inside(self, other: _Match) -> bool:
        if self.cover == other.cover:
            return False
        by_token: dict[int, list[tuple[int, int]]] = {}
        for t, lo, hi in other.cover:
            by_token.setdefault(t, []).append((lo, hi))
        return all(
            any(lo2 <= lo and hi <= hi2 for lo2, hi2 in by_token.get(t, ())) for t, lo, hi in self.cover
        )


def _alternatives(label: str) -> list[str]:
    """A label such as "Warenwirtschaft / ERP" or "Archivierung (GoBD)" names several patterns."""
    return [p.strip() for p in re.split(r"\s/\s|/|\(|\)|\bund\b|\band\b|,", label) if p.strip()]


# Words matched as written only, not by their verb's forms: "3 hosts" are servers, "hosted within the EU" is
# where a service runs; neither asks for hosting.
_GERUNDS_ONLY = frozenset(["hosting"])
# ... and words matched only as written: "grades" of a school, not "grad" (colloquial for "gerade")
# ... and "Schranke" (a barrier), whose lemma the dictionary gives as "Schrank" (a cupboard: "Schränke",
# "Schrankwand" of a joiner)
_AS_WRITTEN = frozenset(["grades", "schranke"])


# English function words that a capability's acronym spells ("HIS", a hospital information system)
_FUNCTION_WORDS = frozenset(["his", "her", "its", "it", "us", "am", "is", "as", "an", "or", "so"])


def _is_acronym(pattern: str) -> bool:
    return pattern.isupper() and len(pattern) <= 5


# Heads that make a compound a person's title: a "Weiterbildungsassistent" is a doctor in training, a
# "Marketingreferentin" a colleague, neither asks for what the modifier names.
_PERSON_HEADS = ("assistent", "referent", "koordinator", "leiter")
# Heads that make a compound a kind of system: "Field-Service-Software", "Field-Service-Lösung".
_SYSTEM_HEADS = ("software", "loesung", "system", "tool", "plattform", "platform", "solution", "modul", "app")
_SHORT_HEADS = frozenset(["app", "apps"])  # "Zeiterfassungsapp": heads too short to be told from endings


def _shared_start(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _known_modifier(word: str) -> int:
    """The length of the first word of a German compound of two words the dictionary knows ("Projektdaten":
    7), 0 if there is none. Only ASCII words: the length is compared in folded letters."""
    if not word.isascii():
        return 0
    for k in range(4, len(word) - 3):
        head = word[k:]
        for cut in ("", "s", "es"):
            rest = head[len(cut) :]
            if (
                head.startswith(cut)
                and len(rest) >= 4
                and is_known_word(word[:1].upper() + word[1:k].lower(), "de")
                and is_known_word(rest[:1].upper() + rest[1:].lower(), "de")
            ):
                return k
    return 0


def _written_after(surface: str, k: int) -> str:
    """What a word has as written after the first ``k`` letters of its folded form ("E-Learninglösung", 9:
    "lösung"); "" where the cut falls inside a spelt-out umlaut."""
    n = 0
    for at, ch in enumerate(surface):
        if n == k:
            return surface[at:] if ch not in "-–" else surface[at + 1 :]
        if n > k:
            return ""
        n += len(fold(ch))
    return ""


def _is_word(rest: str) -> bool:
    """The rest of a compound after its modifier (and a linking -s/-es) is a German word of its own."""
    for cut in ("", "s", "es", "n"):
        word = rest[len(cut) :]
        long_enough = len(word) >= 4 or word.lower() in _SHORT_HEADS
        if rest.startswith(cut) and long_enough and is_known_word(word[:1].upper() + word[1:], "de"):
            return True
    return False


def _verb_forms(forms: Iterable[str]) -> set[str]:
    """An English gerund read as its verb: booking -> book, planning -> plan, scheduling -> schedule."""
    out = set(forms)
    for f in list(out):
        if f.endswith("ing") and len(f) > 5:
            stem = f[:-3]
            out |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.add(stem[:-1])
    return out


def _nominal(forms: Iterable[str]) -> set[str]:
    """A verb read as the noun of a compound: erfassen -> erfassung, vorhersagen -> vorhersage."""
    out = set(forms)
    for f in list(out):
        if f.endswith("en") and len(f) > 5:
            out |= {f[:-2] + "ung", f[:-1], f[:-2]}
    return out


_VERB_REACH = 4  # words from a noun to the verb that makes a compound of it


def _tails(tok: Token) -> set[str]:
    """A German noun's forms and their ends of five letters or more: "Besichtigungstermin buchen" books a
    Termin, so its pair with the verb is a Terminbuchung ("Fahrtenbuch führen" keeps a log: no Buchführung).
    Bounded by the word's length."""
    if not tok.surface[:1].isupper():
        return set(tok.forms)
    return {f[k:] for f in tok.forms for k in range(max(1, len(f) - 4))} | set(tok.forms)


class _Matcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.words: dict[str, list[tuple[str, str, str]]] = {}  # form -> (target, kind, pattern)
        self.phrases: dict[str, list[tuple[tuple[frozenset[str], ...], str, str, str]]] = {}
        self.reversed: dict[str, list[tuple[tuple[frozenset[str], ...], str, str, str]]] = {}
        self.vocabulary: set[str] = set()  # the words patterns are made of: what a typo is corrected to
        self.german: set[str] = set()  # one-word forms of German patterns
        self.written: set[str] = set()  # one-word patterns as written (folded)
        self.acronyms: set[str] = set()  # one-word patterns written in capitals ("MDM", "ERP")
        for cap in taxonomy.capabilities.values():
            if taxonomy.is_group(cap.id):
                continue
            for p in [*_alternatives(cap.label_de), *cap.synonyms_de]:
                self._add(p, cap.id, "cap", german=True)
            for p in [*_alternatives(cap.label_en), *cap.synonyms_en, cap.id]:
                self._add(p, cap.id, "cap")
        for std in taxonomy.standards.values():
            for p in _alternatives(std.label):
                self._add(p, std.id, "std", german=True)
            self._add(std.id, std.id, "std")
            # English names as phrases only: a lone word of a gloss ("plumbing", "Email") names no standard
            german = set(_alternatives(std.label))
            for p in _alternatives(std.label_en):
                if p not in german and len(p.split()) >= 2:
                    self._add(p, std.id, "std")
        self._vocabulary_list = sorted(self.vocabulary)
        self._corrections: dict[str, str | None] = {}

    def corrected(self, token: Token) -> Token:
        """The token, or the taxonomy word it misspells: one edit for words of 5 to 7 letters, two from 8 on.
        Only words no pattern and no dictionary knows are corrected, and each once per matcher (bounded)."""
        surface = token.surface
        if len(surface) < 5 or not surface.isalpha() or token.forms & self.vocabulary:
            return token
        if surface[:1].islower() and not surface[1:].islower():
            return token  # a product written as its maker does ("iPads", "eRezept") is no typo
        key = fold(surface)
        # Read with .get and written whole: web threads share the matcher, one may clear while another reads.
        best = self._corrections.get(key, "")
        if best == "":
            best = None
            known = is_known_word(surface, "de") or is_known_word(surface.lower(), "en")
            if not known and key not in self.words:
                limit = 1 if len(key) < 8 else 2
                # a typo keeps the word's first two letters ("Mircosoft", "Rechnugnen"); "Antragsbearbeitung"
                # is no misspelt "Auftragsbearbeitung"
                found = fuzzy_process.extract(
                    key, self._vocabulary_list, scorer=Levenshtein.distance, score_cutoff=limit, limit=5
                )
                best = next((word for word, _, _ in found if word[:2] == key[:2]), None)
                if best is not None and _shared_start(key, best) < _known_modifier(surface):
                    best = None  # "Projektdaten" is no misspelt "Produktdaten": its first word is a word
            if len(self._corrections) > 50_000:
                self._corrections.clear()
            self._corrections[key] = best
        return token if best is None else _token(best)

    def _add(self, pattern: str, target: str, kind: str, *, german: bool = False) -> None:
        tokens = tokenize(pattern)
        if not tokens:
            return
        if len(tokens) == 1:
            surface = tokens[0].surface
            # An acronym ("CMS", "ERP") is matched as written, never by a lemma ("CMS" is no plural of "cm").
            acronym = _is_acronym(surface)
            forms = {fold(surface)} if acronym else tokens[0].forms
            if acronym:
                self.acronyms.add(fold(surface))
            if fold(surface) in _GERUNDS_ONLY:
                forms = {f for f in forms if f.endswith("ing")}
            if fold(surface) in _AS_WRITTEN:
                forms = {fold(surface)}
            for form in forms:
                if len(form) >= 2:
                    self.words.setdefault(form, []).append((target, kind, pattern))
                    self.vocabulary.add(form)
                    if german:
                        self.german.add(form)
            self.written.add(fold(surface))
            return
        for token in tokens:
            self.vocabulary.update(f for f in token.forms if len(f) >= 5 and f.isalpha())
        seq = tuple(t.forms for t in tokens)
        for form in seq[0]:
            self.phrases.setdefault(form, []).append((seq, target, kind, pattern))
        if (
            len(seq) == 2
        ):  # "appointment booking" also as "book appointments", "project planning" as "plan projects"
            for form in _verb_forms(seq[1]):
                self.reversed.setdefault(form, []).append((seq, target, kind, pattern))

    def matches(self, tokens: list[Token], clause_of: list[int] | None = None) -> list[_Match]:
        """Matches in the tokens; with ``clause_of``, none spans two clauses ("Laden: Kasse" is no
        "Ladenkasse"), and so none hides a match of one clause."""
        found: list[_Match] = []

        def add(form: str, weight: float, cover: frozenset, evidence: str, written: str = "") -> None:
            for target, kind, pattern in self.words.get(form, ()):
                # an acronym is written in capitals: "Pos. 1.1" of a bill of quantities is no POS
                acronym = _is_acronym(pattern) or (pattern == target and len(pattern) <= 5)
                if written and acronym and written[:1].isupper() and written[1:].islower():
                    continue
                # ... and a capability's acronym in small letters that is a function word is that word: "the
                # key in his pocket" holds no HIS
                if written and acronym and kind == "cap" and written in _FUNCTION_WORDS:
                    continue
                # "DMs" are direct messages, the plural of DM: an acronym's last capital is written as such
                if (
                    written
                    and acronym
                    and written[-1:] == "s"
                    and written[:-1].isupper()
                    and fold(written) == fold(pattern)
                ):
                    continue
                found.append(_Match(target, kind, weight, cover, evidence))

        for i, tok in enumerate(tokens):
            surface = fold(tok.surface)
            n = len(surface)
            for seq, target, kind, _pattern in self._phrases_at(tokens, i):
                cover = frozenset((i + k, 0, len(fold(tokens[i + k].surface))) for k in range(len(seq)))
                evidence = " ".join(t.surface for t in tokens[i : i + len(seq)])
                found.append(_Match(target, kind, W_PHRASE, cover, evidence))
            if tok.is_stopword:
                continue
            for form in tok.forms:
                for seq, target, kind, _pattern in self.reversed.get(form, ()):
                    for j in (i + 1, i + 2):  # the object right after the verb, or after one function word
                        if (
                            j < len(tokens)
                            and seq[0] & tokens[j].forms
                            and (j == i + 1 or tokens[i + 1].is_stopword)
                        ):
                            cover = frozenset({(i, 0, n), (j, 0, len(fold(tokens[j].surface)))})
                            evidence = " ".join(t.surface for t in tokens[i : j + 1])
                            found.append(_Match(target, kind, W_PAIR, cover, evidence))
            whole = frozenset({(i, 0, n)})
            for form in tok.forms:
                if surface.endswith("ing") and not form.endswith("ing") and surface[:1].isascii():
                    continue  # "monitoring" is no "monitor", "hosting" is matched as written
                add(form, W_WORD, whole, tok.surface, tok.surface)
            pos = 0
            parts = re.split(r"[-–]", tok.surface)
            self._phrases_in_parts(tok, i, parts, found)
            for k, (part_forms, part) in enumerate(zip(tok.parts, parts, strict=False)):
                length = len(fold(part))
                for form in part_forms:
                    if fold(part).endswith("ing") and not form.endswith("ing") and part[:1].isascii():
                        continue  # "24/7-Monitoring" holds no "Monitor" (as the whole word above)
                    add(form, W_PART, frozenset({(i, pos, pos + length)}), tok.surface, part)
                self._modifier_of_a_part(tok, i, k, pos, part, found)
                if k + 1 < len(parts) and not part_forms & self.words.keys():
                    # a modifier keeps its linking element: "Videosprechstunden-Tool", "Kunden-Bindungs-..."
                    key = fold(part)
                    for cut in ("n", "s", "en", "es"):
                        if key.endswith(cut) and key[: -len(cut)] in self.words:
                            add(key[: -len(cut)], W_PART, frozenset({(i, pos, pos + length)}), tok.surface)
                            break
                if len(part) == 1 and part.isalpha() and k + 1 < len(parts):
                    # a letter and the part after it are one word: "E-Commerce-Lösung" holds e-commerce, an
                    # "E-Mail-Archiv" no mailing (the part's match lies inside this one)
                    glued = part + parts[k + 1]
                    key = fold(glued)
                    cover = frozenset({(i, pos, pos + len(key))})
                    forms = word_forms(glued)
                    for form in forms:
                        add(form, W_PART, cover, tok.surface, glued)
                    if k + 2 < len(parts) and not forms & self.words.keys():
                        for cut in ("n", "s", "en", "es"):  # "E-Rechnungs-Lösung"
                            if key.endswith(cut) and key[: -len(cut)] in self.words:
                                add(key[: -len(cut)], W_PART, cover, tok.surface)
                                break
                pos += length
            for form in tok.forms:  # compound heads and modifiers against the vocabulary
                for k in range(2, len(form) - 3):
                    if form[k - 2 : k] in ("ab", "be") or form[k - 3 : k] == "ver":
                        continue  # "Berechnung", "Abrechnung", "Versicherung": another word than the head
                    if k == 3 and form.startswith("aus"):
                        continue  # "ausgelagert", "auslagern": outsourced, no Lager
                    if is_known_word(form[k - 1 :].capitalize(), "de"):
                        continue  # "Kostenberechnung" ends in "Berechnung", not in "E-Rechnung"
                    head = form[k:]
                    # the head as written, or without a German plural or case ending ("Großformatdruckern";
                    # "Ladewagen" is no "wage")
                    key = head if head in self.words else head[:-1] if head[-1:] in "ns" else ""
                    if key != head and key not in self.german:
                        key = ""
                    if key == head and head not in self.written and is_known_word(head.capitalize(), "de"):
                        key = ""  # "Kühlschrank" is no "Schranke": a head that is a word of its own
                    if key in self.acronyms:
                        continue  # an acronym is matched as written: "Instagram-DMs" holds no "MDM"
                    if key in self.words and (key in self.german or not is_known_word(form, "en")):
                        # "redesign" holds no "esign": an English word is no compound with an English head
                        add(key, W_HEAD, frozenset({(i, max(0, n - len(head)), n)}), tok.surface)
                for k in range(6, len(form) - 3):
                    modifier = form[:k]
                    if (
                        modifier in self.words
                        and _is_word(_written_after(tok.surface, k))
                        and not form[k:].lstrip("s").startswith(_PERSON_HEADS)
                    ):
                        add(modifier, W_MODIFIER, frozenset({(i, 0, k)}), tok.surface)
            # a pair's second word has three letters or more: "d'un" is no "dun(ning)"
            if (
                i + 1 < len(tokens)
                and not tokens[i + 1].is_stopword
                and len(tokens[i + 1].surface) >= 3
                and fold(tok.surface) not in _APART_ADVERBS
            ):
                nxt = tokens[i + 1]
                cover = frozenset({(i, 0, n), (i + 1, 0, len(fold(nxt.surface)))})
                joined = {a + b for a in _tails(tok) for b in _nominal(nxt.forms)}
                for form in joined:
                    add(form, W_PAIR, cover, f"{tok.surface} {nxt.surface}")
            if tok.surface[:1].isupper():
                # a noun and, a few words on, its verb: "Stunden auf Projekte buchen" is Stundenbuchung,
                # "Touren für morgen planen" Tourenplanung (German puts the verb last)
                for j in range(i + 2, min(len(tokens), i + 1 + _VERB_REACH)):
                    verb = tokens[j]
                    if verb.surface[:1].isupper() or verb.is_stopword or not verb.surface.isalpha():
                        continue
                    if clause_of is not None and clause_of[j] != clause_of[i]:
                        break
                    cover = frozenset({(i, 0, n), (j, 0, len(fold(verb.surface)))})
                    for form in {  # with a linking "s": "Verträge verwalten" is Vertragsverwaltung
                        a + link + b
                        for a in _tails(tok)
                        for b in _nominal(verb.forms)
                        if b.endswith("ung")
                        for link in ("", "s")
                    }:
                        add(form, W_PAIR, cover, f"{tok.surface} {verb.surface}")
            if (
                i + 2 < len(tokens)
                and tok.surface[:1].isupper()
                and fold(tokens[i + 1].surface) in _GENITIVE_LINKS
                and tokens[i + 2].surface[:1].isupper()
            ):
                # a compound said with its parts turned round: "Verwaltung der Mitglieder" is
                # Mitgliederverwaltung, "Planung der Touren" Tourenplanung
                obj = tokens[i + 2]
                cover = frozenset({(i, 0, n), (i + 2, 0, len(fold(obj.surface)))})
                for form in {a + link + b for a in obj.forms for b in tok.forms for link in ("", "s", "n")}:
                    add(form, W_PAIR, cover, f"{tok.surface} {tokens[i + 1].surface} {obj.surface}")
        unique = list(dict.fromkeys(found))
        if clause_of is not None:
            unique = [m for m in unique if len({clause_of[t] for t, _, _ in m.cover}) == 1]
        # A match can only lie inside a match that covers its tokens: compare with those, not with all
        # (quadratic in the text's length otherwise).
        covering: dict[int, list[_Match]] = {}
        for m in unique:
            for t in {t for t, _, _ in m.cover}:
                covering.setdefault(t, []).append(m)
        return [m for m in unique if not any(m.inside(o) for o in covering[m.start])]

    def _modifier_of_a_part(
        self, tok: Token, i: int, k: int, pos: int, part: str, found: list[_Match]
    ) -> None:
        """The modifier of a hyphenated word's last part: "Cloud-Telefonielösung" holds a Telefonie-Lösung,
        as "Telefonielösung" does. Bounded by the part's length."""
        if k != len(tok.parts) - 1 or k == 0:
            return
        key = fold(part)
        for cut in range(6, len(key) - 3):
            modifier = key[:cut]
            if (
                modifier in self.words
                and _is_word(part[cut:])
                and not key[cut:].lstrip("s").startswith(_PERSON_HEADS)
            ):
                for target, kind, _pattern in self.words[modifier]:
                    found.append(
                        _Match(target, kind, W_MODIFIER, frozenset({(i, pos, pos + cut)}), tok.surface)
                    )
                return

    def _phrases_in_parts(self, tok: Token, i: int, parts: list[str], found: list[_Match]) -> None:
        """A phrase written as the parts of a hyphenated compound that names a kind of system: a
        "Field-Service-Software" is field service software. Bounded by the parts' number."""
        if len(parts) < 3 or not fold(parts[-1]).startswith(_SYSTEM_HEADS):
            return
        starts = [0]
        for part in parts:
            starts.append(starts[-1] + len(fold(part)))
        for k, part_forms in enumerate(tok.parts):
            for form in part_forms:
                for seq, target, kind, _pattern in self.phrases.get(form, ()):
                    end = k + len(seq)
                    if end <= len(tok.parts) and all(seq[m] & tok.parts[k + m] for m in range(1, len(seq))):
                        cover = frozenset({(i, starts[k], starts[end])})
                        found.append(_Match(target, kind, W_PART, cover, tok.surface))

    def _phrases_at(self, tokens: list[Token], i: int):
        seen = set()
        for form in tokens[i].forms:
            for entry in self.phrases.get(form, ()):
                seq = entry[0]
                if id(entry) in seen or i + len(seq) > len(tokens):
                    continue
                if all(seq[k] & tokens[i + k].forms for k in range(1, len(seq))):
                    seen.add(id(entry))
                    yield entry


# Adverbs whose verb written apart is another verb: "den Kunden vorher sagen, wann wir kommen" tells them
# beforehand, "vorhersagen" predicts
_APART_ADVERBS = frozenset(["vorher", "vorab", "nachher"])


def _matcher(taxonomy: Taxonomy) -> _Matcher:
    """The taxonomy's patterns, built at its first need and kept with it (a pickled catalog carries them:
    building them lemmatises every label and synonym)."""
    matcher = taxonomy.__dict__.get("_need_matcher")
    if matcher is None:
        matcher = _Matcher(taxonomy)
        taxonomy.__dict__["_need_matcher"] = matcher  # two threads may both build it: the same patterns
    return matcher


# Abbreviations whose full stop ends no sentence or clause ("ca. 80 virtuelle Maschinen", "z. B. Teams").
_ABBREVIATION_RE = re.compile(
    r"\b(?:ca|rd|inkl|zzgl|bzw|ggf|evtl|mind|max|min|nr|vgl|usw|incl|approx|mio|mrd|tsd|gem|bzgl|abs|ziff|"
    r"e\.g|i\.e|z\.\s?b|u\.\s?a|d\.\s?h)\.",
    re.IGNORECASE,
)

# "jede Woche kommen 2-3 einfach nicht zum Termin": the no is the client's not coming, no refusal of what
# they do not come to
_COMING = frozenset(["kommen", "kommt", "erscheinen", "erscheint", "gekommen", "erschienen", "come", "comes"])
_NOT_TO = frozenset(["zum", "zur", "to"])


def _not_coming_to_it(words: list[str], clause_of: list[int], roles: list[str]) -> None:
    """Linear: the clauses with a verb of coming are found once."""
    coming = {c for w, c in zip(words, clause_of, strict=True) if w in _COMING}
    for i in range(1, len(words) - 1):
        if words[i] not in _NEGATIONS or words[i + 1] not in _NOT_TO or clause_of[i] not in coming:
            continue
        clause = clause_of[i]
        k = i + 1
        while k < len(words) and clause_of[k] == clause and roles[k] == "negated":
            roles[k] = "need"
            k += 1


# A day's or an ordinal's dot ends no sentence: "ab 1. Juli", "bis 30.04. bzw. 30.09.", "im 2. Lehrjahr"
_ORDINAL_DOT_RE = re.compile(
    r"\b\d{1,2}\.(?:\d{1,2}\.)?(?=\s+(?:\d{2,4}\b|januar|jänner|februar|märz|april|mai|juni|juli|august"
    r"|september|oktober|november|dezember|jan|feb|mär|apr|jun|jul|aug|sept?|okt|nov|dez|quartal|lehrjahr"
    r"|klasse|stock|etage|obergeschoss|og|halbjahr|bzw|oder|und|bis)\b)",
    re.IGNORECASE,
)
_DATE_DOT_RE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?=\s+[a-zäöüß\d])")  # "bis 30.09. des Jahres"


def _clause_tokens(text: str) -> tuple[list[Token], list[int], list[int], set[int], set[int]]:
    """The text's tokens and, for each, the number of its clause and of its sentence; at most MAX_TOKENS.
    Also the clauses that end with a colon (the list after one is what it announces) and those in brackets."""
    text = _ABBREVIATION_RE.sub(lambda m: m.group(0).replace(".", " "), text)
    text = _ORDINAL_DOT_RE.sub(lambda m: m.group(0)[:-1] + " ", text)
    text = _DATE_DOT_RE.sub(lambda m: m.group(0)[:-1] + " ", text)
    text = _ASIDE_RE.sub(lambda m: " " + m.group(1).replace(",", " ") + " ", text)
    # a ticked or crossed list: "Website ✔ Onlineshop ✘" says yes and no
    text = _TICK_RE.sub(" ja;", _CROSS_RE.sub(" nein;", text))
    tokens: list[Token] = []
    clause_of: list[int] = []
    sentence_of: list[int] = []
    colons: set[int] = set()
    bracketed: set[int] = set()
    number = 0
    for sentence_number, sentence in enumerate(_SENTENCE_RE.split(text)):
        separators = [m.group(0) for m in _CLAUSE_RE.finditer(sentence)]
        inside = False  # in brackets: "(Kanzlei-Rechnungswesen, Lohn, DMS)" is three clauses
        for k, clause in enumerate(_CLAUSE_RE.split(sentence)):
            if k:
                opened, closed = separators[k - 1].rfind("("), separators[k - 1].rfind(")")
                inside = opened > closed if opened >= 0 or closed >= 0 else inside
            room = MAX_TOKENS - len(tokens)
            if room <= 0:
                return tokens, clause_of, sentence_of, colons, bracketed
            words = tokenize(clause)[:room]
            colon = k < len(separators) and ":" in separators[k]
            if not words:  # "(TMS), which we keep": no empty clause between the bracket and the comma
                if colon and number:
                    colons.add(number - 1)
                continue
            tokens += words
            clause_of += [number] * len(words)
            sentence_of += [sentence_number] * len(words)
            if colon:
                colons.add(number)
            if inside:
                bracketed.add(number)
            number += 1
    return tokens, clause_of, sentence_of, colons, bracketed


# A list's items after the first, each a clause of its own at a comma ("keine Videokonferenzen, Chat oder
# Teams", "Wir nutzen bereits DATEV, Outlook und Teams"), and the items before a list's last one that a cue
# after it holds for ("Videokonferenzen, Chat oder Teams brauchen wir nicht"): a few words naming a thing,
# with no verb, pronoun or cue of their own; the list ends at its item with "und"/"oder".
_LIST_JOINS = frozenset(["und", "oder", "sowie", "bzw", "and", "or", "nor", "noch"])
_LIST_ITEM_WORDS = 7
_NOT_IN_AN_ITEM = (
    _NEGATIONS
    | _SCOPE_ENDS
    | _ASKING
    | _IN_USE_VERBS
    | _HAVE
    | frozenset(
        ["wir", "ich", "es", "sie", "man", "we", "i", "it", "they", "you", "ist", "sind", "is", "are"]
    )
)


def _list_items_share_role(
    tokens: list[Token],
    words: list[str],
    clause_of: list[int],
    sentence_of: list[int],
    ends: dict[int, int],
    roles: list[str],
) -> None:
    spans = [(members[0], members[-1]) for members in _members(clause_of)]  # (first, last) of each clause

    def item(span: tuple[int, int]) -> bool:
        first, last = span
        # an item ends with its thing, a German clause with its verb ("der unser Instagram betreut")
        return (
            last - first < _LIST_ITEM_WORDS
            and any(k in ends for k in range(first, last + 1))
            and (
                tokens[last].surface[:1].isupper()
                or any(ends.get(k, -1) >= last for k in range(first, last + 1))
            )
            and all(roles[k] == "need" and words[k] not in _NOT_IN_AN_ITEM for k in range(first, last + 1))
        )

    def joined(span: tuple[int, int]) -> bool:
        return any(words[k] in _LIST_JOINS for k in range(span[0], min(span[1] + 1, span[0] + 3)))

    for n, (first, last) in enumerate(spans):
        role = roles[last]
        named = [k for k in range(first, last + 1) if k in ends]
        # the cue holds for all the clause names ("Wir nutzen bereits DATEV, ..."), not for one thing of it
        # ("Follow-Me-Printing über die vorhandenen Mitarbeiterausweise, Flottenmonitoring und ...")
        if role != "need" and named and all(roles[k] == role for k in named):
            items = []  # forward: "keine Videokonferenzen, Chat oder Teams"
            for span in spans[n + 1 :]:
                if sentence_of[span[0]] != sentence_of[last] or not item(span):
                    break
                items.append(span)
                if joined(span):
                    for a, b in items:
                        roles[a : b + 1] = [role] * (b + 1 - a)
                    break
        role = roles[first]
        if role != "need" and n and joined((first, last)):
            # backward: "Videokonferenzen, Chat oder Teams brauchen wir nicht"
            for a, b in reversed(spans[:n]):
                if sentence_of[b] != sentence_of[first] or not item((a, b)):
                    break
                roles[a : b + 1] = [role] * (b + 1 - a)


_HAD_IN_USE_REACH = 20  # words from "haben" to "im Einsatz"


def _had_in_use(words: list[str], clause_of: list[int], starts: set[int], roles: list[str]) -> None:
    """ "Wir haben an allen Standorten Sophos-Firewalls und Sophos Intercept X als EDR im Einsatz": all
    things between the writer's "haben" and "im Einsatz" / "in Betrieb" are there, over the "und" that
    ends the backward reach of a cue elsewhere. Linear."""
    for i, w in enumerate(words):
        if w not in ("einsatz", "betrieb") or not i or words[i - 1] not in ("im", "in"):
            continue
        for k in range(i - 2, max(-1, i - _HAD_IN_USE_REACH), -1):
            if clause_of[k] != clause_of[i] or words[k] in _NEED_VERBS or words[k] in _NEGATIONS:
                break
            if words[k] in ("haben", "hat", "have", "has") and k and words[k - 1] in _WRITERS | {"es"}:
                for m in range(k + 1, i):
                    if m in starts and roles[m] == "need":
                        roles[m] = "existing"
                break


def _kept_in_brackets(
    words: list[str], clause_of: list[int], bracketed: set[int], starts: set[int], roles: list[str]
) -> None:
    """ "DATEV bleibt natürlich wie es ist (Kanzlei-Rechnungswesen, Lohn, DMS)": a list in brackets right
    after a clause whose last thing named is there names that system's parts, there too (unless the
    brackets ask)."""
    kept = False
    for before, clause in pairwise(_members(clause_of)):
        if clause_of[clause[0]] not in bracketed:
            continue
        if clause_of[before[0]] not in bracketed:  # the clause the brackets follow
            named = [k for k in before if k in starts]
            kept = bool(named) and roles[named[-1]] == "existing"
        if kept and not any(words[k] in _ASKING for k in clause):
            for k in clause:
                if roles[k] == "need":
                    roles[k] = "existing"


def _what_ours_is(words: list[str], starts: set[int], ends: dict[int, int], roles: list[str]) -> None:
    """ "Unser Transportmanagementsystem ist eine Eigenentwicklung aus den 2000ern": what the writer's system
    is said to be describes it; nothing asked."""
    for i in starts:
        end = ends[i]
        if (
            i
            and words[i - 1] in _POSSESSIVES
            and end + 3 < len(words)
            and words[end + 1] in _STATE_COPULAS
            and words[end + 2] in _INDEFINITE_ARTICLES
        ):
            for k in (end + 3, end + 4):  # the noun, or one adjective on
                if k in starts and roles[k] == "need":
                    roles[k] = "context"
                    break


_LABEL_WORDS_KEPT = 3  # words of a label ("Kassen:") ...
_KEPT_AFTER_LABEL = 6  # ... and of what follows it to the verb of keeping ("Orderbird, bleibt")


def _labelled_and_kept(
    words: list[str],
    clause_of: list[int],
    sentence_of: list[int],
    colons: set[int],
    starts: set[int],
    roles: list[str],
) -> None:
    """ "Kassen: Orderbird, bleibt.", "Kasse: Vectron (bleibt)": a short label with a colon, then the
    product and a verb of keeping in its sentence: the labelled thing is there."""
    members = _members(clause_of)
    for n, label in enumerate(members):
        if (
            clause_of[label[0]] not in colons
            or len(label) > _LABEL_WORDS_KEPT
            or not any(k in starts and roles[k] == "need" for k in label)
        ):
            continue
        after = [
            k for clause in members[n + 1 : n + 3] for k in clause if sentence_of[k] == sentence_of[label[0]]
        ]
        after = after[:_KEPT_AFTER_LABEL]
        if any(
            words[k] in _IN_USE_VERBS and words[k - 1] not in _KEEP_TRACK  # "HU-Termine im Blick behalten"
            for k in after
        ) and not any(words[k] in _ASKING for k in after):
            for k in label:
                if roles[k] == "need":
                    roles[k] = "existing"


def _members(unit_of: list[int]) -> list[list[int]]:
    """The tokens of each clause or sentence (``unit_of`` as from _clause_tokens), in order."""
    units: dict[int, list[int]] = {}
    for i, unit in enumerate(unit_of):
        units.setdefault(unit, []).append(i)
    return list(units.values())


def _says(words: list[str], members: list[int], markers: Iterable[str]) -> bool:
    """Whether the tokens ``members`` hold one of ``markers`` (words or phrases, from a word's start)."""
    joined = " " + " ".join(words[i] for i in members)
    return any(" " + marker in joined for marker in markers)


def _boilerplate(folded: list[str], clause_of: list[int], sentence_of: list[int]) -> set[int]:
    """Tokens of tender boilerplate: whole sentences about criteria and deadlines, clauses about the
    procedure (see _BOILERPLATE_SENTENCE, _BOILERPLATE_CLAUSE). Linear in the number of tokens."""
    out: set[int] = set()
    for members in _members(sentence_of):
        # from the clause that names the criterion or deadline to the sentence's end ("14 Multifunktionsgeräte
        # mit Vollwartungsvertrag, 60 Monate, Angebotsfrist 28.02.": the devices are bought)
        clauses: dict[int, list[int]] = {}
        for i in members:
            clauses.setdefault(clause_of[i], []).append(i)
        said = next((c for c, ms in clauses.items() if _says(folded, ms, _BOILERPLATE_SENTENCE)), None)
        if said is not None:
            out.update(i for i in members if clause_of[i] >= said)
    for members in _members(clause_of):
        if _says(folded, members, _BOILERPLATE_CLAUSE):
            out.update(members)
    return out


# A thing said to be another project's ("das ist aber ein eigenes Projekt", "is out of scope") is no need of
# this one, though the writer may want it later: context, not refused.
_ELSEWHERE = (
    "eigenes projekt",
    "separates projekt",
    "eigenes thema",
    "anderes thema",  # "Die Telefonanlage is auch ein Witz, aber das ist ein anderes Thema"
    "another topic",
    "another story",
    "out of scope",
    "separate project",
    # ... or with the buyer, who does it itself: "verbleibt beim Kreismedienzentrum", "führt das
    # Rechenzentrum in eigener Regie durch", "werden vom behördlichen Datenschutzbeauftragten erstellt"
    "in eigener regie",
    "in eigenregie",
    "verbleibt beim",
    "verbleibt bei",
    "verbleiben beim",
    "verbleiben bei",
    "remains with",
    "remain with",
    "auftraggeber selbst",
    "auftraggeberin selbst",
    "uebernimmt der auftraggeber",
    "uebernimmt die auftraggeberin",
    "wird vom auftraggeber",
    "werden vom auftraggeber",
    "vom behoerdlichen",
    "by the contracting authority",
    "authority's own",
    "authoritys own",
    "own staff",
)
# A heading that excludes what follows it ("Nicht Bestandteil dieser Ausschreibung: Endgeräte", "Not
# included: hardware"): its words say what is excluded.
_EXCLUDED_HEADS = ("teil", "bestandteil", "gegenstand", "enthalten", "umfang", "includ", "part", "scope")
_HEADING_MAX = 6  # words of such a heading
_HEADING_MAX_BEFORE_COLON = 10  # ... and of a clause that announces the systems kept
_KEPT_WORDS = frozenset(
    ["weiterbetrieben", "weitergenutzt", "unveraendert", "unchanged", "remain", "remains"]
)
# ... and one that refuses what follows: "Was wir nicht wollen:", "Nicht gewünscht:", "What we don't need:".
_WANTED_HEADS = ("gewuenscht", "erwuenscht", "gewollt", "wollen", "want", "wanted", "need")
# ... and one that keeps what follows: "Erhalten bleiben und anzubinden sind: SAP, das PACS".
_KEPT_HEADS = frozenset(
    [
        "erhalten",
        "bleiben",
        "bleibt",  # "Was bleibt: JTL-Wawi als Warenwirtschaft und Mollie als Payment Provider"
        "stays",
        "bestehende",
        "vorhandene",
        "vorhanden",
        "gesetzt",
        "remaining",
        "retained",
        "existing",
    ]
)


# A wish put off ("Someday we might also want a new intranet, but not now", "Irgendwann wollen wir
# vielleicht auch mal bessere Auswertungen"): what it names is not asked for now. A clause of "not now"
# alone holds for the clause before it in its sentence (one that names a thing itself, "Predictive
# maintenance is not for now", is a refusal); "someday" with a "maybe" for its own clause (a dictation is
# one sentence).
_NOT_NOW = (
    "nicht jetzt",
    "heute nicht das thema",
    "jetzt kein thema",
    "not now",
    "not right now",
    "not at the moment",
    "not for now",
)
_SOMEDAY = ("irgendwann", "spaeter mal", "someday", "some day", "at some point", "later on", "maybe later")
_PERHAPS = frozenset(["vielleicht", "eventuell", "evtl", "maybe", "perhaps", "might", "possibly"])


def _put_off(words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int]) -> set[int]:
    """Tokens of the clauses a wish put off holds for (see _NOT_NOW). Linear."""
    clauses = _members(clause_of)
    out: set[int] = set()
    for k, members in enumerate(clauses):
        if _says(words, members, _NOT_NOW):
            if (
                k
                and not starts.intersection(members)
                and sentence_of[clauses[k - 1][0]] == sentence_of[members[0]]
            ):
                out.update(members)
                out.update(clauses[k - 1])
        elif _says(words, members, _SOMEDAY) and any(words[i] in _PERHAPS for i in members):
            out.update(members)
    return out


def _elsewhere(words: list[str], clause_of: list[int], sentence_of: list[int]) -> set[int]:
    """Tokens of sentences that put something in another project (see _ELSEWHERE): the whole sentence, or
    only the marker's clause when the sentence also asks for something. Linear."""
    out: set[int] = set()
    for members in _members(sentence_of):
        if not _says(words, members, _ELSEWHERE):
            continue
        if not any(words[i] in _ASKING for i in members):
            out.update(members)
            continue
        first = members[0]  # a sentence's tokens follow one another
        for clause in _members(clause_of[first : members[-1] + 1]):
            if _says(words, [first + k for k in clause], _ELSEWHERE):
                out.update(first + k for k in clause)
    return out


def _after_headings(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], colons: set[int]
) -> tuple[dict[int, str], set[int]]:
    """Roles of the tokens after a heading, to the end of its sentence: "excluded" after one that excludes
    ("Nicht Bestandteil dieser Ausschreibung:", "Not included:"), "existing" after one that keeps
    ("Erhalten bleiben und anzubinden sind:", "Remaining systems:"). A heading is a short clause that opens
    its sentence and names nothing (a tender's own word aside). Also the headings' clauses."""
    out: dict[int, str] = {}
    headings: set[int] = set()
    for members in _members(clause_of):
        opens_sentence = members[0] == 0 or sentence_of[members[0] - 1] != sentence_of[members[0]]
        said = [words[i] for i in members]
        # "Zielsysteme, die angebunden werden müssen und weiter betrieben werden: die Lernplattform, ...":
        # a clause that keeps, ending with a colon, announces the systems that stay
        keeps = clause_of[members[0]] in colons and (
            any(w in _KEPT_WORDS or w in _KEPT_HEADS for w in said)
            or ("weiter", "betrieben") in set(pairwise(said))
        )
        if (
            not (opens_sentence or keeps)
            or len(members) > (_HEADING_MAX_BEFORE_COLON if keeps else _HEADING_MAX)
            or any(i in starts and not words[i].startswith(_TENDER_WORDS) for i in members)
        ):
            continue
        if any(w in _NEGATIONS for w in said) and any(w.startswith(_EXCLUDED_HEADS) for w in said):
            role = "excluded"
        elif keeps or any(w in _KEPT_HEADS for w in said):
            role = "existing"
        elif any(w in _NEGATIONS or w in ("don", "doesn") for w in said) and any(
            w in _NEED_VERBS or w.startswith(_WANTED_HEADS) for w in said
        ):
            role = "negated"  # "Was wir nicht wollen: eine große IoT-Plattform", "Nicht gewünscht: ..."
        else:
            continue
        k = members[-1] + 1
        while (
            k < len(words)
            and sentence_of[k] == sentence_of[members[0]]
            and words[k] not in _NEED_VERBS
            and words[k] not in _SCOPE_ENDS
        ):
            out[k] = role
            k += 1
        if k > members[-1] + 1:
            headings.add(clause_of[members[0]])
    return out, headings


# The makeshift the writer has outgrown or is sick of ("We've outgrown our spreadsheets", "sick of juggling
# Excel and WhatsApp") is today's way, not software to supply.
_LEFT_BEHIND = frozenset(["outgrown", "juggling", "entwachsen"])
_LEFT_BEHIND_PAIRS = frozenset([("sick", "of"), ("fed", "up"), ("tired", "of"), ("stuck", "with")])


def _makeshifts_left_behind(words: list[str], clause_of: list[int]) -> set[int]:
    out: set[int] = set()
    for i, word in enumerate(words):
        if word in _LEFT_BEHIND or tuple(words[i : i + 2]) in _LEFT_BEHIND_PAIRS:
            out.update(
                k
                for k in range(i + 1, min(len(words), i + 7))
                if clause_of[k] == clause_of[i] and words[k].startswith(_MAKESHIFTS)
            )
    return out


def _todays_way(words: list[str], sentence_of: list[int]) -> set[int]:
    """Tokens of sentences that tell how things are done today ("Aktuell bekommen wir die Bestellungen per
    Mail ..., dann scannt sie jemand"): they open with "aktuell", "bisher", "currently" ..., ask for nothing
    and state no lack, no refusal and nothing kept. Linear."""
    out: set[int] = set()
    cues = _ASKING | _NEGATIONS | _EXISTING | _USE_VERBS | _EVALUATIONS | _RIGHT_STATES | _HAVE
    asks = any(w in _ASKING for w in words)
    for members in _members(sentence_of):
        said = [words[i] for i in members]
        pairs = set(pairwise(said))
        today = (
            any(w in _TODAY or w in _TODAY_OPENERS for w in said[:3])
            or bool(set(pairwise(said[:4])) & _TODAY_PAIRS)  # "At the moment requests come by email"
            or (
                # "Rechnungen schreib ich bis heute in Word", "until now we write them on paper", "füllen
                # Patienten derzeit Bögen auf Papier aus", when another sentence asks (alone, the makeshift
                # is what to replace)
                asks
                and bool(pairs & _UNTIL_NOW or _TODAY.intersection(said))
                and any(w.startswith(_MAKESHIFTS) for w in said)
            )
        )
        if today and not any(w in cues for w in said):
            out.update(members)
    return out


# A letter's frame: the salutation that opens it ("Liebe Kolleginnen und Kollegen vom Netzwerk,", "Dear Sir or
# Madam") and the closing with the signature ("Viele Grüße, Haustechnik Huber") address people, ask nothing.
_GREETINGS = frozenset(
    [
        "hallo",
        "hi",
        "hello",
        "hey",
        "moin",
        "servus",
        "liebe",
        "lieber",
        "liebes",
        "dear",
        "geehrte",
        "geehrter",
    ]
)
_GREETING_PAIRS = frozenset(
    [("guten", "tag"), ("guten", "morgen"), ("good", "morning"), ("good", "afternoon")]
)
_CLOSINGS = frozenset(
    ["gruesse", "gruss", "gruessen", "lg", "vg", "mfg", "regards", "sincerely", "cheers", "tschuess", "bye"]
)
_CLOSING_PAIRS = frozenset([("best", "wishes"), ("yours", "truly"), ("yours", "faithfully")])
_SALUTATION_MAX = 8  # words of an opening clause that is only a salutation
_CLOSING_SENTENCES = 4  # a closing stands among a letter's last sentences


# The provider's quote the writer asks for ("Können Sie uns ein Angebot machen?", "Angebote bitte bis ...")
# is the letter's frame, not quotes written with craft software ("Angebote schneller an Kunden schicken").
_QUOTE_WORDS = frozenset(
    ["angebot", "angebote", "angebots", "kostenvoranschlag", "quote", "offer", "proposal"]
)
_QUOTE_SENDING = frozenset(
    ["machen", "schicken", "senden", "zusenden", "zukommen", "unterbreiten", "send", "make", "submit"]
)
_TO_THE_WRITER = frozenset(["uns", "mir", "us", "me"])
_ESTIMATES = ("estimat", "kostenschaetz", "schaetzung", "kostenrahmen", "preisrahmen")


_HEADER_FIELDS = frozenset(["von", "an", "cc", "bcc", "from", "to", "gesendet", "sent", "datum", "date"])
_NEXT_FIELDS = _HEADER_FIELDS | {"betreff", "subject"}


def _mail_header(
    words: list[str], clause_of: list[int], sentence_of: list[int], colons: set[int]
) -> set[int]:
    """Tokens of a forwarded mail's header lines after "Von:", "An:", "From:", "To:" ...: names of people and
    departments ("Von: Einkauf Caritas-Altenhilfe gGmbH"), not what is asked for. ("Betreff:" is the topic
    and stays.) Linear."""
    out: set[int] = set()
    size = Counter(clause_of)
    for i, w in enumerate(words):
        if (
            w in _HEADER_FIELDS
            and size[clause_of[i]] == 1
            and clause_of[i] in colons
            and (i == 0 or sentence_of[i - 1] != sentence_of[i])
        ):
            k = i + 1  # to the line's end, or to the next field where the header runs on in one line
            while (
                k < len(words)
                and sentence_of[k] == sentence_of[i]
                and not (
                    words[k] in _NEXT_FIELDS
                    and clause_of[k] in colons
                    and (k + 1 == len(words) or clause_of[k + 1] != clause_of[k])
                )
            ):
                out.add(k)
                k += 1
    return out


# The reader's own things, addressed formally or in English: "Nachricht über Ihr Kontaktformular", "Ihr
# Formular im Internet ging nicht", "I found you through your website": the way the writer came, no need.
_THE_READER_S = frozenset(["Ihr", "Ihre", "Ihrem", "Ihren", "Ihres", "Ihrer", "your"])


def _the_reader_s(tokens: list[Token], sentence_of: list[int], match_starts: set[int]) -> set[int]:
    """Matches right after a formal "Ihr" within a sentence (at its start "Ihre" may be "their") or after
    "your": linear."""
    return {
        i + 1
        for i, t in enumerate(tokens)
        if t.surface in _THE_READER_S and i + 1 in match_starts and i and sentence_of[i - 1] == sentence_of[i]
    }


def _letter_frame(words: list[str], clause_of: list[int], sentence_of: list[int]) -> set[int]:
    """Tokens of the salutation (the first clause, when a greeting opens it), of the closing (from a
    sentence among the last whose first words say "Grüße", "regards" ... to the end, unless a need verb
    follows) and the quote the writer asks for (see _QUOTE_WORDS).
    Linear."""
    out: set[int] = set()
    if not words:
        return out
    clauses: dict[int, set[str]] = {}
    for w, c in zip(words, clause_of, strict=True):
        clauses.setdefault(c, set()).add(w)
    for i, w in enumerate(words):
        if w in _QUOTE_WORDS and (
            (i + 1 < len(words) and words[i + 1] == "bitte")
            or (clauses[clause_of[i]] & _QUOTE_SENDING and clauses[clause_of[i]] & _TO_THE_WRITER)
        ):
            out.add(i)
        if w in _QUOTE_WORDS:  # "a proposal including rough cost estimates": the provider's price
            for k in range(i + 1, min(len(words), i + 5)):
                if clause_of[k] == clause_of[i] and words[k].startswith(_ESTIMATES):
                    out.update(range(i, k + 1))
    size = Counter(clause_of)
    for i, c in enumerate(clause_of):  # "wie am Telefon besprochen", "as discussed on the phone"
        if (
            size[c] <= _SALUTATION_MAX
            and clauses[c] & {"besprochen", "discussed", "vereinbart", "agreed"}
            and clauses[c] & {"wie", "as"}
        ):
            out.add(i)
    first = [i for i, c in enumerate(clause_of) if c == clause_of[0]]
    opening = words[first[0]], (words[first[1]] if len(first) > 1 else "")
    if len(first) <= _SALUTATION_MAX and (
        opening[0] in _GREETINGS
        or opening in _GREETING_PAIRS
        or "geehrte" in opening
        or "geehrter" in opening
    ):
        out.update(first)
    last_sentence = sentence_of[-1]
    starts: dict[int, int] = {}
    for i, sentence in enumerate(sentence_of):
        starts.setdefault(sentence, i)
    for sentence, i in sorted(starts.items()):
        if sentence <= last_sentence - _CLOSING_SENTENCES or i in out:
            continue
        opening = words[i : i + 3]  # "Viele Grüße", "Mit freundlichen Grüßen", "Kind regards"
        if any(w in _CLOSINGS for w in opening) or tuple(opening[:2]) in _CLOSING_PAIRS:
            rest = range(i, len(words))
            if not any(words[k] in _ASKING for k in rest):
                out.update(rest)
            break
    return out


def _mark_linked(
    k: int,
    tokens: list[Token],
    folded: list[str],
    clause_of: list[int],
    starts: set[int],
    ends: dict[int, int],
    roles: list[str],
) -> None:
    """Mark as there the system named at ``k`` (after "an unsere", "to our", "connected to") and those
    named with it ("from our CRM and ERP", "to our ERP and to DATEV"), unless new."""
    clause = clause_of[k - 1]
    if k + 1 < len(tokens) and tokens[k].surface[:1].islower() and k not in starts:
        k += 1  # an adjective between: "an unsere bestehende Warenwirtschaft"
    while (
        k < len(tokens)
        and k in starts
        and clause_of[k] == clause
        and not folded[k].startswith(("neu", "new"))
    ):
        end = ends.get(k, k)
        after = folded[end + 1] if end + 1 < len(tokens) and clause_of[end + 1] == clause else ""
        if (
            after
            and tokens[end].surface[:1].islower()
            and not (tokens[end + 1].is_stopword or after in _COORDINATIONS or after in _GENERIC_HEADS)
        ):
            break  # a German noun or an acronym is the head; a lower-case word may qualify the next
        roles[k] = _combined(roles[k], "existing")
        if after not in _COORDINATIONS:
            break
        k = end + 2
        for skippable in (_LINK_PREPOSITIONS, _POSSESSIVES):  # "... and to our ..."
            if k < len(tokens) and folded[k] in skippable:
                k += 1


def _roles(
    tokens: list[Token],
    clause_of: list[int],
    starts: set[int],
    headings: frozenset[int] | set[int] = frozenset(),
    ends: dict[int, int] | None = None,
    sentence_of: list[int] | None = None,
) -> list[str]:
    """For each token: "need", "negated" or "existing". A cue holds forward to the end of its clause, a word
    like "sondern"/"but" (or, for "existing", a need verb); when nothing is named after it ("einen Shop
    brauchen wir nicht"), it holds backward to the clause's start, and an "already there" whose clause names
    nothing at all ("Unser PMS ist Casablanca, das bleibt") holds for the last thing the clause before it
    named. ``starts``: tokens where a match starts; ``ends``: the last token of the longest match there."""
    roles = ["need"] * len(tokens)
    ends = ends or {}
    sentence_of = sentence_of if sentence_of is not None else [0] * len(tokens)
    match_ends = set(ends.values())
    folded = [fold(t.surface).replace("'", "") for t in tokens]
    for i in range(len(folded) - 1):  # "isn't", "won't", split at the apostrophe: "is not", "will not"
        if folded[i + 1] == "t" and folded[i] in _CONTRACTED:
            folded[i], folded[i + 1] = _CONTRACTED[folded[i]], "not"
    clause_start: dict[int, int] = {}
    clause_size: dict[int, int] = {}
    outside: set[int] = set()  # clauses naming an outside party ("Steuerberater", "DATEV")
    last_start: dict[int, int] = {}  # clause -> the last token where a match starts
    # "..., web reicht völlig": in a text typed without capitals any word may be the clause's own thing
    no_capitals = not any(t.surface[:1].isupper() for t in tokens)
    for i, c in enumerate(clause_of):
        clause_start.setdefault(c, i)
        clause_size[c] = clause_size.get(c, 0) + 1
        if folded[i].startswith(_OUTSIDE_PARTIES):
            outside.add(c)
        if i in starts:
            last_start[c] = i
    for i, word in enumerate(folded):
        nxt = folded[i + 1] if i + 1 < len(tokens) and clause_of[i + 1] == clause_of[i] else ""
        prev = folded[i - 1] if i and clause_of[i - 1] == clause_of[i] else ""
        prev2 = folded[i - 2] if i > 1 and clause_of[i - 2] == clause_of[i] else ""
        nxt2 = folded[i + 2] if nxt and i + 2 < len(tokens) and clause_of[i + 2] == clause_of[i] else ""
        backward_only = kept = False
        if (word in _VERB_NEGATIONS or word in _NOBODY) and nxt in _NOT_ABLE:
            continue  # "die Stundenzettel kann ich nicht lesen", "can't find anything": a trouble told
        if (word in _NO_ARTICLES or word == "no") and nxt in _PROPER:
            continue  # "keine vernünftige Webseite", "no proper backup": what there is falls short, a lack
        if word in _VERB_NEGATIONS and (
            nxt in _LIKE
            or (folded[clause_start[clause_of[i]]] in _ASKING_MODALS and i - clause_start[clause_of[i]] <= 4)
        ):
            continue  # "und nicht wie ein Rundschreiben", "Können wir nicht endlich ein Mieterportal machen?"
        # "weiß ich ehrlich gesagt nicht": a word of knowing up to five words before
        if word in _NEGATIONS | _NOBODY and _near_in_clause(i, folded, clause_of, _KNOWING, 5, 3):
            continue  # "ob da ein Backup läuft, weiß ich nicht", "I don't know if the backup works": a doubt
        if word in _VERB_NEGATIONS and _near_in_clause(i, folded, clause_of, _MEETS, 8, 2):
            continue  # "erfüllt die Anforderungen der BITV 2.0 nicht", "does not meet": a lack
        if word in _VERB_NEGATIONS and (nxt in _NOT_DONE or nxt2 in _NOT_DONE):
            continue  # "eine Wiederherstellung wurde nie getestet", "nicht rechtzeitig ausgelesen": a lack
        if word in _NEGATIONS and nxt == "weiter" and {"geht", "gehts"} & set(folded[max(0, i - 3) : i]):
            continue  # "so wie jetzt gehts echt nicht weiter": it cannot go on, nothing refused
        if (
            _malfunction(word, prev, nxt)
            or (nxt == "mehr" and _malfunction(word, prev, nxt2))  # "hat nicht mehr funktioniert"
            or (prev == "mehr" and _malfunction(word, prev2, nxt))
            # "die Zimmerpreise stimmen seit Jahren nicht"
            or (prev2 in ("seit", "since") and i > 2 and _malfunction(word, folded[i - 3], nxt))
            # "die Arbeitszeiten stimmen auch nie", "das läuft halt nicht"
            or (prev in _MALFUNCTION_FILLERS and _malfunction(word, prev2, nxt))
            # "am Abend stimmt die Kasse nicht", "funktioniert das WLAN nicht": the verb before its subject
            or (
                word in _WORKS_NOT
                and i > 2
                and folded[i - 3] in _WORKING
                and clause_of[i - 3] == clause_of[i]
                and prev2 in _DETERMINERS
            )
        ):
            continue  # "Das WLAN funktioniert nicht richtig", "it doesn't work": lacking, not refused
        if word in ("bleibt", "bleiben") and prev in ("liegen", "stehen", "haengen", "stecken"):
            continue  # "falls mal eins im Auto liegen bleibt", "wenn die Kasse stehen bleibt": lost, stuck
        if word in ("stay", "stays") and prev in _STAY_NOUN_BEFORE:
            continue  # "a personal code for their stay": the guests' stay, nothing that stays
        if word in _NEGATIONS and prev in _NEGATION_STRESS and prev2:  # "gibt es noch gar keine App"
            prev, prev2 = prev2, folded[i - 3] if i > 2 and clause_of[i - 3] == clause_of[i] else ""
        if (
            word in _NEGATIONS
            and (
                prev in _LACKS
                or prev == "gibts"
                or {prev2, prev} == {"es", "gibt"}
                or _not_had(i, folded, clause_of)
            )
            and not _needed_not_yet(i, folded, clause_of)
        ):
            continue  # a lack, not a refusal: "noch keine Website", "gibt es kein WLAN", "kann kein TSE"
        if word == "ohne" and set(folded[max(0, i - 3) : i]) & _LEFT_STANDING:
            continue  # "wenn die Kiste stirbt, stehen wir ohne Ausschreibungen da": a lack feared
        if _stopped_or_done_once(i, folded, clause_of):
            # "Newsletter machen wir nicht mehr", "Newsletter haben wir früher gemacht": the whole clause
            for k in _clause_range(clause_of[i], clause_start, clause_size):
                roles[k] = "context"
            continue
        if _had_once(i, folded, clause_of):
            # "Wir hatten mal einen Onlineshop", "we used to have a shop": neither asked for nor there
            for k in range(i + 1, min(len(tokens), i + 1 + MAX_SCOPE)):
                if clause_of[k] != clause_of[i]:
                    break
                roles[k] = "context"
            continue
        if word in _VERB_NEGATIONS and prev in _STATE_COPULAS and _not_the_problem(folded[i + 1 : i + 3]):
            # "Die Website ist nicht das Problem, sondern die Warenwirtschaft": what is named before is fine
            for k in range(clause_start[clause_of[i]], i):
                if k in starts:
                    roles[k] = "context"
            continue
        if (
            word in _VERB_NEGATIONS
            and prev in _STATE_COPULAS
            and not nxt.startswith(_WANTED)
            and not _not_for_this_step(i, folded)
            and nxt not in _NEED_VERBS  # "we are not looking for a new shop system"
            and not _refusal_noun_after(i, folded)  # "A CRM is not an option"
            and folded[i + 1 : i + 4] != ["auf", "der", "suche"]  # "sind nicht auf der Suche nach"
        ):
            # a state that is lacking ("die Homepage ist nicht barrierefrei"), unlike "ist nicht nötig"
            continue
        if word in _ONLY_WITH_NOTHING and any(
            folded[k] in _NOTHING for k in _clause_range(clause_of[i], clause_start, clause_size)
        ):
            continue  # "Außer einem Onlineshop brauchen wir nichts", "Ohne Shop geht nichts": only that one
        if (
            word in _NEGATIONS
            and not (
                (
                    word in _VERB_NEGATIONS
                    and nxt in _NOT_NEGATING_NEXT
                    and not _no_longer_wanted(i, folded, clause_of)
                )
                # "We no longer use our old CRM": what stops being used, unlike "we no longer need a CRM"
                or (
                    word == "no" and nxt == "longer" and folded[i + 2 : i + 3] in (["use"], ["run"], ["work"])
                )
            )
        ):
            mode = "negated"
            if nxt in _NO_CASE:  # "auf keinen Fall": negates the verb, like "nicht"
                word = "nicht"
            if _change_refused(i, folded, clause_of):
                # "Die Praxissoftware wollen wir nicht wechseln": a system not to be changed is kept; one
                # named in an earlier clause is not meant ("We need X. We do not want to replace ...")
                mode, kept = "existing", True
        elif (
            word in _SELLING
            and any(w in ("ueber", "via", "through", "on") for w in folded[i + 1 : i + 5])
            and not any(folded[k] in _ASKING for k in range(clause_start[clause_of[i]], i))
        ):
            # "wir verkaufen Seifen über Etsy und nen eigenen Shopware-Shop": the channels sold through
            for k in range(i + 2, min(len(tokens), i + 2 + MAX_SCOPE)):
                if clause_of[k] != clause_of[i] or folded[k] in _ASKING:
                    break
                if k in starts:
                    roles[k] = _combined(roles[k], "existing")
            continue
        elif word in _OVERKILL:
            mode = "negated"  # "Ein eigenständiges Lagerverwaltungssystem halten wir für überdimensioniert"
        elif word in _EXISTING and prev in _KEEP_TRACK:
            continue  # "im Blick behalten", "im Auge behalten": keep track of, not keep
        elif _to_be_replaced(i, word, folded):
            continue  # there today, to be replaced: asked for anew
        elif word in _EXISTING_VERBS and prev in _BY_ITSELF:
            continue  # "damit der Beitragseinzug automatisch läuft": a wish, not a system in use
        elif word in _EXISTING_VERBS and any(w.startswith(_MAKESHIFTS) for w in folded[i + 1 : i + 4] if w):
            # "läuft über Excel-Listen und einen Wandkalender": the makeshift of today is neither asked for
            # nor kept; what runs on it is what is asked for
            for k in range(i + 1, min(len(tokens), i + 1 + MAX_SCOPE)):
                if clause_of[k] != clause_of[i] or folded[k] in _NEED_VERBS:
                    break  # "bisher läuft alles über Papier und Word wir suchen eine Software": a new ask
                roles[k] = "context"
            continue
        elif word in _KEEPS and not nxt and any(w in _WRITERS for w in folded[max(0, i - 3) : i]):
            mode = "existing"  # "our PMS (which we will keep)", "the booking software, which we're keeping"
        elif word in _KEEPS and (
            prev in _WRITERS or (prev in _FUTURE_AUXILIARIES | {"ll"} and prev2 in _WRITERS)
        ):
            mode = "existing"  # "We keep our accounting software.", "lexoffice, which we'll keep using"
        elif (
            word in _HAVE
            and prev in _WRITERS
            and (article := i + 1 + (nxt in _JUST_NOW and i + 2 < len(tokens))) < len(tokens)
            and folded[article] in _INDEFINITE_ARTICLES
            and clause_of[article] == clause_of[i]
            and not any(w.startswith(("neu", "new")) for w in folded[article + 1 : article + 3])
        ):
            # "Wir haben eine Zeiterfassung und brauchen eine Lohnabrechnung", "Wir haben gerade einen
            # Onlineshop eingeführt": the thing had (right after its article, or one adjective on) is there;
            # "wir haben einen Bedarf an ..." names none
            for k in (article + 1, article + 2):
                if k < len(tokens) and clause_of[k] == clause_of[i] and k in starts:
                    roles[k] = _combined(roles[k], "existing")
                    break
                if k >= len(tokens) or not (
                    tokens[k].surface[:1].islower() or _unknown_name(tokens[k].surface)
                ):
                    break  # one adjective or a product's name on: "a Vectron Kasse"
            continue
        elif (
            (word.endswith("ieren") or word in _TASKS_DONE_WITH)
            and (prev in _WRITERS or nxt in _WRITERS)
            and not any(
                folded[k] in _ASKING or folded[k] in _TODAY or folded[k] == "noch"
                for k in _clause_range(clause_of[i], clause_start, clause_size)
            )
            and (tool := _a_tool_named_after(i, tokens, folded, clause_of))
        ):
            # "Im Café kassieren wir mit orderbird", "Rechnungen schreiben wir mit Lexware": a task done with
            # a tool in use, in a clause that asks nothing; the task and the tool are there
            for k in _clause_range(clause_of[i], clause_start, clause_size):
                if k <= tool:
                    roles[k] = _combined(roles[k], "existing")
            continue
        elif (
            word in _WORKS_WITH
            and (
                prev in _WRITERS
                or nxt in _WRITERS
                # "Unser Steuerberater arbeitet mit DATEV": an outside party's tool is there too
                or (
                    clause_of[i] in outside
                    and any(
                        folded[k].startswith(_OUTSIDE_PARTIES) for k in range(clause_start[clause_of[i]], i)
                    )
                )
            )
            and any(w in ("mit", "with", "in") for w in folded[i + 1 : i + 4])
        ):
            mode = "existing"  # "Wir arbeiten komplett mit DATEV", "Wir leben komplett in Microsoft 365"
        elif (
            word in ("laufen", "laeuft")
            and any(w in _MUST for w in folded[max(0, i - 4) : i])
            and not any(w in _GO_ON for w in folded[max(0, i - 5) : i])
        ):
            continue  # "WLAN für Gäste muss endlich stabil laufen": what must run is asked for, not there
        elif word in ("laufen", "laeuft") and any(
            folded[j] == "aus" and (j + 1 == len(folded) or clause_of[j + 1] != clause_of[i])
            for j in range(i + 1, min(len(folded), i + 4))
        ):
            continue  # "Unser Drucker-Leasing läuft aus": what expires is to be replaced, not kept
        elif (
            word in _EXISTING
            or (word in _DONE and prev in _GO_ON)  # "Doctolib soll weiter genutzt werden"
            # "Unsere Finanzbuchhaltung wird weiterhin mit DATEV erstellt": a task still done with a system
            or (
                word in _DONE_STILL
                and any(
                    folded[j] in ("weiterhin", "still") and clause_of[j] == clause_of[i]
                    for j in range(max(0, i - _STILL_REACH), i)
                )
            )
            or (word in _EVALUATIONS and (clause_size[clause_of[i]] <= 5 or prev in ("ist", "is")))
            or (word in _RIGHT_STATES and prev in ("ist", "is", "sind", "are"))
            or (word in _USE_VERBS and (prev in _WRITERS or nxt in _WRITERS))
            # "All properties run on apaleo as PMS": what the business runs on
            or (word in ("run", "runs") and nxt == "on" and prev not in _ASKING and prev not in _RELATIVES)
            # "Als Pflegesoftware ist Vivendi im Einsatz", "the HR system in use"
            or (
                word in ("einsatz", "use")
                and prev in ("im", "in")
                and nxt not in ("bei", "beim", "vor", "auf")
            )
            or (
                word in _STATE_PARTICIPLES
                and (prev in _STATE_COPULAS or (prev in _ALSO and prev2 in _STATE_COPULAS))
            )  # "sind ebenfalls gesetzt"
        ):
            mode = "existing"
        elif (
            word in _DONE_BY
            and clause_of[i] in outside
            and (window := _done_by_another(i, folded, clause_of))
        ):
            # "die Lohnabrechnung macht DATEV beim Steuerberater": the clause is taken care of, a few words
            # around the verb (a dictation without commas runs on for a hundred), not what a need verb before
            # it asks for ("wir bräuchten eine Handwerkersoftware die Buchhaltung macht weiter unser
            # Steuerbüro"). Linear: each verb marks at most 2 * _DONE_BY_REACH + 1 words.
            for k in window:
                roles[k] = "existing"
            continue
        elif (
            word in _HAVE
            and nxt in ("wir", "we")
            and i > clause_start[clause_of[i]]
            and not any(w in _NEGATIONS for w in folded[i + 2 : i + 5] if w)
        ):  # "Eine Website haben wir noch nicht" is a lack
            mode, backward_only = "existing", True  # the object before the verb: "Website haben wir"
        elif word in _POSSESSIVES and prev in _LINK_PREPOSITIONS:
            # "back to our ERP", "Anbindung an unsere Warenwirtschaft": a system of the writer's that data
            # goes to or comes from is there (the bundle links to it); not a word that only qualifies another
            # ("to our shipping carriers")
            _mark_linked(i + 1, tokens, folded, clause_of, starts, ends, roles)
            continue
        elif word in ("to", "with") and prev in _CONNECTED:
            _mark_linked(i + 1, tokens, folded, clause_of, starts, ends, roles)  # "connected to DATEV"
            continue
        elif (
            word in _LINK_PREPOSITIONS
            and i + 1 in starts
            and not (word == "an" and tokens[i + 1].surface[:1].islower())  # "an online shop connected to"
            and ends.get(i + 1, i + 1) + 1 < len(tokens)
            and folded[ends.get(i + 1, i + 1) + 1] in _CONNECTED
        ):
            roles[i + 1] = _combined(roles[i + 1], "existing")  # "der an DATEV angebunden ist"
            continue
        elif (
            word in _COPULAS
            and nxt in ("von", "from")
            and i + 2 < len(tokens)
            # a maker's name, also as it writes itself ("Meine Kasse im Laden ist von orderbird")
            and _no_dictionary_word(tokens[i + 2].surface)
            and last_start.get(clause_of[i], len(tokens)) < i
        ):
            # "Kassen in den Filialen sind von Vectron": the thing the clause names is the maker's, there
            roles[last_start[clause_of[i]]] = "existing"
            continue
        elif (
            (word in _POSSESSIVES or word in ("der", "die", "das", "the"))
            and _names_then_is(i, tokens, folded, starts, clause_of)
        ) or (
            i in starts
            and i == clause_start[clause_of[i]]
            and _names_then_is(i - 1, tokens, folded, starts, clause_of)
        ):
            # "Unser PMS ist Casablanca", "our POS is Lightspeed", "Warenwirtschaft ist JTL-Wawi, die bleibt"
            first = i + 1 if word in _POSSESSIVES or word in ("der", "die", "das", "the") else i
            for k in range(first, min(i + 4, len(tokens))):
                if clause_of[k] != clause_of[i]:
                    break
                if k in starts:
                    roles[k] = "existing"
                    copula = next((m for m in range(k + 1, len(folded)) if folded[m] in _COPULAS), -2)
                    if copula + 1 in starts:  # the name is a product the taxonomy knows ("JTL-Wawi")
                        roles[copula + 1] = "existing"
                    break
            continue
        else:
            continue
        # "die bestehende Exchange-Umgebung": an adjective's noun follows it, never precedes it
        forward_only = (
            word in _EXISTING
            and word.endswith(("e", "en", "er", "es", "existing"))
            and not (word in _EXISTING_VERBS or word == "vorhanden")
        ) or word in _PREPOSITIONAL_NEGATIONS  # "a website ... without calling a developer"
        j = i + 1
        while (
            not backward_only
            and j < min(len(tokens), i + 1 + MAX_SCOPE)
            and clause_of[j] == clause_of[i]
            and folded[j] not in _SCOPE_ENDS
        ):
            if mode == "existing" and not kept and folded[j] in _NEED_VERBS:
                break  # "do not want to change the PMS" reaches past its "want"
            if mode == "existing" and folded[j] in _WISH_MODALS and clause_size[clause_of[i]] > _RUN_ON:
                break  # a dictation: "das soll so bleiben also muss das da rübergehen einen Onlineshop ..."
            if mode == "negated" and folded[j] in _NEED_VERBS and folded[j - 1] in _WRITERS:
                break  # "... und keiner mehr weiß was er gemacht hat wir bräuchten also": a new ask
            if (
                mode == "negated"
                and folded[j] in _NEED_VERBS
                and "und" in folded[i + 1 : j]
                and not all(tokens[m].is_stopword for m in range(i + 1, j))
            ):
                break  # "... kann nicht ran und abends wollen die Kundinnen ihren Termin machen": a new ask
            if mode == "negated" and folded[j] in _COURTESIES:
                break  # "... brauchen wir nicht bitte um Rückruf unter der Nummer auf der Homepage"
            if (
                mode == "negated"
                and clause_size[clause_of[i]] > _RUN_ON
                and folded[j] in ("das", "dies", "that")
                and j + 1 < len(tokens)
                and folded[j + 1] in _COPULAS
            ):
                break  # a dictation: "... brauchen wir nicht das ist uns zu viel die homepage läuft ..."
            j += 1
            if mode == "existing" and word not in _EXISTING_ADVERBS and j - 1 in starts:
                end = ends.get(j - 1, j - 1)
                purpose = next(
                    (
                        k
                        for k in (end + 1, end + 2)  # over a product's name: "software (theorg) for"
                        if k < len(tokens) and clause_of[k] == clause_of[i] and folded[k] in ("for", "fuer")
                    ),
                    None,
                )
                if purpose is not None:
                    j = purpose + 1  # "We keep our practice software for patient records and billing"
                    continue
                break  # the adjective's noun
            if forward_only and mode == "existing" and j < len(tokens) and folded[j] in _AFTER_THE_NOUN:
                break  # ... a noun no capability names: "aus dem bisherigen System zu übernehmen"
        # "Online-Shop brauchen wir keinen": an article of negation that ends its clause negates backward
        # ("bei Google findet uns keiner": "keiner" is nobody)
        postposed = (
            mode == "negated"
            and word != "keiner"
            and (
                all(tokens[k].is_stopword for k in range(i + 1, j))
                or _refusal_noun_after(i, folded)
                or _a_verb_ends_the_clause(i, tokens, clause_of)
            )
        )
        # a tender's own word names nothing: "Das KIS ist nicht Gegenstand der Ausschreibung" refuses the KIS
        # ... and neither does the procurement itself ("ist nicht Gegenstand dieser Beschaffung")
        named_after = any(
            k in starts and not folded[k].startswith(_TENDER_WORDS) and not _this_procurement(k, folded)
            for k in range(i + 1, j)
        )
        if forward_only or named_after or not (mode == "existing" or word in _VERB_NEGATIONS or postposed):
            for k in range(i + 1, j):
                roles[k] = _combined(roles[k], mode)
            if not (named_after and mode == "existing" and word in _SUBJECT_VERBS):
                continue
            # "Our accounting stays in DATEV": the verb's subject before it is there too
        k = i - 1
        stops = _SCOPE_ENDS | _COORDINATIONS | (_PURPOSES if mode == "negated" else frozenset())
        if (
            word in ("seit", "since")
            and nxt[:1].isdigit()
            and any(
                folded[m].endswith(_TAKING_OVER)
                for m in range(max(clause_start[clause_of[i]], i - MAX_SCOPE), i)
            )
        ):
            continue  # "Übernahme der Altdaten seit 2008": the data go back that far; taking over is asked
        if word in ("seit", "since") and any(
            folded[m].startswith(_FAILING)
            for m in range(i + 1, min(len(tokens), i + 8))
            if clause_of[m] == clause_of[i]
        ):
            continue  # "die Datensicherung bringt seit drei Wochen nur noch Fehlermeldungen": to be mended
        named = False
        if mode == "existing" and word in _EXISTING_VERBS:
            while k > 0 and folded[k] in _FUTURE_AUXILIARIES:
                k -= 1  # "... and will stay as our core system"
            if k >= 0 and folded[k] in _COORDINATIONS:
                k -= 1  # "Die Kasse ist neu und bleibt": the verb's subject is before the "und"
                if any(folded[m] in _NEED_VERBS for m in range(clause_start[clause_of[i]], k)):
                    continue  # "Wir brauchen ein CRM und bleiben bei DATEV": the CRM is needed
        if (
            mode == "negated"
            and k > 0
            and folded[k] in _BETWEEN_WRITER_AND_NOT
            and (
                folded[k - 1] in _WRITERS
                or (
                    k - 1 in match_ends
                    and not any(folded[m] in _ASKING for m in range(clause_start[clause_of[i]], k))
                )
            )
        ):
            # "ein separates DAM brauchen wir aber nicht", "eine Website brauchen wir, einen Shop aber nicht":
            # the "aber" sets the clause against another, it ends no scope
            k -= 1
        while k >= max(0, i - MAX_SCOPE) and clause_of[k] == clause_of[i]:
            if (
                folded[k] in _COORDINATIONS
                # "Website und Kasse haben wir", "Shop und Kasse sind vorhanden": both things are there
                and (
                    mode == "negated" or (mode == "existing" and (word in _HAVE_AFTER or word in _HAVE_BOTH))
                )
                and k - 1 in match_ends
                # a thing follows, not a verb ("... erfolgt im Rechenzentrum und ist nicht Gegenstand")
                and k + 1 < len(tokens)
                and (
                    k + 1 in starts
                    or folded[k + 1] in _INDEFINITE_ARTICLES
                    or folded[k + 1] in _DEFINITE
                    or folded[k + 1] in _ANY_KIND  # "Onlineshop oder irgendwelche Kundenkarten-Apps"
                    or folded[k + 1] in _SERVICE_NOUNS  # "hosting or operation by the contractor is not ..."
                    or tokens[k + 1].surface[:1].isupper()
                )
                and not any(
                    folded[m] in _HAVE or folded[m] in _EXISTING_VERBS
                    for m in range(clause_start[clause_of[i]], k)
                )
                and not any(folded[m] in _ASKING for m in range(clause_start[clause_of[i]], k))
            ):
                k -= 1  # "Predictive Maintenance und KI-Zeug bitte nicht anbieten": both things refused
                continue
            if folded[k] in stops and not (k + 1 < len(tokens) and folded[k + 1] in _THE_LIKE):
                break  # "Einen Gutschein-Shop oder ähnliches brauchen wir nicht": the shop is refused too
            if mode == "negated" and _relative_pronoun(k, tokens, folded):
                break  # "ein WLAN, das nicht abschmiert" (comma or not): the thing is asked, its failing not
            if (
                mode == "existing"
                and _relative_pronoun(k, tokens, folded)
                and set(folded[max(0, k - 3) : k - 1]) & _INDEFINITE_ARTICLES
                and not set(folded[max(0, k - _HAD_REACH) : k]) & _HAS
            ):
                # "ein Backup das auch wirklich läuft": a thing wished for ("die Kasse, die bleibt", "hat eine
                # einfache Kasse die bleibt" are there)
                break
            run_on = clause_size[clause_of[i]] > _RUN_ON
            if run_on and k < i - 3 and (folded[k] in _NEED_VERBS or folded[k] in _WISH_MODALS):
                break  # a dictation: "... unterschreiben können Rechnungen schreiben wir in lexoffice"
            roles[k] = _combined(roles[k], mode)
            named = named or k in starts
            if (
                run_on
                and mode == "existing"
                and k < i - 1
                and folded[k] in _SUBJECT_OPENERS
                and tokens[k + 1].surface[:1].isupper()  # an article, not "das" pointing back
            ):
                break  # ... "so 25 Stück die Lohnabrechnung läuft über unser Lohnbüro": the subject's article
            if run_on and mode == "negated" and k < i - 1 and folded[k] in _INDEFINITE_ARTICLES:
                break  # ... "übernommen werden eine eigene app für die mitglieder brauchen wir nicht"
            if run_on and mode == "negated" and k < i - 1 and folded[k] in _NEW_THOUGHTS:
                # ... "die Kasse die bleibt aber auf diese Seiten mit Provision will ich nicht", "... Termin
                # machen wenn der Laden zu ist außerdem kommen Leute einfach nicht"
                break
            k -= 1
        start = clause_start[clause_of[i]]
        if (
            mode == "existing"
            and (word in _EXISTING_VERBS or word in _ALREADY)
            and k > start
            and clause_of[k] == clause_of[i]
            and folded[k] in _COORDINATIONS
            and (
                folded[start] in _POSSESSIVES
                or word in _PLURAL_SUBJECT_VERBS
                or (word in _SUBJECT_VERBS and folded[i - 1] in _PLURAL_AUXILIARIES)
                # "Microsoft 365 mit Exchange und Teams ist bei uns im Einsatz": the system the clause
                # starts with, and what it comes with
                or (start in starts and any(folded[m] in ("mit", "with") for m in range(start, k)))
            )
            and not any(folded[m] in _NEED_VERBS for m in range(start, i))
        ):
            # "Unsere Handwerkersoftware für Angebote und Rechnungen bleibt": the subject the clause starts
            # with, whatever it is for, is what stays; "Das Finanzwesen und das Meldewesen laufen über ...":
            # a plural verb's subjects are joined by the "und"
            for m in range(start, k):
                roles[m] = _combined(roles[m], mode)
                named = named or m in starts
        if mode == "negated" and not named and word in _VERB_NEGATIONS:
            _refused_across_a_relative_clause(
                clause_start[clause_of[i]], clause_of, sentence_of, folded, starts, roles
            )
        if (
            mode == "existing"
            and not named
            and not backward_only
            and not kept
            and clause_of[i] not in headings  # "Erhalten bleiben: SAP": what follows is kept
            and k >= 0
            and clause_of[k] == clause_of[i] - 1
            # "Sage haben wir schon": the clause names its own thing, one the taxonomy does not know
            and not any(
                (tokens[m].surface[:1].isupper() or no_capitals)
                and not tokens[m].is_stopword
                and folded[m] not in _POINTING_BACK
                for m in range(clause_start[clause_of[i]], i)
            )
            # "Wir brauchen ein CRM. Alles andere bleibt": the rest is what the text does not name
            and not any(
                folded[m] in _THE_REST for m in _clause_range(clause_of[i], clause_start, clause_size)
            )
        ):
            # nothing named in the cue's clause: the last thing the clause before named; "beides"/"both":
            # the last things the two clauses before named
            clauses = [clause_of[k]]
            first = None
            if any(folded[m] in _BOTH for m in _clause_range(clause_of[i], clause_start, clause_size)):
                # "Onlineshop und Kasse, beides haben wir schon": both things of the one clause before
                first = _first_of_two(
                    clause_start[clause_of[k]], last_start.get(clause_of[k]), folded, starts
                )
                if first is None:
                    clauses.append(clause_of[k] - 1)
            if first is None:
                clauses[0] = _last_naming_clause(
                    clauses[0], clause_start, clause_size, last_start, sentence_of[i], sentence_of
                )
                attached = clauses[0]
                if (
                    clause_size.get(attached, 0) <= _NAMELESS_WORDS
                    and folded[clause_start[attached]] in _ATTACHED
                    and attached - 1 in last_start
                    and sentence_of[clause_start[attached - 1]] == sentence_of[i]
                ):
                    # "Die Kassen sind neu, mit TSE, die bleiben": the tills with their TSE stay
                    clauses.append(attached - 1)
            for clause in clauses:
                last = last_start.get(clause) if first is None else first
                if clause not in clause_start or last is None:
                    continue
                if sentence_of[last] != sentence_of[i] and any(
                    folded[m] in _NEED_VERBS and sentence_of[m] == sentence_of[last]
                    for m in range(max(0, last - MAX_SCOPE), last)
                ):
                    continue  # "Wir brauchen ... eine Datensicherung. Gezeichnet wird mit ..., beides bleibt"
                end = clause_start[clause] + clause_size[clause] - 1
                if (
                    last
                    and (folded[last - 1].startswith("neu") or folded[last - 1] == "new")
                    and not any(folded[m] in _NEGATIONS for m in range(last, end + 1))
                ):
                    # "brauchen neue Werkstattsoftware, die alte läuft noch": the new one is not there ("Ne
                    # neue Website brauch ich nicht, die ist gut": the one refused is)
                    continue
                # "Wir brauchen eine App, die stabil läuft": a relative clause wishes what was asked for
                described = folded[clause_start[clause_of[i]]] in _RELATIVES
                since = clause_start[clause] if described else last
                if not any(
                    folded[m] in _NEED_VERBS and not any(w in _VERB_NEGATIONS for w in folded[m + 1 : m + 3])
                    for m in range(since, end + 1)
                ):  # "Ne neue Website brauch ich nicht, die ist gut": the one refused is there
                    for m in range(last, end + 1):
                        roles[m] = _combined(roles[m], mode)
    return roles


_NAMELESS_REACH = 2  # short clauses naming nothing passed over back to the thing a "die bleibt" keeps
_NAMELESS_WORDS = 3  # ... each of at most this many words ("die geht", "das passt")
# a short clause that attaches to the thing before it: "..., mit TSE, die bleiben"
_ATTACHED = frozenset(["mit", "with", "inkl", "inklusive", "samt", "including"])


def _last_naming_clause(
    clause: int,
    clause_start: dict[int, int],
    clause_size: dict[int, int],
    last_start: dict[int, int],
    sentence: int,
    sentence_of: list[int],
) -> int:
    """``clause``, or where it is a short one naming nothing the nearest clause before it in the same sentence
    that names a thing, over at most _NAMELESS_REACH short clauses: "Die Kasse ham se vom Friseurbedarf, die
    geht, die bleibt"."""
    earlier = clause
    while earlier not in last_start and clause_size.get(earlier, _NAMELESS_WORDS + 1) <= _NAMELESS_WORDS:
        earlier -= 1
        if (
            clause - earlier > _NAMELESS_REACH
            or earlier not in clause_start
            or sentence_of[clause_start[earlier]] != sentence
        ):
            return clause
    return earlier if earlier in last_start else clause


def _first_of_two(start: int, last: int | None, folded: list[str], starts: set[int]) -> int | None:
    """The first of two things a clause joins with "und"/"and" before its last one ("Shop und Kasse")."""
    if last is None:
        return None
    joined = [m for m in range(start, last) if folded[m] in _COORDINATIONS]
    named = [m for m in range(start, joined[0]) if m in starts] if joined else []
    return named[0] if named else None


_NO_CASE = frozenset(["fall", "falls"])  # "auf keinen Fall"
_TAKING_OVER = ("uebernahme", "migration", "ueberfuehrung")  # of data (see _data_taken_over)
# the words alone, not "Telefonanlage"
_BARE_PHONE = frozenset(["telefon", "telefone", "telefons", "phone", "phones", "anruf", "anrufe"])
_CHANGE_LINKS = frozenset(["to", "from", "over"])  # "switch to", "switch from", "switch over"
# ... and "daran wird nicht rumgefummelt", "nicht anfassen", "don't touch": left as it is
_CHANGE_VERBS = (
    "wechsel",
    "abloes",
    "ersetz",
    "austausch",
    "umsteig",
    "aufgeb",
    "replac",
    "switch",
    "chang",
    "aender",  # "wird nicht geändert", "nicht verändern"
    "geaendert",
    "veraender",
    "anfass",
    "angefasst",
    "rumfumm",
    "rumgefummelt",
    "touch",
)
_CHANGE_TARGETS = frozenset(
    ["zu", "auf", "nach", "to"]
)  # "nicht zu Shopify wechseln": the new one is refused
_CHANGE_REACH = 4  # words from the negation to its verb of change


# A form-like line answers a label: "Onlineshop: nein", "Kasse: haben wir", "Online shop? No thanks."
_LABEL_WORDS = 3  # a label is a name, with an article at most
_ANSWER_WORDS = 4
_ANSWER_NO = frozenset(["nein", "noe", "no", "nope"])
_ANSWER_HAVE = frozenset(["haben", "have", "gibt", "got"])


def _answered_labels(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], roles: list[str]
) -> None:
    """Refuse or keep a short label that a short answer after a colon, a dash or a question mark says no to
    or says is there ("Onlineshop: nein", "Onlineshop: brauchen wir nicht", "Kasse: haben wir", "Shop?
    Nein danke.", "ERP: we have one"), or that a "nein" ends ("Webseite ja, Shop nein"); the answer names
    nothing itself, and a "but" after it asks again ("Website: haben wir, ist aber alt"). Sets ``roles``
    of the label's words. Linear."""
    clauses = _members(clause_of)
    for n, clause in enumerate(clauses):
        if (
            1 < len(clause) <= _LABEL_WORDS + 1
            and words[clause[-1]] in _ANSWER_NO
            and any(k in starts for k in clause[:-1])
            and all(roles[k] == "need" for k in clause[:-1])
        ):
            for k in clause[:-1]:  # "Shop nein", "Onlineshop ✘"
                roles[k] = "negated"
            continue
        if n + 1 == len(clauses):
            break
        label, answer = clause, clauses[n + 1]
        if (
            len(label) > _LABEL_WORDS
            or len(answer) > _ANSWER_WORDS
            or not any(k in starts for k in label)
            or any(k in starts for k in answer)
            or any(roles[k] != "need" for k in label)
        ):
            continue
        whole_sentence = label[0] == 0 or sentence_of[label[0] - 1] != sentence_of[label[0]]
        if sentence_of[answer[0]] != sentence_of[label[0]] and not whole_sentence:
            continue  # across sentences only a label that is a sentence of its own ("Onlineshop? Nein.")
        said = [words[k] for k in answer]
        if (
            said[0] in _ANSWER_NO
            or (said[0] in _NEGATIONS and len(said) <= 2)  # "nicht nötig", "keiner", "not needed"
            or (said[0] in _NEED_VERBS and said[-1] in _VERB_NEGATIONS)  # "brauchen wir nicht"
        ):
            mode = "negated"
        elif (said[0] in _ANSWER_HAVE and said[1:2] in (["wir"], ["we"], ["es"])) or said[:2] == [
            "we",
            "have",
        ]:
            mode = "existing"  # "haben wir", "gibt es", "we have one"
            rest = clauses[n + 2] if n + 2 < len(clauses) else []
            if any(sentence_of[k] == sentence_of[answer[0]] and words[k] in _BUT for k in rest):
                continue  # "Website: haben wir, ist aber alt und soll neu"
        else:
            continue
        for k in label:
            roles[k] = mode


_BUT = frozenset(["aber", "but", "jedoch", "allerdings"])
# "Website und Kasse haben wir schon": the things before a have and its "already" are there, all of them
_HAVE_AFTER = frozenset(["schon", "bereits", "already"])
_HAVE_BOTH = frozenset(["haben", "have", "vorhanden"])
_ALSO = frozenset(["auch", "ebenfalls", "bereits", "schon", "also", "already"])
_ONLY_WITH_NOTHING = frozenset(["ausser", "except", "ohne", "without"])
_NOTHING = frozenset(["nichts", "nothing"])


_ONCE = frozenset(["mal", "einmal", "frueher", "damals", "zeitweise"])


_DONE = frozenset(["gemacht", "genutzt", "benutzt", "verwendet", "gehabt", "eingesetzt", "betrieben"])
_DONE_STILL = _DONE | {"erstellt", "gefuehrt", "abgewickelt", "erledigt", "gebucht", "done", "handled"}
_STILL_REACH = 6
_DOING = frozenset(["machen", "nutzen", "benutzen", "verwenden", "haben", "betreiben", "use", "run", "do"])
_LAST = frozenset(["letztes", "letzten", "vorletztes", "vorigen", "voriges", "last"])
_MADE = frozenset(
    [
        "gebaut",
        "entwickelt",
        "programmiert",
        "erstellt",
        "built",
        "made",
        "developed",
        "programmed",
        "created",
    ],
)


_TOOL_ARTICLES = frozenset(["dem", "einem", "unserem", "the", "our"])


def _a_tool_named_after(i: int, tokens: list[Token], folded: list[str], clause_of: list[int]) -> int | None:
    """ "kassieren wir mit orderbird", "verwalten wir in WISO MeinVerein": "mit"/"in"/"über" within five
    words, then (past an article) a product's name no dictionary knows, not a thing's common name ("mit
    einem Buchungsportal"); its position."""
    for k in range(i + 1, min(len(folded) - 1, i + 6)):  # "we manage all of it in Smoobu"
        if folded[k] in ("mit", "with", "in", "ueber", "via", "through") and clause_of[k + 1] == clause_of[i]:
            article = folded[k + 1] in _INDEFINITE_ARTICLES or folded[k + 1] in _TOOL_ARTICLES
            name = k + 2 if article and k + 2 < len(folded) else k + 1
            # a maker's name as it writes itself ("orderbird", "lexoffice")
            return name if _no_dictionary_word(tokens[name].surface) else None
    return None


def _stopped_or_done_once(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """ "(X) machen wir nicht mehr" at a clause's end, "(X) haben wir früher gemacht", "letztes Jahr hat uns
    jemand eine App gebaut": what was done once."""
    if folded[i] == "mehr" and i > 2 and folded[i - 1] == "nicht":
        ends = i + 1 >= len(folded) or clause_of[i + 1] != clause_of[i]
        return ends and folded[i - 2] in _WRITERS and folded[i - 3] in _DOING
    if folded[i] in ("jahr", "year") and i and folded[i - 1] in _LAST:
        # "last year someone built us an app (but we never used it)": made once, not asked for now
        window = range(max(0, i - 6), min(len(folded), i + 7))
        return any(folded[k] in _MADE for k in window if clause_of[k] == clause_of[i])
    if folded[i] not in _ONCE:
        return False  # (called for every word: the window is looked at only here)
    window = range(max(0, i - 3), min(len(folded), i + 4))
    return any(folded[k] in _DONE for k in window if clause_of[k] == clause_of[i])


def _had_once(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """ "(wir) hatten mal / früher / einmal", "(we) used to have", "(we) once had"."""
    word = folded[i]
    if word in ("hatten", "hatte"):
        nxt = folded[i + 1] if i + 1 < len(folded) and clause_of[i + 1] == clause_of[i] else ""
        prev = folded[i - 1] if i and clause_of[i - 1] == clause_of[i] else ""
        return nxt in _ONCE or prev in _ONCE
    if word == "have":
        return i > 1 and clause_of[i - 2] == clause_of[i] and folded[i - 2 : i] == ["used", "to"]
    return word == "had" and i > 0 and folded[i - 1] == "once"


def _not_the_problem(after: list[str]) -> bool:
    """ "(ist nicht) das Problem / unser Thema", "(is not) the issue": after a negated copula."""
    return len(after) == 2 and after[0] in ("das", "unser", "the", "our") and after[1].startswith(_TROUBLES)


# "oder ähnliches", "or anything like that": a vague other of the same kind, no second thing
_THE_LIKE = frozenset(
    ["aehnliches", "aehnlich", "aehnliche", "aehnlichen", "dergleichen", "sowas", "so", "vergleichbares",
     "vergleichbare", "anything", "similar", "the"]
)  # fmt: skip
_EVERYTHING = frozenset(["alles", "alle", "beide", "beides", "everything", "all", "both"])
_THE_REST = frozenset(["andere", "anderen", "uebrige", "uebrigen", "rest", "else", "other", "others"])


def _everything_stays(words: list[str], sentence_of: list[int], starts: set[int], roles: list[str]) -> None:
    """ "Our ERP, the shop and the CRM all stay", "... und die Finanzbuchhaltung in DATEV. Alles bleibt wie es
    ist", "finance on DATEV, and both stay": what the sentence names before it, or else the sentence before,
    is there."""
    for i, word in enumerate(words):
        if word not in _EVERYTHING or set(words[i + 1 : i + 2]) & _THE_REST:
            continue  # "Alles andere bleibt": what the text does not name
        near = words[i + 1 : i + 3] if word in ("alles", "everything") else words[max(0, i - 1) : i + 2]
        if not any(w in _SUBJECT_VERBS for w in near):
            continue
        sentence = sentence_of[i]
        named = [k for k in starts if k < i and sentence_of[k] == sentence]
        if not named:
            named = [k for k in starts if k < i and sentence_of[k] == sentence - 1]
        for k in named:
            if roles[k] == "need":
                roles[k] = "existing"


_ASKER_REACH = 8  # words from the text's first word to the verb of "Schuhhändler mit Shopware-Shop sucht"


def _the_asker_has(words: list[str], clause_of: list[int], starts: set[int], roles: list[str]) -> None:
    """ "Schuhhändler mit Shopware-6-Shop sucht Anbindung an Amazon": what the asker is said to have, between
    "mit" and the need verb of the text's opening clause, is there."""
    head = [k for k in range(min(len(words), _ASKER_REACH)) if clause_of[k] == clause_of[0]]
    verb = next((k for k in head if words[k] in _NEED_VERBS), None)
    with_ = next((k for k in head if words[k] in ("mit", "with")), None)
    if verb is None or with_ is None or with_ > verb:
        return
    for k in range(with_ + 1, verb):
        if k in starts and roles[k] == "need":
            roles[k] = "existing"


_THIS = frozenset(["dieser", "diese", "dieses", "der", "des", "this", "the"])
_PART_HEADS = ("teil", "bestandteil", "gegenstand", "umfang", "part", "scope")
_THE_PROCUREMENT = ("beschaffung", "procurement", "auftrag", "vertrag", "contract", "leistung", "verfahren")


def _this_procurement(k: int, words: list[str]) -> bool:
    """ "nicht Gegenstand dieser Beschaffung", "not part of this procurement": the word after a part-of word
    and its article names the procurement itself."""
    head = k - 3 if k >= 3 and words[k - 2] == "of" else k - 2
    return (
        head >= 0
        and words[k].startswith(_THE_PROCUREMENT)
        and words[k - 1] in _THIS
        and words[head].startswith(_PART_HEADS)
    )


_LIKEWISE = frozenset(["auch", "ebenfalls", "ebenso", "too", "also"])
_LIKEWISE_WORDS = 3  # "Kassen auch", "die Kassen ebenso", "the tills too"
_LIKEWISE_FIRST = frozenset(["ebenso", "ebenfalls"])  # "..., ebenso unsere Finanzbuchhaltung"
_NOR_EITHER = frozenset(["ebensowenig", "genausowenig"])  # also written "ebenso wenig", "genauso wenig"


def _likewise(words: list[str], clause_of: list[int], starts: set[int], roles: list[str]) -> None:
    """ "Protel als PMS bleibt, Kassen auch", "..., ebenso unsere Finanzbuchhaltung": a short clause that
    names a thing and ends in "auch" or starts with "ebenso" says of it what the clause before said of its
    own: there; one that starts with "ebenso wenig" after a refusal refuses its things too. Linear."""
    members = _members(clause_of)
    for before, clause in pairwise(members):
        first = words[clause[0]] + (words[clause[1]] if len(clause) > 1 else "")
        if (first in _NOR_EITHER or words[clause[0]] in _NOR_EITHER) and any(
            roles[k] == "negated" or words[k] in _NEGATIONS for k in before
        ):
            # "Schulungen sind nicht Gegenstand dieser Vergabe, ebenso wenig Teams-Telefonie": refused too
            for k in clause:
                if roles[k] in ("need", "existing"):
                    roles[k] = "negated"
            continue
        if (
            len(clause) <= _LIKEWISE_WORDS + 1
            and (words[clause[-1]] in _LIKEWISE or words[clause[0]] in _LIKEWISE_FIRST)
            and any(k in starts for k in clause)
            and any(roles[k] == "existing" for k in before)
        ):
            for k in clause:
                if roles[k] == "need":
                    roles[k] = "existing"


# A clause this long has no commas (a dictation): what a refusal or a verb of being there reaches back to
# ends at an ask before it, and a verb of being there's at the article that opens its subject.
_RUN_ON = 30
# ... and a refusal's reach back ends at a word that starts a new thought
_NEW_THOUGHTS = frozenset(["aber", "but", "bleibt", "wenn", "ausserdem", "dann", "weil"])
_WISH_MODALS = frozenset(["sollen", "soll", "koennen", "koennte", "koennten", "muessen", "muss", "should"])
_SUBJECT_OPENERS = frozenset(["die", "das", "unser", "unsere", "unseren", "our", "the"])
_ANY_KIND = frozenset(["irgendwelche", "irgendeine", "irgendeinen", "irgendein", "sonstige", "any"])
_HAD_REACH = 10  # words from "hat"/"haben" (_HAS) to the relative pronoun of what is had
_STAY_NOUN_BEFORE = frozenset(["their", "your", "his", "her", "our", "the", "a", "each", "every", "whole"])
_LEFT_STANDING = frozenset(["stehen", "stuenden", "steht", "stehe", "dastehen"])
_COURTESIES = frozenset(["bitte", "danke", "please", "thanks"])
_BUT_TURNS = frozenset(["aber", "but", "jedoch", "allerdings"])
# ... over a word of stress: "but is explicitly not part of this project", "ist aber ausdrücklich nicht nötig"
_STRESSED = frozenset(["explicitly", "definitely", "really", "ausdruecklich", "wirklich", "eigentlich"])


# A clause that only says no to a want ("will ich nicht", "brauchen wir auf keinen Fall") refuses what the
# clauses before it in its sentence name: "so eine Ortung, wo die Autos sind, will ich nicht".
_BARE_REFUSAL_WORDS = frozenset(
    ["ich", "wir", "man", "das", "so", "was", "auch", "aber", "eigentlich", "wirklich", "auf", "fall"]
)


def _refused_after_the_fact(
    words: list[str], clause_of: list[int], sentence_of: list[int], roles: list[str]
) -> None:
    """Back from each bare refusal to the sentence's start, an "aber", a no or a clause of its own want:
    linear."""
    members = _members(clause_of)
    for n, clause in enumerate(members):
        said = [words[k] for k in clause]
        if not (
            n
            and any(w in _REFUSALS for w in said)
            and any(w in _NEED_VERBS for w in said)
            and all(w in _REFUSALS or w in _NEED_VERBS or w in _BARE_REFUSAL_WORDS for w in said)
        ):
            continue
        for before in reversed(members[:n]):
            if sentence_of[before[0]] != sentence_of[clause[0]] or any(
                words[k] in _NEED_VERBS for k in before
            ):
                break
            for k in before:
                if roles[k] == "need":
                    roles[k] = "negated"
            # ... or at a no of its own: "kein Hotelprogramm verkaufen, das brauchen wir nicht"
            if words[before[0]] in _BUT_TURNS or any(words[k] in _REFUSALS for k in before):
                break


def _but_not_needed(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], roles: list[str]
) -> None:
    """ "Predictive Maintenance ist spannend, aber nicht nötig", "... sounds interesting but is not for this
    phase": the thing the sentence is about, praised first, is refused. Linear."""
    members = _members(clause_of)
    position = {clause_of[clause[0]]: n for n, clause in enumerate(members)}
    for i, w in enumerate(words):
        if w not in _VERB_NEGATIONS or i + 1 >= len(words):
            continue
        if not (words[i + 1].startswith(_WANTED) or _not_for_this_step(i, words)):
            continue
        turn = i - 1
        while turn >= 0 and (words[turn] in _STATE_COPULAS or words[turn] in _STRESSED):
            turn -= 1
        if turn < 0 or words[turn] not in _BUT_TURNS or sentence_of[turn] != sentence_of[i]:
            continue
        # clause numbers need not follow one another: the turn's clause by its place among the clauses
        n = position[clause_of[turn]]
        said = [k for k in members[n] if k < turn]
        if not any(k in starts for k in said) and n and sentence_of[members[n - 1][0]] == sentence_of[i]:
            said = members[n - 1]  # "..., aber nicht nötig", "... wäre schön, ist aber nicht nötig"
        if any(words[k] in _ASKING for k in said):
            continue  # "Wir brauchen ein CRM, aber nicht nötig ist ..." asks
        for k in said:
            if roles[k] == "need" and k in starts:
                roles[k] = "negated"


# Said of a system in a sentence of its own: content with it, it is there ("... und sind damit zufrieden",
# "mit der wir sehr zufrieden sind", "we're happy with it"); discontent asks for a new one ("Mit dem
# Kassensystem sind wir nicht zufrieden": no refusal).
_CONTENT = frozenset(["zufrieden", "happy", "satisfied", "pleased", "bewaehrt"])
_DISCONTENT = frozenset(["unzufrieden", "unhappy", "dissatisfied"])
_NOT_CONTENT = frozenset(["nicht", "not", "wenig", "kaum", "nie", "never", "nt"])


def _contentment(words: list[str], sentence_of: list[int], starts: set[int], roles: list[str]) -> None:
    for i, word in enumerate(words):
        if word not in _CONTENT and word not in _DISCONTENT:
            continue
        sentence = sentence_of[i]
        span = [
            k
            for k in range(max(0, i - MAX_SCOPE), min(len(words), i + MAX_SCOPE))
            if sentence_of[k] == sentence
        ]
        content = word in _CONTENT and not any(words[k] in _NOT_CONTENT for k in range(max(0, i - 3), i))
        if content and any(words[k] in _ASKING for k in span):
            continue  # "ein Kassensystem, mit dem alle zufrieden sind, brauchen wir": the ask decides
        for k in starts:
            if sentence_of[k] != sentence or k > i:
                continue
            if content and roles[k] == "need":
                roles[k] = "existing"
            elif not content and roles[k].startswith("negated"):
                roles[k] = "need"


_THAT = frozenset(["that", "thats", "this", "it", "its", "das", "dies", "so"])
_THAT_IS_FINE_WORDS = 4


def _that_is_fine(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], roles: list[str]
) -> None:
    """ "Payroll goes out to our accountant as an export, that's fine", "..., das passt so": a short clause
    that says the way before it is fine keeps what the clause right before it names. Linear."""
    members = _members(clause_of)
    for n, clause in enumerate(members):
        if (
            n
            and len(clause) <= _THAT_IS_FINE_WORDS
            and words[clause[0]] in _THAT
            and any(words[k] in _EVALUATIONS for k in clause)
        ):
            before = [k for k in members[n - 1] if sentence_of[k] == sentence_of[clause[0]]]
            if any(words[k] in _ASKING for k in before):
                continue
            for k in before:
                if k in starts and roles[k] == "need":
                    roles[k] = "existing"


# Done in-house is not bought: "Social Media machen wir selbst", "Hosting übernehmen wir selbst", "we handle
# social media ourselves"; a wish to do it oneself asks for the tool ("die Website selbst pflegen können").
_IN_HOUSE = frozenset(["selbst", "selber", "ourselves", "inhouse", "intern"])
_PURPOSE = frozenset(["damit", "sodass", "um", "so"])
_ABLE = frozenset(["koennen", "kann", "koennten", "can", "able", "could", "moechten", "wollen"])


def _done_in_house(words: list[str], clause_of: list[int], starts: set[int], roles: list[str]) -> None:
    for i, word in enumerate(words):
        if word not in _IN_HOUSE:
            continue
        clause = [
            k for k in range(max(0, i - MAX_SCOPE), min(len(words), i + 4)) if clause_of[k] == clause_of[i]
        ]
        before = [k for k in clause if k < i]
        if not any(words[k] in _WRITERS for k in before[-4:] if k >= i - 4) and not (
            before and words[before[0]] in _WRITERS
        ):
            continue
        if any(words[k] in _ASKING or words[k] in _ABLE or words[k] in _PURPOSE for k in clause):
            continue  # "ein CMS, damit wir die Website selbst pflegen": what the thing asked for is for
        for k in before:
            if k in starts and roles[k] == "need":
                roles[k] = "negated"


# "Facebook und Insta macht meine Tochter, da brauchen wir keine Hilfe", "Bei Social Media brauchen wir keine
# Hilfe", "we need no help there": help refused with a thing is the thing refused.
_HELP_REFUSED = frozenset(["hilfe", "unterstuetzung", "help", "assistance"])
_NO_HELP = frozenset(["keine", "no", "kein"])
_THERE_BACK = frozenset(["da", "dafuer", "dabei", "hier", "there"])


def _no_help_needed(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], roles: list[str]
) -> None:
    """The things named before "keine Hilfe" in its clause, or, where the clause names none and points back
    ("da", "there"), in the clause before it in the sentence: refused. Linear: each help word looks at a few
    clauses' words once."""
    for i, word in enumerate(words):
        # "..., da brauchen wir nichts, die ist ok", "..., da müssen Sie nichts machen": "nichts" (and a verb
        # of doing) ends its clause
        end = i + 1 if words[i + 1 : i + 2] in (["machen"], ["tun"], ["do"]) else i
        nothing = (
            word in ("nichts", "nothing")
            and any(w in _NEED_VERBS or w in ("muessen", "must") for w in words[max(0, i - 3) : i])
            and (end + 1 == len(words) or clause_of[end + 1] != clause_of[end])
        )
        if not nothing and (word not in _HELP_REFUSED or not i or words[i - 1] not in _NO_HELP):
            continue  # "keine Hilfe", "no help"; "da brauchen wir nichts"
        clause = [k for k in range(max(0, i - MAX_SCOPE), i) if clause_of[k] == clause_of[i]]
        # "Außer einem Onlineshop brauchen wir nichts": "nichts" points back only with "da"
        named = [] if nothing else [k for k in clause if k in starts and roles[k] == "need"]
        if not named and (any(words[k] in _THERE_BACK for k in clause) or words[i + 1 : i + 2] == ["there"]):
            named = [
                k
                for k in range(max(0, i - MAX_SCOPE), i)
                if clause_of[k] == clause_of[i] - 1 and sentence_of[k] == sentence_of[i] and k in starts
            ]
        for k in named:
            if roles[k] == "need":
                roles[k] = "negated"


# Where data comes from is there: "die Daten aus Hotelprogrammen, Kassen und Buchhaltung zusammenführen",
# "the data from our ERP, the webshop and the CRM"; not where it goes ("... in ein DWH").
_DATA_SOURCED = frozenset(["daten", "zahlen", "kennzahlen", "data", "figures", "numbers"])
_FROM = frozenset(["aus", "from"])
# where it goes, what it is for, and a new thing named ("... zusammenführen und ein Dashboard")
_NOT_A_SOURCE = frozenset(
    [
        "in",
        "ins",
        "into",
        "zu",
        "zum",
        "zur",
        "to",
        "nach",
        "an",
        "fuer",
        "for",
        "ein",
        "eine",
        "einen",
        "a",
        "an",
    ]
)
# "Jedes Haus hat sein eigenes Hotelprogramm und eigene Kassen", "each hotel has its own PMS": had.
_OWN = frozenset(["eigenes", "eigene", "eigenen", "eigener", "own"])
# "jede Filiale hängt an ihrem eigenen Router": the one it has
_HAS = frozenset(["hat", "haben", "has", "have", "nutzt", "uses", "haengt", "haengen"])
_PLACES_RUN_IN = ("rechenzentr", "serverraum", "infrastru")
# ... and the public buyer's: "operated in the municipal data centre", "im kommunalen Rechenzentrum"
_PUBLIC_OWNERS = frozenset(["kommunalen", "staedtischen", "municipal", "council", "councils"])


def _sources_and_own_systems(
    words: list[str], clause_of: list[int], sentence_of: list[int], starts: set[int], roles: list[str]
) -> None:
    for i, word in enumerate(words[:-1]):
        if word in _DATA_SOURCED and words[i + 1] in _FROM:
            for k in range(i + 2, min(len(words), i + 2 + MAX_SCOPE)):  # a list spans clauses
                if sentence_of[k] != sentence_of[i] or words[k] in _NOT_A_SOURCE or words[k] in _ASKING:
                    break
                if k in starts and roles[k] == "need":
                    roles[k] = "existing"
        elif (
            (word in _OWN or word in _PUBLIC_OWNERS)
            and i + 1 in starts
            and roles[i + 1] == "need"
            and (
                (
                    word in _OWN
                    and any(
                        words[k] in _HAS and sentence_of[k] == sentence_of[i] for k in range(max(0, i - 6), i)
                    )
                )
                # "Der Betrieb erfolgt im eigenen Rechenzentrum", "operated in the Office's own data centre":
                # where the thing bought runs is the buyer's own
                or (
                    (
                        words[i + 1].startswith(_PLACES_RUN_IN)
                        or (
                            words[i + 1] in ("data", "server")
                            and words[i + 2 : i + 3] in (["centre"], ["center"])
                        )
                    )
                    and (words[i - 1 : i] == ["im"] or "in" in words[max(0, i - 4) : i - 1])
                )
            )
        ):
            roles[i + 1] = "existing"


_WORKING_WITH = _DOING | {"arbeiten", "work"}
# "soll im TMS gleich sein Auftrag aufpoppen", "should show up in our CRM": where data shows is a system there
_SHOWING = ("aufpopp", "aufgepoppt", "angezeigt", "anzeig", "erschein", "auftauch", "pops", "pop", "show")
_IN_A_SYSTEM = frozenset(["im", "ins", "in"])


_STANDS = frozenset(["steht", "stehen", "stand", "stands"])
_PLACE_OPENERS = frozenset(["in", "im", "auf", "an", "am", "bei", "at"])


def _standing_in_a_place(words: list[str], clause_of: list[int], starts: set[int], roles: list[str]) -> None:
    """ "In den Filialen stehen Vectron-Kassen", "Im Lager steht ein alter Server": what stands in a place the
    clause opens with is there (not in a clause that asks)."""
    for members in _members(clause_of):
        if words[members[0]] not in _PLACE_OPENERS or any(words[k] in _ASKING for k in members):
            continue
        verb = next((k for k in members[1:6] if words[k] in _STANDS), None)
        if verb is None or words[members[-1]] in ("an", "bevor"):
            continue  # "Im Büro steht ein neuer Server an": is due
        for k in members:
            if k > verb and k in starts and roles[k] == "need":
                roles[k] = "existing"


def _where_data_shows(
    words: list[str], clause_of: list[int], starts: set[int], ends: dict[int, int], roles: list[str]
) -> None:
    for i, word in enumerate(words[:-1]):
        if word not in _IN_A_SYSTEM:
            continue
        k = i + 2 if words[i + 1] in _DETERMINERS and i + 2 < len(words) else i + 1
        if k not in starts or roles[k] != "need" or clause_of[k] != clause_of[i]:
            continue
        clause = [
            m
            for m in range(max(0, i - MAX_SCOPE), min(len(words), i + MAX_SCOPE))
            if clause_of[m] == clause_of[i]
        ]
        if any(words[m].startswith(_SHOWING) for m in clause if m > k) and not any(
            words[m] in _ASKING and words[m] not in _REQUIREMENTS for m in clause
        ):
            for m in range(k, ends.get(k, k) + 1):
                roles[m] = "existing"


def _work_done_with_what_is_there(
    words: list[str], clause_of: list[int], starts: set[int], roles: list[str]
) -> None:
    """ "Für die Mandantenbuchhaltung arbeiten wir mit den DATEV-Programmen", "For quotes we use our craft
    software": the work a clause opens with is done with the system there that it names after the writer's
    verb. Linear: each clause is walked once."""
    for members in _members(clause_of):
        if words[members[0]] not in _PLACE_PREPOSITIONS:
            continue
        verb = next(
            (
                k
                for k in members[1:-1]
                if words[k] in _WORKING_WITH and words[k + 1] in _WRITERS and clause_of[k + 1] == clause_of[k]
            ),
            None,
        )
        if verb is None or not any(roles[k] == "existing" for k in members if k > verb):
            continue
        for k in members:
            if k >= verb:
                break
            if k in starts and roles[k] == "need":
                roles[k] = "existing"


# "nicht mehr" after a need verb or before buying refuses: "Einen Onlineshop brauchen wir nicht mehr",
# "Einen neuen Server wollen wir nicht mehr anschaffen" (unlike "Belege nicht mehr auf Papier sammeln").
_ACQUIRING = ("anschaff", "kauf", "beschaff", "invest", "brauch", "buy", "purchas")
_PREPOSITIONAL_NEGATIONS = frozenset(["ohne", "without"])
_CONTRASTS = frozenset(["aber", "jedoch", "allerdings"])
# "wollen wir dafür nicht": "dafür" is "for that" there, no "instead" that ends the scope
_BETWEEN_WRITER_AND_NOT = _CONTRASTS | {"dafuer", "dazu", "hier"}
_STRESS = frozenset(["ausdruecklich", "wirklich", "eigentlich", "auch", "definitiv", "really", "definitely"])


def _no_longer_wanted(i: int, folded: list[str], clause_of: list[int]) -> bool:
    if i + 1 >= len(folded) or folded[i + 1] != "mehr":
        return False
    k = i - 1
    while k >= 0 and clause_of[k] == clause_of[i] and (folded[k] in _WRITERS or folded[k] in _STRESS):
        k -= 1  # "brauchen wir ausdrücklich nicht mehr"
    if k >= 0 and clause_of[k] == clause_of[i] and folded[k] in _ASKING:
        return True
    after = [folded[k] for k in range(i + 2, min(len(folded), i + 5)) if clause_of[k] == clause_of[i]]
    return any(w.startswith(_ACQUIRING) for w in after)


# "Ein CRM ist kein Thema", "keine Option", "a CRM is not an option": what is named before is refused.
_REFUSAL_NOUNS = frozenset(["thema", "option", "optionen", "prioritaet", "priority", "topic"])


_STEPS = ("phase", "now", "moment", "jetzt", "stufe", "schritt", "step", "stage", "projekt", "project")


def _not_for_this_step(i: int, folded: list[str]) -> bool:
    """ "Predictive maintenance ... is not for this phase", "ist nicht für jetzt": refused for now."""
    return (
        folded[i + 1 : i + 2]
        and folded[i + 1] in _FOR_WHOM
        and any(w.startswith(_STEPS) for w in folded[i + 2 : i + 5])
    )


_AFTER_A_CLAUSE = frozenset(["das", "weil", "aber", "denn", "und"])


def _a_verb_ends_the_clause(i: int, tokens: list[Token], clause_of: list[int]) -> bool:
    """ "Kameras will ich da keine hinhängen": only the infinitive follows the article of negation, which
    then refuses the thing before it."""
    k = i + 1
    return (
        k < len(tokens)
        and (
            k + 1 == len(tokens)
            or clause_of[k + 1] != clause_of[i]
            or fold(tokens[k + 1].surface) in _AFTER_A_CLAUSE  # a dictation: "keine hinhängen das mögen"
        )
        and clause_of[k] == clause_of[i]
        and tokens[k].surface.isalpha()
        and tokens[k].surface.islower()
        and tokens[k].surface.endswith("en")
    )


def _refusal_noun_after(i: int, folded: list[str]) -> bool:
    after = [w for w in folded[i + 1 : i + 4] if w not in ("a", "an", "ein", "eine")][:1]
    return bool(after) and after[0] in _REFUSAL_NOUNS


# A thing said not to work is one to fix or replace: neither refused nor fine as it is.
_SELLING = frozenset(["verkaufen", "verkauft", "vertreiben", "sell", "sells", "selling"])
_OVERKILL = frozenset(["ueberdimensioniert", "uebertrieben", "overkill", "oversized"])
_NOT_ABLE = frozenset(
    ["lesen", "entziffern", "finden", "verstehen", "read", "find", "understand", "decipher"]
)
# ... or is not right ("die Preise stimmen nicht")
_WORKING = frozenset(
    [
        *("funktioniert", "funktionieren", "laeuft", "laufen", "stimmt", "stimmen", "works", "work"),
        *("working", "match", "matches"),  # "the cash doesn't match what the till says"
    ]
)
_WORKS_NOT = frozenset(["nicht", "not", "doesnt", "dont", "nie", "never"])


def _to_be_replaced(i: int, word: str, folded: list[str]) -> bool:
    """ "Die bisherigen Diensthandys ... sollen ersetzt werden", "Ablösung der bestehenden TK-Anlage durch
    ...": a system of today said to be replaced."""
    if word.startswith("bisherig") and any(
        w.startswith(_REPLACED) for w in folded[i + 1 : i + 1 + _REPLACED_REACH]
    ):
        return True
    return word.startswith(("bisherig", "bestehend")) and any(
        w.startswith(_REPLACEMENT) for w in folded[max(0, i - 3) : i]
    )


def _malfunction(word: str, prev: str, nxt: str) -> bool:
    """Whether ``word`` is part of a "does not work" ("funktioniert nicht", "doesn't work", "nicht gut")."""
    if word in _WORKING or word in _EVALUATIONS:
        return nxt in _WORKS_NOT or prev in _WORKS_NOT
    return word in _WORKS_NOT and (
        prev in _WORKING or prev in _EVALUATIONS or nxt in _WORKING or nxt in _EVALUATIONS or nxt in _PROPERLY
    )  # "das Kassenbuch passt nie", "reicht nicht"


def _near_in_clause(
    i: int, folded: list[str], clause_of: list[int], wanted: frozenset[str], before: int, after: int
) -> bool:
    """Whether a word of ``wanted`` stands in the clause of ``i``, up to ``before`` words before it or
    ``after`` words after it."""
    return any(
        folded[k] in wanted
        for k in range(max(0, i - before), min(len(folded), i + after + 1))
        if clause_of[k] == clause_of[i]
    )


# what was not done, said with a no ("wurde nie getestet", "nicht rechtzeitig ausgelesen"): a lack
_NOT_DONE = frozenset(
    [
        *("getestet", "geprueft", "ausgelesen", "ausprobiert", "gepflegt", "aktualisiert", "erfuellt"),
        *("gewartet", "unterstuetzt", "gepflegten", "gelaufen", "umsetzen", "umgesetzt", "erreichbar"),
        *("erreichen", "tested", "checked", "updated", "downloaded", "supported", "maintained"),
    ]
)
# "keine vernünftige Webseite", "no proper backup": a no before a word of quality tells a lack
_PROPER = frozenset(
    [
        *("vernuenftige", "vernuenftigen", "vernuenftiges", "richtige", "richtigen", "richtiges"),
        *("ordentliche", "ordentlichen", "ordentliches", "brauchbare", "brauchbaren"),
        *("proper", "decent", "real", "working"),
    ]
)
# a no that says nobody knows: a doubt told, no refusal
_KNOWING = frozenset(
    ["weiss", "weis", "wissen", "know", "knows", "sure", "ahnung", "idea", "heard", "gehoert", "gehort"]
)
# a no before a comparison ("und nicht wie ein Rundschreiben") and a question that proposes ("Können wir nicht
# endlich so ein Mieterportal machen?", "Könnte man daraus nicht vorhersagen, was morgen gebraucht wird?")
_LIKE = frozenset(["wie", "like"])
_ASKING_MODALS = frozenset(["koennen", "koennte", "koennten", "kann", "wuerde", "waere"])
_NOBODY = frozenset(["keiner", "niemand", "nobody"])
# what falls short of a requirement, said with a no ("erfüllt die Anforderungen nicht")
_MEETS = frozenset(
    ["erfuellt", "erfuellen", "entspricht", "entsprechen", "meet", "meets", "comply", "complies"]
)
# words between a verb of working and its no that leave the malfunction told ("stimmen auch nie")
_MALFUNCTION_FILLERS = frozenset(
    ["auch", "halt", "eh", "einfach", "irgendwie", "oft", "leider", "immer", "ja"]
)
# "das WLAN in den Zimmern geht nicht richtig", "doesn't sync properly"
_PROPERLY = frozenset(["richtig", "zuverlaessig", "sauber", "properly", "reliably"])


def _needed_not_yet(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """ "Einen Onlineshop brauchen wir noch nicht": not needed for now is refused, unlike "die Website ist
    noch nicht fertig" (a lack); the need verb stands right before "noch nicht" or before "wir noch nicht"."""
    if folded[i] not in _VERB_NEGATIONS or folded[i - 1] != "noch":
        return False
    before = [folded[k] for k in range(max(0, i - 4), i - 1) if clause_of[k] == clause_of[i]]
    if before and before[-1] in _WRITERS:
        before.pop()
    return bool(before) and before[-1] in _NEED_VERBS


def _change_refused(i: int, folded: list[str], clause_of: list[int]) -> bool:
    """Whether the negation at ``i`` refuses a change ("wollen wir nicht wechseln", "do not want to replace
    our PMS") of a thing that is there, not a change to a new one ("nicht zu Shopify wechseln")."""
    for k in range(i + 1, min(len(folded), i + 1 + _CHANGE_REACH)):
        if clause_of[k] != clause_of[i]:
            return False
        if folded[k].startswith(_CHANGE_VERBS):
            after = folded[k + 1] if k + 1 < len(folded) and clause_of[k + 1] == clause_of[i] else ""
            return after not in _CHANGE_TARGETS and folded[i + 1] not in _CHANGE_TARGETS
    return False


_BOTH = frozenset(["beides", "beide", "both"])
_INSTEAD_OF = frozenset(["statt", "anstatt", "anstelle"])
# Words that point back to what the text named before ("Beides möchten wir behalten", "Alles andere bleibt").
_POINTING_BACK = _BOTH | _EVERYTHING | _THE_REST
_RELATIVES = frozenset(["das", "die", "der", "welche", "welcher", "welches", "which", "that", "who"])


def _refused_across_a_relative_clause(
    first: int,
    clause_of: list[int],
    sentence_of: list[int],
    folded: list[str],
    starts: set[int],
    roles: list[str],
) -> None:
    """ "Eine App, die Patienten erst installieren müssen, kommt nicht in Frage": a refusal whose clause (from
    ``first``) names nothing, right after a relative clause of its sentence, refuses the thing that clause
    describes ("... sehen. Die Kosten sind hoch. Was wir nicht wollen: ..." holds none)."""
    k = first - 1
    if k < 0 or sentence_of[k] != sentence_of[first]:
        return
    if folded[first] in _NEED_VERBS:
        described = _described_over_two_clauses(k, first, clause_of, sentence_of, folded)
        if described is not None:
            # "Irgendwelche KI-Prognosen, die vorhersagen, wann ein Aggregat ausfällt, brauchen wir nicht":
            # the thing the relative clause and its own subordinate clause describe, and what they name
            for j in range(described + 1, first):
                if j in starts and roles[j] == "need":
                    roles[j] = "negated"
            _refuse_last_named(described, clause_of, starts, roles, folded)
            return
        # "... gleich KI draufwerfen – brauch ich nicht": the refusal opens with its verb, the thing refused
        # is the last one the clause before names
        m = _refuse_last_named(k, clause_of, starts, roles)
        if (
            m is not None
            and m >= 0
            and sentence_of[m] == sentence_of[k]
            and folded[m + 1] in _RELATIVES | _AS
        ):
            # "Eine KI-Telefonassistenz, wie sie uns ständig angeboten wird, wollen wir nicht": the thing
            # the clause between describes
            _refuse_last_named(m, clause_of, starts, roles, folded)
        return
    start = _clause_opening(k, clause_of)
    if folded[start] not in _RELATIVES or start == 0:
        return
    # the end of the clause before the relative one: what it describes
    _refuse_last_named(start - 1, clause_of, starts, roles)


def _clause_opening(end: int, clause_of: list[int]) -> int:
    """The first token of the clause that holds ``end``."""
    start = end
    while start > 0 and clause_of[start - 1] == clause_of[end]:
        start -= 1
    return start


_SUBORDINATORS = frozenset(
    ["wann", "wie", "wo", "was", "ob", "dass", "when", "where", "how", "what", "whether"]
)


def _described_over_two_clauses(
    k: int, first: int, clause_of: list[int], sentence_of: list[int], folded: list[str]
) -> int | None:
    """Where the clause ending at ``k`` opens with a subordinator ("wann ein Aggregat ausfällt") right after
    a relative clause ("die vorhersagen"), the end of the clause that one describes, if in the sentence."""
    inner = _clause_opening(k, clause_of)
    if folded[inner] not in _SUBORDINATORS or inner == 0:
        return None
    relative = _clause_opening(inner - 1, clause_of)
    if folded[relative] not in _RELATIVES or relative == 0 or sentence_of[relative - 1] != sentence_of[first]:
        return None
    return relative - 1


def _refuse_last_named(
    end: int, clause_of: list[int], starts: set[int], roles: list[str], folded: list[str] | None = None
) -> int | None:
    """Refuses the last thing named in the clause that ends at ``end`` (given ``folded``, the thing before
    a "für"/"for" that names what it is for: "Einen Chatbot für die Website"); where it names nothing,
    returns the position before that clause."""
    m = end
    while m >= 0 and clause_of[m] == clause_of[end]:
        if m in starts:
            if folded is not None:
                before = [k for k in range(max(0, m - 3), m) if clause_of[k] == clause_of[end]]
                head = next(
                    (
                        k
                        for k in range(max(0, m - MAX_SCOPE), m)
                        if k in starts and clause_of[k] == clause_of[end]
                    ),
                    None,
                )
                if head is not None and any(folded[k] in _FOR_WHAT for k in before if k > head):
                    m = head
            roles[m] = _combined(roles[m], "negated")
            return None
        m -= 1
    return m


_FOR_WHAT = frozenset(["fuer", "for"])


_AS = frozenset(["wie", "as"])


def _relative_pronoun(k: int, tokens: list[Token], folded: list[str]) -> bool:
    """A relative pronoun opens a clause of its own: "der/die/das" after a noun and before a word that is no
    noun ("WLAN im Garten das auch bei 300 Leuten nicht abschmiert"; "der Firma" is a genitive)."""
    if folded[k] not in _RELATIVES or k == 0 or k + 1 >= len(tokens):
        return False
    if folded[k] in ("which", "that", "who", "welche", "welcher", "welches"):
        return True
    before, after = tokens[k - 1].surface, tokens[k + 1].surface
    return before[:1].isupper() and not after[:1].isupper()


def _combined(role: str, mode: str) -> str:
    """A refused thing said to be there ("Ne neue Website brauch ich nicht, die ist gut") is both."""
    if {role, mode} == {"negated", "existing"}:
        return "negated+existing"
    return role if role == "negated+existing" and mode in ("negated", "existing") else mode


def _clause_range(clause: int, clause_start: dict[int, int], clause_size: dict[int, int]) -> range:
    return range(clause_start[clause], clause_start[clause] + clause_size[clause])


def _names_then_is(
    i: int, tokens: list[Token], folded: list[str], starts: set[int], clause_of: list[int]
) -> bool:
    """Whether a possessive is followed by a named thing, a copula and a name: "Unser PMS ist Casablanca",
    "our POS is Lightspeed", "Unser ERP ist proAlpha" (not "Unsere WaWi ist alt": a state, which asks for a
    new one)."""
    for k in range(i + 1, min(i + 3, len(folded))):
        if k in starts:
            # the copula up to four words on in the clause: "POS across all sites is Lightspeed"
            for m in range(k + 1, min(k + 6, len(folded) - 1)):
                if clause_of[m] != clause_of[k]:
                    break
                if folded[m] in _COPULAS:
                    # a name, also as its maker writes it ("proAlpha", "eGecko", "medatixx"); not a part of
                    # what is bought ("Schulungen sind Teil des Auftrags", "Bestandteil der Leistung")
                    name = tokens[m + 1].surface
                    if folded[m + 1].startswith(_PART_HEADS):
                        return False
                    return any(c.isupper() for c in name) or (name.isalpha() and _no_dictionary_word(name))
            return False
    return False


def _matched_part(m: _Match, tokens: list[Token]) -> str:
    """The folded letters a one-word match covers ("vergabe" of "Vergabenummer"); "" for a phrase."""
    if len(m.cover) != 1:
        return ""
    ((t, lo, hi),) = m.cover
    return fold(tokens[t].surface)[lo:hi]


_SIGNING_UP = ("anmeldung", "anmeldungen", "buchung", "buchungen")
_CHOSEN = frozenset(["a", "an", "the", "them", "it", "up", "their", "our", "your", "one", "from", "out"])


_AT_A_PLACE = frozenset(["am", "vom", "zum", "dem"])
_STUDIES = (
    "ist",
    "soll",
    "bedarf",
    "anforderung",
    "schwachstell",
    "risiko",
    "prozess",
    "potenzial",
    "umfeld",
)


_MODELS = ("model", "modell", "algorithm", "llm")
_LESSONS = ("schulung", "training", "module", "sensibilis", "awareness", "onlineschulung", "unterweisung")
_LESSON_REACH = 8
_SWITCHED = frozenset(["from", "to", "over", "it", "them", "von", "auf"])


def _hosting_and_its_operation(i: int, words: list[str]) -> bool:
    """ "inkl. Hosting und Betrieb", "hosting and operation of the portal": the host runs what it hosts, no
    second contract of managed services ("Operation of the migrated environment, including monitoring" is
    one)."""
    return i >= 2 and words[i - 1] in ("und", "and", "&") and words[i - 2] == "hosting"


_PLATFORMS = frozenset(["platform", "plattform", "portal", "tool", "loesung", "solution", "software", "app"])
_FOR = frozenset(["for", "fuer", "zur", "zum"])


def _learned_on_a_platform(m: _Match, words: list[str], clause_of: list[int]) -> _Match:
    """ "an online platform for mandatory annual staff training": training done on a platform is e-learning
    (a platform, at most one word between, "for", then the training within a few words of its clause)."""
    if m.target != "training":
        return m
    for k in range(m.start - 1, max(-1, m.start - 7), -1):
        if clause_of[k] != clause_of[m.start]:
            break
        if words[k] in _COORDINATIONS:
            break  # "eine Software für die Dienstplanung und eine Schulung": a second thing
        if words[k] in _FOR and _PLATFORMS.intersection(words[max(0, k - 2) : k]):
            return _Match("e-learning", "cap", m.weight, m.cover, m.evidence)
    return m


def _a_change_of(m: _Match, words: list[str]) -> bool:
    """ "we have to switch", "switch from metal keys to keycards", "beim Switch begleitet": a change, no
    network switch."""
    return (
        m.target == "network"
        and m.evidence.lower() == "switch"
        and (
            (m.start >= 1 and words[m.start - 1] in ("to", "beim"))
            or (m.start + 1 < len(words) and words[m.start + 1] in _SWITCHED)
        )
    )


_WARRANTY = ("garantie", "gewaehrleistung", "warranty", "guarantee")


_DEVICE_WORDS = ("laptop", "notebook", "pc", "rechner", "smartphone", "handy", "phone", "tablet", "drucker",
                 "printer", "device", "geraet", "client", "desktop")  # fmt: skip
_FLEET_REACH = 8
_STREETS = ("platz", "strasse", "weg", "allee", "gasse", "ring", "damm", "ufer")  # "Marktplatz 3"
_IN_A_PLACE = frozenset(["im", "ins", "aus", "vom", "am", "zum", "in", "into", "from", "at"])
_THIS_MESSAGE = frozenset(
    ["die", "diese", "the", "this", "ihre", "meine", "deine", "your", "my", "his", "her"]
)
_MESSAGES = ("email", "mail", "erechnung", "xrechnung", "rechnung", "newsletter", "sms", "nachricht",
             "einladung", "dokument", "brief", "mahnung", "bescheid")  # fmt: skip


# What a calculator on a website works out ("Umzugsrechner", "Preisrechner"): no computer to supply.
_CALCULATED = ("umzug", "kosten", "preis", "volumen", "zins", "tarif", "beitrag", "online", "spar", "bedarf",
               "taschen", "fracht", "porto", "rendite", "kredit")  # fmt: skip
_PAYMENT_METHODS = frozenset(["paypal", "kreditkarte", "karte", "klarna", "sofortueberweisung", "giropay"])
_METHOD_REACH = 3


def _in_line_with(m: _Match, tokens: list[Token], sentence_of: list[int]) -> bool:
    """Whether ``m`` is what something is to be done in line with ("in compliance with the Federal Act on
    Data Protection"): a frame of _IN_LINE_WITH ends at most _IN_LINE_REACH words before it, or holds it."""
    start = m.start
    end = max(t for t, _, _ in m.cover) + 1
    words = [
        fold(tokens[k].surface)
        for k in range(max(0, start - _IN_LINE_REACH - 3), min(len(tokens), end + 1))
        if sentence_of[k] == sentence_of[start]
    ]
    return any(
        tuple(words[k : k + len(frame)]) == frame
        for frame in _IN_LINE_WITH
        for k in range(len(words) - len(frame) + 1)
    )


def _someones(m: _Match, tokens: list[Token]) -> bool:
    """Whether ``m`` names someone's data protection officer or privacy ("our data protection officer",
    "as set by the data protection officer", "guests value their privacy") or a camera's privacy masking."""
    evidence = fold(m.evidence)
    before = [fold(t.surface) for t in tokens[max(0, m.start - 2) : m.start]]
    after = fold(tokens[m.start + 1].surface) if m.start + 1 < len(tokens) else ""
    if evidence.endswith(_PERSON_WHO_DOES_IT):
        return bool(_WHOSE & set(before)) or before == ["by", "the"]
    if evidence == "privacy":
        return bool(_WHOSE & set(before[-1:])) or after.startswith(_A_CAMERAS_FEATURE)
    return False


_RAIL_BEFORE = frozenset(["the", "a", "their", "his", "her", "our", "my", "by", "late", "next", "last"])


def _other_sense(
    cap: str, matches: list[_Match], tokens: list[Token], words: list[str], sentence_of: list[int]
) -> bool:
    """Whether every match of ``cap`` is a word that here means something else (see _SENSES, and a bare
    channel word after a preposition: "Zeiterfassung per App", "Reservierungen kommen per Telefon, Mail").

    ``words`` are the text's folded words without the refused ones, for what the whole text says; what stands
    next to a match is read from ``tokens``, whose positions the matches' covers give."""
    if all(
        fold(m.evidence).endswith(_STREETS)
        and m.start + 1 < len(tokens)
        and tokens[m.start + 1].surface.isdigit()
        and len(tokens[m.start + 1].surface) <= 3
        for m in matches
    ):
        return True  # "Fachdienst Zentrale Dienste, Marktplatz 3": an address
    if (
        cap in _CHANNELS
        and all(
            fold(m.evidence) in _CHANNELS[cap]
            and any(
                fold(tokens[t].surface) in _CHANNEL_WORDS
                # "help with Instagram", "Unterstützung mit Facebook": the channel is what help is asked for
                and not (t and fold(tokens[t - 1].surface) in _HELP)
                for i in {t for t, _, _ in m.cover}
                for t in range(max(0, i - 6), i)  # "per Telefon, Mail": the list a preposition starts
            )
            # "help with Instagram and Facebook ads": the channel's own marketing is asked for
            and not (
                cap == "social-media"
                and any(fold(t.surface).startswith(_ADVERTISING) for t in tokens[m.start + 1 : m.start + 5])
            )
            for m in matches
        )
    ):
        return True
    if cap == "fleet-management" and all(fold(m.evidence) in ("fleet", "flotte") for m in matches):
        # "not looking for new laptops – the fleet was renewed last year": a fleet of devices
        return all(
            any(
                fold(tokens[k].surface).startswith(_DEVICE_WORDS) and sentence_of[k] == sentence_of[m.start]
                for k in range(max(0, m.start - _FLEET_REACH), min(len(tokens), m.start + _FLEET_REACH + 1))
            )
            for m in matches
        )
    if cap == "construction-ava" and all(fold(m.evidence) in ("baustelle", "baustellen") for m in matches):
        # a craftsman's "Baustelle" is where his people work; construction software is for builders
        return any(w.startswith(_CRAFT_TRADES) for w in words)
    if cap == "controlling" and all(fold(m.evidence) in ("control", "budgetrahmen") for m in matches):
        # "FMEA and control plans", "the existing control system": to control is no controlling;
        # "Budgetrahmen Jahr 1: bis 15.000 €" is the writer's means
        return True
    if cap == "controlling" and all(fold(m.evidence) in ("budget", "budgets") for m in matches):
        # "Budget ist begrenzt", "our budget is 5,000 euros": the writer's means; controlling only where a
        # budget is planned or followed, said next to it ("Budget vs. actual", "Budgets überwachen")
        return not any(
            w.startswith(_BUDGET_WORK)
            for m in matches
            for t, _, _ in m.cover
            for w in map(fold, (token.surface for token in tokens[max(0, t - 3) : t + 4]))
        )
    if cap == "training" and all(
        fold(m.evidence) in ("train", "trains")
        and m.start
        and fold(tokens[m.start - 1].surface) in _RAIL_BEFORE
        for m in matches
    ):
        return True  # "gets nicked on the train", "their train is late": a railway train, not training
    if cap == "hardware-supply" and all(
        fold(m.evidence).replace("-", "").endswith("rechner")
        and fold(m.evidence).replace("-", "").startswith(_CALCULATED)
        for m in matches
    ):
        return True  # "ein Umzugsrechner", "ein Preisrechner auf der Website": a calculator, no computer
    if cap == "hardware-supply":
        ambiguous = _SENSES[cap][0]
        if all(fold(m.evidence).endswith(tuple(ambiguous)) for m in matches):
            # a device is asked for where a word of supply or need stands near it ("neue Rechner", "Lieferung
            # von 30 Tablets", "need new laptops"), not where it is only mentioned ("auf dem Smartphone")
            return not any(
                fold(tokens[k].surface).startswith(_SUPPLY_WORDS)
                for m in matches
                for t, _, _ in m.cover
                for k in range(max(0, t - _SUPPLY_REACH), min(len(tokens), t + 1 + _SUPPLY_REACH))
                if sentence_of[k] == sentence_of[t]
            ) and not any(_counted(t, tokens) for m in matches for t, _, _ in m.cover)
    if cap == "email-security" and all(
        fold(m.evidence).startswith("phishing")
        and any(
            fold(tokens[k].surface).startswith(_LESSONS) and sentence_of[k] == sentence_of[m.start]
            for k in range(max(0, m.start - _LESSON_REACH), m.start)
        )
        for m in matches
    ):
        return True  # "Schulungen zu Phishing und Social Engineering", "online modules on phishing": a topic
    if cap == "training" and all(
        any(fold(t.surface).startswith(_MODELS) for t in tokens[m.start + 1 : m.start + 5]) for m in matches
    ):
        return True  # "nothing may be used to train someone else's models", "KI-Modelle trainieren"
    if cap == "managed-services" and all(
        any(fold(t.surface).endswith(_WARRANTY) for t in tokens[max(0, m.start - 4) : m.start])
        for m in matches
    ):
        return True  # "Herstellergarantie 5 Jahre Vor-Ort-Service": the warranty of a device supplied
    if cap == "banking" and all(fold(m.evidence) in ("ueberweisung", "bank transfer") for m in matches):
        return True  # "Die Gebühr wird per Überweisung entrichtet": how customers pay, no bank connection
    if cap == "ticketing" and all(fold(m.evidence).endswith("support") for m in matches):
        # "deren Herstellersupport ausläuft", "the vendor will stop support": no help desk to buy
        return any(w.startswith(("hersteller", "vendor", "manufacturer")) for w in words)
    if cap == "online-shop" and all(
        fold(m.evidence) in ("shop", "shops", "laden", "filiale", "filialen")
        and any(fold(t.surface) in _IN_A_STORE for t in tokens[max(0, m.start - 2) : m.start])
        for m in matches
    ):
        return True  # "in every shop we have a till", "a tablet in each shop": the store, not a webshop
    if cap in _QUALITIES_VALUED and all(
        {"wichtig", "important", "matters"} & {fold(t.surface) for t in tokens[m.start + 1 : m.start + 6]}
        and {"uns", "us", "mir", "me"} & {fold(t.surface) for t in tokens[m.start + 1 : m.start + 6]}
        and not any(w in _ASKING for w in _sentence_words(m, tokens, sentence_of))
        for m in matches
    ):
        return True  # "Datenschutz ist uns natürlich wichtig", "security is important to us": a quality
    if cap == "craft-software" and all(fold(m.evidence) in ("quote", "estimate") for m in matches):
        # "book a slot for a free on-site quote", "get someone round for a quote": the visit a customer asks
        # the writer for, not quotation software (that is "quotes and invoices", "estimating")
        before = [[fold(t.surface) for t in tokens[max(0, m.start - 3) : m.start]] for m in matches]
        return all(bool({"free", "onsite"} & set(b)) or b[-2:] == ["for", "a"] for b in before)
    if cap == "mobile-app" and all(
        fold(m.evidence).startswith(("android", "ios"))
        and (
            fold(m.evidence).endswith(_DEVICES_OF_A_SYSTEM)
            or fold(tokens[min(m.start + 1, len(tokens) - 1)].surface).endswith(_DEVICES_OF_A_SYSTEM)
        )
        for m in matches
    ):
        return True  # "12 robuste Android-Handscanner", "Android tablets": devices, not an app to build
    if cap == "data-protection" and (
        # "was datenschutzmäßig ein Problem ist", "datenschutzgerecht": a quality asked of the thing bought;
        # or a law things are done in line with, a person the writer has, the privacy others value
        all(
            _AS_A_QUALITY.search(fold(m.evidence))
            or _in_line_with(m, tokens, sentence_of)
            or _someones(m, tokens)
            for m in matches
        )
        # "Ein Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO ist abzuschließen": the contract's terms
        or (
            any(fold(m.evidence).startswith("auftragsverarbeitung") for m in matches)
            and all(fold(m.evidence).startswith(_CONTRACT_TERMS) for m in matches)
        )
    ):
        return True
    if cap == "banking" and all(
        fold(m.evidence) in ("lastschrift", "lastschriften")
        and any(
            fold(t.surface) in _PAYMENT_METHODS
            for t in tokens[max(0, m.start - _METHOD_REACH) : m.start + _METHOD_REACH + 1]
        )
        for m in matches
    ):
        return True  # "online spenden – PayPal oder Lastschrift": a way to pay, no banking software
    if cap == "compliance-management" and all(
        fold(m.evidence) == "compliance" and _in_line_with(m, tokens, sentence_of) for m in matches
    ):
        return True  # "in compliance with the Federal Act": a condition, not compliance management
    if cap == "pos" and all(
        fold(m.evidence) in ("kasse", "kassen")
        and [fold(t.surface) for t in tokens[max(0, m.start - 2) : m.start]] in (["an", "der"], ["an", "den"])
        for m in matches
    ):
        return True  # "Abbrüche an der Kasse", "Jugendschutz an der Kasse": the till as a place
    if cap == "pos" and all(fold(m.evidence).startswith(("posmaterial", "posdisplay")) for m in matches):
        return True  # "Flyer und POS-Material": a printer's point-of-sale advertising, no till
    if cap == "time-tracking" and all(fold(m.evidence).startswith("gottesdienst") for m in matches):
        return True  # "der Gottesdienstplan" of a parish lists its services, not its staff's shifts
    if cap == "wms" and all(
        fold(m.evidence) in ("pick", "picks", "picked")
        and any(fold(t.surface) in _CHOSEN for t in tokens[m.start + 1 : m.start + 2])
        for m in matches
    ):
        return True  # "patients can pick a therapist", "pick them up in the shop": to choose, to fetch
    if cap == "e-learning" and all(fold(m.evidence).endswith(_SIGNING_UP) for m in matches):
        return True  # "eine Online-Kursanmeldung": signing up for a course, not learning online
    if cap == "training" and all(
        fold(m.evidence) == "workshop"
        and m.start
        and fold(tokens[m.start - 1].surface) in ("the", "our", "my")
        for m in matches
    ):
        return True  # "the wifi in the workshop drops": a tradesman's workshop, no training
    if cap == "seo-sea" and all(m.evidence in ("sea", "Sea") for m in matches):
        return True  # "sea and air freight": the sea, not search engine advertising ("SEA")
    if cap == "bi" and all(
        fold(m.evidence).replace("-", "").startswith(_STUDIES)
        and fold(m.evidence).endswith(("analyse", "analysen"))
        for m in matches
    ):
        return True  # "Ist-Analyse der IT-Landschaft", "Bedarfsanalyse": a consultant's study, no BI
    if cap == "marketplace" and all(
        fold(m.evidence) == "marktplatz" and m.start and fold(tokens[m.start - 1].surface) in _AT_A_PLACE
        for m in matches
    ):
        return True  # "die Tiefgarage am Marktplatz": the town's square
    if cap == "contract-management" and all(fold(m.evidence) == "vertragslaufzeit" for m in matches):
        return True  # "Vertragslaufzeit: 48 Monate": the term of the contract tendered, nothing to manage
    if cap == "ocr-capture" and all(
        "erkannt" in fold(m.evidence) or "erkennung" in fold(m.evidence) for m in matches
    ):
        # "direkt am Rechner diktieren, sodass der Text automatisch erkannt wird": speech, not a scan
        sentence = {w for m in matches for w in _sentence_words(m, tokens, sentence_of)}
        if any(w.startswith(("diktier", "sprach", "dictat", "speech")) for w in sentence):
            return True
    if cap == "managed-services" and all(
        fold(m.evidence).startswith(("wlan", "netzwerk", "lan", "netz", "kabel", "network"))
        and fold(m.evidence).endswith(("infrastruktur", "infrastructure"))
        for m in matches
    ):
        return True  # "WLAN-Infrastruktur", "Netzwerkinfrastruktur": the network itself, no IT service
    if cap == "collaboration" and all(fold(m.evidence) == "team works" for m in matches):
        return True  # "most of the team works in English": a verb, not teamwork
    if cap == "accounting" and all(fold(m.evidence) == "datev" for m in matches):
        return True  # "übergibt direkt an DATEV": the accountant's system data goes to, a standard to link
    if cap == "accounting" and all(fold(m.evidence) in _BOOKKEEPERS for m in matches):
        return True  # "ich tippe die Stundenzettel für den Steuerberater ab": a person, no software asked
    if cap == "appointment-booking":  # "HU-Termine", "Wartungstermine": dates kept, not bookings taken
        return all(
            fold(m.evidence).startswith(_NOT_BOOKED_DATES)
            # "Ortsbesichtigung (Termine: 12.03. oder 19.03.)": dates given, none to book
            or (
                fold(m.evidence) in ("termin", "termine")
                and any(t.surface[:1].isdigit() for t in tokens[m.start + 1 : m.start + 3])
            )
            # "Bitte um Termin vor Ort": the writer asks the provider round, as for a free on-site quote
            or (
                fold(m.evidence) == "termin"
                and [fold(t.surface) for t in tokens[m.start + 1 : m.start + 3]] == ["vor", "ort"]
            )
            # "Ein Termin zur Besprechung gerne bei uns", "a meeting to discuss": a talk with the provider
            or (
                fold(m.evidence) in ("termin", "appointment", "meeting")
                and any(fold(t.surface).startswith(_TALKS) for t in tokens[m.start + 1 : m.start + 4])
            )
            for m in matches
        )
    if cap == "telephony" and all(
        fold(m.evidence) in _BARE_PHONE or fold(m.evidence).startswith("telefonisch") for m in matches
    ):
        # "das Telefon klingelt", "telefonisch nicht erreichbar", "phone is ringing": the phone as the way
        # customers call today; a phone system is named as one ("Telefonanlage", "VoIP") or new
        return not any(
            fold(tokens[t - 1].surface).startswith(("neu", "new"))
            for m in matches
            for t, _, _ in m.cover
            if t > 0
        )
    if cap == "data-platform" and all(
        any(w.startswith(_OFFICE_DATABASES) for w in _sentence_words(m, tokens, sentence_of)) for m in matches
    ):
        # "eine selbst gestrickte Access-Datenbank", "in Excel und einer Datenbank": the makeshift of today
        return True
    if cap == "training" and all(
        fold(m.evidence) == "course" and m.start and fold(tokens[m.start - 1].surface) == "of"
        for m in matches
    ):
        return True  # "must of course provide"
    if cap == "wms" and all(
        fold(m.evidence) in ("lager", "warehouse", "warehouses")
        and any(fold(t.surface) in _IN_A_PLACE for t in tokens[max(0, m.start - 3) : m.start])
        for m in matches
    ):
        return True  # "die Scanner im Lager", "Materialentnahmen aus dem Lager": the place, no WMS
    if (
        cap == "newsletter"
        and all(
            fold(m.evidence) in ("mail", "email")
            # "die Mail", "die interne Mail"
            and any(fold(t.surface) in _THIS_MESSAGE for t in tokens[max(0, m.start - 2) : m.start])
            for m in matches
        )
    ):
        return True  # "anbei die Mail von Herrn Seiffert", "leite ich die Mail unseres Lagerleiters weiter"
    if cap == "logistics-tms" and all(fold(m.evidence).endswith("versand") for m in matches):
        # "Versand von E-Rechnungen an die Schulträger", "E-Mail-Versand": messages sent, no goods
        return all(
            fold(m.evidence).startswith(_MESSAGES)
            or fold(tokens[m.start].surface).startswith(_MESSAGES)
            or any(fold(t.surface).startswith(_MESSAGES) for t in tokens[m.start + 1 : m.start + 4])
            for m in matches
        )
    if cap == "network" and all(fold(m.evidence) in ("switch", "switches") for m in matches):
        # "the switch to a new ERP", "switch from paper": a change, not network gear
        return all(
            max(t for t, _, _ in m.cover) + 1 < len(tokens)
            and fold(tokens[max(t for t, _, _ in m.cover) + 1].surface) in _CHANGE_LINKS
            for m in matches
        )
    sense = _SENSES.get(cap)
    if sense is None:
        return False
    ambiguous, unless, only_with = sense
    if not all(
        fold(m.evidence).endswith(tuple(ambiguous)) or _matched_part(m, tokens) in ambiguous for m in matches
    ):  # also as a head ("Krankenkassen") or a modifier ("Vergabenummer")
        return False
    if unless and any(w.startswith(unless) for w in words):
        return True
    return bool(only_with) and not any(w.startswith(only_with) for w in words)


_BOOKKEEPERS = frozenset(
    [
        "steuerberater",
        "steuerberaterin",
        "steuerbuero",
        "accountant",
        "accountants",
        "tax advisor",
        "bookkeeper",
    ]
)
_IN_A_STORE = frozenset(
    # ... or counted: "a craft bakery, 3 shops plus the bakehouse", "zwei Läden in Karlsruhe"
    [
        "in",
        "each",
        "every",
        "im",
        "pro",
        "je",
        "jedem",
        "jeder",
        *["2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        "zwei",
        "drei",
        "vier",
        "fuenf",
        "sechs",
        "two",
        "three",
        "four",
        "five",
        "six",
    ]
)
# Qualities of what is bought when the writer says they value them, not services to buy.
_QUALITIES_VALUED = frozenset(["data-protection", "it-security"])
_OFFICE_DATABASES = ("access", "excel", "filemaker")


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_SUITES_MOVED_TO = frozenset(["microsoft 365", "m365", "office 365", "google workspace"])
# A capability named only by words that belong to another asked beside it: the suite named as where things
# move ("den alten Exchange-Server zu Microsoft 365 umziehen") is the move's target, no office software bought
# beside it; the devices' delivery ("vor Auslieferung per Autopilot zu registrieren") is no transport system.
_ANOTHERS_WORDS = {
    "office-software": (_SUITES_MOVED_TO, "cloud-migration"),
    "logistics-tms": (frozenset(["auslieferung", "lieferung", "delivery"]), "hardware-supply"),
}
_MOVING = ("umzieh", "umzug", "move", "moving", "migrat", "migrier", "verlager", "ueberfuehr")
# Mailboxes and the mail client named as what another service acts on ("Spamschutz für unsere Postfächer
# (Exchange Online)", "integration with Outlook/Exchange Online"): a mail system there, none bought. (Where
# mailboxes move to the cloud, writers differ on whether a mail system is bought: left as it reads.)
_MAILBOXES = (
    "outlook",
    "postfach",
    "postfaech",
    "mailbox",
    "mailpostfach",
    "funktionspostfach",
    "exchange online",
)
_ACTS_ON_MAIL = ("email-security", "archiving", "crm")
_AS_A_QUALITY = re.compile(r"(?:maessig|gerecht)(?:e|en|er|es|em)?$")
_CONTRACT_TERMS = ("auftragsverarbeitung", "dsgvo", "gdpr", "avv", "av-vertrag")
# A law or a rule that something is to be done in line with: a condition on it, nothing to buy ("stored in
# compliance with the Federal Act on Data Protection", "in Übereinstimmung mit dem Datenschutzgesetz").
_IN_LINE_WITH = (
    ("in", "compliance", "with"),
    ("compliant", "with"),
    ("in", "accordance", "with"),
    ("in", "line", "with"),
    ("in", "uebereinstimmung", "mit"),
    ("im", "einklang", "mit"),
)
_IN_LINE_REACH = 6
# Whose: "our data protection officer", "unser Datenschutzbeauftragter" is a person the writer has; "their
# privacy" is something the guests value.
_WHOSE = _POSSESSIVES | frozenset(
    ["their", "his", "her", "your", "ihre", "ihrer", "ihrem", "ihren", "seine", "seiner", "seinem"]
)
_PERSON_WHO_DOES_IT = ("officer", "beauftragte", "beauftragter", "beauftragten")
# "privacy masking", "Privacy-Zonen": a camera's feature
_A_CAMERAS_FEATURE = ("mask", "zone", "filter")
_DEVICES_OF_A_SYSTEM = (
    "scanner",
    "tablet",
    "tablets",
    "geraet",
    "geraete",
    "geraeten",
    "handy",
    "handys",
    "device",
    "devices",
)


def _counted(t: int, tokens: list[Token]) -> bool:
    """Devices counted ("32 Tablets", "ca. 260 Notebooks") are devices to supply; "unsere 30 Rechner" are
    there, "Lizenzen für 6 PCs" and "mit 400 Endgeräten" count seats or parts of another thing, "Migration
    von 300 Arbeitsplätzen" what a service is done to ("Lieferung von 300 Notebooks" is a supply)."""
    after = [fold(x.surface) for x in tokens[t + 1 : t + 8]]
    if any(a.isdigit() and b in ("stueck", "stk") for a, b in pairwise(after)):
        return True  # "Tablets bitte gleich mit, so 4 Stück"
    n = t - 1  # the number: right before the device, or before one or two words that say which ("420
    # student tablets", "30 robuste Tablets", "15 vernünftige kabellose Headsets")
    if n >= 1 and tokens[n].surface[:1].islower() and not _is_count(tokens[n]):
        n -= 1
        # ... a second adjective before it ("vernünftige kabellose"), not any word ("365, enrol all laptops")
        if n >= 1 and tokens[n].surface[:1].islower() and tokens[n].surface.endswith(_ADJECTIVE_ENDINGS):
            n -= 1
    if n < 0 or not _is_count(tokens[n]):
        return False
    before = fold(tokens[n - 1].surface) if n >= 1 else ""
    if n >= 2 and _is_count(tokens[n - 2]) and before.startswith(_STAFF):
        return False  # "3 Behandler, 14 Mitarbeiterinnen, 9 PCs", "35 staff, 15 PCs": what the firm has
    if before in _OF:  # "Lieferung von 300 Notebooks", "Supply and wall mounting of 420 student tablets"
        return any(fold(tokens[k].surface).startswith(_SUPPLY_STEMS) for k in range(max(0, n - 5), n - 1))
    return before not in _NOT_A_SUPPLY_COUNT and not _had(n, tokens)


_OWNS = frozenset(["haben", "hat", "have", "has"])
_OWNS_REACH = 6


def _had(n: int, tokens: list[Token]) -> bool:
    """ "Wir haben einen kleinen Server, 6 PCs und die Firmenhandys", "We have 6 PCs": devices the firm has,
    unless it has a need of them ("haben Bedarf an 6 PCs") or buys them ("haben vor, 6 PCs zu kaufen")."""
    before = [fold(x.surface) for x in tokens[max(0, n - _OWNS_REACH) : n]]
    if not any(w in _OWNS for w in before):
        return False
    said = before[max(k for k, w in enumerate(before) if w in _OWNS) :]
    after = [fold(x.surface) for x in tokens[n + 1 : n + 6]]
    return not any(w in _NEED_VERBS or w.startswith(("bedarf", "need", "vor")) for w in said) and not any(
        w.startswith(_SUPPLY_STEMS) for w in after
    )


def _is_count(token: Token) -> bool:
    return token.surface.replace(".", "").replace(",", "").isdigit()


_STAFF = (
    "mitarbeit",
    "angestellt",
    "beschaeftigt",
    "leute",
    "personen",
    "behandler",
    "aerzt",
    "kolleg",
    "staff",
    "employee",
    "people",
    "person",
)
_NOT_A_SUPPLY_COUNT = _POSSESSIVES | {"fuer", "for", "mit", "with", "je", "per", "pro"}
_OF = frozenset(["von", "of"])
_SUPPLY_STEMS = (
    "liefer",
    "beschaff",
    "kauf",
    "anschaff",
    "supply",
    "deliver",
    "purchas",
    "procure",
    "bereitstell",
)


def _sentence_words(m: _Match, tokens: list[Token], sentence_of: list[int]) -> Iterable[str]:
    """The folded words of the sentence a match starts in (scanned from the match outwards)."""
    sentence = sentence_of[m.start]
    k = m.start
    while k >= 0 and sentence_of[k] == sentence:
        yield fold(tokens[k].surface)
        k -= 1
    k = m.start + 1
    while k < len(tokens) and sentence_of[k] == sentence:
        yield fold(tokens[k].surface)
        k += 1


def _framed(
    matches: list[_Match],
    words: list[str],
    sentence_of: list[int],
    clause_of: list[int],
    colons: set[int],
) -> set[_Match]:
    """Matches that frame another need rather than name one:

    * "Beschaffung eines/von ...", "procurement of ...": how a buyer buys, not a purchasing system;
    * what a service is done to: "Schulungen zu Microsoft Office", "testing of web applications",
      "Penetrationstest der Internetanwendungen";
    * the paper way of today: "im Papierkalender" is no calendar wanted;
    * licences, support and maintenance that come with a product ("einschließlich Lizenzen für 3 Jahre und
      Herstellersupport") when the text names the product.
    Linear: each match looks at a few words around it."""
    out: set[_Match] = set()
    start_of = {m: m.start for m in matches}
    end_of = {m: max(t for t, _, _ in m.cover) for m in matches}
    services = [m for m in matches if m.target in _SERVICES_ON_OBJECTS]
    service_ends: dict[int, int] = {}  # sentence -> token after which the service's object may follow
    for m in services:
        end = end_of[m]
        # the link may follow a bracket: "Prüfung der Barrierefreiheit (BITV 2.0) der Internetauftritte"
        link = next((k for k in range(end + 1, min(end + 5, len(words))) if words[k] in _OBJECT_LINKS), None)
        if link is not None and sentence_of[link] == sentence_of[end]:
            service_ends.setdefault(sentence_of[end], end)
    included_from: dict[int, int] = {}
    for i, w in enumerate(words):
        if w in _INCLUSIONS:
            included_from.setdefault(sentence_of[i], i)
    targets = {m.target for m in matches if m.kind == "cap"}
    # "information security awareness training", "ERP training": the topic written right before the
    # service it is the object of
    service_starts = {start_of[m] for m in services}
    for m in matches:
        i, j = start_of[m], end_of[m]
        if (
            m.target not in _SERVICES_ON_OBJECTS
            and j + 1 in service_starts
            and clause_of[j + 1] == clause_of[j]
            and words[j + 1].isascii()
        ):
            out.add(m)
            continue
        nxt = words[j + 1] if j + 1 < len(words) and sentence_of[j + 1] == sentence_of[j] else ""
        prev = words[i - 1] if i and sentence_of[i - 1] == sentence_of[i] else ""
        end = service_ends.get(sentence_of[i])
        nxt2 = words[j + 2] if j + 2 < len(words) and sentence_of[j + 2] == sentence_of[j] else ""
        buying_frame = (
            i == j
            and words[i] in _BUYING_FRAMES
            and (nxt in _OBJECT_ARTICLES or (nxt in ("und", "and") and nxt2.endswith(("ung", "tion"))))
        )
        if (
            (buying_frame and prev not in _DETERMINERS)
            or (
                m.target not in _SERVICES_ON_OBJECTS
                and end is not None
                and end < i <= end + _OBJECT_REACH
                # a colon and a supply end the service's object: "Ablösung der Datensicherung und des
                # Primärspeichers: Lieferung eines Storage-Systems" announces what is bought
                and not any(
                    words[k].startswith(_PROVIDING)
                    and clause_of[k] - 1 in colons
                    and clause_of[k] != clause_of[k - 1]
                    for k in range(end + 1, i)
                )
            )
            or (
                m.target in _INCIDENTAL
                and included_from.get(sentence_of[i], len(words)) < i
                and targets - _INCIDENTAL - {m.target}
                # "inkl. Dienstplanung und Lieferung von 90 Tablets": a supply named is asked for
                and not any(w.startswith(("liefer", "supply", "deliver")) for w in words[max(0, i - 3) : i])
            )
            or fold(m.evidence) in _NOT_A_NEED
            # "Auslieferung frei Verwendungsstelle", "Lieferung frei Haus": the terms of a supply's delivery
            or (m.target == "logistics-tms" and nxt == "frei")
            or _certificate_of_another(i, j, words, sentence_of)
            or (
                m.target == "data-protection"
                and _COMPLIANT_RE.search(fold(m.evidence)) is not None
                and not nxt.startswith(_PROCESSES)  # "DSGVO-konforme Prozesse" are data protection work
            )
            or (  # ... as written apart: "GDPR compliant", "DSGVO konform"
                m.target == "data-protection"
                and _COMPLIANT_RE.fullmatch(nxt) is not None
                and not nxt2.startswith(_PROCESSES)
            )
            or ("laufzeit" in fold(m.evidence) and any(w[:1].isdigit() for w in words[j + 1 : j + 5]))
            # a motive, not a need: "aus Datenschutzgründen", "for compliance reasons"
            or fold(m.evidence).endswith(_REASONS)
            or nxt in _REASONS
            or (m.weight == W_HEAD and fold(m.evidence).startswith(("papier", "paper")))
        ):
            out.add(m)
    return out


# A certificate asked of what is bought ("Rechenzentrum mit Nachweis ISO 27001", "in einem nach ISO 27001
# zertifizierten Rechenzentrum", "an ISO 27001 certified data centre") is a quality of it, not a need.
_EVIDENCE = frozenset(["nachweis", "nachweise", "evidence", "proof"])
# ... as is the law a product must keep ("eine datenschutzkonforme Lösung", "datenschutzrechtlich
# Bauchschmerzen", "GDPR-compliant"): data protection is a service asked by its nouns
_COMPLIANT_RE = re.compile(r"(konform|rechtlich|compliant)(e|en|er|es|em)?$")
_REASONS = ("gruenden", "reasons", "reason")
_PROCESSES = ("prozess", "ablaeuf", "ablauf", "process", "umgang", "organisation", "handling")
_CERTIFIED = ("zertifiziert", "certified", "compliant", "konform")
_TO_BECOME = frozenset(["werden", "wird", "sein", "ist", "lassen", "be", "is", "are", "become", "by", "to"])


def _certificate_of_another(i: int, j: int, words: list[str], sentence_of: list[int]) -> bool:
    """Whether the match at ``i``..``j`` is a certificate demanded of something else: after "Nachweis" /
    "evidence of", or before "zertifizierten"/"certified" and a noun ("zertifizieren lassen" is a need)."""
    before = [w for w in words[max(0, i - 3) : i] if sentence_of[i] == sentence_of[max(0, i - 3)]]
    if any(w in _EVIDENCE for w in before):
        return True
    after = words[j + 1 : j + 3]
    return (
        len(after) == 2
        and after[0].startswith(_CERTIFIED)
        and after[1] not in _TO_BECOME  # "ISO 27001 zertifiziert werden" is a need
        and sentence_of[j + 2] == sentence_of[j]
    )


def _there_already(m: _Match, words: list[str]) -> bool:
    if (
        _a_place_or_beside(m, words)
        or _linked_to(m, words)
        or _part_of_one_there(m, words)
        or _ours_is_a_product(m, words)
    ):
        return True
    return _owned_or_its_data(m, words)


# "Die Anlagenbuchhaltung im vorhandenen ERP-System", "the fixed asset accounting in the existing ERP": a part
# of a system that runs already runs already too (where it is, not where it goes: "Übernahme in das
# vorhandene DMS" is a migration asked for).
_IN_THERE = {"im": (), "in": ("dem", "der", "unserem", "unserer", "the", "our")}
_SERVICES_INTO_SYSTEMS = frozenset(["data-migration", "training", "integration-platform", "api-management"])


# "Our transport management software is a local product", "Unsere Warenwirtschaft ist eine Branchenlösung":
# what the writer's system is, said of one that runs.
_IS_A = frozenset([("is", "a"), ("is", "an"), ("ist", "ein"), ("ist", "eine")])
_PRODUCTS = (
    "product",
    "produkt",
    "branchenloesung",
    "standardsoftware",
    "standardprodukt",
    "eigenentwicklung",
)


_THROUGH = frozenset(["ueber", "via", "durch", "through"])


def _through_ours(start: int, words: list[str]) -> bool:
    """ "die Vergabe erfolgt über unseren Einkauf", "läuft über unsere Buchhaltung": done through the
    writer's own (department or system), which is there."""
    return start >= 2 and words[start - 1] in _POSSESSIVES and words[start - 2] in _THROUGH


def _ours_is_a_product(m: _Match, words: list[str]) -> bool:
    j = max(t for t, _, _ in m.cover) + 1
    if m.kind != "cap" or not m.start or words[m.start - 1] not in _POSSESSIVES:
        return False
    if j < len(words) and words[j] in _GENERIC_HEADS:
        j += 1  # "our transport management software is ..."
    return tuple(words[j : j + 2]) in _IS_A and any(w.startswith(_PRODUCTS) for w in words[j + 2 : j + 4])


def _part_of_one_there(m: _Match, words: list[str]) -> bool:
    j = max(t for t, _, _ in m.cover) + 1
    if m.kind != "cap" or m.target in _SERVICES_INTO_SYSTEMS or j >= len(words) or words[j] not in _IN_THERE:
        return False
    k = j + 1
    if _IN_THERE[words[j]]:
        if k >= len(words) or words[k] not in _IN_THERE[words[j]]:
            return False
        k += 1
    return k < len(words) and words[k] in _EXISTING and words[k] not in _IN_USE_VERBS


# "Schnittstelle zum Ratsinformationssystem", "interface to the HIS": what a thing gets an interface to, named
# with the definite article, runs already ("zu unserem ERP" is often asked with the shop, as the first corpus
# reads it, so the possessive stays a need; "Anbindung an die Warenwirtschaft" is read both ways by the
# corpora and stays a need too).
_LINKS = ("schnittstelle", "interface")
_LINK_ARTICLES = {
    "zum": (),
    "zur": (),
    "an": ("das", "die", "den", "dem"),
    "zu": ("dem", "der", "den"),
    "to": ("the",),
    "with": ("the",),
    "into": ("the",),
    "mit": ("dem", "der", "den"),
    "in": ("das", "die", "den"),
}


# What data goes into ("automatisch in die Patientenakte übernommen", "imported into the ERP") runs already.
_INTO = frozenset(["in", "into", "ins"])
_INTO_DETERMINERS = frozenset(["die", "das", "den", "the", "unsere", "unser", "our"])
# fmt: off
_TRANSFER_VERBS = ("uebernomm", "uebernehm", "uebertrag", "importier", "eingelesen", "einlesen",
                   "eingespielt", "einspiel", "landen", "fliessen", "import", "transfer", "synced", "flow",
                   "getippt", "eingetippt", "abgetippt", "eingegeben", "eingetragen", "typed", "entered",
                   "keyed", "tipp", "abtipp")
# fmt: on


def _linked_to(m: _Match, words: list[str]) -> bool:
    i = m.start
    j = max(t for t, _, _ in m.cover)
    into = (i >= 1 and words[i - 1] == "ins") or (
        i >= 2 and words[i - 2] in _INTO and words[i - 1] in _INTO_DETERMINERS
    )
    # "ins ERP getippt", "typed into the ERP", "imported into our ERP", "tippen wir von Hand in die WaWi ab"
    if into and any(
        w.startswith(_TRANSFER_VERBS) for w in [*words[max(0, i - 6) : i], *words[j + 1 : j + 4]]
    ):
        return True
    # and where that data comes from: "Bestellungen aus dem Onlineshop tippen wir in die Warenwirtschaft ab"
    if (
        i >= 2
        and words[i - 2] in ("aus", "from")
        and words[i - 1] in ("dem", "der", "unserem", "unserer", "the", "our")
        and any(
            w == "ins" or (w in _INTO and nxt in _INTO_DETERMINERS)
            for w, nxt in zip(words[j + 1 : j + 9], words[j + 2 : j + 10], strict=False)
        )
        and any(w.startswith(_TRANSFER_VERBS) for w in words[max(0, i - 4) : j + 10])
    ):
        return True
    for k in range(max(0, i - 4), i):
        if not words[k].startswith(_LINKS):
            continue
        rest = words[k + 1 : i]
        if not rest or rest[0] not in _LINK_ARTICLES:
            continue
        articles = _LINK_ARTICLES[rest[0]]
        rest = rest[1:] if articles and rest[1:2] and rest[1] in articles else ([] if not articles else None)
        if rest is None:
            continue
        # at most one adjective between ("zum vorhandenen SAP", "to the central HIS")
        if len(rest) <= 1 and not any(w in _POSSESSIVES for w in rest):
            return True
    return False


def _ours_by_name(
    m: _Match,
    tokens: list[Token],
    words: list[str],
    matcher: _Matcher,
    clause_of: list[int],
    bracketed: set[int],
) -> bool:
    """A system of the writer's named with its product ("Unsere Praxissoftware (THEORG) soll angebunden
    werden", "our SAP ERP") runs already: a possessive before it, and a product name right before or after
    it (a capitalised word no dictionary and no pattern knows), or in brackets right after it ("unser PMS
    (apaleo)", "Unser Handwerkerprogramm (Streit V.1)": a name of a few words, no word the taxonomy or the
    dictionary reads in lower case)."""
    i = m.start
    j = max(t for t, _, _ in m.cover)
    if m.kind != "cap" or not any(words[k] in _POSSESSIVES for k in range(max(0, i - 3), i)):
        return False
    if (
        j + 1 < len(tokens)
        and clause_of[j + 1] != clause_of[j]
        and clause_of[j + 1] in bracketed
        and sum(1 for c in clause_of[j + 1 : j + 2 + _NAME_IN_BRACKETS] if c == clause_of[j + 1])
        <= _NAME_IN_BRACKETS
        and not tokens[j + 1].forms & matcher.words.keys()
        and (tokens[j + 1].surface[:1].isupper() or _no_dictionary_word(tokens[j + 1].surface))
    ):
        return True
    return any(
        _unknown_name(tokens[k].surface) and not tokens[k].forms & matcher.words.keys()
        for k in (i - 1, j + 1)
        if 0 <= k < len(tokens)
    )


_NAME_IN_BRACKETS = 4  # words of a product's name: "(apaleo)", "(Streit V.1)", "(Domus 4000)"


def _talked_to(m: _Match, words: list[str], clause_of: list[int]) -> bool:
    """A system that the thing asked for is to talk to or match with ("die Türen sollen mit dem
    Hotelprogramm reden", "eine Kasse, die mit dem Shop den Bestand abgleicht") is there already: named
    with "mit dem/der" in a clause whose verb is one of exchanging data."""
    i = m.start
    if i < 2 or words[i - 2] not in ("mit", "with") or words[i - 1] not in ("dem", "der", "den", "the"):
        return False
    clause = clause_of[i]
    k = i + 1
    while k < len(words) and k < i + MAX_SCOPE and clause_of[k] == clause:
        if words[k].startswith(_EXCHANGE_VERBS):
            return True
        k += 1
    return False


def _a_place_or_beside(m: _Match, words: list[str]) -> bool:
    """A system named as what another thing is made for ("ein Buchungs-Widget für die Website", "for our
    website"; "ein Chatbot auf der Website" may still ask for the website) or as what something comes
    beside ("neben der Kasse brauchen wir einen Webshop") is there already."""
    i = m.start
    if i < 2 or words[i - 1] not in _DEFINITE:
        return False
    before = words[i - 2]
    if words[i - 1] in _OUR_DATIVE and before in _SOURCE_PREPOSITIONS:
        return True  # "Daten aus unserem ERP", "traceability in our MES", "auf unserer Homepage buchen"
    return before in _BESIDE or (before in _PLACE_PREPOSITIONS and m.target in _PLACES)


def _owned_or_its_data(m: _Match, words: list[str]) -> bool:
    """Whether a match names a system that runs already: someone else's ("an das GIS der Stadt", "our
    customers' ERP", "the agency's records system"), or one whose data is spoken of ("unsere CAD-Daten",
    "CAD data")."""
    i = m.start
    j = max(t for t, _, _ in m.cover)
    if j + 2 < len(words) and words[j + 1] in ("der", "des") and words[j + 2].startswith(_OWNERS):
        return True
    if i >= 2 and (words[i - 1] == "s" or (words[i - 1].endswith("s") and words[i - 1].startswith(_OWNERS))):
        return True
    if m.weight in (W_PART, W_MODIFIER) and len(m.cover) == 1:
        ((t, lo, hi),) = m.cover
        if lo == 0 and words[t].endswith(("daten", "dateien")) and hi < len(words[t]):
            return True
    return j + 1 < len(words) and words[j + 1] in ("data", "files") and m.weight >= W_WORD


# What may follow a cue in its word: an ending of German or English nouns and verbs.
_ENDINGS = frozenset(
    [
        "",
        "e",
        "en",
        "n",
        "s",
        "es",
        "er",
        "ern",
        "nen",
        "ns",
        "ens",
        "t",
        "te",
        "ten",
        "et",
        "st",
        "ung",
        "ungen",
        "ing",
        "ings",
        "ed",
        "ers",
    ]
)


def _inflected(word: str, cue: str) -> bool:
    """The word is the cue, inflected ("Reservierungen"), or a compound with the inflected cue as its head
    ("Vorbestellung", "Seminarbuchungen"), but not a compound with a head of its own ("Aufmaßskizzen")."""
    at = word.find(cue)
    # "Abrechnung" is no "Rechnung": a head right after "ab" is another word; what follows the cue is an
    # ending or a word ("Tourenplan"), not the rest of another word ("abstürzt" holds no "Tür")
    return (
        at >= 0
        and (at == 0 or (at >= 3 and word[at - 2 : at] != "ab"))
        and len(word) - at - len(cue) <= 6
        and (word[at + len(cue) :] in _ENDINGS or _is_word(word[at + len(cue) :]))
    )


def _cue_at(i: int, word: str, words: list[str], cue: str) -> bool:
    """A cue of one word inflected (see _inflected); a cue of two ("takes care", "look after") ends at the
    word, its first word in any person ("take care", "looks after")."""
    if " " not in cue:
        return _inflected(word, cue)
    first, last = cue.split(" ", 1)
    return word == last and i > 0 and words[i - 1].startswith(first.removesuffix("s"))


def _context_matches(
    words: list[str], last_parts: list[str], roles: list[str], described: set[int], there: list[_Match]
) -> list[_Match]:
    """Matches of _CONTEXT_WORDS: a trade's word (as a need) where the text names the trade, preferably
    outside the writer's description of the business (``described``); a trade's word said to be there
    ("die Reservierungen laufen über Protel" of a hotel) goes to ``there``. Linear: each rule looks at each
    word once."""
    found: list[_Match] = []
    for said in (_upkept_devices(words, roles), _people_instructed(words, roles)):
        if said is not None:
            found.append(said)
    for i, w in enumerate(last_parts):  # "inklusive Betrieb": running the thing bought, in any text
        if roles[i] == "need" and w in ("betrieb", "operation") and i and words[i - 1] in _INCLUSIONS:
            found.append(_Match("managed-services", "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w))
            break
    for cap, cues, context in _CONTEXT_WORDS:
        # as a compound's head too ("Tagungshotel", "Ausländerbehörde"), if long enough not to be the ending
        # of another word ("automatisch" is no "Tisch", "verwalten" no "alten")
        heads = tuple(c for c in context if len(c) >= 6 or c == "hotel")
        if not any(
            (w.startswith(context) or w.endswith(heads))
            and not w.endswith(_TRADERS)
            and not w.startswith(_NOT_THE_TRADE)
            for w in words
        ):
            continue
        fallback = None
        for i, w in enumerate(last_parts):  # "Online-Anmeldung" is an Anmeldung
            # "Betrieb" is running a system only as "Betrieb der/des ..." or "und Betrieb"
            if (
                cap == "managed-services"
                and ("betrieb" in w or "operation" in w)
                and not (
                    w in ("betrieb", "operation")
                    and (
                        (i + 1 < len(words) and words[i + 1] in _OPERATION_OF)
                        or (i and words[i - 1] in _OPERATION_AFTER)
                    )
                    and not _hosting_and_its_operation(i, words)
                )
            ):
                continue  # "Maurerbetrieb" is a business, not running a system
            if cap == "customer-portal" and (
                words[i].startswith(("opendata", "daten")) or (i and words[i - 1] in ("data", "daten"))
            ):
                continue  # "publication on the open data portal": where data is published
            # an inflected cue, not a compound with a head of its own ("Aufmaßskizzen" are sketches)
            # a system named as such keeps its generic reading ("ein Reservierungssystem" of a hotel)
            # a tender's own words are no cue ("Teilnahmeanträge" are bids, not a public body's forms)
            if words[i].startswith(("teilnahme", *_TENDER_WORDS)):
                continue
            cue = next((c for c in cues if _cue_at(i, w, words, c)), None)
            if roles[i] == "existing" and cue and not words[i].startswith(context):
                there.append(_Match(cap, "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w))
                continue
            if (
                roles[i] == "need"
                and cue
                and not words[i].startswith(context)
                and not w.endswith(("system", "systeme", "software", "tool"))
            ):
                match = _Match(cap, "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w)
                if i in described:
                    fallback = fallback or match
                    continue
                found.append(match)
                fallback = None
                break
        if fallback is not None:
            found.append(fallback)
    return found


# Looking after devices is running them as a service: "Wartung und Betreuung von 40 PCs", "maintenance of
# our 25 laptops". The devices follow the word of upkeep within a few joining words.
_UPKEEP = frozenset(["wartung", "betreuung", "pflege", "maintenance", "upkeep", "servicing"])
_UPKEEP_JOINS = _POSSESSIVES | frozenset(
    [
        "von",
        "der",
        "des",
        "aller",
        "und",
        "of",
        "the",
        "all",
        "and",
        "for",
        "fuer",
        "ca",
        "rund",
        "etwa",
        "about",
    ]
)
_UPKEEP_REACH = 4
_DEVICE_STEMS = (
    "pc",
    "rechner",
    "computer",
    "arbeitsplaetz",
    "laptop",
    "notebook",
    "endgeraet",
    "workstation",
    "client",
    "server",
    "drucker",
    "printer",
    "device",
)


def _upkept_devices(words: list[str], roles: list[str]) -> _Match | None:
    """Upkeep of devices, said as a need: managed services. Linear: each word is looked at a bounded number
    of times."""
    for i, w in enumerate(words):
        if w not in _UPKEEP or roles[i] != "need":
            continue
        for k in range(i + 1, min(len(words), i + 2 + _UPKEEP_REACH)):
            if words[k].startswith(_DEVICE_STEMS):
                return _Match("managed-services", "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w)
            if words[k] not in _UPKEEP_JOINS and words[k] not in _UPKEEP and not words[k].isdigit():
                break
    return None


# Instruction of people is training ("Einweisung der Anwender", "gern mit einer kurzen Einweisung fürs
# Team", "Anwendereinweisung"); "Montage und Einweisung" of a device hands it over.
_INSTRUCTION = ("einweisung", "einweisen")
_PEOPLE = (
    "anwender",
    "fachanwender",
    "benutzer",
    "nutzer",
    "mitarbeit",
    "beschaeftigt",
    "kolleg",
    "personal",
    "team",
    "belegschaft",
    "users",
    "staff",
    "employees",
)


def _people_instructed(words: list[str], roles: list[str]) -> _Match | None:
    """The instruction of people, said as a need: training. Linear: a bounded look ahead per word."""
    for i, w in enumerate(words):
        if roles[i] != "need" or not (w.startswith(_INSTRUCTION) or w.endswith(_INSTRUCTION)):
            continue
        said_of = [w[: -len("einweisung")]] if w.endswith("einweisung") else []
        said_of += words[i + 1 : i + 1 + _UPKEEP_REACH]
        if any(x.startswith(_PEOPLE) or x.endswith(("kraefte", "kraeften")) for x in said_of if x):
            return _Match("training", "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w)
    return None


# Training said by its verb: "die Redakteure sind zu schulen", "staff will need to be shown how to use it".
# "Schulen" written large is the schools' plural ("Fahrten zu Schulen"). "geschult" alone was tried: on a
# figures-only writer it was what the staff already are.
_SHOWN = frozenset(["shown", "taught"])


def _people_trained(tokens: list[Token], words: list[str], roles: list[str]) -> _Match | None:
    """Training asked for by its verb ("zu schulen", "shown how"). Linear: one look per word."""
    for i, w in enumerate(words):
        if roles[i] == "need" and (
            (tokens[i].surface == "schulen" and i and words[i - 1] == "zu")
            or (w in _SHOWN and words[i + 1 : i + 2] == ["how"])
        ):
            return _Match("training", "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), w)
    return None


# Data taken over into the new system: a word of taking over and, in its sentence, the data ("Übernahme der
# Bestandsdaten aus dem bisherigen GIS", "Kundenkartei und Fahrzeughistorie müssen mit rüber", "existing
# records must be migrated"). "übernimmt" is a task taken on ("übernimmt die Einrichtung"), not data.
_TAKE_OVER = frozenset(
    [
        "uebernahme",
        "uebernommen",
        "uebernehmen",
        "rueber",
        "ruebergezogen",  # "die 800 Datensätze müssten rübergezogen werden"
        "ruebergenommen",
        "ruebermigriert",
        "rueberbringen",
        "ruebergebracht",
        "rueberholt",
        "rueberholen",
        "rueberziehen",
        "migriert",
        "migrieren",
        "ueberfuehrt",
        "ueberfuehren",
        "ueberfuehrung",
        "migrated",
        "migrating",
        "migrate",
        "transferred",
        "importiert",  # "Die Excel-Pipeline (ca. 4.000 Kontakte) muss importiert werden"
        "importieren",
        "imported",
    ]
)
# "carried over", "moved over", "taken over", "must come over"
_TAKE_OVER_PHRASAL = frozenset(["carried", "moved", "taken", "come"])
# ... and a shop's "Kundenkonten und Bewertungen", a pipeline's "4.000 Kontakte", a café's "menu", a website's
# "bestehende Inhalte" (most writers count them; the screen weighs the others), a hotel's reservations
_DATA_HEADS = ("daten", "dokumente", "dokumenten", "historie", "kartei", "akten", "datensaetze", "records",
               "konten", "accounts", "bewertungen", "reviews", "dateien", "files", "profile", "profiles",
               "tickets", "kontakte", "contacts", "menu", "inhalte", "content", "reservierungen",
               "reservations", "kurse", "courses", "entries", "eintraege", "bestand", "bestaende",
               "buchungen", "bookings")  # fmt: skip
_NOT_DATA = ("datenschutz", "datenbank", "datensicherung")
_DATA_WORDS = frozenset(["data", "history", "documents"])
_DATA_REACH = 15
_SYSTEM_BEFORE = ("bisherig", "alte", "alten", "altem", "alter", "abzuloes", "legacy", "old", "previous")


_TAKE_ALONG = ("mitgenommen", "mitnehmen", "mitgehen", "mitkommen")


def _must_come_along(i: int, words: list[str], sentence_of: list[int]) -> bool:
    """ "Die Daten aus der alten Software müssen mit.": "mit" that ends its sentence after a modal verb is a
    verb's particle (mitnehmen), not a preposition."""
    return (
        words[i] == "mit"
        and i > 0
        and words[i - 1] in _MUST
        and (i + 1 == len(words) or sentence_of[i + 1] != sentence_of[i])
    )


def _data_taken_over(
    tokens: list[Token], words: list[str], sentence_of: list[int], roles: list[str]
) -> list[_Match]:
    """A data migration asked for without its name: a take-over word (as a need) near a word of the data taken
    over, in its sentence (not "das TMS soll die Positionen von dort übernehmen" a long dash away from the
    "Tachodaten" it reads), or near the system before it is taken from ("Übernahme der Leistungsverzeichnisse
    aus der abzulösenden Altanwendung"). Paper scanned and taken into a DMS is a capture, no migration
    ("Scannen von 1,2 Mio. Seiten, Indexierung und Übernahme in das vorhandene DMS"). Linear: each word is
    looked at from at most 2 * _DATA_REACH take-over words."""
    scanned = {sentence_of[k] for k, word in enumerate(words) if word.startswith("scan")}

    def names_data_or_its_source(k: int) -> bool:
        return _names_data(words[k]) or (
            words[k] in _SOURCE_PREPOSITIONS
            and any(word.startswith(_SYSTEM_BEFORE) for word in words[k + 1 : k + 3])
        )

    for i, w in enumerate(words):
        if not (
            w in _TAKE_OVER
            or w.startswith(_TAKE_ALONG)
            or (w in _TAKE_OVER_PHRASAL and words[i + 1 : i + 2] == ["over"])
            or _must_come_along(i, words, sentence_of)
        ):
            continue
        if (
            roles[i] == "need"
            and sentence_of[i] not in scanned
            and any(
                sentence_of[k] == sentence_of[i] and names_data_or_its_source(k)
                for k in range(max(0, i - _DATA_REACH), min(len(words), i + _DATA_REACH + 1))
            )
        ):
            return [
                _Match("data-migration", "cap", W_CONTEXT, frozenset({(i, 0, len(w))}), tokens[i].surface)
            ]
    return []


# Where the vehicles are, asked without the word tracking: "wir wissen nicht, wo die Fahrzeuge gerade sind",
# "see where our vans are". A "wo"/"where" and, a few words on in its clause, the vehicles.
_WHERE = frozenset(["wo", "where"])
_VEHICLES = ("fahrzeug", "lkw", "transporter", "sattelzug", "sattelzueg", "wagen")
_VEHICLE_WORDS = frozenset(
    [
        "fahrer",
        "vans",
        "van",
        "autos",
        "trucks",
        "truck",
        "vehicles",
        "vehicle",
        "lorries",
        "lorry",
        "drivers",
    ]
)
_WHERE_REACH = 4
_BEING_THERE = frozenset(["sind", "ist", "stehen", "steht", "befinden", "fahren", "unterwegs", "are", "is"])


def _where_the_vehicles_are(
    tokens: list[Token], words: list[str], clause_of: list[int], roles: list[str], refusing: set[int]
) -> list[_Match]:
    """fleet-management for "wo die LKW sind" (a need, not in a ``refusing`` clause): linear, each "wo"
    looks at the next few words."""
    for i, w in enumerate(words):
        if w not in _WHERE or roles[i] != "need" or clause_of[i] in refusing:
            continue
        for k in range(i + 1, min(len(words), i + 1 + _WHERE_REACH)):
            if clause_of[k] != clause_of[i]:
                break
            # where they are, not where they are repaired
            if (words[k].startswith(_VEHICLES) or words[k] in _VEHICLE_WORDS) and any(
                words[j] in _BEING_THERE and clause_of[j] == clause_of[i]
                for j in range(k + 1, min(len(words), k + 4))
            ):
                cover = frozenset({(k, 0, len(words[k]))})
                return [_Match("fleet-management", "cap", W_CONTEXT, cover, tokens[k].surface)]
    return []


_LODGING_ROOMS = (
    "zimmer",
    "room",
    "ferienwohnung",
    "wohnung",
    "flat",
    "apartment",
    "pension",
    "hotel",
    "gaeste",
)

# Who works at the customers' sites: "die Jungs", "the lads", "unsere Monteure" (anywhere in the text)
_CREW = (
    *("@", "monteur", "jungs$", "lads$", "geselle", "kolonne", "fitter", "techniker", "technician"),
    *("electrician", "elektriker", "mechaniker"),
)

# Needs described as the trouble they end, in plain words ("wer wann seinen TÜV hat", "the lads see their
# jobs on their phones"), said as a need: each rule names the capability, the words that carry it (one of
# them must be read as asked for) and groups of words of which one each must stand in that word's sentence;
# optionally words that rule it out there. A stem matches a word's start; "-" before it, also its end (a
# "Plattenlager" is a Lager); "$" after it, the word as written only. A group led by "@" may stand anywhere
# in the text.
_TABLES_AND_ROOMS = ("tisch", "table", "reserv", "zimmer", "room", "gaeste$", "gast$", "guest")
# Capabilities a text can have there and still be troubled by: "Die Fräse selbst ist top" is the CNC machine,
# and every part keyed into it by hand asks for the CAM link it lacks
_THERE_AND_TROUBLED = frozenset(["cam-cnc"])
# what a part is keyed into by hand, and the hand (see the rules on CAM below)
_KEYED_INTO = (
    *("maschine", "-maschine", "fraese", "-fraese", "steuerung", "steuerpult", "saege", "-saege", "abbund"),
    *("cnc", "machine", "controller"),
)
_BY_HAND = ("hand$", "nochmal$", "einzeln$", "zeile", "extra$", "manually$")
_PROJECTS = ("projekt$", "projekte$", "projekts$", "projekten$", "project$", "projects$")
# the things a trouble told with a no names ("kein WLAN", "im Zimmer koa Netz"; see _TOLD_WITH_A_NO): each
# says what it is alone
_NAMED_WITH_A_NO = ("internet$", "netz$", "wlan$", "wifi$", "wi-fi$", "empfang$")
_DESCRIBED: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...], tuple[str, ...]], ...] = (
    (
        "membership-management",
        ("mitglied", "member$", "members$"),
        (("beitrag", "beitraeg", "fee$", "fees$", "dues$", "lastschrift", "eingezogen", "einzug"),),
        (),
    ),
    (
        "membership-management",
        ("beitrag", "beitraeg", "fees$", "dues$"),
        # a club ("Verein", "Vereinsmitglieder"), not "vereinbaren" or "vereinfachen"
        (("@", "mitglied", "member$", "members$", "verein$", "vereins", "vereine$"),),
        (),
    ),
    (
        "fleet-management",
        ("fahrzeug", "vehicle", "lkw$", "transporter", "wagen", "vans$", "trucks$", "autos$"),
        (("tuev", "fristen$", "fuehrerschein", "reifenwechsel", "uvv$", "inspektion", "mot$"),),
        (),
    ),
    (
        "fleet-management",
        ("karte$", "map$"),
        (("fahrzeug", "lkw$", "transporter", "wagen$", "vans$", "van$", "trucks$", "autos$", "vehicles$"),),
        ("wagenpflege",),
    ),
    (
        "logistics-tms",
        ("fahrer", "driver", "rider", "kurier", "courier"),
        (
            (
                "auftraege$",
                "auftrag$",
                "auftraegen$",
                "jobs$",
                "job$",
                "tour$",
                "touren$",
                "adress",
                "address",
                "stopp",
                "stops$",
                "fahrten$",
            ),
            ("verteil", "zuteil", "schick", "send", "reihenfolge", "order$", "handy", "phone", "tablet"),
        ),
        (),
    ),
    (
        "field-service",
        (
            "monteur",
            "techniker",
            "geselle$",
            "gesellen$",
            "technician",
            "engineers$",
            "fitter",
            "installateur",
        ),
        (
            (
                "auftraege$",
                "auftrag$",
                "termin$",
                "termine$",
                "terminen$",
                "jobs$",
                "job$",
                "einsa",
                "wartung",
            ),
            ("verteil", "zuteil", "schick", "send", "sieht$", "sehen$", "see$", "bekomm", "get$"),
        ),
        (),
    ),
    (
        "customer-portal",
        ("hochlad", "upload"),
        (("sicher$", "secure$", "irgendwo$", "somewhere$", "stelle$", "place$"),),
        (),
    ),
    (
        "customer-portal",
        (
            *(
                "selber$",
                "selbst$",
                "themselves$",
                "himself$",
                "herself$",
                "einsehen",
                "nachschau",
                "nachsehen",
            ),
            *("nachguck", "einlogg"),
        ),
        (
            # ... also a compound's ("Die Firmenkunden wolln ooch ihre Aufträge selber anlegen"), and those
            # named by their trade ("Die Installateure fragen, warum sie nicht selber schauen können")
            (
                *("kunde", "-kunde", "kundin", "mieter", "customer", "client", "tenant", "gastronom"),
                *("haendler", "eigentuemer", "owners$", "wirte$", "installateure$", "brands$"),
            ),
            (
                # "ihre Rechnungen selber runterladen", "selber nachschauen, wo ihre Sendung is"
                *("anleg", "runterlad", "herunterlad", "download", "abruf", "reinguck", "nachschau"),
                "nachguck",
                "up$",  # "look it up themselves"
                "sehen$",
                "sieht$",
                "sehe$",
                "schau",
                "einseh",
                "see$",
                "check",
                "track",
                "verfolg",
                "login",
                "bestell",
                "order",
                "eintrag",
                "enter$",
                "meld",
            ),
        ),
        # free times to book: "selber sehen, wann ich frei bin, und sich eintragen" books appointments
        ("buch", "book", "termin", "appointment", "reservier", "frei$", "free$"),
    ),
    # the customers' question where their goods are ("wo ihre Sendung grad ist", "where is my shipment",
    # "asking where their consignment is") asks for a place where they see it; a parcel, a delivery or a truck
    # asked for is read so by some writers and as tour planning or a chatbot by as many
    (
        "customer-portal",
        ("sendung", "shipment", "consignment", "container$", "palett", "pallets$"),
        (("wo$", "where$"), ("mein$", "meine$", "my$", "ihre$", "their$")),
        (),
    ),
    (
        "wms",
        ("-lager$", "lagerplatz", "palett", "regal", "warehouse", "-bestand$", "vorrat"),
        (("liegt$", "abbuch", "nachbestell", "inventur", "wo$", "where$", "reorder"),),
        (),
    ),
    (
        "barcode-rfid",
        ("etikett", "label$", "labels$", "aufkleber", "sticker"),
        (("scann", "scan$", "geraet", "drueber", "lesegeraet"),),
        (),
    ),
    (
        "backup",
        ("gesichert$", "sichern$", "sichert$"),
        (
            (
                "daten$",
                "dateien$",
                "plaene$",
                "files$",
                "data$",
                "unterlagen$",
            ),
        ),
        ("ab$",),
    ),
    (
        "identity-management",
        ("zugang", "zugaeng", "zugriff", "access$", "passwoert", "passwort", "passwords$", "accounts$"),
        (
            (
                "leaves$",
                "leave$",
                "left$",
                "verlaesst",
                "verlassen$",
                "ausscheid",
                "ausgeschieden",
                "kuendig",
                "offboard",
                "austritt",
                "weggeht",
                "quits$",
            ),
        ),
        (),
    ),
    (
        "it-asset-management",
        ("laptop", "rechner$", "notebook", "geraet", "machine$", "device", "computer$", "handys$"),
        (("wer$", "who$", "wen$", "wem$", "whom$"), ("welch", "which$", "ausgegeben$", "issued$")),
        (),
    ),
    (
        "email-security",
        ("gefaelscht", "fake$", "spoof", "betrugsmail"),
        (("mail", "e-mail", "postfach", "inbox$", "chef$", "ceo$", "boss$", "zahlungsaufforderung"),),
        (),
    ),
    # news for the staff on a notice board or in chat groups, or never reaching them: "Informationen hängen
    # als Zettel am Schwarzen Brett", "Neue Infos ... kommen bei den Teilzeitkräften nie an", "news from the
    # management never reaches the night shift" (an intranet or staff app; not news for parents or tenants)
    (
        "intranet",
        (
            *("informationen$", "infos$", "neuigkeiten$", "news$", "mitteilungen$"),
            "dienstanweisungen$",
        ),
        (("brett$", "aushang", "aushaeng", "whatsapp", "board$", "zettel", "nie$", "never$"),),
        ("eltern", "parents$", "buerger", "mieter", "tenants$", "kunden", "customers$"),
    ),
    # a trading partner who wants orders, advices or status exchanged electronically, in its own format: "Der
    # Kunde will, dass mir die Lieferavise und die Transportaufträge ni mehr per Mail schicken, sondern
    # elektronisch in so nem Standard", "a DIY chain will only send us transport orders electronically"
    (
        "edi",
        ("elektronisch", "maschinenlesbar", "electronically$"),
        (
            (
                *("bestellung", "auftraeg", "auftrag", "order$", "orders$", "avis", "lieferavis"),
                *("statusmeld", "status$", "transportauftr", "lieferschein"),
            ),
            (
                *("kunde", "-kunde", "customer", "handelskette", "verlader", "buyer$", "chain$", "retailer"),
                *("abnehmer", "auftraggeber$"),
            ),
        ),
        ("rechnungseingang", "xrechnung", "zugferd", "pflege", "kasse$", "kassen$"),
    ),
    # the security logs that no one reads: "Firewall, Virenschutz, Server und Anmeldedienste schreiben
    # Protokolle, die derzeit niemand regelmäßig auswertet", "werden nur anlassbezogen gesichtet" (monitoring
    # of security events; not the minutes of a meeting)
    (
        "siem-soc",
        ("protokolle$", "protokolldaten", "logs$", "logdaten", "logfiles$"),
        (
            ("auswert", "gesichtet", "sichtet", "liest$", "schaut", "beobacht", "analys", "review", "reads$"),
            (
                "@",
                "firewall",
                "angriff",
                "angreifer",
                "vorfall",
                "hacker",
                "attack",
                "virenschutz",
                "intrusion",
            ),
        ),
        (),
    ),
    # data gone for good ("die Röntgenbilder der letzten zwei Jahre sind verloren", "I want that if a laptop
    # breaks nothing is lost") and a copy no one knows of ("ob irgendwo a Kopie von den Daten is, weiß i
    # ned"): a backup
    (
        "backup",
        ("verloren$", "lost$", "gone$"),  # not "weg", also a way ("auf dem Weg")
        (
            (
                *("daten$", "akten$", "-akten$", "patientenunterlagen", "bilder$", "-bilder$", "fotos$"),
                *("dateien$", "unterlagen$", "files$", "data$", "projektordner", "nothing$", "nichts$"),
            ),
        ),
        ("kunde", "customers$", "auftrag", "auftraege", "umsatz", "geld$", "money$"),
    ),
    (
        "backup",
        ("kopie$", "gesichert$", "copy$"),
        (
            ("ob$", "whether$", "if$"),
            ("weiss$", "weis$", "wissen$", "keiner$", "niemand$", "nobody$", "knows$"),
        ),
        (),
    ),
    # a stocktaking counted by hand over days: "die Inventur dauert jedes Jahr drei Tage mit Zettel und
    # Stift", "Inventur heißt: zwei Wochenenden, alle Mann", "Stocktaking took 4 days" (goods scanned)
    (
        "barcode-rfid",
        ("inventur", "stocktak"),
        (
            (
                *("tage$", "days$", "wochenende", "weekend", "zaehlen$", "zaehlt$", "counting$", "zettel"),
                *("stift$", "kuli$", "dicht$", "geschlossen", "closed$"),
            ),
        ),
        (),
    ),
    # a mail's link or attachment opened that was not what it seemed: "die Azubine hat draufgeklickt",
    # "hat eine Mail mit Betreff Rechnung aufgmacht, und in einer Stund war alles verschlüsselt"
    (
        "email-security",
        (
            *("geklickt", "draufgeklickt", "angeklickt", "clicked$", "aufgemacht$", "aufgmacht$"),
            *("geoeffnet$", "oeffnete$"),
        ),
        (
            ("mail", "e-mail", "anhang", "link$", "links$", "attachment"),
            (
                *("@", "angeblich", "echt$", "gefaelscht", "verschluessel", "virus", "trojaner", "passwort"),
                *("phishing", "betrug", "hacker", "supposedly", "fake$", "encrypted$", "password", "scam"),
            ),
        ),
        (),
    ),
    # drawing wanted on a computer: "Er will am Rechner zeichnen und das dann direkt an die Maschine
    # schicken", "Ick will det am Rechner zeichnen" (not "Ich zeichne am Rechner, das bleibt": drawn there)
    (
        "cad-plm",
        ("zeichnen$", "zeichne$", "konstruieren$"),
        (("rechner$", "computer$", "pc$", "bildschirm$"), ("will$", "wollen$", "moechte", "moechten$")),
        (),
    ),
    # a machine's failure known before it comes: "know that a machine is going to fail before it does",
    # "get warning before the sealing unit dies, not after", "tell us a week ahead that the pump ... is about
    # to go"; in German ("Sensoren, die melden, bevor was kaputtgeht") both read writers told it as an idea
    # not wanted
    (
        "predictive-maintenance",
        ("before$", "ahead$"),
        (("fail", "dies$", "breaks$", "break$", "go$"), ("machine", "pump", "spindle", "unit$", "units$")),
        (),
    ),
    # the guests' mail addresses lying unused: "Stammgäste hören nach dem Check-out nie wieder was vom Haus –
    # die Mailadressen liegen im PMS rum und keiner macht was draus", "a shoebox full of their e-mail
    # addresses but never actually write to them" (not the staff's own addresses)
    (
        "newsletter",
        ("mailadress", "e-mail-adress", "emailadress", "addresses$"),
        (
            ("mail", "e-mail", "email"),
            ("nie$", "never$", "keiner$", "nobody$", "niemand$"),
            ("stammgaest", "stammkund", "gaeste$", "guests$", "kunden$", "customers$"),
        ),
        (),
    ),
    # receipts the own drivers or field staff bring in: "die Jungs kommen mit einem Umschlag voller
    # Tankquittungen", "They bring receipts in plastic bag after 3 weeks tour" (a client's shoebox of receipts
    # is the bookkeeping's, not the firm's own expenses)
    (
        "expense-management",
        ("tankquittung", "quittungen$", "receipts$", "tankbelege$"),
        (("fahrer", "drivers$", "jungs$", "aussendienst", "monteur", "tour$", "touren$", "tours$"),),
        ("mandant", "clients$", "gewerbetreib"),
    ),
    # such mails kept from arriving at all: "dass solche Mails gar nicht erst bei uns ankommen", "dass
    # derartige Nachrichten gar nicht erst im Postfach landen"
    (
        "email-security",
        ("ankommen$", "ankommt$", "landen$", "landet$"),
        (("mails$", "mail$", "e-mails$", "e-mail$", "nachrichten$", "postfach$"), ("erst$",)),
        (),
    ),
    (
        "maintenance",
        ("wartung", "gewartet$", "maintenance$", "serviced$", "instandhalt"),
        (("maschine", "machine", "fraese", "presse$", "laser$", "roboter", "stapler", "equipment$"),),
        (),
    ),
    (
        "managed-print",
        ("toner$",),
        (("selber$", "selbst$", "automat", "nachbestell", "von$"),),
        (),
    ),
    (
        "chatbot",
        ("fragen$", "questions$"),
        (
            ("automat", "jederzeit", "rund$", "nachts", "anytime$", "night$"),
            ("beantwort", "answer", "antwort"),
        ),
        (),
    ),
    (
        "edi",
        ("elektronisch", "electronically$"),
        (
            ("bestell", "auftraege$", "auftrag$", "auftraegen$", "order", "lieferschein", "statusmeld"),
            ("system", "direkt$", "straight$"),
        ),
        ("grosshaendler", "grosshandel", "lieferant", "supplier"),
    ),
    (
        "school-software",
        ("krankmeld", "krankmelden", "elternbrief", "entschuldigung"),
        (("eltern", "parents$", "schule", "school"),),
        (),
    ),
    (
        "project-management",
        ("projekt", "project"),
        (("budget",), ("left$", "uebrig", "verbraucht", "remaining$", "overrun", "ueberzogen")),
        (),
    ),
    (
        "procurement",
        ("bestell", "order"),
        (
            ("grosshaendler", "grosshandel", "lieferant", "supplier", "wholesaler"),
            ("elektronisch", "direkt$", "automatisch", "electronically$", "automatically$"),
        ),
        (),
    ),
    (
        "cloud-migration",
        ("internet$", "netz$"),
        (
            ("liegen$", "liegt$", "gespeichert$", "abgelegt$"),
            ("dateien$", "daten$", "plaene$", "unterlagen$"),
        ),
        (),
    ),
    (
        "network",
        ("internet$", "wlan$", "wifi$", "wi-fi$"),
        (("bricht", "abbrech", "abbricht", "lahm$", "drops$", "keeps$", "dropping$"),),
        (),
    ),
    (
        "intranet",
        ("mitteilung", "aushang", "aushaeng", "neuigkeit", "announcement", "news$"),
        (
            ("mitarbeit", "belegschaft", "staff$", "employee", "kolleg", "team$"),
            ("handy", "phone", "smartphone", "gelesen$", "read$"),
        ),
        (),
    ),
    (
        "time-tracking",
        ("stunden$", "hours$", "arbeitszeit"),
        (
            ("handy", "tablet", "phone", "app$"),
            ("eintrag", "erfass", "tippen$", "tippt$", "eintipp", "enter$", "log$", "record$"),
        ),
        (),
    ),
    (
        "field-service",
        ("auftraege$", "auftrag$", "jobs$"),
        (("handy", "tablet", "phone"), ("schick", "verteil", "send", "bekomm")),
        ("fahrer", "driver", "rider", "kurier", "courier", "lkw$", "transporter", "spedition", "tour"),
    ),
    (
        "online-forms",
        ("ausfuell", "fill$"),
        (("website", "webseite", "homepage", "online$", "internet$", "phone", "handy"),),
        (),
    ),
    (
        "hardware-supply",
        ("austausch", "ersetz", "replace"),
        (("rechner$", "computer$", "pcs$", "laptops$", "notebooks$"),),
        ("festplatte", "akku", "bildschirm"),
    ),
    ("data-protection", ("rechtlich",), (("-daten$", "data$"),), ()),
    (
        "crm",
        ("kunden$", "kunde$", "customer$", "customers$", "client$", "clients$"),
        (("stelle$", "place$"), ("alles$", "everything$", "historie", "history$", "besprochen$")),
        (),
    ),
    (
        "ticketing",
        (
            "stoermeld",
            "stoerung",
            "-meldung",
            "schaden$",
            "schaeden$",
            "reklamation",
            "complaint",
            "request",
            "anliegen$",
            "hinweis",
            "anfragen$",
        ),
        (
            (
                "offen$",
                "open$",
                "erledigt$",
                "zugeteilt$",
                "zugewiesen$",
                "assigned$",
                "zustaendig",
                "bearbeitungsstand",
                "nachverfolg",
                "kuemmert$",
                "erledigung$",
            ),
        ),
        (),
    ),
    ("wms", ("abbuch", "nachbestell", "reorder"), (("@", "-lager$", "warehouse", "stock$"),), ()),
    (
        "appointment-booking",
        ("termin$", "termine$", "terminen$", "slot", "zeitpunkt", "appointment", "fahrstund"),
        (("selber$", "selbst$", "own$", "themselves$", "aussuch", "pick$", "choose$"),),
        _LODGING_ROOMS,
    ),
    (
        "appointment-booking",
        ("selber$", "selbst$", "themselves$"),
        (("frei$", "free$"), ("eintrag", "buch", "book", "aussuch", "pick$", "choose$")),
        _LODGING_ROOMS,
    ),
    (
        "online-shop",
        ("bestell", "order$"),
        (("bezahl", "zahlen$", "pay$"),),
        (
            *("lieferant", "grosshaendler", "grosshandel", "supplier"),
            *("tisch", "table", "qr", "kueche", "kitchen", "lieferando", "restaurant", "gastronom"),
        ),
    ),
    (
        "field-service",
        ("hin$", "hinfaehrt", "hinfahren$"),
        (("wo$", "where$"),),
        (
            "fahrer",
            "driver",
            "kurier",
            "courier",
            "lkw$",
            "transporter",
            "spedition",
            "tour$",
            "touren$",
            "paket",
        ),
    ),
    (
        "field-service",
        ("bericht", "report$", "protokoll", "erledigt$"),
        (
            ("vor$", "dort$", "draussen", "on-site", "onsite", "site$"),
            (
                "monteur",
                "techniker",
                "handwerker",
                "jungs$",
                "geselle$",
                "gesellen$",
                "kolonne",
                "auftraege$",
                "auftrag$",
                "auftraegen$",
                "electrician",
                "technician",
                "lads$",
            ),
        ),
        (),
    ),
    (
        "backup",
        ("kaputt", "ausfaell", "ausfall", "abstuerz", "stolen$", "gestohlen$", "nicked$", "dies$", "died$"),
        (("weg$", "verloren$", "lose$", "lost$", "gone$"),),
        (),
    ),
    # everything on one computer, and a failure or a theft told anywhere ("Alle unsere Pläne liegen auf dem
    # großen Rechner unterm Schreibtisch vom Chef ... Was passiert, wenn der mal ganz kaputt geht"; "All our
    # drawings are on one computer ... if that machine dies, burns or gets stolen"): a backup. After the rule
    # above, whose carrier is no noun that another match may cover ("Rechner" of hardware supply).
    (
        "backup",
        ("rechner$", "pc$", "laptop$", "computer$", "festplatte", "platte$"),
        (
            (
                *("alles$", "everything$", "plaene$", "zeichnungen$", "drawings$", "drawing$", "daten$"),
                *("-daten$", "dateien$", "files$", "akten$", "-akten$", "bilder$", "fotos$", "photos$"),
                "kartei",
            ),
            (
                *("@", "ausfaell", "ausfall", "kaputt", "abraucht", "geklaut", "gestohlen", "stolen$"),
                *("nicked$", "burns$", "hochfahren", "hochgefahren", "geist$", "dies$", "died$"),
            ),
        ),
        (),
    ),
    (
        "collaboration",
        ("same$", "gleichen$", "denselben$", "selben$"),
        (
            ("files$", "dateien$", "dokumente", "documents$", "plaene$", "drawings$", "stand$", "version"),
            ("work$", "arbeiten$", "zugreif", "access$", "find$", "finden$"),
        ),
        (),
    ),
    (
        "telephony",
        ("anruf", "calls$", "telefon", "durchwahl"),
        (
            (
                "verloren$",
                "leere$",
                "weiterleit",
                "weitergeleitet",
                "umleit",
                "ansage",
                "missed$",
                "forwarded$",
                "voicemail",
            ),
        ),
        (),
    ),
    (
        "ocr-capture",
        ("abtipp", "tippt$", "tippe$", "abschreib", "types$", "typed$", "typing$", "eintipp", "retyp"),
        (
            (
                *("rechnung", "invoice", "-beleg$", "lieferschein", "receipt", "bills$"),
                *("manifests$", "schedules$", "orders$"),
            ),
        ),
        ("stunde", "zettel", "namensschild", "bericht", "formular"),
    ),
    (
        "speech-recognition",
        ("sprechen$", "sagen$", "diktier", "speak$", "say$"),
        (
            (
                "statt$",
                "instead$",
                "tippen",
                "tippt$",
                "typing$",
                "type$",
                "mitschreib",
                "schreibt$",
                "written$",
                "aufgeschrieben$",
                "geschrieben$",
            ),
        ),
        (),
    ),
    (
        "online-forms",
        ("antraeg", "antrag", "anmeldung", "formular", "anliegen$"),
        (("hause$", "home$", "online$", "internet$", "jederzeit$", "anytime$"),),
        (),
    ),
    (
        "event-management",
        ("anmeld", "register", "warteliste", "waiting$"),
        (
            ("kurs", "veranstaltung", "course", "event", "seminar", "workshop"),
            ("selbst$", "selber$", "online$", "themselves$", "warteliste", "waitlist"),
        ),
        (),
    ),
    ("telephony", ("busy$",), (("tone$", "signal$", "line$"),), ()),
    # calls that do not get through: "Das Telefon ist morgens dauerbesetzt", "von 8 bis 10 is die Leitung
    # dicht", "die Patienten kommen ned durch", "wenn er aufm Klo is geht keiner ran", "klingelt durch"
    # (a phone system's queue, announcement and forwarding, unless the text asks for what takes the calls
    # away: _ENDED_BY)
    ("telephony", ("dauerbesetzt", "dauernd-besetzt"), (), ()),
    # (not a desk that is staffed: "die Rezeption ist nur vormittags besetzt")
    (
        "telephony",
        ("besetzt$", "dicht$"),
        (("telefon", "leitung"),),
        ("rezeption", "empfang", "tresen", "schalter", "stelle$", "stellen$"),
    ),
    (
        "telephony",
        ("durch$",),
        (
            ("kommen$", "kommt$", "komme$", "kamen$", "kam$"),
            ("nicht$", "nich$", "ni$", "ned$", "net$", "keiner$", "niemand$", "kaum$"),
            ("@", "telefon", "anruf", "leitung", "hotline"),
        ),
        ("internet", "wlan", "verkehr", "stau$", "tuer$", "tor$"),
    ),
    ("telephony", ("durch$",), (("klingelt$", "klingeln$", "bimmelt$"),), ()),
    # (not where the callers book elsewhere: a booking lost is a booking system's)
    (
        "telephony",
        ("ran$",),
        (("keiner$", "keener$", "niemand$"), ("geht$", "gehen$", "ging$")),
        ("buchen$", "bucht$", "book$", "books$"),
    ),
    (
        "telephony",
        ("through$",),
        (
            ("get$", "gets$", "got$"),
            ("cant$", "cannot$", "never$", "not$", "nobody$"),
            ("@", "phone", "call"),
        ),
        (),
    ),
    # a client who does not come: "No-Shows", "jede Woche 5-6 Leute, die einfach nicht kommen" (bookings
    # with reminders, unless the text asks for a table's, a room's or an event's: _ENDED_BY)
    # (not a table's or a room's: "reserve a table online ... manage the tables and the no-shows")
    ("appointment-booking", ("no-show", "noshow"), (), _TABLES_AND_ROOMS),
    (
        "appointment-booking",
        ("kommen$", "erscheinen$", "gekommen$", "erschienen$"),
        (("einfach$", "ohne$"), ("nicht$", "nich$", "ni$", "ned$", "net$", "garnich$", "garnicht$")),
        ("durch$", "internet", "wlan", "hinterher$", "zurecht$", "ran$", *_TABLES_AND_ROOMS),
    ),
    (
        "gis",
        ("karte$", "map$"),
        (("baum$", "baeume$", "spielplatz", "spielgeraet", "leitungen$", "schaechte$", "trees$", "pipes$"),),
        (),
    ),
    (
        "maintenance",
        ("kontroll", "pruefung", "inspection"),
        (("faellig", "rechtzeitig", "due$", "erinner", "remind"),),
        ("fahrzeug", "lkw$", "wagen", "vehicle", "tuev", "auto$", "autos$"),
    ),
    (
        "crm",
        ("kunde", "kundin", "customer", "client"),
        (("gekauft$", "bought$", "purchased$", "zuletzt$", "discussed$"),),
        (),
    ),
    # what a customer was promised, known only to the one who promised it
    (
        "crm",
        ("kunde", "kundin", "customer", "client"),
        (("versprochen$", "zugesagt$", "promised$"),),
        (),
    ),
    # gaps left by cancelled appointments that nobody fills
    (
        "appointment-booking",
        ("absag", "abgesagt", "cancel"),
        (("luecke", "gap$", "gaps$", "leer$", "empty$"),),
        _LODGING_ROOMS,
    ),
    # paid when ordered or applied for: "die Gebühr gleich beim Antrag bezahlen", "pay upfront"
    (
        "payment",
        ("bezahl", "pay$"),
        (("gleich$", "direkt$", "sofort$", "voraus$", "vorab$", "upfront$", "advance$", "straight$"),),
        (),
    ),
    # the crew's work signed by the customer on the spot and sent to the office
    (
        "field-service",
        ("unterschreib", "sign$", "signs$"),
        (("kunde", "kundin", "customer", "client", "bauer$"), _CREW),
        ("vertrag", "vertraeg", "contract", "angebot", "quote"),
    ),
    # the proof of delivery taken at the door: "die Unterschrift des Empfängers festhalten", "a photo at
    # handover"
    (
        "logistics-tms",
        ("unterschrift", "unterschreib", "quittier", "signature", "foto", "photo"),
        (
            ("abliefer", "ablad", "zustell", "empfaeng", "handover", "recipient", "dropped$", "delivered$"),
            ("@", "fahrer", "bote$", "boten$", "kurier", "driver", "rider", "courier"),
        ),
        (),
    ),
    # the day's stops put in a sensible order
    (
        "logistics-tms",
        ("reihenfolge", "order$"),
        (
            ("sinnvoll", "vernuenftig", "optimal", "guenstig", "sensible$", "efficient$", "best$"),
            ("@", "fahrer", "bote$", "boten$", "tour", "liefer", "driver", "deliver", "courier", "rider"),
        ),
        (),
    ),
    # a session held over a screen, a flat shown live over the phone, members joining a meeting from home
    (
        "video-conferencing",
        ("bildschirm$", "screen$"),
        (
            ("ueber$", "over$", "per$", "via$"),
            ("sitzung", "session", "sehen$", "see$", "gespraech", "behandl", "beratung", "therap", "patient"),
        ),
        ("kauf", "liefer", "zoll$", "inch$", "buy$", "supply"),
    ),
    (
        "video-conferencing",
        ("zeigen$", "zeigt$", "show$"),
        (("handy", "smartphone", "phone$", "video"), ("live$", "uebers$", "ueber$", "over$", "via$", "per$")),
        (),
    ),
    (
        "video-conferencing",
        ("zugeschaltet", "zuschalt"),
        (("sitzung", "meeting", "beratung", "mitglied"),),
        (),
    ),
    # a blackmail attack told, and that it must not happen here
    (
        "it-security",
        ("passiert$", "passieren$", "happen$", "happens$", "ueberspring", "verhindern$", "prevent$"),
        (("@", "erpress", "loesegeld", "ransom", "hacker", "gehackt", "trojaner", "bitcoin"),),
        (),
    ),
    # guests letting themselves in, with no key handed over
    (
        "access-control",
        ("reinkomm", "hereinkomm", "hineinkomm", "reinkaem"),
        (("@", "schluessel", "schloss", "schloesser", "key$", "keys$"),),
        (),
    ),
    # keys handed over at all hours, gone missing or held by too many: "für jede Anreise fahre ich raus zur
    # Schlüsselübergabe", "Zweimal sind Schlüssel nicht zurückgekommen", "die Schlüssel für die Halle haben
    # gefühlt 40 Leute", "one of us drives 20 minutes out to hand over a key", "keys have gone missing"
    (
        "access-control",
        ("schluessel$", "schluesseln$", "schluesseluebergabe", "key$", "keys$"),
        (
            (
                *("uebergabe", "uebergeben", "hinfahren", "rausfahren", "fahre$", "warten$", "abgegeben$"),
                *("zurueckgekommen$", "mitgenommen$", "genommen$", "tauschen$", "zylinder$", "nachmachen"),
                *("leute$", "haengen$", "hand$", "hands$", "handover$", "missing$", "lock$", "floating$"),
                *("problem$", "headache$"),
            ),
        ),
        ("stay", "bleib", "requirement"),  # "our door lock system stays", "our key requirements"
    ),
    # goods stolen from the yard, the hall or the shop: "Auf unserm Hof wird nachts Diesel aus den LKWs
    # geklaut", "Letzten November is nachts einer eingebrochen", "Dreimal Diebstahl dieses Jahr" (not a lost
    # or stolen phone, which is locked from afar, nor a stolen van, which is tracked)
    (
        "video-surveillance",
        (
            *("geklaut$", "klauen$", "eingebrochen$", "einbruch$", "einbrueche$", "diebstahl$"),
            *("abgezapft$", "entwendet$", "gestohlen$", "stolen$", "theft$", "thefts$", "burglary$"),
        ),
        (("@", "hof$", "gelaende", "halle$", "lager$", "laden$", "yard$", "nachts$", "kiosk", "bude$"),),
        (
            *("handy", "tablet", "geraet", "laptop", "sperren", "phone", "device", "passwort", "daten"),
            *("transporter", "fahrzeug", "vehicle", "van$", "vans$", "auto$", "autos$"),
        ),
    ),
    # the hours booked to projects: "Jeder schreibt seine Stunden pro Projekt auf einen Zettel", "we never
    # know how many hours a project actually eats"; and a project's fee or budget seen used up too late ("ob
    # wir daran verdient haben", "Every project goes over budget") also asks for project management
    (
        "time-tracking",
        ("stunden$", "hours$"),
        (("projekt", "project"),),
        (),
    ),
    (
        "project-management",
        _PROJECTS,
        (("honorar", "verdient$", "quoted$", "draufgelegt$", "eats$", "leistungsphase"),),
        (),
    ),
    (
        "project-management",
        _PROJECTS,
        (("budget$", "budgets$"), ("over$", "ueberschritten$", "ueberzogen$", "exceeded$")),
        (),
    ),
    # audits that found the complaints, measurements or batches not traceable: "wenn der Auditor fragt, wer
    # wann welche Messung gemacht hat", "IATF audit is in October and the auditor ... said our action
    # tracking is weak", "eine Kundenreklamation nicht bis zum Abschluss nachvollziehbar"
    (
        "quality-management",
        ("auditor$", "auditors$", "audit$", "audits$", "pruefer$", "zertifizierungsstelle$"),
        (
            (
                *("reklamation", "complaint", "abweichung", "8d", "nachvollzieh", "charge", "messung"),
                *("measurement", "action$", "actions$", "findings$", "pruefplaen", "zeugnis"),
            ),
        ),
        (
            *("datenschutz", "security", "sicherheit", "27001", "dsgvo", "isms", "penetration", "it-"),
            *("temperatur", "datenlogger", "pci$", "tisax", "gdpr", "protection$"),
        ),
    ),
    # a bakehouse's dough reckoned by hand from the branches' orders: "rechnet das dann per Hand zusammen, wie
    # viel Teig von welcher Sorte", "rechnet der Backstubenleiter im Kopp aus, wie viel Teig er ansetzen muss"
    (
        "production-planning",
        ("teig$", "teige$", "teigmenge", "dough$"),
        (("rechn", "zusammen", "kopf$", "kopp$", "hand$", "zettel", "calculat"),),
        (),
    ),
    # temperatures written on paper or noticed too late: "Heute schreibt der Fahrer zweimal am Tag die
    # Temperatur auf einen Zettel", "Wenn die Temperatur im Auflieger hochgeht, merk ich das erst, wenn der
    # Kunde die Ware ablehnt", "einen lückenlosen Nachweis der Temperatur" (a sensor platform; not an audit's
    # finding, nor a machine's vibration and temperature read for its failures)
    (
        "iiot-platform",
        ("temperatur", "temperature"),
        (
            (
                *("zettel", "papier", "paper", "nachweis", "lueckenlos", "streifen", "thermoschreiber"),
                *("ausles", "aufgeschrieben", "schreibt$", "aufschreib", "formular", "gemerkt$", "merkt$"),
                *("merk$", "noticed$", "prove$", "proof$", "hochgeht$", "writes$", "write$"),
            ),
        ),
        ("audit", "charge", "reklamation", "vibration"),
    ),
    # every part keyed into the machine by hand: "dann muss er für die Maschine alles noch mal extra
    # eingeben", "gibt alle Maße und Bohrungen nochmal von Hand ein", "Die Programme für die Maschinen
    # schreibt der Meister direkt an der Steuerung, von Hand" (a CAM link from the drawing to the machine);
    # "gibt" only with the sizes or parts it gives ("es gibt an jeder Maschine eine Liste" keys nothing in)
    (
        "cam-cnc",
        (
            *("eingeben$", "eintippen$", "tippt$", "eingetippt$", "programmiert$", "programmieren$"),
            *("programme$", "types$", "typed$", "programs$", "enters$"),
        ),
        (_KEYED_INTO, _BY_HAND),
        (),
    ),
    ("cam-cnc", ("gibt$",), (_KEYED_INTO, _BY_HAND, ("masse$", "bohrungen$", "teil$", "teile$")), ()),
    # health data sent over a chat app: "Fotos von Wunden gehen in die WhatsApp-Gruppe, mit Namen dran",
    # "Kunden schicken Fotos von ihren Rezepten per WhatsApp aufs Geschäftshandy" ("Rezeption" is none)
    (
        "data-protection",
        ("whatsapp",),
        (
            (
                *("patient", "wunde", "wunden$", "rezept$", "rezepte", "gesundheit", "health", "klient"),
                *("bewohner", "diagnos"),
            ),
        ),
        (),
    ),
    # a driving school's lessons moved or cancelled by chat: "Schüler wolln Stunden verschieben, schreiben
    # nachts um elf per WhatsApp", "schüler canceln fahrstunden 10 min vorher per whatsapp"
    (
        "appointment-booking",
        ("fahrstund", "stunden$", "stund$"),
        (
            ("verschieb", "verschiem", "absag", "cancel", "whatsapp", "klappt$"),
            ("@", "fahrschul", "fahrlehrer", "fahrschueler"),
        ),
        (),
    ),
    # citizens queueing at an office: "Bürgerinnen und Bürger warten regelmäßig mehrere Stunden", "Vor den
    # Stationen bilden sich ab 6:30 Uhr Schlangen" (appointments booked ahead)
    (
        "appointment-booking",
        ("schlange", "schlangen$", "wartende", "warten$", "queue", "queues$", "queueing$"),
        (("buerger", "amt$", "zulassung", "fuehrerschein", "rathaus", "citizens$", "station"),),
        ("call", "hotline", "voip", "telefon", "anruf", "warteschleife"),  # a phone line's queue
    ),
    # no internet in part of the house: "Im ersten und zweiten Stock hast du kein Internet", "im Zimmer koa
    # Netz", "hinte beim Bach koi Internet" (a network built out); told with a no, which here is the trouble
    # itself ("online" was tried: it is the online booking or form asked for)
    (
        "network",
        _NAMED_WITH_A_NO,
        (
            (
                *("zimmer", "stock$", "etage", "nebenhaus", "nebengebaeude", "garten", "lager$", "hinten"),
                *("hinte$", "scheune", "stockwerk", "wohnbereich", "rooms$", "room$", "floor$", "annex$"),
                *("garden$", "barn$", "pitches$", "stube$", "terrasse", "biergarten"),
            ),
            (
                *("kein$", "keine$", "koi$", "koa$", "nicht$", "ni$", "nich$", "ned$", "cant$", "can't$"),
                *("cannot$", "not$", "bricht$", "abbricht$", "drops$", "nix$"),
            ),
        ),
        (),
    ),
    # customers far away who would order from home: "Seit Corona wollen viele Stammkunden aus Berlin und
    # Hamburg auch von zu Hause bestellen", "rufen dann im Januar aus Bayern oder Hamburg an, ob se noch so
    # einen Nussknacker nachkaufen können" (a shop of its own; not a carrier's deliveries)
    (
        "online-shop",
        (
            *("bestellen$", "bestelln$", "bestelle$", "bstelle$"),
            *("nachkaufen", "nachbestellen", "order$", "ordern$"),
        ),
        (
            (
                *("hamburg$", "bayern$", "berlin$", "koeln$", "muenchen$", "deutschland$", "hause$"),
                *("daheim", "daheeme$", "internet$", "weggezogen", "home$"),
            ),
        ),
        ("sendung", "lkw", "spedition", "fahrer", "tour", "lieferando", "kantine", "restaurant", "nichts$"),
    ),
    # an energy bill risen with no one knowing where it goes: "Unsere Stromrechnung hat sich in drei Jahren
    # fast verdoppelt, und keiner kann sagen, wo der Strom eigentlich hingeht", "The electricity bill went
    # from about 2,100 to 5,800 euro a month"
    (
        "energy-management",
        (
            *("stromrechnung", "energierechnung", "gasrechnung", "stromabschlag", "stromkosten"),
            *("energiekosten", "electricity$", "energy$"),
        ),
        (
            (
                *("verdoppelt", "verdreifacht", "hingeht$", "hinlaeuft$", "eating$", "frisst$", "went$"),
                *("hoch$", "prozent$", "percent$", "doubled$", "tripled$"),
            ),
        ),
        (),
    ),
    # residents with dementia who leave the house unnoticed: "Nachts laufen Bewohner mit Demenz unbemerkt aus
    # dem Haus", "Bewohner mit Transponder-Armband sollen nicht unbemerkt raus" (a door that tells or holds)
    (
        "access-control",
        ("unbemerkt$", "raus$", "verlassen$"),
        (("demenz", "dementia"),),
        (),
    ),
    # holidays asked for and granted beside the duty roster: the staff's administration
    (
        "hr",
        ("urlaub", "vacation", "holiday"),
        (("@", "dienstplan", "schichtplan", "schichten$", "shift", "rota$", "rotas$"),),
        (),
    ),
    # the hours entered or logged where the work is done
    (
        "time-tracking",
        ("eintrag", "eintipp", "erfass", "record$", "log$", "track$"),
        (("stunden$", "hours$", "arbeitszeit", "arbeitszeiten", "zeiten$"),),
        (),
    ),
    # papers and photos to be found again years later
    (
        "dms",
        ("wiederfind", "wiedergefund", "found$", "find$", "finden$", "findet$"),
        (
            ("jahr", "years$", "spaeter", "later$"),
            ("@", "papier", "dokument", "beleg", "foto", "akte", "unterlagen", "paper", "document", "photo"),
        ),
        (),
    ),
    # fees paid by transfer and chased ("Die Kursgebühren sind per Überweisung zu entrichten, ... erst nach
    # einer Mahnung", "kassieren müssen wir per Überweisung, da fehlen jeden Monat 2.000 Euro"): a payment
    (
        "payment",
        ("ueberweisung$", "transfer$"),
        (
            (
                *("gebuehr", "-gebuehr", "-gebuehren$", "kassier", "hinterher", "mahnung", "zahlt$"),
                *("zahlen$", "bezahlt$", "paid$", "pays$", "pay$", "deposit"),
            ),
        ),
        (),
    ),
    # the heating systems a trade services under contract ("Wir haben Wartungsverträge für ca 600 Heizungen,
    # vergessen aber ständig welche dran ist", "600 customers have a yearly service contract for their
    # boiler"): the visits planned and followed, field service
    (
        "field-service",
        ("wartungsvertr", "contract$", "contracts$"),
        (
            (
                *("heizung", "therme", "-therme", "kessel", "-kessel", "boiler", "waermepump", "heating$"),
                "brenner$",
            ),
            ("@", "kunde", "-kunde", "customer"),
        ),
        (),
    ),
    # the hours written on paper lists ("Stunden schreiben sie auf Liste neben Kühlraum", "the cleaners write
    # their hours on paper lists in each building", "the nurses' handwritten hours"): time tracking
    (
        "time-tracking",
        ("stunden$", "hours$", "arbeitszeit", "arbeitszeiten$"),
        (
            ("schreib", "write$", "written$", "notier", "handwritten", "aufgeschrieben"),
            ("zettel", "liste", "papier", "block$", "paper$", "lists$", "list$", "blatt", "handwritten"),
        ),
        (),
    ),
    # an attack that hit someone near ("Bei einem Kollegen in Neuss haben sie alle Rechner verschlüsselt",
    # "the practice across the road had all their computers locked by hackers", "Nach dem Cyberangriff auf
    # eine benachbarte Kommunalverwaltung, der die Bürgerdienste lahmgelegt hat"): the fear of the same asks
    # for IT security; a file sent encrypted by a colleague does not
    (
        "it-security",
        (
            *("verschluessel", "encrypted$", "locked$", "angriff", "cyberangriff", "hacker", "ransomware"),
            "attack",
        ),
        (
            (
                *("kolleg", "nachbar", "benachbart", "befreundet", "across$", "neighbour", "neighbor"),
                *("nebenan", "strassen$", "sister$", "weiter$"),
            ),
            (
                *("alle$", "alles$", "all$", "ganze$", "still$", "zu$", "geschlossen", "closed$", "close$"),
                *("lahmgelegt", "tage$", "wochen$", "days$", "weeks$", "week$", "computers$", "rechner$"),
            ),
        ),
        (),
    ),
    # the regulars to be told of what is new ("unseren Stammgästen gern Bescheid sagen, wenn es neue Torten
    # gibt", "400 regulars who always ask when the next seasonal beer is", "jeder eine Postkarte"): a
    # newsletter
    (
        "newsletter",
        ("stammgaest", "stammkund", "regulars$"),
        (
            (
                *("bescheid", "informier", "mitteil", "tell$", "postkarte", "neuigkeit", "einlad", "invite"),
                *("aktion", "news$", "ask$"),
            ),
        ),
        (),
    ),
    # a signature that takes printing, posting or a visit ("every contract has to be printed, signed,
    # scanned and emailed back", "customers sign weeks later because they have to print the paper, sign it
    # and post it back", "muss extra nochmal zum Unterschreiben vorbeikommen"): an e-signature; signed "by
    # hand" is also the care service's proof of service (care software) and a delivery note's (transport)
    (
        "e-signature",
        ("unterschreib", "unterschrieben", "sign$", "signed$", "signs$"),
        (("druck", "print", "post$", "posted$", "vorbeikomm"),),
        (),
    ),
    # orders carried to the kitchen on slips it cannot read ("Meine Kellner loofen mit Zettelchen inne Küche,
    # die Hälfte kann der Koch nich lesen", "orders are written on notepads, the kitchen can't read half of
    # them"): orders taken at the table and sent to the kitchen, restaurant software
    (
        "restaurant-software",
        ("kueche$", "kuech$", "koch$", "kitchen$"),  # not the "Küchentisch" a roofer writes his quotes at
        (("block$", "notepads$", "lesen$", "lese$", "read$", "schrift$"),),  # not any "Zettel" there
        (),
    ),
    # a time picked in advance: "pick a time for a specific service", "den Zeitpunkt selbst aussuchen"
    (
        "appointment-booking",
        ("pick$", "choose$", "aussuch"),
        (("time$", "slot$", "slots$", "zeitpunkt", "uhrzeit", "zeitfenster"),),
        _LODGING_ROOMS,
    ),
    # goods beeped in and out as at a supermarket's till
    ("barcode-rfid", ("anpiep", "piepst", "piepen", "beep"), (), ()),
    # back at work the next day after the computers failed or were locked
    (
        "backup",
        ("naechsten$", "next$"),
        (
            ("tag$", "day$"),
            ("weiterarbeit", "arbeiten$", "work$", "running$"),
            ("@", "rechner", "computer", "daten$", "server", "laptop", "verschluessel", "encrypt", "ransom"),
        ),
        (),
    ),
)


@cache
def _stem_index() -> tuple[dict[str, set[str]], dict[str, set[str]], tuple[tuple[str, str], ...]]:
    """The stems of _DESCRIBED: matched as written, by the word's first two letters, and as a head."""
    exact: dict[str, set[str]] = {}
    starts: dict[str, set[str]] = {}
    heads: dict[str, str] = {}  # a stem named by several rules is looked at once
    for _, carriers, groups, unless in _DESCRIBED:
        for stem in (*carriers, *(s for group in groups for s in group if s != "@"), *unless):
            core = stem.strip("-$")
            exact.setdefault(core, set()).add(stem)
            if not stem.endswith("$"):
                starts.setdefault(core[:2], set()).add(stem)
            if stem.startswith("-"):
                heads[stem] = core
    return exact, starts, tuple((core, stem) for stem, core in heads.items())


def _stems_of(word: str) -> set[str]:
    """The stems of _DESCRIBED a word matches: bounded by the stems sharing its first two letters."""
    exact, starts, heads = _stem_index()
    hit = set(exact.get(word, ()))
    hit.update(stem for stem in starts.get(word[:2], ()) if word.startswith(stem.strip("-$")))
    # as a compound's head, also with an ending ("Schadensmeldungen")
    hit.update(
        stem for core, stem in heads if any(word[: len(word) - cut].endswith(core) for cut in range(3))
    )
    return hit


_REFUSALS = frozenset(["kein", "keine", "keinen", "nicht", "nie", "no", "not", "never", "dont"])
_REFUSAL_REACH = 3  # words between a no and its want: "will ich auf keinen Fall", "so was wollen wir nicht"
_OBJECT_CLAUSES = frozenset(["wo", "where", "dass", "that", "wie", "how", "wer", "who", "welche", "which"])


def _refusing_clauses(words: list[str], clause_of: list[int]) -> set[int]:
    """Clauses that say no and want or need: words read from a description, not matched, carry no refusal
    in their roles."""
    # the no beside its verb: a dictation's run-on clause says "geht nicht ran ... ich möchte" apart
    refusing = {
        clause_of[i]
        for i, w in enumerate(words)
        if w in _REFUSALS
        and any(
            words[j] in _NEED_VERBS and clause_of[j] == clause_of[i]
            for j in range(max(0, i - _REFUSAL_REACH), min(len(words), i + _REFUSAL_REACH + 1))
        )
    }
    # ... and the clause that says what is refused ("wir wollen nicht sehen, wo die Wagen sind")
    return refusing | {
        clause_of[i]
        for i, w in enumerate(words)
        if i and clause_of[i - 1] in refusing and clause_of[i] != clause_of[i - 1] and w in _OBJECT_CLAUSES
    }


# A trouble described (_DESCRIBED) that another capability asked for ends too: calls that do not get through
# end with whatever else the text asks for (bookings online, an assistant, a school's messages to parents, a
# course's registration: None), a client who does not come with a table's, a room's or an event's booking
# (the evidence words of those rules)
_ENDED_BY: dict[str, tuple[frozenset[str], tuple[str, ...] | None]] = {
    "telephony": (
        frozenset(["dauerbesetzt", "dauernd-besetzt", "besetzt", "dicht", "durch", "ran", "through", "busy"]),
        None,
    ),
    "appointment-booking": (
        frozenset(
            ["no-show", "no-shows", "noshow", "noshows", "kommen", "erscheinen", "gekommen", "erschienen"]
        ),
        ("restaurant-software", "hotel-software", "event-management"),
    ),
}


# A backup on a disk or a stick that someone takes home or plugs in ("Die Datensicherung läuft auf
# USB-Platten, die eine Kollegin freitags mit nach Hause nimmt", "Gesichert wird auf ne externe Festplatte")
# is a makeshift to replace, not a backup there; unless the sentence keeps it ("... bleibt")
_BACKUP_WORDS = ("gesichert", "sicherung", "datensicherung", "sichern", "sichert", "backup")
_REMOVABLE_MEDIA = ("usb", "festplatte", "externe", "external")
_REMOVABLE_WORDS = frozenset(["platte", "platten", "stick", "sticks"])


def _backup_on_a_stick(
    per_role: dict[str, dict[str, list[_Match]]],
    tokens: list[Token],
    words: list[str],
    sentence_of: list[int],
) -> None:
    if "backup" in per_role["negated"]:
        return
    for members in _members(sentence_of):
        said = [words[i] for i in members]
        if any(w in _KEPT_HEADS for w in said) or not any(
            w.startswith(_REMOVABLE_MEDIA) or w in _REMOVABLE_WORDS for w in said
        ):
            continue
        backed = next((i for i in members if words[i].startswith(_BACKUP_WORDS)), None)
        if backed is None:
            continue
        if "backup" in per_role["existing"]:
            per_role["need"].setdefault("backup", []).extend(per_role["existing"].pop("backup"))
        elif "backup" not in per_role["need"]:
            cover = frozenset({(backed, 0, len(words[backed]))})
            per_role["need"]["backup"] = [_Match("backup", "cap", W_CONTEXT, cover, tokens[backed].surface)]
        return


# troubles told with a no ("wenn er aufm Klo is, geht keiner ran", "Leute, die einfach nicht kommen"): their
# carrier word is read as refused, which here is the trouble itself
_TOLD_WITH_A_NO = frozenset(
    [
        *_NAMED_WITH_A_NO,
        "ran$",
        "durch$",
        "kommen$",
        "erscheinen$",
        "gekommen$",
        "erschienen$",
        "verloren$",
        "lost$",
        "gone$",
        "ankommen$",
        "ankommt$",
        "landen$",
        "landet$",
        "unbemerkt$",
        "raus$",
        "verlassen$",
    ]
)

# ... and the other carriers as words, quoted with the two words before them
_SAID_WITH_A_NO = frozenset(stem.rstrip("$") for stem in _TOLD_WITH_A_NO.difference(_NAMED_WITH_A_NO))


def _ended_by_another(per_role: dict[str, dict[str, list[_Match]]], described: list[_Match]) -> None:
    """Drops a capability read only from a trouble (``described``) that another capability asked for ends,
    one neither refused nor there ("kein KI-Telefonassistent" ends no busy line, nor does the practice
    software that stays)."""
    asked = per_role["need"]
    for m in described:
        if m.target not in _ENDED_BY or asked.get(m.target) != [m]:
            continue
        words, others = _ENDED_BY[m.target]
        if fold(m.evidence) not in words:
            continue
        ending = [
            c
            for c in asked
            if c != m.target and c not in per_role["negated"] and c not in per_role["existing"]
        ]
        if any(others is None or c in others for c in ending):
            del asked[m.target]


def _described_needs(
    tokens: list[Token],
    words: list[str],
    sentence_of: list[int],
    clause_of: list[int],
    roles: list[str],
    refusing: set[int],
    taken: set[str],
) -> list[_Match]:
    """Matches of _DESCRIBED for capabilities not refused or there (``taken``), outside ``refusing`` clauses:
    linear, each rule looks at each word a bounded number of times."""
    positions: dict[str, list[int]] = {}
    seen: dict[str, set[str]] = {}
    for i, w in enumerate(words):
        if w not in seen:
            seen[w] = _stems_of(w)
        for stem in seen[w]:
            positions.setdefault(stem, []).append(i)

    def sentences_with(stems: tuple[str, ...]) -> set[int]:
        return {sentence_of[i] for stem in stems for i in positions.get(stem, ())}

    everywhere = set(sentence_of)
    found: list[_Match] = []
    for cap, carriers, groups, unless in _DESCRIBED:
        if cap in taken:
            continue  # refused or there: the trouble is the one it ends
        roles_read = ("need", "negated") if set(carriers) <= _TOLD_WITH_A_NO else ("need",)
        sentences = [
            sentences_with(group) if group[0] != "@" else everywhere if sentences_with(group[1:]) else set()
            for group in groups
        ]
        ruled_out = sentences_with(unless)
        for i in sorted({i for stem in carriers for i in positions.get(stem, ())}):
            s = sentence_of[i]
            if (
                roles[i] in roles_read
                and clause_of[i] not in refusing
                and s not in ruled_out
                and all(s in hit for hit in sentences)
            ):
                cover = frozenset({(i, 0, len(words[i]))})
                found.append(_Match(cap, "cap", W_CONTEXT, cover, tokens[i].surface))
                taken.add(cap)
                break
    return found


# "Migration von 300 Arbeitsplätzen auf Windows 11", "upgrade our PCs to Windows 11": the workplaces'
# operating system is moved, a client management job (not a data migration, not a supply of the devices).
_MOVES = ("migration", "migrier", "umstell", "umstieg", "upgrade", "rollout", "wechsel", "switch", "move")
_OPERATING_SYSTEMS = frozenset(["windows", "macos", "linux"])
_TO_SYSTEM = frozenset(["auf", "nach", "zu", "to", "onto"])


def _operating_system_moved(
    tokens: list[Token], words: list[str], sentence_of: list[int], roles: list[str]
) -> list[_Match]:
    """device-management for an operating system moved to ("auf Windows 11", "to Windows 11") in a sentence
    that moves something, or for "Betriebssystem" moved: linear, two passes."""
    moved = {sentence_of[i] for i, w in enumerate(words) if w.startswith(_MOVES) and roles[i] == "need"}
    for k, w in enumerate(words):
        if sentence_of[k] not in moved or roles[k] != "need":
            continue
        if (w in _OPERATING_SYSTEMS and k and words[k - 1] in _TO_SYSTEM) or w.startswith(
            ("betriebssystem", "operating")
        ):
            cover = frozenset({(k, 0, len(w))})
            version = tokens[k + 1].surface if k + 1 < len(tokens) and tokens[k + 1].surface.isdigit() else ""
            evidence = f"{tokens[k].surface} {version}".strip()  # "Windows 11"
            return [_Match("device-management", "cap", W_CONTEXT, cover, evidence)]
    return []


def _names_data(word: str) -> bool:
    return (
        (word.endswith(_DATA_HEADS) and not word.startswith(_NOT_DATA))
        or word in _DATA_WORDS
        or word.startswith("stamm")  # master data: "Stammleistungsverzeichnisse", "Stammartikel"
    )


# Heads of words that name the writer's business itself ("Arztpraxis", "Steuerkanzlei", "Kfz-Werkstatt"):
# such a word stands for the trade's software, unless the text says that software is there already.
_TRADE_HEADS = (
    "praxis",
    "praxen",
    "kanzlei",
    "kanzleien",
    "werkstatt",
    "werkstaetten",
    "apotheke",
    "apotheken",
    "physiotherapie",  # the practice's trade, "Physiotherapie Regensburg" searched for
    "ergotherapie",
    "physiotherapy",
    " practice",
    " pharmacy",
    " garage",
    " law firm",
    # "Wir sind eine Hausverwaltung ... (WEG und Mietverwaltung) ... Die Verwaltungssoftware (Domus) bleibt",
    # and its people ("ein Portal, in dem Eigentümer und Mieter ...")
    "hausverwaltung",
    "mietverwaltung",
    "mieter",
    "tenants",
    "property manager",
    "property management company",
)


def _what_another_is_for(
    m: _Match, cap: str, asked_ends: dict[int, str], words: list[str], clause_of: list[int]
) -> bool:
    """ "30 Barcode-Scanner für Wareneingang und Kommissionierung": the work another thing asked for is
    for, a few words after "für"/"for" that follows it; "eine Lösung für Betriebsdatenerfassung" asks."""
    for k in range(m.start - 1, max(0, m.start - _CUSTOMER_REACH) - 1, -1):
        if clause_of[k] != clause_of[m.start]:
            return False
        if words[k] in _PLACE_PREPOSITIONS:
            return k > 0 and asked_ends.get(k - 1, cap) != cap
    return False


def _done_with_ours(m: _Match, words: list[str], clause_of: list[int]) -> bool:
    """ "Kalkulation machen wir mit unserer Handwerkersoftware", "quotes we do in our ERP": done with a system
    of the writer's named right after it."""
    end = max(t for t, _, _ in m.cover)
    before = range(max(0, m.start - MAX_SCOPE), m.start)
    if any(words[k] in _NEED_VERBS for k in before if clause_of[k] == clause_of[m.start]):
        return False  # "we need EDI with our retail customers"
    after = [k for k in range(end + 1, min(len(words), end + 6)) if clause_of[k] == clause_of[end]]
    return any(
        words[k] in ("mit", "with", "in", "ueber") and k + 1 < len(words) and words[k + 1] in _POSSESSIVES
        for k in after
    )


# "Die Buchhaltung machen wir mit Lexware", "our bookkeeping is done in lexoffice": the work done with a
# product is there; done with a makeshift (_MAKESHIFTS: "machen wir mit Excel") it is today's way.
_DONE_WITH_VERBS = frozenset(
    ["macht", "machen", "erledigt", "erledigen", "laeuft", "laufen", "done", "runs", "run", "is", "are"]
)
_DONE_WITH = frozenset(["mit", "with", "in", "ueber", "via", "through", "on"])
_STILL_TO_COME = frozenset(
    ["kuenftig", "zukuenftig", "soll", "sollen", "sollte", "wollen", "moechten", "will", "should", "want"]
)


def _done_with_a_product(
    m: _Match, tokens: list[Token], words: list[str], clause_of: list[int], matcher: _Matcher
) -> bool:
    end = max(t for t, _, _ in m.cover)
    clause = [
        k
        for k in range(max(0, m.start - MAX_SCOPE), min(len(words), end + 8))
        if clause_of[k] == clause_of[end]
    ]
    if any(words[k] in _NEED_VERBS or words[k] in _STILL_TO_COME for k in clause):
        return False
    after = [k for k in clause if k > end]
    verb = next((k for k in after if words[k] in _DONE_WITH_VERBS), None)
    if verb is None:
        return False
    for k in after:
        if k > verb and words[k] in _DONE_WITH and k + 1 < len(tokens) and clause_of[k + 1] == clause_of[end]:
            # "machen wir weiter mit Taifun": done so on, whatever the product's name means in a dictionary
            return _a_product_name(tokens[k + 1], matcher) or any(words[g] in _GO_ON for g in range(verb, k))
    return False


def _a_product_name(token: Token, matcher: _Matcher) -> bool:
    """A name no dictionary knows ("Lexware", "lexoffice", "THEORG"), or a product the taxonomy names as a
    standard ("DATEV"); not a makeshift nor a capability's own word ("Hotelsoftware")."""
    surface, folded = token.surface, fold(token.surface)
    if len(surface) < 3 or not surface.isalpha() or folded.startswith(_MAKESHIFTS):
        return False
    known = matcher.words.get(folded, ())
    if known:
        return any(kind == "std" for _target, kind, _pattern in known)
    if surface.isupper():
        return True  # "SAP", not the tree's sap
    return _no_dictionary_word(surface)


def _names_the_trade(evidence: str) -> bool:
    word = fold(evidence.replace("–", "-").rsplit("-", 1)[-1])
    return word in _BUSINESS_WORDS or word.endswith(_TRADE_HEADS)


# A practice, a hospital and a care service each run one kind of clinical system. Words every kind has
# ("Patientenverwaltung", "patient records", "Abrechnung mit den Kassen") name the kind the text names by
# its own words ("Praxissoftware für Heilmittelerbringer", "a new HIS"), not the others.
_CLINICAL_SYSTEMS = ("medical-practice", "hospital-information", "care-software")
_CLINICAL_COMMON = (
    "patientenverwaltung",
    "patientenakte",
    "patient records",
    "patient management",
    "patient administration",
    "clinic",
    "abrechnung mit den",
    "leistungsnachweis",
    "therapieplanung",
    "telematikinfrastruktur",
)


def _one_kind_of_clinical_system(per_cap: dict[str, list[_Match]]) -> None:
    own = [c for c in _CLINICAL_SYSTEMS if any(not _clinical_common(m) for m in per_cap.get(c, ()))]
    if not own:
        return
    for cap in _CLINICAL_SYSTEMS:
        if cap in per_cap and cap not in own:
            del per_cap[cap]


def _clinical_common(m: _Match) -> bool:
    return fold(m.evidence).startswith(_CLINICAL_COMMON)


# The head of a compound that names a link: "DATEV-Anbindung", "DATEV-Export", "SAP-Schnittstelle".
_LINK_HEADS = ("anbindung", "schnittstelle", "export", "import", "integration", "connector", "interface")


def _names_what_a_link_goes_to(m: _Match, tokens: list[Token]) -> bool:
    """Whether the match is the first part of a compound whose head is a link ("eine Kasse mit DATEV-Export"):
    where that part also names a standard, the system linked to is the writer's (or its adviser's) and the
    link is what is asked; "beA-Anbindung" of a lawyer's software is a part of the software."""
    if m.kind != "cap" or len(m.cover) != 1:
        return False
    ((t, lo, hi),) = m.cover
    surface = tokens[t].surface
    parts = re.split(r"[-–]", surface)
    return len(parts) > 1 and lo == 0 and hi < len(fold(surface)) and fold(parts[-1]).startswith(_LINK_HEADS)


# Words that follow an adjective's noun, never stand between them: an "already there" adjective reaches no
# further ("Die Stammdaten aus unserer bisherigen Heimverwaltung sollen übernommen werden").
_AFTER_THE_NOUN = frozenset(
    ["zu", "sollen", "soll", "sollte", "werden", "wird", "sind", "ist", "muessen", "muss"]
)
# Words of a link beside a system named by its standard: "Schnittstelle zu DATEV", "a DATEV connection",
# "exports to DATEV", "der Daten an DATEV übergibt".
_LINK_NOUNS = frozenset([*_LINK_HEADS, "connection"])
_LINK_VERBS = frozenset(
    [
        "uebergibt",
        "uebergeben",
        "exportiert",
        "exportieren",
        "uebertraegt",
        "uebertragen",
        "sendet",
        "exports",
        "sends",
        "syncs",
        "transfers",
    ]
)
_TO = frozenset(["zu", "zum", "an", "nach", "in", "to", "into", "with"])
_LINK_CONTRACTIONS = frozenset(["zum", "zur", "ins", "vom"])
_LINK_DETERMINERS = frozenset(["der", "die", "das", "dem", "den", "the", *_POSSESSIVES])


_SYNC_HEADS = (*_LINK_HEADS, "abgleich", "sync", "synchronisation")


def _names_a_link_to_it(m: _Match, words: list[str]) -> bool:
    """Whether a match stands where a link goes to or data comes from ("zur WaWi", "an die Warenwirtschaft",
    "aus unserem ERP", "into the ERP") or names the link to a system named after it ("Bestandsabgleich zur
    Warenwirtschaft")."""
    start, end = m.start, max(t for t, _, _ in m.cover)
    after = words[end + 1] if end + 1 < len(words) else ""
    if words[end].endswith(_SYNC_HEADS) and (after in _LINK_CONTRACTIONS or after in _LINK_PREPOSITIONS):
        return True
    before = words[start - 1] if start else ""
    if (
        before in _LINK_CONTRACTIONS
        or before == "unseres"
        or (before == "our" and words[start - 2 : start - 1] == ["of"])
    ):
        return True  # ... or names it as the writer's in a genitive ("das Buchungsfenster unseres PMS")
    return before in _LINK_DETERMINERS and start > 1 and words[start - 2] in _LINK_PREPOSITIONS


# Kept apart: "getrennt von der Kasse", "separate from the POS", "vom Büronetz und der Kasse getrennt".
_APART = frozenset(
    ["getrennt", "abgetrennt", "separat", "separate", "separated", "isoliert", "isolated", "abgeschottet",
     "trennung", "abtrennung", "separation", "segmentierung", "segmentation"]
)  # fmt: skip
_APART_FROM = frozenset(["von", "vom", "from"])
_APART_REACH = 4
_APART_ITEM_WORDS = 2


def _kept_apart_from(m: _Match, words: list[str], clause_of: list[int]) -> bool:
    """Whether the match names what something is kept apart from: a preposition of separation a few words
    before it (over articles, "und" and other nouns of the list) and a word of separation just before that
    preposition or a few words after the match, in its clause."""
    start, end = m.start, max(t for t, _, _ in m.cover)
    clause = clause_of[start]

    def an_item(k: int) -> bool:
        """The clause ending at k is an item of a list: at most _APART_ITEM_WORDS words, or its last ones
        after the preposition that opens the list ("... Trennung von Gästenetz, ...")."""
        for j in range(k, max(-1, k - _APART_ITEM_WORDS - 1), -1):
            if clause_of[j] != clause_of[k]:
                return True
            if words[j] in _APART_FROM:
                return j < k
        return k < _APART_ITEM_WORDS

    for k in range(start - 1, max(-1, start - 1 - _APART_REACH), -1):
        if clause_of[k] != clause:
            # over an item of a comma list ("Trennung von Gästenetz, Verwaltung und Kassen"), not into the
            # clause before a ", und ..." ("ein WLAN, getrennt vom Büro, und neue Kassen")
            if not an_item(k) or words[k + 1] in _LIST_JOINS:
                return False
            clause = clause_of[k]
        if words[k] in _APART_FROM:
            if k and words[k - 1] in _APART:
                return True
            after = range(end + 1, min(len(words), end + 1 + _APART_REACH))
            return any(clause_of[j] == clause and words[j] in _APART for j in after)
    return False


def _a_link_goes_to(m: _Match, words: list[str], clause_of: list[int]) -> bool:
    """Whether the words around a system named by its standard say a link goes to it: the system is the
    writer's (or its adviser's), the link is what is asked."""
    start, end = m.start, max(t for t, _, _ in m.cover)

    def word(k: int) -> str:
        return words[k] if 0 <= k < len(words) and clause_of[k] == clause_of[start] else ""

    if word(end + 1) in _LINK_NOUNS:
        return True  # "a DATEV connection"
    return word(start - 1) in _TO and (
        word(start - 2) in _LINK_NOUNS | _LINK_VERBS or word(end + 1) in _LINK_VERBS
    )


class _Part(NamedTuple):
    """How a capability is part of another one asked for beside it."""

    others: tuple[str, ...]  # the capabilities it is part of
    plain: tuple[str, ...]  # beginnings of the plain words that name it as such a part
    tails: tuple[str, ...] = ()  # compound heads that do ("Kopierinfrastruktur")
    before: tuple[str, ...] = ()  # whole words that do right before one of the others ("AI chatbot")


# A capability said only in a plain word that is part of another one asked for beside it:
# - a trade's software writes the trade's invoices ("Angebote und Rechnungen" of a craft business);
# - a signature given on site is part of the service call or the delivery ("Foto + Unterschrift bei
#   Zustellung", the customer signs the work report), no e-signature product;
# - an energy management system shows its consumption, a SOC reports its incidents: "Dashboard" or
#   "Reporting" beside them is theirs, not a BI project.
_PART_OF_ANOTHER = {
    "accounting": _Part(
        ("craft-software", "workshop-software", "logistics-tms"), ("rechnung", "invoic", "faktur")
    ),
    "e-signature": _Part(
        ("field-service", "logistics-tms", "fleet-management"),
        ("unterschrift", "unterschreib", "signatur", "sign", "kundenunterschrift"),
    ),
    "bi": _Part(
        ("energy-management", "siem-soc", "customer-portal", "iiot-platform"),
        ("dashboard", "reporting", "report", "auswertung", "bericht"),
    ),
    # "Migration von 300 Arbeitsplätzen auf Windows 11" moves the workplaces, not data
    "data-migration": _Part(("device-management",), ("migration", "umstell")),
    # a trade's everyday words ("Aufmaß", "Aufträge", "Rechnung") beside the software of a trade's own kind
    # (construction, a campsite's booking) are that software's work, no craft software
    "craft-software": _Part(
        ("construction-ava", "hotel-software", "restaurant-software", "workshop-software"),
        ("rechnung", "auftra", "aufmass", "angebot", "kalkulation"),
    ),
    # the machines an MES or an IIoT platform connects ("connect our 14 CNC machining centres") are its
    # data sources, no CAM software
    "cam-cnc": _Part(("mes", "iiot-platform"), ("cnc",)),
    # the mails a marketing automation triggers ("Trigger-Mails nach Whitepaper-Downloads") are its own
    "newsletter": _Part(("marketing-automation",), ("trigger", "drip")),
    # the menu a website shows ("eine schlichte Website mit Speisekarte, Öffnungszeiten und Anfahrt") is its
    # content, no restaurant software
    "restaurant-software": _Part(("website-cms",), ("speisekart", "getraenkekart", "menu")),
    # a restaurant's stock control ("eine Gastro-Warenwirtschaft mit Rezepturen") is restaurant software
    "erp": _Part(("restaurant-software",), ("gastro",)),
    # the direct debits of a club's fees are collected by its membership software
    "banking": _Part(("membership-management",), ("sepa", "lastschrift", "direct debit", "beitragseinzug")),
    # the maintenance a trade's field service does for its customers ("900 Wartungsverträge für Gaskessel,
    # fällige Wartungen sollen zur Planung vorgeschlagen werden") is planned there, not in a CMMS
    "maintenance": _Part(
        ("field-service",), ("wartungsvertr", "wartungen", "wartungstermin", "wartungsauftr", "wartungsgesch")
    ),
    # a fleet's tachographs and driver cards are read out remotely by its telematics
    "iiot-platform": _Part(("fleet-management", "energy-management"), ("fernausles",)),
    # the cabling of a meeting room's or a camera system's installation is part of it
    "network": _Part(
        ("video-conferencing", "video-surveillance", "access-control"), ("verkabelung", "cabling")
    ),
    # ... and so is a meeting room's camera ("video conferencing systems (camera, microphone arrays, ...)")
    "video-surveillance": _Part(("video-conferencing",), ("camera", "kamera", "ptzkamera")),
    # a till system's central article upkeep ("Kassensystem mit zentraler Artikelpflege") is the till's
    "pim": _Part(("pos",), ("artikelpflege", "artikelverwaltung", "artikelstamm")),
    # an IT service desk's self-service portal and knowledge base are parts of it
    "customer-portal": _Part(("ticketing",), ("selfservice", "self-service", "self service", "portal")),
    # ... as is the inventory of an IT asset management ("discovery and inventory of clients, servers")
    "wms": _Part(("it-asset-management",), ("inventory",)),
    "intranet": _Part(("ticketing",), ("wissensdatenbank", "knowledge base")),
    # an event's tickets are sold by its software, not a help desk's ("Ticketkategorien")
    "ticketing": _Part(("event-management",), ("ticket",)),
    # ... and its registrations taken there ("eine Seminarverwaltung mit Online-Anmeldung"), as a club's
    # joining form is by its membership software ("Vereinssoftware mit Online-Beitrittsformular")
    "online-forms": _Part(
        ("event-management", "membership-management"),
        ("anmeld", "onlineanmeld", "registr", "onlineregistr", "beitritt", "onlinebeitritt", "mitgliedsantr"),
    ),
    "e-government": _Part(("event-management",), ("anmeld", "onlineanmeld")),
    # printers and plotters under a page-price contract ("Plotter + Multifunktionsgeräte mit Seitenpreis")
    # are the managed print's devices
    "hardware-supply": _Part(("managed-print",), ("plotter", "drucker", "printer", "multifunktion")),
    # an AI chatbot is a chatbot ("KI-Chatbot", "KI-Telefonassistent", "an AI chat assistant"), as three
    # outside writers read it; AI is asked for where it does something else ("KI-gestützte Prognosen")
    "ai-ml": _Part(
        ("chatbot",),
        ("kichat", "kitelefon", "kiassist", "kibot", "aichat", "aiassist", "aibot"),
        before=(
            "ai",
            "ki",
            "kigestuetzte",
            "kigestuetzten",
            "kigestuetzter",
            "kibasierte",
            "kibasierten",
            "kibasierter",
            "aipowered",
        ),
    ),
    # the calendar of a practice's, a law firm's or a project's software ("Praxissoftware inkl.
    # Terminkalender", "Fristen- und Terminkalender") keeps its dates; nobody books them online
    # ... and the appointment requests an AI phone assistant takes ("ein KI-Telefonassistent, der
    # Terminwünsche annimmt") are taken by it
    # ... as are the dates planned by field service, an event's or a project's software ("wer wann welche
    # Termine hat", "Termine mit Bauherren"): theirs, no booking for customers
    "appointment-booking": (
        _Part(
            ("medical-practice", "legal-software", "project-management", "care-software", "chatbot"),
            ("terminkalender", "terminwuensch"),
        ),
        _Part(("field-service", "event-management", "project-management"), ("termine", "terminplan")),
    ),
    # the app of a product bought ("an app where consultants log their hours", "an app for the techs", "eine
    # App zum Ein- und Ausstempeln", "Ratsinformationssystem mit Mandatsträger-App", "App-Verteilung" of a
    # device management) comes with it; no app to develop
    "mobile-app": _Part(
        (
            "time-tracking",
            "expense-management",
            "e-government",
            "device-management",
            "intranet",
            "field-service",
        ),
        ("app", "smartphone app", "smartphone-app"),
        tails=("-app", " app"),
    ),
    # the operation and support of a service bought as one ("Betrieb des SOC", "2nd-Level-Support für das
    # E-Learning-Team", "Kopierinfrastruktur mit Vor-Ort-Service") are part of it, not a second IT contract
    "managed-services": _Part(
        ("siem-soc", "managed-print", "e-learning"),
        ("betrieb", "operation", "2ndlevel", "secondlevel", "vorort", "onsite", "infrastru", "72"),
        tails=("infrastruktur", "infrastructure"),
    ),
}


def _next_to(m: _Match, others: list[_Match]) -> bool:
    """Whether ``m`` stands right before one of ``others`` ("AI chatbot", "AI chat assistant")."""
    end = max(t for t, _, _ in m.cover)
    return any(min(t for t, _, _ in o.cover) in (end + 1, end + 2) for o in others)


def _parts_of_another(per_cap: dict[str, list[_Match]]) -> None:
    """Drops a capability named only by words (see _Part) that make it a part of another one asked for."""
    for cap, parts in _PART_OF_ANOTHER.items():
        for part in (parts,) if isinstance(parts, _Part) else parts:
            if cap not in per_cap or not any(other in per_cap for other in part.others):
                continue
            hosts = [o for other in part.others for o in per_cap.get(other, ())]
            if all(
                fold(m.evidence).startswith(part.plain)
                or fold(m.evidence).endswith(part.tails)
                or m.evidence.lower().replace("–", "-").endswith(part.tails)  # folding drops the hyphen
                or (fold(m.evidence) in part.before and _next_to(m, hosts))
                for m in per_cap[cap]
            ):
                del per_cap[cap]


# Where an assistant answers ("ein KI-Chatbot für Website und Instagram", "an AI assistant on WhatsApp and
# our website") are its channels, not a website or social media to build.
_CHANNEL_CAPABILITIES = ("website-cms", "social-media")
_ON_A_CHANNEL = frozenset(["auf", "on", "fuer", "for", "in", "ueber", "via"])


_TESTED = frozenset(["der", "des", "of", "von", "aller", "all"])
_LIST_GOES_ON = frozenset(["sowie", "und", "and", "oder", "or"])  # ", sowie interne Netzsegmente"


# What an ERP ("Warenwirtschaft") asked for does, in the plain words of its features ("ein ERP-System, das
# Angebote, Aufträge, Einkauf und Lager abbildet", "eine Warenwirtschaft mit Rezepturen und Inventur")
_ERP_MODULES = {
    "wms": frozenset(["lager", "inventur", "lagerbestand", "lagerbestaende", "stock"]),
    "procurement": frozenset(["einkauf", "bestellwesen", "purchasing"]),
    "restaurant-software": frozenset(["rezepturen", "rezeptur", "recipes"]),
}


def _modules_of_an_erp(per_cap: dict[str, list[_Match]], sentence_of: list[int]) -> None:
    """Drops a capability named only by such a word after the ERP in its sentence ("Lager mit 3 Standorten,
    brauchen Bestandsführung" names the warehouse first: a warehouse system)."""
    erps = per_cap.get("erp", ())
    for cap, plain in _ERP_MODULES.items():
        if cap in per_cap and all(
            fold(m.evidence) in plain
            and any(e.start < m.start and sentence_of[e.start] == sentence_of[m.start] for e in erps)
            for m in per_cap[cap]
        ):
            del per_cap[cap]


# Travel portals a hotel or holiday flat sells rooms through: channels of its software, no marketplace to join
_TRAVEL_PORTALS = frozenset(
    ["booking com", "booking.com", "bookingcom", "expedia", "airbnb", "hrs", "fewo-direkt"]
)


def _channels_of_a_hotel(per_role: dict[str, dict[str, list[_Match]]]) -> None:
    """ "Hotelsoftware mit Channel-Manager (Booking.com, Expedia)": the portals are where the hotel's software
    sends its rooms, not a marketplace asked for."""
    portals = per_role["need"].get("marketplace", ())
    if (
        portals
        and all(fold(m.evidence) in _TRAVEL_PORTALS for m in portals)
        and any("hotel-software" in per_role[role] for role in ("need", "existing"))
    ):
        del per_role["need"]["marketplace"]


def _targets_of_a_test(
    per_cap: dict[str, list[_Match]],
    words: list[str],
    clause_of: list[int],
    sentence_of: list[int],
    bracketed: set[int],
) -> None:
    """ "Penetrationstest der aus dem Internet erreichbaren Dienste (Bürgerportal, VPN-Gateway, Mail-Relay)",
    "security tests of web applications and citizen portals", "Security monitoring of the OT network": what a
    penetration test or a security monitoring is done to, after it in its clause and in the clauses right
    after that only name things, is no need ("a penetration test of our network, better protection against
    phishing" asks for the protection). So is what a further test of a penetration test names ("externer Test
    aller Dienste – Bürgerportal, Citrix-Gateway für Telearbeit, Mail-Gateway"), and the objects go on in
    brackets and after "einschließlich" ("der IT-Infrastruktur (420 Clients) einschließlich der
    Webanwendungen")."""
    covered = {t for ms in per_cap.values() for m in ms for t, _, _ in m.cover}
    tested = {max(t for t, _, _ in m.cover) for cap in _DONE_TO_OBJECTS for m in per_cap.get(cap, ())}
    if "penetration-testing" in per_cap:
        tested |= {k for k, w in enumerate(words) if w in _FURTHER_TESTS}
    targets: set[int] = set()
    for end in tested:
        if end + 1 >= len(words) or words[end + 1] not in _TESTED:
            continue
        clause = clause_of[end]
        k = end + 1
        while (
            k < len(words)
            and sentence_of[k] == sentence_of[end]
            and (
                clause_of[k] == clause
                or all(t in covered for t in _clause_at(k, clause_of))
                or words[k] in _LIST_GOES_ON
                or words[k] in _INCLUDING
                or words[k : k + 3] == ["as", "well", "as"]
                or clause_of[k] in bracketed
                or (
                    len(_clause_at(k, clause_of)) <= _LIST_ITEM_WORDS
                    and k in covered
                    and words[k] not in _ASKING
                )
            )
        ):
            clause = clause_of[k]
            targets.add(k)
            k += 1
    if not targets:
        return
    for cap in [c for c in per_cap if c not in _DONE_TO_OBJECTS]:
        if all(m.start in targets for m in per_cap[cap]):
            del per_cap[cap]


_DONE_TO_OBJECTS = frozenset(["penetration-testing", "siem-soc"])
_FURTHER_TESTS = frozenset(["test", "tests", "pruefung", "audit", "scan"])
_INCLUDING = frozenset(["einschliesslich", "inkl", "inklusive", "including", "incl"])


def _clause_at(k: int, clause_of: list[int]) -> range:
    """The tokens of the clause that starts at token k."""
    end = k
    while end < len(clause_of) and clause_of[end] == clause_of[k]:
        end += 1
    return range(k, end)


def _channels_of_an_assistant(
    per_cap: dict[str, list[_Match]], words: list[str], sentence_of: list[int]
) -> None:
    assistant = {sentence_of[m.start] for m in per_cap.get("chatbot", ())}
    if not assistant:
        return
    for cap in _CHANNEL_CAPABILITIES:
        kept = [
            m
            for m in per_cap.get(cap, ())
            if sentence_of[m.start] not in assistant
            or not any(
                words[k] in _ON_A_CHANNEL and sentence_of[k] == sentence_of[m.start]
                for k in range(max(0, m.start - 4), m.start)
            )
        ]
        if kept:
            per_cap[cap] = kept
        elif cap in per_cap:
            del per_cap[cap]


# Receipts passed on ("Mandanten sollen Belege hochladen", "übergibt die Belege an den Steuerberater") are
# a portal's or an interface's load, not a capture of paper: "Belege" alone is OCR only when not sent on.
_PASSED_ON = (
    "hochlad",
    "hochgelad",
    "uebergib",
    "uebergeb",
    "schick",
    "geschickt",
    "send",
    "gesendet",
    "upload",
    "weiterleit",
    "weitergeleit",
)
_RECEIPTS = frozenset(["belege", "beleg", "belegen"])
_PASSED_ON_REACH = 6


def _receipts_passed_on(per_cap: dict[str, list[_Match]], words: list[str], clause_of: list[int]) -> None:
    receipts = per_cap.get("ocr-capture", ())
    sent = [m for m in receipts if fold(m.evidence) in _RECEIPTS and _sent_on(m.start, words, clause_of)]
    if receipts and len(sent) == len(receipts):
        del per_cap["ocr-capture"]


def _sent_on(i: int, words: list[str], clause_of: list[int]) -> bool:
    """A verb of sending near word i, in its clause: after it ("Belege und Dokumente hochladen"), or before it
    with no "und" between ("die Buchhaltung übergeben und Belege nicht mehr sammeln" sends the books)."""
    for k in range(max(0, i - _PASSED_ON_REACH), min(len(words), i + _PASSED_ON_REACH + 1)):
        sends = words[k].startswith(_PASSED_ON) and clause_of[k] == clause_of[i]
        if sends and (k > i or not any(w in ("und", "and", "oder", "or") for w in words[k + 1 : i])):
            return True
    return False


_PRICE_ITEMS = ("costs", "cost", "fees", "kosten", "gebuehren", "preise", "prices")
_SETUP_STEPS = ("installation", "einrichtung", "konfiguration", "implementierung", "inbetriebnahme", "setup")
_SETUP_REACH = 3  # "Lizenzen, Einrichtung", "Lizenzierung, Installation"


_MANDATORY = frozenset(["mandatory", "compulsory", "required", "verpflichtende", "verpflichtenden"])
_COURSES = frozenset(["course", "courses", "kurse", "kursen"])  # what a learning platform holds
_EVENT_PROGRAMME = frozenset(
    ["workshops", "workshop", "trainings", "seminare", "seminar", "kurse", "vortraege"]
)


def _trainings_held_or_learned(per_cap: dict[str, list[_Match]], words: list[str]) -> None:
    """Trainings that are what an e-learning platform teaches ("mandatory training such as hygiene",
    "Pflichtschulungen") or what events offer ("40 Workshops", "unsere Trainings finden in Präsenz statt")
    are the content of the system asked for, no training bought beside it: evidence of that system."""
    trainings = per_cap.get("training", ())
    if not trainings:
        return
    learned = "e-learning" in per_cap and all(
        fold(m.evidence).startswith("pflicht")
        or fold(m.evidence) in _COURSES
        or _MANDATORY & set(words[max(0, m.start - 2) : m.start])
        for m in trainings
    )
    held = "event-management" in per_cap and all(
        fold(m.evidence).startswith(tuple(_EVENT_PROGRAMME)) for m in trainings
    )
    if learned or held:
        # the words stay evidence of the system they describe, so a longer text's focus stays on it
        host = "e-learning" if learned else "event-management"
        per_cap[host].extend(
            _Match(host, "cap", m.weight, m.cover, m.evidence) for m in per_cap.pop("training")
        )


_KEEPS_BUDGETS = ("project-management", "time-tracking", "customer-portal", "procurement")
# Software of a trade that plans its own appointments: "Praxissoftware mit Kassenabrechnung und
# Terminplanung", "Software für meine Kehrbezirke mit Terminplanung", "eine Software, die die Termine plant
# und die Teams einteilt", "Plantafel, wo man sieht, was Verschiebungen für die Termine bedeuten".
_PLANS_ITS_APPOINTMENTS = ("medical-practice", "field-service", "craft-software", "production-planning")
# ... unless customers book them: words of the one who books, or of booking
_BOOKING_WORDS = ("kunde", "kundin", "patient", "gaest", "gast", "client", "customer", "guest", "online",
                  "buch", "book", "selbst", "aussuch", "vergabe", "vereinbar", "ausmach")  # fmt: skip


def _appointments_of_a_trade_software(
    per_cap: dict[str, list[_Match]], words: list[str], sentence_of: list[int]
) -> None:
    """Appointments said of a trade's software are its own planning, no booking system beside it, where
    no one books them in the sentences that say so."""
    booking = per_cap.get("appointment-booking", ())
    if not booking or not any(c in per_cap for c in _PLANS_ITS_APPOINTMENTS):
        return
    said_in = {sentence_of[m.start] for m in booking}
    if all(fold(m.evidence).startswith("termin") for m in booking) and not any(
        any(b in w for b in _BOOKING_WORDS)  # within a word too: "das Terminvereinbaren"
        for w, c in zip(words, sentence_of, strict=True)
        if c in said_in
    ):
        del per_cap["appointment-booking"]


def _licences_of_a_product(
    per_cap: dict[str, list[_Match]], words: list[str], sentence_of: list[int]
) -> None:
    """ "DMS-Lizenzen für 600 Beschäftigte": the licences of a product asked for are part of it, as after
    "inklusive" (see _framed); so are licences counted in the sentence that asks for the product ("eine
    Spracherkennung ..., ca. 150 Lizenzen"), where nothing is supplied."""
    licences = per_cap.get("software-licensing", ())
    products = {m.evidence for cap, ms in per_cap.items() if cap != "software-licensing" for m in ms}
    asked_in = {
        sentence_of[m.start] for cap, ms in per_cap.items() if cap != "software-licensing" for m in ms
    }
    supplied_in = {sentence_of[k] for k, w in enumerate(words) if w.startswith(_SUPPLY_STEMS)}

    def counted_seats(m: _Match) -> bool:
        return (
            m.start > 0
            and words[m.start - 1].replace(".", "").isdigit()
            and sentence_of[m.start] in asked_in - supplied_in
        )

    starts = {m.start for cap, ms in per_cap.items() if cap != "software-licensing" for m in ms}

    def for_a_product(m: _Match) -> bool:
        # "Lizenzen für eine serverbasierte Spracherkennung": a product bought (not "Lizenzen für Microsoft
        # 365", a licence contract's products, nor "Lieferung von Softwarelizenzen für ein CAD-System")
        k = max(t for t, _, _ in m.cover) + 1
        return (
            not any(w.startswith(_SUPPLY_STEMS) for w in words[max(0, m.start - 2) : m.start])
            and words[k : k + 1] in (["fuer"], ["for"])
            and words[k + 1 : k + 2] in [[a] for a in _INDEFINITE_ARTICLES]
            and any(j in starts for j in range(k + 2, k + 5))
        )

    def with_its_setup(m: _Match) -> bool:
        # "Lizenzierung, Installation und Konfiguration einer Lernplattform", "Leistungsumfang: Lizenzen,
        # Einrichtung, Übernahme der Stammdaten", "a proposal with licence costs": the licences come with the
        # product asked for, as its setup or its price does
        k = max(t for t, _, _ in m.cover) + 1
        return bool(starts) and (
            words[k : k + 1] in [[c] for c in _PRICE_ITEMS]
            or (
                not any(w.startswith(_SUPPLY_STEMS) for w in words[max(0, m.start - 2) : m.start])
                and any(
                    w.startswith(_SETUP_STEPS)
                    for j, w in enumerate(words[k : k + _SETUP_REACH], start=k)
                    if sentence_of[j] == sentence_of[m.start]
                )
            )
        )

    named = [m for m in licences if not _is_cpv(m)]  # a code beside the words only confirms them
    if named and all(
        (m.evidence in products and "-" in m.evidence)
        or counted_seats(m)
        or for_a_product(m)
        or with_its_setup(m)
        for m in named
    ):
        del per_cap["software-licensing"]


# Words that open the list of what a licence contract covers: "Lizenzen (u. a. Microsoft, Adobe,
# Virenschutz)", "Lizenzen, insbesondere Microsoft 365 ... sowie Virenschutz".
_LIST_OPENERS = frozenset(
    ["insbesondere", "beispielsweise", "namentlich", "including", "namely", "especially"]
)
_LIST_OPENER_PAIRS = frozenset([("u", "a"), ("z", "b"), ("such", "as"), ("e", "g")])


def _licensed_products(per_cap: dict[str, list[_Match]], words: list[str], sentence_of: list[int]) -> None:
    """A licence contract's list of products ("Rahmenvertrag über Lizenzen, insbesondere Microsoft 365,
    Adobe Acrobat sowie Virenschutz") names what the licences are for, not security or office software to
    introduce: the products listed after the licences and an opener of the list, in their sentence, whatever
    CPV codes name them too."""
    licences = [m for m in per_cap.get("software-licensing", ()) if not _is_cpv(m)]
    if not licences:
        return
    opened: dict[int, int] = {}  # sentence -> the token a list of licensed products opens at
    for m in licences:
        sentence = sentence_of[m.start]
        for k in range(m.start + 1, len(words)):
            if sentence_of[k] != sentence:
                break
            if words[k] in _LIST_OPENERS or (words[k - 1], words[k]) in _LIST_OPENER_PAIRS:
                opened[sentence] = min(opened.get(sentence, k), k)
                break
    for cap in [c for c in per_cap if c != "software-licensing"]:
        # a product's own CPV code beside the list ("48760000-3 Virenschutzsoftwarepaket") names it again
        named = [m for m in per_cap[cap] if not _is_cpv(m)]
        if named and all(
            sentence_of[m.start] in opened and m.start > opened[sentence_of[m.start]] for m in named
        ):
            del per_cap[cap]


# Words that count for a capability only beside others: "für 620 Arbeitsplätze" counts seats, "storage
# devices" are storage; with "Softwareverteilung" or "laptops" they are devices to manage.
_WEAK_ALONE = {
    "device-management": frozenset(
        # one laptop is the writer's own ("die nur auf seinem Laptop lief", "works on my laptop and phone")
        [
            "arbeitsplaetze",
            "arbeitsplaetzen",
            "arbeitsplatz",
            "arbeitsplatzsysteme",
            "devices",
            "device",
            "laptop",
        ]
    ),
    # a service's reports ("monthly reporting" of a SOC, "Prüfbericht" of an audit) are what it delivers
    "bi": frozenset(
        ["reports", "report", "monthly reporting", "pruefbericht", "pruefberichts", "pruefberichte"]
    ),
    # an office's specialist procedures are the systems a tender links to or works on, not one it buys
    # ... and signing in or up is done in many systems ("Die Anmeldung der Lehrkräfte erfolgt über die
    # Lernplattform")
    "e-government": frozenset(["fachverfahren", "fachverfahrens", "anmeldung", "anmeldungen"]),
    # a database is what many systems keep their data in ("the old helpdesk database", "two Oracle
    # databases" to migrate), rarely a data platform to build
    "data-platform": frozenset(["database", "databases", "datenbank", "datenbanken"]),
    # a phone number or a list of them is contact data ("hat jetzt noch alle Fotos und Telefonnummern",
    # "Hygienepläne, Telefonlisten ... per Aushang"), no phone system; a line's numbers are "Rufnummern"
    "telephony": frozenset(["telefonnummer", "telefonnummern", "telefonliste", "telefonlisten"]),
    # hours that are no one's working time ("am Handy stundenlang rumtippen", a machine's "Betriebsstunden",
    # the "Regelarbeitszeit" of a rule), a stamp on a paper, a log, a change to a roster that is planned
    # elsewhere ("Dienstplanänderungen laufen über WhatsApp")
    "time-tracking": frozenset(
        [
            *("stundenlang", "betriebsstunden", "regelarbeitszeit", "gestempelt", "log"),
            *("dienstplanaenderung", "dienstplanaenderungen"),
        ]
    ),
}

# The words of the online-access law that name what its online forms do ("Umsetzung von 20 OZG-Leistungen
# als Online-Antragsstrecken"): where the office's own procedures are there, the forms are what is bought.
_FORMS_PROGRAMME = (
    "ozg",
    "onlinezugangsgesetz",
    "verwaltungsleistung",
    "antrag",
    "buergerportal",
    "anmeldung",
)


def _forms_for_the_procedures_there(per_role: dict[str, dict[str, list[_Match]]]) -> None:
    """E-government named by the online-access law's words beside online forms, where the office's own
    procedures are said to be there ("Übergabe an die bestehenden Fachverfahren"), is the domain of the
    forms asked for, not a second system to buy."""
    need = per_role["need"]
    if "online-forms" in need and "e-government" in per_role["existing"] and "e-government" in need:
        words = [fold(m.evidence).split("-") for m in need["e-government"]]
        if all(any(part.startswith(_FORMS_PROGRAMME) for part in parts) for parts in words):
            del need["e-government"]


def _names_the_business(m: _Match) -> bool:
    """Whether the match is a word for the writer's business ("Spedition", "Versandlager")."""
    return fold(m.evidence.replace("–", "-").rsplit("-", 1)[-1]).endswith(_BUSINESS_HEADS) and not (
        # "IT-Dienstleister" is the one sought
        m.evidence.lower().startswith(("it-", "edv-", "it ", "edv ", "itdienst", "edvdienst"))
    )


def _drop_business_words(per_cap: dict[str, list[_Match]], clause_of: list[int]) -> None:
    """Capabilities named only by a word for the writer's business are context when others are named; so are
    a few plain words in a heading of a few words ("Carpentry shop, 5 people. Need ...")."""
    header = sum(1 for c in clause_of if c == 0)
    only_business = [
        cap
        for cap, ms in per_cap.items()
        if all(
            header <= 4
            and fold(m.evidence) in _HEADER_BUSINESS_WORDS
            and all(clause_of[t] == 0 for t, _, _ in m.cover)
            for m in ms
        )
        or all(_names_the_business(m) for m in ms)
    ]
    if len(only_business) < len(per_cap):
        for cap in only_business:
            del per_cap[cap]


def _self_described(
    words: list[str], sentence_of: list[int], clause_of: list[int], tokens: list[Token]
) -> set[int]:
    """Tokens that describe the writer's business: after "wir sind", "we run" ... to the sentence's end or a
    need verb; and a first sentence that is a profile ("Elektro Kowalczyk GmbH, 16 Mitarbeiter,
    Gebäudetechnik und Photovoltaik."): a head count and no word of need. Linear."""
    out: set[int] = _profile_heading(words, sentence_of) | _the_seeker(words, clause_of)
    i = 0
    while i + 1 < len(words):
        if (
            (words[i], words[i + 1]) in _SELF_DESCRIPTIONS
            and sentence_of[i + 1] == sentence_of[i]
            and words[i + 2 : i + 3] != ["after"]  # "we're after a booking system" asks
            and not _a_state_said(i + 2, tokens, clause_of)
        ):
            j = i + 2
            while (
                j < min(len(words), i + 2 + MAX_SCOPE)
                and sentence_of[j] == sentence_of[i]
                and words[j] not in _NEED_VERBS
            ):
                out.add(j)
                j += 1
            i = j
        else:
            i += 1
    return out


def _a_state_said(k: int, tokens: list[Token], clause_of: list[int]) -> bool:
    """ "da sind wir offen, Hauptsache ...", "wir sind zufrieden.": one lower-case word that ends the clause
    says how the writer stands, not what the business is ("Wir sind Steuerberater.")."""
    return (
        k < len(tokens)
        and (k + 1 == len(tokens) or clause_of[k + 1] != clause_of[k])
        and tokens[k].surface.isalpha()
        and tokens[k].surface.islower()
    )


_SEEKS = frozenset(["sucht", "braucht", "benoetigt", "seeks"])  # not "needs": "the system needs to ..."


def _the_seeker(words: list[str], clause_of: list[int]) -> set[int]:
    """ "Zahnarztpraxis (12 Arbeitsplätze) sucht IT-Betreuung": the firm that opens the text as the subject of
    its verb of need; not a clause that asked before it ("Wir brauchen eine Telefonanlage. Nicht benötigt
    werden ...")."""
    for k in range(min(len(words), _ASKER_REACH)):
        if words[k] in _SEEKS:
            return set(range(k))
        if words[k] in _ASKING:
            break
    return set()


def _profile_heading(words: list[str], sentence_of: list[int]) -> set[int]:
    first = [i for i, s in enumerate(sentence_of) if s == 0]
    if len(first) == len(words) or any(words[i] in _ASKING for i in first):
        return set()
    counted_staff = any(
        words[i].replace(".", "").isdigit() and words[i + 1].startswith(_STAFF) for i in first[:-1]
    )
    return set(first) if counted_staff else set()


def _for_customers(i: int, words: list[str], clause_of: list[int]) -> bool:
    """Whether the word at ``i`` stands in a "für ..."/"for ..." list of its clause (whom the business works
    for), a few words after the preposition."""
    for k in range(i - 1, max(-1, i - _CUSTOMER_REACH), -1):
        if clause_of[k] != clause_of[i]:
            return False
        if words[k] in _PLACE_PREPOSITIONS:
            return True
    return False


# "Verwaltungssoftware" alone names what administers the business the text is about
_ADMINISTRATION_WORDS = frozenset(
    ["verwaltungssoftware", "verwaltungsprogramm", "verwaltungssystem", "verwaltungsloesung"]
)
_GENERAL_ADMINISTRATION = ("erp", "e-government")


def _the_trade_s_administration(per_role: dict[str, dict[str, list[_Match]]], tax: Taxonomy) -> None:
    """ "Hausverwaltung ... Die Verwaltungssoftware (Domus) bleibt": where the text names one trade's
    software, its bare "Verwaltungssoftware" is that software, not an ERP or a public body's; so is its
    compound with the trade ("Immobilienverwaltungssoftware")."""
    trades = {
        cap
        for per_cap in per_role.values()
        for cap in per_cap
        if tax.capabilities[cap].parent == "industry-software" and cap not in _GENERAL_ADMINISTRATION
    }
    if len(trades) != 1:
        return
    (trade,) = trades
    for per_cap in per_role.values():
        for cap in _GENERAL_ADMINISTRATION:
            trade_tokens = {t for m in per_cap.get(trade, ()) for t, _, _ in m.cover}
            bare = [
                m
                for m in per_cap.get(cap, ())
                if fold(m.evidence) in _ADMINISTRATION_WORDS
                or (m.start in trade_tokens and fold(m.evidence).endswith(tuple(_ADMINISTRATION_WORDS)))
            ]
            if not bare:
                continue
            per_cap[cap] = [m for m in per_cap[cap] if m not in bare]
            if not per_cap[cap]:
                del per_cap[cap]
            moved = per_cap.setdefault(trade, [])
            # "Immobilienverwaltungssoftware": the trade's software by its head word's weight
            moved[:] = [n for n in moved if n.start not in {m.start for m in bare}]
            moved.extend(_Match(trade, "cap", m.weight, m.cover, m.evidence) for m in bare)


def _drop_self_description(
    per_cap: dict[str, list[_Match]],
    described: set[int],
    words: list[str],
    clause_of: list[int],
    taxonomy: Taxonomy,
) -> None:
    """Capabilities named only where the writer describes the business are context when the text asks for
    other things (the "Kühllager" of a cold store, the "shops" of a café chain); the software of the trade,
    named there or in a heading of up to four words ("Zahnarztpraxis, we need ..."), only when nothing asked
    for is one of the trade's processes."""
    header = [i for i, c in enumerate(clause_of) if c == 0]
    # a heading names the trade; "Wir suchen eine Handwerkersoftware." asks
    heading = (
        len(header) <= 4 and len(header) < len(clause_of) and not any(words[i] in _ASKING for i in header)
    )
    trade_context = described | set(header if heading else ())
    if not trade_context:
        return
    only_described = {
        cap
        for cap, ms in per_cap.items()
        if all(
            m.start
            in (trade_context if taxonomy.capabilities[cap].parent == "industry-software" else described)
            for m in ms
        )
    }
    for cap in list(only_described):
        if all(_for_customers(m.start, words, clause_of) for m in per_cap[cap]):
            # "Einbaumöbel für Privatkunden und Arztpraxen": the trade of the customers, not the writer's
            del per_cap[cap]
            only_described.discard(cap)
    asked = [cap for cap in per_cap if cap not in only_described]
    if not asked:
        return
    processes = any(
        taxonomy.capabilities[cap].parent in _PROCESS_GROUPS and cap not in _BESIDE_THE_TRADE for cap in asked
    )
    for cap in only_described:
        if taxonomy.capabilities[cap].parent != "industry-software" or not processes:
            del per_cap[cap]


def _is_cpv(m: _Match) -> bool:
    return _CPV_CODE_RE.fullmatch(m.evidence) is not None


def _cpv_codes(tokens: list[Token]) -> list[int]:
    """Where a notice names CPV codes ("CPV 48814000-7", "CPV-Codes: 48820000-2, 30233000-1"): a code with
    its check digit, or eight digits within a few words after "CPV" or after another code of the list (another
    eight-digit number, a phone number say, is no code)."""
    codes: list[int] = []
    last_cpv = -100
    for i, tok in enumerate(tokens):
        surface = tok.surface
        if surface[:3].lower() == "cpv":
            last_cpv = i
        elif (
            surface[:1].isdigit()
            and len(surface) in (8, 10)
            and _CPV_CODE_RE.fullmatch(surface)
            and ("-" in surface or i - last_cpv <= 6)
        ):
            codes.append(i)
            last_cpv = i
    return codes


def _cpv_labels(tokens: list[Token], clause_of: list[int], sentence_of: list[int]) -> set[int]:
    """The words that name a CPV code after it ("72000000-5 IT-Dienste", "72000000 (IT services)"): the
    code says what they say, and a broad class's name ("IT services") must not name a capability of its own.
    The label is the rest of the code's clause or, where the code ends its clause, the next clause of the
    sentence (a label in brackets)."""
    labels: set[int] = set()
    if tokens and tokens[0].surface.lower().startswith(_TED_COUNTRIES):
        # a TED notice's title line, "Germany-Lindenau: IT services: consulting, software development", is
        # the name of its main CPV code
        labels.update(j for j in range(len(tokens)) if sentence_of[j] == sentence_of[0])
    for i in _cpv_codes(tokens):
        j = i + 1
        if j < len(tokens) and clause_of[j] != clause_of[i] and sentence_of[j] == sentence_of[i]:
            clause = clause_of[j]
        else:
            clause = clause_of[i]
        # "Main CPV code: 72000000 IT services: consulting, software development, ...": a TED line names
        # the code to its end
        whole_line = i and fold(tokens[i - 1].surface) == "code"
        while (
            j < len(tokens)
            and (clause_of[j] == clause or (whole_line and sentence_of[j] == sentence_of[i]))
            and not tokens[j].surface[:1].isdigit()
        ):
            labels.add(j)
            j += 1
    return labels


# The countries a TED notice's title starts with ("Germany-Lindenau: ...").
_TED_COUNTRIES = tuple(
    f"{country}-"
    for country in ("germany", "austria", "belgium", "france", "luxembourg", "netherlands", "switzerland")
)


def _cpv_matches(tokens: list[Token]) -> list[_Match]:
    """Capabilities of the CPV codes a notice names (see _cpv_codes)."""
    found: list[_Match] = []
    for i in _cpv_codes(tokens):
        surface = tokens[i].surface
        # a broad class (five zeros and more: "72800000 audit and testing") confirms what the words name;
        # a narrow one names a capability of its own
        weight = W_CPV_BROAD if surface[:8].endswith("00000") or cpv_inherits(surface) else W_CPV
        for cap in capabilities_for_cpv(surface):
            found.append(_Match(cap, "cap", weight, frozenset({(i, 0, len(surface))}), surface))
    return found


# A device that broke, in everyday words ("der Rechner ist abgeraucht", "Server ist abgeschmiert", "Laptop
# hat den Geist aufgegeben", "PC died"): the writer needs someone to repair it (IT support) and, where the
# device is dead rather than crashed, a new one; the device word itself names no fleet to manage.
W_BREAKDOWN = 0.8
_DEVICE_HEADS = (
    "rechner",
    "computer",
    "pc",
    "laptop",
    "notebook",
    "server",
    "drucker",
    "festplatte",
    "printer",
    "macbook",
    "imac",
)
_CRASHED = frozenset(
    ["abgestuerzt", "abgeschmiert", "stuerzt", "eingefroren", "crashed", "crashes", "froze", "frozen"]
)
_DEAD = frozenset(
    ["abgeraucht", "kaputt", "defekt", "hinueber", "verreckt", "died", "dead", "broken", "broke"]
)
_DEAD_PHRASES = (("geist", ("aufgegeben", "auf")), ("gave", ("up",)))  # "hat den Geist aufgegeben"
_BREAKDOWN_REACH = 6  # words between the device and the words that say it broke
_TO_REPLACE = ("replace", "ersetz", "ausgetausch", "austausch", "erneuer")


def _negated_before(words: list[str], j: int) -> bool:
    """A negation within three words before word j: "der PC ist nicht abgestürzt", "hat nicht den Geist
    aufgegeben"; one after it ("abgestürzt und startet nicht mehr") says it broke."""
    return any(w in _VERB_NEGATIONS for w in words[max(0, j - 3) : j])


def _breakdown(
    tokens: list[Token], words: list[str], clause_of: list[int], roles: list[str]
) -> tuple[set[int], list[_Match]]:
    """The device words of clauses that say a device broke, and the needs that follows: IT support, and a
    replacement (a server's own hardware for a server) where it is dead. A refused breakdown is none."""
    devices: set[int] = set()
    found: list[_Match] = []
    for i, w in enumerate(words):
        if not w.endswith(_DEVICE_HEADS) or w.endswith("pcs"):
            continue
        span = [
            j
            for j in range(max(0, i - _BREAKDOWN_REACH), min(len(words), i + _BREAKDOWN_REACH + 1))
            if clause_of[j] == clause_of[i] and roles[j] != "negated"
        ]

        said = [j for j in span if not _negated_before(words, j)]
        dead = any(words[j] in _DEAD for j in said) or any(
            words[j] == head and any(words[k] in tails for k in span if k > j)
            for head, tails in _DEAD_PHRASES
            for j in said
        )
        if not (dead or any(words[j] in _CRASHED for j in said)):
            if roles[i] == "need" and any(words[j].startswith(_TO_REPLACE) for j in said):
                # "We need an IT partner to replace the server", "der alte Server muss ersetzt werden"
                replacement = "server-storage" if w.endswith("server") else "hardware-supply"
                found.append(
                    _Match(replacement, "cap", W_BREAKDOWN, frozenset({(i, 0, len(w))}), tokens[i].surface)
                )
            continue
        devices.add(i)
        cover = frozenset({(i, 0, len(w))})
        found.append(_Match("managed-services", "cap", W_BREAKDOWN, cover, tokens[i].surface))
        if dead:
            replacement = "server-storage" if w.endswith("server") else "hardware-supply"
            found.append(_Match(replacement, "cap", W_BREAKDOWN, cover, tokens[i].surface))
    return devices, found


def analyse_need(text: str, taxonomy: Taxonomy | Catalog, *, screened: bool = True) -> NeedAnalysis:
    """Capabilities (with score and evidence words) and standards named in a German or English text.

    Capabilities the text refuses ("keinen Onlineshop") or already has ("wir nutzen bereits DATEV") are
    reported apart; misspelt words are read as the taxonomy word they are one or two letters from; a word
    with another sense in its context ("Abrechnung mit den Kassen" of a care service) is not a need.
    ``screened``: the learned screen (need_screen) moves the wanted capabilities it doubts to ``in_passing``,
    searches those set aside there that it holds meant and drops the systems there that it doubts; its
    training reads the rules' own output with ``screened=False``."""
    tax = taxonomy.taxonomy if isinstance(taxonomy, Catalog) else taxonomy
    matcher = _matcher(tax)
    tokens, clause_of, sentence_of, colons, bracketed = _clause_tokens(text)
    # Typos are looked for in the first MAX_CORRECTED_WORDS words only: a need is a few hundred words, and a
    # pasted document must not pay a fuzzy lookup per word.
    tokens = [
        matcher.corrected(t) if i < MAX_CORRECTED_WORDS and not t.is_stopword else t
        for i, t in enumerate(tokens)
    ]
    # a phrase or pair never spans two clauses ("24/7 monitoring. Conditions for participation")
    matches = matcher.matches(tokens, clause_of) + _cpv_matches(tokens)
    match_ends: dict[int, int] = {}  # first token of a match -> last token of the longest match there
    for m in matches:
        match_ends[m.start] = max(match_ends.get(m.start, 0), *(t for t, _, _ in m.cover))
    match_starts = set(match_ends)
    words = [fold(t.surface) for t in tokens]
    after_headings, headings = _after_headings(words, clause_of, sentence_of, match_starts, colons)
    roles = _roles(tokens, clause_of, match_starts, headings, match_ends, sentence_of)
    _list_items_share_role(tokens, words, clause_of, sentence_of, match_ends, roles)
    _kept_in_brackets(words, clause_of, bracketed, match_starts, roles)
    _had_in_use(words, clause_of, match_starts, roles)
    _labelled_and_kept(words, clause_of, sentence_of, colons, match_starts, roles)
    _what_ours_is(words, match_starts, match_ends, roles)
    for k in match_starts:
        if _this_procurement(k, words):
            roles[k] = "context"
    _answered_labels(words, clause_of, sentence_of, match_starts, roles)
    _everything_stays(words, sentence_of, match_starts, roles)
    _likewise(words, clause_of, match_starts, roles)
    _the_asker_has(words, clause_of, match_starts, roles)
    _contentment(words, sentence_of, match_starts, roles)
    _that_is_fine(words, clause_of, sentence_of, match_starts, roles)
    _but_not_needed(words, clause_of, sentence_of, match_starts, roles)
    _refused_after_the_fact(words, clause_of, sentence_of, roles)
    _done_in_house(words, clause_of, match_starts, roles)
    _no_help_needed(words, clause_of, sentence_of, match_starts, roles)
    _sources_and_own_systems(words, clause_of, sentence_of, match_starts, roles)
    _work_done_with_what_is_there(words, clause_of, match_starts, roles)
    _where_data_shows(words, clause_of, match_starts, match_ends, roles)
    _standing_in_a_place(words, clause_of, match_starts, roles)
    _not_coming_to_it(words, clause_of, roles)
    for i in (
        _boilerplate(words, clause_of, sentence_of)
        | _todays_way(words, sentence_of)
        | _letter_frame(words, clause_of, sentence_of)
        | _mail_header(words, clause_of, sentence_of, colons)
        | _elsewhere(words, clause_of, sentence_of)
        | _put_off(words, clause_of, sentence_of, match_starts)
        | _cpv_labels(tokens, clause_of, sentence_of)
    ):
        roles[i] = "context"
    for i, role in after_headings.items():
        roles[i] = role
    for i in _makeshifts_left_behind(words, clause_of):
        roles[i] = "context"
    for i in _the_reader_s(tokens, sentence_of, match_starts):
        roles[i] = "context"
    per_role: dict[str, dict[str, list[_Match]]] = {
        "need": {},
        "negated": {},
        "existing": {},
        "context": {},
        "excluded": {},
    }
    standards: dict[str, None] = {}
    framed = _framed(matches, words, sentence_of, clause_of, colons)
    standard_covers = {m.cover for m in matches if m.kind == "std"}
    for m in matches:
        if _a_change_of(m, words):
            continue
        m = _learned_on_a_platform(m, words, clause_of)
        start = m.start
        role = "context" if m in framed else roles[start]
        if start and words[start - 1] in _INSTEAD_OF and role == "need":
            role = "negated"  # "über die eigene Website statt Lieferando": the one instead of which
        if role == "need" and (
            _through_ours(start, words)
            or _there_already(m, words)
            or _ours_by_name(m, tokens, words, matcher, clause_of, bracketed)
            or _talked_to(m, words, clause_of)
            or _done_with_a_product(m, tokens, words, clause_of, matcher)
            or (
                m.cover in standard_covers
                and (_names_what_a_link_goes_to(m, tokens) or _a_link_goes_to(m, words, clause_of))
            )
        ):
            role = "existing"
        if m.kind == "cap" and role == "negated+existing":
            per_role["existing"].setdefault(m.target, []).append(m)
            role = "negated"
        if m.kind == "cap":
            per_role[role].setdefault(m.target, []).append(m)
        elif not role.startswith(("negated", "excluded")):  # a standard of a system there is one to link to
            standards.setdefault(m.target, None)
    # senses are read from what the text wants or has, not from what it refuses ("keine neue Software")
    sense_words = [w for w, role in zip(words, roles, strict=True) if not role.startswith("negated")]
    for role in ("need", "negated"):  # "Nicht Bestandteil dieser Ausschreibung": no AVA refused either
        for cap in [
            c for c, ms in per_role[role].items() if _other_sense(c, ms, tokens, sense_words, sentence_of)
        ]:
            del per_role[role][cap]
    _the_trade_s_administration(per_role, tax)
    last_parts = [fold(re.split(r"[-–]", t.surface)[-1]) for t in tokens]
    described = _self_described(words, sentence_of, clause_of, tokens)
    there: list[_Match] = []
    for m in _context_matches(words, last_parts, roles, described, there):
        per_role["need"].setdefault(m.target, []).append(m)
    if (trained := _people_trained(tokens, words, roles)) is not None:
        per_role["need"].setdefault(trained.target, []).append(trained)
    # words read from a description are no matches, so their roles hold no refusal: a clause that wants
    # and says no ("so eine Ortung, wo die Autos sind, will ich nicht") refuses them
    refusing = _refusing_clauses(words, clause_of)
    if "fleet-management" not in per_role["need"]:
        for m in _where_the_vehicles_are(tokens, words, clause_of, roles, refusing):
            per_role["need"].setdefault(m.target, []).append(m)
    taken = set(per_role["negated"]) | (set(per_role["existing"]) - _THERE_AND_TROUBLED)
    described_needs = _described_needs(tokens, words, sentence_of, clause_of, roles, refusing, taken)
    for m in described_needs:
        per_role["existing"].pop(m.target, None)  # the machine is there, the trouble asks for its link
        per_role["need"].setdefault(m.target, []).append(m)
    _ended_by_another(per_role, described_needs)
    _backup_on_a_stick(per_role, tokens, words, sentence_of)
    for m in _operating_system_moved(tokens, words, sentence_of, roles):
        per_role["need"].setdefault(m.target, []).append(m)
    if "data-migration" not in per_role["need"]:
        for m in _data_taken_over(tokens, words, sentence_of, roles):
            per_role["need"].setdefault(m.target, []).append(m)
    for m in there:
        per_role["existing"].setdefault(m.target, []).append(m)
    for role in ("need", "existing"):
        for cap, stronger in _YIELDS_TO.items():
            if cap in per_role[role] and any(
                any(m.weight == W_CONTEXT for m in per_role[role].get(s, ())) for s in stronger
            ):
                del per_role[role][cap]
    carried = per_role["need"].get("logistics-tms", ())
    if (
        carried
        # ... also where the warehouse system is there ("Etikettendrucker für Wareneingang und Versand, WMS
        # ist vorhanden") or labels and scanners for the warehouse's work are asked
        and ("wms" in per_role["need"] or "wms" in per_role["existing"] or "barcode-rfid" in per_role["need"])
        and all(fold(m.evidence) in _WAREHOUSE_WORK for m in carried)
        and not any(w in _CARRIERS or w.startswith(_PARCELS) for w in words)
    ):
        # "barcode labelling for goods-in and shipping", "a contract logistics company": a warehouse's work
        # (parcels handed to carriers, "der Versand mit DHL automatisiert", are shipping to organise)
        del per_role["need"]["logistics-tms"]
    moved = per_role["need"].get("data-migration", ())
    if (
        moved
        and all(fold(m.evidence).startswith("migr") for m in moved)
        and any(c in per_role["need"] for c in _SYSTEM_MOVES)
    ):
        # "Migration der Postfächer nach Exchange Online": a system move
        del per_role["need"]["data-migration"]
    _drop_business_words(per_role["need"], clause_of)
    # devices named alone ("Rechner", "Diensthandys", "Standard-Arbeitsplatz", "Taschenrechner") are hardware
    # or a mention; device management is named by its task ("verwaltet", "MDM", "sperren", "Intune")
    managed = per_role["need"].get("device-management", ())
    if managed and not any(
        any(task in fold(m.evidence) for task in _DEVICE_WORK)
        # "der unsere Rechner, Drucker und das WLAN betreut": cared for in the devices' sentence (not "a
        # managed firewall": the care of another thing)
        or any(
            w.startswith(_CARED_FOR) and not (k and words[k - 1] in _ARTICLES_BEFORE_CARE)
            for k, (w, c) in enumerate(zip(words, sentence_of, strict=True))
            if c == sentence_of[m.start]
        )
        for m in managed
    ):
        del per_role["need"]["device-management"]
    for cap, weak in _WEAK_ALONE.items():
        if cap in per_role["need"] and all(fold(m.evidence) in weak for m in per_role["need"][cap]):
            del per_role["need"][cap]
    _one_kind_of_clinical_system(per_role["need"])
    _appointments_of_a_trade_software(per_role["need"], words, sentence_of)
    _trainings_held_or_learned(per_role["need"], words)
    budgets = per_role["need"].get("controlling", ())
    if (
        budgets
        and all(fold(m.evidence).startswith("budget") for m in budgets)
        and any(c in per_role["need"] for c in _KEEPS_BUDGETS)
        # ... not where budgets are planned or followed ("Budget vs. actual")
        and not any(
            w.startswith(_BUDGET_WORK) for m in budgets for w in words[max(0, m.start - 3) : m.start + 4]
        )
    ):
        # "time tracking against client budgets", "Budget-Alerts", "Budgetgrenzen je Filiale": the budgets
        # a project tool or a portal keeps, no controlling
        del per_role["need"]["controlling"]
    _forms_for_the_procedures_there(per_role)
    _licences_of_a_product(per_role["need"], words, sentence_of)
    for cap, (theirs, host) in _ANOTHERS_WORDS.items():
        named = per_role["need"].get(cap, ())
        if named and host in per_role["need"] and all(fold(m.evidence) in theirs for m in named):
            del per_role["need"][cap]
    # ... and no collaboration software where things are moved into the suite ("E-Mail und Dateien in
    # Microsoft 365 umziehen", "move mail, files and team collaboration to Microsoft 365"), unlike a switch to
    # the suite ("Umstellung auf Microsoft 365"), which adopts it
    shared = per_role["need"].get("collaboration", ())
    if (
        shared
        and "cloud-migration" in per_role["need"]
        and all(
            fold(m.evidence) in _SUITES_MOVED_TO
            and m.start
            and words[m.start - 1] not in ("auf", "on")
            and any(
                w.startswith(_MOVING)
                for w, c in zip(words, sentence_of, strict=True)
                if c == sentence_of[m.start]
            )
            for m in shared
        )
    ):
        del per_role["need"]["collaboration"]
    mail = per_role["need"].get("email-system", ())
    if (
        mail
        and any(c in per_role["need"] for c in _ACTS_ON_MAIL)
        and all(fold(m.evidence).startswith(_MAILBOXES) for m in mail)
    ):
        per_role["existing"].setdefault("email-system", []).extend(per_role["need"].pop("email-system"))
    _licensed_products(per_role["need"], words, sentence_of)
    _parts_of_another(per_role["need"])
    _channels_of_a_hotel(per_role)
    _modules_of_an_erp(per_role["need"], sentence_of)
    _channels_of_an_assistant(per_role["need"], words, sentence_of)
    _targets_of_a_test(per_role["need"], words, clause_of, sentence_of, bracketed)
    _receipts_passed_on(per_role["need"], words, clause_of)
    _drop_self_description(per_role["need"], described, words, clause_of, tax)
    # "ein Online-Kalender, in dem Kunden freie Termine sehen": the calendar of the booking asked for
    if (
        "collaboration" in per_role["need"]
        and all(fold(m.evidence).endswith(_CALENDARS) for m in per_role["need"]["collaboration"])
        and any(c in per_role["need"] for c in _CALENDAR_HOSTS)
    ):
        del per_role["need"]["collaboration"]
    for part, host in _PART_OF.items():  # "eine Website mit Anfrageformular": a form of the website
        if (
            host in per_role["need"]
            and part in per_role["need"]
            and all(m.weight == W_HEAD for m in per_role["need"][part])
        ):
            del per_role["need"][part]
    # an app for a system that is there ("Unser TMS bleibt ... eine eigene Fahrer-App") or refused ("Ein
    # großes TMS wollen wir nicht ... eine schlanke Fahrer-App") is an app to build
    for cap in [
        c
        for c in per_role["need"]
        if (c in per_role["existing"] or c in per_role["negated"]) and c != _MOBILE_APP
    ]:
        apps = [m for m in per_role["need"][cap] if fold(m.evidence).endswith("app")]
        if apps:
            per_role["need"][cap] = [m for m in per_role["need"][cap] if m not in apps]
            if not per_role["need"][cap]:
                del per_role["need"][cap]
            per_role["need"].setdefault(_MOBILE_APP, []).extend(
                _Match(_MOBILE_APP, "cap", m.weight, m.cover, m.evidence) for m in apps
            )
    # what the thing asked for is kept apart from is no need ("ein Gäste-WLAN, getrennt von der Kasse")
    for cap in list(per_role["need"]):
        kept = [m for m in per_role["need"][cap] if not _kept_apart_from(m, words, clause_of)]
        if kept:
            per_role["need"][cap] = kept
        else:
            del per_role["need"][cap]
    # said to be there and named again as what a link goes to or data comes from ("Die Warenwirtschaft
    # behalten wir ... einen Onlineshop mit Stock-Sync zur WaWi"): that one
    for cap in [c for c in per_role["need"] if c in per_role["existing"]]:
        kept = [m for m in per_role["need"][cap] if not _names_a_link_to_it(m, words)]
        if kept:
            per_role["need"][cap] = kept
        else:
            del per_role["need"][cap]
    # named weakly or by the trade's name ("Arztpraxis") but said to be there: it is there; not where only a
    # part of it is done by someone outside ("Die Abrechnung mit den Kassen macht unser Steuerbüro" of a
    # care service that asks for tour planning)
    # (the words around the verb, not a dictation's whole run-on clause)
    done_outside = {
        k for i, w in enumerate(words) if w in _DONE_BY for k in _done_by_another(i, words, clause_of)
    }
    asked_ends = {max(t for t, _, _ in m.cover): c for c, ms in per_role["need"].items() for m in ms}
    # a migration is done once: "die Daten aus dem alten System" names where data comes from, none done
    per_role["existing"].pop("data-migration", None)
    for cap in list(per_role["need"]):
        there = per_role["existing"].get(cap, ())
        if there and all(m.start in done_outside for m in there):
            continue
        if cap in per_role["existing"] and all(
            m.weight <= W_CONTEXT
            or _names_the_trade(m.evidence)
            or _done_with_ours(m, words, clause_of)
            or _what_another_is_for(m, cap, asked_ends, words, clause_of)
            or _names_the_business(m)
            for m in per_role["need"][cap]
        ):
            del per_role["need"][cap]
    broken, repairs = _breakdown(tokens, words, clause_of, roles)
    if broken:  # the broken device's own word is no need for device management or new hardware
        for cap, ms in list(per_role["need"].items()):
            kept = [m for m in ms if not {t for t, _, _ in m.cover} <= broken]
            if kept:
                per_role["need"][cap] = kept
            else:
                del per_role["need"][cap]
    for m in repairs:
        per_role["need"].setdefault(m.target, []).append(m)
    del per_role["context"]
    # what a heading excludes ("Nicht Bestandteil: Endgeräte (Tischtelefone)") is refused unless the text
    # asks for it elsewhere ("Gesucht wird eine VoIP-Telefonanlage")
    for cap, ms in per_role.pop("excluded").items():
        if cap not in per_role["need"]:
            per_role["negated"].setdefault(cap, []).extend(ms)
    for cap in [c for c, ms in per_role["need"].items() if all(m.weight == W_CPV_BROAD for m in ms)]:
        del per_role["need"][cap]
    # A notice's CPV codes are classes its buyer picked from a list, often wider than the lot: where its
    # words name what is bought, a code only confirms them; a notice of codes alone is read by its codes.
    by_code = [c for c, ms in per_role["need"].items() if all(_is_cpv(m) for m in ms)]
    if len(by_code) < len(per_role["need"]):
        for cap in by_code:
            del per_role["need"][cap]
    _systems_to_connect(per_role, words, tokens)
    # "a warehouse management system connected to our ERP": the one system connected is the one asked for
    linked = per_role["need"].get(_INTEGRATION, [])
    if linked and len(per_role["need"]) > 1 and all(fold(m.evidence).startswith("system ") for m in linked):
        del per_role["need"][_INTEGRATION]
    _there_and_drawn_on(per_role, words)
    hits = {role: _hits(per_cap, tokens, text) for role, per_cap in per_role.items()}
    # a refusal outweighs an ask, unless the ask is said with a word of need in a sentence of its own
    # ("Wir brauchen eine neue Telefonanlage. ... Einen Callcenter-Dienst möchten wir nicht.")
    asking = {
        sentence_of[i]
        for i, w in enumerate(words)
        if w in _ASKING or (w == "mir" and i and words[i - 1] in ("stelle", "stellen"))  # "stelle mir vor"
    }
    # ... or in a notice's sentence that provides it ("Ablösung der TK-Anlage durch eine Cloud-Telefonie.
    # Endgeräte (Tischtelefone) sind nicht Bestandteil der Leistung.")
    asking_or_providing = asking | {sentence_of[i] for i, w in enumerate(words) if w.startswith(_PROVIDING)}
    refused = {
        cap
        for cap, ms in per_role["negated"].items()
        if not any(
            sentence_of[m.start] in asking_or_providing - {sentence_of[r.start] for r in ms}
            # "We want a WMS with shipping label printing. Transport management is not needed.": a word
            # weaker than the refused name asks for nothing the writer refuses
            and m.weight >= max(r.weight for r in ms)
            for m in per_role["need"].get(cap, ())
        )
    }
    wanted = [h for h in hits["need"] if h.id not in refused]
    counted = {
        c for c, ms in per_role["need"].items() if any(_counted_ask(m, tokens, words, clause_of) for m in ms)
    }
    # a clause asks on its own where the writer wishes or needs, not where a thing "soll" do something
    asking_clauses = {clause_of[i] for i, w in enumerate(words) if w in _ASKING and w not in _REQUIREMENTS}
    # a trouble described in plain words is the writer's own need, however often another thing is named
    in_focus = counted | {m.target for m in described_needs}
    in_passing = _in_passing(
        wanted, per_role["need"], words, sentence_of, asking, in_focus, clause_of, asking_clauses
    )
    wanted = [h for h in wanted if h not in in_passing]
    if screened:
        wanted, in_passing, given = _screened(
            text, tax, hits["need"], wanted, in_passing, hits["existing"], refused
        )
    else:
        given = _not_among(hits["existing"], wanted)
    negated = [h for h in hits["negated"] if h.id in refused]
    deployment, deployment_evidence = read_deployment(text) or (None, "")
    return NeedAnalysis(
        text,
        wanted,
        list(standards),
        negated=negated,
        existing=given,
        in_passing=in_passing,
        deployment=deployment,
        deployment_evidence=deployment_evidence,
    )


def _not_among(hits: list[CapabilityHit], wanted: list[CapabilityHit]) -> list[CapabilityHit]:
    """The hits whose capability is not wanted (a system there and asked for again is asked for)."""
    asked = {w.id for w in wanted}
    return [h for h in hits if h.id not in asked]


def _screened(
    text: str,
    tax: Taxonomy,
    ranked: list[CapabilityHit],
    wanted: list[CapabilityHit],
    in_passing: list[CapabilityHit],
    there: list[CapabilityHit],
    refused: set[str],
) -> tuple[list[CapabilityHit], list[CapabilityHit], list[CapabilityHit]]:
    """Wanted, in passing and existing hits as the learned models (need_screen) read the rules' findings.

    The screen moves the wanted hits it doubts to in passing and takes up those set aside that it holds
    meant; the systems it doubts are dropped; and the proposer adds what no rule found. ``ranked`` is the
    rules' order of the hits asked for, best first; ``there`` the systems the rules read as there."""
    if not need_screen.read_by_models(text):
        return wanted, in_passing, _not_among(there, wanted)  # a short text is left to the rules
    # the proposer's reading of the text's words, weighed by the screen and proposing what no rule found
    bag = need_screen.bag_probabilities(text)
    doubted, taken_up = need_screen.screen(text, _screen_rows(wanted), _screen_rows(in_passing), bag=bag)
    rank = {h.id: k for k, h in enumerate(ranked)}
    wanted, in_passing = (
        sorted(
            [h for k, h in enumerate(wanted) if k not in doubted]
            + [h for k, h in enumerate(in_passing) if k in taken_up],
            key=lambda h: rank[h.id],
        ),
        [h for k, h in enumerate(in_passing) if k not in taken_up]
        + [h for k, h in enumerate(wanted) if k in doubted],
    )
    given = _not_among(there, wanted)
    doubted_there = need_screen.doubted_systems(text, _screen_rows(given))
    given = [h for k, h in enumerate(given) if k not in doubted_there]
    # a trouble told in words no rule reads: what the bag of the text's words holds asked for (after what
    # the rules found, and weighing no more than the least of it: a guess from words); the hits the rules
    # set aside or the screen doubted were weighed with the bag already
    taken = {h.id for h in (*wanted, *there, *in_passing)} | refused
    ceiling = min((h.score for h in wanted), default=1.0)
    proposed = [
        CapabilityHit(cap, round(min(probability, ceiling), 2), evidence)
        for cap, probability, evidence in need_screen.proposals(text, taken, bag=bag)
        if cap in tax.capabilities
    ]
    return wanted + proposed, in_passing, given


def _screen_rows(hits: list[CapabilityHit]) -> list[tuple[str, float, list[str]]]:
    """Hits as need_screen reads them: (capability id, score, evidence)."""
    return [(h.id, h.score, h.evidence) for h in hits]


# Words that ask for systems to be connected ("sollen Daten austauschen", "need them connected").
_CONNECT_CUES = ("verbind", "verbunden", "austausch", "synchronis", "connect", "sync", "integrat", "exchang")
# ... those of them that ask for a link alone ("Austausch" is also a replacement, "verbunden" a state)
_LINK_ASKS = ("verbind", "connect", "integrat")
_INTEGRATION = "integration-platform"
_LINE_WORDS = (
    *("internet", "wlan", "wifi", "wireless", "netz", "leitung", "line", "provider", "abbrech", "abbruch"),
    *("bricht", "brechen", "drop", "video", "session", "sitzung", "call", "anruf", "telefon"),
)
_LINE_REACH = 4
_MOBILE_APP = "mobile-app"


def _systems_to_connect(per_role: dict[str, dict[str, list[_Match]]], words: list[str], tokens) -> None:
    """ "Unser Onlineshop und unsere Warenwirtschaft sollen Daten austauschen", "We run Shopify and DATEV and
    need them connected": two or more systems, each the writer's (named with "unser"/"our" or said to be
    there), and nothing else asked but to connect them: the systems are there, the need is integration."""
    if _INTEGRATION in per_role["need"]:
        return
    cue = next(
        (
            k
            for k, w in enumerate(words)
            if w.startswith(_CONNECT_CUES)
            # the line to the internet or a call's, no link of systems: "our internet connection drops",
            # "brechen die Verbindungen der Tablets ab", "the connection meets the insurers' requirements"
            and not any(
                v.startswith(_LINE_WORDS) for v in words[max(0, k - _LINE_REACH) : k + _LINE_REACH + 1]
            )
        ),
        None,
    )
    if cue is None:
        return
    # nothing else asked: the connection is the ask ("suche jemand der unser Shopware mit DATEV verbindet")
    asks_only_a_link = not per_role["need"] and words[cue].startswith(_LINK_ASKS)
    if not asks_only_a_link and len(set(per_role["need"]) | set(per_role["existing"])) < 2:
        return

    def the_writers(m: _Match) -> bool:
        return m.start > 0 and (
            words[m.start - 1] in _POSSESSIVES or (m.start > 1 and words[m.start - 2] in _POSSESSIVES)
        )

    if not all(all(the_writers(m) for m in ms) for ms in per_role["need"].values()):
        return
    for cap, ms in per_role.pop("need").items():
        per_role["existing"].setdefault(cap, []).extend(ms)
    surface = tokens[cue].surface
    per_role["need"] = {
        _INTEGRATION: [
            _Match(_INTEGRATION, "cap", W_HEAD, frozenset({(cue, 0, len(words[cue]))}), fold(surface))
        ]
    }


_DRAWN_ON = frozenset(["aus", "in", "from", "into"])
_DRAWN_ON_ARTICLES = frozenset(
    ["dem", "der", "den", "die", "das", "the", "our", "unserem", "unserer", "unser"]
)


def _there_and_drawn_on(per_role: dict[str, dict[str, list[_Match]]], words: list[str]) -> None:
    """ "Jedes Haus nutzt dasselbe Hotelprogramm ...; beides bleibt. ... ein Data Warehouse, in das die Daten
    aus Hotelprogramm und Kassen einfließen": a system said to be there, named again only as where data
    comes from or goes to, is there."""
    for cap in [c for c in per_role["need"] if c in per_role["existing"]]:
        if all(_drawn_on(m.start, words) for m in per_role["need"][cap]):
            per_role["existing"][cap].extend(per_role["need"].pop(cap))


def _drawn_on(start: int, words: list[str]) -> bool:
    """Right after "aus"/"in"/"from"/"into" and an article, or joined to a word that is ("aus Hotelprogramm
    und Kassen")."""
    k = start - 1
    if k > 1 and words[k] in _COORDINATIONS:
        k -= 2
    if k > 0 and words[k] in _DRAWN_ON_ARTICLES:
        k -= 1
    return k >= 0 and words[k] in _DRAWN_ON


def _in_passing(
    wanted: list[CapabilityHit],
    matches: dict[str, list[_Match]],
    folded: list[str],
    sentence_of: list[int],
    asking: set[int],
    counted: set[str],
    clause_of: list[int],
    asking_clauses: set[int],
) -> list[CapabilityHit]:
    """The wanted capabilities a text of FOCUS_MIN_WORDS or more names at most a FOCUS_RATIO-th as often
    as its most named one, other than the services that come with an introduction, those asked for in
    a sentence of their own ("Außerdem brauchen wir einen Onlineshop.") and those asked for by number
    (``counted``: "Dazu bräuchten wir ca. 25 Smartphones")."""
    if len(folded) < FOCUS_MIN_WORDS or len(wanted) < 2:
        return []
    mentions = {h.id: _mentions(matches[h.id]) for h in wanted}
    focus = max(mentions.values())
    # whom a thing is for is no other thing asked beside it ("ein Online-Portal für Eigentümer und Mieter")
    ends = {max(t for t, _, _ in m.cover) for h in wanted for m in matches[h.id]}
    named = {
        h.id: [m for m in matches[h.id] if not _whom_it_is_for(m.start, ends, folded, clause_of)]
        for h in wanted
    }
    sentences_of = {h.id: {sentence_of[m.start] for m in named[h.id] or matches[h.id]} for h in wanted}

    clauses_of = {h.id: {clause_of[m.start] for m in named[h.id] or matches[h.id]} for h in wanted}

    def asked_alone(cap: str) -> bool:
        # in a sentence of its own, or in a clause of its own that asks ("..., das würden wir gerne auf einen
        # E-Mail-Newsletter umstellen, die Druckkosten fressen uns auf")
        others = set().union(*(s for c, s in sentences_of.items() if c != cap))
        other_clauses = set().union(*(s for c, s in clauses_of.items() if c != cap))
        return bool(sentences_of[cap] & asking - others) or bool(
            clauses_of[cap] & asking_clauses - other_clauses
        )

    def inferred_in_passing(cap: str) -> bool:
        # read from its context only ("Angebote" of a joinery), never in a sentence that asks, while others
        # are named by their own words
        return (
            cap in _INFERRED_FROM_BUSINESS_WORDS
            and all(m.weight <= W_CONTEXT for m in matches[cap])
            and not sentences_of[cap] & asking
            and any(m.weight > W_CONTEXT for h in wanted if h.id != cap for m in matches[h.id])
        )

    def provided(cap: str) -> bool:
        # an object of a notice's provision ("Bereitstellung einer Lösung für Online-Anträge ... sowie eines
        # Online-Terminvereinbarungssystems", "Lieferung eines Storage-Systems")
        for m in named[cap] or matches[cap]:
            for k in range(max(1, m.start - _PROVIDED_REACH), m.start):
                if folded[k] not in _GENITIVE_ARTICLES:
                    continue
                if folded[k - 1].startswith(_PROVIDING) or (
                    folded[k - 1] in _BESIDE_JOINS
                    and any(
                        folded[j].startswith(_PROVIDING) and sentence_of[j] == sentence_of[m.start]
                        for j in range(max(0, k - _JOINED_REACH), k - 1)
                    )
                ):
                    return True
        return False

    return [
        h
        for h in wanted
        if (mentions[h.id] * FOCUS_RATIO <= focus or inferred_in_passing(h.id))
        and not provided(h.id)
        and h.id not in _ACCOMPANYING
        and not _named_managed_service(h.id, matches[h.id], folded)
        and h.id not in counted
        and not any(h.id in _MODULES_OF.get(c, ()) for c, n in mentions.items() if n == focus)
        and not (
            h.id == "device-management"
            and any(any(task in fold(m.evidence) for task in _DEVICE_TASKS) for m in matches[h.id])
        )
        and not asked_alone(h.id)
        and not any(_wished_ability(m, folded, clause_of) for m in matches[h.id])
        and not any(set(folded[max(0, m.start - 2) : m.start]) & _IN_ADDITION for m in matches[h.id])
    ]


# "und dazu Telematik in die LKW", "außerdem ein Gäste-WLAN": a thing asked in addition
_IN_ADDITION = frozenset(["dazu", "zusaetzlich", "ausserdem", "additionally", "plus"])
_ABILITY_REACH = 8  # words from "sollen" to the thing and from the thing to "können"
_SHALL = frozenset(["sollen", "soll", "sollten", "should"])
_CAN = frozenset(["koennen", "koennten", "kann", "able"])


def _wished_ability(m: _Match, folded: list[str], clause_of: list[int]) -> bool:
    """ "die Jungs sollen auf der Baustelle übers Handy ihre Stunden erfassen können", "the drivers should be
    able to ...": what people shall be able to do is asked for itself, however often another is named."""
    end = max(t for t, _, _ in m.cover)
    shall = any(
        folded[k] in _SHALL and clause_of[k] == clause_of[m.start]
        for k in range(max(0, m.start - _ABILITY_REACH), m.start)
    )
    return shall and any(
        folded[k] in _CAN and clause_of[k] == clause_of[m.start]
        for k in range(max(0, m.start - _ABILITY_REACH), min(len(folded), end + _ABILITY_REACH))
    )


def _named_managed_service(cap: str, matches: list[_Match], folded: list[str]) -> bool:
    """Managed services named by their name ("under a managed service contract") or by lasting care ("der
    uns danach laufend betreut", "jemanden, der regelmäßig draufschaut") are asked however often the focus
    is named; "SOC als Managed Service" says how another thing is delivered."""
    return cap == "managed-services" and any(
        ("managed" in fold(m.evidence) and not {"als", "as"} & set(folded[max(0, m.start - 2) : m.start]))
        or set(folded[max(0, m.start - 3) : m.start]) & _LASTING
        for m in matches
    )


_LASTING = frozenset(["dauerhaft", "laufend", "regelmaessig", "danach", "ongoing", "regularly"])


_FOR_WHOM = frozenset(["fuer", "for"])
_GENITIVE_ARTICLES = frozenset(["eines", "einer"])
_PROVIDING = ("bereitstell", "liefer", "beschaff", "einfuehr", "implementier", "erneuer", "abloes")
_BESIDE_JOINS = frozenset(["und", "sowie"])
_PROVIDED_REACH = 4  # words from the article to the thing provided ("einer Lösung für Online-Anträge")
_JOINED_REACH = 30  # words from "sowie eines" back to the provision


def _whom_it_is_for(start: int, ends: set[int], folded: list[str], clause_of: list[int]) -> bool:
    """A match right after "für"/"for" that follows another match's last word, at most two words between
    (articles, "alle"): the people or things the other is for."""
    return any(
        folded[k] in _FOR_WHOM and k - 1 in ends and clause_of[k - 1] == clause_of[start]
        for k in range(max(1, start - 3), start)
    )


_COUNT_REACH = 6  # words from a need verb to the number of things it asks for
_PIECES = frozenset(["stk", "stueck", "pcs", "pieces", "units"])
_BUYING = ("liefer", "beschaff", "anschaff", "kauf", "supply", "purchas", "procure", "delivery")


def _counted_ask(m: _Match, tokens: list[Token], words: list[str], clause_of: list[int]) -> bool:
    """ "bräuchten wir ca. 25 Smartphones", "Lieferung von 260 Tablets": a number right before the thing, a
    need verb or a word of buying a few words before the number in its clause."""
    number = m.start - 1
    if number >= 1 and words[number] in _PIECES and _is_count(tokens[number - 1]):
        return True  # "Pos. 1.1 – 3 Stk. Virtualisierungs-Host": a position of a bill of quantities
    end = max(t for t, _, _ in m.cover)
    if any(
        words[k] in _PIECES and _is_count(tokens[k - 1]) and clause_of[k] == clause_of[m.start]
        for k in range(end + 2, min(len(words), end + _COUNT_REACH + 2))
    ):
        return True  # "die Smartphones für die Mitarbeiter dazu so 25 Stück": the count after the thing
    if number >= 1 and tokens[number].surface[:1].islower() and _is_count(tokens[number - 1]):
        number -= 1  # "420 student tablets", "30 robuste Barcode-Scanner"
    if number < 1 or not tokens[number].surface.isdigit():
        return False
    return any(
        (words[k] in _NEED_VERBS or words[k].startswith(_BUYING)) and clause_of[k] == clause_of[m.start]
        for k in range(max(0, number - _COUNT_REACH), number)
    )


def _mentions(matches: list[_Match]) -> int:
    """How often a capability is named: its matches' word spans, overlapping ones counted once ("online
    shop" matches as a phrase and as "shop")."""
    spans = sorted((min(t for t, _, _ in m.cover), max(t for t, _, _ in m.cover)) for m in matches)
    count, end = 0, -1
    for lo, hi in spans:
        if lo > end:
            count += 1
        end = max(end, hi)
    return count


def _hits(per_cap: dict[str, list[_Match]], tokens: list[Token], text: str) -> list[CapabilityHit]:
    hits = []
    for cap, ms in per_cap.items():
        miss = 1.0
        for m in ms:
            miss *= 1.0 - m.weight
        evidence = list(dict.fromkeys(_quoted(_as_written(m, tokens), text) for m in ms))
        first = min(m.start for m in ms)
        hits.append((round(1.0 - miss, 4), first, CapabilityHit(cap, round(1.0 - miss, 4), evidence)))
    hits.sort(key=lambda h: (-h[0], h[1]))
    return [h[2] for h in hits]


def _quoted(evidence: str, text: str) -> str:
    """Evidence of several words as the text writes them: "BITV 2.0", not the tokens' "BITV 2 0". One search
    of literal words with at most three other characters between them (linear)."""
    words = evidence.split()
    if len(words) < 2:
        return evidence
    found = re.search(r"[^\w]{1,3}".join(map(re.escape, words)), text, re.IGNORECASE)
    return " ".join(found.group(0).split()) if found else evidence


def _as_written(m: _Match, tokens: list[Token]) -> str:
    """The evidence as the writer wrote it: a word read in its context is kept folded by the rules
    ("tourenplanung"), the page quotes the writer's "Tourenplanung"."""
    if m.weight != W_CONTEXT or len(m.cover) != 1:
        return m.evidence
    ((t, _, _),) = m.cover
    if t >= 2 and m.evidence in _SAID_WITH_A_NO:
        # "ran" tells the reader nothing, "geht keiner ran" does
        return " ".join(token.surface for token in tokens[t - 2 : t + 1])
    written = re.split(r"[-–]", tokens[t].surface)[-1]
    return written if fold(written) == m.evidence else m.evidence


def need_from_text(text: str, catalog: Catalog | Taxonomy, **constraints) -> tuple[Need, NeedAnalysis]:
    """Analyse a text and turn it into a :class:`Need` (keyword constraints as in :class:`Need`)."""
    if not text or not text.strip():
        raise ValueError("the need text is empty")
    analysis = analyse_need(text, catalog)
    tax = catalog.taxonomy if isinstance(catalog, Catalog) else catalog
    unknown = [c for c in analysis.capability_ids if c not in tax.capabilities]
    if unknown:
        raise CatalogError(f"unknown capability {unknown[0]!r}")
    need = Need(
        capabilities=tuple(analysis.capability_ids[:MAX_NEED_CAPABILITIES]),
        text=text,
        weights={h.id: max(h.score, 0.01) for h in analysis.capabilities[:MAX_NEED_CAPABILITIES]},
        standards=tuple(analysis.standards),
        **{
            "existing": tuple(h.id for h in analysis.existing),
            "deployment": analysis.deployment,
            **constraints,
        },
    )
    return need, analysis
