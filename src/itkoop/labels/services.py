"""Writes of labels, one function per use case, each in a transaction and permission-checked: apply for a
label (or its renewal), edit and resubmit what the center asked for, decide, and the daily reminders before a
label ends. The applying company's members are notified at each step, the center admins of each submission."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from itkoop.accounts import selectors as accounts
from itkoop.core.services import audit_record
from itkoop.notifications.services import notify
from itkoop.registry import selectors as registry

from . import notifications as kinds
from . import permissions, selectors
from .files import check_upload, display_name
from .models import (
    MAX_EXPLANATION,
    MAX_NOTE,
    Application,
    Certificate,
    Declaration,
    Evidence,
)
from .seed import seed_label_schemes

MAX_EVIDENCE_FILES = 20
REMINDER_DAYS = (60, 30, 7)


class LabelError(Exception):
    """What the rules do not allow; the message says why. ``status`` is the HTTP status a page answers."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class DeclarationInput:
    confirmed: bool
    explanation: str = ""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has no such day: 31 Jan + 1 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def ensure_schemes() -> None:
    """The shipped schemes after a flush (post_migrate); the migration seeded them the first time."""
    from itkoop.registry.services import ensure_labels

    from .models import CriteriaVersion, Criterion, LabelScheme

    seed_label_schemes(LabelScheme, CriteriaVersion, Criterion)
    ensure_labels(s.slug for s in LabelScheme.objects.all())


def _params(application: Application, **extra) -> dict:
    solution = application.solution
    return {
        "label": application.scheme.name,
        "solution": solution.name,
        "company": solution.company.name,
        **extra,
    }


def _members(application: Application):
    return accounts.company_members(application.solution.company)


def _store_declarations(application: Application, declarations: dict[int, DeclarationInput]) -> None:
    criteria = list(application.version.criteria.all())
    missing = [c for c in criteria if c.pk not in declarations or not declarations[c.pk].confirmed]
    if missing:
        raise LabelError(
            _("Bitte bestätigen Sie jedes Kriterium; offen ist: %(criterion)s")
            % {"criterion": missing[0].text}
        )
    if set(declarations) - {c.pk for c in criteria}:
        raise LabelError(_("Der Antrag nennt ein Kriterium, das dieses Siegel nicht hat."))
    for criterion in criteria:
        explanation = (declarations[criterion.pk].explanation or "").strip()
        if len(explanation) > MAX_EXPLANATION:
            raise LabelError(
                _("Eine Erläuterung darf höchstens %(max)s Zeichen lang sein.") % {"max": MAX_EXPLANATION}
            )
        Declaration.objects.update_or_create(
            application=application,
            criterion=criterion,
            defaults={"confirmed": True, "explanation": explanation},
        )


def _store_uploads(application: Application, uploads, actor) -> None:
    """Check every file first (nothing is stored when one is refused), then store them under random names."""
    criteria = {c.pk for c in application.version.criteria.all()}
    if application.evidence.count() + len(uploads) > MAX_EVIDENCE_FILES:
        raise LabelError(
            _("Ein Antrag kann höchstens %(max)s Nachweise haben.") % {"max": MAX_EVIDENCE_FILES}
        )
    checked = []
    for criterion_id, upload in uploads:
        if criterion_id is not None and criterion_id not in criteria:
            raise LabelError(_("Der Antrag nennt ein Kriterium, das dieses Siegel nicht hat."))
        try:
            content_type = check_upload(upload)
        except ValidationError as error:
            raise LabelError(error.messages[0]) from None
        checked.append((criterion_id, upload, content_type))
    for criterion_id, upload, content_type in checked:
        evidence = Evidence(
            application=application,
            criterion_id=criterion_id,
            filename=display_name(upload.name or "", content_type),
            content_type=content_type,
            size=upload.size,
            uploaded_by=actor,
        )
        evidence.file.save("upload", upload, save=False)
        evidence.save()


def _carry_evidence(application: Application, previous: Application, actor) -> None:
    """The files of the application a renewal starts from, copied (the old ones go with their application)."""
    keys = {c.key: c.pk for c in application.version.criteria.all()}
    for old in previous.evidence.select_related("criterion"):
        try:
            with old.file.open("rb") as handle:
                content = handle.read()
        except FileNotFoundError:
            continue
        evidence = Evidence(
            application=application,
            criterion_id=keys.get(old.criterion.key) if old.criterion else None,
            filename=old.filename,
            content_type=old.content_type,
            size=old.size,
            uploaded_by=actor,
        )
        evidence.file.save("copy", ContentFile(content), save=False)
        evidence.save()


