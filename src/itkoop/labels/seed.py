"""The labels the center awards and the first version of their criteria, as shipped. Used by the data
migration and again after a flush (post_migrate), and never overwrites what the center changed since."""

from __future__ import annotations

# (key, German, English, evidence German, evidence English)
_COMMON = [
    (
        "headquarters",
        "Der Hauptsitz des Unternehmens liegt in Deutschland.",
        "The company's headquarters are in Germany.",
        "Handelsregisterauszug",
        "Extract from the commercial register",
    ),
    (
        "support-german",
        "Support und Service werden auf Deutsch angeboten.",
        "Support and service are offered in German.",
        "Support-Bedingungen oder Servicevertrag",
        "Support terms or service contract",
    ),
    (
        "german-law",
        "Die Daten der Kundinnen und Kunden werden nach deutschem Recht verarbeitet "
        "(Vertrag nach deutschem Recht, Gerichtsstand Deutschland).",
        "Customer data is processed under German law (contract under German law, place of jurisdiction in "
        "Germany).",
        "Auftragsverarbeitungsvertrag oder AGB",
        "Data processing agreement or terms and conditions",
    ),
]

SCHEMES = [
    {
        "slug": "software-made-in-germany",
        "name": "Software Made in Germany",
        "description_de": "Für Software, die überwiegend in Deutschland entwickelt und betreut wird.",
        "description_en": "For software mainly developed and maintained in Germany.",
        "criteria": [
            _COMMON[0],
            (
                "development",
                "Die Software wird überwiegend in Deutschland entwickelt.",
                "The software is mainly developed in Germany.",
                "Aufstellung der Entwicklungsstandorte",
                "List of development sites",
            ),
            _COMMON[1],
            _COMMON[2],
        ],
    },
    {
        "slug": "software-hosted-in-germany",
        "name": "Software Hosted in Germany",
        "description_de": "Für Software, die ausschließlich in Rechenzentren in Deutschland betrieben wird.",
        "description_en": "For software operated only in data centres in Germany.",
        "criteria": [
            _COMMON[0],
            (
                "data-centres",
                "Die Software und ihre Daten werden ausschließlich in Rechenzentren in Deutschland betrieben "
                "und gespeichert.",
                "The software and its data are run and stored only in data centres in Germany.",
                "Vertrag oder Zertifikat des Rechenzentrums",
                "Contract or certificate of the data centre",
            ),
            _COMMON[1],
            _COMMON[2],
        ],
    },
]


def seed_label_schemes(scheme_model, version_model, criterion_model, registry_label_model=None) -> None:
    """Create the missing schemes with version 1 of their criteria, and the registry labels of the same slug
    (so that the catalog filter offers them). Models are passed in: the migration passes its historical
    ones."""
    for spec in SCHEMES:
        if registry_label_model is not None:
            registry_label_model.objects.get_or_create(slug=spec["slug"], defaults={"name": spec["name"]})
        scheme, created = scheme_model.objects.get_or_create(
            slug=spec["slug"],
            defaults={k: spec[k] for k in ("name", "description_de", "description_en")},
        )
        if not created and version_model.objects.filter(scheme=scheme).exists():
            continue
        version = version_model.objects.create(scheme=scheme, number=1)
        for position, (key, text_de, text_en, hint_de, hint_en) in enumerate(spec["criteria"]):
            criterion_model.objects.create(
                version=version,
                key=key,
                position=position,
                text_de=text_de,
                text_en=text_en,
                hint_de=hint_de,
                hint_en=hint_en,
            )
