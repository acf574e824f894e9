"""The review before invitations go out (issue 9.3): from the need page and from the manual invitation page.
GET shows the chosen companies, an editable title and a personal message and writes nothing; the inviter's
own company takes part and accepts at once; a double submit invites once; bad input changes nothing."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services
from itkoop.cooperation.models import Cooperation, CooperationParticipant
from itkoop.cooperation.services.cooperations import MAX_MESSAGE_CHARS, MAX_TITLE_CHARS
from itkoop.notifications.models import Notification
from itkoop.registry.models import Company

from ..factories import CompanyFactory, hub_staff, member_of

pytestmark = pytest.mark.django_db
NEED = "Wir brauchen einen Onlineshop, eine Warenwirtschaft und die Anbindung an die Buchhaltung"


# --- the title from the need ---


def test_a_short_need_is_the_title_as_written():
    assert services.default_title("  Onlineshop   mit\nWarenwirtschaft ") == "Onlineshop mit Warenwirtschaft"


@pytest.mark.parametrize("word", ["Warenwirtschaft", "a", "Buchhaltungssoftwareanbindung"])
def test_a_long_need_is_cut_at_a_word_boundary_with_an_ellipsis(word):
    text = " ".join([word] * (MAX_TITLE_CHARS // len(word) + 5))
    title = services.default_title(text)
    assert len(title) <= MAX_TITLE_CHARS
    assert title.endswith("…")
    words = title.removesuffix("…").split(" ")
    assert all(w == word for w in words), "no word is cut"


def test_the_cut_drops_a_trailing_comma_before_the_ellipsis():
    text = ("Onlineshop, " * 30).strip()
    title = services.default_title(text)
    assert title.endswith("Onlineshop…") and len(title) <= MAX_TITLE_CHARS


def test_a_need_exactly_as_long_as_a_title_is_not_cut():
    text = "x" * MAX_TITLE_CHARS
    assert services.default_title(text) == text


# --- the need page's review ---


@pytest.fixture
def customer(mini_catalog):
    return member_of(CompanyFactory(kind=Company.Kind.CUSTOMER, name="Tischlerei Holzwurm"))


def _token(client, user, text=NEED):
    client.force_login(user)
    return client.get(reverse("matching:need"), {"text": text}).context["bundles"][0]["invite_token"]


def _review(client, token):
    return client.get(reverse("cooperation:bundle_invite"), {"token": token})


def _send(client, token, **fields):
    data = {"token": token, "title": "Shop mit Warenwirtschaft", "accept_code_of_conduct": "on", **fields}
    return client.post(reverse("cooperation:bundle_invite"), data)


def test_the_need_page_leads_to_the_review_by_get(client, customer):
    client.force_login(customer)
    page = client.get(reverse("matching:need"), {"text": NEED}).content.decode()
    action = reverse("cooperation:bundle_invite")
    assert f'<form method="get" action="{action}"' in page


def test_the_review_shows_providers_with_their_contributions_and_writes_nothing(client, customer):
    token = _token(client, customer)
    response = _review(client, token)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Einladung prüfen" in page
    for name in ("Nordlicht ERP GmbH", "Shopwerk Aachen UG", "Kontor Finanzsoftware KG"):
        assert name in page
    nordlicht = Company.objects.get(external_id="c1")
    assert f'href="{nordlicht.get_absolute_url()}"' in page
    # What each brings: a solution of the offer with the capabilities it covers.
    invited = response.context["invited"]
    assert all(row["contributions"] for row in invited)
    assert "Tischlerei Holzwurm" in page and "Ihr Unternehmen nimmt teil" in page
    assert response.context["form"].initial["title"] == NEED
    assert 'name="accept_code_of_conduct"' in page and 'name="message"' in page
    assert not Cooperation.objects.exists() and not Notification.objects.exists()


def test_the_title_defaults_to_the_need_cut_at_a_word(client, customer):
    # the words added name no capability, so the need and its offers stay those of NEED (a capability named
    # eight times would put the others 'in passing')
    long_need = NEED + ", " + " ".join(["für unsere drei Filialen in Kassel und Göttingen"] * 8)
    response = _review(client, _token(client, customer, long_need))
    title = response.context["form"].initial["title"]
    assert len(title) <= MAX_TITLE_CHARS and title.endswith("…")
    assert long_need.startswith(title.removesuffix("…"))
    assert long_need[len(title.removesuffix("…"))] in " ,", "cut between words"
    assert f'maxlength="{MAX_TITLE_CHARS}"' in response.content.decode()


def test_sending_the_review_invites_with_title_and_message_and_accepts_for_the_inviter(client, customer):
    token = _token(client, customer)
    response = _send(
        client, token, title="  Shop   für die Tischlerei ", message="Hallo zusammen,\nbis bald."
    )
    cooperation = Cooperation.objects.get()
    assert response.status_code == 302 and response["Location"] == cooperation.get_absolute_url()
    assert cooperation.title == "Shop für die Tischlerei"
    assert cooperation.message == "Hallo zusammen,\nbis bald."
    assert cooperation.need_text == NEED
    states = {p.company.name: p.state for p in cooperation.participants.select_related("company")}
    assert states.pop("Tischlerei Holzwurm") == CooperationParticipant.State.ACCEPTED
    assert set(states.values()) == {CooperationParticipant.State.INVITED}
    own = cooperation.participants.get(company__name="Tischlerei Holzwurm")
    assert own.responded_by == customer and own.accepted_code_of_conduct_at is not None
    assert not customer.notifications.filter(kind="cooperation.invited").exists(), "nobody invites themself"


def test_sending_without_the_code_of_conduct_changes_nothing(client, customer):
    token = _token(client, customer)
    response = _send(client, token, accept_code_of_conduct="")
    assert response.status_code == 200
    assert "Verhaltenskodex" in response.content.decode()
    assert not Cooperation.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "   "}, "Dieses Feld ist zwingend erforderlich."),
        ({"title": "x" * (MAX_TITLE_CHARS + 1)}, f"höchstens {MAX_TITLE_CHARS} Zeichen"),
        ({"message": "x" * (MAX_MESSAGE_CHARS + 1)}, f"höchstens {MAX_MESSAGE_CHARS} Zeichen"),
    ],
)
def test_bad_title_or_message_shows_a_clear_message_and_changes_nothing(client, customer, fields, message):
    token = _token(client, customer)
    response = _send(client, token, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Cooperation.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": " "}, "einen Titel"),
        ({"title": "x" * (MAX_TITLE_CHARS + 1)}, "Titel darf höchstens"),
        ({"title": "T", "message": "x" * (MAX_MESSAGE_CHARS + 1)}, "Nachricht darf höchstens"),
    ],
)
def test_the_service_refuses_bad_title_or_message_too(kwargs, message):
    companies = [CompanyFactory(), CompanyFactory()]
    with pytest.raises(services.CooperationError, match=message):
        services.cooperation_invite(
            actor=member_of(companies[0]), companies=companies, accept_code_of_conduct=True, **kwargs
        )
    assert not Cooperation.objects.exists()


def test_markup_in_the_message_is_shown_escaped(client, customer):
    token = _token(client, customer)
    _send(client, token, message="<script>alert(1)</script>\n<b>fett</b>")
    cooperation = Cooperation.objects.get()
    assert cooperation.message == "<script>alert(1)</script>\n<b>fett</b>", "stored as written"
    page = client.get(cooperation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>fett</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b&gt;fett&lt;/b&gt;" in page


# --- the manual invitation page ---


@pytest.fixture
def pair():
    return [CompanyFactory(name="Erste Software GmbH"), CompanyFactory(name="Zweite Daten AG")]


def _manual_review(client, companies, **query):
    ids = ",".join(c.external_id for c in companies)
    return client.get(reverse("cooperation:invite"), {"companies": ids, **query})


def _manual_post(client, review, **fields):
    form = review.context["form"]
    data = {
        "companies": [c.external_id for c in form.initial["companies"]],
        "subject": form.initial["subject"],
        "title": form.initial["title"] or "Shop",
        "nonce": form.initial["nonce"],
        "accept_code_of_conduct": "on",
        **fields,
    }
    return client.post(reverse("cooperation:invite"), data)


def test_the_manual_page_leads_to_the_same_review_and_get_writes_nothing(client, pair):
    client.force_login(member_of(pair[0]))
    choose = client.get(reverse("cooperation:invite"))
    assert choose.status_code == 200 and 'method="get"' in choose.content.decode()
    review = _manual_review(client, pair, subject="Ein gemeinsamer Shop für Handwerker")
    assert review.status_code == 200
    page = review.content.decode()
    assert "Einladung prüfen" in page and "Zweite Daten AG" in page and "Erste Software GmbH" in page
    assert review.context["form"].initial["title"] == "Ein gemeinsamer Shop für Handwerker"
    assert [r["company"] for r in review.context["own"]] == [pair[0]]
    assert not Cooperation.objects.exists() and not Notification.objects.exists()


def test_the_profile_pages_link_with_a_title_prefills_the_review(client, pair):
    client.force_login(member_of(pair[0]))
    review = _manual_review(client, pair, title="OCR-Partner gesucht")
    assert review.context["form"].initial["title"] == "OCR-Partner gesucht"


def test_the_manual_review_sends_once_even_when_submitted_twice(
    client, pair, django_capture_on_commit_callbacks
):
    from django.core import mail

    inviter = member_of(pair[0])
    partner = member_of(pair[1])
    client.force_login(inviter)
    review = _manual_review(client, pair)
    with django_capture_on_commit_callbacks(execute=True):
        first = _manual_post(client, review, message="Bis bald")
        second = _manual_post(client, review, message="Bis bald")
    cooperation = Cooperation.objects.get()
    assert first["Location"] == second["Location"] == cooperation.get_absolute_url()
    assert Notification.objects.filter(kind="cooperation.invited").count() == 1
    assert [m.to for m in mail.outbox] == [[partner.email]]
    assert cooperation.participants.get(company=pair[0]).state == CooperationParticipant.State.ACCEPTED
    # A new review (a new nonce) is a new invitation, knowingly.
    _manual_post(client, _manual_review(client, pair))
    assert Cooperation.objects.count() == 2


def test_a_nonce_made_for_another_user_is_refused_and_replaced(client, pair):
    other = member_of(pair[0])
    client.force_login(member_of(pair[0]))
    review = _manual_review(client, pair)
    response = _manual_post(client, review, nonce=services.invite_form_nonce(actor=other))
    assert response.status_code == 200 and "Das Formular ist abgelaufen" in response.content.decode()
    assert not Cooperation.objects.exists()
    fresh = response.context["form"]["nonce"].value()
    assert services.invite_form_digest(fresh, actor=response.wsgi_request.user)
    response = _manual_post(client, review, nonce=fresh)
    assert response.status_code == 302 and Cooperation.objects.count() == 1


def test_a_forged_or_missing_nonce_invites_nobody(client, pair):
    client.force_login(member_of(pair[0]))
    review = _manual_review(client, pair)
    for nonce in ("forged", ""):
        response = _manual_post(client, review, nonce=nonce)
        assert response.status_code == 200 and "Das Formular ist abgelaufen" in response.content.decode()
    assert not Cooperation.objects.exists()


def test_hub_staff_broker_without_a_code_of_conduct_of_their_own(client, pair):
    client.force_login(hub_staff("kassel"))
    review = _manual_review(client, pair)
    assert "accept_code_of_conduct" not in review.context["form"].fields
    assert review.context["own"] == []
    response = _manual_post(client, review, accept_code_of_conduct="")
    assert response.status_code == 302
    assert set(Cooperation.objects.get().participants.values_list("state", flat=True)) == {"invited"}


def test_a_review_of_unknown_companies_goes_back_to_the_choice(client, pair):
    client.force_login(member_of(pair[0]))
    response = client.get(reverse("cooperation:invite"), {"companies": f"{pair[0].external_id},nope"})
    assert response.status_code == 200
    assert response.templates[0].name == "cooperation/invite.html"
    assert "errorlist" in response.content.decode()


def test_the_back_link_shows_the_choice_prefilled(client, pair):
    client.force_login(member_of(pair[0]))
    review = _manual_review(client, pair, subject="Shop")
    back = client.get(review.context["back_url"])
    assert back.templates[0].name == "cooperation/invite.html"
    assert set(back.context["form"]["companies"].value()) == {c.external_id for c in pair}


def test_the_personal_message_is_part_of_the_inviters_data_export(pair):
    from itkoop.cooperation.personal_data import export_cooperation_data

    inviter = member_of(pair[0])
    services.cooperation_invite(
        actor=inviter, companies=pair, title="Shop", message="Meine Worte", accept_code_of_conduct=True
    )
    (row,) = export_cooperation_data(inviter)["cooperations"]
    assert row["message"] == "Meine Worte"
