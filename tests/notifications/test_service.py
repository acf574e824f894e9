"""The notification service: stored as kind + parameters, rendered in the reader's language, mailed after
commit in the recipient's language with absolute links, per-kind delivery preferences, the daily digest."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from itkoop.notifications import services, tasks
from itkoop.notifications.models import Delivery, Notification

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

# A kind of the test's own; its title is a msgid the platform translates ("Benachrichtigungen").
services.register(
    services.Kind(key="test.inbox", label=_("Benachrichtigungen"), title=_("Benachrichtigungen")),
    services.Kind(
        key="test.digest", label=_("Benachrichtigungen"), title="%(what)s", default_delivery=Delivery.DIGEST
    ),
)


def _notify(user, kind="test.inbox", **params):
    return services.notify(recipients=[user], kind=kind, params=params, url=("notifications:preferences", []))


def test_stores_kind_and_parameters_not_rendered_text():
    user = UserFactory()
    _notify(user, company="Beispiel GmbH")
    row = Notification.objects.get(recipient=user)
    assert row.kind == "test.inbox" and row.params == {"company": "Beispiel GmbH"}


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        services.notify(recipients=[UserFactory()], kind="no.such.kind")


def test_inbox_shows_the_title_in_the_page_language(client):
    user = UserFactory()
    _notify(user)
    client.force_login(user)
    german = client.get(reverse("notifications:inbox")).context["notifications"]
    assert german[0].title == "Benachrichtigungen"
    with translation.override("en"):
        english = client.get(reverse("notifications:inbox")).context["notifications"]
    assert english[0].title == "Notifications"


def test_mail_goes_out_after_commit_in_the_recipient_language_with_an_absolute_link(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Notifications" in message.subject
    assert "http://testserver/en/" in message.body
    html = message.alternatives[0][0]
    assert 'href="http://testserver/en/' in html and 'lang="en"' in html
    assert Notification.objects.get(recipient=user).emailed_at is not None


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                _notify(user)
                raise RuntimeError
        except RuntimeError:
            pass
    assert mail.outbox == [] and not Notification.objects.exists()


def test_in_app_preference_sends_no_mail(django_capture_on_commit_callbacks):
    user = UserFactory()
    services.preferences_set(actor=user, deliveries={"test.inbox": Delivery.IN_APP})
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user)
    assert mail.outbox == [] and Notification.objects.filter(recipient=user).count() == 1


def test_digest_collects_unread_notifications_into_one_mail(django_capture_on_commit_callbacks):
    user, other = UserFactory(), UserFactory()
    services.preferences_set(actor=other, deliveries={"test.digest": Delivery.IMMEDIATE})
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, kind="test.digest", what="Erstens")
        _notify(user, kind="test.digest", what="Zweitens")
        _notify(other, kind="test.digest", what="Sofort")
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert tasks.send_digests() == 1
    digest = mail.outbox[-1]
    assert digest.to == [user.email] and "Erstens" in digest.body and "Zweitens" in digest.body
    assert tasks.send_digests() == 0  # nothing twice


def test_unknown_preference_is_refused_and_nothing_stored():
    user = UserFactory()
    with pytest.raises(ValidationError):
        services.preferences_set(actor=user, deliveries={"test.inbox": "in_app", "no.such": "in_app"})
    assert not user.notification_preferences.exists()


def test_only_the_recipient_marks_a_notification_read(client):
    owner, stranger = UserFactory(), UserFactory()
    row = _notify(owner)[0]
    with pytest.raises(PermissionDenied):
        services.notification_mark_read(actor=stranger, notification_id=row.pk)
    client.force_login(stranger)
    assert client.post(reverse("notifications:open", args=[row.pk])).status_code == 404
    row.refresh_from_db()
    assert row.read_at is None
    client.force_login(owner)
    response = client.post(reverse("notifications:open", args=[row.pk]))
    row.refresh_from_db()
    assert row.read_at is not None and response.url == reverse("notifications:preferences")


def test_get_does_not_mark_read(client):
    user = UserFactory()
    row = _notify(user)[0]
    client.force_login(user)
    assert client.get(reverse("notifications:open", args=[row.pk])).status_code == 405
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    row.refresh_from_db()
    assert row.read_at is None


def test_mark_all_read_and_the_header_count(client):
    user = UserFactory()
    _notify(user)
    _notify(user)
    client.force_login(user)
    assert client.get(reverse("notifications:inbox")).context["unread_notifications"] == 2
    client.post(reverse("notifications:mark_all_read"))
    assert client.get(reverse("notifications:inbox")).context["unread_notifications"] == 0


def test_preferences_page_stores_language_and_delivery(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("notifications:preferences"),
        {"language": "en", **{f"kind__{k['key']}": "in_app" for k in _configurable(user)}},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    assert user.notification_preferences.get(kind="test.inbox").delivery == "in_app"


def test_signup_on_english_pages_sets_english(client):
    client.post(
        "/en/konto/signup/",
        {
            "email": "new@example.org",
            "password1": "ein-langes-passwort-1",
            "password2": "ein-langes-passwort-1",
            "privacy_acknowledged": "on",
        },
    )
    from itkoop.accounts.models import User

    assert User.objects.get(email="new@example.org").language == "en"


def _configurable(user):
    from itkoop.notifications.selectors import preferences_of

    return preferences_of(user)


def test_members_are_not_offered_the_kinds_only_staff_receive():
    from itkoop.notifications.selectors import preferences_of

    from ..factories import hub_staff

    member_kinds = {p["key"] for p in preferences_of(UserFactory())}
    staff_kinds = {p["key"] for p in preferences_of(hub_staff("kassel"))}
    assert "cooperation.inquiry" not in member_kinds and "cooperation.inquiry" in staff_kinds
    assert "cooperation.invited" in member_kinds
