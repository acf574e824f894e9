"""Every write view of the registry with every role: who may, who may not; refusals change nothing."""

import pytest
from django.urls import reverse

from itkoop.accounts.models import Membership
from itkoop.registry.models import Company, Solution

from ..factories import CompanyFactory, SolutionFactory, UserFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other_member", "member", "staff_same_hub", "staff_other_hub", "center_admin"]
MAY_EDIT = {"member", "staff_same_hub", "center_admin"}
MAY_VERIFY = {"staff_same_hub", "center_admin"}


@pytest.fixture
def company():
    return CompanyFactory(hub_id="kassel", name="Alt GmbH")


def _login_as(client, role: str, company: Company):
    user = {
        "anonymous": lambda: None,
        "other_member": lambda: member_of(CompanyFactory(hub_id="kassel")),
        "member": lambda: member_of(company),
        "staff_same_hub": lambda: hub_staff("kassel"),
        "staff_other_hub": lambda: hub_staff("berlin"),
        "center_admin": center_admin,
    }[role]()
    if user:
        client.force_login(user)
    return user


def _refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


@pytest.mark.parametrize("role", ROLES)
def test_company_edit(client, company, role):
    _login_as(client, role, company)
    url = reverse("registry:company_edit", args=[company.external_id])
    response = client.post(
        url, {"name": "Neu GmbH", "kind": "provider", "postal_code": "34119", "hub": "kassel"}
    )
    company.refresh_from_db()
    if role in MAY_EDIT:
        assert response.status_code == 302 and company.name == "Neu GmbH"
    else:
        assert _refused(response) and company.name == "Alt GmbH"


@pytest.mark.parametrize("role", ROLES)
def test_company_verify(client, company, role):
    _login_as(client, role, company)
    response = client.post(reverse("registry:company_verify", args=[company.external_id]), {"verified": "1"})
    company.refresh_from_db()
    if role in MAY_VERIFY:
        assert response.status_code == 302 and company.verified and company.verified_at is not None
    else:
        assert _refused(response) and not company.verified


@pytest.mark.parametrize("role", ROLES)
def test_solution_create(client, company, role):
    _login_as(client, role, company)
    response = client.post(
        reverse("registry:solution_create", args=[company.external_id]),
        {"name": "Neue Lösung", "capabilities": ["erp"], "provides": ["datev"]},
    )
    created = Solution.objects.filter(company=company, name="Neue Lösung")
    if role in MAY_EDIT:
        assert response.status_code == 302 and created.exists()
    else:
        assert _refused(response) and not created.exists()


@pytest.mark.parametrize("role", ROLES)
def test_solution_edit_and_delete(client, company, role):
    solution = SolutionFactory(company=company, name="Alt")
    solution.capabilities.set(["erp"])
    _login_as(client, role, company)
    response = client.post(
        reverse("registry:solution_edit", args=[solution.external_id]),
        {"name": "Neu", "capabilities": ["erp"]},
    )
    solution.refresh_from_db()
    assert (solution.name == "Neu") == (role in MAY_EDIT)
    if role not in MAY_EDIT:
        assert _refused(response)
    response = client.post(reverse("registry:solution_delete", args=[solution.external_id]))
    assert Solution.objects.filter(pk=solution.pk).exists() == (role not in MAY_EDIT)


def test_company_create_makes_the_creator_owner_and_unverified(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:company_create"),
        {"name": "Frisch IT UG", "kind": "provider", "postal_code": "52062", "hub": "aachen"},
    )
    company = Company.objects.get(name="Frisch IT UG")
    assert response.status_code == 302
    assert not company.verified
    assert company.memberships.get().user == user


def test_company_create_requires_login(client):
    response = client.post(reverse("accounts:company_create"), {"name": "X", "kind": "provider"})
    assert _refused(response) and not Company.objects.filter(name="X").exists()


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("postal_code", "3411", "fünf Ziffern"),
        ("founded", "1200", "zwischen 1800 und 2100"),
        ("name", "", ""),
    ],
)
def test_bad_profile_input_is_refused_clearly_and_changes_nothing(client, company, field, value, error):
    client.force_login(member_of(company))
    data = {"name": "Neu GmbH", "kind": "provider", "postal_code": "34119", field: value}
    response = client.post(reverse("registry:company_edit", args=[company.external_id]), data)
    company.refresh_from_db()
    assert response.status_code == 200
    assert error in response.content.decode()
    assert company.name == "Alt GmbH"


def test_a_price_beyond_the_bound_is_a_form_error_and_changes_nothing(client, company):
    """Two prices near the largest float add up to infinity in a bundle's price, which no page can show."""
    client.force_login(member_of(company))
    data = {"name": "Teuer", "capabilities": ["erp"], "price_eur_month": "1e300"}
    response = client.post(reverse("registry:solution_create", args=[company.external_id]), data)
    assert response.status_code == 200 and "höchstens 1.000.000.000 EUR" in response.content.decode()
    assert not Solution.objects.filter(name="Teuer").exists()


def test_solution_needs_a_capability(client, company):
    client.force_login(member_of(company))
    response = client.post(reverse("registry:solution_create", args=[company.external_id]), {"name": "Leer"})
    assert response.status_code == 200 and "mindestens eine Fähigkeit" in response.content.decode()
    assert not Solution.objects.filter(name="Leer").exists()


@pytest.mark.parametrize("role", ["staff_same_hub", "staff_other_hub", "center_admin", "member"])
def test_admin_shows_hub_staff_only_their_hub(client, company, role):
    other = CompanyFactory(hub_id="berlin", name="Berliner Firma")
    _login_as(client, role, company)
    response = client.get(reverse("admin:registry_company_changelist"))
    if role == "member":
        assert response.status_code in (302, 403)
        return
    body = response.content.decode()
    assert response.status_code == 200
    assert (company.name in body) == (role in {"staff_same_hub", "center_admin"})
    assert (other.name in body) == (role in {"staff_other_hub", "center_admin"})
    change = client.get(reverse("admin:registry_company_change", args=[other.pk]))
    assert (change.status_code == 200) == (role in {"staff_other_hub", "center_admin"})


@pytest.mark.parametrize("role", ["staff_same_hub", "center_admin"])
def test_staff_do_not_verify_their_own_company(client, company, role):
    """Conflict of interest: staff who belong to the company would vouch for themselves; they are told that
    another person verifies it, and a colleague can."""
    insider = hub_staff("kassel") if role == "staff_same_hub" else center_admin()
    Membership.objects.create(user=insider, company=company)
    client.force_login(insider)
    page = client.get(reverse("registry:company", args=[company.external_id])).content.decode()
    assert "Ihr eigenes Unternehmen markiert eine andere Person" in page
    assert reverse("registry:company_verify", args=[company.external_id]) not in page
    url = reverse("registry:company_verify", args=[company.external_id])
    response = client.post(url, {"verified": "1"}, follow=True)
    company.refresh_from_db()
    assert not company.verified and company.verified_by is None
    assert "Ihr eigenes Unternehmen markiert eine andere Person" in response.content.decode()
    client.force_login(hub_staff("kassel"))
    client.post(url, {"verified": "1"})
    company.refresh_from_db()
    assert company.verified
