"""“Mein Bereich”: what waits for me first, each list with an empty state that says what to do next."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services as cooperation_services

from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


def test_dashboard_empty_states_say_what_to_do(client):
    client.force_login(UserFactory())
    page = client.get(reverse("dashboard:index")).content.decode()
    assert "Sie gehören noch zu keinem Unternehmen." in page
    assert reverse("events:list") in page
    assert reverse("cooperation:market") in page
    assert reverse("conversations:list") in page
    assert reverse("notifications:inbox") in page
    assert "Wartet auf Sie" not in page


def test_dashboard_shows_open_invitations_and_cooperations(client):
    companies = [CompanyFactory(hub_id="kassel") for _ in range(2)]
    cooperation = cooperation_services.cooperation_invite(
        actor=member_of(companies[0]), companies=companies, title="ERP-Shop", accept_code_of_conduct=True
    )
    client.force_login(member_of(companies[1]))
    page = client.get(reverse("dashboard:index")).content.decode()
    assert "Wartet auf Sie" in page
    assert cooperation.get_absolute_url() in page
    assert page.index("Wartet auf Sie") < page.index("Meine Kooperationen")


def test_dashboard_needs_login(client):
    assert "/konto/login/" in client.get(reverse("dashboard:index"))["Location"]
