"""Writes of the cooperation app, one module per bounded use-case group; import from here."""

from .contracts import contract_template_save
from .cooperations import (
    CooperationError,
    OwnCompanyRequired,
    cooperation_invite,
    cooperation_record_result,
    offer_invite,
    participant_respond,
)
from .marketplace import (
    MarketplaceError,
    interest_answer,
    interest_submit,
    profile_create,
    profile_moderate,
    profile_renew,
    profile_update,
    register_interest_accepted_listener,
)
from .network import inquiry_submit, route_inquiry

__all__ = [
    "CooperationError",
    "MarketplaceError",
    "OwnCompanyRequired",
    "contract_template_save",
    "cooperation_invite",
    "cooperation_record_result",
    "inquiry_submit",
    "interest_answer",
    "interest_submit",
    "offer_invite",
    "participant_respond",
    "profile_create",
    "profile_moderate",
    "profile_renew",
    "profile_update",
    "register_interest_accepted_listener",
    "route_inquiry",
]
