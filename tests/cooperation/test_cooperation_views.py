"""Every write view of cooperations with every role: allowed, refused, and refusals change nothing."""

import pytest
from django.urls import reverse

from itkoop.cooperation import services
from itkoop.cooperation.models import ContractTemplate, Cooperation, CooperationParticipant

from ..documents.flow import request_pdf
from ..factories import CompanyFactory, center_admin, hub_staff, member_of

pytestmark = pytest.mark.django_db


def _refused(response) -> bool:
    return response.status_code in (403, 404) or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


@pytest.fixture
def companies():
    return [CompanyFactory(external_id=f"k{i}", hub_id="kassel") for i in range(3)]


@pytest.fixture
def cooperation(companies):
    # Brokered by the hub staff, so every company answers for itself.
    return services.cooperation_invite(
        actor=hub_staff("kassel"), companies=companies[:2], title="Shop mit ERP"
    )


def _user(role, companies):
    return {
        "anonymous": lambda: None,
        "outsider": lambda: member_of(CompanyFactory()),
        "member_invited": lambda: member_of(companies[0]),
        "member_other_participant": lambda: member_of(companies[1]),
        "staff_same_hub": lambda: hub_staff("kassel"),
        "center_admin": center_admin,
    }[role]()


ROLES = [
    "anonymous",
    "outsider",
    "member_invited",
    "member_other_participant",
    "staff_same_hub",
    "center_admin",
]


@pytest.mark.parametrize("role", ROLES)
def test_respond_only_by_members_of_the_invited_company(client, cooperation, companies, role):
    user = _user(role, companies)
    if user:
        client.force_login(user)
    participant = cooperation.participants.get(company=companies[0])
    response = client.post(
        reverse("cooperation:respond", args=[participant.pk]), {"accept": "1", "accept_code_of_conduct": "on"}
    )
    participant.refresh_from_db()
    if role == "member_invited":
        assert response.status_code == 302 and participant.state == CooperationParticipant.State.ACCEPTED
        assert participant.responded_by == user and participant.accepted_code_of_conduct_at
    else:
        assert _refused(response) and participant.state == CooperationParticipant.State.INVITED


def test_accept_without_code_of_conduct_shows_a_clear_message_and_changes_nothing(
    client, cooperation, companies
):
    client.force_login(member_of(companies[0]))
    participant = cooperation.participants.get(company=companies[0])
    response = client.post(
        reverse("cooperation:respond", args=[participant.pk]), {"accept": "1"}, follow=True
    )
    participant.refresh_from_db()
    assert "Verhaltenskodex" in response.content.decode()
    assert participant.state == CooperationParticipant.State.INVITED


@pytest.mark.parametrize("role", ROLES)
def test_record_result_only_by_accepted_partners(client, cooperation, companies, role):
    for company in companies[:2]:
        services.participant_respond(
            actor=member_of(company),
            participant=cooperation.participants.get(company=company),
            accept=True,
            accept_code_of_conduct=True,
        )
    user = _user(role, companies)
    if user:
        client.force_login(user)
    response = client.post(
        reverse("cooperation:result", args=[cooperation.pk]),
        {"kind": "project_done", "record": "Shop läuft."},
    )
    cooperation.refresh_from_db()
    if role in {"member_invited", "member_other_participant"}:
        assert response.status_code == 302 and cooperation.state == Cooperation.State.RESULT
    else:
        assert _refused(response) and cooperation.state == Cooperation.State.ACTIVE


@pytest.mark.parametrize("role", ROLES)
def test_detail_visible_to_participants_and_staff_only(client, cooperation, companies, role):
    user = _user(role, companies)
    if user:
        client.force_login(user)
    response = client.get(cooperation.get_absolute_url())
    if role in {"anonymous", "outsider"}:
        assert _refused(response)
    else:
        assert response.status_code == 200 and "Shop mit ERP" in response.content.decode()


def test_invite_page_refuses_a_single_company_before_the_review(client, companies):
    client.force_login(member_of(companies[0]))
    response = client.get(reverse("cooperation:invite"), {"companies": companies[0].external_id})
    assert response.status_code == 200 and "mindestens zwei" in response.content.decode()
    assert response.templates[0].name == "cooperation/invite.html"
    assert not Cooperation.objects.exists()


def test_invite_requires_login(client, companies):
    response = client.post(
        reverse("cooperation:invite"),
        {"title": "X", "companies": [companies[0].external_id, companies[1].external_id]},
    )
    assert _refused(response) and not Cooperation.objects.exists()
    response = client.get(
        reverse("cooperation:invite"), {"companies": f"{companies[0].external_id},{companies[1].external_id}"}
    )
    assert _refused(response)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", ["nda", "agreement"])
