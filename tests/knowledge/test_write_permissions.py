"""Every write of the knowledge app with every role: who may, who may not, and that refusals change nothing.

Writes: creating and editing articles (center admins only), saving a self-check (that company's members).
Reads of saved results are private too: members, the company's hub staff and center admins."""

import pytest
from django.urls import reverse

from itkoop.knowledge.models import Article, SelfCheckResult

from ..factories import CompanyFactory, UserFactory, center_admin, hub_staff, member_of
from .helpers import ArticleFactory, answers, post_data, saved_result

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "other_member", "staff_same_hub", "staff_other_hub", "center_admin"]
MAY_EDIT_ARTICLES = {"center_admin"}
MAY_SAVE_SELFCHECK = {"member"}
MAY_VIEW_RESULTS = {"member", "staff_same_hub", "center_admin"}


@pytest.fixture
def company():
    return CompanyFactory(hub_id="kassel")


def _login_as(client, role: str, company):
    user = {
        "anonymous": lambda: None,
        "member": lambda: member_of(company),
        "other_member": lambda: member_of(CompanyFactory(hub_id="kassel")),
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


def _hidden(response) -> bool:
    """An object the viewer may not see answers 404 like a missing id (anonymous: the login page)."""
    return response.status_code == 404 or (
        response.status_code == 302 and "/konto/login/" in response["Location"]
    )


def _article_post(**overrides) -> dict:
    data = {
        "slug": "neu",
        "kind": "article",
        "title_de": "Neuer Titel",
        "title_en": "New title",
        "summary_de": "Kurz",
        "summary_en": "Short",
        "body_de": "## Text\n\nInhalt",
        "body_en": "Content",
        "published": "on",
    }
    data.update(overrides)
    return data


def _preview_then_save(client, url: str, data: dict):
    preview = client.post(url, {**data, "action": "preview"})
    if preview.status_code != 200:
        return preview
    token = preview.context["form"].data["preview_token"]
    return client.post(url, {**data, "action": "save", "preview_token": token})


@pytest.mark.parametrize("role", ROLES)
def test_article_create(client, company, role):
    _login_as(client, role, company)
    response = _preview_then_save(client, reverse("knowledge:article_create"), _article_post())
    created = Article.objects.filter(slug="neu")
    if role in MAY_EDIT_ARTICLES:
        assert response.status_code == 302 and created.exists()
    else:
        assert _refused(response) and not created.exists()


@pytest.mark.parametrize("role", ROLES)
def test_article_edit(client, company, role):
    article = ArticleFactory(title_de="Alt")
    _login_as(client, role, company)
    url = reverse("knowledge:article_edit", args=[article.slug])
    response = _preview_then_save(client, url, _article_post(slug=article.slug, title_de="Geändert"))
    article.refresh_from_db()
    if role in MAY_EDIT_ARTICLES:
        assert response.status_code == 302 and article.title_de == "Geändert" and article.customized
    else:
        assert _refused(response) and article.title_de == "Alt" and not article.customized


@pytest.mark.parametrize("role", ROLES)
def test_article_edit_form_is_only_shown_to_editors(client, company, role):
    article = ArticleFactory()
    _login_as(client, role, company)
    response = client.get(reverse("knowledge:article_edit", args=[article.slug]))
    assert response.status_code == 200 if role in MAY_EDIT_ARTICLES else _refused(response)


@pytest.mark.parametrize("role", ROLES)
def test_selfcheck_save_for_a_company(client, company, role):
    _login_as(client, role, company)
    response = client.post(reverse("knowledge:selfcheck"), post_data(answers(2), company=company.pk))
    saved = SelfCheckResult.objects.filter(company=company)
    if role in MAY_SAVE_SELFCHECK:
        assert response.status_code == 302 and saved.count() == 1
    else:
        # The company is not among the user's choices: the form refuses it, or there is no such field at all
        # and nothing is saved (the check is still shown from the session).
        assert not saved.exists()
        assert response.status_code == 200 or response["Location"] == reverse("knowledge:selfcheck_result")


def test_selfcheck_service_refuses_non_members_even_without_the_form(company):
    from django.core.exceptions import PermissionDenied

    from itkoop.knowledge.services import selfcheck_save

    for actor in (member_of(CompanyFactory()), hub_staff("kassel"), center_admin()):
        with pytest.raises(PermissionDenied):
            selfcheck_save(actor=actor, company=company, answers=answers(2))
    assert not SelfCheckResult.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_saved_result_and_history_are_private(client, company, role):
    result = saved_result(company)
    _login_as(client, role, company)
    detail = client.get(reverse("knowledge:selfcheck_saved", args=[result.pk]))
    history = client.get(reverse("knowledge:selfcheck_history", args=[company.external_id]))
    if role in MAY_VIEW_RESULTS:
        assert detail.status_code == 200 and history.status_code == 200
    else:
        # The result is hidden like a missing id; the company itself is public, so its history is refused.
        assert _hidden(detail) and _refused(history)


def test_repeat_link_does_not_leak_answers_of_other_companies(client, company):
    result = saved_result(company, value=4)
    client.force_login(member_of(CompanyFactory()))
    form = client.get(reverse("knowledge:selfcheck"), {"von": result.pk}).context["form"]
    assert "strategy-1" not in form.initial


def test_inactive_editor_may_not_edit(client):
    admin = center_admin()
    admin.is_active = False
    admin.save()
    client.force_login(admin)
    article = ArticleFactory(title_de="Alt")
    response = client.get(reverse("knowledge:article_edit", args=[article.slug]))
    assert response.status_code in (302, 403)


def test_plain_member_sees_no_edit_link(client):
    client.force_login(UserFactory())
    html = client.get(reverse("knowledge:article", args=["haftung"])).content.decode()
    assert reverse("knowledge:article_edit", args=["haftung"]) not in html
