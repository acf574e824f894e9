"""Account use cases: a member creates their company and becomes its owner."""

from django.db import transaction

from itkoop.registry import services as registry

from .models import Membership


@transaction.atomic
def company_create_for_member(*, actor, form):
    """The registry creates the company from its profile form; the member becomes its owner."""
    company = registry.company_create(actor=actor, form=form)
    Membership.objects.create(user=actor, company=company, role=Membership.Role.OWNER)
    return company
