"""General readings of need texts added after needs_holdout4.json (issue 12): each a kind of text, not a
sentence of a corpus. Every case failed before the reading was added."""

import pytest

from itkoop.engine import analyse_need, builtin_taxonomy_dict, taxonomy_from_dict


@pytest.fixture(scope="module")
def taxonomy():
    return taxonomy_from_dict(builtin_taxonomy_dict())


def _read(text, taxonomy):
    analysis = analyse_need(text, taxonomy)
    return (
        set(analysis.capability_ids),
        {h.id for h in analysis.negated},
        {h.id for h in analysis.existing},
    )


@pytest.mark.parametrize(
    "text, capability",
    [
        # a compound said with its parts turned round
        ("Gesucht wird eine Lösung zur Verwaltung der Mitglieder unseres Vereins", "membership-management"),
        # a modifier keeps its linking element
        ("Wir suchen ein Videosprechstunden-Tool für die Praxis", "video-conferencing"),
        # an estimate of a body shop
        ("Karosseriebau: Kostenvoranschläge und Schadensfotos laufen noch per Fax", "workshop-software"),
        # a signature given on a device
        ("Der Kunde soll am Ende auf dem Tablet unterschreiben", "e-signature"),
        # mails to encrypt
        ("Versicherungsmakler braucht eine Lösung für E-Mails an Kunden, verschlüsselt", "email-security"),
        # upkeep of devices is running them as a service
        ("Wir suchen jemanden für die Wartung und Betreuung von rund 40 PCs", "managed-services"),
        ("We need maintenance of our 25 laptops and the printers", "managed-services"),
        ("Wir suchen einen IT-Dienstleister, der unsere IT betreut, und ein SIEM.", "managed-services"),
        # a channel's own advertising is social media marketing
        (
            "We'd also welcome help with Instagram and Facebook ads to get the shop off the ground.",
            "social-media",
        ),
        # a service booked online is an appointment booked
        ("Die Kunden sollen ihren Reifenwechsel online buchen können.", "appointment-booking"),
        # a KI-Telefonassistent in its plural
        ("Wir wünschen uns einen KI-Telefonassistenten, der Rezeptwünsche annimmt.", "chatbot"),
        # a slot booked is an appointment booked
        ("Customers should book a slot for a free on-site quote online.", "appointment-booking"),
        ("We need a tool to write a quote quickly on site and send it.", "craft-software"),
        # being found on a search engine is search engine marketing
        ("Die neue Website soll bei Google auftauchen, wenn jemand Tischler Stade eintippt.", "seo-sea"),
        ("We need a website and we want to show up on Google for searches like dentist Munich", "seo-sea"),
        # instruction of people is training
        ("Einführung eines webbasierten GIS, Einweisung der Anwender", "training"),
        ("Bitte um ein Angebot für den Umzug, gern mit einer kurzen Einweisung fürs Team.", "training"),
        # a compound's head with its verb: a Besichtigungstermin booked is an appointment booked
        ("Kunden sollen online einen Besichtigungstermin buchen können", "appointment-booking"),
        ("Friseursalon: Kunden sollen ihren Friseurtermin per App buchen", "appointment-booking"),
    ],
)
def test_a_need_said_in_other_words_is_read(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, capability",
    [
        # "Laden: Kasse" is no "Ladenkasse" that hides the Kasse of its own clause
        ("Goldschmiede mit Laden: Kasse und Onlineshop", "pos"),
        # a state that is lacking is no refusal
        ("Unsere Homepage ist nicht barrierefrei.", "accessibility"),
    ],
)
def test_a_word_of_one_clause_and_a_lacking_state_are_read(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Eine Website haben wir noch nicht", "website-cms"),
        ("We don't have a website yet", "website-cms"),
        ("We do not have a website", "website-cms"),
        ("Design/UX gibts noch gar nicht", "ux-design"),
    ],
)
def test_a_thing_not_had_is_a_lack_not_a_refusal(taxonomy, text, capability):
    wanted, refused, there = _read(text, taxonomy)
    assert capability in wanted and capability not in refused | there


@pytest.mark.parametrize(
    "text, refused, wanted",
    [
        # no longer needed or bought
        ("Einen Onlineshop brauchen wir nicht mehr.", {"online-shop"}, set()),
        ("Einen neuen Server wollen wir ausdrücklich nicht mehr anschaffen.", {"server-storage"}, set()),
        # things joined by "und" are refused together
        ("Onlineshop und Kasse brauchen wir nicht.", {"online-shop", "pos"}, set()),
        (
            "Predictive Maintenance und KI-Zeug bitte erstmal nicht anbieten.",
            {"predictive-maintenance"},
            set(),
        ),
        # an "aber" before the negation sets the clause against another one
        (
            "Bilder sollen mit den Artikeln verknüpft sein, ein DAM brauchen wir aber nicht.",
            {"digital-asset-management"},
            set(),
        ),
        ("Eine Website brauchen wir, einen Onlineshop aber nicht.", {"online-shop"}, {"website-cms"}),
        ("Eine App oder ein Portal für Angehörige brauchen wir nicht.", {"mobile-app"}, set()),
        ("Ein großes Dokumentenmanagement wollen wir dafür nicht.", {"dms"}, set()),
        # English negations split at the apostrophe
        ("We aren't looking for a CRM, only for a newsletter tool.", {"crm"}, {"newsletter"}),
        ("A webshop isn't needed.", {"online-shop"}, set()),
        ("We haven't got a website and don't want one.", {"website-cms"}, set()),
        (
            "Cameras in the corridors we don't need, our guests would not like that.",
            {"video-surveillance"},
            set(),
        ),
        ("Accounting software we don't need, our tax adviser does that.", {"accounting"}, set()),
        # refused by a noun: "kein Thema", "not an option"
        ("Ein CRM ist aktuell kein Thema.", {"crm"}, set()),
        ("A CRM is not an option for us.", {"crm"}, set()),
        # done in-house is not bought
        ("Social Media machen wir selbst, da brauchen wir keine Agentur.", {"social-media"}, set()),
        ("We handle social media ourselves. We need a new website.", {"social-media"}, {"website-cms"}),
        # a refused system's app is an app to build
        (
            "Ein großes Transportmanagementsystem wollen wir nicht. Wir brauchen eine Fahrer-App.",
            {"logistics-tms"},
            {"mobile-app"},
        ),
    ],
)
def test_a_refusal_reaches_what_it_refuses(taxonomy, text, refused, wanted):
    found, negated, _ = _read(text, taxonomy)
    assert refused <= negated and not refused & found and wanted <= found


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Wir möchten die Belege nicht mehr auf Papier sammeln.", "ocr-capture"),
        ("Wir brauchen ein CRM und Newsletter wollen wir nicht.", "crm"),
        ("Wir brauchen einen Onlineshop, aber nicht sofort.", "online-shop"),
        ("Wir brauchen eine Datenschutzberatung, das ist uns wichtig.", "data-protection"),
        ("Wir suchen einen KI-Chatbot und eine KI-gestützte Prognose.", "ai-ml"),
        ("Wir haben eine Kasse und einen Onlineshop brauchen wir nicht.", "pos"),
        # "without" refuses what follows it, never what comes before; "we're after" asks, it describes nothing
        (
            "We're after a table reservation system. We'd love a fresh website where the menu can be updated "
            "without calling a developer.",
            "restaurant-software",
        ),
        ("Wir möchten die Website selbst pflegen können.", "website-cms"),
        ("Wir brauchen ein CMS, damit wir die Website selbst pflegen.", "website-cms"),
        ("Datenschutz ist für uns ein großes Thema, wir brauchen eine DSGVO-Beratung.", "data-protection"),
    ],
)
def test_a_refusal_stops_where_its_clause_asks_or_has(taxonomy, text, wanted):
    found, negated, existing = _read(text, taxonomy)
    assert wanted in found | existing and wanted not in negated


@pytest.mark.parametrize(
    "text",
    [
        "Einen Onlineshop haben wir nicht und wollen wir auch nicht",
        "We don't have a shop and don't want one",
    ],
)
def test_a_thing_not_had_and_not_wanted_is_refused(taxonomy, text):
    wanted, refused, there = _read(text, taxonomy)
    assert "online-shop" in refused and "online-shop" not in wanted | there


def test_a_refusal_said_with_is_not_stays_a_refusal(taxonomy):
    wanted, refused, _ = _read("Ein Onlineshop ist nicht nötig, wir brauchen eine Website", taxonomy)
    assert "online-shop" in refused and "online-shop" not in wanted


@pytest.mark.parametrize(
    "text, wrong",
    [
        # a product written as its maker does is no typo ("iPads" is no "iPaaS")
        ("Verwaltung der iPads über ein MDM", "integration-platform"),
        # spam mails are kept out, not sent
        ("Wellnesshotel sucht eine Lösung gegen Spam-Mails", "newsletter"),
        # the business the writer runs is context when other things are asked for
        ("Hallo, wir betreiben ein Kühllager und brauchen EDI mit den Supermärkten", "wms"),
        ("We run three coffee shops in Berlin and want a loyalty program", "online-shop"),
        # a trade's software in a heading, when only IT infrastructure is asked for
        ("Zahnarztpraxis, we need backup and a firewall", "medical-practice"),
        # where an assistant answers are its channels
        ("Wir suchen einen KI-Chatbot für Website und Instagram", "website-cms"),
        ("Wir suchen einen KI-Chatbot für Website und Instagram", "social-media"),
        ("We would like an AI chat assistant on our websites and on WhatsApp", "website-cms"),
        # the makeshift the writer has outgrown is today's way
        (
            "We've outgrown our shared spreadsheets, so we're after a project management tool.",
            "office-software",
        ),
        ("We're sick of juggling Excel and WhatsApp groups. We need a TMS.", "office-software"),
        # an AI chatbot is a chatbot; the data protection a writer values is a quality
        ("We would like an AI chat assistant that answers guests' questions.", "ai-ml"),
        ("Wir wünschen uns einen KI-Telefonassistenten, der Rezeptwünsche annimmt.", "ai-ml"),
        ("Datenschutz ist uns natürlich wichtig. Wir brauchen eine Online-Terminbuchung.", "data-protection"),
        # the maintenance a trade's field service does is planned there; an event's tickets are sold there;
        # a platform's support is no help desk
        (
            "SHK-Betrieb mit 900 Wartungsverträgen: fällige Wartungen sollen automatisch zur Planung "
            "vorgeschlagen werden, die Monteure sehen ihre Einsätze auf dem Tablet (Einsatzplanung).",
            "maintenance",
        ),
        ("Wir suchen eine Eventsoftware für Online-Anmeldung, Ticketkategorien und Check-in.", "ticketing"),
        ("Betrieb und Support der Lernplattform Moodle", "ticketing"),
        # the store the writer's staff work in is no webshop
        (
            "In every shop we have a Vectron Kasse. We need a tablet in each shop for time tracking.",
            "online-shop",
        ),
        # the direct debits of a club's fees are collected by its membership software
        ("We need membership management software that also creates the SEPA direct debits.", "banking"),
        # reports a portal or a sensor platform gives are part of it
        (
            "Wir suchen ein Mandantenportal, über das Mandanten Belege hochladen und Auswertungen abrufen.",
            "bi",
        ),
        ("Funksensoren, die Temperaturen in ein Dashboard schicken, mit automatischen Reports", "bi"),
        # a free on-site quote is a visit asked of the writer, not quotation software
        ("Customers should book a slot for a free on-site quote online.", "craft-software"),
        # online booking is bought beside the trade's software, not a process of it
        ("Hausarztpraxis Wunstorf: Online-Termine und ein Telefonassistent", "medical-practice"),
        # how things are done today is no need
        (
            "Aktuell werden die Lieferscheine gedruckt und dann scannt sie jemand. Wir brauchen EDI.",
            "ocr-capture",
        ),
        # a scan with nothing on paper about reads a code
        ("Die Fahrer sollen Leerungen der Behälter per Scan quittieren", "ocr-capture"),
        # Nutzungsrechte of graves are no media rights
        (
            "Software für Friedhöfe: Grabstellen, Nutzungsrechte, Gebührenbescheide",
            "digital-asset-management",
        ),
        # a translation is done to the web pages, it does not ask for a website
        ("Rahmenvertrag für Übersetzungen von Webseiten und Broschüren", "website-cms"),
        # what the thing asked for is kept apart from is there already
        ("Wir brauchen ein Gäste-WLAN, getrennt vom Kassensystem", "pos"),
        ("We need a guest wifi separate from the POS", "pos"),
        ("Das Gäste-WLAN muss vom Büronetz und der Kasse getrennt sein", "pos"),
        # a device's instruction hands it over
        ("Lieferung von 4 Displays einschließlich Montage und Einweisung", "training"),
        # the devices a migration moves are not bought
        ("Migration of 300 workstations to Windows 11", "hardware-supply"),
        # data moved is no money moved
        ("The old records must be transferred into the new GIS.", "banking"),
        ("Scanning of the paper files and transfer into the records system", "banking"),
        # the operation and support of a service bought as one are part of it
        (
            "Security Operations Center als Dienstleistung einschließlich Betrieb eines SIEM "
            "für die IT-Infrastruktur",
            "managed-services",
        ),
        ("Managed Print: Konsolidierung der Kopierinfrastruktur mit Vor-Ort-Service", "managed-services"),
        ("Hosting und Betrieb der Lernplattform Moodle mit Second-Level-Support", "managed-services"),
    ],
)
def test_context_is_not_read_as_a_need(taxonomy, text, wrong):
    assert wrong not in _read(text, taxonomy)[0]


def test_a_need_said_beside_a_separation_is_still_read(taxonomy):
    assert "pos" in _read("Getrennt davon brauchen wir eine neue Kasse für den Laden", taxonomy)[0]


@pytest.mark.parametrize(
    "text, there",
    [
        ("Steuerkanzlei: Mandanten sollen Belege über ein Portal hochladen, wir nutzen DATEV.", "accounting"),
        ("Die Telematikinfrastruktur ist angebunden, es fehlt eine Videosprechstunde.", "medical-practice"),
        ("Die Kasse ist neu und bleibt. Wir brauchen eine Zeiterfassung.", "pos"),
        ("We want one PMS for all houses. Our accounting stays in DATEV.", "accounting"),
        ("Die Türen sollen mit dem Hotelprogramm reden, gesucht ist eine Schließanlage", "hotel-software"),
        ("Neben der Kasse brauchen wir einen kleinen Webshop", "pos"),
        ("Eine Kartenanbindung an das GIS der Stadt", "gis"),
        (
            "Unsere Praxissoftware (THEORG) soll an die Online-Terminbuchung angebunden werden",
            "medical-practice",
        ),
        ("Die Abbundanlage soll ihre Daten direkt aus unserem CAD bekommen", "cad-plm"),
        ("Wir brauchen eine Lösung für die Rückverfolgbarkeit in unserem MES", "mes"),
        # a system the writer is content with is there
        (
            "Wir haben eine Warenwirtschaft mit Kassensystem, mit der wir sehr zufrieden sind. "
            "Wir brauchen einen Onlineshop.",
            "pos",
        ),
        ("The website is on Squarespace and we're happy with it. We need online booking.", "website-cms"),
        ("Our ERP works well and we are satisfied with it. We need a webshop.", "erp"),
        # where a thing goes on the writer's own website
        ("I'd like something on our website where customers can pick a slot for an estimate.", "website-cms"),
        # where data comes from is there, and so is what each place has of its own
        (
            "Wir möchten die Daten aus Hotelprogrammen, Kassen und Buchhaltung zentral zusammenführen "
            "und ein Dashboard.",
            "pos",
        ),
        ("We want to bring together the data from our ERP, the webshop and the CRM in one dashboard.", "crm"),
        ("Jedes Haus hat sein eigenes Hotelprogramm und eigene Kassen. Wir brauchen ein Dashboard.", "pos"),
        (
            "We're happy with ArchiCAD and aren't looking to change CAD software. We need a new NAS.",
            "cad-plm",
        ),
        # a change refused past its "want", and what runs on
        ("We do not want to change the Praxissoftware. We need a backup.", "medical-practice"),
        ("Wir brauchen einen neuen Server, auf dem unsere Praxissoftware weiterläuft.", "medical-practice"),
        # the trade named in the plural, beside its software that stays
        (
            "Unsere Praxissoftware bleibt. Sie kennen sich hoffentlich mit Arztpraxen aus. "
            "Wir brauchen eine Datensicherung.",
            "medical-practice",
        ),
        ("The care documentation runs in Medifox, that stays. We need 30 smartphones.", "care-software"),
        ("The shop is on Shopify. We need a warehouse management system.", "online-shop"),
        # a product's name between the article and the thing had
        ("In every shop we have a Vectron Kasse. We need a tablet in each shop for time tracking.", "pos"),
        # the work done with a product is there
        ("Die Buchhaltung machen wir mit Lexware. Wir brauchen eine Handwerkersoftware.", "accounting"),
        ("Our bookkeeping is done in lexoffice and that works fine. We need a till system.", "accounting"),
        ("Die Buchhaltung läuft über DATEV. Wir brauchen ein Kassensystem.", "accounting"),
    ],
)
def test_a_system_already_there_is_read_as_there(taxonomy, text, there):
    wanted, _, existing = _read(text, taxonomy)
    assert there in existing and there not in wanted


def test_what_runs_on_excel_today_is_asked_for_and_the_excel_is_not_kept(taxonomy):
    wanted, _, existing = _read("Die Teilnehmerverwaltung läuft über Excel-Listen.", taxonomy)
    assert "event-management" in wanted and not existing


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Das WLAN funktioniert nicht richtig.", "network"),
        ("We haven't got a website yet.", "website-cms"),
        ("Our website isn't mobile friendly.", "website-cms"),
        ("Unsere Website funktioniert nicht auf dem Handy.", "website-cms"),
        ("The website doesn't work on phones.", "website-cms"),
        ("Die Datensicherung funktioniert nicht zuverlässig.", "backup"),
        (
            "Es zeigte sich, dass die Datensicherung nicht ausreichend vom Produktivsystem getrennt ist. "
            "Los 2: Backup-Lösung mit Sicherungskopie.",
            "backup",
        ),
    ],
)
def test_what_does_not_work_or_not_well_enough_is_asked_for(taxonomy, text, capability):
    found, refused, existing = _read(text, taxonomy)
    assert capability in found and capability not in refused | existing


@pytest.mark.parametrize(
    "text",
    [
        "Mit dem Kassensystem sind wir nicht zufrieden, wir brauchen ein neues.",
        "Mit dem Kassensystem sind wir unzufrieden.",
        "Wir brauchen ein Kassensystem, mit dem die Mitarbeiter zufrieden sind.",
    ],
)
def test_discontent_or_content_of_a_thing_asked_for_is_no_refusal(taxonomy, text):
    found, refused, existing = _read(text, taxonomy)
    assert "pos" in found and "pos" not in refused | existing


@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Die Dienstplanung machen wir mit Excel, das soll eine richtige Software werden.", "time-tracking"),
        ("Die Zeiterfassung machen wir künftig mit einer App.", "time-tracking"),
        ("Wir möchten die Daten aus den Kassen zusammenführen und ein Dashboard.", "bi"),
        ("Wir brauchen eine eigene App für unsere Kunden.", "mobile-app"),
    ],
)
def test_a_thing_still_to_come_is_asked_for(taxonomy, text, wanted):
    found, _, existing = _read(text, taxonomy)
    assert wanted in found and wanted not in existing


def test_a_refused_system_said_to_be_there_is_both(taxonomy):
    _, refused, existing = _read(
        "Ne neue Website brauch ich nicht, die ist gut. Aber ein Backup fehlt.", taxonomy
    )
    assert "website-cms" in refused and "website-cms" in existing


# --- readings added after needs_holdout5.json (its misses, each read as a kind) ---


@pytest.mark.parametrize(
    "text, there",
    [
        # what a new system gets an interface to, with the definite article, runs already
        ("Einführung einer E-Akte inklusive Schnittstelle zum Ratsinformationssystem", "e-government"),
        ("New e-file system with an interface to the hospital information system", "hospital-information"),
        # a body's own system, named by its genitive owner
        (
            "Schließanlage, Verwaltung mit Anbindung an das Active Directory des Schulträgers",
            "identity-management",
        ),
        ("Fachverfahren mit Zugriff auf das GIS der Kreisverwaltung", "gis"),
    ],
)
def test_a_system_to_link_to_is_read_as_there(taxonomy, text, there):
    wanted, _refused, existing = _read(text, taxonomy)
    assert there in existing and there not in wanted


def test_an_interface_to_our_own_system_links_to_it(taxonomy):
    # issue 12: a system the customer runs is linked to, not sold again ("an unser ERP" was asked until the
    # corpora settled on this reading)
    wanted, _refused, existing = _read("Webshop mit Schnittstelle zu unserem ERP", taxonomy)
    assert "erp" in existing and "erp" not in wanted and "online-shop" in wanted


def test_a_cpv_code_known_only_through_its_class_adds_no_capability_of_its_own(taxonomy):
    # 72212730 (security software development) is mapped through 72212 (programming of application
    # software): it confirms development the words name, and adds none to a lot for a managed SOC
    lot = "Lot 3: 24/7 monitoring by a managed SOC and quarterly vulnerability scans. CPV 72212730."
    assert "custom-software" not in _read(lot, taxonomy)[0]
    assert "custom-software" in _read("Programmierung einer Fachanwendung, CPV 72212730", taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Einführung einer E-Akte inklusive Migration der Altbestände",
        "A web content management system for 40 websites, including migration of existing content",
    ],
)
def test_a_migration_of_contents_is_data_migration(taxonomy, text):
    assert "data-migration" in _read(text, taxonomy)[0]


def test_a_migration_to_a_new_system_is_that_move(taxonomy):
    wanted = _read("Migration der 300 Postfächer nach Exchange Online, Umzug in die Cloud", taxonomy)[0]
    assert "cloud-migration" in wanted and "data-migration" not in wanted


def test_a_thing_that_must_not_fail_is_asked_not_refused(taxonomy):
    # a relative clause opens with its pronoun, comma or not: the WLAN is asked, its breaking down is not
    wanted, refused, _ = _read(
        "Brauchen nen WLAN im Garten das auch bei 300 Leuten nicht abschmiert", taxonomy
    )
    assert "network" in wanted and "network" not in refused
    assert "online-shop" in _read("Den Webshop der Firma brauchen wir nicht", taxonomy)[1]


def test_what_data_goes_into_runs_already(taxonomy):
    wanted, _, existing = _read("Rezepte sollen automatisch in die Patientenakte übernommen werden", taxonomy)
    assert "medical-practice" in existing and "medical-practice" not in wanted


def test_a_noun_and_its_verb_a_few_words_on_make_the_compound(taxonomy):
    assert "field-service" in _read("Die Touren für morgen planen wir noch auf Papier", taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Newsletter an Stammgäste. Budget ist begrenzt.", False),
        ("We need a newsletter tool, our budget is 3,000 euros", False),
        ("Projektcontrolling: Budget vs. actual je Projekt", True),
        ("Wir wollen unsere Budgets überwachen", True),
    ],
)
def test_a_budget_is_controlling_only_where_it_is_planned_or_followed(taxonomy, text, asked):
    assert ("controlling" in _read(text, taxonomy)[0]) is asked


def test_a_trades_word_said_to_be_there_is_the_trades_system_there(taxonomy):
    text = "Hotel, 30 Zimmer. Reservierungen laufen über Protel, das passt. Wir brauchen einen Newsletter."
    wanted, _, existing = _read(text, taxonomy)
    assert "hotel-software" in existing and "appointment-booking" not in existing
    assert wanted == {"newsletter"}


@pytest.mark.parametrize(
    "text",
    [
        "Tagespflege sucht Lösung für Fahrdienst-Touren, bisher per Excel",
        "Home care service: we plan the rounds of our nurses on paper and want that digital",
    ],
)
def test_the_tours_of_a_care_service_are_its_care_software(taxonomy, text):
    assert "care-software" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Liebe Kolleginnen und Kollegen vom Netzwerk,\nwir brauchen eine neue Website.\nViele Grüße\nMüller",
        "Sehr geehrte Damen und Herren, wir suchen eine Website. Mit freundlichen Grüßen, Huber Netzwerke",
        "Dear network team, we need a new website. Kind regards, Anna from the IT network",
    ],
)
def test_a_letters_salutation_and_closing_ask_for_nothing(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"website-cms"}


def test_a_closing_does_not_hide_a_need_after_it(taxonomy):
    wanted = _read("Wir suchen ein CRM. Viele Grüße und danke. PS: wir brauchen auch eine Website", taxonomy)[
        0
    ]
    assert wanted == {"crm", "website-cms"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen eine Online-Terminbuchung. Die Praxissoftware wollen wir auf keinen Fall wechseln.",
        "Wir suchen eine Online-Terminbuchung. Die Praxissoftware wollen wir nicht ersetzen.",
    ],
)
def test_a_system_not_to_be_changed_is_kept_not_refused(taxonomy, text):
    wanted, refused, there = _read(text, taxonomy)
    assert (wanted, refused, there) == ({"appointment-booking"}, set(), {"medical-practice"})


def test_a_change_to_a_new_system_refused_keeps_nothing(taxonomy):
    wanted, _, there = _read(
        "Wir brauchen eine Website, wir wollen aber nicht zu einem Onlineshop wechseln", taxonomy
    )
    assert wanted == {"website-cms"} and "online-shop" not in there


def test_a_refused_change_does_not_reach_into_the_sentence_before(taxonomy):
    wanted, _, there = _read(
        "We need online appointment booking. We do not want to replace anything.", taxonomy
    )
    assert wanted == {"appointment-booking"} and there == set()


@pytest.mark.parametrize(
    "text, refused",
    [
        (
            "Gesucht wird eine VoIP-Telefonanlage. Nicht Bestandteil dieser Ausschreibung: Endgeräte "
            "(Tischtelefone, Headsets) – diese werden über den Rahmenvertrag des Landes abgerufen.",
            {"hardware-supply"},
        ),
        ("Lot 1: hosting of the portal. Not included: licences.", {"software-licensing"}),
    ],
)
def test_a_heading_that_excludes_refuses_what_follows_it(taxonomy, text, refused):
    wanted, negated, _ = _read(text, taxonomy)
    assert refused <= negated and not refused & wanted and wanted  # the asked thing stays asked


