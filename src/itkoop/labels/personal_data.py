"""The labels' share of a person's data: the applications they submitted, the decisions they made and the
files they uploaded. Applications belong to the company and stay on erasure (a label's history is the
company's record); the person is unlinked from them."""

from itkoop.core.services import plain_rows, register_personal_data

from .models import Application, Evidence


def export_label_applications(user) -> list[dict]:
    return plain_rows(
        Application.objects.filter(applicant=user).order_by("created"),
        ["scheme__name", "solution__external_id", "solution__name", "status", "created", "submitted_at",
         "decided_at", "decision_note"],
    )  # fmt: skip


def export_label_decisions(user) -> list[dict]:
    return plain_rows(
        Application.objects.filter(decided_by=user).order_by("decided_at"),
        ["scheme__name", "solution__external_id", "status", "decided_at", "decision_note"],
    )


def export_label_evidence(user) -> list[dict]:
    return plain_rows(
        Evidence.objects.filter(uploaded_by=user).order_by("created"),
        ["application__scheme__name", "application__solution__external_id", "filename", "size", "created"],
    )


def erase_label_links(user) -> None:
    Application.objects.filter(applicant=user).update(applicant=None)
    Application.objects.filter(decided_by=user).update(decided_by=None)
    Evidence.objects.filter(uploaded_by=user).update(uploaded_by=None)


def register() -> None:
    register_personal_data(
        name="label_applications", exporter=export_label_applications, eraser=erase_label_links
    )
    register_personal_data(name="label_decisions", exporter=export_label_decisions)
    register_personal_data(name="label_evidence", exporter=export_label_evidence)
