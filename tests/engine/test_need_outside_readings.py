"""General readings that texts written by others needed (issue 12): tender boilerplate and frames, CPV codes,
systems already in use said in everyday words, a trade's words in its context, objects of a service. Each case
failed before the rule it tests, except guards: the haulier's tours (read before by a sense rule, now a
context reading), the old WaWi (copula rule), "keiner" (postposed negation), the Maurerbetrieb and "haben wir"
in its clause (first mistakes of the operation and "X haben wir" rules)."""

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # procedure text names no need: "Vergabeplattform", "procurement portal", criteria after a colon
        (
            "Eine Lernplattform. Eignungskriterien: Nachweis als IT-Dienstleister, drei Referenzen.",
            {"e-learning"},
            {"managed-services"},
        ),
        (
            "Supply of a firewall. Questions from bidders must be submitted via the procurement portal only.",
            {"it-security"},
            {"procurement", "customer-portal"},
        ),
        # "Beschaffung eines ..." is how a buyer buys, not a purchasing system
        ("Beschaffung einer Backup-Lösung für die Stadtwerke", {"backup"}, {"procurement"}),
        # a CPV code names the lot's class, also outside the words
        ("Los 2: Fachverfahren, CPV 48814000-7", {"hospital-information"}, set()),
        ("Gegenstand: Leistungen nach CPV 72254000", {"software-testing"}, set()),
        # an acronym is written in capitals: "Pos. 1.1" of a bill of quantities is no POS
        ("Leistungsverzeichnis Pos. 1.1: Lieferung von 25 Thin Clients", {"hardware-supply"}, {"pos"}),
        # the object of a training is no need of its own
        ("Schulungen zu Microsoft Office und SAP für 300 Beschäftigte", {"training"}, {"office-software"}),
        # licences and support that come with a product
        (
            "Lieferung einer Firewall einschließlich Lizenzen für 3 Jahre und Herstellersupport",
            {"it-security"},
            {"software-licensing", "ticketing"},
        ),
        # a trade's words in its context: a restaurant's reservations, a haulier's tours
        ("Restaurant: Reservierungen per Telefon und Mail, wir suchen ein Tool", {"restaurant-software"},
         {"appointment-booking", "telephony", "newsletter"}),
        ("Spedition: Tourenplanung für 25 LKW", {"logistics-tms"}, {"field-service"}),
        # a craftsman's Baustelle is his workplace, not construction software
        ("Fliesenleger: Zeiterfassung der Gesellen auf der Baustelle", {"time-tracking"},
         {"construction-ava"}),
        # "die alte Kasse kann kein TSE" is a lack, not a refusal of a till
        ("Café: brauchen ne neue Kasse, die alte kann kein TSE", {"pos"}, set()),
        # dates to keep are no bookings; scanning at a delivery reads barcodes, not documents
        ("Fuhrpark: Wartungsintervalle und HU-Termine im Blick behalten", {"fleet-management"},
         {"appointment-booking", "maintenance"}),
        ("Fahrer-App mit Scan bei Zustellung", {"logistics-tms"}, {"ocr-capture", "mobile-app"}),
        # a haulier's tours planned are transport management; a plumber's hours are time tracking
        ("Getränkehandel mit Fuhrpark: Touren planen und Lieferscheine digital", set(), {"field-service"}),
        ("Klempner: Aufträge, Material, Stunden – alles digital bitte", {"time-tracking"}, set()),
        # the firm that opens a text as the subject of "sucht"/"benötigt" is no need; a text that asked
        # before that verb opens with no firm ("Nicht benötigt werden ..." is a refusal after the ask)
        (
            "Wir brauchen eine Telefonanlage. Nicht benötigt werden Videokonferenzen, Chat oder Teams.",
            {"telephony"},
            set(),
        ),
        # a phrase never spans two sentences ("24/7 monitoring. Conditions for participation")
        ("Operation of the network with 24/7 monitoring. Conditions for participation: see documents.",
         {"network"}, {"predictive-maintenance"}),
    ],
)  # fmt: skip
def test_reading(taxonomy, text, wanted, unwanted):
    found = set(analyse_need(text, taxonomy).capability_ids)
    assert wanted <= found and not unwanted & found, found


@pytest.mark.parametrize(
    ("text", "existing"),
    [
        ("Website haben wir, die ist ok. Wir brauchen eine Kasse.", {"website-cms"}),
        ("Unser PMS ist Casablanca, das bleibt. Wir suchen einen Chatbot.", {"hotel-software"}),
        # a short clause naming nothing between the thing and its "die bleibt"
        ("Die Kasse ham se vom Friseurbedarf, die geht, die bleibt. Wir brauchen Termine online.", {"pos"}),
        (
            "Die Kassen in den Filialen sind neu, mit TSE, die bleiben. Wir brauchen einen Onlineshop.",
            {"pos"},
        ),
        (
            "Die LKW haben GPS-Ortung, das ist okay. Wir brauchen ein Lagerverwaltungssystem.",
            {"fleet-management"},
        ),
        ("Zeiterfassung für die Fahrer, die Lohnabrechnung macht DATEV beim Steuerberater", {"payroll"}),
        ("our POS is Lightspeed and should stay; looking for table reservations", {"pos"}),
        ("Migration der bestehenden Exchange-Umgebung nach Exchange Online", set()),
    ],
)
def test_systems_in_use_said_in_everyday_words(taxonomy, text, existing):
    analysis = analyse_need(text, taxonomy)
    assert existing <= {h.id for h in analysis.existing}, analysis.existing
    assert not existing & set(analysis.capability_ids)
    if not existing:  # an adjective's noun follows it: the migration asked for is no system in use
        assert "cloud-migration" in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "refused", "wanted"),
    [
        # an article of negation at the clause's end negates backward
        ("Homepage bitte neu machen. Online-Shop brauchen wir keinen.", {"online-shop"}, {"website-cms"}),
        # "keiner" after a verb is nobody, not a refusal of what went before
        ("Unsere Homepage ist alt und bei Google findet uns keiner", set(), {"website-cms", "seo-sea"}),
    ],
)
def test_negation_after_its_noun(taxonomy, text, refused, wanted):
    analysis = analyse_need(text, taxonomy)
    assert {h.id for h in analysis.negated} == refused
    assert wanted <= set(analysis.capability_ids)