def test_a_tenders_own_word_is_no_construction_software(taxonomy):
    text = "Die Hochschule beabsichtigt einen Penetrationstest. Vergabenummer 2024-IT-017"
    wanted, negated, _ = _read(text, taxonomy)
    assert wanted == {"penetration-testing"} and "construction-ava" not in negated


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir brauchen Tourenplanung. Die Anbindung an die Telematikinfrastruktur steht auch an, das ist "
            "aber ein eigenes Projekt.",
            {"field-service"},
        ),
        (
            "We need a new hospital information system. The data migration is out of scope.",
            {"hospital-information"},
        ),
    ],
)
def test_what_belongs_to_another_project_is_not_asked(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_the_trade_of_the_writers_customers_is_not_the_writers_own(taxonomy):
    text = (
        "Wir sind eine Schreinerei und machen Einbaumöbel für Privatkunden und Arztpraxen. Wir hätten gern, "
        "dass die Teile als Maschinenprogramm an die CNC gehen, und Etiketten für die Teile."
    )
    assert "medical-practice" not in _read(text, taxonomy)[0]


def test_a_plan_on_a_magnet_board_is_todays_way_not_a_system_kept(taxonomy):
    text = (
        "Die Einsatzplanung läuft über eine Magnettafel im Büro. Wir wollen die Monteure digital einteilen."
    )
    wanted, _, there = _read(text, taxonomy)
    assert "field-service" in wanted and "field-service" not in there


def test_what_is_done_until_now_by_makeshift_is_context_when_another_sentence_asks(taxonomy):
    alone = "Angebote und Rechnungen schreiben wir bis heute in Word."
    asked = alone + " Wir suchen eine Online-Terminbuchung für unsere Kunden."
    assert _read(alone, taxonomy)[0]  # alone, the makeshift is what to replace
    assert _read(asked, taxonomy)[0] == {"appointment-booking"}


def test_a_car_workshop_is_no_course(taxonomy):
    text = "Hello, we are a car repair workshop in Duisburg. We need a program for the workshop: job cards."
    wanted = _read(text, taxonomy)[0]
    assert "workshop-software" in wanted and "training" not in wanted
    assert "training" in _read("We need a two-day workshop on Microsoft 365 for our staff", taxonomy)[0]


def test_a_customers_topic_in_the_self_description_does_not_break_the_reading(taxonomy):
    # what the business does for its customers was taken out twice, and the analysis failed
    text = "Wir sind eine Beratung für digitale Zusammenarbeit. Wir brauchen ein CRM."
    assert _read(text, taxonomy)[0] == {"crm"}


def test_an_abbreviations_full_stop_ends_no_sentence(taxonomy):
    text = "Die neue Website (ca. 20 Seiten) ist ein eigenes Projekt. Wir brauchen ein CRM."
    assert _read(text, taxonomy)[0] == {"crm"}


def test_licences_after_an_abbreviated_inclusion_come_with_the_product(taxonomy):
    wanted = _read("Einführung einer mobilen Pflegesoftware inkl. Lizenzen für 3 Jahre", taxonomy)[0]
    assert wanted == {"care-software"}


def test_a_delivery_named_after_an_inclusion_is_asked_for(taxonomy):
    text = "Einführung einer mobilen Pflegesoftware inkl. Dienstplanung und Lieferung von 90 Tablets"
    assert {"care-software", "hardware-supply"} <= _read(text, taxonomy)[0]


def test_both_kept_are_the_two_things_named_before(taxonomy):
    text = (
        "Unsere Rechnungen kommen aus dem Speditionsprogramm, gebucht wird in DATEV. Beides möchten wir "
        "behalten. Wir brauchen E-Rechnungen."
    )
    wanted, _, there = _read(text, taxonomy)
    assert wanted == {"e-invoicing"} and there == {"accounting", "logistics-tms"}


@pytest.mark.parametrize(
    "text",
    [
        "Betrieb der Plattform in einem Rechenzentrum in Deutschland mit Nachweis ISO 27001.",
        "Hosting in einem nach ISO 27001 zertifizierten Rechenzentrum",
        "Hosting in an ISO 27001 certified data centre",
    ],
)
def test_a_certificate_demanded_of_what_is_bought_is_no_need(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"hosting"}


@pytest.mark.parametrize(
    "text", ["Wir wollen ISO 27001 zertifiziert werden", "We want to become ISO 27001 certified"]
)
def test_a_certification_to_get_is_a_need(taxonomy, text):
    # (compliance management: an ISMS and its certification; IT security is the protection itself)
    assert "compliance-management" in _read(text, taxonomy)[0]


def test_a_german_compound_head_is_no_english_word_without_its_ending(taxonomy):
    # "Ladewagen" (charging carts) is no "wage"; "Großformatdruckern" still names printers
    assert "payroll" not in _read("Lieferung von 260 Tablets mit Hüllen und Ladewagen", taxonomy)[0]
    assert "hardware-supply" in _read("Lieferung von 30 Großformatdruckern", taxonomy)[0]


@pytest.mark.parametrize(
    "text, other_sense",
    [
        ("Unsere Hausarztpraxis hat 9 MFA. Wir suchen eine Online-Terminbuchung.", "identity-management"),
        (
            "Der Telefonassistent der Praxis soll Rezeptwünsche und Überweisungen aufnehmen. Wir suchen "
            "eine Online-Terminbuchung.",
            "banking",
        ),
        ("We need a warehouse system with printing of SSCC labels", "managed-print"),
        ("Die Telefonanlage, deren Herstellersupport ausläuft, soll durch VoIP ersetzt werden", "ticketing"),
        (
            "Ortsbesichtigungen sind nach Terminabsprache möglich. Gesucht wird ein WLAN.",
            "appointment-booking",
        ),
    ],
)
def test_a_word_with_another_sense_in_its_context_is_no_need(taxonomy, text, other_sense):
    assert other_sense not in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Wir brauchen MFA für alle Konten", "identity-management"),
        ("Online-Banking mit SEPA-Überweisungen für den Verein", "banking"),
        ("Managed printing for our 40 office printers", "managed-print"),
    ],
)
def test_the_same_words_keep_their_sense_elsewhere(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


def test_a_system_said_not_to_be_the_tenders_subject_is_not_asked(taxonomy):
    text = "Beschafft wird eine Spracherkennung. Das KIS ist nicht Gegenstand der Ausschreibung."
    wanted, refused, _ = _read(text, taxonomy)
    assert wanted == {"speech-recognition"} and "hospital-information" in refused


@pytest.mark.parametrize(
    "text, system",
    [
        (
            "We are a clinic with 60 beds and need a new HIS, including migration of patient records.",
            "hospital-information",
        ),
        (
            "Wir suchen eine Praxissoftware für Heilmittelerbringer: Patientenverwaltung, Verordnungsprüfung "
            "und direkte Abrechnung mit den Kassen.",
            "medical-practice",
        ),
    ],
)
def test_words_every_clinical_system_has_name_the_kind_the_text_names(taxonomy, text, system):
    wanted = _read(text, taxonomy)[0]
    assert (
        system in wanted
        and not ({"medical-practice", "hospital-information", "care-software"} - {system}) & wanted
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hallo Herr Petersen, wie am Telefon besprochen: Wir brauchen E-Rechnungen.",
        "We are looking for an employee app with news. It must work on the staff's private phones.",
    ],
)
def test_a_phone_one_talks_on_or_an_app_runs_on_is_no_telephony(taxonomy, text):
    assert "telephony" not in _read(text, taxonomy)[0]


def test_a_cpv_code_confirms_the_words_and_adds_nothing_beside_them(taxonomy):
    # 72263000 (software implementation) is a class the buyer picked; the words name the DMS
    text = "Einführung eines Dokumentenmanagementsystems. CPV 48000000-8, 72263000-6"
    assert _read(text, taxonomy)[0] == {"dms"}
    assert _read("CPV 48814000-7", taxonomy)[0] == {"hospital-information"}  # codes alone are read


def test_the_licences_of_a_product_asked_for_are_part_of_it(taxonomy):
    assert _read("Zu beschaffen sind: DMS-Lizenzen für 600 Beschäftigte", taxonomy)[0] == {"dms"}
    assert "software-licensing" in _read("Rahmenvertrag über Softwarelizenzen", taxonomy)[0]


def test_what_should_run_by_itself_is_asked_not_in_use(taxonomy):
    text = "Wir suchen ein Programm, in dem der Beitragseinzug automatisch läuft."
    assert _read(text, taxonomy)[0] == {"membership-management"}
    assert _read("Der Beitragseinzug läuft über Lexware.", taxonomy)[2] == {"membership-management"}


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Wir suchen ein Vereinsprogramm für 900 Mitglieder", "membership-management"),
        ("Wir suchen eine Kongresssoftware mit Online-Anmeldung", "event-management"),
        ("We need a proper donor management system", "crm"),
        ("Die alten Türschlösser sollen durch Zimmerkarten ersetzt werden", "access-control"),
        ("Jemand soll den Leuten im Büro beibringen, nicht auf jeden Anhang zu klicken", "training"),
        ("Wenn einer Dachdecker Notdienst googelt, sollen wir oben stehen", "seo-sea"),
        ("Wir suchen einen digitalen Telefonassistenten, der Anrufe annimmt", "chatbot"),
        ("Eine Webcam und ein Headset hätte ich gern mit dazu", "hardware-supply"),
        ("Lot 2: Operation of the migrated environment (IaaS/PaaS)", "hosting"),
        ("Daraus soll die Produktionsliste für die Nacht erstellt werden", "production-planning"),
        ("Courier company, need a live tracking link for our customers", "logistics-tms"),
        ("Übernahme der Altbestände aus den Netzlaufwerken", "data-migration"),
        ("brauche neue kasse für meine pizzeria, muss mit lieferando und wolt zusamen gehen", "marketplace"),
        ("Papierrechnungen sollten automatisch ausgelesen werden", "ocr-capture"),
        ("We need someone for TikTok videos of our hostel", "social-media"),
    ],
)
def test_more_everyday_words_of_a_need(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, other_sense",
    [
        ("Scope: continuous monitoring of the servers by a SOC", "hardware-supply"),
        ("Applicants must prove three SOC contracts. Subject: a managed SOC for the tender", "hr"),
        ("A SIEM for the agency's Microsoft 365 tenant", "property-management"),
        ("Das Krankenhaus braucht eine Software für die Bettenbelegung der Stationen", "hotel-software"),
        ("Freight forwarder: we need a TMS that sends quotes to our customers", "craft-software"),
        ("Die Stadtwerke sind Betreiber kritischer Infrastrukturen und suchen ein SIEM", "managed-services"),
        ("Die Kreisverwaltung beschafft ein SIEM. Frist für Teilnahmeanträge: 08.11.", "e-government"),
    ],
)
def test_more_words_with_another_sense_in_their_context(taxonomy, text, other_sense):
    assert other_sense not in _read(text, taxonomy)[0]


def test_a_heading_that_keeps_makes_what_follows_it_there(taxonomy):
    text = (
        "Ausgeschrieben wird ein neues KIS. Erhalten bleiben und anzubinden sind: SAP (Finanzbuchhaltung, "
        "Materialwirtschaft)."
    )
    wanted, _, there = _read(text, taxonomy)
    assert wanted == {"hospital-information"} and {"accounting", "erp"} <= there


def test_a_short_clause_in_the_middle_of_a_sentence_is_no_heading(taxonomy):
    text = (
        "Meine Frau macht die Buchhaltung mit Lexware, das soll auch so bleiben, aber die Rechnungen sollen "
        "automatisch rüberwandern. Wir suchen eine Handwerkersoftware."
    )
    wanted, _, there = _read(text, taxonomy)
    assert "accounting" in there and "accounting" not in wanted


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir brauchen eine Zeiterfassung. Die Monteure sollen die Stunden auf dem Smartphone erfassen.",
            False,
        ),
        ("Unsere Fahrer haben Tablets. Wir brauchen eine Fahrer-App für die Zustellung.", False),
        ("Wir brauchen 20 neue Laptops für das Büro", True),
        ("Wir möchten eine Lernplattform und Tablets für zwei Klassen anschaffen", True),
    ],
)
def test_a_device_is_asked_for_where_its_supply_is_said_near_it(taxonomy, text, asked):
    assert ("hardware-supply" in _read(text, taxonomy)[0]) == asked


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Wir suchen eine datenschutzkonforme Lösung für Videosprechstunden", {"video-conferencing"}),
        ("We need a GDPR-compliant CRM", {"crm"}),
        ("Wir brauchen einen externen Datenschutzbeauftragten", {"data-protection"}),
    ],
)
def test_a_product_that_keeps_the_law_asks_for_no_data_protection_service(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_an_ask_in_a_sentence_of_its_own_outweighs_a_refusal_of_the_same_kind_elsewhere(taxonomy):
    text = (
        "Unsere Telefonanlage ist 15 Jahre alt. Wir brauchen eine neue Telefonanlage mit Warteschleife. "
        "Einen externen Callcenter-Dienst möchten wir nicht."
    )
    wanted, refused, _ = _read(text, taxonomy)
    assert "telephony" in wanted and "telephony" not in refused
    # refused in the asking sentence itself, it stays refused
    assert "online-shop" not in _read("Wir brauchen keinen Onlineshop, nur eine Website", taxonomy)[0]


def test_what_the_old_one_runs_on_does_not_make_the_new_one_there(taxonomy):
    text = "Kfz-Betrieb: brauchen neue Werkstattsoftware, die alte läuft nur noch auf einem Windows-7-Rechner"
    wanted, _, there = _read(text, taxonomy)
    assert "workshop-software" in wanted and "workshop-software" not in there


def test_the_one_instead_of_which_is_refused(taxonomy):
    wanted, refused, _ = _read("Onlinebestellung über die eigene Website statt Lieferando", taxonomy)
    assert "marketplace" in refused and "marketplace" not in wanted and "website-cms" in wanted


@pytest.mark.parametrize(
    "text, kept",
    [
        # a short aside in brackets between a system and its verb
        ("Unsere Warenwirtschaft (Sage 100) bleibt, das ist gesetzt.", "erp"),
        ("Unser ERP (proAlpha) ist gesetzt und bleibt.", "erp"),
        # a relative clause that keeps the thing before it
        ("The assistant should read booking details from our PMS (which we will keep).", "hotel-software"),
        ("Our PMS, which we will keep, must be connected to the new app.", "hotel-software"),
        # the writer works with it
        ("Wir arbeiten komplett mit DATEV und werden das auch nicht ändern.", "accounting"),
    ],
)
def test_a_system_the_writer_keeps_or_works_with_is_there(taxonomy, text, kept):
    asked, _, there = _read(text, taxonomy)
    assert kept in there and kept not in asked


@pytest.mark.parametrize(
    "text, asked, there",
    [
        # an aside the clause ends with, or one of exception, stays a clause of its own
        (
            "Multifunktionsgeräte inkl. Wartung, Verbrauchsmaterial (außer Papier) und Druckverwaltung",
            "managed-print",
            None,
        ),
        # what is needed before "und bleiben" is not kept with what follows
        ("Wir brauchen ein CRM und bleiben bei DATEV.", "crm", "accounting"),
    ],
)
def test_what_is_asked_beside_a_kept_system_stays_asked(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert asked in found
    assert there is None or there in existing


@pytest.mark.parametrize(
    "text, asked, there",
    [
        ("Die erfassten Stunden sollen zurück in unsere Handwerkersoftware.", set(), {"craft-software"}),
        ("We need an online shop connected to our ERP.", {"online-shop"}, {"erp"}),
        (
            "Wir brauchen einen Webshop mit Anbindung an unsere bestehende Warenwirtschaft.",
            {"online-shop"},
            {"erp"},
        ),
        ("book invoices automatically into our accounting software", set(), {"accounting"}),
        ("dashboards combining data from our CRM and ERP", {"bi"}, {"crm", "erp"}),
    ],
)
def test_a_system_of_the_writers_that_data_goes_to_or_comes_from_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert asked <= found and not (there & found)
    assert there <= existing


def test_a_word_that_only_qualifies_another_after_our_is_not_a_system_there(taxonomy):
    # the carriers are partners, not a system of the writer's: "shipping" still asks for shipping software
    found, _, existing = _read("We need a WMS that talks to our shipping carriers.", taxonomy)
    assert "logistics-tms" in found and "logistics-tms" not in existing


def test_a_need_said_without_our_stays_a_need(taxonomy):
    found, _, _ = _read(
        "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung", taxonomy
    )
    assert {"online-shop", "erp", "accounting"} <= found


def test_a_product_the_new_one_is_connected_to_is_there(taxonomy):
    found, _, existing = _read(
        "Wir brauchen einen Onlineshop, der an unsere Warenwirtschaft und an DATEV angebunden ist", taxonomy
    )
    assert found == {"online-shop"} and {"erp", "accounting"} <= existing
    # the English article is no preposition
    found, _, existing = _read("We need an online shop connected to our ERP.", taxonomy)
    assert "online-shop" in found and "online-shop" not in existing


@pytest.mark.parametrize(
    "text",
    [
        "Die laufende Verwaltung der Geräte (Richtlinien, Apps) verbleibt beim Kreismedienzentrum.",
        "Die Datenschutz-Folgenabschätzung wird vom behördlichen Datenschutzbeauftragten erstellt.",
        "Die Übertragung der Nutzerdaten führt das Hochschulrechenzentrum in eigener Regie durch.",
        "Die Migration der Daten übernimmt der Auftraggeber selbst.",
        "The migration of the data is carried out by the contracting authority's own staff.",
    ],
)
def test_what_the_buyer_does_itself_is_not_asked(taxonomy, text):
    assert _read(text, taxonomy)[0] == set()


def test_what_the_buyer_does_itself_leaves_the_ask_beside_it(taxonomy):
    found, _, _ = _read(
        "Beschafft wird ein Hosting der Lernplattform. Die Datenmigration übernimmt der Auftraggeber selbst.",
        taxonomy,
    )
    assert "hosting" in found and "data-migration" not in found


@pytest.mark.parametrize(
    "text, service, objects",
    [
        (
            "Bereitstellung eines Security Operations Centers als Dienstleistung einschließlich SIEM, "
            "Auswertung der Logdaten aus Firewalls und Active Directory",
            "siem-soc",
            {"identity-management", "it-security"},
        ),
        ("Ein Cloud-Backup der Server mit georedundantem Storage in der EU", "backup", {"server-storage"}),
    ],
)
def test_what_a_monitoring_or_a_backup_covers_is_its_object_not_a_need(taxonomy, text, service, objects):
    found, _, _ = _read(text, taxonomy)
    assert service in found and not (objects & found)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("The SIEM platform shall be hosted within the EU.", "hosting"),  # where it runs, not hosting
        ("The institute runs a VMware cluster with 3 hosts.", "hosting"),  # servers
        ("Lieferung eines Speichersystems, CPV 30233000-1 (Storage devices)", "device-management"),
        ("Einführung einer E-Akte für die Kreisverwaltung mit ca. 620 Arbeitsplätzen", "device-management"),
    ],
)
def test_a_word_of_another_sense_or_a_count_of_seats_asks_for_nothing_alone(taxonomy, text, absent):
    assert absent not in _read(text, taxonomy)[0]


def test_hosting_and_devices_are_still_read_where_named(taxonomy):
    assert "hosting" in _read("We need web hosting in Germany", taxonomy)[0]
    assert "device-management" in _read("Verwaltung der Arbeitsplätze und Softwareverteilung", taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, there",
    [
        # the home page's example in English: what it is connected to is the writer's
        ("We need an online shop connected to our ERP and to DATEV.", {"online-shop"}, {"erp", "accounting"}),
        ("Wir brauchen einen Onlineshop mit DATEV-Anbindung", {"online-shop"}, {"accounting"}),
        ("Wir suchen eine Kasse mit DATEV-Export", {"pos"}, {"accounting"}),
        # a link that is part of the software asked for stays asked
        ("Wir brauchen eine Anwaltssoftware mit beA-Anbindung", {"legal-software"}, set()),
    ],
)
def test_what_a_link_goes_to_is_there_and_the_link_is_asked(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert asked <= found and there <= existing and not (there & found)


@pytest.mark.parametrize(
    "text",
    [
        "Managed SOC: triage of alerts, first response within 30 minutes, monthly reporting and reviews.",
        "Prüfung der Barrierefreiheit nach BITV 2.0 und Erstellung eines Prüfberichts.",
        "The office publishes reports and forms in four languages and needs machine translation.",
    ],
)
def test_a_services_reports_ask_for_no_business_intelligence(taxonomy, text):
    assert "bi" not in _read(text, taxonomy)[0]


def test_reporting_asked_for_is_still_business_intelligence(taxonomy):
    assert "bi" in _read("Wir brauchen Dashboards und Berichte über Umsatz und Liquidität", taxonomy)[0]


def test_a_compound_head_that_is_a_word_of_its_own_is_not_a_patterns_other_form(taxonomy):
    # "Kühlschrank" ends in "schrank", a form of "Schranke" (a barrier) but a word of its own (a cupboard)
    assert "access-control" not in _read("Hofladen mit Milchautomat und Eierkühlschrank", taxonomy)[0]
    assert "access-control" in _read("Wir brauchen eine Parkplatzschranke", taxonomy)[0]


def test_tickets_that_are_sold_are_no_service_desk(taxonomy):
    text = "Die Tickets für die Weinproben würden wir gern online verkaufen"
    assert "ticketing" not in _read(text, taxonomy)[0]
    assert "ticketing" in _read("Unsere Kunden sollen Support-Tickets online anlegen können", taxonomy)[0]


@pytest.mark.parametrize(
    "text, refused",
    [
        ("We are not looking for a new shop system; each brand keeps its own.", "online-shop"),
        ("Wir sind nicht auf der Suche nach einem neuen ERP.", "erp"),
        # a refusal after a relative clause refuses what that clause describes
        ("Eine App, die Patienten erst installieren müssen, kommt für uns nicht in Frage.", "mobile-app"),
    ],
)
def test_a_search_said_not_to_be_made_is_a_refusal(taxonomy, text, refused):
    asked, negated, _ = _read(text, taxonomy)
    assert refused in negated and refused not in asked


@pytest.mark.parametrize(
    "text, asked, absent",
    [
        # a refusal inside the relative clause is the thing's quality, not a refusal of it
        ("Wir brauchen eine App, die nicht abstürzt.", "mobile-app", "access-control"),  # no "Tür" either
        # a relative clause that says how the asked thing should run wishes, it keeps nothing
        ("Wir brauchen eine App, die stabil läuft, aber keinen Shop.", "mobile-app", None),
    ],
)
def test_what_a_relative_clause_says_of_an_asked_thing_keeps_it_asked(taxonomy, text, asked, absent):
    found, _, existing = _read(text, taxonomy)
    assert asked in found and asked not in existing and absent not in found
    assert "website-cms" in _read("Wir haben eine Website, die gut läuft.", taxonomy)[2]


def test_a_camera_of_a_meeting_room_is_no_surveillance(taxonomy):
    text = "Wir brauchen eine Videokonferenzlösung und Technik für den Sitzungssaal (Kamera, Mikrofone)."
    assert "video-surveillance" not in _read(text, taxonomy)[0]
    assert "video-surveillance" in _read("Wir brauchen Kameras für den Parkplatz", taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "We run a small hotel and need a channel manager. We keep our accounting software.",
            "hotel-software",
            "accounting",
        ),
        ("Wir haben eine Zeiterfassung und brauchen eine Lohnabrechnung", "payroll", "time-tracking"),
        ("Wir haben eine alte Website und brauchen einen Shop", "online-shop", "website-cms"),
    ],
)
def test_what_the_writer_has_or_keeps_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert asked in found and there in existing and there not in found


def test_a_need_the_writer_has_is_no_system(taxonomy):
    assert "crm" in _read("Wir haben einen Bedarf an einem CRM", taxonomy)[0]
    assert "website-cms" in _read("Wir haben eine neue Website geplant und brauchen Hilfe", taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen einen Onlineshop mit Schnittstelle zu DATEV",
        "Wir brauchen einen Onlineshop, der Daten an DATEV übergibt",
        "We need an online shop with a DATEV connection",
        "We need an online shop that exports to DATEV",
    ],
)
def test_a_system_named_by_its_standard_that_a_link_goes_to_is_there(taxonomy, text):
    # found by a second new-user probe: each of these searched for a new accounting system
    found, _, existing = _read(text, taxonomy)
    assert found == {"online-shop"} and "accounting" in existing


def test_a_standard_named_with_the_system_asked_for_leaves_it_asked(taxonomy):
    assert "accounting" in _read("Wir brauchen eine Buchhaltung mit DATEV", taxonomy)[0]


def test_a_word_read_in_its_context_is_quoted_as_written(taxonomy):
    # found by a second new-user probe: the page quoted "tourenplanung" for the writer's "Tourenplanung"
    analysis = analyse_need("Unser Pflegedienst braucht eine Software für Tourenplanung.", taxonomy)
    evidence = {e for hit in analysis.capabilities for e in hit.evidence}
    assert "Tourenplanung" in evidence and "tourenplanung" not in evidence


