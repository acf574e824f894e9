"""Who hears what about an invitation (issue 9.3): the invitation e-mail names the inviter (person and
company) and the need, holds the personal message and an absolute link, in the recipient's language; the
inviter and the partners who accepted hear each answer, in-app and by e-mail."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import resolve
from django.utils import translation

from itkoop.cooperation import notifications as kinds
from itkoop.cooperation import services
from itkoop.notifications.models import Notification

from ..factories import CompanyFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db
SITE = "https://itkoop.example"
NEED = "Wir brauchen einen Onlineshop mit Anbindung an die Warenwirtschaft"


@pytest.fixture
def companies():
    return [
        CompanyFactory(name="Tischlerei Holzwurm"),
        CompanyFactory(name="Nordlicht ERP GmbH"),
        CompanyFactory(name="Shopwerk Aachen UG"),
    ]


@pytest.fixture
def inviter(companies):
    user = UserFactory(first_name="Anna", last_name="Muster")
    user.memberships.create(company=companies[0], role="owner")
    return user


def _invite(inviter, companies, capture, **kwargs):
    with capture(execute=True):
        return services.cooperation_invite(
            actor=inviter,
            companies=companies,
            title="Shop für die Tischlerei",
            need_text=NEED,
            message="Guten Tag,\nwir suchen <Partner> für unseren Shop.",
            accept_code_of_conduct=True,
            **kwargs,
        )


def _link(text: str) -> str:
    return re.search(r"https?://\S+/kooperation/\d+/", text).group(0)


@override_settings(ITKOOP_SITE_URL=SITE)
@pytest.mark.parametrize(
    ("language", "subject", "inviter_words", "need_word"),
    [
        (
            "de",
            "Anna Muster (Tischlerei Holzwurm) lädt Nordlicht ERP GmbH zur Kooperation",
            "Eingeladen von",
            "Bedarf",
        ),
        (
            "en",
            "Anna Muster (Tischlerei Holzwurm) invites Nordlicht ERP GmbH to the cooperation",
            "Invited by",
            "Need",
        ),
    ],
)
def test_the_invitation_mail_names_inviter_and_need_in_the_recipients_language(
    companies, inviter, django_capture_on_commit_callbacks, language, subject, inviter_words, need_word
):
    partner = member_of(companies[1])
    partner.language = language
    partner.save(update_fields=["language"])
    cooperation = _invite(inviter, companies[:2], django_capture_on_commit_callbacks)
    (message,) = [m for m in mail.outbox if m.to == [partner.email]]
    assert message.subject.startswith(f"itkoop: {subject}")
    text = message.body
    assert f"{inviter_words}: Anna Muster (Tischlerei Holzwurm)" in text
    assert f"{need_word}: {NEED}" in text
    assert "wir suchen <Partner> für unseren Shop." in text, (
        "the plain-text part holds the message as written"
    )
    link = _link(text)
    assert link.startswith(SITE + "/")
    with translation.override(language):
        match = resolve(link.removeprefix(SITE))
    assert match.view_name == "cooperation:detail" and match.kwargs["pk"] == cooperation.pk
    html = message.alternatives[0][0]
    assert f'href="{link}"' in html
    assert "&lt;Partner&gt;" in html and "<Partner>" not in html, "the HTML part escapes the message"
    assert f'lang="{language}"' in html


def test_the_invitation_link_opens_the_cooperation_for_the_invited(
    client, companies, inviter, django_capture_on_commit_callbacks
):
    partner = member_of(companies[1])
    _invite(inviter, companies[:2], django_capture_on_commit_callbacks)
    (message,) = [m for m in mail.outbox if m.to == [partner.email]]
    path = re.sub(r"^https?://[^/]+", "", _link(message.body))
    client.force_login(partner)
    page = client.get(path)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Shop für die Tischlerei" in body and "&lt;Partner&gt;" in body and "Zusagen" in body


def test_the_inviter_and_accepted_partners_hear_each_answer(
    companies, inviter, django_capture_on_commit_callbacks
):
    colleague = member_of(companies[0])
    nordlicht, shopwerk = member_of(companies[1]), member_of(companies[2])
    cooperation = _invite(inviter, companies, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.participant_respond(
            actor=nordlicht,
            participant=cooperation.participants.get(company=companies[1]),
            accept=True,
            accept_code_of_conduct=True,
        )
    accepted = Notification.objects.filter(kind=kinds.ANSWER_ACCEPTED)
    # The inviter and the other accepted company's members; not the one who answered, not the open company.
    assert set(accepted.values_list("recipient", flat=True)) == {inviter.pk, colleague.pk}
    assert accepted.first().params == {
        "cooperation_id": cooperation.pk,
        "title": "Shop für die Tischlerei",
        "company": "Nordlicht ERP GmbH",
    }
    assert any(
        m.to == [inviter.email]
        and "Nordlicht ERP GmbH hat die Einladung" in m.subject
        and "angenommen" in m.subject
        for m in mail.outbox
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.participant_respond(
            actor=shopwerk, participant=cooperation.participants.get(company=companies[2]), accept=False
        )
    declined = Notification.objects.filter(kind=kinds.ANSWER_DECLINED)
    assert set(declined.values_list("recipient", flat=True)) == {inviter.pk, colleague.pk, nordlicht.pk}
    assert declined.first().params["company"] == "Shopwerk Aachen UG"


def test_an_answer_is_rendered_in_the_readers_language(
    client, companies, inviter, django_capture_on_commit_callbacks
):
    cooperation = _invite(inviter, companies[:2], django_capture_on_commit_callbacks)
    services.participant_respond(
        actor=member_of(companies[1]),
        participant=cooperation.participants.get(company=companies[1]),
        accept=False,
    )
    client.force_login(inviter)
    english = client.get("/en/mein/posteingang/").content.decode()
    assert "Nordlicht ERP GmbH has declined the invitation to the cooperation" in english
    german = client.get("/mein/posteingang/").content.decode()
    assert (
        "Nordlicht ERP GmbH hat die Einladung zur Kooperation „Shop für die Tischlerei“ abgelehnt." in german
    )


def test_the_inviter_hears_answers_when_brokering_without_a_company(
    companies, django_capture_on_commit_callbacks
):
    from ..factories import hub_staff

    staff = hub_staff("kassel")
    with django_capture_on_commit_callbacks(execute=True):
        cooperation = services.cooperation_invite(actor=staff, companies=companies[1:], title="Vermittelt")
    services.participant_respond(
        actor=member_of(companies[1]),
        participant=cooperation.participants.get(company=companies[1]),
        accept=True,
        accept_code_of_conduct=True,
    )
    assert staff.notifications.filter(kind=kinds.ANSWER_ACCEPTED).count() == 1


def test_invitations_stored_before_they_named_the_inviter_still_read_as_a_sentence(companies, inviter):
    import importlib

    from django.apps import apps

    from itkoop.notifications.rendering import render

    cooperation = services.cooperation_invite(
        actor=inviter, companies=companies[:2], title="Alt", accept_code_of_conduct=True
    )
    partner = member_of(companies[1])
    old = Notification.objects.create(
        recipient=partner,
        kind=kinds.INVITED,
        params={"cooperation_id": cooperation.pk, "company": companies[1].name, "title": "Alt"},
    )
    assert render(old).title == "Einladungen zu Kooperationen", "without the inviter only the label is left"
    migration = importlib.import_module(
        "itkoop.cooperation.migrations.0007_invitation_notices_name_the_inviter"
    )
    migration.name_the_inviter(apps, None)
    old.refresh_from_db()
    assert render(old).title == "Anna Muster lädt Nordlicht ERP GmbH zur Kooperation „Alt“ ein."
