"""Every page of the cooperation app and the figures render in English too."""

import pytest
from django.utils import translation

from itkoop.cooperation import services

from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db


def test_pages_render_in_english(client):
    first, second = CompanyFactory(hub_id="kassel"), CompanyFactory(hub_id="kassel")
    member = member_of(first)
    cooperation = services.cooperation_invite(
        actor=member_of(first), companies=[first, second], title="Shop", accept_code_of_conduct=True
    )
    profile = services.profile_create(
        actor=member, company=first, kind="business_offer", title="Offer", body="B"
    )
    client.force_login(member)
    with translation.override("en"):
        pages = [
            "/en/kooperation/",
            "/en/kooperation/neu/",
            f"/en/kooperation/neu/?companies={first.external_id},{second.external_id}",
            f"/en/kooperation/{cooperation.pk}/",
            "/en/kooperation/verhaltenskodex/",
            "/en/mein/posteingang/",
            "/en/kooperation/marktplatz/",
            "/en/kooperation/marktplatz/neu/",
            f"/en/kooperation/marktplatz/{profile.pk}/",
            f"/en/kooperation/marktplatz/{profile.pk}/bearbeiten/",
            "/en/netzwerk/",
        ]
        for url in pages:
            response = client.get(url)
            assert response.status_code == 200, url
            assert 'lang="en"' in response.content.decode(), url
        client.force_login(hub_staff("kassel"))
        assert client.get("/en/kennzahlen/").status_code == 200
        client.force_login(center_admin())
        assert client.get("/en/kooperation/vorlagen/").status_code == 200