def test_a_business_named_betrieb_is_no_operation_and_have_stays_in_its_clause(taxonomy):
    analysis = analyse_need(
        "Maurerbetrieb: Bautagebuch und Stundenzettel sollen aufs Handy, siehe Auftrag", taxonomy
    )
    assert "managed-services" not in analysis.capability_ids
    analysis = analyse_need(
        "Wir suchen Zutrittskontrolle fürs Gelände, Software für die Verwaltung haben wir", taxonomy
    )
    assert "access-control" in analysis.capability_ids and not analysis.existing


def test_a_bad_wawi_is_a_need_not_a_system_in_use(taxonomy):
    assert "erp" in analyse_need("Unsere WaWi ist alt", taxonomy).capability_ids


@pytest.mark.parametrize(
    ("text", "role", "listed", "wanted"),
    [
        # a cue holds for every item of its list, each a clause of its own at a comma
        (
            "Telefonanlage gesucht. Nicht benötigt werden Videokonferenzen, Newsletter, Chat oder Teams.",
            "negated",
            {"video-conferencing", "newsletter", "collaboration"},
            {"telephony"},
        ),
        (
            "Telefonanlage gesucht. Not required are video conferencing, chat or newsletters.",
            "negated",
            {"video-conferencing", "chatbot", "newsletter"},
            {"telephony"},
        ),
        (
            "Wir suchen ein CRM. Vorhanden sind eine Warenwirtschaft, ein Onlineshop und eine Telefonanlage.",
            "existing",
            {"erp", "online-shop", "telephony"},
            {"crm"},
        ),
        (
            "We need a CRM. We already use an ERP, a webshop and a phone system.",
            "existing",
            {"erp", "online-shop", "telephony"},
            {"crm"},
        ),
        # ... and a cue after the list's last item for the items before it
        (
            "Telefonanlage gesucht. Videokonferenzen, Newsletter oder Chatbot brauchen wir nicht.",
            "negated",
            {"video-conferencing", "newsletter", "chatbot"},
            {"telephony"},
        ),
        # not a clause with a verb or a pronoun of its own, nor one that ends with its verb
        ("Wir haben schon DATEV, und brauchen ein CRM.", "existing", {"accounting"}, {"crm"}),
        (
            "Eiscafé sucht jemanden, der unser Instagram und Facebook betreut, Website und Kasse haben wir.",
            "existing",
            {"website-cms", "pos"},
            {"social-media"},
        ),
        # nor after a cue that holds for one thing of its clause only
        (
            "Follow-Me-Printing mit Authentifizierung über die vorhandenen Mitarbeiterausweise,"
            " Flottenmonitoring und quartalsweises Berichtswesen.",
            "existing",
            set(),
            {"managed-print"},
        ),
    ],
)
def test_a_cue_holds_for_its_list(taxonomy, text, role, listed, wanted):
    analysis = analyse_need(text, taxonomy)
    assert listed <= {h.id for h in getattr(analysis, role)}, (analysis.negated, analysis.existing)
    assert wanted <= set(analysis.capability_ids) and not listed & set(analysis.capability_ids)


def test_both_things_before_have_are_there(taxonomy):
    for text in (
        "Wir suchen Social Media Betreuung. Website und Kasse haben wir.",
        "Shop und Kasse sind vorhanden.",
    ):
        analysis = analyse_need(text, taxonomy)
        assert {"pos", "website-cms"} & set(analysis.capability_ids) == set(), analysis.capability_ids
    assert "crm" in analyse_need("Wir brauchen ein CRM und Kasse haben wir.", taxonomy).capability_ids


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # what is not right asks for mending: "stimmen seit Jahren nicht" refuses nothing
        (
            "Was nicht mehr geht, ist unsere Homepage: die hat ein Bekannter 2012 gebaut, auf dem Handy kann "
            "man nichts lesen und die Zimmerpreise stimmen seit Jahren nicht.",
            {"website-cms"},
            set(),
        ),
        # "da müssen Sie nichts machen" refuses the thing before it, as "da brauchen wir nichts" does
        (
            "Wir brauchen eine neue Website. Facebook und Instagram macht meine Nichte, da müssen Sie nichts "
            "machen.",
            {"website-cms"},
            {"social-media"},
        ),
        # a thing done by an outside party is so for the words around the verb, not for a dictation's whole
        # run-on clause
        (
            "hallo hier ist die praxis für physiotherapie wir bräuchten eine online terminbuchung die "
            "homepage haben wir schon die macht mein neffe und die gebuchten termine sollen direkt in unsere "
            "praxissoftware theorg laufen",
            set(),
            {"medical-practice"},
        ),
    ],
)
def test_things_not_right_and_nothing_to_do_there(taxonomy, text, wanted, unwanted):
    found = set(analyse_need(text, taxonomy).capability_ids)
    assert wanted <= found and not unwanted & found, found


def test_an_architects_words_and_both_of_a_sentence_that_asks(taxonomy):
    analysis = analyse_need(
        "We're an architecture practice working in Archicad with big BIM models. We'd like new on-prem "
        "storage and an IT partner who patches, monitors and picks up the phone.",
        taxonomy,
    )
    assert not {"wms", "construction-ava", "collaboration"} & set(analysis.capability_ids)
    assert "server-storage" in analysis.capability_ids
    # "beides" does not reach back into a sentence that asks for its thing
    analysis = analyse_need(
        "Wir brauchen einen neuen Server und eine Datensicherung, die funktioniert. Gezeichnet wird mit "
        "Archicad und ausgeschrieben mit ORCA AVA, beides bleibt so.",
        taxonomy,
    )
    assert {"server-storage", "backup"} <= set(analysis.capability_ids)
    assert "construction-ava" in {h.id for h in analysis.existing}
    # CAD and BIM modelling are one thing
    refused = {h.id for h in analyse_need("Wir brauchen kein CAD oder BIM.", taxonomy).negated}
    assert refused == {"cad-plm"}


def test_a_printers_portal_and_point_of_sale_material(taxonomy):
    found = set(
        analyse_need(
            "Die Kunden bestellen Flyer und POS-Material per Mail. Idee: ein Web-to-Print-Portal pro Kunde.",
            taxonomy,
        ).capability_ids
    )
    assert "customer-portal" in found and not {"pos", "managed-print"} & found


