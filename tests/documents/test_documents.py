"""The document service: a PDF asked for by POST is made by the task queue and downloaded by its owner only;
bad requests and failed renderings say so in German and change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from itkoop.documents import kinds
from itkoop.documents.models import Document
from itkoop.documents.services import DocumentKind, documents_delete_old

from ..factories import UserFactory
from .flow import read, request_pdf

pytestmark = pytest.mark.django_db

FAKE_PDF = b"%PDF-1.7 test\n%%EOF\n"


def _boom(params, language):
    raise RuntimeError("renderer crashed")


@pytest.fixture
def test_kinds():
    """Two kinds of a test app: one that renders at once, one whose renderer crashes."""
    made = [
        DocumentKind(
            key="test.ok",
            label="Testdokument",
            params_from=lambda user, data: {"n": int(data.get("n", "1"))},
            may_access=lambda user, params: params["n"] != 13,
            render=lambda params, language: (f"test-{params['n']}-{language}.pdf", FAKE_PDF),
        ),
        DocumentKind(
            key="test.boom",
            label="Kaputtes Dokument",
            params_from=lambda user, data: {},
            may_access=lambda user, params: True,
            render=_boom,
        ),
    ]
    kinds.register(*made)
    yield made
    for kind in made:
        kinds.unregister(kind.key)


@pytest.fixture
def owner(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.mark.django_db(transaction=True)
def test_eagerly_made_document_redirects_straight_to_the_download(client, owner, test_kinds):
    """Without a broker the task runs when the request commits: the answer is the download itself."""
    response = client.post(reverse("documents:create", args=["test.ok"]), {"n": "2"})
    document = Document.objects.get()
    assert document.status == "done" and document.owner == owner and document.filename == "test-2-de.pdf"
    assert response.status_code == 302
    assert response["Location"] == reverse("documents:download", args=[document.pk])
    download = client.get(response["Location"])
    assert read(download) == FAKE_PDF
    assert download["Content-Disposition"] == 'attachment; filename="test-2-de.pdf"'
    document.delete()  # the file goes too


def test_waiting_document_shows_its_progress_and_then_the_download(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(reverse("documents:create", args=["test.ok"]), {"n": "3"})
    document = Document.objects.get()
    assert response["Location"] == reverse("documents:status", args=[document.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Das Dokument wird erstellt" in page and 'http-equiv="refresh" content="2"' in page
    assert client.get(reverse("documents:status_json", args=[document.pk])).json()["status"] == "queued"
    assert client.get(reverse("documents:download", args=[document.pk])).status_code == 302
    for callback in callbacks:
        callback()
    state = client.get(reverse("documents:status_json", args=[document.pk])).json()
    assert state["status"] == "done"
    assert state["download_url"] == reverse("documents:download", args=[document.pk])
    page = client.get(reverse("documents:status", args=[document.pk])).content.decode()
    assert "Das Dokument ist fertig." in page and "http-equiv" not in page


def test_same_request_while_waiting_is_not_queued_twice(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("documents:create", args=["test.ok"]), {"n": "4"})
        client.post(reverse("documents:create", args=["test.ok"]), {"n": "4"})
    assert Document.objects.count() == 1 and len(callbacks) == 1


def test_at_most_five_documents_wait_per_person(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        for n in range(5):
            client.post(reverse("documents:create", args=["test.ok"]), {"n": str(n)})
        response = client.post(reverse("documents:create", args=["test.ok"]), {"n": "9"})
    assert response.status_code == 400 and "mehrere Dokumente" in response.content.decode()
    assert Document.objects.count() == 5


@pytest.mark.parametrize("view", ["status", "status_json", "download"])
def test_another_person_gets_404(client, owner, test_kinds, django_capture_on_commit_callbacks, view):
    _response, document, _download = request_pdf(
        client, django_capture_on_commit_callbacks, "test.ok", {"n": "5"}
    )
    assert document.status == "done"
    client.force_login(UserFactory())
    assert client.get(reverse(f"documents:{view}", args=[document.pk])).status_code == 404


@pytest.mark.parametrize("view", ["status", "status_json", "download"])
def test_anonymous_is_sent_to_login(client, test_kinds, view):
    document = Document.objects.create(owner=UserFactory(), kind="test.ok", params={"n": 1})
    response = client.get(reverse(f"documents:{view}", args=[document.pk]))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_anonymous_create_is_sent_to_login_and_makes_nothing(client, test_kinds):
    response = client.post(reverse("documents:create", args=["test.ok"]), {"n": "1"})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert not Document.objects.exists()


def test_failed_rendering_is_marked_and_explained_in_german(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    _response, document, download = request_pdf(client, django_capture_on_commit_callbacks, "test.boom", {})
    assert document.status == "failed" and document.finished is not None and not document.file
    assert "renderer crashed" not in document.error  # the cause is logged, not shown
    assert download.status_code == 302
    page = client.get(reverse("documents:status", args=[document.pk])).content.decode()
    assert "Das Dokument konnte nicht erstellt werden." in page
    assert client.get(reverse("documents:status_json", args=[document.pk])).json()["status"] == "failed"


def test_refused_access_creates_nothing(client, owner, test_kinds):
    response = client.post(reverse("documents:create", args=["test.ok"]), {"n": "13"})
    # A document the owner may not have answers like a missing object (404).
    assert response.status_code == 404 and not Document.objects.exists()


def test_unknown_kind_is_404(client, owner):
    assert client.post(reverse("documents:create", args=["nope.nothing"])).status_code == 404
    assert not Document.objects.exists()


@pytest.mark.parametrize("kind", ["matching.offer", "cooperation.contract", "events.agenda", "test.ok"])
def test_get_on_create_changes_nothing(client, owner, test_kinds, kind):
    response = client.get(reverse("documents:create", args=[kind]), {"n": "1", "text": "Shop"})
    assert response.status_code == 405 and not Document.objects.exists()


def test_english_page_renders_the_document_in_english(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en" + reverse("documents:create", args=["test.ok"]), {"n": "6"})
    assert Document.objects.get().filename == "test-6-en.pdf"


def test_documents_older_than_a_week_are_deleted_with_their_files(
    client, owner, test_kinds, django_capture_on_commit_callbacks
):
    _r, old, _d = request_pdf(client, django_capture_on_commit_callbacks, "test.ok", {"n": "7"})
    _r, new, _d = request_pdf(client, django_capture_on_commit_callbacks, "test.ok", {"n": "8"})
    Document.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=8))
    storage, name = old.file.storage, old.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        assert documents_delete_old() == 1
    assert list(Document.objects.all()) == [new] and not storage.exists(name)


def test_cleanup_is_a_periodic_job(settings):
    tasks = {entry["task"] for entry in settings.ITKOOP_PERIODIC_JOBS.values()}
    assert "itkoop.documents.tasks.delete_old_documents" in tasks


def test_files_are_stored_outside_any_served_url(
    client, owner, test_kinds, django_capture_on_commit_callbacks, settings
):
    _r, document, _d = request_pdf(client, django_capture_on_commit_callbacks, "test.ok", {"n": "10"})
    assert document.file.name.startswith("private/documents/") and "test" not in document.file.name
    for path in (
        "/" + document.file.name,
        "/media/" + document.file.name,
        settings.MEDIA_URL + document.file.name,
    ):
        assert client.get(path).status_code == 404