def test_contract_drafts_are_pdfs_filled_with_partners(
    client, cooperation, companies, kind, language, django_capture_on_commit_callbacks
):
    client.force_login(member_of(companies[0]))
    detail = client.get(cooperation.get_absolute_url()).content.decode()
    assert reverse("documents:create", args=["cooperation.contract"]) in detail
    response, document, pdf = request_pdf(
        client,
        django_capture_on_commit_callbacks,
        "cooperation.contract",
        {"cooperation": cooperation.pk, "kind": kind, "language": language},
    )
    assert response.status_code == 302 and document.status == "done"
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.body.startswith(b"%PDF")
    name = "nda" if kind == "nda" else "kooperationsvertrag"
    assert f'filename="{name}-{cooperation.pk}-{language}.pdf"' in pdf["Content-Disposition"]
    url = reverse("cooperation:contract", args=[cooperation.pk])
    preview = client.get(url, {"kind": kind, "language": language, "format": "html"}).content.decode()
    assert companies[0].name in preview and companies[1].name in preview and "Shop mit ERP" in preview
    slug = "vertrag-nda" if kind == "nda" else "vertrag-kooperationsvertrag"
    assert f"{slug}/#geheimhaltung" in preview and f"{slug}/#haftung" in preview


def test_contract_of_an_unrelated_cooperation_is_refused(
    client, cooperation, django_capture_on_commit_callbacks
):
    client.force_login(member_of(CompanyFactory()))
    response, document, _ = request_pdf(
        client,
        django_capture_on_commit_callbacks,
        "cooperation.contract",
        {"cooperation": cooperation.pk, "kind": "nda", "language": "de"},
    )
    # Not a party: the cooperation is answered like a missing one (404), so its id reveals nothing.
    assert response.status_code == 404 and document is None
    preview = client.get(
        reverse("cooperation:contract", args=[cooperation.pk]), {"kind": "nda", "language": "de"}
    )
    assert preview.status_code == 404


def test_user_text_cannot_inject_markup_into_contracts(client, companies):
    evil = CompanyFactory(name="<script>alert(1)</script> [x](javascript:alert(1))")
    cooperation = services.cooperation_invite(
        actor=member_of(companies[0]), companies=[companies[0], evil], title="T", accept_code_of_conduct=True
    )
    client.force_login(member_of(companies[0]))
    body = client.get(
        reverse("cooperation:contract", args=[cooperation.pk]),
        {"kind": "nda", "language": "de", "format": "html"},
    ).content.decode()
    assert "<script>alert" not in body and 'href="javascript' not in body


def test_contract_templates_are_seeded_in_both_languages():
    assert set(ContractTemplate.objects.values_list("kind", "language")) == {
        ("nda", "de"),
        ("nda", "en"),
        ("agreement", "de"),
        ("agreement", "en"),
    }


@pytest.mark.parametrize("role", ["anonymous", "outsider", "staff_same_hub", "center_admin"])
def test_only_center_admins_edit_contract_templates(client, companies, role):
    user = _user(role, companies)
    if user:
        client.force_login(user)
    template = ContractTemplate.objects.get(kind="nda", language="de")
    url = reverse("cooperation:contract_template_edit", args=[template.pk])
    response = client.post(url, {"title": "Neu", "body": "## Geheimhaltung\n\nText", "action": "save"})
    template.refresh_from_db()
    if role == "center_admin":
        assert response.status_code == 302 and template.title == "Neu"
    else:
        assert _refused(response) and template.title != "Neu"


def test_template_preview_renders_without_saving(client):
    client.force_login(center_admin())
    template = ContractTemplate.objects.get(kind="nda", language="de")
    response = client.post(
        reverse("cooperation:contract_template_edit", args=[template.pk]),
        {
            "title": "Vorschau",
            "body": "## Haftung\n\n${partner_names} [Erläuterung](${kb_haftung})",
            "action": "preview",
        },
    )
    template.refresh_from_db()
    body = response.content.decode()
    assert response.status_code == 200 and "Beispiel Software GmbH" in body and "#haftung" in body
    assert template.title != "Vorschau"


def test_code_of_conduct_page_is_public(client):
    response = client.get(reverse("cooperation:code_of_conduct"))
    assert response.status_code == 200 and "Verhaltenskodex" in response.content.decode()