@pytest.mark.parametrize(
    ("text", "there", "wanted"),
    [
        # a task done with a named tool, verb first or last, is there
        (
            "Im Café kassieren wir mit orderbird. Wir hätten gern einen Onlineshop.",
            "restaurant-software",
            "online-shop",
        ),
        (
            "Die Rechnungen schreiben wir mit lexoffice, wir brauchen eine Zeiterfassung.",
            "accounting",
            "time-tracking",
        ),
        (
            "Die Mitglieder verwalten wir in WISO MeinVerein, da sollen neue Anmeldungen reinlaufen. Wir "
            "brauchen eine neue Website.",
            "membership-management",
            "website-cms",
        ),
        (
            "Newsletter verschicken wir über CleverReach. Wir suchen eine Veranstaltungssoftware.",
            "newsletter",
            "event-management",
        ),
        # not a thing's common name, nor today's way
        (
            "Die Zimmer verwalten wir mit einem Buchungsportal. Wir suchen eine Hotelsoftware.",
            "",
            "hotel-software",
        ),
    ],
)
def test_a_task_done_with_a_named_tool(taxonomy, text, there, wanted):
    analysis = analyse_need(text, taxonomy)
    assert wanted in analysis.capability_ids
    assert not there or (there in {h.id for h in analysis.existing} and there not in analysis.capability_ids)


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # devices counted past two adjectives are devices to supply
        (
            "Wir brauchen eine neue Telefonanlage. Dazu 15 vernünftige kabellose Headsets.",
            {"telephony", "hardware-supply"},
            set(),
        ),
        # ... not a product's version and a verb before them
        ("We want to move mail to Microsoft 365, enrol all laptops in Intune.", set(), {"hardware-supply"}),
        # Android devices are devices; shipping of a warehouse that is there is the warehouse's work
        (
            "Suchen 12 robuste Android-Handscanner und 3 Etikettendrucker für Wareneingang und Versand, WMS "
            "(PROLAG World) ist vorhanden und muss angebunden werden.",
            {"barcode-rfid"},
            {"mobile-app", "logistics-tms"},
        ),
        ("We need 20 Android tablets.", {"hardware-supply"}, {"mobile-app"}),
        ("Wir brauchen eine Android-App für unsere Fahrer.", {"mobile-app"}, set()),
    ],
)
def test_devices_counted_and_devices_of_a_system(taxonomy, text, wanted, unwanted):
    found = set(analyse_need(text, taxonomy).capability_ids)
    assert wanted <= found and not unwanted & found, found


def test_the_system_where_data_shows_is_there(taxonomy):
    analysis = analyse_need(
        "Wir brauchen eine neue Telefonanlage, und wenn ein Kunde anruft, soll im TMS (Soloplan CarLo) "
        "gleich sein Auftrag aufpoppen.",
        taxonomy,
    )
    assert analysis.capability_ids == ["telephony"]
    assert "logistics-tms" in {h.id for h in analysis.existing}
    # ... not the one asked for that it shows in
    assert (
        "crm"
        in analyse_need("Wir brauchen ein CRM, in dem die Kunden angezeigt werden.", taxonomy).capability_ids
    )


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # ordering online is food ordering only where food is made
        (
            "We are a pharmacy. Customers ask whether they can reserve or order online and pick up later. "
            "We'd like a click & collect web shop. Customers should be able to pay online or on pickup.",
            {"online-shop", "payment"},
            {"restaurant-software"},
        ),
        ("Wir sind eine Pizzeria und wollen Onlinebestellung.", {"restaurant-software"}, set()),
    ],
)
def test_ordering_online_where_food_is_made(taxonomy, text, wanted, unwanted):
    found = set(analyse_need(text, taxonomy).capability_ids)
    assert wanted <= found and not unwanted & found, found


def test_a_meeting_to_talk_is_no_booking(taxonomy):
    found = analyse_need("Wir brauchen Smartphones. Ein Termin zur Besprechung gerne bei uns.", taxonomy)
    assert found.capability_ids == ["hardware-supply"]
    asked = analyse_need("Patienten sollen online einen Termin zur Beratung buchen können.", taxonomy)
    assert "appointment-booking" in asked.capability_ids


def test_a_refusal_across_an_aside_refuses_the_thing_not_what_it_is_for(taxonomy):
    analysis = analyse_need(
        "Wir brauchen eine E-Signatur. Einen Chatbot für die Website, wie ihn uns letzte Woche schon jemand "
        "aufschwatzen wollte, möchten wir ausdrücklich nicht.",
        taxonomy,
    )
    assert {h.id for h in analysis.negated} == {"chatbot"}
    assert analysis.capability_ids == ["e-signature"]


def test_driving_lessons_booked(taxonomy):
    found = analyse_need("Fahrschüler sollen ihre Fahrstunden selbst buchen können.", taxonomy).capability_ids
    assert found == ["appointment-booking"]


def test_old_mails_moved_are_no_newsletter(taxonomy):
    found = analyse_need(
        "Ich brauche 3 Laptops und Office-Programme. Wäre super, wenn jemand die alten Mails rüberzieht.",
        taxonomy,
    ).capability_ids
    assert "newsletter" not in found and {"office-software", "data-migration"} <= set(found)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Wir brauchen Smartphones, das private Handy ist datenschutzmäßig ein Problem.", False),
        ("Wir suchen eine datenschutzgerechte Terminbuchung.", False),
        (
            "Lieferung eines Lernmanagementsystems. Ein Vertrag zur Auftragsverarbeitung nach Art. 28 DSGVO "
            "ist abzuschließen.",
            False,
        ),
        ("Wir brauchen Beratung zur DSGVO.", True),
    ],
)
def test_data_protection_as_a_quality_or_a_contracts_term(taxonomy, text, asked):
    assert ("data-protection" in analyse_need(text, taxonomy).capability_ids) is asked


def test_the_suite_moved_to_is_no_office_software_bought(taxonomy):
    found = analyse_need(
        "Wir möchten unseren alten Exchange-Server zu Microsoft 365 umziehen und brauchen eine "
        "Datensicherung.",
        taxonomy,
    ).capability_ids
    assert "cloud-migration" in found and "office-software" not in found


def test_an_isms_is_compliance_management(taxonomy):
    found = analyse_need(
        "Support in setting up an information security management system (ISMS) according to ISO/IEC 27001.",
        taxonomy,
    ).capability_ids
    assert "compliance-management" in found and "it-security" not in found


@pytest.mark.parametrize(
    ("text", "managed"),
    [
        ("Lieferung von Arbeitsplatz-IT für 48 Monate.", False),
        ("Interner Test von einem Standard-Arbeitsplatz aus.", False),
        ("Die Filialen rechnen mit dem Taschenrechner nach und faxen die Bestellungen.", False),
        ("Wir suchen einen Dienstleister, der unsere Rechner, Drucker und das WLAN im Büro betreut.", True),
        ("Die Diensthandys sollen zentral verwaltet werden.", True),
    ],
)
def test_devices_named_alone_are_no_device_management(taxonomy, text, managed):
    assert ("device-management" in analyse_need(text, taxonomy).capability_ids) is managed