_FOCUSED = {
    "de": "Wir suchen für unsere Schule einen Lieferanten für 120 Notebooks. Die Notebooks sollen robust "
    "sein, die Lehrkräfte bekommen eigene Notebooks und zu jedem Notebook gehört eine Tasche. Die Geräte "
    "richten wir selbst ein, und die Lieferung kündigen wir auf der Website der Schule an.",
    "en": "We need a supplier for 120 laptops for our school. The laptops must be robust, teachers get "
    "laptops of their own, and every laptop comes with a bag and a charger. The delivery date goes up on "
    "the school website.",
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_longer_text_names_in_passing_what_it_names_once_beside_its_focus(taxonomy, lang):
    analysis = analyse_need(_FOCUSED[lang], taxonomy)
    assert "hardware-supply" in analysis.capability_ids
    assert "website-cms" not in analysis.capability_ids
    assert [h.id for h in analysis.in_passing] == ["website-cms"]


def test_a_short_text_or_one_without_a_focus_has_nothing_in_passing(taxonomy):
    short = analyse_need("Wir brauchen Notebooks, Notebooks, Notebooks, Notebooks und eine Website", taxonomy)
    assert {"hardware-supply", "website-cms"} <= set(short.capability_ids)
    assert short.in_passing == []
    level = analyse_need(
        "Wir suchen einen Lieferanten für Notebooks und eine Agentur für unsere neue Website. Die Notebooks "
        "sollen robust sein, die Website soll modern aussehen und auf dem Handy gut lesbar sein. Beides "
        "soll bis zum Sommer fertig sein, damit wir im Herbst mit dem neuen Auftritt starten können.",
        taxonomy,
    )
    assert {"hardware-supply", "website-cms"} <= set(level.capability_ids)
    assert level.in_passing == []


def test_a_name_of_two_words_is_one_mention(taxonomy):
    # "online shop" matches as a phrase and as "shop": counted twice, it once hid the ERP asked for beside it
    named_twice = analyse_need(
        "We are a small retailer with three stores and want to start selling our products on the internet. "
        "The new online shop should look modern and work well on phones, and the online shop must be "
        "connected to a new ERP that we also need.",
        taxonomy,
    )
    assert {"online-shop", "erp"} <= set(named_twice.capability_ids)
    assert named_twice.in_passing == []
    aside = analyse_need(
        "We need a new ERP for our wholesale company. The ERP should know several locations, the ERP must "
        "be fast, and whoever introduces the ERP helps us with the changeover. Some orders come via our "
        "online shop.",
        taxonomy,
    )
    # orders "via our online shop": the writer's shop, there (before that was read, in passing)
    assert aside.capability_ids == ["erp"] and [h.id for h in aside.existing] == ["online-shop"]


def test_a_capability_asked_for_in_a_sentence_of_its_own_is_not_in_passing(taxonomy):
    focus = (
        "Wir suchen eine neue Warenwirtschaft für unseren Großhandel. Die Warenwirtschaft soll mehrere "
        "Standorte kennen, die Warenwirtschaft muss schnell sein, und wer die Warenwirtschaft einführt, "
        "hilft uns beim Umstieg. "
    )
    asked = analyse_need(focus + "Außerdem brauchen wir dringend einen neuen Onlineshop.", taxonomy)
    assert {"erp", "online-shop"} <= set(asked.capability_ids) and asked.in_passing == []
    told = analyse_need(focus + "Ein paar Bestellungen kommen auch über einen Onlineshop herein.", taxonomy)
    assert [h.id for h in told.in_passing] == ["online-shop"]


def test_a_switch_to_something_new_is_no_network_gear(taxonomy):
    change = analyse_need("We need help with the switch to a new ERP.", taxonomy)
    assert "network" not in change.capability_ids
    assert "network" in analyse_need("We need new switches for our office.", taxonomy).capability_ids


def test_the_quote_the_writer_asks_for_is_no_need(taxonomy):
    asked = analyse_need(
        "Wir sind ein Elektrobetrieb und brauchen eine Website. Können Sie uns ein Angebot machen?", taxonomy
    )
    assert set(asked.capability_ids) == {"website-cms"}
    tender = analyse_need("Malerarbeiten: Wir suchen eine Website. Angebote bitte bis 15.07.", taxonomy)
    assert "craft-software" not in tender.capability_ids
    own = analyse_need("Als Malerbetrieb wollen wir Angebote schneller an Kunden schicken.", taxonomy)
    assert "craft-software" in own.capability_ids


def test_a_trader_in_a_trade_is_no_craftsman(taxonomy):
    trader = analyse_need("Als Sanitärgroßhandel wollen wir Rechnungen digital versenden.", taxonomy)
    assert "craft-software" not in trader.capability_ids
    craftsman = analyse_need("Als Sanitärbetrieb wollen wir Rechnungen schneller schreiben.", taxonomy)
    assert "craft-software" in craftsman.capability_ids


@pytest.mark.parametrize(
    "text",
    [
        "Unser Telefon klingelt von 8 bis 12, wir möchten, dass Patienten Termine online buchen können.",
        "Die Praxis ist telefonisch kaum erreichbar; Patienten sollen Termine online buchen.",
        "Phone is ringing all day, customers should book appointments online.",
    ],
)
def test_the_phone_as_the_way_customers_call_is_no_phone_system(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert "appointment-booking" in analysis.capability_ids
    assert "telephony" not in analysis.capability_ids


def test_a_phone_system_or_new_phones_are_asked_for(taxonomy):
    assert "telephony" in analyse_need("Wir brauchen eine neue Telefonanlage.", taxonomy).capability_ids
    assert "telephony" in analyse_need("We need new phones for the office.", taxonomy).capability_ids


def test_words_beside_a_match_are_read_at_its_place_after_refusals(taxonomy):
    # refused words leave the list of the text's words; the word before "Telefon" is still the text's own
    # (this raised IndexError when the place was looked up in the shortened list)
    analysis = analyse_need(
        "Keinen Onlineshop, keine Kasse, kein CRM, kein Newsletter. Neue Telefone", taxonomy
    )
    assert analysis.capability_ids == ["telephony"]
    assert {"online-shop", "pos", "crm", "newsletter"} <= {hit.id for hit in analysis.negated}
    switch = analyse_need("No online shop, no CRM. The switch to a new ERP is due.", taxonomy)
    assert "network" not in switch.capability_ids


@pytest.mark.parametrize(
    "text",
    [
        "Website: ja. Onlineshop: nein.",
        "Website: ja. Onlineshop: brauchen wir nicht.",
        "Website: ja\nOnlineshop: nicht nötig",
        "Wir brauchen eine Website. Onlineshop? Nein danke.",
        "Website: yes. Online shop – no.",
        "Online shop: not needed. We need a website.",
    ],
)
def test_a_label_answered_no_is_refused(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["website-cms"]
    assert [hit.id for hit in analysis.negated] == ["online-shop"]


def test_a_label_answered_have_is_there_and_a_longer_answer_is_no_label(taxonomy):
    kept = analyse_need("Kasse: haben wir. Website: brauchen wir.", taxonomy)
    assert kept.capability_ids == ["website-cms"] and [hit.id for hit in kept.existing] == ["pos"]
    # a qualification after a dash is no answer to a label
    assert analyse_need("Website – aber nicht zu teuer", taxonomy).capability_ids == ["website-cms"]
    # a question of more than a name is no label: the answer may be a lack
    assert "online-shop" not in {
        h.id for h in analyse_need("Haben Sie schon einen Onlineshop? Nein.", taxonomy).negated
    }


@pytest.mark.parametrize(
    "text",
    [
        "Unsere Handwerkersoftware für Angebote und Rechnungen bleibt, wir brauchen eine Zeiterfassung.",
        "Our craft software for quotes and invoices stays, we need time tracking.",
    ],
)
def test_the_subject_that_stays_is_there_whatever_it_is_for(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["time-tracking"]
    assert [hit.id for hit in analysis.existing] == ["craft-software"]


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen ein GIS einschließlich Übernahme der Bestandsdaten aus dem bisherigen Desktop-GIS.",
        "Brauchen neue Werkstattsoftware – Kundenkartei und Fahrzeughistorie müssen unbedingt mit rüber.",
        "Wir suchen eine Schulverwaltung. Die Daten aus dem Access-Programm sollen übernommen werden.",
        "We need a new hotel system; guest history of 20 years must be migrated.",
    ],
)
def test_data_taken_over_is_a_data_migration(taxonomy, text):
    assert "data-migration" in analyse_need(text, taxonomy).capability_ids


def test_a_task_taken_on_or_data_read_from_a_system_is_no_migration(taxonomy):
    task = analyse_need(
        "Der Auftragnehmer übernimmt die Einrichtung und die Pflege der Stammdaten.", taxonomy
    )
    assert "data-migration" not in task.capability_ids
    flow = (
        "Die Telematik unserer Lkw (Fahrzeugortung, Lenkzeiten, Tachodaten) haben wir erst 2022 neu "
        "ausgerollt, die bleiben drin – das TMS soll dann später die aktuellen Positionen und ETAs "
        "der Fahrzeuge automatisch von dort übernehmen."
    )
    assert "data-migration" not in analyse_need(flow, taxonomy).capability_ids


def test_taking_over_data_of_many_years_is_asked_and_a_system_used_since_a_year_is_there(taxonomy):
    old_data = "Wir suchen ein neues PVS. Wichtig ist uns die Übernahme der Altdaten seit 2008."
    assert set(analyse_need(old_data, taxonomy).capability_ids) == {"data-migration", "medical-practice"}
    since = analyse_need("Buchhaltung mit DATEV seit 2010, wir brauchen ein CRM.", taxonomy)
    assert since.capability_ids == ["crm"] and [hit.id for hit in since.existing] == ["accounting"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Warenwirtschaft behalten wir. Jetzt wollen wir einen Onlineshop mit Stock-Sync zur WaWi.",
        "Unsere WaWi bleibt. Wir möchten einen Onlineshop mit Bestandsabgleich zur Warenwirtschaft.",
        "We keep our ERP. We want an online shop that takes its stock from the ERP.",
    ],
)
def test_a_system_there_named_again_where_a_link_goes_is_that_one(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["online-shop"]
    assert [hit.id for hit in analysis.existing] == ["erp"]


@pytest.mark.parametrize(
    "text",
    [
        "Rückmeldungen werden am nächsten Tag ins ERP getippt. Wir brauchen ein MES.",
        "Feedback is typed into the ERP the next day. We need an MES.",
    ],
)
def test_a_system_data_is_typed_into_is_there(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["mes"] and [hit.id for hit in analysis.existing] == ["erp"]


def test_subjects_joined_before_a_plural_verb_of_use_are_all_there(taxonomy):
    text = "Das Finanzwesen und das Meldewesen laufen über den Dienstleister. Wir brauchen Videokonferenzen."
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["video-conferencing"]
    assert "accounting" in {hit.id for hit in analysis.existing}
    both = analyse_need("Kasse und Warenwirtschaft bleiben, wir brauchen einen Onlineshop.", taxonomy)
    assert both.capability_ids == ["online-shop"] and {h.id for h in both.existing} == {"pos", "erp"}


@pytest.mark.parametrize(
    "text",
    [
        "Eine Kollegin hat auf eine Phishing-Mail geklickt. Wir brauchen Schutz vor Phishing.",
        "The attacker used her mailbox to send phishing mails to our patients; we need protection.",
    ],
)
def test_phishing_comes_by_mail(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert "email-security" in analysis.capability_ids and "it-security" not in analysis.capability_ids


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind eine Spedition aus Bremen. Wir brauchen eine Rechnungserkennung.",
        "We get 4,000 carrier invoices a month as PDFs and want them read automatically.",
    ],
)
def test_invoices_read_by_a_machine_are_document_capture_and_the_trade_is_no_need(taxonomy, text):
    assert analyse_need(text, taxonomy).capability_ids == ["ocr-capture"]


@pytest.mark.parametrize(
    "text",
    [
        "Dazu bräuchten wir 15 Tablets für die Ratsmitglieder.",
        "Die Tablets (12 Stück, robust) bräuchten wir auch gleich mit.",
    ],
)
def test_devices_one_would_need_are_supplied(taxonomy, text):
    assert analyse_need(text, taxonomy).capability_ids == ["hardware-supply"]


def test_a_firms_clients_are_no_law_firm_software_and_their_portal_is_a_customer_portal(taxonomy):
    text = (
        "Wir sind eine Steuerberatungskanzlei. Unsere Mandanten schicken Belege per Post. Wir suchen ein "
        "Mandantenportal, über das Mandanten Belege hochladen und Mandanten Auswertungen abrufen."
    )
    assert "customer-portal" in analyse_need(text, taxonomy).capability_ids
    assert (
        "customer-portal"
        in analyse_need("Geplant ist ein Bestellportal für Händler.", taxonomy).capability_ids
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die Mitgliederliste liegt in einer Access-Datenbank von 2003. Wir suchen eine Vereinsverwaltung.",
        "Disponiert wird über eine selbst gestrickte Access-Datenbank. Wir suchen ein TMS.",
    ],
)
def test_an_office_database_of_today_is_no_data_platform_to_buy(taxonomy, text):
    assert "data-platform" not in analyse_need(text, taxonomy).capability_ids


def test_the_calendar_of_a_booking_is_part_of_it_and_of_course_is_no_course(taxonomy):
    booking = analyse_need(
        "We would like an online calendar where people see which dates are free and book an appointment.",
        taxonomy,
    )
    assert "appointment-booking" in booking.capability_ids and "collaboration" not in booking.capability_ids
    network = analyse_need("We need a new network; it must of course connect to the HIS.", taxonomy)
    assert "training" not in network.capability_ids
    assert (
        "training" in analyse_need("We need a course for our staff on the new ERP.", taxonomy).capability_ids
    )


@pytest.mark.parametrize(
    "text",
    [
        "Der Dienstplan wird in Excel gebaut. Wir suchen ein Tool für die Dienstplanung.",
        "Shift planning is done in Excel; we are looking for a solution for duty rosters.",
    ],
)
def test_shift_planning_is_planned_working_time(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert "time-tracking" in analysis.capability_ids and "hr" not in analysis.capability_ids


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Webseite ja, Shop nein, Kasse ham wir schon", ["online-shop"]),
        ("Website ✔ Onlineshop ✘ CRM ✔", ["online-shop"]),
        ("Online shop: not needed. ERP: we have one. Website: needed.", ["online-shop"]),
    ],
)
def test_answers_in_a_list_refuse_or_keep_and_the_rest_is_asked(taxonomy, text, refused):
    analysis = analyse_need(text, taxonomy)
    assert "website-cms" in analysis.capability_ids
    assert [hit.id for hit in analysis.negated] == refused
    assert not {"online-shop", "pos", "erp"} & set(analysis.capability_ids)


def test_a_label_had_but_old_is_asked_again(taxonomy):
    # found by a new-user probe: the answer rule first read it as there
    assert analyse_need("Website: haben wir, ist aber alt und soll neu", taxonomy).capability_ids == [
        "website-cms"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Außer einem Onlineshop brauchen wir nichts.",
        "We need nothing except an online shop.",
        "Ohne Onlineshop geht heute nichts mehr, also brauchen wir einen.",
    ],
)
def test_all_but_nothing_asks_for_the_one_thing(taxonomy, text):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["online-shop"] and not analysis.negated


@pytest.mark.parametrize(
    ("text", "there"),
    [
        ("Die Kanzleisoftware DATEV ist gesetzt. Wir brauchen eine Spracherkennung.", "legal-software"),
        (
            "E-Mail und Office (Microsoft 365) sind ebenfalls gesetzt. Wir brauchen eine Spracherkennung.",
            "office-software",
        ),
        ("Our accounting is done by our Steuerberater in DATEV. We need speech recognition.", "accounting"),
    ],
)
def test_a_system_decided_or_done_by_an_adviser_is_there(taxonomy, text, there):
    analysis = analyse_need(text, taxonomy)
    assert analysis.capability_ids == ["speech-recognition"]
    assert there in {hit.id for hit in analysis.existing}


@pytest.mark.parametrize(
    "text, refused, wanted",
    [
        ("Einen Onlineshop brauchen wir noch nicht, aber eine Website.", "online-shop", "website-cms"),
        ("Wir brauchen noch nicht den Onlineshop, erst die Website.", "online-shop", "website-cms"),
    ],
)
def test_not_needed_yet_is_refused_for_now(taxonomy, text, refused, wanted):
    needed, negated, _ = _read(text, taxonomy)
    assert refused in negated and refused not in needed and wanted in needed


def test_still_lacking_is_still_asked_for(taxonomy):
    assert "accessibility" in _read("Die Website ist noch nicht barrierefrei.", taxonomy)[0]


@pytest.mark.parametrize(
    "text, wrong, wanted",
    [
        ("Die Website ist nicht das Problem, sondern die Warenwirtschaft.", "website-cms", "erp"),
        ("Our website is not the issue; we need an ERP.", "website-cms", "erp"),
        (
            "Wir hatten mal einen Onlineshop, jetzt brauchen wir eine Buchhaltung.",
            "online-shop",
            "accounting",
        ),
        (
            "Früher hatten wir einen Onlineshop, jetzt brauchen wir eine Buchhaltung.",
            "online-shop",
            "accounting",
        ),
        ("We used to have an online shop; now we need accounting.", "online-shop", "accounting"),
    ],
)
def test_what_is_not_the_problem_or_was_had_once_is_neither_asked_for_nor_there(
    taxonomy, text, wrong, wanted
):
    needed, negated, there = _read(text, taxonomy)
    assert wrong not in needed | negated | there and wanted in needed


@pytest.mark.parametrize(
    "text",
    [
        "Bestellungen aus dem Onlineshop tippen wir von Hand in die Warenwirtschaft ab.",
        "Orders from our online shop are typed into the ERP by hand.",
    ],
)
def test_systems_data_is_typed_from_and_into_are_there(taxonomy, text):
    needed, _, there = _read(text, taxonomy)
    assert {"online-shop", "erp"} <= there and not {"online-shop", "erp"} & needed


@pytest.mark.parametrize(
    "text",
    [
        "Unser Onlineshop und unsere Warenwirtschaft sollen automatisch Daten austauschen.",
        "Our online shop and our ERP should be synchronised.",
    ],
)
def test_own_systems_to_connect_ask_for_integration(taxonomy, text):
    needed, _, there = _read(text, taxonomy)
    assert needed == {"integration-platform"} and {"online-shop", "erp"} <= there


def test_a_new_system_connected_to_an_own_one_is_still_the_new_system(taxonomy):
    needed, _, there = _read(
        "Wir brauchen einen Onlineshop, verbunden mit unserer Warenwirtschaft.", taxonomy
    )
    assert needed == {"online-shop"} and "erp" in there


@pytest.mark.parametrize(
    "text, there, wanted",
    [
        (
            "Onlineshop und Kasse, beides haben wir schon. Es fehlt eine Buchhaltung.",
            {"online-shop", "pos"},
            "accounting",
        ),
        (
            "Wir brauchen eine Website. Onlineshop und Kasse: beides haben wir bereits.",
            {"online-shop", "pos"},
            "website-cms",
        ),
    ],
)
def test_both_of_two_joined_things_are_there(taxonomy, text, there, wanted):
    needed, _, existing = _read(text, taxonomy)
    assert there <= existing and wanted in needed and not there & needed


def test_a_trades_everyday_words_beside_a_named_need_are_in_passing(taxonomy):
    text = (
        "Wir sind ein Großhandel für Sanitär und Heizung; unsere Kunden sind Installateurbetriebe, die per "
        "Telefon und Fax bestellen und ihre Rechnungen per Post bekommen. Geplant ist ein Bestellportal für "
        "unsere Handwerkskunden mit Login pro Betrieb und kundenindividuellen Preisen."
    )
    assert _read(text, taxonomy)[0] == {"customer-portal"}


def test_a_trades_everyday_words_in_a_wish_are_asked_for(taxonomy):
    text = (
        "Wir sind ein Sanitärbetrieb mit 20 Monteuren und einem kleinen Büro. Die Stundenzettel kommen "
        "zerknittert am Freitag. Ich stelle mir vor, dass jeder Monteur auf dem Tablet seine Aufträge sieht, "
        "dort Material und Zeiten bucht und der Kunde am Ende unterschreibt."
    )
    assert "craft-software" in _read(text, taxonomy)[0]


def test_an_app_for_a_system_that_is_there_is_an_app_to_build(taxonomy):
    text = (
        "Unser TMS ist gut und bleibt, ein neues brauchen wir nicht. Was fehlt, ist eine eigene Fahrer-App."
    )
    needed, _, there = _read(text, taxonomy)
    assert needed == {"mobile-app"} and "logistics-tms" in there
    assert _read("Wir brauchen eine Fahrer-App.", taxonomy)[0] == {"logistics-tms"}


def test_a_trades_invoices_are_its_software_not_bookkeeping_too(taxonomy):
    text = (
        "Elektrobetrieb mit 6 Gesellen: Angebote und Rechnungen schreib ich abends in Word. "
        "Ich such ein Programm für Angebot, Auftrag und Rechnung."
    )
    assert _read(text, taxonomy)[0] == {"craft-software"}
    text = "Wir brauchen eine Buchhaltung und eine Handwerkersoftware für Angebote und Rechnungen."
    assert _read(text, taxonomy)[0] == {"craft-software", "accounting"}


@pytest.mark.parametrize(
    "text, there, wanted",
    [
        (
            "Our ERP, the shop and the CRM all stay as they are. We need a BI dashboard.",
            {"erp", "online-shop", "crm"},
            "bi",
        ),
        (
            "Die Aufträge liegen im TMS und die Finanzbuchhaltung in DATEV. Alles bleibt wie es ist. "
            "Gesucht sind Dashboards mit Auswertungen.",
            {"logistics-tms", "accounting"},
            "bi",
        ),
    ],
)
def test_everything_named_that_stays_is_there(taxonomy, text, there, wanted):
    needed, _, existing = _read(text, taxonomy)
    assert there <= existing and wanted in needed and not there & needed


@pytest.mark.parametrize(
    "text", ["Wir brauchen ein CRM. Alles andere bleibt.", "We need a CRM. Everything else stays."]
)
def test_everything_else_that_stays_is_not_what_was_asked(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"crm"}


@pytest.mark.parametrize(
    "text",
    [
        "We need an IT company that takes care of the PCs and updates on a monthly contract.",
        "We need a company who take care of everything: the PCs, the server, updates.",
    ],
)
def test_someone_who_takes_care_of_the_computers_is_managed_it(taxonomy, text):
    assert "managed-services" in _read(text, taxonomy)[0]


def test_a_bakerys_baking_list_is_production_planning(taxonomy):
    text = (
        "Wir sind eine Bäckerei mit fünf Filialen. Die Filialen faxen ihre Bestellungen, daraus rechnet "
        "meine Schwiegermutter von Hand den Backzettel aus. Wir brauchen neue Kassen."
    )
    assert {"production-planning", "pos"} <= _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, needed, there",
    [
        # a new-user probe's misreadings (each failed before)
        (
            "We no longer use our old CRM. Need a new one that talks to Outlook.",
            {"crm"},
            {"email-system"},  # what the CRM talks to is there (until needs_holdout21: asked for)
        ),
        (
            "Our CRM and our accounting software should exchange customer data automatically. "
            "We already have both.",
            {"integration-platform"},
            {"crm", "accounting"},
        ),
        ("We need a warehouse management system connected to our ERP.", {"wms"}, {"erp"}),
        (
            "We are a small dental practice and we keep our practice management software. "
            "We need online appointment booking.",
            {"appointment-booking"},
            {"medical-practice"},
        ),
        (
            "Kalkulation machen wir mit unserer Handwerkersoftware, die bleibt. "
            "Wir brauchen eine Zeiterfassung.",
            {"time-tracking"},
            {"craft-software"},
        ),
        ("Newsletter machen wir nicht mehr. Wir brauchen eine Website.", {"website-cms"}, set()),
        (
            "Newsletter haben wir früher gemacht, jetzt nicht mehr. Wir brauchen eine Website.",
            {"website-cms"},
            set(),
        ),
        ("Nous avons besoin d'un logiciel de comptabilité et d'une boutique en ligne", set(), set()),
        # where the vehicles are, asked without the word tracking; where they are repaired is no tracking
        ("Wir wollen sehen wo unsere Fahrzeuge sind.", {"fleet-management"}, set()),
        ("We want to see where our vans are right now.", {"fleet-management"}, set()),
        (
            "Wir haben eine Halle, wo die Fahrzeuge repariert werden. Wir brauchen eine Werkstattsoftware.",
            {"workshop-software"},
            set(),
        ),
        # a signature on a service call's report or on delivery is part of it, no e-signature product
        (
            "Unsere Monteure sollen Einsätze am Tablet sehen, der Kunde unterschreibt den Arbeitsbericht.",
            {"field-service"},
            set(),
        ),
        (
            "Kurierdienst: Wir brauchen eine Tourenplanung und eine App für die Fahrer mit Foto und "
            "Unterschrift bei der Zustellung.",
            {"logistics-tms", "mobile-app"},
            set(),
        ),
        # an English word holds no English head ("redesign" is no "esign"); a short head keeps its modifier
        ("We want a redesign of our website.", {"website-cms"}, set()),
        ("Wir brauchen einen Webshop und eine Zeiterfassungsapp.", {"online-shop", "time-tracking"}, set()),
        # receipts sent on are a portal's load, not paper to capture; receipts no longer kept on paper are
        (
            "Steuerkanzlei: Mandanten sollen Belege und Dokumente über ein Portal hochladen.",
            {"customer-portal"},
            set(),
        ),
        (
            "Wir möchten die Buchhaltung an den Steuerberater übergeben und Belege nicht mehr auf Papier "
            "sammeln.",
            {"accounting", "ocr-capture"},
            set(),
        ),
        # an energy management system brings its own dashboard
        (
            "Wir brauchen ein Energiemanagementsystem nach ISO 50001 mit einem Dashboard für die Standorte.",
            {"energy-management"},
            set(),
        ),
        # devices counted are devices to supply, even with their supply word far off; seats counted are not
        (
            "Zusätzlich sind 32 Tablets mit Schutzhülle und Stift für die Ratsmitglieder zu liefern.",
            {"hardware-supply"},
            set(),
        ),
        (
            "Malermeister: Office-Lizenzen für 6 PCs und ein Backup für den Server",
            {"software-licensing", "backup"},
            set(),
        ),
        # an acronym is matched as written ("DMs" are direct messages, "Instagram-DMs" holds no "MDM"); a
        # person's title asks for nothing ("Weiterbildungsassistent" is a doctor in training)
        (
            "Wir suchen einen KI-Chatbot für die Website und Instagram-DMs.",
            {"chatbot"},  # the website and Instagram are where it answers; an AI chatbot is a chatbot
            set(),
        ),
        (
            "Unsere Weiterbildungsassistentin kommt im Mai; wir brauchen eine Zeiterfassung.",
            {"time-tracking"},
            set(),
        ),
        # a system named as its maker writes it; a system the asked one must work with; one said to be fine
        ("Wir brauchen ein Dashboard. Unser ERP ist proAlpha.", {"bi"}, {"erp"}),
        (
            "We need a phone system that works with our practice software.",
            {"telephony"},
            {"medical-practice"},
        ),
        (
            "We need backups. The practice software itself is fine and we're staying with it.",
            {"backup"},
            {"medical-practice"},
        ),
        # a product the taxonomy does not know, said to be there, leaves the need before it alone
        ("Wir brauchen Backups. RA-Micro haben wir schon.", {"backup"}, set()),
        # a part done by someone outside leaves the rest of the trade's system asked for
        (
            "Ambulanter Pflegedienst: Tourenplanung für die Pflegekräfte, mobile Dokumentation beim "
            "Patienten. Die Abrechnung mit den Kassen macht unser Steuerbüro, das brauchen wir nicht.",
            {"care-software"},
            set(),
        ),
        # what must finally run is asked for; what shall go on running is kept
        ("Kleines Hotel, 20 Zimmer. WLAN für Gäste muss endlich stabil laufen.", {"network"}, set()),
        (
            "Wir brauchen eine Website. Die Buchhaltung soll weiter über DATEV laufen.",
            {"website-cms"},
            {"accounting"},
        ),
        # made once, not asked for now
        (
            "Our association organises events; last year someone built us an app but we never used it. "
            "This time we just need a simple newsletter tool and event registration.",
            {"event-management", "newsletter"},
            set(),
        ),
        # a state that is right, said with a copula, is there; said as a condition, it asks nothing
        (
            "Unsere Zeiterfassung ist datenschutzkonform, aber wir brauchen eine Lohnabrechnung.",
            {"payroll"},
            {"time-tracking"},
        ),
        ("Our time tracking is GDPR compliant; we need payroll.", {"payroll"}, {"time-tracking"}),
        ("We need a GDPR compliant CRM.", {"crm"}, set()),
        ("Videoüberwachung gegen Ladendiebstahl, natürlich DSGVO-konform", {"video-surveillance"}, set()),
        # the workplaces' operating system moved is client management, not a data migration or a supply
        ("Wir planen die Migration von 300 Arbeitsplätzen auf Windows 11.", {"device-management"}, set()),
        ("Lieferung von 300 Notebooks mit Windows 11", {"hardware-supply"}, set()),
        # a motive, not a need
        (
            "We need a document management system. It must be hosted on-premises for compliance reasons.",
            {"dms"},
            set(),
        ),
        ("Aus Datenschutzgründen brauchen wir ein DMS.", {"dms"}, set()),
        (
            "Wir migrieren die Daten aus dem alten Windows-Programm in die neue Warenwirtschaft.",
            {"erp", "data-migration"},
            set(),
        ),
    ],
)
def test_probe_readings(taxonomy, text, needed, there):
    found, _, existing = _read(text, taxonomy)
    assert found == needed and there <= existing


