"""The joint offer of the need page as PDF. Matching sits below this app in the layers and cannot register a
kind itself (it would have to import this app), so its kind is declared here, from matching's services."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from itkoop.matching import services as matching
from itkoop.registry import selectors as registry

from .kinds import DocumentKind, DocumentRequestError, Params, register

OFFER = "matching.offer"


def _params(user, data: Mapping[str, Any]) -> Params:
    company = registry.companies_of_user(user).first()
    try:
        return matching.offer_document_params(
            data=data, customer_company_id=company.external_id if company else None
        )
    except matching.MatchRequestError as error:
        raise DocumentRequestError(str(error)) from error


def _may_access(user, params: Params) -> bool:
    # The offer shows what the need page shows anyone; a document needs an account only to belong to one.
    return bool(user.is_authenticated)


def _render(params: Params, language: str) -> tuple[str, bytes]:
    try:
        return matching.offer_document_render(params)
    except matching.MatchRequestError as error:
        raise DocumentRequestError(str(error)) from error


register(
    DocumentKind(
        key=OFFER,
        label=_("Gesamtangebot als PDF"),
        params_from=_params,
        may_access=_may_access,
        render=_render,
    )
)
