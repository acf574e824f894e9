"""Self-checks a person filled in. They belong to the company and stay with it when the account goes."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Article, SelfCheckResult


def export_selfchecks(user) -> list[dict]:
    return plain_rows(
        SelfCheckResult.objects.filter(created_by=user).order_by("pk"),
        ["company_id", "company__name", "questionnaire_version", "answers", "scores", "overall", "created"],
    )


def export_articles(user) -> list[dict]:
    return plain_rows(Article.objects.filter(author=user).order_by("pk"), ["slug", "title_de"])


def register() -> None:
    register_personal_data(name="selfchecks", exporter=export_selfchecks)
    register_personal_data(name="articles", exporter=export_articles)
