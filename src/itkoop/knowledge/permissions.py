"""Who may change what in the knowledge base and the self-check: object level, one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article

if TYPE_CHECKING:  # type hints only: other apps' models are reached through their selectors
    from itkoop.registry.models import Company


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_edit_article(user, article: Article | None = None) -> bool:
    """The center's editors (center admins) write the knowledge base; hub staff and members read it."""
    return _active(user) and user.is_center_admin


def can_view_article(user, article: Article) -> bool:
    return article.published or can_edit_article(user, article)


def can_save_selfcheck(user, company: Company) -> bool:
    """Only the company's own members record a self-check for it: it is their self-assessment."""
    return _active(user) and company.memberships.filter(user=user).exists()


def can_view_selfcheck_results(user, company: Company) -> bool:
    """Members of the company, the staff of its hub (who advise it) and the center admins."""
    if not _active(user):
        return False
    if user.is_center_admin or (user.is_hub_staff and company.hub_id == user.hub_id):
        return True
    return company.memberships.filter(user=user).exists()
