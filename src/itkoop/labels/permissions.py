"""Who may do what with labels: one place, used by the services, the pages and the evidence download.

Applications are the company's: its members apply and see them. The center awards the labels, so only the
center admins review (and see evidence); hub staff do not, since evidence often holds contracts."""

from __future__ import annotations

from itkoop.registry import selectors as registry


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_reviewer(user) -> bool:
    return _active(user) and user.is_center_admin


def is_member(user, company_id: int) -> bool:
    return _active(user) and registry.companies_of_user(user).filter(pk=company_id).exists()


def can_apply(user, solution) -> bool:
    """Members of the solution's company (staff accounts have no company and apply for none)."""
    return is_member(user, solution.company_id)


def can_view_application(user, application) -> bool:
    return is_reviewer(user) or is_member(user, application.solution.company_id)


def can_edit_application(user, application) -> bool:
    """The applicant's company edits and resubmits while the center has asked for more."""
    return application.status == application.Status.CHANGES_REQUESTED and is_member(
        user, application.solution.company_id
    )


def own_company_ids(user) -> set[int]:
    return set(registry.companies_of_user(user).values_list("pk", flat=True)) if _active(user) else set()


def has_conflict(user, application, *, own_companies: set[int] | None = None) -> bool:
    """The reviewer would judge their own company's product, or an application they sent themselves:
    another center admin must decide. ``own_companies`` (own_company_ids) saves a query per application in
    a list."""
    if application.applicant_id == user.pk:
        return True
    if own_companies is None:
        return is_member(user, application.solution.company_id)
    return application.solution.company_id in own_companies


def can_decide(user, application) -> bool:
    return (
        is_reviewer(user)
        and application.status == application.Status.SUBMITTED
        and not has_conflict(user, application)
    )
