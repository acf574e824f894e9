"""The two labels the center awards, with version 1 of their criteria. Companies that already carry one of
these as a tag on their profile keep it: from now on it reads "selbst erklärt" (self-declared), and the
catalog filter and matching count only certificates (registry.selectors.label_authority)."""

from django.db import migrations


def seed(apps, schema_editor):
    from itkoop.labels.seed import seed_label_schemes

    seed_label_schemes(
        apps.get_model("labels", "LabelScheme"),
        apps.get_model("labels", "CriteriaVersion"),
        apps.get_model("labels", "Criterion"),
        apps.get_model("registry", "Label"),
    )


class Migration(migrations.Migration):
    dependencies = [("labels", "0001_label_schemes_applications_certificates"), ("registry", "0004_company_contact")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