@pytest.mark.parametrize(
    ("text", "till"),
    [
        # the till as a place
        ("Wir suchen eine stabile Vernetzung, die Abbrüche an der Kasse müssen aufhören.", None),
        # what stands in a place the clause opens with is there
        ("In den Filialen stehen Vectron-Kassen. Wir brauchen eine Warenwirtschaft.", "existing"),
        ("Wir brauchen eine neue Kasse für den Laden.", "asked"),
    ],
)
def test_the_till_as_a_place_and_standing_in_one(taxonomy, text, till):
    analysis = analyse_need(text, taxonomy)
    asked, there = "pos" in analysis.capability_ids, "pos" in {h.id for h in analysis.existing}
    assert (asked, there) == (till == "asked", till == "existing")


def test_a_server_that_is_due_is_no_server_there(taxonomy):
    assert "server-storage" not in {
        h.id for h in analyse_need("Im Büro steht ein neuer Server an.", taxonomy).existing
    }


@pytest.mark.parametrize(
    "text",
    [
        "Meine Kasse im Laden ist von orderbird. Wir brauchen einen Onlineshop.",
        "We need a web shop. POS across all sites is Lightspeed Restaurant (K-Series).",
    ],
)
def test_a_till_said_to_be_a_makers_is_there(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert "pos" in {h.id for h in analysis.existing} and "pos" not in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a person the writer has, or whose word counts
        ("Notices get lost in WhatsApp groups, which our data protection officer rightly hates.", False),
        ("Unser Datenschutzbeauftragter will Server in Deutschland. Wir brauchen ein Intranet.", False),
        ("Network video recorders with 72-hour retention as set by the data protection officer.", False),
        # the privacy others value, a camera's privacy masking
        ("No camera at the entrance, our guests value their privacy. We need wifi.", False),
        ("We need 38 IP cameras with privacy masking and recorders.", False),
        # a law things are to be done in line with
        ("All data must be stored in compliance with the revised Federal Act on Data Protection.", False),
        ("Alle Daten sind in Übereinstimmung mit dem Datenschutzgesetz zu verarbeiten.", False),
        # guards: asked for
        ("Wir brauchen einen externen Datenschutzbeauftragten und ein Intranet.", True),
        ("We need help with GDPR and a data protection officer.", True),
    ],
)
def test_data_protection_as_someones_or_as_a_frame_is_no_need(taxonomy, text, asked):
    analysis = analyse_need(text, taxonomy)
    assert ("data-protection" in analysis.capability_ids) is asked
    assert "compliance-management" not in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        (
            "Schulungen sind nicht Gegenstand dieser Vergabe, ebenso wenig Teams-Telefonie. "
            "Gesucht ist eine Migration nach Exchange Online.",
            {"training", "telephony"},
        ),
        ("Wir brauchen eine Website. Einen Onlineshop brauchen wir nicht, genauso wenig eine App.",
         {"online-shop", "mobile-app"}),
    ],
)  # fmt: skip
def test_nor_either_refuses_too(taxonomy, text, refused):
    analysis = analyse_need(text, taxonomy)
    assert refused <= {h.id for h in analysis.negated}
    assert not refused & set(analysis.capability_ids)


@pytest.mark.parametrize(
    ("text", "mail_asked"),
    [
        ("Wir wünschen uns einen besseren Spamschutz für unsere Postfächer (Exchange Online).", False),
        ("Gesucht: ein CRM für Headhunter. Must-have ist die Integration mit Outlook/Exchange Online.",
         False),
        # guards: mailboxes asked for, and mailboxes moved to the cloud (writers differ: left as it reads)
        ("Wir brauchen neue Postfächer für 20 Mitarbeiter.", True),
        ("Los 3: Migration der Exchange-Umgebung (2.300 Postfächer) nach Exchange Online.", True),
    ],
)  # fmt: skip
def test_mailboxes_another_service_acts_on_are_no_mail_system(taxonomy, text, mail_asked):
    analysis = analyse_need(text, taxonomy)
    assert ("email-system" in analysis.capability_ids) is mail_asked
    assert ("email-system" in {h.id for h in analysis.existing}) is not mail_asked


@pytest.mark.parametrize(
    ("text", "licences"),
    [
        ("Gegenstand: Lizenzierung, Installation und Konfiguration einer Lernplattform (LMS).", False),
        ("Leistungsumfang: Lizenzen, Einrichtung, Übernahme der Stammdaten. Gesucht ist eine Pflegesoftware.",
         False),
        ("We want a cloud PMS. Please send a proposal with licence costs and a rough timeline.", False),
        # guards: licences supplied, licences managed
        ("Lieferung von Microsoft-Lizenzen, Installation und Konfiguration für 200 Arbeitsplätze.", True),
        ("Wir brauchen ein Lizenzmanagement für unsere Software.", True),
    ],
)  # fmt: skip
def test_licences_with_the_products_setup_or_price_are_part_of_it(taxonomy, text, licences):
    assert ("software-licensing" in analyse_need(text, taxonomy).capability_ids) is licences


@pytest.mark.parametrize(
    "text",
    [
        "Von: Einkauf Caritas-Altenhilfe gGmbH\nBetreff: WG: Pflegedoku\n\nWir suchen eine Pflegesoftware.",
        "Von: Einkauf Caritas-Altenhilfe gGmbH Betreff: Pflegedokumentation. Wir suchen eine Pflegesoftware.",
    ],
)
def test_a_mail_headers_sender_is_no_need(taxonomy, text):
    assert analyse_need(text, taxonomy).capability_ids == ["care-software"]