def test_what_is_no_longer_needed_is_refused(taxonomy):
    assert "crm" in _read("We no longer need a CRM.", taxonomy)[1]


def test_evidence_of_several_words_is_quoted_as_written(taxonomy):
    analysis = analyse_need("Ein Bürgerportal, barrierefrei nach BITV 2.0, mit Hosting.", taxonomy)
    evidence = {h.id: h.evidence for h in analysis.capabilities}
    assert "BITV 2.0" in evidence["accessibility"]  # the tokens' "BITV 2 0" before


@pytest.mark.parametrize(
    "text, needed",
    [
        # the name of a broad CPV class after its code names no capability of its own
        (
            "Subject: a machine translation solution for German and French. "
            "CPV: 48000000 (software package and information systems), 72000000 (IT services)",
            {"translation"},
        ),
        ("Gegenstand: Übersetzungssoftware. CPV 72000000-5 (IT services)", {"translation"}),
        # a device's CPV name does not count as naming the devices again (their supply stays in focus)
        (
            "Gegenstand der Leistung: Lieferung von 250 Notebooks inkl. Dockingstation sowie "
            "Rollout-Dienstleistungen (Imaging, Verteilung an die Arbeitsplätze, Entsorgung der Altgeräte). "
            "CPV: 30213100-6 Tragbare Computer. "
            "Die Leistungsbeschreibung ist den Vergabeunterlagen zu entnehmen.",
            {"hardware-supply", "device-management"},
        ),
    ],
)
def test_a_cpv_codes_name_is_read_through_its_code(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text",
    [
        # the site a trade works on is a place, not construction software
        "Elektromeister, 12 Leute: wir suchen ein Programm für Angebote und Rechnungen, und die Jungs sollen "
        "ihre Stunden auf der Baustelle per Handy erfassen.",
        # two troubles
        "Wir sind eine Bäckerei. Zwei Baustellen: Die Kassen sind alt, wir brauchen neue Kassen mit "
        "Kartenzahlung.",
        # an architects' office named beside what is asked
        "Bei einem befreundeten Architekturbüro hat ein Verschlüsselungstrojaner alles lahmgelegt. Wir "
        "brauchen eine Datensicherung und eine Firewall.",
    ],
)
def test_a_building_site_or_an_architects_office_beside_a_need_is_context(taxonomy, text):
    found = _read(text, taxonomy)[0]
    assert found and "construction-ava" not in found


@pytest.mark.parametrize(
    "text, needed",
    [
        (
            "Wir sind eine Steuerberatungskanzlei mit 17 Mitarbeitern. Wir suchen ein Mandantenportal mit "
            "digitaler Unterschrift.",
            {"customer-portal", "e-signature"},
        ),
        # a mail-order pharmacy is a competitor's business, no shipping to organise
        (
            "Die großen Versandapotheken graben uns das Wasser ab, deshalb wollen wir einen eigenen "
            "Onlineshop.",
            {"online-shop"},
        ),
    ],
)
def test_a_business_word_as_the_head_of_a_compound_names_a_business(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text, supplied",
    [
        # a device only mentioned is no device to supply
        (
            "Mein Vorgänger hat alles in einer Access-Datenbank gemacht, die nur auf seinem Laptop lief. Wir "
            "suchen eine Vereinsverwaltung.",
            False,
        ),
        (
            "Ablösung der TK-Anlage durch eine IP-basierte Telefonanlage, davon 40 Nebenstellen als "
            "Softphone mit Headset für mobil arbeitende Beschäftigte.",
            False,
        ),
        ("Störmeldungen sind an den Bereitschaftsdienst auf das Diensthandy weiterzuleiten.", False),
        # one asked for is
        ("Wir brauchen einen neuen Laptop für die Buchhaltung.", True),
    ],
)
def test_a_device_in_the_singular_is_supplied_only_where_asked_for(taxonomy, text, supplied):
    assert ("hardware-supply" in _read(text, taxonomy)[0]) is supplied


@pytest.mark.parametrize(
    "text, needed",
    [
        # the products a licence contract lists are what the licences are for
        (
            "Rahmenvertrag über Lizenzen, insbesondere Microsoft 365, Adobe Acrobat Pro sowie Virenschutz. "
            "CPV: 48000000-8, 48760000-3",
            {"software-licensing"},
        ),
        (
            "Rahmenvereinbarung über die Lieferung von Standardsoftware und Lizenzen (u. a. Microsoft, "
            "Adobe, Virenschutz).",
            {"software-licensing"},
        ),
        # a product asked for beside the licences is not in their list
        (
            "Lieferung von Lizenzen und Einführung eines neuen Virenschutzes.",
            {"software-licensing", "it-security"},
        ),
    ],
)
def test_the_products_a_licence_contract_lists_are_licensed(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text, needed",
    [
        # the calendar of a practice's or a law firm's software is part of it
        (
            "Physiopraxis mit 5 Therapeuten sucht einfache Praxissoftware inkl. Terminkalender und "
            "Abrechnung mit den Krankenkassen.",
            {"medical-practice"},
        ),
        (
            "Wir brauchen eine Kanzleisoftware mit beA-Anbindung und Fristen- und Terminkalender.",
            {"legal-software"},
        ),
        # a visit the writer asks the provider for
        ("Wir suchen eine Videoüberwachung für den Hof. Bitte um Termin vor Ort.", {"video-surveillance"}),
        ("Wir suchen eine Videoüberwachung für den Hof. Gerne ein Vor-Ort-Termin.", {"video-surveillance"}),
        # dates booked online stay a booking
        (
            "Wir brauchen eine Praxissoftware mit Terminkalender, und Patienten sollen Termine online "
            "buchen.",
            {"medical-practice", "appointment-booking"},
        ),
    ],
)
def test_a_calendar_inside_a_trades_software_or_a_visit_asked_for_is_no_booking(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text, needed",
    [
        # how things are done today, said with "bislang", "at the moment", or "derzeit" beside a makeshift
        (
            "Bislang werden Tankbelege und Prüfungen in Excel-Listen und auf Papier geführt. Gefordert ist "
            "eine Fuhrparkverwaltung.",
            {"fleet-management"},
        ),
        (
            "In unseren Praxen füllen Patienten derzeit Anamnesebögen auf Papier aus, die anschließend "
            "eingescannt werden. Wir suchen digitale Formulare auf dem Tablet.",
            {"online-forms"},
        ),
    ],
)
def test_todays_way_said_later_in_the_sentence_is_no_need(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


def test_todays_way_at_the_moment_is_no_need(taxonomy):
    found = _read(
        "At the moment requests come by email, the couples print the contract, sign, scan it back and pay by "
        "bank transfer. We would like an online calendar with a request form.",
        taxonomy,
    )[0]
    assert found and not found & {"banking", "managed-print", "ocr-capture"}


@pytest.mark.parametrize(
    "text",
    [
        "We are looking for an employee app with news and short onboarding videos and quizzes for new staff.",
        "Wir suchen eine Schulungsplattform für unsere Pflegekräfte.",
    ],
)
def test_onboarding_videos_and_a_training_platform_are_e_learning(taxonomy, text):
    assert "e-learning" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, migrated",
    [
        # taken over from the system before, or counted in millions ("Mio." ends no sentence)
        (
            "Gesucht ist eine AVA-Software. Übernahme der Leistungsverzeichnisse und Projekte aus der "
            "abzulösenden Altanwendung.",
            True,
        ),
        (
            "Einführung einer E-Akte-Lösung (DMS). Übernahme von ca. 1,8 Mio. Dokumenten einschließlich "
            "Metadaten aus dem bisherigen Ablagesystem.",
            True,
        ),
        # paper scanned into a DMS is captured, not migrated
        (
            "Los 5: Digitalisierung der Bauakten (ca. 40.000 Akten) inkl. Scannen, Indizierung und Übernahme "
            "in das bestehende DMS.",
            False,
        ),
    ],
)
def test_data_taken_over_from_the_system_before_is_a_migration(taxonomy, text, migrated):
    assert ("data-migration" in _read(text, taxonomy)[0]) is migrated


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Wir brauchen ein elektronisches Zutrittssystem für Tresorraum und Hintertür.", "access-control"),
        (
            "Wir möchten die Dateien in eine Cloud bringen, wo alle gemeinsam daran arbeiten können.",
            "cloud-migration",
        ),
        ("We'd like to move our file shares and mailboxes into Microsoft 365.", "cloud-migration"),
    ],
)
def test_everyday_names_of_access_control_and_a_move_to_the_cloud(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


def test_the_detailed_scheduling_of_a_shop_floor_system_is_asked_with_it(taxonomy):
    found = _read(
        "Wir sind ein Lohnfertiger mit 40 CNC-Maschinen im Dreischichtbetrieb. Rückmeldungen erfolgen heute "
        "auf Laufkarten, Maschinenstillstände werden kaum erfasst, und wir wissen nie, wo ein "
        "Fertigungsauftrag steht. Gesucht: ein MES mit Betriebsdatenerfassung und Maschinendatenerfassung "
        "an allen Maschinen sowie eine grafische Feinplanung.",
        taxonomy,
    )[0]
    assert {"mes", "production-planning"} <= found


@pytest.mark.parametrize(
    "text, needed",
    [
        # the app of a product bought comes with it
        (
            "Travel expenses are still paper receipts stapled to Excel sheets. We'd like an app where "
            "consultants photograph receipts and log their hours on the phone, with time recording per "
            "project.",
            {"expense-management", "time-tracking"},
        ),
        (
            "Wir brauchen eine Zeiterfassung. Da wäre ein Gerät oder eine App zum Ein- und Ausstempeln "
            "super.",
            {"time-tracking"},
        ),
        # an app to build is asked for
        ("Wir brauchen eine App für iOS und Android, mit der Kunden Räder buchen können.", {"mobile-app"}),
    ],
)
def test_the_app_of_a_product_comes_with_it(taxonomy, text, needed):
    assert needed <= _read(text, taxonomy)[0] and (
        "mobile-app" in needed or "mobile-app" not in _read(text, taxonomy)[0]
    )


@pytest.mark.parametrize(
    "text, needed",
    [
        # the tax advisor is a person who does the books, no software asked
        (
            "Die Stundenzettel tippe ich für den Steuerberater ab. Wir brauchen eine Zeiterfassung per "
            "Terminal.",
            {"time-tracking"},
        ),
        # a haulier's invoicing comes out of its dispatch software
        (
            "Wir suchen eine Dispo-Software für Auftragserfassung, Disposition und Sendungsverfolgung. "
            "Die Fakturierung soll dann direkt aus der Dispo kommen.",
            {"logistics-tms"},
        ),
    ],
)
def test_a_bookkeeper_or_a_hauliers_invoicing_asks_no_accounting(taxonomy, text, needed):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text",
    [
        "We need security tests of our externally reachable infrastructure.",
        "Rahmenvertrag über Sicherheitstests der Webanwendungen und Bürgerportale.",
    ],
)
def test_security_tests_are_penetration_tests(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"penetration-testing"}


@pytest.mark.parametrize(
    "text, needed",
    [
        (
            "We need time tracking with invoices in lexoffice, which we'll keep using for bookkeeping.",
            {"time-tracking"},
        ),
        # the tax advisor's DATEV is there; a first short sentence that asks is no heading naming the trade
        (
            "Wir suchen eine Handwerkersoftware. Unser Steuerberater arbeitet mit DATEV, die Daten müssten "
            "da also rüber gehen.",
            {"craft-software", "data-migration"},
        ),
    ],
)
def test_what_we_will_keep_and_the_tax_advisors_tool_are_there(taxonomy, text, needed):
    found, _, there = _read(text, taxonomy)
    assert found == needed and "accounting" in there


@pytest.mark.parametrize(
    "text",
    [
        # an "already there" adjective reaches its noun, not the verb after it
        "Wir suchen eine Pflegesoftware. Die Bewohnerstammdaten aus unserer bisherigen Heimverwaltung sollen "
        "übernommen werden.",
        "Gesucht ist ein neues CMS. Die Inhalte (ca. 1.800 Seiten) sind aus dem bisherigen System zu "
        "übernehmen.",
        "We need a proper WMS. Migrating the stock and article data from the old database is part of it.",
    ],
)
def test_data_taken_from_the_system_there_is_a_migration(taxonomy, text):
    assert "data-migration" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, capability",
    [
        ("Wir möchten die theoretischen Anteile der Lehrgänge als Online-Module anbieten.", "e-learning"),
        ("Scope: annual online modules on phishing and social engineering for 220 staff.", "e-learning"),
        ("I need a reliable IT provider for ongoing support of our PCs and printers.", "managed-services"),
    ],
)
def test_online_modules_and_an_it_provider_for_ongoing_support(taxonomy, text, capability):
    assert capability in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, needed",
    [
        # the topic written right before the service it is the object of
        ("Provision of information security awareness training services for 220 staff.", {"training"}),
        # a parish's service plan; a team that works in English
        (
            "Die Gemeinde braucht eine neue Internetseite. Inhalte: Gottesdienstplan, Gruppen, Kontakt.",
            {"website-cms"},
        ),
        (
            "Looking for a tool for project management. Most of the team works in English.",
            {"project-management"},
        ),
    ],
)
def test_a_topic_before_its_training_a_service_plan_and_a_working_team_name_nothing_else(
    taxonomy, text, needed
):
    assert _read(text, taxonomy)[0] == needed


@pytest.mark.parametrize(
    "text",
    [
        # dates given in a notice are none to book
        "Ausstattung der Sitzungssäle mit PTZ-Kameras und Integration in Microsoft Teams Rooms. Eine "
        "Ortsbesichtigung ist verpflichtend (Termine: 12.03. oder 19.03.).",
        # the appointment requests an AI phone assistant takes
        "Wir brauchen einen KI-Telefonassistenten, der Terminwünsche und Fragen zu Rezepten annimmt.",
        # the app of an intranet
        "Wir suchen eine Mitarbeiter-App für News und Dokumente. Die neue App soll standalone laufen.",
    ],
)
def test_dates_given_an_assistants_appointments_and_an_intranets_app(taxonomy, text):
    found = _read(text, taxonomy)[0]
    assert found and not {"appointment-booking", "mobile-app"} & found


@pytest.mark.parametrize(
    "text",
    [
        # phones a solution must lock when one is lost, beside a care software named three times
        "Wir möchten umsteigen auf eine Pflegesoftware mit Tourenplanung. Die Pflegesoftware soll auch "
        "offline laufen, und die Pflegesoftware braucht eine Schnittstelle. Dafür bräuchten wir auch "
        "ca. 30 Diensthandys, die man zentral einrichten und sperren kann, falls mal eins liegen bleibt.",
        # the iPads of a lot, locked on loss, beside a network named three times
        "Los 1: Verkabelung, WLAN und Switches an 9 Schulen. Los 2: Bereitstellung einer Lösung für "
        "1.800 iPads inkl. App-Verteilung und Sperrung bei Verlust.",
        # phones there today and to be replaced
        "Die bisherigen Diensthandys (alte Geräte, teilweise private Handys) sollen ersetzt werden.",
    ],
)
def test_devices_locked_when_lost_and_devices_replaced_are_device_management(taxonomy, text):
    found, _negated, existing = _read(text, taxonomy)
    assert "device-management" in found and "device-management" not in existing


@pytest.mark.parametrize(
    "text",
    [
        # systems run on, and two systems that both stay
        "Wir führen eine E-Akte ein. Das Finanzwesen wird weiterbetrieben und ist anzubinden.",
        "Operations run on CargoWise and finance on DATEV, and both stay. We want a data warehouse.",
    ],
)
def test_systems_run_on_and_both_staying_are_there(taxonomy, text):
    found, _negated, existing = _read(text, taxonomy)
    assert found and "accounting" in existing and "accounting" not in found


def test_an_information_security_management_system_in_a_compound_is_compliance_management(taxonomy):
    text = "Unterstützung beim Aufbau eines Informationssicherheits-Managementsystems nach IT-Grundschutz."
    assert "compliance-management" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        # meetings held in part online, and the room technology for them
        "Außerdem möchten wir Eigentümerversammlungen künftig auch hybrid durchführen können.",
        "Wir suchen Konferenztechnik für die Tagungsräume (Kamera, Mikrofone, Display).",
    ],
)
def test_hybrid_meetings_and_conference_technology_are_video_conferencing(taxonomy, text):
    assert "video-conferencing" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, not_asked",
    [
        # the writer's own laptop is no fleet of devices to manage
        (
            "I need simple software for quotes and invoices, something that works on my laptop.",
            "device-management",
        ),
        # how a tender's bidders talk to the buyer
        (
            "Lieferung einer Spracherkennung für 180 Ärzte. Die Kommunikation erfolgt ausschließlich "
            "über die Plattform.",
            "collaboration",
        ),
    ],
)
def test_ones_own_laptop_and_a_tenders_communication_ask_nothing(taxonomy, text, not_asked):
    found = _read(text, taxonomy)[0]
    assert found and not_asked not in found


def test_things_asked_for_by_number_are_asked_beside_a_focus(taxonomy):
    text = (
        "Wir suchen eine Pflegesoftware mit Tourenplanung. Die Pflegesoftware soll auch offline laufen, und "
        "die Pflegesoftware braucht eine Schnittstelle zur Abrechnung. Dazu bräuchten wir ca. 25 Smartphones "
        "für die Touren, die zentral verwaltet werden sollen (verlorenes Gerät sperren)."
    )
    assert {"care-software", "hardware-supply", "device-management"} <= _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, not_asked",
    [
        # a hotel's seminars are events in its rooms, not training to give
        ("Hotel mit Tagungsräumen: Raumbuchung für Seminare und Firmenveranstaltungen online.", "training"),
        # an event's registration is taken by its software
        ("Wir suchen eine Seminarverwaltung mit Online-Anmeldung und Teilnehmerverwaltung.", "online-forms"),
    ],
)
def test_seminars_of_a_venue_and_an_events_registration_are_the_events(taxonomy, text, not_asked):
    found = _read(text, taxonomy)[0]
    assert "event-management" in found and not_asked not in found


def test_a_phrase_written_as_a_hyphenated_systems_parts_is_read(taxonomy):
    found = _read("Wir suchen eine Field-Service-Software für unsere zwölf Techniker.", taxonomy)[0]
    assert "field-service" in found


def test_devices_delivered_by_number_and_managed_are_asked_beside_a_lots_focus(taxonomy):
    text = (
        "Los 1: Passive und aktive Netzwerkkomponenten: strukturierte Verkabelung, Switches und "
        "WLAN-Access-Points für eine flächendeckende Ausleuchtung in 7 Grundschulen, inkl. Montage. Los 2: "
        "Lieferung von 260 Tablets mit Hüllen und Ladewagen, Einbindung in eine Geräteverwaltung, die der "
        "Auftragnehmer für 5 Jahre bereitstellt."
    )
    assert {"network", "hardware-supply", "device-management"} <= _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # the app of a time recording, hyphenated
        (
            "Malerbetrieb, 15 Leute – suchen ne einfache Zeiterfassung per Handy-App.",
            "time-tracking",
            "mobile-app",
        ),
        # to pick is to choose
        (
            "We want online appointment booking where patients can pick a therapist and slot.",
            "appointment-booking",
            "wms",
        ),
        # a vague other of the same kind refused with the thing
        (
            "Wir möchten auf eine moderne Hotelsoftware umsteigen. Einen Gutschein-Shop oder ähnliches "
            "brauchen wir nicht.",
            "hotel-software",
            "online-shop",
        ),
    ],
)
def test_a_hyphenated_app_a_choice_and_the_like_refused(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked, refused",
    [
        # a heading that refuses what follows it, after a sentence that opens with an article
        (
            "Außerdem möchten wir den Stromverbrauch je Maschine sehen. Die Kosten sind hoch. Was wir nicht "
            "wollen: eine große Cloud-IoT-Plattform mit Gebühren pro Sensor.",
            "energy-management",
            "iiot-platform",
        ),
        ("Wir brauchen eine neue Website. What we don't need: a webshop.", "website-cms", "online-shop"),
    ],
)
def test_a_heading_that_refuses_refuses_what_follows_it_only(taxonomy, text, asked, refused):
    found, negated, _existing = _read(text, taxonomy)
    assert asked in found and refused in negated and refused not in found


def test_work_done_on_with_a_product_whose_name_is_a_word_is_there(taxonomy):
    text = "Malerbetrieb – suchen eine Zeiterfassung, Angebote und Rechnungen machen wir weiter mit Taifun."
    found, _negated, existing = _read(text, taxonomy)
    assert "time-tracking" in found and "craft-software" in existing and "craft-software" not in found


def test_a_wish_said_with_waere_asks_beside_a_focus_and_a_tyre_hotel_is_no_hotel(taxonomy):
    text = (
        "Ich habe eine freie Kfz-Werkstatt. Mein Werkstattprogramm läuft noch unter Windows 7. Ich suche "
        "eine neue Werkstattsoftware, wo Aufträge, Fahrzeughistorie, Teilebestellung und Reifenhotel drin "
        "sind. "
        "Toll wäre, wenn Kunden online einen Termin buchen könnten, gerade im Frühjahr beim Reifenwechsel."
    )
    found = _read(text, taxonomy)[0]
    assert {"workshop-software", "appointment-booking"} <= found and "hotel-software" not in found


def test_signing_up_for_a_course_online_is_no_e_learning(taxonomy):
    text = "Wir brauchen eine Vereinssoftware. Für die Gesundheitskurse wäre eine Online-Kursanmeldung toll."
    found = _read(text, taxonomy)[0]
    assert "membership-management" in found and "e-learning" not in found


def test_a_trades_maintenance_business_is_planned_by_its_field_service(taxonomy):
    text = (
        "Das Wartungsgeschäft ist stark gewachsen. Was fehlt, ist eine Einsatzplanung für den Kundendienst: "
        "Wartungen automatisch fällig stellen, Touren planen, Monteure bekommen die Aufträge aufs Tablet."
    )
    found = _read(text, taxonomy)[0]
    assert "field-service" in found and "maintenance" not in found


@pytest.mark.parametrize(
    "text, asked",
    [
        # what the kept software is for is kept with it
        (
            "We keep our practice software (theorg) for patient records and billing. What we want is online "
            "appointment booking.",
            "appointment-booking",
        ),
        # the practice's trade named again, its software there
        (
            "Wir sind eine Physiotherapie-Praxis. Unsere Praxissoftware ist THEORG, damit sind wir "
            "zufrieden. Bei Google findet man uns erst auf Seite 3, wenn man 'Physiotherapie Regensburg' "
            "eingibt. Wir bräuchten eine neue Webseite.",
            "website-cms",
        ),
    ],
)
def test_the_kept_softwares_uses_and_the_trades_name_are_the_software_there(taxonomy, text, asked):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and "medical-practice" in existing and "medical-practice" not in found


@pytest.mark.parametrize(
    "text, asked",
    [
        # devices left lying somewhere are lost, not kept; managed centrally
        (
            "die Tablets müssen wir auch noch kaufen so 25 Stück und die sollten zentral verwaltet sein "
            "falls mal eins im Auto liegen bleibt",
            {"hardware-supply", "device-management"},
        ),
        # a tradesman's workshop, data never backed up, vans to track
        (
            "the wifi in the workshop drops and the nas hasn't been backed up since 2021. also want the vans "
            "tracked gps-wise",
            {"network", "backup", "fleet-management"},
        ),
    ],
)
def test_colloquial_asks_for_devices_backups_and_vehicles(taxonomy, text, asked):
    found = _read(text, taxonomy)[0]
    assert asked <= found and "training" not in found