@transaction.atomic
def application_submit(
    *,
    actor,
    solution_id: int,
    scheme_slug: str,
    declarations: dict[int, DeclarationInput],
    uploads: list | None = None,
    carry_evidence: bool = False,
) -> Application:
    """A member applies for a label for one of the company's solutions under the scheme's current criteria.
    When the solution held the label before, this is its renewal (starting from the last application)."""
    solution = registry.solutions().select_related("company").filter(pk=solution_id).first()
    if solution is None or not permissions.can_apply(actor, solution):
        raise LabelError(_("Diese Lösung gibt es nicht."), status=404)
    scheme = selectors.schemes().filter(slug=scheme_slug).first()
    if scheme is None:
        raise LabelError(_("Dieses Siegel gibt es nicht."), status=404)
    version = selectors.current_version(scheme)
    if version is None:
        raise LabelError(_("Für dieses Siegel sind noch keine Kriterien veröffentlicht."))
    if selectors.open_application(solution, scheme) is not None:
        raise LabelError(_("Für diese Lösung liegt bereits ein offener Antrag auf dieses Siegel vor."))
    last = selectors.last_certificate(solution, scheme)
    if last is not None and last.valid_from > timezone.localdate():
        raise LabelError(
            _("Die Verlängerung dieses Siegels ist bereits erteilt; sie beginnt am %(date)s.")
            % {"date": _format_date(last.valid_from)}
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(
                scheme=scheme, version=version, solution=solution, applicant=actor, renewal_of=last
            )
    except IntegrityError:  # a second submission at the same moment
        raise LabelError(
            _("Für diese Lösung liegt bereits ein offener Antrag auf dieses Siegel vor.")
        ) from None
    _store_declarations(application, declarations)
    previous = selectors.last_application(solution, scheme, before=application)
    if carry_evidence and previous is not None:
        _carry_evidence(application, previous, actor)
    _store_uploads(application, uploads or [], actor)
    url = ("labels:application", [application.pk])
    notify(recipients=accounts.center_admins(), kind=kinds.SUBMITTED, params=_params(application), url=url)
    notify(recipients=_members(application), kind=kinds.RECEIVED, params=_params(application), url=url)
    return application


def _editable(actor, application_id: int) -> Application:
    application = (
        Application.objects.select_for_update()
        .select_related("solution__company", "scheme", "version")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not permissions.can_view_application(actor, application):
        raise LabelError(_("Diesen Antrag gibt es nicht."), status=404)
    if not permissions.can_edit_application(actor, application):
        raise LabelError(_("Dieser Antrag kann gerade nicht bearbeitet werden."), status=403)
    return application


@transaction.atomic
def application_resubmit(
    *,
    actor,
    application_id: int,
    declarations: dict[int, DeclarationInput],
    uploads: list | None = None,
    remove_evidence: list[int] | None = None,
) -> Application:
    """The applicant's company answers the center's request: edited declarations, files taken back or added,
    submitted again for review. Only the application's own files can be removed."""
    application = _editable(actor, application_id)
    _store_declarations(application, declarations)
    if remove_evidence:
        for evidence in application.evidence.filter(pk__in=remove_evidence):
            evidence.delete()  # the file follows after the commit (models._delete_file)
    _store_uploads(application, uploads or [], actor)
    application.status = Application.Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at"])
    url = ("labels:application", [application.pk])
    notify(recipients=accounts.center_admins(), kind=kinds.SUBMITTED, params=_params(application), url=url)
    notify(recipients=_members(application), kind=kinds.RECEIVED, params=_params(application), url=url)
    return application


def _format_date(day: dt.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")  # in the active language


def _grant(application: Application) -> Certificate:
    """The certificate of an approved application. A renewal granted before the old label ends continues it
    the day after; otherwise it starts today. Twelve months (the scheme's validity) either way."""
    today = timezone.localdate()
    previous = selectors.last_certificate(application.solution, application.scheme)
    start, continues = today, None
    if previous is not None and previous.valid_until >= today:
        start, continues = previous.valid_until + dt.timedelta(days=1), previous
    return Certificate.objects.create(
        application=application,
        scheme=application.scheme,
        solution=application.solution,
        valid_from=start,
        valid_until=add_months(start, application.scheme.validity_months) - dt.timedelta(days=1),
        renewal=previous is not None,
        continues=continues,
    )


class Decision:
    APPROVE = "approve"
    CHANGES = "changes"
    REJECT = "reject"
    ALL = (APPROVE, CHANGES, REJECT)


@transaction.atomic
def application_decide(*, actor, application_id: int, decision: str, note: str = "") -> Application:
    """A center admin approves (the label is granted), asks for more or rejects; the last two need reasons."""
    application = (
        Application.objects.select_for_update()
        .select_related("solution__company", "scheme")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not permissions.can_view_application(actor, application):
        raise LabelError(_("Diesen Antrag gibt es nicht."), status=404)
    if not permissions.is_reviewer(actor):
        raise LabelError(_("Über Siegel-Anträge entscheidet die Zentrumsleitung."), status=403)
    if permissions.has_conflict(actor, application):  # they would judge their own company's product
        raise LabelError(
            _(
                "Dieser Antrag kommt von Ihrem eigenen Unternehmen. Über ihn muss eine andere Person der "
                "Zentrumsleitung entscheiden."
            ),
            status=403,
        )
    if decision not in Decision.ALL:
        raise LabelError(_("Bitte wählen Sie eine Entscheidung."))
    if application.status != Application.Status.SUBMITTED:
        raise LabelError(_("Über diesen Antrag ist bereits entschieden, oder er wartet auf Ergänzungen."))
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise LabelError(_("Die Begründung darf höchstens %(max)s Zeichen lang sein.") % {"max": MAX_NOTE})
    if decision != Decision.APPROVE and not note:
        raise LabelError(_("Bitte begründen Sie die Entscheidung; der Antragsteller liest die Begründung."))
    application.decided_at, application.decided_by, application.decision_note = timezone.now(), actor, note
    url = ("labels:application", [application.pk])
    if decision == Decision.APPROVE:
        application.status = Application.Status.APPROVED
        application.save()
        certificate = _grant(application)
        params = _params(
            application, until=certificate.valid_until.isoformat()
        )  # shown in the reader's language
        notify(recipients=_members(application), kind=kinds.APPROVED, params=params, url=url)
    elif decision == Decision.CHANGES:
        application.status = Application.Status.CHANGES_REQUESTED
        application.save()
        notify(
            recipients=_members(application),
            kind=kinds.CHANGES_REQUESTED,
            params=_params(application, note=note),
            url=url,
        )
    else:
        application.status = Application.Status.REJECTED
        application.save()
        notify(
            recipients=_members(application),
            kind=kinds.REJECTED,
            params=_params(application, note=note),
            url=url,
        )
    audit_record(
        actor=actor,
        action="label_decide",
        details={"application": application.pk, "decision": decision},
    )
    return application


def _due_reminder(days_left: int, sent: list[int]) -> int | None:
    """The reminder due with `days_left` days to go: the smallest of 60/30/7 not below it that was not sent
    yet. A missed day sends one reminder, not three."""
    due = [d for d in REMINDER_DAYS if d >= days_left and d not in sent]
    return min(due) if due else None


@transaction.atomic
def send_expiry_reminders(*, today: dt.date | None = None) -> dict[str, int]:
    """Remind the companies 60, 30 and 7 days before their label ends (once each), and tell them when it has
    ended. A label whose renewal is granted already, or waits for review, is not reminded of."""
    today = today or timezone.localdate()
    counts = {"reminded": 0, "expired": 0}
    horizon = today + dt.timedelta(days=max(REMINDER_DAYS))
    ending = (
        selectors.chain_ends()
        .filter(valid_until__gte=today, valid_until__lte=horizon)
        .select_related("solution__company", "scheme")
        .select_for_update(of=("self",))
    )
    for certificate in ending:
        if selectors.open_application(certificate.solution, certificate.scheme) is not None:
            continue
        days_left = (certificate.valid_until - today).days
        due = _due_reminder(days_left, list(certificate.reminders_sent))
        if due is None:
            continue
        certificate.reminders_sent = sorted(
            {*certificate.reminders_sent, *(d for d in REMINDER_DAYS if d >= due)}
        )
        certificate.save(update_fields=["reminders_sent"])
        notify(
            recipients=accounts.company_members(certificate.solution.company),
            kind=kinds.EXPIRING,
            params={
                "label": certificate.scheme.name,
                "solution": certificate.solution.name,
                "until": certificate.valid_until.isoformat(),
                "days": days_left,
            },
            url=("labels:apply", [certificate.solution.external_id, certificate.scheme.slug]),
        )
        counts["reminded"] += 1
    ended = (
        selectors.chain_ends()
        .filter(valid_until__lt=today, expiry_notified=False)
        .select_related("solution__company", "scheme")
    )
    for certificate in ended:
        Certificate.objects.filter(pk=certificate.pk).update(expiry_notified=True)
        notify(
            recipients=accounts.company_members(certificate.solution.company),
            kind=kinds.EXPIRED,
            params={"label": certificate.scheme.name, "solution": certificate.solution.name},
            url=("labels:apply", [certificate.solution.external_id, certificate.scheme.slug]),
        )
        counts["expired"] += 1
    return counts
