"""schema.org descriptions (JSON-LD) of company and solution pages, built from the objects the pages show, so
search engines and other Mittelstand-Digital portals read what the page says: a company as an Organization,
a solution as a SoftwareApplication (or, for a pure service, a Service) offered by its company."""

from __future__ import annotations

from typing import Any

from .models import Company, Solution

SCHEMA = "https://schema.org"


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out what the object does not say (empty texts and lists, unknown numbers)."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def _address(company: Company) -> dict[str, Any] | None:
    address = _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": company.street,
            "postalCode": company.postal_code,
            "addressLocality": company.city,
            "addressCountry": company.country,
        }
    )
    return address if len(address) > 1 else None


def organization_reference(company: Company, request) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": company.name,
        "url": _absolute(request, company.get_absolute_url()),
    }


def company_linked_data(company: Company, request) -> dict[str, Any]:
    page = _absolute(request, company.get_absolute_url())
    geo = (
        {"@type": "GeoCoordinates", "latitude": company.lat, "longitude": company.lon}
        if company.lat is not None and company.lon is not None
        else None
    )
    return _compact(
        {
            "@context": SCHEMA,
            "@type": "Organization",
            "@id": page,
            "name": company.name,
            "description": company.localized_description,
            "url": company.website or page,
            "mainEntityOfPage": page,
            "address": _address(company),
            "geo": geo,
            "numberOfEmployees": {"@type": "QuantitativeValue", "value": company.employees}
            if company.employees is not None
            else None,
            "foundingDate": str(company.founded) if company.founded else None,
            "knowsLanguage": list(company.languages),
            "keywords": ", ".join(company.keywords),
            "makesOffer": [
                {
                    "@type": "Offer",
                    "itemOffered": {
                        "@type": "Thing",
                        "name": s.name,
                        "url": _absolute(request, s.get_absolute_url()),
                    },
                }
                for s in company.solutions.all()
            ],
        }
    )


def solution_linked_data(solution: Solution, request) -> dict[str, Any]:
    page = _absolute(request, solution.get_absolute_url())
    is_service = list(solution.deployment) == [Solution.Deployment.SERVICE]
    offer = (
        {
            "@type": "Offer",
            "price": f"{solution.price_eur_month:.2f}",
            "priceCurrency": "EUR",
            "priceSpecification": {
                "@type": "UnitPriceSpecification",
                "price": f"{solution.price_eur_month:.2f}",
                "priceCurrency": "EUR",
                "unitCode": "MON",
            },
        }
        if solution.price_eur_month is not None
        else None
    )
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Service" if is_service else "SoftwareApplication",
        "@id": page,
        "name": solution.name,
        "description": solution.description,
        "url": page,
        "provider": organization_reference(solution.company, request),
        "offers": offer,
    }
    features = [c.label for c in solution.capabilities.all()]
    if is_service:
        data["serviceType"] = ", ".join(features)
    else:
        data["applicationCategory"] = "BusinessApplication"
        data["featureList"] = features
        data["availableLanguage"] = list(solution.languages)
    return _compact(data)