@pytest.mark.parametrize(
    "text, asked, there",
    [
        # done by the IT firm that looks after the writer already
        (
            "Backup macht schon unser Systemhaus, das passt so. Wir brauchen eine Firewall.",
            "it-security",
            "backup",
        ),
        # "... too" says of a thing what the clause before said: there
        ("Protel als PMS bleibt, Kassen auch. Wir wollen einen Chatbot.", "chatbot", "pos"),
    ],
)
def test_work_done_by_the_it_firm_and_things_there_too(taxonomy, text, asked, there):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and there in existing and there not in found


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # another topic, not now
        (
            "Wir brauchen eine Kanzleisoftware. Die Telefonanlage is auch ein Witz aber das ist ein anderes "
            "Thema, erstmal nur die Akten.",
            "legal-software",
            "telephony",
        ),
        # the field technicians' app comes with the scheduling
        (
            "need proper job scheduling + an app for the techs with job info, photos and the customer "
            "signing",
            "field-service",
            "mobile-app",
        ),
    ],
)
def test_another_topic_devices_managed_centrally_and_a_field_services_app(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # "grad" is "gerade", no school's grades
        (
            "Tickets verkaufen wir grad über so ne Seite, wir brauchen ein eigenes Ticketing.",
            "event-management",
            "school-software",
        ),
        # it cannot go on like this: nothing refused
        (
            "ich hätt gern so ein System wo alle Anfragen reinlaufen also Angebote Events Termine bzw "
            "Kundenverwaltung quasi weil so wie jetzt gehts echt nicht weiter",
            "crm",
            "",
        ),
        # a courier's delivery software, and a call referred to
        ("Servus, wir bräuchten ne Zustellsoftware mit App für die Fahrer.", "logistics-tms", ""),
        (
            "Hi Tobi, wie am Telefon besprochen: das Bürgerbüro braucht endlich ne Online-Terminvergabe, die "
            "Leute stehen um 7 vorm Rathaus Schlange. Außerdem soll die Telefonanlage im Rathaus raus, "
            "Ersatz über VoIP.",
            "appointment-booking",
            "",
        ),
    ],
)
def test_colloquial_words_a_courier_and_a_call_referred_to(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked",
    [
        # timesheets one cannot read are a trouble told, not refused
        (
            "die Jungs sollen ihre Arbeitszeiten übers Handy stempeln weil die Stundenzettel kann ich nicht "
            "lesen ehrlich",
            "time-tracking",
        ),
        # devices counted after the word
        (
            "Wir bräuchten ein GIS, wo die Kollegen aufm Tablet eintragen, Tablets bitte gleich mit, so 4 "
            "Stück.",
            "hardware-supply",
        ),
        # sessions by video
        (
            "we wanna offer video sessions but it has to be one of the kbv certified providers",
            "video-conferencing",
        ),
    ],
)
def test_a_trouble_told_devices_counted_after_and_video_sessions(taxonomy, text, asked):
    assert asked in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # two things that stay
        (
            "google workspace and slack stay, we're not moving off those. we want sso.",
            "identity-management",
            "office-software",
        ),
        # today's till, opened with "current"
        (
            "current till is some ipad app that crashes every saturday morning. want a proper pos.",
            "pos",
            "mobile-app",
        ),
    ],
)
def test_two_things_that_stay_and_todays_makeshift_opened_with_current(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


def test_crews_planned_are_field_service_and_dictated_text_recognised_is_speech(taxonomy):
    assert (
        "field-service"
        in _read(
            "Dachdecker, 4 Kolonnen: brauchen digitale Planung, welcher Trupp wann auf welche Baustelle "
            "fährt.",
            taxonomy,
        )[0]
    )
    text = (
        "Unser Kanzleiprogramm wird eingestellt, wir brauchen eine neue Kanzleisoftware mit beA, Fristen und "
        "Aktenführung für unsere Kanzlei. Außerdem würden die Kollegen gern direkt am Rechner diktieren, "
        "sodass der Text automatisch erkannt wird."
    )
    found = _read(text, taxonomy)[0]
    assert "speech-recognition" in found and "ocr-capture" not in found


def test_what_the_asker_is_said_to_have_before_its_verb_is_there(taxonomy):
    text = "Schuhhändler mit Shopware-6-Shop sucht Anbindung an Amazon und Zalando (Artikel, Bestände)."
    found, _negated, existing = _read(text, taxonomy)
    assert "marketplace" in found and "online-shop" in existing and "online-shop" not in found


@pytest.mark.parametrize(
    "text, asked, refused",
    [
        (
            "Wir möchten mobile Handscanner einführen. Ein eigenständiges Lagerverwaltungssystem halten wir "
            "für überdimensioniert.",
            "barcode-rfid",
            "wms",
        ),
        ("We need a new website. A full ERP would be overkill.", "website-cms", "erp"),
    ],
)
def test_what_the_writer_thinks_oversized_is_refused(taxonomy, text, asked, refused):
    found, negated, _existing = _read(text, taxonomy)
    assert asked in found and refused in negated and refused not in found


def test_a_thing_said_to_be_a_makers_is_there(taxonomy):
    text = "Kassen in den Filialen sind von Vectron, da bitte nix anfassen. Wir brauchen ne Website."
    found, _negated, existing = _read(text, taxonomy)
    assert "website-cms" in found and "pos" in existing and "pos" not in found


@pytest.mark.parametrize(
    "text, asked, there",
    [
        # the channels sold through
        (
            "wir verkaufen handgemachte Seifen über Etsy und nen eigenen Shopware-Shop. Bräuchten ein PIM.",
            "pim",
            "online-shop",
        ),
        ("We sell through our online shop and need a PIM.", "pim", "online-shop"),
    ],
)
def test_the_channels_a_writer_sells_through_are_there(taxonomy, text, asked, there):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and there in existing and there not in found


def test_a_school_boards_office_writing_asks_for_no_school_software(taxonomy):
    text = (
        "Hallo Kollegen, kurze Info vom Schulverwaltungsamt: für die 6 Grundschulen brauchen wir Tablets "
        "für die Klassen (ca. 180 Stück), zentral verwaltet, und in zwei Schulen gibts noch kein WLAN."
    )
    found = _read(text, taxonomy)[0]
    assert {"hardware-supply", "network"} <= found and "school-software" not in found


@pytest.mark.parametrize(
    "text, asked",
    [
        # a telephone system in the words of tenders, and in a hyphenated compound of a solution
        ("Wir brauchen eine neue TK-Anlage für 40 Nebenstellen.", "telephony"),
        (
            "Ablösung der bestehenden TK-Anlage (ISDN-basiert) durch eine Cloud-Telefonielösung für ca. 85 "
            "Nebenstellen.",
            "telephony",
        ),
        # the IT firm an SME seeks, beside other needs
        (
            "Apotheke mit 2 Filialen sucht neuen IT-Dienstleister für laufende Betreuung und eine anständige "
            "Datensicherung.",
            "managed-services",
        ),
    ],
)
def test_a_telephone_system_replaced_and_an_it_firm_sought(taxonomy, text, asked):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and asked not in existing


@pytest.mark.parametrize(
    "text, asked, refused",
    [
        (
            "Wir brauchen Hilfe beim Datenschutz, wir haben nämlich auch keinen Datenschutzbeauftragten.",
            "data-protection",
            "",
        ),
        (
            "Wir brauchen eine Website. Wir haben keinen Bedarf an einem Onlineshop.",
            "website-cms",
            "online-shop",
        ),
    ],
)
def test_what_the_writer_has_not_is_a_lack_unless_no_need_is_said(taxonomy, text, asked, refused):
    found, negated, _existing = _read(text, taxonomy)
    assert asked in found and (not refused or refused in negated)


def test_encryption_is_a_feature_of_what_is_asked_not_an_it_security_project(taxonomy):
    text = "We'd like single sign-on and a proper MDM for the Macs (zero-touch enrollment, disk encryption)."
    found = _read(text, taxonomy)[0]
    assert {"identity-management", "device-management"} <= found and "it-security" not in found


def test_a_networks_infrastructure_is_the_network_not_an_it_service(taxonomy):
    text = "Los 2: Erneuerung der LAN-/WLAN-Infrastruktur (Switches, Access Points) an 6 Standorten."
    found = _read(text, taxonomy)[0]
    assert "network" in found and "managed-services" not in found


def test_datev_named_as_where_data_goes_is_a_standard_to_link_not_accounting_to_buy(taxonomy):
    text = "Steuerkanzlei (11 MA) sucht Scanlösung mit OCR, die direkt an DATEV Unternehmen online übergibt."
    analysis = analyse_need(text, taxonomy)
    assert "ocr-capture" in analysis.capability_ids and "accounting" not in analysis.capability_ids
    assert "datev" in analysis.standards


@pytest.mark.parametrize(
    "text",
    [
        "Konzeption und Produktion von 12 Web-Based-Trainings im SCORM-Format.",
        "We need web-based training modules on hygiene for our nurses.",
    ],
)
def test_web_based_trainings_are_e_learning_not_a_trainer(taxonomy, text):
    found = _read(text, taxonomy)[0]
    assert "e-learning" in found and "training" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Umsetzung von 22 OZG-Leistungen als Online-Antragsstrecken; die Übergabe erfolgt an die bestehenden "
        "Fachverfahren, die unverändert weiterbetrieben werden.",
        "Bereitstellung digitaler Antragsstrecken im Rahmen der OZG-Umsetzung. Die Formulare übergeben die "
        "Eingaben an unsere bestehenden Fachverfahren. Die Fachverfahren werden nicht ersetzt.",
    ],
)
def test_online_forms_for_the_offices_procedures_there_buy_no_e_government(taxonomy, text):
    found, _negated, existing = _read(text, taxonomy)
    assert "online-forms" in found and "e-government" not in found and "e-government" in existing


def test_specialist_procedures_named_alone_are_no_e_government_to_buy(taxonomy):
    text = "Scanlösung für den Posteingang, Anbindung an die Fachverfahren und revisionssichere Archivierung."
    found = _read(text, taxonomy)[0]
    assert {"ocr-capture", "archiving"} <= found and "e-government" not in found


def test_subjects_joined_before_a_plural_passive_all_stay(taxonomy):
    found, _negated, existing = _read("Einwohnermeldewesen und Finanzwesen werden weiterbetrieben.", taxonomy)
    assert {"e-government", "accounting"} <= existing and not found & {"e-government", "accounting"}


def test_capturing_incoming_invoices_is_asked_beside_e_invoicing_named_often(taxonomy):
    text = (
        "Pro Monat kommen rund 2.500 Eingangsrechnungen rein, teils per Post, teils als PDF, neuerdings auch "
        "XRechnungen und ZUGFeRD-Dateien. Wir suchen eine Lösung, die Eingangsrechnungen automatisch "
        "ausliest, E-Rechnungen verarbeiten kann und einen Freigabe-Workflow hat."
        " Unsere Finanzbuchhaltung bleibt."
    )
    found = _read(text, taxonomy)[0]
    assert {"ocr-capture", "e-invoicing"} <= found


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # setting devices up to an office's image is managing them
        (
            "Los 2: Einrichtung der Geräte nach dem städtischen Standard-Image und Aufstellung an den "
            "Arbeitsplätzen.",
            "device-management",
            "",
        ),
        # a tender's term of contract is no contract management
        (
            "Lieferung und Einführung eines Dokumentenmanagementsystems. Die Vertragslaufzeit für die Pflege "
            "beträgt vier Jahre.",
            "dms",
            "contract-management",
        ),
        (
            "Die Lösung muss die Anforderungen des IT-Sicherheitskatalogs erfüllen; dazu gehört ein "
            "Härtungskonzept für alle Komponenten.",
            "it-security",
            "",
        ),
        (
            "We'd like a proper media database with tagging, search and version history.",
            "digital-asset-management",
            "data-platform",
        ),
        ("Wir suchen jemanden, der uns bei Google-Werbung in der Region unterstützt.", "seo-sea", ""),
        # the town's square is no marketplace to sell on
        (
            "Los 2: Videoüberwachung der städtischen Tiefgarage am Marktplatz (ca. 30 Kameras).",
            "video-surveillance",
            "marketplace",
        ),
        # a club's joining form comes with its membership software; its records are taken over
        (
            "Wir suchen eine Vereinssoftware mit SEPA-Lastschrift und Online-Beitrittsformular, und die 800 "
            "Datensätze müssten natürlich rübergezogen werden.",
            "data-migration",
            "online-forms",
        ),
    ],
)
def test_words_of_tenders_offices_and_clubs(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # a suite named first with what it comes with, said to be there already
        (
            "Wir möchten ein Intranet mit News und Dokumentenbereich. Microsoft 365 mit Exchange und Teams "
            "ist bei uns bereits im Einsatz und soll weiter genutzt werden.",
            "intranet",
            "office-software",
        ),
        (
            "Brauchen jemand der sich das anschaut und in Zukunft regelmässig nach unserer IT schaut.",
            "managed-services",
            "",
        ),
        (
            "We're looking for design software that produces 3D views for customers and cutting lists.",
            "cad-plm",
            "",
        ),
        # AI that drives the assistant asked for is the assistant, a signature on the tablet is the service
        # call's, remote reading of tachographs the fleet telematics'
        ("Wir suchen eine KI-gestützte Telefonassistenz, die Anrufe entgegennimmt.", "chatbot", "ai-ml"),
        (
            "Wartungsaufträge sollen digital an die Monteure gehen, mit Checklisten, Fotos und "
            "Kundenunterschrift auf dem Tablet.",
            "field-service",
            "e-signature",
        ),
        (
            "Brauchen für unsere 25 Lkw GPS-Ortung und Fernauslesen von Fahrerkarten und Tacho.",
            "fleet-management",
            "iiot-platform",
        ),
    ],
)
def test_suites_there_services_asked_and_parts_of_what_is_asked(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked, there",
    [
        # the work the devices asked for are for is done in the system that stays
        (
            "Unser Versandlager in Nürnberg braucht neue Hardware: 30 robuste Barcode-Scanner für "
            "Wareneingang und Kommissionierung. Das WMS bleibt unverändert.",
            "barcode-rfid",
            "wms",
        ),
        # ... where "eine Lösung für ..." asks for that work
        (
            "ERP ist proALPHA und bleibt. Wir suchen eine Lösung für Maschinen- und Betriebsdatenerfassung.",
            "mes",
            "erp",
        ),
    ],
)
def test_what_devices_are_for_is_the_system_there(taxonomy, text, asked, there):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and there in existing and there not in found


@pytest.mark.parametrize(
    "text, asked",
    [
        ("We'd love self check-in with door codes for the cabins.", "access-control"),
        ("We need a system where guests can book online and pay a deposit straight away.", "payment"),
    ],
)
def test_a_holiday_parks_door_codes_and_deposits(taxonomy, text, asked):
    assert asked in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # the infrastructure a thing runs in or is tested on is no IT service
        (
            "Lizenzen für eine Spracherkennung. Die Lösung muss vollständig in der Infrastruktur der Polizei "
            "betrieben werden können.",
            "speech-recognition",
            "managed-services",
        ),
        (
            "Framework agreement for security tests of web applications and the externally reachable IT "
            "infrastructure of the member municipalities.",
            "penetration-testing",
            "managed-services",
        ),
        # what the bidder must have is no need
        (
            "Gegenstand: Leistungen eines Security Operations Centers. Eignung: Sicherheitsüberprüfung Ü2, "
            "Qualifizierung als APT-Response-Dienstleister wünschenswert.",
            "siem-soc",
            "training",
        ),
    ],
)
def test_the_buyers_infrastructure_and_the_bidders_suitability_are_no_needs(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


@pytest.mark.parametrize(
    "text, asked, refused",
    [
        # a refusal that opens with its (colloquial) verb refuses the last thing the clause before names
        (
            "Ich will sehen, welche Maschine läuft. Mein Sohn sagt, wir sollen da gleich KI draufwerfen – "
            "brauch ich nicht, ich will erstmal wissen, was in der Halle passiert.",
            "",
            "ai-ml",
        ),
        ("Wir sollen da gleich einen Onlineshop aufsetzen, brauchen wir nicht.", "", "online-shop"),
    ],
)
def test_the_colloquial_verb_of_need(taxonomy, text, asked, refused):
    found, negated, _existing = _read(text, taxonomy)
    assert (not asked or asked in found) and (not refused or (refused in negated and refused not in found))


def test_a_ted_notices_title_and_cpv_lines_name_codes_not_capabilities(taxonomy):
    text = (
        "Germany-Lindenau: IT services: consulting, software development, Internet and support\n"
        "Contract notice – Services\n"
        "Main CPV code: 72000000 IT services: consulting, software development, Internet and support\n"
        "Short description: Provision and operation of a SIEM platform and 24/7 monitoring of security "
        "events by a security operations centre, including remote incident response and analysis of log "
        "sources."
    )
    found = _read(text, taxonomy)[0]
    assert found == {"siem-soc"}


def test_an_it_service_management_tool_with_its_portal_cmdb_and_knowledge_base(taxonomy):
    text = (
        "The IT department intends to replace its in-house helpdesk database with a standard IT service "
        "management tool: incident, request and change management, a self-service portal with service "
        "catalogue for staff, a knowledge base, a configuration management database with automated "
        "discovery and inventory of clients, servers and network devices, and SLA reporting."
    )
    found = _read(text, taxonomy)[0]
    assert {"ticketing", "it-asset-management"} <= found
    assert not found & {"customer-portal", "intranet", "data-platform", "managed-services", "wms"}


@pytest.mark.parametrize(
    "text, not_asked",
    [
        # "sourcing" and "estimating" read as "source" and "estimate" where no buying or quoting is meant
        ("Deliverables include source code and documentation. Estimated duration: 14 months.", "procurement"),
        (
            "Deliverables include source code and documentation. Estimated duration: 14 months.",
            "craft-software",
        ),
    ],
)
def test_source_code_and_an_estimated_duration(taxonomy, text, not_asked):
    assert not_asked not in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked",
    [
        # devices counted with a word that says which between number and device
        ("Lot 2: Supply and wall mounting of 420 student tablets with charging trolleys.", "hardware-supply"),
        (
            "Dafür brauchen wir ein flächendeckendes WLAN in allen Wohnbereichen sowie rund 25 robuste "
            "Tablets.",
            "hardware-supply",
        ),
        # a document system's archive is a module of it, however often the system is named
        (
            "Einführung einer elektronischen Akte (E-Akte) für die Kernverwaltung. Gegenstand ist die "
            "Lieferung eines DMS einschließlich revisionssicherer Langzeitspeicherung; die E-Akte ersetzt "
            "die bisherige Papierablage, das DMS wird an das Ratsinformationssystem angebunden.",
            "archiving",
        ),
        ("The Institute intends to award a contract for a learning management platform.", "e-learning"),
    ],
)
def test_devices_counted_modules_and_platforms_of_tenders(taxonomy, text, asked):
    assert asked in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, there",
    [
        # a clause that keeps, ending with a colon, announces the systems that stay
        (
            "Die Lösung muss an die folgenden vorhandenen Verfahren angebunden werden, die unverändert "
            "weiterbetrieben werden: das Finanzverfahren für Haushalts-, Kassen- und Rechnungswesen sowie "
            "das vorhandene Active Directory. Gegenstand ist die Lieferung eines DMS.",
            "accounting",
        ),
        (
            "Ziel ist ein Identity-Management-System mit Single Sign-on. Zielsysteme, die angebunden werden "
            "müssen und weiter betrieben werden: die hochschulweite Lernplattform, das Groupware- und "
            "E-Mail-System sowie das Bibliothekssystem.",
            "email-system",
        ),
    ],
)
def test_systems_announced_as_kept_after_a_colon_are_there(taxonomy, text, there):
    found, _negated, existing = _read(text, taxonomy)
    assert there in existing and there not in found


@pytest.mark.parametrize(
    "text, not_asked",
    [
        (
            "Externe Begleitung bei der Erstellung einer Digitalisierungsstrategie: Ist-Analyse der "
            "IT-Landschaft, Ableitung einer Roadmap.",
            "bi",
        ),
        ("Bewerbungsbedingungen (Auszug). Nebenangebote sind nicht zugelassen.", "hr"),
    ],
)
def test_a_consultants_study_and_the_conditions_for_bidders(taxonomy, text, not_asked):
    assert not_asked not in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        # what a penetration test is done to is no need; what the list asks for after it is
        (
            "Los 4 – Penetrationstest der aus dem Internet erreichbaren Dienste des Landgerichts "
            "(Bürgerportal, VPN-Gateway, Mail-Relay) mit Abschlussbericht.",
            "penetration-testing",
            "network",
        ),
        # ... in brackets and after "einschließlich" too; a further test of it names its objects the same way
        (
            "Durchführung eines Penetrationstests der IT-Infrastruktur (ca. 420 Clients, 60 Server) "
            "einschließlich der aus dem Internet erreichbaren Dienste und Webanwendungen.",
            "penetration-testing",
            "custom-software",
        ),
        (
            "Leistung: Durchführung eines Penetrationstests. Umfang: externer Test aller aus dem Internet "
            "erreichbaren Dienste – Bürgerportal, Citrix-Gateway für Telearbeit, Sophos-Firewall/VPN, "
            "Mail-Gateway.",
            "penetration-testing",
            "virtualization-vdi",
        ),
        # ... and what a security monitoring watches
        (
            "Title: Security monitoring of the operational technology network - 24/7 SOC service",
            "siem-soc",
            "network",
        ),
        (
            "We'd like a penetration test of our network and the WMS web interface, better protection "
            "against phishing emails, and a backup setup that can't be encrypted.",
            "email-security",
            "",
        ),
        # signing in happens in many systems; cabling of a meeting room's media is part of it; meters read
        # remotely belong to the energy management
        ("Die Anmeldung der Lehrkräfte erfolgt über die vorhandene Lernplattform.", "", "e-government"),
        (
            "Zwölf Besprechungsräume sind mit Videokonferenztechnik auszustatten: Kamera, Displays, Montage, "
            "Verkabelung und Inbetriebnahme.",
            "video-conferencing",
            "network",
        ),
        (
            "Einführung einer Energiemanagementsoftware mit automatischer Fernauslesung der Zähler.",
            "energy-management",
            "iiot-platform",
        ),
    ],
)
def test_what_is_tested_signed_into_cabled_or_read_out(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert (not asked or asked in found) and not_asked not in found


@pytest.mark.parametrize(
    "text, not_asked, there",
    [
        # the buyer's own data centre is where the thing bought runs; hosting or operation refused together
        (
            "We need a data warehouse with dashboards. The solution will be operated in the Office's own "
            "data centre; hosting or operation by the contractor is not part of this contract.",
            "hosting",
            "hosting",
        ),
        ("Gesucht wird ein DMS. Der Betrieb erfolgt im eigenen Rechenzentrum.", "hosting", "hosting"),
        # ... and so is a public buyer's
        (
            "We need a records management system. The system will be operated in the municipal data centre; "
            "hosting by the contractor is not part of this contract.",
            "hosting",
            "hosting",
        ),
        ("Gesucht wird ein DMS. Der Betrieb erfolgt im kommunalen Rechenzentrum.", "hosting", "hosting"),
        # systems announced in English as staying
        (
            "We need a data warehouse. Data shall be loaded daily from the following systems, all of which "
            "remain in operation: the ERP system used for budget execution and the HR management system.",
            "controlling",
            "erp",
        ),
    ],
)
def test_the_buyers_own_data_centre_and_systems_that_remain(taxonomy, text, not_asked, there):
    assert not_asked not in _read(text, taxonomy)[0]
    # the rules read it as there; the learned screen may leave a buyer's data centre out of the systems shown
    assert there in {h.id for h in analyse_need(text, taxonomy, screened=False).existing}


def test_positions_of_a_bill_of_quantities_are_asked_however_often_the_focus_is_named(taxonomy):
    text = (
        "Erneuerung der Serverinfrastruktur. Leistungsverzeichnis Los 1: Pos. 1.1 – 3 Stk. "
        "Virtualisierungs-Host, 2 HE, 512 GB RAM; Pos. 1.2 – 1 Stk. Storage-System, All-Flash, iSCSI; "
        "Pos. 1.3 – 2 Stk. Top-of-Rack-Switch für das Storage-Netz. Leistungsverzeichnis Los 2: Einrichtung "
        "der Serverinfrastruktur."
    )
    assert {"server-storage", "virtualization-vdi", "network"} <= _read(text, taxonomy)[0]


def test_what_each_branch_hangs_on_is_there_and_no_focus(taxonomy):
    text = (
        "Apotheke am Markt – wir haben drei Filialen, und jede hängt an ihrem eigenen Router vom "
        "Telefonanbieter. Wir brauchen eine vernünftige Netzwerk- und Firewall-Lösung mit VPN zwischen den "
        "Filialen und einen Dienstleister, der das dauerhaft betreut."
    )
    assert {"network", "it-security", "managed-services"} <= _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked",
    [
        ("We need an IT partner to replace the server and set up reliable backups.", "server-storage"),
        ("Der alte Server muss ersetzt werden, die Datensicherung auch.", "server-storage"),
    ],
)
def test_a_device_to_be_replaced_is_asked_for_anew(taxonomy, text, asked):
    assert asked in _read(text, taxonomy)[0]


def test_a_device_said_not_to_need_replacing_is_not_asked(taxonomy):
    assert "server-storage" not in _read("Our server is fine and does not need to be replaced.", taxonomy)[0]


def test_a_system_there_named_again_as_the_writers_in_a_genitive_is_that_one(taxonomy):
    text = (
        "Als Hotelsoftware nutzen wir seit Jahren Protel, daran wird sich nichts ändern. Wir möchten eine "
        "neue Website, in die das Buchungsfenster unseres PMS eingebunden wird."
    )
    found, _negated, existing = _read(text, taxonomy)
    assert "website-cms" in found and "hotel-software" not in found and "hotel-software" in existing