@pytest.mark.parametrize(
    ("text", "there"),
    [
        ("Wir suchen eine Kanzleisoftware. Unsere Finanzbuchhaltung wird weiterhin mit DATEV erstellt.",
         "accounting"),
        ("Wir wollen ein SOC. Wir haben an allen Standorten Sophos-Firewalls und Sophos Intercept X als EDR "
         "im Einsatz.", "it-security"),
    ],
)  # fmt: skip
def test_a_task_still_done_and_things_had_in_use_are_there(taxonomy, text, there):
    analysis = analyse_need(text, taxonomy)
    assert there in {h.id for h in analysis.existing} and there not in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "booking"),
    [
        ("Physiopraxis mit 6 Therapeuten sucht Praxissoftware mit Abrechnung und Terminplanung.", False),
        ("Wir suchen eine Handwerkersoftware, die Angebote schreibt, die Termine plant und Teams einteilt.",
         False),
        ("Wir brauchen ein MES, weil unser größter Kunde genauere Liefertermine verlangt.", False),
        ("Die Einweisung erfolgt an zwei Abendterminen vor Ort. Gesucht: 40 Tablets.", False),
        # guards: customers book
        ("Wir suchen eine Praxissoftware, und Patienten sollen Termine online buchen können.", True),
        ("Unser Friseursalon braucht ein Buchungssystem für Termine.", True),
    ],
)  # fmt: skip
def test_a_trade_softwares_own_appointments_are_no_booking(taxonomy, text, booking):
    assert ("appointment-booking" in analyse_need(text, taxonomy).capability_ids) is booking


@pytest.mark.parametrize(
    ("text", "collaboration"),
    [
        ("Wir wollen E-Mail und Dateien in Microsoft 365 umziehen und eine Datensicherung.", False),
        ("Over the next months we want to move mail and files to Microsoft 365.", False),
        # guard: a switch to the suite adopts it
        ("Wir brauchen Hilfe bei der Umstellung auf Microsoft 365 und eine Benutzerverwaltung.", True),
    ],
)
def test_a_suite_things_move_into_is_no_collaboration_bought(taxonomy, text, collaboration):
    assert ("collaboration" in analyse_need(text, taxonomy).capability_ids) is collaboration


def test_a_forwarding_system_is_a_transport_system_there(taxonomy):
    analysis = analyse_need(
        "Shipment data comes from our forwarding system CargoWise and documents are stored in our DMS; both "
        "stay. We want a customer portal.",
        taxonomy,
    )
    assert {"logistics-tms", "dms"} <= {h.id for h in analysis.existing}
    assert analysis.capability_ids == ["customer-portal"]


@pytest.mark.parametrize(
    ("text", "there", "asked"),
    [
        ("Wir brauchen eine Firewall, denn unser PMS (apaleo), die Kartenterminals und das Telefon hängen "
         "am Netz.", "hotel-software", "it-security"),
        ("Wir brauchen neue Laptops. Auf denen muss unser Handwerkerprogramm (Streit V.1), das wir seit "
         "Jahren haben, laufen.", "craft-software", "hardware-supply"),
    ],
)  # fmt: skip
def test_ours_named_in_brackets_is_there(taxonomy, text, there, asked):
    analysis = analyse_need(text, taxonomy)
    assert there in {h.id for h in analysis.existing}
    assert analysis.capability_ids == [asked]


def test_ours_with_a_word_in_brackets_is_no_name(taxonomy):
    text = "Unsere Website (veraltet), die keiner pflegt, soll neu gemacht werden."
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["website-cms"]


@pytest.mark.parametrize(
    "text",
    [
        "Framework agreement for penetration testing and IT security assessments.",
        "We'd like an external security assessment of our network.",
    ],
)
def test_a_security_assessment_is_a_penetration_test(taxonomy, text):
    assert analyse_need(text, taxonomy).capability_ids == ["penetration-testing"]


def test_a_managed_firewall_is_no_care_of_the_pcs(taxonomy):
    text = (
        "We'd like a security assessment of our network, a managed firewall at each site, and a proper "
        "backup with offsite copies for the reception PCs and our local file server."
    )
    assert "device-management" not in analyse_need(text, taxonomy).capability_ids


def test_a_refusal_reaches_over_a_relative_clause_and_its_subordinate(taxonomy):
    analysis = analyse_need(
        "Wir wollen Temperaturüberwachung. Irgendwelche KI-Prognosen, die vorhersagen, wann ein Aggregat "
        "ausfällt, brauchen wir ausdrücklich nicht.",
        taxonomy,
    )
    assert "ai-ml" in {h.id for h in analysis.negated} and "ai-ml" not in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "controlling"),
    [
        ("We search a CAQ software: complaints/8D, gauge management, FMEA and control plans.", False),
        ("Wir suchen eine CRM-Lösung. Budgetrahmen Jahr 1: bis 15.000 €.", False),
        ("Wir suchen ein Tool für Timesheets, damit wir sehen, welche Jobs profitabel sind – billable vs. "
         "non-billable hours, Budget-Alerts, Ressourcenplanung fürs Team.", False),
        # guards: budgets planned and followed, controlling named
        ("Wir brauchen ein Projektcontrolling: Stunden auf Projekte buchen, Budget vs. actual.", True),
        ("Wir suchen eine Software für Controlling und Liquiditätsplanung.", True),
    ],
)  # fmt: skip
def test_control_and_the_budgets_a_tool_keeps_are_no_controlling(taxonomy, text, controlling):
    assert ("controlling" in analyse_need(text, taxonomy).capability_ids) is controlling


def test_wissenstransfer_to_administrators_is_training(taxonomy):
    text = "Zu liefern sind zwei Backup-Server, Installation und Wissenstransfer an drei Administratoren."
    assert "training" in analyse_need(text, taxonomy).capability_ids


def test_a_trades_verwaltungsprogramm_is_its_software_there(taxonomy):
    analysis = analyse_need(
        "Wir sind eine Hausverwaltung in Kiel mit 1.200 Einheiten. Unser Verwaltungsprogramm (Domus 4000) "
        "ist gut und bleibt. Wir wollen Belege scannen und ein Mieterportal.",
        taxonomy,
    )
    assert "property-management" in {h.id for h in analysis.existing}
    assert set(analysis.capability_ids) == {"ocr-capture", "customer-portal"}


@pytest.mark.parametrize(
    ("text", "till"),
    [
        ("Wir wollen ein WLAN mit einer sauberen Trennung von Gästenetz, Verwaltung und Kassen.", False),
        ("Wir wollen ein neues WLAN mit einer sauberen Trennung von Gästenetz und Kassen.", False),
        # guard: a new clause after ", und"
        ("Wir brauchen ein WLAN, getrennt vom Büro, und neue Kassen.", True),
    ],
)
def test_what_a_network_is_separated_from_is_no_need(taxonomy, text, till):
    assert ("pos" in analyse_need(text, taxonomy).capability_ids) is till


def test_a_refusal_reaches_over_or_similar_things(taxonomy):
    analysis = analyse_need(
        "Wir wollen ein Intranet. Einen KI-Chatbot oder ähnliche Spielereien brauchen wir nicht.",
        taxonomy,
    )
    assert analysis.capability_ids == ["intranet"] and "chatbot" in {h.id for h in analysis.negated}


