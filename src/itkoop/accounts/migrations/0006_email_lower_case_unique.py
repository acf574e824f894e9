"""Every account's address in lower case, and one account per mailbox whatever the spelling.

Two accounts whose addresses differ only in case are two accounts of one mailbox. The migration refuses to
run and names them rather than merging: each may hold memberships, registrations, messages and consent
records, and only a person can tell which account is the one to keep (an automatic merge could hand one
person's company to another login). Resolve in the admin (change or delete one address), then migrate again.
allauth's own migration 0006 has already lowered its EmailAddress rows."""

import django.db.models.functions.text
from django.db import migrations, models
from django.db.models.functions import Lower


class DuplicateAccountsError(RuntimeError):
    pass


def lowercase_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    by_address: dict[str, list[str]] = {}
    for email in User.objects.values_list("email", flat=True):
        by_address.setdefault(email.strip().lower(), []).append(email)
    duplicates = {address: spellings for address, spellings in by_address.items() if len(spellings) > 1}
    if duplicates:
        listed = "; ".join(", ".join(sorted(spellings)) for spellings in duplicates.values())
        raise DuplicateAccountsError(
            "Several accounts share one mailbox (addresses differing only in case): "
            f"{listed}. Keep one account per mailbox (change or delete the others in the admin), "
            "then run the migration again."
        )
    User.objects.exclude(email=Lower("email")).update(email=Lower("email"))
    # Surrounding spaces (only possible through old direct writes) in the same pass.
    for user in User.objects.filter(models.Q(email__startswith=" ") | models.Q(email__endswith=" ")):
        user.email = user.email.strip()
        user.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_api_token"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0003_auditentry_legaltext"),
    ]

    operations = [
        migrations.RunPython(lowercase_emails, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                name="user_email_unique_ignoring_case",
                violation_error_message="Für diese E-Mail-Adresse gibt es schon ein Konto.",
            ),
        ),
    ]