@pytest.mark.parametrize(
    "text, there, asked",
    [
        (
            "Wir brauchen 25 Tablets. Als Pflegesoftware ist Vivendi im Einsatz.",
            "care-software",
            "hardware-supply",
        ),
        ("Unsere Monteure sind im Einsatz beim Kunden und brauchen eine App.", "", "mobile-app"),
    ],
)
def test_a_system_in_use_is_there(taxonomy, text, there, asked):
    found, _negated, existing = _read(text, taxonomy)
    assert asked in found and (not there or (there in existing and there not in found))


@pytest.mark.parametrize(
    "text, there, asked",
    [
        (
            "Für die Mandantenbuchhaltung arbeiten wir mit den DATEV-Programmen, das bleibt so. Wir brauchen "
            "einen neuen Server.",
            "accounting",
            "server-storage",
        ),
        (
            "für angebote und rechnungen haben wir schon ein handwerker programm am pc, das ist ok. wir "
            "suchen eine zeiterfassung per app.",
            "craft-software",
            "time-tracking",
        ),
    ],
)
def test_the_work_a_clause_opens_with_is_done_with_the_system_there(taxonomy, text, there, asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and there not in found


def test_sea_freight_is_no_search_engine_advertising(taxonomy):
    text = "Our freight forwarding company (sea and air freight, 85 staff) needs a customer portal."
    found = _read(text, taxonomy)[0]
    assert "customer-portal" in found and "seo-sea" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Los 2: Lieferung und Wandmontage von 40 interaktiven Displays für die Klassenräume.",
        "Lot 2: Supply of 60 interactive displays for the classrooms of four schools.",
    ],
)
def test_interactive_displays_are_hardware_supplied(taxonomy, text):
    assert "hardware-supply" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, capability",
    [
        # a letter and the part after it are one word
        ("Wir suchen eine E-Commerce-Lösung für unsere Gärtnerei.", "online-shop"),
        ("Wir suchen eine E-Rechnungs-Lösung.", "e-invoicing"),
        ("Wir suchen eine E-Akte-Lösung für das Bauamt.", "dms"),
        # a modifier's rest is read as written, after the hyphen
        ("Wir suchen eine E-Learninglösung.", "e-learning"),
        ("Wir suchen eine E-Rechnungslösung.", "e-invoicing"),
        ("Wir suchen eine E-Mail-Lösung für 20 Mitarbeiter.", "email-system"),
        ("Das Mail-Gateway muss erneuert werden.", "email-security"),
    ],
)
def test_hyphenated_words_with_a_letter_are_read_whole(taxonomy, text, capability):
    found = _read(text, taxonomy)[0]
    assert capability in found and "newsletter" not in found


def test_an_e_mail_archive_is_no_mailing(taxonomy):
    found = _read("Wir suchen ein E-Mail-Archiv.", taxonomy)[0]
    assert found == {"archiving"}


@pytest.mark.parametrize(
    "text",
    [
        "Die Anlagenbuchhaltung im vorhandenen ERP-System ist anzubinden. Gesucht wird ein GIS.",
        "The fixed asset accounting in the existing ERP system must be connected. We need a GIS.",
    ],
)
def test_a_part_of_a_system_there_is_there(taxonomy, text):
    found, _negated, existing = _read(text, taxonomy)
    assert found == {"gis"} and "accounting" in existing


def test_data_taken_into_a_system_there_is_still_a_migration(taxonomy):
    text = "Übernahme der Altdaten in das vorhandene DMS und Schulung im bestehenden System."
    found = _read(text, taxonomy)[0]
    assert {"data-migration", "training"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "Lieferung von 50 Notebooks. Herstellergarantie 5 Jahre Vor-Ort-Service.",
        "Supply of 40 laptops. Warranty: 60 months on-site support.",
    ],
)
def test_a_warranty_s_on_site_service_is_no_managed_service(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"hardware-supply"}


def test_a_compound_of_two_words_is_no_typo(taxonomy):
    text = "die projektdaten sind riesig, wir brauchen ein backup."
    assert _read(text, taxonomy)[0] == {"backup"}


@pytest.mark.parametrize(
    "text",
    [
        "Framework agreement for IT security testing services. Lot 3: Penetration testing of web "
        "applications and VPN gateways, as well as internal network segments.",
    ],
)
def test_what_a_penetration_test_is_done_to_goes_on_after_as_well_as(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"penetration-testing"}


def test_a_lot_s_beschaffung_is_how_it_is_bought(taxonomy):
    text = (
        "Los 2 – Mobile-Device-Management für 1.200 bereits beschaffte iPads (Beschaffung erfolgte im "
        "Vorjahr). Vertragslaufzeit 36 Monate. Der Zuschlag erfolgt auf das wirtschaftlichste Angebot."
    )
    assert "procurement" not in _read(text, taxonomy)[0]


def test_a_warehouse_s_shipping_is_no_transport_system(taxonomy):
    text = (
        "We are a contract logistics company with three warehouses. We need a warehouse management system "
        "with wave picking, and a barcode labelling setup for goods-in and shipping."
    )
    found = _read(text, taxonomy)[0]
    assert "wms" in found and "logistics-tms" not in found
    carriers = (
        "Wir brauchen ein Lagerverwaltungssystem, und der Versand mit DHL und DPD soll automatisiert werden."
    )
    assert {"wms", "logistics-tms"} <= _read(carriers, taxonomy)[0]


def test_a_meeting_room_s_camera_is_part_of_its_video_conferencing(taxonomy):
    text = "Lot 2: 18 meeting rooms get video conferencing systems (camera, microphones, displays)."
    found = _read(text, taxonomy)[0]
    assert "video-conferencing" in found and "video-surveillance" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Zahnarztpraxis, 3 Behandler, 14 Mitarbeiterinnen, 9 PCs. Wir suchen einen Dienstleister, der unsere "
        "IT dauerhaft betreut.",
    ],
)
def test_devices_counted_with_the_staff_are_what_the_firm_has(taxonomy, text):
    found = _read(text, taxonomy)[0]
    assert "managed-services" in found and "hardware-supply" not in found


def test_shops_counted_are_stores(taxonomy):
    text = "we're a craft bakery, 3 shops plus the bakehouse. need a new till system in all three shops."
    assert _read(text, taxonomy)[0] == {"pos"}


def test_to_switch_is_a_change(taxonomy):
    text = (
        "Our guest Wi-Fi is terrible upstairs, the network needs to be redone with a staff network. Second, "
        "we want to switch from metal keys to keycards or mobile keys for the rooms and the back entrance. "
        "The new locks must work with our property management system."
    )
    assert {"network", "access-control"} <= _read(text, taxonomy)[0]


def test_a_proposal_s_cost_estimate_is_the_provider_s_price(taxonomy):
    text = (
        "We are looking for a care documentation software for our care home. We would appreciate a proposal "
        "including rough cost estimates."
    )
    assert _read(text, taxonomy)[0] == {"care-software"}


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Los 6: KI-gestützter Chatbot für die Terminvereinbarung der Zulassungsstelle inkl. Hosting und "
            "Betrieb in einem deutschen Rechenzentrum, 24 Monate.",
            {"chatbot", "appointment-booking", "hosting"},
        ),
        (
            "Lot 1: Development of a citizen portal with online applications. Lot 2: Hosting and "
            "operation of the portal for 4 years.",
            {"e-government", "online-forms", "hosting"},
        ),
    ],
)
def test_hosting_and_its_operation_are_one_service(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_a_refusal_in_a_clause_of_purpose_refuses_nothing_before_it(taxonomy):
    text = (
        "und auf der Website ein Formular wo die Leute gleich Zimmeranzahl Etage Aufzug usw eintragen können "
        "damit wir nicht immer hinterher telefonieren müssen."
    )
    found, negated, _existing = _read(text, taxonomy)
    assert "online-forms" in found and "online-forms" not in negated


def test_training_someone_s_models_is_no_staff_training(taxonomy):
    text = (
        "We are looking for a tool that transcribes interview recordings automatically. Nothing may be "
        "used to train someone else's models."
    )
    assert "training" not in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "Eiscafé sucht jemanden, der unser Instagram und Facebook betreut – Website und Kasse haben wir "
            "schon.",
            {"social-media"},
            {"website-cms", "pos"},
        ),
        (
            "Onlineshop und Warenwirtschaft haben wir bereits. Gesucht wird ein PIM.",
            {"pim"},
            {"online-shop", "erp"},
        ),
    ],
)
def test_things_joined_before_have_already_are_all_there(taxonomy, text, asked, there):
    found, _negated, existing = _read(text, taxonomy)
    assert found == asked and there <= existing


@pytest.mark.parametrize(
    "text, asked",
    [
        ("We need help with Instagram.", "social-media"),
        ("Wir brauchen Unterstützung mit Instagram und Facebook.", "social-media"),
        ("Wir brauchen ein Buchungstool für unsere Kurse.", "appointment-booking"),
        ("We are looking for a booking tool for our massages.", "appointment-booking"),
    ],
)
def test_help_with_a_channel_and_booking_tools_are_asked(taxonomy, text, asked):
    assert asked in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        (
            "Wir wünschen uns eine Einzelraumregelung für die Hotelzimmer.",
            "smart-building",
            None,
        ),
        (
            "Our finance person spends days typing amounts into spreadsheets. We are looking for something "
            "where staff file their travel expense claims.",
            "expense-management",
            "office-software",
        ),
        (
            "Wir arbeiten komplett in Microsoft 365 und wollen ein DAM.",
            "digital-asset-management",
            "collaboration",
        ),
        ("We live in Microsoft 365 and want a DAM.", "digital-asset-management", "office-software"),
    ],
)
def test_room_control_spreadsheets_and_the_suite_one_works_in(taxonomy, text, asked, not_asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and not_asked not in found


def test_a_system_not_to_be_changed_is_kept(taxonomy):
    found, negated, existing = _read(
        "Unser TMS wird nicht geändert. Wir wünschen uns ein Kundenportal.", taxonomy
    )
    assert found == {"customer-portal"} and "logistics-tms" in existing and "logistics-tms" not in negated


def test_a_clause_of_its_own_that_asks_is_no_mention_in_passing(taxonomy):
    text = (
        "Die Mitgliederverwaltung unseres Vereins besteht aus einer Access-Datenbank, Beitragseinzug und "
        "Ehrungen sind Handarbeit. Wir suchen eine Vereinssoftware, mit der die Abteilungen ihre Mitglieder "
        "selbst pflegen. Unsere Vereinsnachrichten gehen noch als Papierheft raus; das würden wir gerne auf "
        "einen E-Mail-Newsletter umstellen, die Druckkosten fressen uns auf."
    )
    assert "newsletter" in _read(text, taxonomy)[0]


def test_a_gap_analysis_is_compliance_work(taxonomy):
    text = "Wir brauchen Unterstützung bei einer Gap-Analyse und beim Aufbau eines ISMS nach NIS2."
    found = _read(text, taxonomy)[0]
    assert "compliance-management" in found and "bi" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Kirchengemeinde: Raumbelegung für Gemeindesaal online + Newsletter an die Gemeinde",
        "Wir möchten die Anmeldungen für unsere Gemeindefahrten online abwickeln, inkl. Teilnehmerlisten.",
        "Für unsere Weinproben möchten wir die Tickets online verkaufen.",
    ],
)
def test_rooms_participants_and_tickets_of_events_are_event_management(taxonomy, text):
    found = _read(text, taxonomy)[0]
    assert "event-management" in found and "hotel-software" not in found


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "Our transport management software is a local product that has no EDI module. We are looking for "
            "a provider who sets up the EDI connection.",
            "edi",
            "logistics-tms",
        ),
        (
            "Unsere Warenwirtschaft ist eine Branchenlösung aus Bayern. Wir suchen einen Onlineshop.",
            "online-shop",
            "erp",
        ),
    ],
)
def test_what_the_writer_s_system_is_said_of_one_that_runs(taxonomy, text, asked, there):
    found, _negated, existing = _read(text, taxonomy)
    assert found == {asked} and there in existing


def test_a_shopify_store_to_build_is_an_online_shop(taxonomy):
    text = "Looking for someone to build a Shopify store for our ~300 tea products."
    assert "online-shop" in _read(text, taxonomy)[0]


def test_a_system_failing_since_weeks_is_to_be_mended_not_there(taxonomy):
    text = (
        "Unser NAS ist voll und die Datensicherung bringt seit drei Wochen nur noch Fehlermeldungen. "
        "Brauchen dringend jemand der sich das anschaut."
    )
    found, _negated, existing = _read(text, taxonomy)
    assert "backup" in found and "backup" not in existing


def test_a_till_s_central_article_upkeep_is_the_till_s(taxonomy):
    text = "Bäckerei mit 4 Filialen sucht neues Kassensystem mit zentraler Artikelpflege und Tagesabschluss."
    assert _read(text, taxonomy)[0] == {"pos"}


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Scope: annual online modules on phishing, social engineering and secure remote working, "
            "delivered through the contractor's learning platform.",
            "e-learning",
        ),
    ],
)
def test_phishing_as_a_lesson_s_topic_is_no_mail_filter(taxonomy, text, asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and "email-security" not in found


def test_a_deadline_holds_from_its_clause_not_for_the_thing_bought_before_it(taxonomy):
    text = "Rathaus: 14 Multifunktionsgeräte A3 mit Vollwartungsvertrag, 60 Monate, Angebotsfrist 28.02."
    assert _read(text, taxonomy)[0] == {"managed-print"}


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Care home group (6 homes) looking for an online platform for mandatory annual staff training.",
            "e-learning",
        ),
        ("Wir suchen eine Software für die Dienstplanung und eine Schulung der Mitarbeiter.", "training"),
    ],
)
def test_training_on_a_platform_is_e_learning(taxonomy, text, asked):
    found = _read(text, taxonomy)[0]
    assert asked in found and ({"e-learning", "training"} - {asked}).isdisjoint(found)


def test_whom_a_thing_is_for_is_no_other_thing_in_its_sentence(taxonomy):
    text = (
        "Unsere Hausverwaltung in Kassel betreut 900 Wohnungen in WEG- und Mietverwaltung. Die "
        "Verwaltungssoftware der Hausverwaltung ist veraltet, wir suchen eine neue Immobilienverwaltung mit "
        "Nebenkostenabrechnung. Außerdem möchten wir ein Online-Portal für Eigentümer und Mieter einrichten, "
        "in dem Protokolle bereitstehen."
    )
    assert _read(text, taxonomy)[0] == {"property-management", "customer-portal"}


def test_the_administration_software_of_a_trade_is_the_trade_s_software(taxonomy):
    kept = (
        "Wir sind eine Hausverwaltung in Kassel mit 6 Leuten. Die Verwaltungssoftware (Domus) bleibt. Was "
        "uns fehlt: ein Online-Portal, in dem Mieter ihre Abrechnungen abrufen können."
    )
    assert _read(kept, taxonomy) == ({"customer-portal"}, set(), {"property-management"})
    replaced = (
        "Unsere Hausverwaltung betreut 700 Wohnungen. Die alte Verwaltungssoftware wird abgekündigt, wir "
        "suchen eine neue Immobilienverwaltungssoftware."
    )
    assert _read(replaced, taxonomy)[0] == {"property-management"}


@pytest.mark.parametrize("name", ["California.pro", "Node.js"])
def test_a_dotted_name_in_an_aside_does_not_end_the_clause(taxonomy, name):
    text = f"Wir möchten in die Cloud umziehen. Die AVA ({name}) muss weiter laufen."
    assert _read(text, taxonomy) == ({"cloud-migration"}, set(), {"construction-ava"})


def test_travel_portals_are_the_channels_of_a_hotel_s_software(taxonomy):
    text = "Pension mit 12 Zimmern sucht Hotelsoftware mit Channel-Manager (Booking.com, Expedia)."
    assert _read(text, taxonomy)[0] == {"hotel-software"}


def test_a_first_sentence_that_profiles_the_firm_is_its_self_description(taxonomy):
    text = (
        "Dachdeckerei Huber KG, 9 Mitarbeiter, Gebäudetechnik und Photovoltaik. Wir brauchen eine digitale "
        "Zeiterfassung."
    )
    assert _read(text, taxonomy)[0] == {"time-tracking"}


@pytest.mark.parametrize(
    "text",
    [
        "Großhandel: wir suchen ein ERP-System, das Angebote, Aufträge, Einkauf und Lager abbildet.",
        "Café-Kette mit 5 Filialen: wir brauchen eine Warenwirtschaft mit Rezepturen und Inventur.",
    ],
)
def test_the_features_of_an_erp_in_plain_words_are_its_modules(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"erp"}


def test_a_warehouse_named_before_the_stock_it_keeps_is_a_warehouse_system(taxonomy):
    text = "Lager mit 3 Standorten, alles in Excel, brauchen Bestandsführung und Inventur für das Lager."
    assert "wms" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen ein MES. Predictive Maintenance ist spannend, aber nicht nötig.",
        "We want an MES. Predictive maintenance sounds interesting but is not for this phase.",
        "We want an MES. Predictive maintenance is not for now.",
    ],
)
def test_a_thing_praised_but_not_needed_now_is_refused(taxonomy, text):
    assert _read(text, taxonomy)[:2] == ({"mes"}, {"predictive-maintenance"})


def test_wanted_but_not_at_once_is_asked(taxonomy):
    assert _read("Wir brauchen ein CRM, aber nicht sofort.", taxonomy)[0] == {"crm"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen Unterstützung bei der ISO-27001-Zertifizierung.",
        "Our customers keep asking for ISO 27001, so we want to get certified this year.",
    ],
)
def test_a_certification_to_reach_is_compliance_work(taxonomy, text):
    assert "compliance-management" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Shop soll neu. Warenwirtschaft ist JTL-Wawi.",
        "Unser Shop muss neu. Warenwirtschaft ist JTL-Wawi, die bleibt.",
    ],
)
def test_a_thing_a_clause_starts_with_said_to_be_a_product_is_there(taxonomy, text):
    assert _read(text, taxonomy)[0::2] == ({"online-shop"}, {"erp"})


def test_how_the_writer_stands_is_no_self_description(taxonomy):
    text = (
        "Unser Onlineshop muss auf ein neues System, welches, da sind wir offen, Hauptsache die Kundenkonten "
        "und Bewertungen kommen mit rüber."
    )
    assert _read(text, taxonomy)[0] == {"online-shop", "data-migration"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir haben einen kleinen Server, 6 PCs und die Firmenhandys. Wir brauchen eine Datensicherung.",
        "We have a small server and 6 PCs. We need a backup.",
    ],
)
def test_devices_counted_that_the_firm_has_are_no_supply(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"backup"}


def test_devices_counted_that_the_firm_has_need_of_are_supplied(taxonomy):
    assert _read("Wir haben Bedarf an 6 PCs.", taxonomy)[0] == {"hardware-supply"}


@pytest.mark.parametrize("between", ["wie sie uns ständig angeboten wird", "die uns ständig angeboten wird"])
def test_a_refusal_after_a_clause_that_describes_the_thing_refuses_it(taxonomy, between):
    text = f"Wir möchten eine Online-Terminbuchung. Einen Chatbot, {between}, wollen wir nicht."
    assert _read(text, taxonomy)[:2] == ({"appointment-booking"}, {"chatbot"})


def test_master_records_taken_over_are_a_data_migration(taxonomy):
    text = "Wir brauchen ein neues AVA-Programm, dazu die Übernahme unserer Stammleistungsverzeichnisse."
    assert _read(text, taxonomy)[0] == {"construction-ava", "data-migration"}


def test_the_firm_that_seeks_is_described_not_asked_for(taxonomy):
    text = "Tierarztpraxis mit 6 Arbeitsplätzen sucht eine neue Telefonanlage und eine Datensicherung."
    assert _read(text, taxonomy)[0] == {"telephony", "backup"}


@pytest.mark.parametrize("verb", ["move", "migrate"])
def test_mailboxes_moved_to_a_cloud_suite_are_a_cloud_migration(taxonomy, verb):
    text = f"Over the next months we want to {verb} our mailboxes and file shares to Microsoft 365."
    assert "cloud-migration" in _read(text, taxonomy)[0]


def test_devices_enrolled_in_an_mdm_product_are_device_management(taxonomy):
    assert _read("We want to enrol all laptops and phones in Intune.", taxonomy)[0] == {"device-management"}


@pytest.mark.parametrize(
    "text, fleet",
    [
        ("We are not looking for new laptops – the fleet was renewed last year.", False),
        ("We run a fleet of 40 trucks and need GPS tracking.", True),
    ],
)
def test_a_fleet_of_devices_is_no_vehicle_fleet(taxonomy, text, fleet):
    assert ("fleet-management" in _read(text, taxonomy)[0]) is fleet


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir suchen eine Spracherkennung mit Fachwortschatz, ca. 150 Lizenzen, inklusive Schulung.",
            {"speech-recognition", "training"},
        ),
        ("Lieferung von Office-Software, 150 Lizenzen.", {"office-software", "software-licensing"}),
    ],
)
def test_licences_counted_beside_a_product_asked_are_its_seats(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_what_is_done_through_the_writer_s_own_is_there(taxonomy):
    text = "Wir suchen eine Spracherkennung. Die Vergabe erfolgt dann über unseren Einkauf."
    assert _read(text, taxonomy)[0] == {"speech-recognition"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen eine Praxissoftware. Die Daten aus der alten Software (Patienten) müssen mit.",
        "Wir brauchen eine Praxissoftware. Die Patientendaten sollen mitgenommen werden.",
    ],
)
def test_data_that_must_come_along_is_a_migration(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"medical-practice", "data-migration"}


def test_a_thing_made_with_something_is_no_migration(taxonomy):
    assert "data-migration" not in _read("Die Daten sollen mit Excel ausgewertet werden.", taxonomy)[0]


def test_a_portal_for_owners_and_tenants_is_a_customer_portal(taxonomy):
    text = "Was fehlt: ein Portal, über das Eigentümer und Mieter Abrechnungen abrufen können."
    assert "customer-portal" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Wir möchten eine automatische Erfassung der Eingangsrechnungen, die dann gebucht werden.",
        "We want automatic capture of incoming invoices.",
    ],
)
def test_invoices_captured_are_document_capture(taxonomy, text):
    assert _read(text, taxonomy)[0] == {"ocr-capture"}


def test_what_a_notice_provides_is_asked_beside_its_many_named_focus(taxonomy):
    text = (
        "Kreisstadt Marbach – Vergabe von IT-Supportleistungen für Schulen. Leistungsumfang: 1st- und "
        "2nd-Level-Support für 14 Schulen, Vor-Ort-Support mit festen Servicezeiten, IT-Support für "
        "Schulträger, Bereitstellung eines Ticketsystems für Schulen und Schulträger. Laufzeit: 01.08. bis "
        "31.07. des Folgejahres, Verlängerungsoption um bis zu 3 Jahre. Zuschlag: Preis 60 %."
    )
    wanted = _read(text, taxonomy)[0]
    assert {"managed-services", "ticketing"} <= wanted


def test_a_supply_after_a_colon_is_no_object_of_the_service_before_it(taxonomy):
    text = (
        "Ablösung der Datensicherungsumgebung und des Primärspeichers: Lieferung eines redundanten "
        "Storage-Systems, einer Backup-Software mit unveränderbaren Sicherungen."
    )
    assert _read(text, taxonomy)[0] == {"backup", "server-storage"}


def test_a_short_aside_with_a_comma_is_part_of_its_clause(taxonomy):
    text = "Wir brauchen ein Backup. Die Virtualisierungsumgebung (VMware vSphere, 6 Hosts) bleibt bestehen."
    wanted, _, existing = _read(text, taxonomy)
    assert (wanted, existing) == ({"backup"}, {"virtualization-vdi"})


def test_a_notice_s_supply_outweighs_an_exclusion_of_its_devices(taxonomy):
    text = (
        "Los 1: Ablösung der bestehenden TK-Anlage durch eine Cloud-Telefonielösung für ca. 85 Nebenstellen. "
        "Endgeräte (Tischtelefone) sind nicht Bestandteil der Leistung und werden vom AG gestellt."
    )
    assert "telephony" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "tail, managed",
    [
        ("plus 24/7 monitoring and support under a managed service contract.", True),
        ("plus monitoring of the Wi-Fi as a managed service.", False),
    ],
)
def test_managed_services_named_by_their_name_are_asked_beside_a_focus(taxonomy, tail, managed):
    text = (
        "Guests complain constantly about the Wi-Fi in our three hotels. The Wi-Fi drops in the rooms, "
        "the Wi-Fi in the lobby is slow and the staff Wi-Fi is shared with guests. We're looking for a "
        "partner to redesign and roll out guest and staff Wi-Fi across all three properties, with "
        "separated networks, " + tail
    )
    assert ("managed-services" in _read(text, taxonomy)[0]) is managed


def test_documents_scanned_and_read_are_filed_too(taxonomy):
    text = (
        "Wir ersticken in Papier: Lieferscheine, Frachtbriefe, Ablieferbelege – alles wird abgeheftet. Wir "
        "möchten die Belege scannen, automatisch auslesen lassen, digital ablegen und revisionssicher "
        "archivieren. Die Belege sollen pro Sendung aufrufbar sein, Belege von Subunternehmern auch."
    )
    assert {"ocr-capture", "dms", "archiving"} <= _read(text, taxonomy)[0]


def test_an_open_data_portal_is_where_data_is_published(taxonomy):
    text = (
        "The contractor shall implement a central data warehouse and provide self-service dashboards and "
        "standard reports for management and for publication on the open data portal."
    )
    wanted = _read(text, taxonomy)[0]
    assert "bi" in wanted and "customer-portal" not in wanted


def test_a_weaker_word_in_an_ask_does_not_outweigh_a_refused_name(taxonomy):
    text = "We want a WMS with shipping label printing for DHL. Transport management is not needed."
    wanted, refused, _ = _read(text, taxonomy)
    assert "logistics-tms" in refused and "logistics-tms" not in wanted


def test_a_name_asked_in_a_sentence_of_its_own_outweighs_its_refusal(taxonomy):
    text = "Wir brauchen ein TMS. Ein TMS von der Stange wollen wir nicht."
    assert "logistics-tms" in _read(text, taxonomy)[0]