@pytest.mark.parametrize(
    "text",
    [
        "We need time tracking. Payroll goes out to our accountant as an export, that's fine.",
        "Wir brauchen Zeiterfassung. Die Lohnabrechnung geht als Export an den Steuerberater, das passt so.",
    ],
)
def test_a_way_said_to_be_fine_is_kept(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["time-tracking"] and "payroll" in {h.id for h in analysis.existing}


def test_that_is_fine_keeps_only_the_clause_right_before(taxonomy):
    text = "the wifi in the shop drops and the nas in the closet (which we keep, it's fine) needs a backup."
    assert "network" in analyse_need(text, taxonomy).capability_ids


def test_a_direct_debit_named_as_a_way_to_pay_is_no_banking(taxonomy):
    text = "Wir brauchen eine Homepage, wo man online spenden kann – PayPal oder Lastschrift."
    assert set(analyse_need(text, taxonomy).capability_ids) == {"website-cms", "payment"}


@pytest.mark.parametrize(
    ("text", "training"),
    [
        ("We need an e-learning platform: mandatory training such as hygiene and fire safety is still done "
         "on paper.", False),
        ("Der Kongress hat 40 Workshops. Wir suchen eine Teilnehmerverwaltung mit Workshop-Auswahl und "
         "Online-Anmeldung zum Kongress.", False),
        # guards: a training bought beside the system
        ("Wir suchen eine Lernplattform und eine Schulung der Administratoren.", True),
        ("Wir suchen eine Veranstaltungsverwaltung und eine Schulung für unser Team.", True),
    ],
)  # fmt: skip
def test_trainings_a_platform_teaches_or_events_hold_are_no_training_bought(taxonomy, text, training):
    assert ("training" in analyse_need(text, taxonomy).capability_ids) is training


@pytest.mark.parametrize(
    ("text", "hardware"),
    [
        ("Wir brauchen einen Preisrechner auf der Website.", False),
        ("Wir brauchen einen Umzugsrechner für unsere Website.", False),
        ("Wir brauchen 5 neue Arbeitsplatzrechner.", True),
    ],
)  # fmt: skip
def test_a_calculator_on_a_website_is_no_computer(taxonomy, text, hardware):
    assert ("hardware-supply" in analyse_need(text, taxonomy).capability_ids) is hardware


@pytest.mark.parametrize(
    ("text", "migration"),
    [
        ("Gesucht: ein CRM. Die Excel-Pipeline (ca. 4.000 Kontakte) muss importiert werden.", True),
        ("We need a new POS. Our menu and all the modifiers should be moved over, not retyped.", True),
        # a website's contents taken over: 15 of the 24 texts of the read corpora that say so count it a
        # migration (in a longer text the screen weighs it)
        ("Relaunch der Website inkl. Übernahme der bestehenden Inhalte und Hosting.", True),
        # guard: the data itself is the need, no migration without a word of data taken over
        ("Relaunch der Website inkl. Hosting und Übernahme der Domain.", False),
    ],
)
def test_contacts_imported_and_a_menu_moved_over_are_a_data_migration(taxonomy, text, migration):
    assert ("data-migration" in analyse_need(text, taxonomy).capability_ids) is migration


def test_the_delivery_of_devices_bought_is_no_transport_system(taxonomy):
    text = (
        "Lieferung von 400 Notebooks. Die Geräte sind vor Auslieferung per Autopilot im bestehenden "
        "Intune-Mandanten zu registrieren."
    )
    assert "logistics-tms" not in analyse_need(text, taxonomy).capability_ids


@pytest.mark.parametrize(
    ("text", "put_off"),
    [
        ("Wir brauchen eine Pflegesoftware. Irgendwann wollen wir vielleicht auch ein Intranet.", "intranet"),
        ("We need care software. Someday we might also want a new intranet, but not now.", "intranet"),
        ("We need care software. An intranet may come later, not now.", "intranet"),
        ("Wir brauchen eine Pflegesoftware. Ein Intranet vielleicht auch, aber nicht jetzt.", "intranet"),
    ],
)
def test_a_wish_put_off_asks_for_nothing_now(taxonomy, text, put_off):
    # found by a new-user probe: the English "but not now" left the intranet searched
    found = analyse_need(text, taxonomy).capability_ids
    assert "care-software" in found and put_off not in found


def test_a_later_wish_with_a_need_of_today_keeps_the_need(taxonomy):
    # guard: "someday" holds for its own clause only
    text = "Wir brauchen jetzt eine Pflegesoftware, irgendwann vielleicht ein Intranet."
    assert "care-software" in analyse_need(text, taxonomy).capability_ids


@pytest.mark.parametrize(
    "text",
    [
        "We need care software. Our payroll is outsourced.",
        "Wir brauchen eine Pflegesoftware. Die Lohnabrechnung ist ausgelagert.",
        "Wir brauchen eine Pflegesoftware. Die Lohnabrechnung macht ein Büro für uns.",
    ],
)
def test_a_task_outsourced_is_there_and_no_need(taxonomy, text):
    # found by a new-user probe: "Our payroll is outsourced" was read as payroll asked for
    analysis = analyse_need(text, taxonomy)
    assert "payroll" not in analysis.capability_ids and "payroll" in {h.id for h in analysis.existing}
    assert "wms" not in analysis.capability_ids  # "ausgelagert" holds no Lager


@pytest.mark.parametrize(
    ("text", "cap", "not_cap"),
    [
        (
            "Wir wollen unsere IT auslagern, am liebsten an ein Systemhaus aus der Region.",
            "managed-services",
            "wms",
        ),
        (
            "Unser Hotelbuchungssystem ist veraltet, wir brauchen ein neues.",
            "hotel-software",
            "appointment-booking",
        ),
        ("Wir möchten unseren Rundbrief per E-Mail an die Mitglieder schicken.", "newsletter", None),
        ("We would also like an awareness session for all eleven people.", "training", None),
    ],
)
def test_everyday_names_of_an_outsourcing_a_hotel_system_a_newsletter_and_an_awareness_training(
    taxonomy, text, cap, not_cap
):
    found = analyse_need(text, taxonomy).capability_ids
    assert cap in found and not_cap not in found


@pytest.mark.parametrize(
    "text",
    [
        "Lieferung von 50 Notebooks. Schulungen für die Anwender sind Teil des Auftrags.",
        "Die Schulungen sind Bestandteil der Leistung.",
        "Schulungen sind Gegenstand des Auftrags.",
    ],
)
def test_a_thing_said_to_be_part_of_the_contract_is_bought_not_there(taxonomy, text):
    # found by a new-user probe: "Teil" after the copula was read as a product's name, so the trainings
    # were shown as a system the buyer runs
    analysis = analyse_need(text, taxonomy)
    assert "training" in analysis.capability_ids and "training" not in {h.id for h in analysis.existing}


def test_a_system_just_introduced_is_there(taxonomy):
    # found by a new-user probe: "Wir haben gerade einen Onlineshop eingeführt" searched a shop
    analysis = analyse_need(
        "Wir haben gerade einen Onlineshop eingeführt und suchen jetzt eine Warenwirtschaft.", taxonomy
    )
    assert analysis.capability_ids == ["erp"] and "online-shop" in {h.id for h in analysis.existing}


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        (
            "Sanitärbetrieb, 8 PCs + 1 Server – suchen IT-Firma für feste Betreuung in der Nähe.",
            "managed-services",
        ),
        (
            "Wir brauchen jemanden, der die Betreuung übernimmt – Updates, Störungen, Ansprechpartner.",
            "managed-services",
        ),
        ("Umzugsfirma: Wir bräuchten ein Programm für die Anfragen und Kunden.", "crm"),
        ("Wir brauchen ein Programm, wo alle Kunden und Anfragen drin sind, mit Status.", "crm"),
    ],
)
def test_the_care_of_a_firms_it_and_a_programme_for_enquiries_and_customers(taxonomy, text, cap):
    assert cap in analyse_need(text, taxonomy).capability_ids


