"""Seed the draft NDA and cooperation agreement (German and English) from the shipped data files."""

from django.db import migrations


def seed(apps, schema_editor):
    from itkoop.cooperation.contracts import seed_contract_templates

    seed_contract_templates(apps.get_model("cooperation", "ContractTemplate"))


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