def test_systems_there_named_again_as_where_data_comes_from_stay_there(taxonomy):
    text = (
        "Jedes Haus nutzt dasselbe Hotelprogramm, die Restaurants haben ein eigenes Kassensystem; beides "
        "bleibt. Wir wünschen uns ein zentrales Data Warehouse, in das die Daten aller Häuser aus "
        "Hotelprogramm und Kassen täglich einfließen, und darauf Dashboards für die Geschäftsführung."
    )
    wanted, _, existing = _read(text, taxonomy)
    assert {"hotel-software", "pos"} <= existing and not {"hotel-software", "pos"} & wanted


def test_the_terms_of_a_supply_s_delivery_are_no_transport_management(taxonomy):
    text = "Lieferung von 1.450 Tablets inkl. Schutzhüllen, Auslieferung frei Verwendungsstelle."
    assert "logistics-tms" not in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, licensing",
    [
        ("Gegenstand: Lizenzen für eine serverbasierte Spracherkennung für 400 Arbeitsplätze.", False),
        ("Lieferung von Softwarelizenzen für ein CAD-System (20 Arbeitsplätze).", True),
    ],
)
def test_licences_for_a_product_bought_are_part_of_it(taxonomy, text, licensing):
    assert ("software-licensing" in _read(text, taxonomy)[0]) is licensing


def test_dictation_microphones_supplied_are_hardware(taxonomy):
    assert "hardware-supply" in _read("Lieferung von 400 Diktiermikrofonen.", taxonomy)[0]


def test_a_thing_considered_is_asked_about_beside_a_much_named_focus(taxonomy):
    text = (
        "Hausarztpraxis, 2 Ärztinnen, das Telefon klingelt morgens im Sekundentakt und die MFAs kommen zu "
        "nix anderem mehr. Wir überlegen einen KI-Telefonassistenten, der Rezeptbestellungen und "
        "Terminwünsche aufnimmt, plus Online-Terminbuchung für Routinetermine. Praxisverwaltung ist CGM "
        "Turbomed, Telefonanlage ist neu von der Telekom – beides bleibt."
    )
    assert {"chatbot", "appointment-booking"} <= _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen eine Website. Facebook und Insta macht meine Tochter, da brauchen wir keine Hilfe.",
        "Wir brauchen eine Website. Bei Social Media brauchen wir keine Hilfe.",
        "We need a website. Social media is done by my daughter, we need no help there.",
    ],
)
def test_help_refused_with_a_thing_refuses_the_thing(taxonomy, text):
    wanted, refused, _ = _read(text, taxonomy)
    assert (wanted, refused) == ({"website-cms"}, {"social-media"})


def test_help_asked_with_one_thing_and_refused_with_another(taxonomy):
    wanted, refused, _ = _read("Wir brauchen Hilfe bei der Website, bei Social Media keine Hilfe.", taxonomy)
    assert "website-cms" in wanted and "social-media" in refused


def test_a_dictation_without_commas_keeps_its_ask_apart_from_what_others_do(taxonomy):
    text = (
        "hier ist Elektro Brandl wir verlieren Stunden weil die Stundenzettel erst am Freitag kommen "
        "und keiner mehr weiß was er am Montag gemacht hat wir bräuchten also eine Handwerkersoftware für "
        "Angebote und dazu eine App wo die Monteure ihre Zeiten eintragen die Buchhaltung macht weiter unser "
        "Steuerbüro mit DATEV danke"
    )
    wanted, refused, existing = _read(text, taxonomy)
    assert "craft-software" in wanted and "craft-software" not in refused
    assert "accounting" in existing


@pytest.mark.parametrize(
    "text, there",
    [
        ("Unser PVS ist medatixx, damit sind wir zufrieden. Wir brauchen eine Telefonanlage.", True),
        ("Unsere Warenwirtschaft ist grottig. Wir brauchen eine Telefonanlage.", False),
    ],
)
def test_a_system_named_by_a_lowercase_product_name_is_there(taxonomy, text, there):
    _, _, existing = _read(text, taxonomy)
    assert bool(existing - {"telephony"}) is there


def test_a_psychotherapist_s_kassen_are_health_insurers(taxonomy):
    text = "Brauche eine Praxissoftware für meine Psychotherapie-Praxis (Kassen + Privat), Termine, Doku."
    assert "pos" not in _read(text, taxonomy)[0]


def test_bookings_of_holiday_flats_are_a_lodging_s_software(taxonomy):
    text = (
        "We rent out 12 holiday flats. We need one system to manage all bookings, calendars and guest "
        "communication, synced with all the portals."
    )
    assert _read(text, taxonomy)[0] == {"hotel-software"}


@pytest.mark.parametrize(
    "text, there",
    [
        ("All properties run on apaleo as PMS. We need a guest CRM.", True),
        ("We need a guest CRM and a PMS that runs on tablets.", False),
    ],
)
def test_what_the_business_runs_on_is_there(taxonomy, text, there):
    _, _, existing = _read(text, taxonomy)
    assert ("hotel-software" in existing) is there


@pytest.mark.parametrize(
    "text, refused",
    [
        (
            "Wir brauchen eine Vereinssoftware. Die Homepage macht weiterhin der Sohn unseres Kassierers, da "
            "brauchen wir nichts, die ist ok.",
            True,
        ),
        ("Wir brauchen eine Vereinssoftware und die Homepage, sonst brauchen wir nichts anbinden.", False),
    ],
)
def test_nothing_needed_there_refuses_the_thing_before(taxonomy, text, refused):
    assert ("website-cms" in _read(text, taxonomy)[1]) is refused


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir hätten gern ein Angebot für Plotter + Multifunktionsgeräte mit Seitenpreis inkl Toner.",
            {"managed-print"},
        ),
        ("Wir brauchen 20 neue Laptops und einen Drucker.", {"hardware-supply"}),
    ],
)
def test_printers_under_a_page_price_are_the_managed_print_s(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


@pytest.mark.parametrize(
    "text, shipping",
    [
        ("Wir brauchen den Versand von E-Rechnungen (XRechnung) an die Schulträger.", False),
        ("Wir brauchen E-Mail-Versand für die Rundschreiben.", False),
        ("Wir brauchen eine Lösung für den Versand von Paketen.", True),
    ],
)
def test_messages_sent_are_no_shipping(taxonomy, text, shipping):
    assert ("logistics-tms" in _read(text, taxonomy)[0]) is shipping


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir suchen eine neue Campingplatzsoftware mit Onlinebuchung, Platzplan, Kurtaxe und Rechnung.",
            {"hotel-software"},
        ),
        ("Wir suchen eine Bausoftware für Aufmaß und Kalkulation.", {"construction-ava"}),
        (
            "Ich such ein Programm für meinen Elektrobetrieb, wo ich Angebot, Auftrag und Rechnung in "
            "einem hab.",
            {"craft-software"},
        ),
    ],
)
def test_a_trade_s_words_beside_its_own_kind_of_software_are_that_software_s(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen ein neues Hotelprogramm. Die Daten aus dem alten System sollen übernommen werden.",
        "Wir müssen wechseln. Wichtig: Kunden- und Fahrzeugdaten samt Reparaturhistorie sollen mitkommen.",
        "Die Netzdaten liegen derzeit in DWG-Dateien und einer Access-Datenbank vor und sind zu übernehmen.",
        "Das Ticketsystem wird abgelöst; offene Tickets der letzten drei Jahre sind zu übernehmen.",
        "Wir brauchen ein neues Hotelprogramm. Reservierungen und Gästeprofile sollen übernommen werden.",
    ],
)
def test_data_taken_over_is_a_migration_asked(taxonomy, text):
    asked, _, there = _read(text, taxonomy)
    assert "data-migration" in asked
    assert "data-migration" not in there


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen ein Ratsinformationssystem. Ein Videokonferenzsystem ist nicht Gegenstand dieser "
        "Beschaffung.",
        "We need a council information system. Video conferencing is not part of this procurement.",
    ],
)
def test_not_part_of_this_procurement_refuses_what_comes_before(taxonomy, text):
    asked, refused, _ = _read(text, taxonomy)
    assert asked == {"e-government"}
    assert refused == {"video-conferencing"}


@pytest.mark.parametrize(
    "text, refused",
    [
        (
            "We're looking for a partner to introduce an MES. Predictive maintenance sounds interesting but "
            "is explicitly not part of this project.",
            "predictive-maintenance",
        ),
        (
            "Die Rechnungen sollen digital erfasst und revisionssicher abgelegt werden, das ERP bleibt. Ein "
            "BI-Projekt steht auch irgendwann an, ist aber ausdrücklich nicht Teil dieser Anfrage.",
            "bi",
        ),
    ],
)
def test_praised_but_stressed_not_needed_is_refused(taxonomy, text, refused):
    asked, negated, _ = _read(text, taxonomy)
    assert refused in negated
    assert refused not in asked


def test_an_mes_s_cnc_machines_are_its_data_sources(taxonomy):
    asked, _, _ = _read(
        "We want to introduce an MES and connect our 14 CNC machining centres to capture machine data.",
        taxonomy,
    )
    assert asked == {"mes"}


# Dictations without a comma: what is kept, refused or asked ends where the writer turns to the next thing.
_DICTATED_WORKSHOP = (
    "hallo hier ist die Schreinerei Berger aus Passau wir sind neun Leute und schreiben Angebote bisher in "
    "Word das geht so nicht weiter ich bräuchte eine Handwerkersoftware mit Angeboten und Aufmaß und die "
    "Gesellen sollen auf der Baustelle übers Handy ihre Stunden erfassen können die Buchhaltung macht der "
    "Steuerberater mit DATEV das soll so bleiben also muss das da rübergehen einen Onlineshop oder so was "
    "brauchen wir nicht bitte um Rückruf unter der Nummer auf der Homepage danke"
)
_DICTATED_EVENTS = (
    "hallo hier ist die Festscheune Lindenhof wir machen so achtzig Hochzeiten und Feiern im Jahr bisher "
    "läuft alles über Papier und Word wir suchen eine Software wo wir Anfragen Raumbelegung Angebote und "
    "Verträge machen können und die Kunden sollen die Verträge digital unterschreiben können Rechnungen "
    "schreiben wir in lexoffice das wollen wir behalten danke"
)
_DICTATED_CARE = (
    "guten Tag wir sind ein ambulanter Pflegedienst mit 30 Mitarbeitern und schreiben alles auf Papier wir "
    "bräuchten eine Pflegesoftware mit Tourenplanung und mobiler Dokumentation und dann auch die "
    "Smartphones für die Mitarbeiter dazu so 25 Stück die Lohnabrechnung läuft über unser Lohnbüro das "
    "bleibt wie es ist"
)


@pytest.mark.parametrize(
    "text, asked, refused, there",
    [
        (_DICTATED_WORKSHOP, {"craft-software", "time-tracking"}, {"online-shop"}, {"accounting"}),
        (_DICTATED_EVENTS, {"event-management", "e-signature"}, set(), {"accounting"}),
        (_DICTATED_CARE, {"care-software", "hardware-supply"}, set(), {"payroll"}),
    ],
)
def test_a_dictation_s_parts_end_where_the_writer_turns(taxonomy, text, asked, refused, there):
    assert _read(text, taxonomy) == (asked, refused, there)


def test_a_thing_asked_in_addition_is_no_mention_in_passing(taxonomy):
    asked, _, _ = _read(
        "Hallo, wir sind die Spedition Krüger aus Bremen mit 18 LKW und 25 Fahrern im Nah- und Fernverkehr. "
        "Wir suchen ein TMS mit Tourenplanung, das TMS soll auch die Disposition und die Sendungsverfolgung "
        "abbilden, und dazu Telematik in die LKW. Gruß Anna",
        taxonomy,
    )
    assert asked == {"logistics-tms", "fleet-management"}


def test_we_d_like_asks_and_a_guest_s_stay_stays_nothing(taxonomy):
    asked, _, there = _read(
        "Hi, we own six holiday flats on Rügen and we're tired of paying commission to the big portals "
        "for every booking. We'd like our own booking website with an availability calendar, online "
        "payment (card, PayPal) and automatic confirmation emails. We'd also like to replace the key boxes "
        "with smart locks so guests get a personal code for their stay.",
        taxonomy,
    )
    assert {"hotel-software", "payment", "access-control"} <= asked
    assert not there


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Wir brauchen eine Kostenberechnung für unsere Angebote.", set()),
        ("Wir brauchen eine Gastro-Warenwirtschaft mit Rezepturen.", {"restaurant-software"}),
        ("Wir müssen ab 2025 die E-Rechnung empfangen können.", {"e-invoicing"}),
    ],
)
def test_a_compound_s_head_is_its_longest_word(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_a_refused_list_goes_on_over_any_kind_of(taxonomy):
    asked, refused, _ = _read(
        "Wir brauchen eine neue Kasse. Onlineshop oder irgendwelche Kundenkarten-Apps brauchen wir nicht.",
        taxonomy,
    )
    assert asked == {"pos"}
    assert {"online-shop", "mobile-app"} <= refused


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "We need temperature sensors in our trucks. The data should also flow into our dispatch system "
            "(TMS), which we keep.",
            {"iiot-platform"},
            {"logistics-tms"},
        ),
        (
            "Wir suchen ein Transportmanagementsystem. Vorhanden und gesetzt: Business Central für die "
            "Finanzbuchhaltung.",
            {"logistics-tms"},
            {"accounting"},
        ),
    ],
)
def test_what_a_bracket_or_a_kept_heading_names_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


def test_the_mail_forwarded_is_no_newsletter(taxonomy):
    asked, _, _ = _read(
        "Hallo Herr Petersen, anbei die Mail unseres Lagerleiters. Wir brauchen WLAN in der neuen Halle.",
        taxonomy,
    )
    assert asked == {"network"}


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "Wir brauchen eine ordentliche Datensicherung. DATEV bleibt natürlich wie es ist "
            "(Kanzlei-Rechnungswesen, Lohn, DMS), läuft noch lokal auf dem Server.",
            {"backup"},
            {"accounting", "payroll", "dms"},
        ),
        (
            "Wir brauchen eine neue Kasse (mit TSE, Kartenzahlung), unsere Buchhaltung bleibt.",
            {"pos", "payment"},
            {"accounting"},
        ),
    ],
)
def test_a_list_in_brackets_after_a_system_kept_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Steuerbüro mit 9 Arbeitsplätzen sucht IT-Betreuer.", {"managed-services"}),
        (
            "Wir sind bei Autodesk vermutlich falsch lizenziert, suchen jemanden, der das prüft.",
            {"software-licensing"},
        ),
        ("Wir brauchen dafür einen zertifizierten Videodienst.", {"video-conferencing"}),
        ("We need a partner for the vendor selection of our new ERP.", {"it-consulting", "erp"}),
    ],
)
def test_everyday_names_of_services(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


def test_what_is_used_on_is_there(taxonomy):
    asked, _, there = _read(
        "Wir brauchen ein neues PVS. Unsere Online-Terminvergabe über Doctolib soll weiter genutzt werden.",
        taxonomy,
    )
    assert asked == {"medical-practice"}
    assert "appointment-booking" in there


def test_fitters_entering_their_times_is_time_tracking(taxonomy):
    assert "time-tracking" in _read("Die Monteure sollen ihre Zeiten eintragen können.", taxonomy)[0]


@pytest.mark.parametrize(
    "text, wms",
    [
        ("Wir sind 35 Leute, ein Server, 20 PCs und die Scanner im Lager. Wir brauchen ein Backup.", False),
        ("Wir brauchen WLAN in the warehouse and in the offices.", False),
        ("Wir brauchen eine Software für das Lager mit Kommissionierung per Scanner.", True),
    ],
)
def test_the_warehouse_as_a_place_is_no_warehouse_software(taxonomy, text, wms):
    assert ("wms" in _read(text, taxonomy)[0]) is wms


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Wir brauchen eine Projektsteuerung mit Terminen und Meilensteinen und eine "
            "Projektzeiterfassung.",
            {"project-management", "time-tracking"},
        ),
        (
            "Wir brauchen eine Projektsteuerung, und unsere Kunden sollen online eine Terminvereinbarung "
            "machen.",
            {"project-management", "appointment-booking"},
        ),
    ],
)
def test_dates_a_project_plans_are_no_booking(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


@pytest.mark.parametrize(
    "text",
    [
        "Wir suchen jemanden, der uns dauerhaft betreut (Updates, Überwachung), eine ordentliche Firewall "
        "hinstellt und eine Datensicherung einrichtet, die einen Angriff übersteht.",
        "Bräuchten eine vernünftige Datensicherung, Virenschutz und Firewall und jemanden, der regelmäßig "
        "draufschaut.",
        "Wir brauchen vier neue Rechner und einen Drucker, und jemanden, der das einrichtet und uns danach "
        "betreut, wenn mal was ist.",
    ],
)
def test_lasting_care_of_the_it_is_a_managed_service_asked(taxonomy, text):
    assert "managed-services" in _read(text, taxonomy)[0]


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "Gesucht: eine Gastro-Warenwirtschaft mit Rezepturen. Kassen: Orderbird, bleibt.",
            {"restaurant-software"},
            {"pos"},
        ),
        ("Kasse: neu, mit TSE. Buchhaltung: DATEV bleibt.", {"pos"}, {"accounting"}),
    ],
)
def test_a_labelled_thing_kept_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


def test_my_shop_linked_to_and_kept_is_there(taxonomy):
    asked, _, there = _read(
        "Brauch ne neue Kasse mit Kartenzahlung, und die soll mit meinem Shopware-Shop den Bestand "
        "abgleichen. Der Shop bleibt!",
        taxonomy,
    )
    assert asked == {"pos", "payment"}
    assert "online-shop" in there


@pytest.mark.parametrize(
    "text, asked, there",
    [
        (
            "Wir brauchen nen neuen Server und ein Backup das auch wirklich läuft und überwacht wird.",
            {"server-storage", "backup"},
            set(),
        ),
        (
            "Wir brauchen eine Lagerverwaltung. Der Kiosk hat eine einfache Kasse die bleibt.",
            {"wms"},
            {"pos"},
        ),
    ],
)
def test_a_thing_wished_to_run_is_asked_a_thing_had_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


def test_contracts_to_be_managed_are_contract_management(taxonomy):
    asked, _, _ = _read(
        "Wir brauchen eine Einsatzplanung für die Monteure. Und die Wartungsverträge sollen da auch "
        "verwaltet werden, mit Erinnerung, wann was fällig ist.",
        taxonomy,
    )
    assert "contract-management" in asked


def test_mails_a_marketing_automation_triggers_are_its_own(taxonomy):
    asked, _, _ = _read(
        "Wir wollen unser Lead Nurturing automatisieren: Lead Scoring und Trigger-Mails nach Downloads.",
        taxonomy,
    )
    assert asked == {"marketing-automation"}


@pytest.mark.parametrize(
    "text, asked, there",
    [
        ("Wir brauchen 24/7-Monitoring durch einen externen SOC.", {"siem-soc"}, set()),
        (
            "Wir suchen ein TMS. Die Telematik von Webfleet bleibt und muss angebunden werden, ebenso unsere "
            "Finanzbuchhaltung (Diamant).",
            {"logistics-tms"},
            {"fleet-management", "accounting"},
        ),
    ],
)
def test_monitoring_is_no_monitor_and_likewise_kept_is_there(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


def test_what_our_system_is_said_to_be_describes_it(taxonomy):
    asked, _, _ = _read(
        "Unser Transportmanagementsystem ist eine Eigenentwicklung von 2004. Wir suchen ein neues TMS.",
        taxonomy,
    )
    assert asked == {"logistics-tms"}


def test_an_address_is_no_marketplace(taxonomy):
    asked, _, _ = _read(
        "Stadt Kirchberg, Zentrale Dienste, Marktplatz 3. Gegenstand: Lieferung von 180 Notebooks.",
        taxonomy,
    )
    assert asked == {"hardware-supply"}


def test_left_without_is_a_lack_feared_not_a_refusal(taxonomy):
    _, refused, _ = _read("Wenn der Server ausfällt, stehen wir ohne Buchhaltung da.", taxonomy)
    assert "accounting" not in refused


def test_the_internal_mail_forwarded_is_no_newsletter(taxonomy):
    assert _read("Anbei die interne Mail. Wir brauchen WLAN.", taxonomy)[0] == {"network"}


def test_what_an_outside_party_does_without_an_article_is_there(taxonomy):
    asked, _, there = _read(
        "Wir brauchen eine Kassensoftware. Fibu und Lohn macht weiterhin unser Steuerbüro.", taxonomy
    )
    assert asked == {"pos"}
    assert {"accounting", "payroll"} <= there


@pytest.mark.parametrize(
    ("text", "asked", "refused"),
    [
        (
            "Eine App brauch ich nich, ich mach alles am Laptop. Wir suchen ein Hotelprogramm.",
            {"hotel-software"},
            {"mobile-app"},
        ),
        ("Wir suchen eine Homepage. Einen Onlineshop wollen wir garnicht.", {"website-cms"}, {"online-shop"}),
    ],
)
def test_negations_typed_as_spoken_refuse(taxonomy, text, asked, refused):
    found, negated, _ = _read(text, taxonomy)
    assert found == asked
    assert refused <= negated


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Außerdem geht das WLAN in den Zimmern nicht richtig. Wir wollen Kameras.",
            {"network", "video-surveillance"},
        ),
        (
            "Die Datensicherung hat seit März nicht mehr funktioniert. Wir brauchen ein Backup.",
            {"backup"},
        ),
    ],
)
def test_what_does_not_work_properly_is_to_be_mended_not_refused(taxonomy, text, asked):
    found, negated, _ = _read(text, taxonomy)
    assert found == asked
    assert not negated & asked


def test_a_short_clause_typed_without_capitals_names_its_own_thing(taxonomy):
    _, negated, there = _read(
        "wir brauchen ein kundenportal. ne app bauen lassen wollen wir nich, web reicht völlig", taxonomy
    )
    assert "mobile-app" in negated
    assert "mobile-app" not in there


@pytest.mark.parametrize(
    ("text", "asked", "there"),
    [
        (
            "Wir brauchen eine Kasse, und die Leute sollen online einen Tisch buchen können.",
            {"pos", "restaurant-software"},
            set(),
        ),
        ("We'd like a guest messaging assistant that answers routine questions.", {"chatbot"}, set()),
        (
            "Gewünscht ist ein Servicevertrag mit Überwachung und Störungsbehebung.",
            {"managed-services"},
            set(),
        ),
        ("Wir suchen eine Kasse. Das Kartenterminal von SumUp wollen wir behalten.", {"pos"}, {"payment"}),
    ],
)
def test_everyday_names_of_hospitality_and_service_needs(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Wir suchen jemanden, der unserem Café eine Website mit Speisekarte und Anfahrt baut.",
            {"website-cms"},
        ),
        (
            "Wir brauchen eine Website mit Speisekarte und Online-Tischreservierung.",
            {"website-cms", "restaurant-software"},
        ),
    ],
)
def test_the_menu_a_website_shows_is_its_content(taxonomy, text, asked):
    assert _read(text, taxonomy)[0] == asked


@pytest.mark.parametrize(
    ("text", "asked", "there"),
    [
        (
            "Wir suchen ein PIM. Was bleibt: JTL-Wawi als Warenwirtschaft und Mollie als Payment Provider.",
            {"pim"},
            {"erp", "payment"},
        ),
        (
            "We need a PIM. What stays: Shopware as our shop and Mollie for payments.",
            {"pim"},
            {"online-shop", "payment"},
        ),
    ],
)
def test_a_heading_saying_what_stays_keeps_what_follows(taxonomy, text, asked, there):
    found, _, existing = _read(text, taxonomy)
    assert found == asked
    assert there <= existing


def test_a_dictated_refusal_ends_before_what_follows_and_its_thing_starts_at_its_article(taxonomy):
    found, negated, _ = _read(
        "wir brauchen eine richtige vereinssoftware die daten aus dem access müssen natürlich übernommen"
        " werden eine eigene app für die mitglieder brauchen wir nicht das ist uns zu viel und die homepage"
        " machen wir selbst",
        taxonomy,
    )
    assert {"membership-management", "data-migration"} <= found
    assert negated == {"mobile-app"}


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u200d", "\ufeff"])
def test_an_invisible_character_inside_a_word_does_not_cut_it(taxonomy, invisible):
    # found by a new-user probe: "On\u200blineshop" was read as "lineshop"; PDFs put soft hyphens into words
    text = f"Wir brauchen einen On{invisible}lineshop und eine Waren{invisible}wirtschaft"
    evidence = {h.id: h.evidence for h in analyse_need(text, taxonomy).capabilities}
    assert evidence["online-shop"] == ["Onlineshop"] and evidence["erp"] == ["Warenwirtschaft"]