@pytest.mark.parametrize(
    ("text", "cap"),
    [
        # needs_holdout38 to 48: what writers wrote and no rule had found
        (
            "suchen jemand der unser shopware 6 mit DATEV Unternehmen online verbindet, schnittstelle",
            "integration-platform",
        ),
        ("Ferienwohnungen: Die Gäste sollen auf der Homepage direkt buchen und anzahlen können.", "payment"),
        (
            "Brauchen für unsere 6 Ferienwohnungen Code-Schlösser statt Schlüsselübergabe, bitte Angebot.",
            "access-control",
        ),
        ("We want the staff to clock in and out at the café on their phones.", "time-tracking"),
        ("Customer and address master data should be taken over from the Access DB.", "data-migration"),
        ("Die Kundendaten und die Artikel müssten irgendwie rübergenommen werden.", "data-migration"),
        ("All the customer and car data from the old program must come over somehow.", "data-migration"),
        # what expires ("läuft aus") is no system kept
        ("Unser Drucker-Leasing läuft aus, brauchen neuen Vertrag mit Service.", "managed-print"),
        ("Suchen Zeitfenstermanagement für Lieferanten an unserem Lager, 28 Tore.", "logistics-tms"),
        ("We want one login for everything, with two-factor for everyone.", "identity-management"),
        ("Die Außendienstler schreiben ihre Besuchsberichte als Word-Datei, das soll besser werden.", "crm"),
        ("Wir möchten den Stammgästen eine Rundmail mit Abmeldelink schicken.", "newsletter"),
    ],
)
def test_what_writers_ask_for_in_their_own_words(taxonomy, text, cap):
    wanted = analyse_need(text, taxonomy).capability_ids
    assert cap in wanted, wanted


