"""Writes of the cooperation app, one module per bounded use-case group; import from here."""

from .contracts import contract_template_save
from .cooperations import (
    MAX_MESSAGE_CHARS,
    MAX_TITLE_CHARS,
    CooperationError,
    OwnCompanyRequired,
    cooperation_invite,
    cooperation_invite_check,
    cooperation_record_result,
    cooperation_withdraw,
    default_title,
    invite_form_digest,
    invite_form_nonce,
    inviter_companies,
    offer_companies,
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
)
from .network import inquiry_submit, route_inquiry

__all__ = [
    "MAX_MESSAGE_CHARS",
    "MAX_TITLE_CHARS",
    "CooperationError",
    "MarketplaceError",
    "OwnCompanyRequired",
    "contract_template_save",
    "cooperation_invite",
    "cooperation_invite_check",
    "cooperation_record_result",
    "cooperation_withdraw",
    "default_title",
    "inquiry_submit",
    "interest_answer",
    "interest_submit",
    "invite_form_digest",
    "invite_form_nonce",
    "inviter_companies",
    "offer_companies",
    "offer_invite",
    "participant_respond",
    "profile_create",
    "profile_moderate",
    "profile_renew",
    "profile_update",
    "route_inquiry",
]