@pytest.mark.parametrize("role", ["staff_same_hub", "staff_other_hub", "center_admin", "member"])
def test_admin_shows_hub_staff_only_cooperations_of_their_hub(client, cooperation, companies, role):
    user = {
        "staff_same_hub": lambda: hub_staff("kassel"),
        "staff_other_hub": lambda: hub_staff("berlin"),
        "center_admin": center_admin,
        "member": lambda: member_of(companies[0]),
    }[role]()
    client.force_login(user)
    response = client.get(reverse("admin:cooperation_cooperation_changelist"))
    if role == "member":
        assert response.status_code in (302, 403)
        return
    assert response.status_code == 200
    assert ("Shop mit ERP" in response.content.decode()) == (role != "staff_other_hub")
    change = client.get(reverse("admin:cooperation_cooperation_change", args=[cooperation.pk]))
    assert (change.status_code == 200) == (role != "staff_other_hub")


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", ["nda", "agreement"])
def test_every_clause_link_leads_to_an_explanation_in_the_knowledge_base(
    client, cooperation, companies, kind, language
):
    import re

    client.force_login(member_of(companies[0]))
    preview = client.get(
        reverse("cooperation:contract", args=[cooperation.pk]),
        {"kind": kind, "language": language, "format": "html"},
    ).content.decode()
    links = set(re.findall(r'href="http://testserver(/[^"#]+)#([a-z-]+)"', preview))
    assert len(links) >= 5
    for path, anchor in sorted(links):
        article = client.get(path)
        if article.status_code == 404:
            pytest.skip("the knowledge base has no contract articles in this database")
        assert f'id="{anchor}"' in article.content.decode(), (path, anchor)


def test_detail_shows_the_proposed_bundle_with_names(client, companies):
    from itkoop.registry.models import Solution

    first = Solution.objects.create(external_id="sol-a", name="ERP Alpha", company=companies[0])
    second = Solution.objects.create(external_id="sol-b", name="Shop Beta", company=companies[1])
    bundle = {
        "solutions": [
            {"id": "sol-a", "company": "k0", "covers": ["erp"]},
            {"id": "sol-b", "covers": ["nope"]},
        ],
        "links": [{"from": "sol-a", "to": "sol-b", "standard": "datev"}],
        "uncovered": [],
        "explanation": "Zwei Partner decken alles ab.",
    }
    cooperation = services.cooperation_invite(
        actor=member_of(companies[0]),
        companies=companies[:2],
        title="Mit Bündel",
        bundle=bundle,
        accept_code_of_conduct=True,
    )
    client.force_login(member_of(companies[0]))
    body = client.get(cooperation.get_absolute_url()).content.decode()
    assert first.name in body and second.name in body and "Zwei Partner decken alles ab." in body
    assert "nope" in body  # an unknown capability id is shown as it is, never an error


MARKDOWN_INJECTIONS = [
    "# Evil\n[x](http://e)",
    "* item",
    "Evil GmbH\n\n- eingeschobener Punkt",
    "Evil GmbH\n===",
    "Evil\n\n1. Nummer",
    "Evil\n\n    Code-Block",
    "Evil\n\n> Zitat",
    "Evil\n\n---",
    "<http://e.example> & <b>fett</b>",
]


@pytest.mark.parametrize("name", MARKDOWN_INJECTIONS)
@pytest.mark.parametrize("kind", ["nda", "agreement"])
def test_user_values_are_plain_inline_text_in_contract_drafts(companies, name, kind):
    """Issue 16.13: company names and addresses (and titles, subjects) can add no headings, links, lists,
    quotes, rules or code to a draft; they appear as the plain text they are, on one line."""
    import html as html_lib
    import re

    from itkoop.cooperation.contracts import render_contract

    evil = CompanyFactory(name=name, street=name, postal_code="34117", city="Kassel")
    cooperation = services.cooperation_invite(
        actor=member_of(companies[0]),
        companies=[companies[0], evil],
        title=name,
        subject=name,
        accept_code_of_conduct=True,
    )
    clean = services.cooperation_invite(
        actor=member_of(companies[0]),
        companies=companies[:2],
        title="T",
        subject="S",
        accept_code_of_conduct=True,
    )
    rendered = render_contract(cooperation, kind=kind, language="de").html
    baseline = render_contract(clean, kind=kind, language="de").html
    for tag in ("<h1", "<h2", "<h3", "<li", "<a ", "<blockquote", "<hr", "<pre", "<code", "<ol", "<b>"):
        assert rendered.count(tag) == baseline.count(tag), tag
    one_line = " ".join(name.split())
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert one_line in text and "\\" not in text


def test_markdown_inline_escape_keeps_plain_text_readable():
    import markdown

    from itkoop.cooperation.contracts import markdown_inline_escape

    for value in ["Müller & Söhne (IT) GmbH", "a_b*c", "1. FC IT e.V.", "x < y | z = 3!"]:
        rendered = markdown.markdown(markdown_inline_escape(value))
        assert rendered.startswith("<p>") and "\\" not in rendered