def test_a_link_asked_for_alone_needs_a_word_of_linking(taxonomy):
    # nothing else asked and no word of linking: nothing to search
    assert analyse_need("suchen jemand für unser shopware 6 und DATEV", taxonomy).capability_ids == []


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        # needs_holdout52 to 55: the trouble told in plain words, with no name of a product
        (
            "Die Kundinnen sollen sich ihren Termin selber aussuchen können, auch abends.",
            "appointment-booking",
            "",
        ),
        ("Wir wollen auf einer Karte sehen, wo unsere Wagen gerade sind.", "fleet-management", ""),
        (
            "Kein Anruf soll mehr verloren gehen, Anrufe sollen an einen Kollegen weitergeleitet werden.",
            "telephony",
            "",
        ),
        (
            "Die Mitglieder stehen in einer Excel-Liste; die Beiträge sollen automatisch eingezogen werden.",
            "membership-management",
            "",
        ),
        (
            "Wenn der Rechner im Büro kaputt geht, sind alle Zeichnungen weg. Was kann man da machen?",
            "backup",
            "",
        ),
        (
            "Jede Schadensmeldung soll einem Kollegen zugewiesen werden; wir wollen sehen, was offen ist.",
            "ticketing",
            "",
        ),
        (
            "Wenn jemand uns verlässt, wollen wir ihm alle Zugänge auf einmal sperren.",
            "identity-management",
            "",
        ),
        ("Ich will endlich wissen, wer welchen Laptop hat.", "it-asset-management", ""),
        ("Our drivers should get their stops in a sensible order on their phones.", "logistics-tms", ""),
        ("I want everyone to work on the same files, from the office and from home.", "collaboration", ""),
        ("Die Monteure sollen ihre Aufträge morgens aufs Tablet geschickt bekommen.", "field-service", ""),
        ("Jeder soll auf seinem Handy sehen, wo er morgen hin muss.", "field-service", ""),
        ("Die Gäste sollen ihre Fragen jederzeit automatisch beantwortet bekommen.", "chatbot", ""),
        ("Ich möchte lieber in den Rechner sprechen statt alles zu tippen.", "speech-recognition", ""),
        ("Bürger sollen Anträge von zu Hause aus stellen können.", "online-forms", ""),
        ("Kunden sollen abends einen Strauß bestellen und gleich bezahlen können.", "online-shop", ""),
        # guards: ordering at the table, a letter's "wie besprochen", hours typed, a busy line, a refusal,
        # posts ("Beiträge") where nothing names a club, a card terminal is no "Termin" nor "sehr" a "sehen"
        ("Biergarten: Bestellung per QR-Code am Tisch und bezahlen mit dem Handy", "payment", "online-shop"),
        ("Wie besprochen: unser größter Kunde will künftig E-Rechnungen.", "e-invoicing", "crm"),
        ("Meine Frau tippt die Stundenzettel für die Rechnungen ab.", "time-tracking", "ocr-capture"),
        (
            "Morgens ist das Telefon dauerbesetzt, die Patienten sollen Termine online buchen.",
            "appointment-booking",
            "telephony",
        ),
        ("Wir wollen nicht auf einer Karte sehen, wo unsere Wagen sind.", "", "fleet-management"),
        (
            "Abläufe vereinfachen: die Beiträge auf Instagram sollen automatisch geplant werden.",
            "social-media",
            "membership-management",
        ),
        ("Die Kunden zahlen selbst am Terminal, das soll sehr schnell gehen.", "", "appointment-booking"),
        ("Die Kunden zahlen selbst am Terminal, das soll sehr schnell gehen.", "", "customer-portal"),
        # needs_holdout56 and 57 read, 58 and 60 to 63 figures only
        ("Die Eltern sollen das Essen bestellen und gleich im Voraus bezahlen können.", "payment", ""),
        (
            "Unsere Monteure schreiben auf, was sie gemacht haben, und der Kunde unterschreibt vor Ort.",
            "field-service",
            "",
        ),
        ("Unsere Monteure sind gut. Der Kunde unterschreibt den Vertrag im Büro.", "", "field-service"),
        (
            "Wenn die Rechner verschlüsselt werden, wollen wir am nächsten Tag weiterarbeiten können.",
            "backup",
            "",
        ),
        ("Der Fahrer soll beim Abliefern die Unterschrift des Empfängers festhalten.", "logistics-tms", ""),
        (
            "Aus den Bestellungen soll jeden Morgen eine sinnvolle Reihenfolge für den Fahrer werden.",
            "logistics-tms",
            "",
        ),
        # a dictation's run-on clause: the no of "geht nicht ran" is not the want's
        (
            "ich ruf den fahrer an der geht nicht ran und ich will dass der kunde selber sehen kann was ist",
            "customer-portal",
            "",
        ),
        (
            "ich will dass die Schüler selber sehen wann ich frei bin und sich eintragen",
            "",
            "customer-portal",
        ),
        # a dictation's refusals reach neither over a new ask nor back over a new thought
        (
            "ja hallo hier ist der Salon am Markt das Telefon klingelt den ganzen Tag und ich kann nicht ran"
            " und abends wollen die Kundinnen einen Termin buchen wenn der Laden zu ist außerdem kommen Leute"
            " einfach nicht dann steh ich da und warte",
            "appointment-booking",
            "",
        ),
        ("Ich möchte mit manchen Patienten Sitzungen über den Bildschirm machen.", "video-conferencing", ""),
        ("Die Kunden sollen mir ihre Wohnung live übers Handy zeigen.", "video-conferencing", ""),
        (
            "Mitglieder, die nicht anreisen können, sollen zur Sitzung zugeschaltet werden.",
            "video-conferencing",
            "",
        ),
        ("A patient complained that her data was visible on the reception screen.", "", "video-conferencing"),
        (
            "Wir brauchen elf neue PCs mit Bildschirm, die Patienten sehen sonst nichts.",
            "",
            "video-conferencing",
        ),
        ("Die Bürger sollen ihre Anliegen von zu Hause aus erledigen können.", "online-forms", ""),
        ("Die Handwerker sollen den Antrag jederzeit stellen und Fotos beifügen können.", "online-forms", ""),
        ("Ich stell mir vor, dass man die Teile beim Rausnehmen einfach anpiepst.", "barcode-rfid", ""),
        (
            "Die Führerscheinkontrolle mache ich mit einer Liste, ich will rechtzeitig erinnert werden.",
            "fleet-management",
            "",
        ),
        (
            "Die Gäste sollen selbst reinkommen, ohne dass ich mit dem Schlüssel warten muss.",
            "access-control",
            "",
        ),
        # a joiner's cupboards are no barrier ("Schranke", whose lemma the dictionary gives as "Schrank")
        ("Ich zeichne die Küchen und Schränke am Rechner.", "", "access-control"),
        ("Wenn ein Kunde eine Schrankwand will, zeichne ich das von Hand.", "", "access-control"),
        ("Wir brauchen eine Schranke an der Einfahrt.", "access-control", ""),
        ("Den Dienstplan mache ich in Excel, Urlaub wird auf Zetteln beantragt.", "hr", ""),
        ("Wenn der Kollege Urlaub hat, sucht man eine halbe Stunde nach einer Palette.", "", "hr"),
        ("Die Jungs sollen ihre Stunden direkt aufm Handy eintragen.", "time-tracking", ""),
        ("Die Fotos sollen so abgelegt werden, dass man sie auch Jahre später wiederfindet.", "dms", ""),
        # words of everyday English that spell a capability's word: a railway train, a pronoun
        ("If that rucksack gets nicked on the train, we're finished.", "", "training"),
        ("We want to train our staff on the new system.", "training", ""),
        ("Twice a guest left with the key in his pocket.", "", "hospital-information"),
        ("Wir brauchen ein neues HIS für das Klinikum.", "hospital-information", ""),
        # the reader's own things are the way the writer came
        (
            "Ich rufe an, weil Ihr Formular im Internet nicht ging. Wir brauchen eine Website.",
            "",
            "online-forms",
        ),
        # a line to the internet is no link of systems
        ("Our internet connection drops two or three times a week.", "", "integration-platform"),
        # dialect and dictation refusals
        ("Kameras in die Flure kommen mir net, das wollen die Angehörigen net.", "", "video-surveillance"),
        ("Kameras will ich da keine hinhängen das mögen die Gäste nicht", "", "video-surveillance"),
        ("Residents shall pick a time in advance for a specific service.", "appointment-booking", ""),
        ("Every person should get an answer in his or her own language.", "translation", ""),
        ("Er möchte seine Fahrer erreichen, jeden in seiner Sprache.", "translation", ""),
        ("I want the customer to see by himself where his delivery is.", "customer-portal", ""),
        # "vorher sagen" tells beforehand, "vorhersagen" predicts
        ("Wir wollen den Kunden vorher sagen, wann der Fahrer kommt.", "", "ai-ml"),
        # a bare refusal after the fact refuses what its sentence named before it
        ("So eine Ortung, wo die Autos sind, will ich nicht.", "", "fleet-management"),
        (
            "Wir brauchen eine Website, aber so eine Ortung, wo die Autos sind, will ich nicht.",
            "website-cms",
            "",
        ),
        # what a customer was promised, known to one head only
        ("Jeder hat seine Kunden im Kopf, und keiner weiß, wem was versprochen wurde.", "crm", ""),
        # gaps left by cancellations
        ("Die Absagen kommen am Wochenende und Montag stehen wir mit Lücken da.", "appointment-booking", ""),
    ],
)
def test_a_trouble_told_in_plain_words(taxonomy, text, wanted, unwanted):
    found = analyse_need(text, taxonomy).capability_ids
    assert (not wanted or wanted in found) and unwanted not in found, found
