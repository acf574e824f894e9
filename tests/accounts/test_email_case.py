"""One account per mailbox, whatever the spelling of the address (issue 10, 8a).

An address entered with capitals in the admin made an account that could never log in (allauth looks
addresses up in lower case), and the same mailbox could sign up a second account in lower case."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import authenticate
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from itkoop.accounts.models import User

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

ADDRESS = "Erika.Musterfrau@Beispiel-IT.de"
PASSWORD = "ein-langes-passwort-1"


def _admin_add(client, email):
    client.force_login(User.objects.create_superuser("root@beispiel.de", PASSWORD))
    return client.post(
        reverse("admin:accounts_user_add"),
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "role": "member"},
    )


def _signup(client, email):
    fields = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "privacy_acknowledged": "on"}
    return client.post(reverse("account_signup"), fields)


def test_an_address_with_capitals_entered_in_the_admin_can_log_in(client):
    response = _admin_add(client, ADDRESS)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="erika.musterfrau@beispiel-it.de")
    client.logout()
    for typed in (ADDRESS, ADDRESS.lower(), ADDRESS.upper()):
        response = client.post(reverse("account_login"), {"login": typed, "password": PASSWORD})
        assert response.status_code == 302, typed
        client.logout()


def test_the_admin_refuses_a_second_spelling_of_a_mailbox(client):
    UserFactory(email=ADDRESS.lower())
    response = _admin_add(client, ADDRESS)
    assert response.status_code == 200
    assert User.objects.filter(email__iexact=ADDRESS).count() == 1


def test_signup_refuses_a_mailbox_that_has_an_account_in_another_spelling(client):
    UserFactory(email=ADDRESS)
    response = _signup(client, ADDRESS.lower())
    assert response.status_code == 200
    assert User.objects.filter(email__iexact=ADDRESS).count() == 1


def test_signup_with_capitals_stores_lower_case_and_logs_in(client):
    _signup(client, ADDRESS)
    user = User.objects.get()
    assert user.email == ADDRESS.lower()
    assert user.emailaddress_set.get().email == ADDRESS.lower()
    assert authenticate(email=ADDRESS, password=PASSWORD) == user
    assert authenticate(username=ADDRESS, password=PASSWORD) == user  # Django's ModelBackend


def test_password_reset_reaches_an_account_whatever_the_spelling(client, mailoutbox):
    UserFactory(email=ADDRESS)
    client.post(reverse("account_reset_password"), {"email": ADDRESS.upper()})
    assert [m.to for m in mailoutbox] == [[ADDRESS.lower()]]


def test_lookup_by_email_ignores_case():
    user = UserFactory(email=ADDRESS)
    assert list(User.objects.by_email(f"  {ADDRESS.upper()} ")) == [user]


def test_the_database_refuses_a_second_spelling_even_past_save():
    UserFactory(email=ADDRESS)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email=ADDRESS.upper())])


def _migration():
    return importlib.import_module("itkoop.accounts.migrations.0006_email_lower_case_unique")


def _without_case_constraint():
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("DROP INDEX user_email_unique_ignoring_case")


def test_the_migration_lowers_existing_addresses():
    _without_case_constraint()
    User.objects.bulk_create([User(email=ADDRESS), User(email="ok@beispiel.de")])
    _migration().lowercase_emails(django_apps, None)
    assert sorted(User.objects.values_list("email", flat=True)) == [ADDRESS.lower(), "ok@beispiel.de"]


def test_the_migration_refuses_and_names_accounts_sharing_a_mailbox():
    _without_case_constraint()
    User.objects.bulk_create([User(email=ADDRESS), User(email=ADDRESS.lower()), User(email="ok@beispiel.de")])
    migration = _migration()
    with pytest.raises(migration.DuplicateAccountsError, match=f"{ADDRESS}, {ADDRESS.lower()}"):
        migration.lowercase_emails(django_apps, None)
    assert User.objects.filter(email=ADDRESS).exists()  # nothing changed
