"""Generated ids hold under double submits (issue 16.10): four parallel "create company" posts with one name
make four companies with distinct ids, not 500s; the same for adding solutions. Real threads, connections."""

import pytest

from itkoop.accounts.models import User
from itkoop.registry import services
from itkoop.registry.models import Company, Solution

from ..factories import CompanyFactory, UserFactory, member_of
from ..threads import in_threads

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("threads_share_database")]


def _create_company(user_pk: int):
    return services.company_create(
        actor=User.objects.get(pk=user_pk), fields={"name": "Doppelklick GmbH", "kind": Company.Kind.PROVIDER}
    )


def _add_solution(user_pk: int, company_pk: int, name: str):
    return services.solution_save(
        actor=User.objects.get(pk=user_pk), company_id=company_pk, fields={"name": name}
    )


def test_four_parallel_companies_with_one_name_get_distinct_ids():
    users = [UserFactory() for _ in range(4)]
    _results, errors = in_threads(_create_company, [(u.pk,) for u in users])
    assert errors == []
    ids = sorted(Company.objects.filter(name="Doppelklick GmbH").values_list("external_id", flat=True))
    assert len(ids) == 4 and len(set(ids)) == 4
    assert "doppelklick-gmbh" in ids


def test_four_parallel_solutions_of_one_company_get_distinct_ids():
    company = CompanyFactory()
    user = member_of(company)
    _results, errors = in_threads(_add_solution, [(user.pk, company.pk, f"Lösung {i}") for i in range(4)])
    assert errors == []
    ids = list(Solution.objects.filter(company=company).values_list("external_id", flat=True))
    assert len(ids) == 4 and len(set(ids)) == 4
