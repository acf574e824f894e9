"""The account e-mails allauth sends speak as the platform, formally, in the page's language: not "Hello from
<host>!" with the host name as the subject's prefix."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "greeting", "closing"),
    [
        ("", "Guten Tag,", "Ihre Kooperationsplattform"),
        ("/en", "Hello,", "Your cooperation platform"),
    ],
)
def test_the_confirmation_mail_after_sign_up_speaks_as_the_platform(client, prefix, greeting, closing):
    response = client.post(
        prefix + reverse("account_signup"),
        {
            "email": "neu@beispiel-it.de",
            "password1": "ein-langes-passwort-7",
            "password2": "ein-langes-passwort-7",
            "privacy_acknowledged": "on",
        },
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject.startswith("[itkoop] ")
    assert message.body.startswith(greeting) and closing in message.body
    assert "Hello from" not in message.body and "testserver" not in message.subject
