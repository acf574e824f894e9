"""The label workflow as services: apply, ask for more and resubmit, approve or reject with reasons, each step
notified; one open application per solution and label; only members apply and only center admins decide."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from itkoop.accounts.models import Membership
from itkoop.labels import services
from itkoop.labels.models import Application, Certificate, Declaration, Evidence
from itkoop.notifications.models import Notification

from ..factories import center_admin, hub_staff, member_of
from .helpers import HOSTED, MADE, PNG, apply, declarations, grant, provider, upload

pytestmark = pytest.mark.django_db


def _kinds(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).order_by("pk").values_list("kind", flat=True))


def test_a_member_applies_and_the_center_and_the_company_hear_of_it():
    admin = center_admin()
    member, solution = provider()
    colleague = member_of(solution.company)
    application = apply(member, solution, uploads=[(None, upload("hr-auszug.png", PNG, "image/png"))])
    assert application.status == Application.Status.SUBMITTED
    assert Declaration.objects.filter(application=application, confirmed=True).count() == 4
    assert Evidence.objects.get(application=application).content_type == "image/png"
    assert _kinds(admin) == ["labels.submitted"]
    assert _kinds(member) == _kinds(colleague) == ["labels.received"]


def test_every_criterion_must_be_confirmed_and_nothing_is_stored_otherwise():
    member, solution = provider()
    partial = declarations()
    first = next(iter(partial))
    partial[first] = services.DeclarationInput(confirmed=False)
    with pytest.raises(services.LabelError, match="Bitte bestätigen Sie jedes Kriterium"):
        services.application_submit(
            actor=member, solution_id=solution.pk, scheme_slug=MADE, declarations=partial
        )
    assert not Application.objects.exists()


@pytest.mark.parametrize("who", ["other_member", "hub_staff", "admin"])
def test_only_the_solutions_company_applies(who):
    _member, solution = provider()
    other_member, _ = provider()
    actor = {"other_member": other_member, "hub_staff": hub_staff("kassel"), "admin": center_admin()}[who]
    with pytest.raises(services.LabelError) as error:
        apply(actor, solution)
    assert error.value.status == 404 and not Application.objects.exists()


def test_a_second_open_application_for_the_same_label_is_refused():
    member, solution = provider()
    apply(member, solution)
    with pytest.raises(services.LabelError, match="bereits ein offener Antrag"):
        apply(member, solution)
    apply(member, solution, HOSTED)  # the other label is a separate application
    assert Application.objects.count() == 2


def test_approval_grants_twelve_months_with_a_code_and_tells_the_company():
    member, solution = provider()
    certificate = grant(member, solution)
    today = timezone.localdate()
    assert certificate.valid_from == today
    assert certificate.valid_until == services.add_months(today, 12) - dt.timedelta(days=1)
    assert len(certificate.code) == 10 and not certificate.renewal
    assert _kinds(member)[-1] == "labels.approved"


def test_asking_for_more_lets_the_company_edit_and_resubmit():
    admin = center_admin()
    member, solution = provider()
    application = apply(member, solution)
    services.application_decide(
        actor=admin, application_id=application.pk, decision="changes", note="Bitte Handelsregister."
    )
    assert _kinds(member)[-1] == "labels.changes_requested"
    first = next(iter(declarations()))
    changed = {**declarations(), first: services.DeclarationInput(confirmed=True, explanation="HRB 1234")}
    services.application_resubmit(
        actor=member, application_id=application.pk, declarations=changed, uploads=[(first, upload())]
    )
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.declarations.get(criterion_id=first).explanation == "HRB 1234"
    assert application.evidence.get().criterion_id == first
    assert _kinds(admin).count("labels.submitted") == 2


def test_a_submitted_application_cannot_be_edited_by_the_company():
    member, solution = provider()
    application = apply(member, solution)
    with pytest.raises(services.LabelError) as error:
        services.application_resubmit(
            actor=member, application_id=application.pk, declarations=declarations()
        )
    assert error.value.status == 403


@pytest.mark.parametrize("decision", ["changes", "reject"])
def test_asking_for_more_and_rejecting_need_reasons(decision):
    member, solution = provider()
    application = apply(member, solution)
    with pytest.raises(services.LabelError, match="begründen"):
        services.application_decide(actor=center_admin(), application_id=application.pk, decision=decision)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_rejection_tells_the_company_the_reasons_and_grants_nothing():
    member, solution = provider()
    application = apply(member, solution)
    services.application_decide(
        actor=center_admin(), application_id=application.pk, decision="reject", note="Sitz in Irland."
    )
    notification = Notification.objects.filter(recipient=member, kind="labels.rejected").get()
    assert notification.params["note"] == "Sitz in Irland." and not Certificate.objects.exists()


@pytest.mark.parametrize("who", ["hub_staff", "member"])
def test_only_center_admins_decide(who):
    member, solution = provider()
    application = apply(member, solution)
    actor = hub_staff("kassel") if who == "hub_staff" else member
    with pytest.raises(services.LabelError):
        services.application_decide(actor=actor, application_id=application.pk, decision="approve")
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("decision", ["approve", "changes", "reject"])
def test_a_center_admin_cannot_decide_on_their_own_companys_application(decision):
    """Conflict of interest: an admin who is a member of the applying company would judge their own
    product. Refused with a message that another admin must decide; that one can."""
    member, solution = provider()
    insider = center_admin()
    Membership.objects.create(user=insider, company=solution.company)
    application = apply(member, solution)
    with pytest.raises(services.LabelError) as refused:
        services.application_decide(
            actor=insider, application_id=application.pk, decision=decision, note="Passt."
        )
    assert refused.value.status == 403
    assert "andere Person der Zentrumsleitung" in str(refused.value)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and application.decided_by is None
    assert not Certificate.objects.exists()
    services.application_decide(actor=center_admin(), application_id=application.pk, decision="approve")
    assert Certificate.objects.filter(application=application).exists()


def test_a_center_admin_cannot_decide_on_an_application_they_sent():
    member, solution = provider()
    application = apply(member, solution)
    # Since sent, the applicant left the company and joined the center's management.
    Membership.objects.filter(user=member).delete()
    member.role = member.Role.CENTER_ADMIN
    member.save()
    with pytest.raises(services.LabelError):
        services.application_decide(actor=member, application_id=application.pk, decision="approve")
    assert not Certificate.objects.exists()


def test_the_applicant_gets_a_mail_after_the_commit(django_capture_on_commit_callbacks):
    """Mail in the recipient's language is the notification service's (tests/notifications); here: that
    each step reaches the mailbox, only once the transaction commits."""
    member, solution = provider()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        apply(member, solution)
    assert mail.outbox == [] and callbacks
    for callback in callbacks:
        callback()
    subjects = [m.subject for m in mail.outbox if member.email in m.to]
    assert any("Software Made in Germany" in s and "eingegangen" in s for s in subjects), subjects


def test_a_renewal_starts_from_the_last_application_and_continues_the_label():
    member, solution = provider()
    first = grant(member, solution)
    renewal = apply(member, solution)
    assert renewal.renewal_of == first
    services.application_decide(actor=center_admin(), application_id=renewal.pk, decision="approve")
    second = Certificate.objects.get(application=renewal)
    assert second.renewal and second.valid_from == first.valid_until + dt.timedelta(days=1)


def test_a_renewal_may_carry_the_evidence_of_the_last_application():
    member, solution = provider()
    application = apply(member, solution, uploads=[(None, upload())])
    services.application_decide(actor=center_admin(), application_id=application.pk, decision="approve")
    renewal = apply(member, solution, carry_evidence=True)
    copied = renewal.evidence.get()
    original = application.evidence.get()
    assert copied.file.name != original.file.name and _content(copied) == _content(original)


def _content(evidence) -> bytes:
    with evidence.file.open("rb") as handle:
        return handle.read()


def test_while_asked_for_more_the_company_takes_its_own_files_back_only():
    admin = center_admin()
    member, solution = provider()
    other_member, other_solution = provider()
    application = apply(member, solution, uploads=[(None, upload())])
    foreign = apply(other_member, other_solution, uploads=[(None, upload())]).evidence.get()
    services.application_decide(actor=admin, application_id=application.pk, decision="changes", note="Mehr")
    own = application.evidence.get()
    services.application_resubmit(
        actor=member,
        application_id=application.pk,
        declarations=declarations(),
        remove_evidence=[own.pk, foreign.pk],
    )
    assert not Evidence.objects.filter(pk=own.pk).exists() and Evidence.objects.filter(pk=foreign.pk).exists()


def test_the_notices_write_the_end_of_a_label_in_the_readers_language():
    """Notifications are shown in the recipient's language when read: the date is stored as a date, not as
    German text ("30.11.2027" in an English inbox)."""
    from django.utils import translation

    from itkoop.notifications.kinds import format_title, get

    member, solution = provider()
    certificate = grant(member, solution)
    services.send_expiry_reminders(today=certificate.valid_until - dt.timedelta(days=30))
    until = certificate.valid_until
    for kind in ("labels.approved", "labels.expiring"):
        params = Notification.objects.filter(recipient=member, kind=kind).get().params
        with translation.override("de"):
            assert until.strftime("%d.%m.%Y") in format_title(get(kind), params)
        with translation.override("en"):
            english = format_title(get(kind), params)
            assert until.strftime("%m/%d/%Y") in english and until.strftime("%d.%m.%Y") not in english


def test_a_reminder_the_day_before_the_end_says_one_day_not_one_days():
    from django.utils import translation

    from itkoop.notifications.kinds import format_title, get

    member, solution = provider()
    certificate = grant(member, solution)
    services.send_expiry_reminders(today=certificate.valid_until - dt.timedelta(days=1))
    params = Notification.objects.filter(recipient=member, kind="labels.expiring").get().params
    with translation.override("de"):
        title = format_title(get("labels.expiring"), params)
    assert "(in 1 Tag)" in title and "Tagen" not in title