# Troubles that several outside writers told alike in plain words, and what each asks for (or not).
_TROUBLES_ASKING = [
    # calls that do not get through: a busy line, "kommen ned durch", nobody answers
    (
        "Hausarztpraxis, zwei Ärztinnen. Montags ab sieben is das Telefon dauerbesetzt, bis elf. Die Hälfte"
        " der Anrufe is: brauch ein Rezept, brauch ne Überweisung. Das Praxisprogramm bleibt.",
        "telephony",
    ),
    (
        "hausarztpraxis: von 8 bis 10 is die leitung dicht, die mfas kommen nich zum arbeiten. die"
        " praxissoftware bleibt.",
        "telephony",
    ),
    (
        "Krankentransport mit 14 Fahrzeugen. Die Kliniken rufen an, wenn er aufm Klo is geht keiner ran, und"
        " der Auftrag is weg.",
        "telephony",
    ),
    (
        "Ab halb acht klingelt das Telefon durch. Die Patienten kommen ned durch und stehen am Tresen.",
        "telephony",
    ),
    # clients who do not come
    (
        "Friseursalon: jede Woche 5-6 Leute, die einfach nicht kommen, der Platz is dann weg.",
        "appointment-booking",
    ),
    (
        "Our biggest pain at the practice is no-shows: every week 15 patients, and the slots are lost.",
        "appointment-booking",
    ),
    # ... and their "nicht" refuses nothing they do not come to
    (
        "ich bin allein im salon mit einer azubine. das telefon klingelt ständig. und jede woche kommen 2-3"
        " einfach nicht zum termin. kasse hab ich schon, die ist gut.",
        "appointment-booking",
    ),
    # a backup someone takes home on a disk is a makeshift to replace, not a backup there
    (
        "Steuerbüro mit 16 Arbeitsplätzen. Die Datensicherung läuft aktuell auf USB-Platten, die eine"
        " Kollegin jeden Freitag mit nach Hause nimmt.",
        "backup",
    ),
    (
        "Spedition mit 40 LKW. Der Server steht im Keller. Gesichert wird auf ne externe Festplatte, die"
        " steckt direkt daneben.",
        "backup",
    ),
    (
        "dachdeckerei, laptop aus dem transporter geklaut. gesichert war nix, das letzte mal auf nem usb"
        " stick.",
        "backup",
    ),
    # a mail's link or attachment opened that was not what it seemed
    (
        "Zahnarztpraxis. Letzte Woche kam ne Mail mit Rechnung Labor im Anhang, sah echt aus, die Azubine hat"
        " draufgeklickt, und der Techniker hat den PC neu aufgesetzt.",
        "email-security",
    ),
    (
        "Versicherungsbüro: eine Mitarbeiterin hat auf eine Mail geklickt, die angeblich von der Gesellschaft"
        " kam, danach hat ihr Postfach 400 Mails verschickt.",
        "email-security",
    ),
    # news for the staff on a notice board or never reaching them
    (
        "MVZ mit drei Standorten, rund 70 Mitarbeitende. Informationen hängen als Zettel am Schwarzen Brett"
        " im Pausenraum, und die Außenstelle erfährt Änderungen als Letzte.",
        "intranet",
    ),
    (
        "Seniorenheim, 65 Mitarbeitende. Neue Infos – Hygieneplan, Besuchsregeln – kommen bei den"
        " Teilzeitkräften nie an.",
        "intranet",
    ),
    # the business's customers doing things themselves, named by a compound or by what they do
    (
        "Kurierdienst, 25 Fahrer. Die Firmenkunden wolln ooch ihre Aufträge selber anlegen statt anzurufen"
        " und ihre Rechnungen selber runterladen. Das Dispositionssystem bleibt.",
        "customer-portal",
    ),
    (
        "Spedition mit 22 Lkw: am liebsten wär mir, die Kunden könnten selber nachschauen, wo ihre Sendung"
        " is.",
        "customer-portal",
    ),
    # a trading partner wants orders, advices or status exchanged electronically, in its own format (and
    # the dot of "ab 1. Juli" ends no sentence)
    (
        "Spedition mit 35 LKW. Der Kunde will ab 1. Juli, dass mir die Lieferavise und die Transportaufträge"
        " ni mehr per Mail und Excel schicken, sondern elektronisch in so nem Standard, VDA irgendwas.",
        "edi",
    ),
    (
        "Our biggest customer, a DIY chain, has told us that from January they will only send us transport"
        " orders and receive status updates electronically in their own format.",
        "edi",
    ),
    # data gone for good, a copy no one knows of
    (
        "Zahnarztpraxis: der Server wurde verschlüsselt, die Röntgenbilder der letzten zwei Jahre sind"
        " verloren. Das darf nie wieder passieren.",
        "backup",
    ),
    (
        "Kurierdienst: ehrlich gsagt kümmert sich bei uns keiner um die Computer, und ob irgendwo a Kopie von"
        " den Daten is, weiß i ned.",
        "backup",
    ),
    # a stocktaking counted by hand over days
    (
        "Kontraktlogistik, 9.000 Palettenstellplätze. Die Inventur dauert jedes Jahr drei Tage bei"
        " geschlossenem Lager.",
        "barcode-rfid",
    ),
    ("Stocktaking at the end of the year took 4 days and the halls were closed.", "barcode-rfid"),
    # security logs that no one reads
    (
        "Ausgangslage: Firewall, Virenschutz, Server und Anmeldedienste schreiben Protokolle, die derzeit"
        " niemand regelmäßig auswertet. Bei einem Vorfall wurden auffällige Anmeldungen erst nach drei Tagen"
        " bemerkt.",
        "siem-soc",
    ),
    # training said by its verb
    ("Die Beschäftigten der Pressestelle sind in das neue Redaktionssystem zu schulen.", "training"),
    ("The two caretakers will need to be shown how to use the new booking terminals.", "training"),
    # such mails kept from arriving at all, and an attachment opened
    ("Ich will, dass solche Mails gar nicht erst bei uns ankommen.", "email-security"),
    ("Gewünscht wird, dass derartige Nachrichten gar nicht erst im Postfach landen.", "email-security"),
    (
        "Letzte Woche öffnete unsere Azubine den Anhang einer angeblichen Paketbenachrichtigung.",
        "email-security",
    ),
    # a machine's failure known before it comes
    (
        "Our compressors break down without warning. We want to know that a machine will fail before it"
        " does.",
        "predictive-maintenance",
    ),
    ("We would like an alert a few days ahead when a pump is about to go.", "predictive-maintenance"),
    # drawing wanted on a computer
    (
        "Die Formatkreissäge programmiert der Geselle von Hand. Der Meister will am Rechner zeichnen und die"
        " Teile direkt an die Maschine geben.",
        "cad-plm",
    ),
    # the guests' mail addresses lying unused
    (
        "Ferienhof mit neun Wohnungen. Die Stammgäste hören nach der Abreise nie wieder von uns, die"
        " Mailadressen stehen im Gästebuch.",
        "newsletter",
    ),
    ("Our regular guests hand us their e-mail addresses, but we never write to them.", "newsletter"),
    # receipts the own drivers or field staff bring in
    (
        "Getränkehandel, 9 Fahrer. Die Fahrer geben alle drei Wochen einen Umschlag voll Tankquittungen ab.",
        "expense-management",
    ),
    (
        "Our drivers hand in their receipts after every tour, crumpled and half unreadable.",
        "expense-management",
    ),
    # teaching rooms for people here and far away
    ("Lot 3: hybrid teaching in four seminar rooms of the faculty.", "video-conferencing"),
    # keys handed over at all hours, gone missing or held by too many
    (
        "Wir haben fünf Ferienhäuser an der Schlei. Bei jeder späten Anreise muss einer von uns mit dem"
        " Schlüssel warten.",
        "access-control",
    ),
    (
        "Three holiday cottages in Wales. Keys keep going missing and we change the lock every year.",
        "access-control",
    ),
    ("Baustofflager: Die Schlüssel fürs Tor haben inzwischen gefühlt 30 Leute.", "access-control"),
    # residents with dementia who leave the house unnoticed
    (
        "Pflegeheim, 70 Plätze: Zweimal haben Bewohner mit Demenz nachts das Haus unbemerkt verlassen.",
        "access-control",
    ),
    # goods stolen from the yard or the hall
    (
        "Spedition: Auf dem Hof wird nachts Diesel aus den Lkw abgezapft, die Versicherung macht Druck.",
        "video-surveillance",
    ),
    ("Möbellager mit 80 Abteilen, im Winter ist zweimal nachts eingebrochen worden.", "video-surveillance"),
    # the hours booked to projects, a project's fee seen used up too late
    ("Vermessungsbüro: Die Stunden pro Projekt schreibt jeder auf einen Zettel.", "time-tracking"),
    (
        "Planungsbüro, 10 Leute. Am Ende eines Projekts weiß keiner, ob wir daran verdient haben.",
        "project-management",
    ),
    ("Every project of ours goes over budget and we only notice at the end.", "project-management"),
    # audits that found complaints or batches not traceable
    (
        "Zulieferer, 40 Leute: Beim letzten Audit wollte der Auditor die Reklamationen der letzten zwei Jahre"
        " sehen, wir haben stundenlang gesucht.",
        "quality-management",
    ),
    # a bakehouse's dough reckoned by hand
    (
        "Bäckerei mit 4 Filialen: Nachts rechnet der Backmeister auf einem Zettel zusammen, wie viel Teig er"
        " ansetzen muss.",
        "production-planning",
    ),
    # temperatures written on paper or noticed too late
    (
        "Metzgerei mit zwei Kühlwagen: Der Fahrer schreibt die Temperatur morgens und abends auf einen"
        " Zettel.",
        "iiot-platform",
    ),
    # every part keyed into the machine by hand
    (
        "Schreinerei, 7 Leute. Der Geselle gibt alle Maße und Bohrungen nochmal von Hand in die"
        " Plattensäge ein.",
        "cam-cnc",
    ),
    (
        "Drehteile in kleinen Serien: Die Programme für die Maschinen schreibt der Meister an der Steuerung,"
        " Zeile für Zeile.",
        "cam-cnc",
    ),
    # ... also where the machine itself is there and fine
    (
        "Tischlerei, 10 Leute. Wir haben seit zwei Jahren eine CNC-Fräse von Homag. Der Meister tippt jedes"
        " Teil von Hand an der Steuerung ein.",
        "cam-cnc",
    ),
    # health data sent over a chat app
    (
        "Ambulanter Pflegedienst: Die Pflegekräfte schicken Fotos von Wunden über WhatsApp an die PDL.",
        "data-protection",
    ),
    # a driving school's lessons moved by chat, citizens queueing at an office
    (
        "Fahrschule, 3 Fahrlehrer: Die Schüler wollen Fahrstunden verschieben und schreiben nachts per"
        " WhatsApp.",
        "appointment-booking",
    ),
    (
        "Gemeinde: Im Bürgerbüro warten die Bürgerinnen und Bürger vor den Ferien bis zu zwei Stunden im"
        " Flur.",
        "appointment-booking",
    ),
    # no internet in part of the house
    ("Pension mit 14 Zimmern: Die Gäste schimpfen, weil oben im Stock kein Internet ist.", "network"),
    # customers far away who would order from home
    (
        "Hofladen mit Honig und Wolle: Viele Stammkunden aus Berlin wollen auch von zu Hause bestellen.",
        "online-shop",
    ),
    # an energy bill risen with no one knowing where it goes
    (
        "Landgasthof mit Kühlhaus: Die Stromrechnung hat sich fast verdoppelt, und keiner weiß, wo der Strom"
        " hingeht.",
        "energy-management",
    ),
    ("Our electricity bill went from 900 to 2,300 euros a month.", "energy-management"),
    # a blackmail told by its bitcoin, or to be prevented
    (
        "Physiopraxis: Auf allen Bildschirmen stand, wir sollen in Bitcoin zahlen. Das darf nie wieder"
        " passieren.",
        "it-security",
    ),
    (
        "Alle Dateien waren verschlüsselt, dazu eine Lösegeldforderung. Wir wollen so einen Vorfall künftig"
        " verhindern.",
        "it-security",
    ),
    # customers named by their trade who would look things up themselves
    (
        "Sanitärgroßhandel: Die jüngeren Installateure fragen, warum sie nicht selber schauen können, was da"
        " ist.",
        "customer-portal",
    ),
    ("Brauerei: Die Wirte könnten selber eintragen, was sie brauchen.", "customer-portal"),
    (
        "I want our clients to be able to look that up themselves instead of emailing my staff.",
        "customer-portal",
    ),
    # the customers' question where their goods are
    (
        "Our customer service team spends most of the day answering 'where is my shipment?' calls.",
        "customer-portal",
    ),
    (
        "Stückgutspedition: Die Kunden rufen den ganzen Tag an und fragen, wo ihre Sendung gerade ist.",
        "customer-portal",
    ),
    # everything on one computer, and its failure or theft told
    (
        "Architekturbüro: Alle unsere Pläne liegen auf dem großen Rechner unterm Schreibtisch. Was passiert,"
        " wenn der mal ganz kaputt geht?",
        "backup",
    ),
    (
        "All our drawings and plans are on one computer under my colleague's desk. If that machine burns or"
        " gets stolen, we are finished.",
        "backup",
    ),
    # the electronic file management of an office is a DMS
    (
        "Landratsamt, Los 1: Elektronische Aktenführung in der Bauaufsicht und Digitalisierung der Altakten.",
        "dms",
    ),
    # fees paid by transfer and chased
    (
        "Kreisvolkshochschule: Die Kursgebühren sind per Überweisung zu entrichten, jeder siebte Teilnehmer"
        " zahlt erst nach einer Mahnung.",
        "payment",
    ),
    ("Schulcatering: Kassieren müssen wir per Überweisung, da fehlen jeden Monat 2.000 Euro.", "payment"),
    # the heating systems a trade services under contract
    (
        "Heizungsbauer: Wir haben Wartungsverträge für ca 600 Heizungen, vergessen aber ständig welche dran"
        " ist, und die Kunden rufen sauer an.",
        "field-service",
    ),
    ("About 600 customers have a yearly service contract for their boiler.", "field-service"),
    # the hours written on paper lists
    (
        "Cleaning company, 38 cleaners: the cleaners write their hours on paper lists in each building.",
        "time-tracking",
    ),
    (
        "Biergarten, 45 Aushilfen: Die Stunden schreiben die Leute auf nen Block an der Theke.",
        "time-tracking",
    ),
    # an attack that hit someone near
    (
        "Spedition, 25 Leute im Büro: Bei einem Kollegen in Neuss haben sie vor drei Wochen alle Rechner"
        " verschlüsselt, der stand zwei Wochen still.",
        "it-security",
    ),
    (
        "After the practice across the road had all their computers locked by hackers, I sleep badly.",
        "it-security",
    ),
    # a malfunction told with a word between the verb and its no: a lack, not a refusal
    (
        "Pflegedienst, 34 Mitarbeiterinnen: Die Arbeitszeiten stimmen auch nie, weil die Fahrtzeiten keiner"
        " richtig aufschreibt.",
        "time-tracking",
    ),
    ("Das Kassenbuch stimmt halt nicht, jeden Abend fehlen zehn Euro.", "pos"),
    # what was not done, said with a no: a lack, not a refusal
    (
        "Bußgeld vom BAG, weil bei mehreren Fahrern die Fahrerkarte nicht rechtzeitig ausgelesen wurde.",
        "fleet-management",
    ),
    (
        "Los 1: Datensicherungslösung. Eine vollständige Wiederherstellung wurde nie getestet.",
        "backup",
    ),
    # a thing not had is a lack, though the next trouble says no too
    (
        "Aber ein richtiges ISMS haben wir nicht, die Richtlinien liegen verteilt in Word-Dokumenten,"
        " Risikoanalyse hat nie jemand gemacht.",
        "compliance-management",
    ),
    ("Eine richtige Datensicherung hatten wir nämlich nicht, nur eine USB-Platte.", "backup"),
    # what falls short of a requirement is a lack
    (
        "Der städtische Internetauftritt ist technisch veraltet und erfüllt die Anforderungen der BITV 2.0"
        " nicht.",
        "accessibility",
    ),
    # a no that says nobody knows is a doubt told
    ("Zahnarztpraxis: Ob es da ein Backup gibt, weiß ich ehrlich gesagt nicht so genau.", "backup"),
    ("Dental practice: right now I honestly don't know if the backup works.", "backup"),
    ("Café: Am Ende vom Abend stimmt die Kasse nicht, und das Finanzamt kündigt eine Prüfung an.", "pos"),
    # a no before a word of quality, and what is no longer maintained: lacks
    ("Dachdeckerei: Wir haben Arbeit bis unters Dach, aber keine vernünftige Webseite.", "website-cms"),
    ("Physio practice with 5 PCs: we have no proper backup, just a USB stick someone takes home.", "backup"),
    (
        "Radiologische Praxis: Klar ist, dass wir die IT-Sicherheitsrichtlinie der KBV für eine große Praxis"
        " nicht vollständig umsetzen.",
        "it-security",
    ),
    # documents retyped from PDFs and mails
    (
        "Forwarder: ten shippers send EDIFACT, the rest send PDFs; two people do nothing but retype orders.",
        "ocr-capture",
    ),
    (
        "We receive delivery schedules as PDF files and email attachments, and my team retypes them.",
        "ocr-capture",
    ),
    # the regulars to be told of what is new
    ("Café: Wir würden unseren Stammgästen gern Bescheid sagen, wenn es neue Torten gibt.", "newsletter"),
    (
        "Brewpub: we have maybe 400 regulars who always ask when the next seasonal beer is on tap.",
        "newsletter",
    ),
    # a signature that takes printing or posting
    (
        "Consultancy, 13 people: every contract has to be printed, signed, scanned and emailed back.",
        "e-signature",
    ),
    (
        "Zeitarbeit: Arbeitsverträge werden gedruckt, der Bewerber muss extra nochmal zum Unterschreiben"
        " vorbeikommen.",
        "e-signature",
    ),
    # orders carried to the kitchen on slips it cannot read
    (
        "Imbiss: Meine Kellner loofen mit Zettelchen inne Küche, die Hälfte kann der Koch nich lesen.",
        "restaurant-software",
    ),
    (
        "Wirtshaus, 120 Plätze: Im Sommer laufen meine Bedienungen mit'm Block, die Küch kann die Schrift ned"
        " lesen.",
        "restaurant-software",
    ),
    # a question that proposes, and what nobody has heard of: no refusals
    (
        "Bäckerei: Wir haben die Verkaufszahlen der letzten Jahre. Könnte man daraus nicht vorhersagen, was"
        " morgen gebraucht wird?",
        "ai-ml",
    ),
    ("Most of our office staff have never heard the word phishing.", "email-security"),
    ("Bäckerei, 3 Filialen: Tagesabschluss dauert abends eine Stunde, das Kassenbuch passt nie.", "pos"),
    ("Every evening the cash in our café's drawer doesn't match what the till says.", "pos"),
]
_LOOKALIKES_ASKING_NOTHING = [
    # what else is asked ends a phone trouble: the bookings online take the calls away
    (
        "Unser Telefon ist morgens von 8 bis 10 dauerbesetzt. Wir möchten, dass Patienten ihre Termine online"
        " buchen können.",
        "telephony",
    ),
    # a desk that is staffed, a booking lost to another house
    (
        "Das Telefon klingelt den ganzen Tag und die Rezeption ist nur vormittags besetzt. Wir brauchen eine"
        " Lösung für die Dienstpläne.",
        "telephony",
    ),
    (
        "Pension mit 11 Zimmern: wenn ich beim Frühstück bin, geht keiner ran und dann buchen die woanders.",
        "telephony",
    ),
    # phone numbers are contact data
    ("Ein Geselle hat gekündigt und hat jetzt noch alle Fotos und Telefonnummern der Kunden.", "telephony"),
    ("Hygienepläne, Telefonlisten und die Urlaubsregelung hängen am Schwarzen Brett.", "telephony"),
    # a table's or a room's guests who do not come ask for the restaurant's or the hotel's reservations
    (
        "What I need: guests should reserve a table online, so I can manage the tables and the no-shows.",
        "appointment-booking",
    ),
    ("Und No-Shows ohne Ende, letzten Samstag sind 3 Tische einfach nicht gekommen.", "appointment-booking"),
    # a backup said to stay is there
    (
        "Wir brauchen ein neues Warenwirtschaftssystem. Die Datensicherung auf die externe Festplatte"
        " bleibt.",
        "backup",
    ),
    # a way, customers gone
    ("Auf dem Weg zur Baustelle sind die Kunden weg, und die Aufträge sind verloren.", "backup"),
    # a mail opened in the daily work
    (
        "Die Bestellungen kommen per Mail, die wird geöffnet und der Anhang abgetippt. Wir suchen eine"
        " Lösung.",
        "email-security",
    ),
    # news for parents
    (
        "Grundschule: Informationen an die Eltern laufen über Zettel im Ranzen und kommen oft nie an.",
        "intranet",
    ),
    # invoices received electronically
    (
        "Die Gemeinde sucht eine Lösung für den elektronischen Rechnungseingang (XRechnung, ZUGFeRD) der"
        " Aufträge ihrer Kunden.",
        "edi",
    ),
    # hours that are no one's working time, a stamp, a change to a roster planned elsewhere
    ("Gerüstbau: bitte nix wo meine Leute am Handy stundenlang rumtippen müssen.", "time-tracking"),
    ("Die Betriebsstunden der Maschinen schreibt der Meister in ein Heft.", "time-tracking"),
    ("Die Lieferscheine werden gestempelt und abgelegt.", "time-tracking"),
    ("Dienstplanänderungen laufen über private WhatsApp-Gruppen.", "time-tracking"),
    # the minutes of a meeting
    ("Die Protokolle der Teamsitzungen liest keiner, sie liegen in Ordnern.", "siem-soc"),
    # the schools' plural, a bill that is to arrive, an idea not wanted, a date
    ("Die Fahrten zu Schulen und Kitas sollen besser geplant werden.", "training"),
    ("Die Rechnungen sollen per Mail beim Kunden ankommen.", "email-security"),
    ("Sensoren, die melden, bevor was kaputtgeht, sind uns eine Nummer zu groß.", "predictive-maintenance"),
    ("We need the new website live before the summer, ahead of the trade fair.", "predictive-maintenance"),
    # drawn on a computer already, the staff's own addresses, a client's shoebox of receipts
    ("Ich zeichne die Küchen am Rechner in unserem Programm, das läuft gut und bleibt.", "cad-plm"),
    ("Die Kolleginnen haben keine dienstlichen Mailadressen und nutzen nie ihre privaten.", "newsletter"),
    # a door lock system that stays, a key requirement, a stolen phone or van
    ("The key handover at our reception works well and stays as it is.", "access-control"),
    ("Our key requirements are a channel manager and online check-in.", "access-control"),
    ("Wenn ein Diensthandy geklaut wird, muss man es aus der Ferne sperren können.", "video-surveillance"),
    ("Im Sommer wurde ein Transporter mit Werkzeug vom Hof geklaut.", "video-surveillance"),
    ("Wir wollen verhindern, dass Gäste ein Zimmer doppelt buchen.", "it-security"),
    ("Budget is tight, we would rather pay monthly than fund a big project.", "project-management"),
    ("Unser Pizzateig wird jeden Morgen frisch gemacht, das bleibt so.", "production-planning"),
    ("Es gibt an jeder Maschine eine Liste, die von Hand geführt wird.", "cam-cnc"),
    ("Die Gäste fragen per WhatsApp an der Rezeption nach dem Parkplatz.", "data-protection"),
    ("Cloud telephony for the citizens' hotline with call queues and reporting.", "appointment-booking"),
    (
        "Wir hätten gern Online-Buchung für die Zimmer, damit wir nicht mehr so viel Provision zahlen.",
        "network",
    ),
    ("Aber bitte nichts, wo die Leute übers Internet bei uns bestellen.", "online-shop"),
    (
        "Die Stromrechnungen der Stadtwerke an ihre Kunden sollen elektronisch verschickt werden.",
        "energy-management",
    ),
    # the "Kasse" that cuts a therapy practice's bill is the health insurer, no till
    (
        "Physiopraxis, 6 Therapeutinnen. Die Verordnungen sind oft falsch ausgefüllt, das merken wir erst,"
        " wenn die Kasse kürzt.",
        "pos",
    ),
    (
        "Beim letzten Audit fehlten die Temperaturlisten zu einer Charge, die reklamiert wurde.",
        "iiot-platform",
    ),
    (
        "Beim letzten Audit gab es eine Abweichung, weil die Temperatur nur wöchentlich ausgelesen wird.",
        "quality-management",
    ),
    (
        "Our auditor found that the card terminals are not segmented from the office network.",
        "quality-management",
    ),
    (
        "Steuerbüro: Die Mandanten bringen ihre Tankquittungen im Schuhkarton, die Fahrer der Spedition"
        " auch.",
        "expense-management",
    ),
    (
        "We don't need anyone to look after our clients' shops, they manage those themselves.",
        "customer-portal",
    ),
    ("Spedition: Unsere Disponentin weiß nie genau, wo die Sendungen gerade sind.", "customer-portal"),
    (
        "Onlineshop für Naturkosmetik: Der Kundenservice ertrinkt in Fragen wie „Wo ist mein Paket?“",
        "customer-portal",
    ),
    ("Alle Rechner im Büro sind von 2014, einer ist letzte Woche kaputt gegangen.", "backup"),
    ("Landratsamt, Los 1: Elektronische Aktenführung in der Bauaufsicht.", "legal-software"),
    # how customers pay is no bank connection
    ("Die Gebühr wird bar oder per Überweisung entrichtet, häufig ohne Verwendungszweck.", "banking"),
    (
        "Contract notice – utilities: renewal of the control system of the district heating plant.",
        "field-service",
    ),
    (
        "Die Öffnungszeiten stehen auf einem Zettel an der Tür, wir schreiben sie jede Saison neu.",
        "time-tracking",
    ),
    ("Unser Kollege aus der Buchhaltung hat die Datei verschlüsselt per Mail geschickt.", "it-security"),
    ("Einen Onlineshop haben wir nicht und wollen wir auch nicht.", "online-shop"),
    ("Unsere Stammkunden bestellen per Telefon, und die Bestellungen gehen oft verloren.", "newsletter"),
    (
        "Pflegedienst: Die Leistungsnachweise werden von Hand ausgefüllt und von Klienten unterschrieben.",
        "e-signature",
    ),
    (
        "Dachdeckerei: Ich schreib meine Angebote abends am Küchentisch, die Schrift kann keiner lesen.",
        "restaurant-software",
    ),
    ("Der Dienstplan hängt als Zettel in der Küche und wird dauernd umgeschmissen.", "restaurant-software"),
    ("Einen Onlineshop brauchen wir nicht, das können wir nicht auch noch pflegen.", "online-shop"),
]


@pytest.mark.parametrize(("text", "capability"), _TROUBLES_ASKING)
def test_a_trouble_several_writers_told_alike_asks_for_its_capability(taxonomy, text, capability):
    found, negated, existing = _read(text, taxonomy)
    assert capability in found and capability not in negated | existing


@pytest.mark.parametrize(("text", "capability"), _LOOKALIKES_ASKING_NOTHING)
def test_a_lookalike_of_such_a_trouble_asks_for_nothing_of_it(taxonomy, text, capability):
    found, _, _ = _read(text, taxonomy)
    assert capability not in found


def test_a_trouble_told_with_a_no_is_quoted_with_the_words_before_its_last_word(taxonomy):
    # "ran" alone tells the reader nothing
    analysis = analyse_need(
        "Krankentransport mit 14 Fahrzeugen. Die Kliniken rufen an, wenn er aufm Klo is geht keiner ran.",
        taxonomy,
    )
    evidence = {h.id: h.evidence for h in analysis.capabilities}
    assert evidence["telephony"] == ["geht keiner ran"]
