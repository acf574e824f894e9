"""Cooperation pages: my cooperations, invitation (choose, review, send; withdraw), detail with answer and
result, contract drafts, code of conduct and the center's contract templates."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404
from itkoop.matching import selectors as matching_selectors
from itkoop.matching import services as matching

from . import contracts, permissions, selectors, services
from .documents import DRAFT_NOTE
from .forms import (
    ContractForm,
    ContractTemplateForm,
    InviteForm,
    ManualReviewForm,
    RespondForm,
    ResultForm,
    ReviewForm,
)
from .models import ContractTemplate, Cooperation, CooperationParticipant


@login_required
def cooperation_list(request):
    return render(
        request,
        "cooperation/list.html",
        {
            "cooperations": selectors.cooperations_of_user(request.user)[:200],
            "invitations": selectors.open_invitations_of_user(request.user),
        },
    )


def _render_review(request, form, companies, own, **context):
    """The review before sending: who is invited (and what each brings to the offer), the inviter's own
    companies that take part, the title and the personal message. GET shows it and writes nothing."""
    contributions = context.pop("contributions", {})
    rows = [{"company": c, "contributions": contributions.get(c.external_id, [])} for c in companies]
    return render(
        request,
        "cooperation/review.html",
        {
            "form": form,
            "invited": [r for r in rows if r["company"] not in own],
            "own": [r for r in rows if r["company"] in own],
            **context,
        },
    )


def _selection(query) -> InviteForm:
    """The first step's form from the query; `companies` may also come as one comma-separated list (the
    links from profile pages)."""
    data = query.copy()
    data.setlist("companies", [i for v in query.getlist("companies") for i in v.split(",") if i])
    return InviteForm(data)


@login_required
def cooperation_invite(request):
    """Choose whom to invite (GET), review the choice (GET with `companies`), send it (POST)."""
    if request.method == "POST":
        return _send_manual_invitation(request)
    if "companies" not in request.GET:
        return render(request, "cooperation/invite.html", {"form": InviteForm()})
    selection = _selection(request.GET)
    if selection.is_valid() and "aendern" not in request.GET:
        companies = list(selection.cleaned_data["companies"])
        try:
            own = services.cooperation_invite_check(actor=request.user, companies=companies)
        except services.CooperationError as error:
            selection.add_error(None, str(error))
        else:
            subject = selection.cleaned_data["subject"]
            form = ManualReviewForm(
                initial={
                    "companies": companies,
                    "subject": subject,
                    "title": selection.cleaned_data["title"] or services.default_title(subject),
                    "nonce": services.invite_form_nonce(actor=request.user),
                },
                code_of_conduct=bool(own),
            )
            return _render_review(
                request, form, companies, own, subject=subject, back_url=_change_url(companies, subject)
            )
    return render(request, "cooperation/invite.html", {"form": selection})


def _change_url(companies, subject: str) -> str:
    query = urlencode(
        {"companies": ",".join(c.external_id for c in companies), "subject": subject, "aendern": "1"}
    )
    return f"{reverse('cooperation:invite')}?{query}"


def _send_manual_invitation(request):
    form = ManualReviewForm(request.POST)
    if not form.is_valid() and "companies" in form.errors:
        return render(request, "cooperation/invite.html", {"form": _selection(request.POST)})
    companies = list(form.cleaned_data["companies"])
    own = services.inviter_companies(request.user, companies)
    digest = services.invite_form_digest(request.POST.get("nonce", ""), actor=request.user)
    if digest is None:
        # Missing, expired or made for someone else: a fresh nonce, and the inviter sends again knowingly.
        data = request.POST.copy()
        data["nonce"] = services.invite_form_nonce(actor=request.user)
        form = ManualReviewForm(data)
        form.is_valid()
        form.add_error(
            None, _("Das Formular ist abgelaufen. Bitte prüfen Sie die Angaben und senden Sie erneut.")
        )
    elif form.is_valid():
        try:
            cooperation = services.cooperation_invite(
                actor=request.user,
                companies=companies,
                title=form.cleaned_data["title"],
                subject=form.cleaned_data["subject"],
                need_text=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                accept_code_of_conduct=form.cleaned_data["accept_code_of_conduct"],
                invite_digest=digest,
            )
        except services.CooperationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Die Einladungen sind verschickt."))
            return redirect(cooperation)
    if not own:
        form.fields.pop("accept_code_of_conduct", None)
    subject = form.cleaned_data.get("subject", "")
    return _render_review(
        request, form, companies, own, subject=subject, back_url=_change_url(companies, subject)
    )


def _visible_cooperation(request, pk: int) -> Cooperation:
    """The cooperation if the viewer may see it; otherwise 404 exactly like a missing id."""
    try:
        cooperation = selectors.cooperation_detail(pk)
    except Cooperation.DoesNotExist:
        raise Http404 from None
    if not permissions.can_view_cooperation(request.user, cooperation):
        raise Http404
    return cooperation


@login_required
def cooperation_detail(request, pk: int):
    cooperation = _visible_cooperation(request, pk)
    participants = list(cooperation.participants.all())
    can_record = permissions.can_record_result_now(request.user, cooperation)
    return render(
        request,
        "cooperation/detail.html",
        {
            "cooperation": cooperation,
            "bundle": selectors.bundle_summary(cooperation),
            "participants": participants,
            "my_open": permissions.invitations_to_answer(request.user, cooperation, participants),
            # Members of a company that did not decline may talk to the others (conversations link here).
            "is_party": any(
                p.state != CooperationParticipant.State.DECLINED
                and permissions.is_member(request.user, p.company_id)
                for p in participants
            ),
            "respond_form": RespondForm(),
            "result_form": ResultForm() if can_record else None,
            "can_withdraw": permissions.can_withdraw_now(request.user, cooperation),
            "contract_form": ContractForm(initial={"language": request.LANGUAGE_CODE}),
            "preview_form": ContractForm(initial={"language": request.LANGUAGE_CODE}, auto_id="preview_%s"),
        },
    )


@login_required
@require_POST
def participant_respond(request, pk: int):
    participant = get_visible_or_404(
        CooperationParticipant.objects.select_related("cooperation"),
        pk,
        lambda p: permissions.can_view_cooperation(request.user, p.cooperation),
    )
    form = RespondForm(request.POST)
    form.is_valid()
    accept = request.POST.get("accept") == "1"
    try:
        services.participant_respond(
            actor=request.user,
            participant=participant,
            accept=accept,
            accept_code_of_conduct=form.cleaned_data.get("accept_code_of_conduct", False),
        )
    except services.CooperationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Ihre Zusage ist gespeichert.") if accept else _("Ihre Absage ist gespeichert.")
        )
    return redirect(participant.cooperation)


@login_required
@require_POST
def cooperation_result(request, pk: int):
    cooperation = get_visible_or_404(
        Cooperation, pk, lambda c: permissions.can_view_cooperation(request.user, c)
    )
    form = ResultForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(cooperation)
    try:
        services.cooperation_record_result(
            actor=request.user,
            cooperation=cooperation,
            kind=form.cleaned_data["kind"],
            record=form.cleaned_data["record"],
        )
    except services.CooperationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Das Ergebnis ist festgehalten. Danke!"))
    return redirect(cooperation)


@login_required
def contract_document(request, pk: int):
    """The draft NDA or agreement of a cooperation as an HTML preview. The PDF is made by the document service
    (kind "cooperation.contract", cooperation/documents.py) from the form beside it on the detail page."""
    cooperation = _visible_cooperation(request, pk)
    form = ContractForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie Dokument und Sprache."))
        return redirect(cooperation)
    kind, language = form.cleaned_data["kind"], form.cleaned_data["language"]
    contract = contracts.render_contract(
        cooperation, kind=kind, language=language, base_url=request.build_absolute_uri("/")
    )
    return render(
        request,
        "cooperation/contract_preview.html",
        {
            "cooperation": cooperation,
            "contract": contract,
            "draft_note": DRAFT_NOTE[language],
            "doc_language": language,
        },
    )


def code_of_conduct(request):
    return render(request, "cooperation/code_of_conduct.html")


def _require_center_admin(user) -> None:
    if not (user.is_active and user.is_center_admin):
        raise PermissionDenied


@login_required
def contract_templates(request):
    _require_center_admin(request.user)
    # The shipped templates are seeded by a migration; a GET writes nothing.
    return render(
        request, "cooperation/contract_templates.html", {"templates": ContractTemplate.objects.all()}
    )


@login_required
def contract_template_edit(request, pk: int):
    _require_center_admin(request.user)
    template = get_object_or_404(ContractTemplate, pk=pk)
    form = ContractTemplateForm(request.POST or None, instance=template)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "preview":
            preview = contracts.preview_template(
                form.cleaned_data["body"], kind=template.kind, language=template.language
            )
        else:
            services.contract_template_save(
                actor=request.user,
                template_id=template.pk,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("Die Vorlage wurde gespeichert."))
            return redirect("cooperation:contract_templates")
    return render(
        request,
        "cooperation/contract_template_form.html",
        {"form": form, "template": template, "preview": preview},
    )


@login_required
def bundle_invite(request):
    """Review (GET) and send (POST) the invitation of a joint offer's providers from the need page. The
    token, signed for this user, says which; it invites once, so a second submit shows the cooperation."""
    token = (request.POST if request.method == "POST" else request.GET).get("token", "")
    payload = matching.bundle_invite_payload(token, user_id=request.user.pk)
    if payload is None:
        return HttpResponseBadRequest(
            _("Die Einladung ist ungültig oder abgelaufen. Bitte suchen Sie erneut.")
        )
    digest = matching.bundle_invite_digest(token)
    sent = selectors.cooperation_invited_with(digest)
    if sent is not None:
        messages.info(request, _("Diese Einladung ist bereits verschickt."))
        return redirect(sent)
    try:
        companies = services.offer_companies(actor=request.user, company_ids=payload["companies"])
        own = services.cooperation_invite_check(actor=request.user, companies=companies)
    except services.OwnCompanyRequired as exc:
        messages.info(request, str(exc))
        return redirect("accounts:company_create")
    except services.CooperationError as exc:
        messages.error(request, str(exc))
        return redirect("matching:need")
    form = ReviewForm(
        request.POST or None,
        initial={"title": services.default_title(payload["text"])},
        code_of_conduct=bool(own),
    )
    if request.method == "POST" and form.is_valid():
        try:
            cooperation = services.offer_invite(
                actor=request.user,
                company_ids=payload["companies"],
                need_text=payload["text"],
                bundle=payload["bundle"],
                title=form.cleaned_data["title"],
                message=form.cleaned_data["message"],
                accept_code_of_conduct=form.cleaned_data.get("accept_code_of_conduct", False),
                invite_digest=digest,
            )
        except services.CooperationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Die Anbieter wurden eingeladen. Sie sehen hier, wer zusagt."))
            return redirect(cooperation)
    return _render_review(
        request,
        form,
        companies,
        own,
        need_text=payload["text"],
        contributions=matching_selectors.bundle_contributions(payload["bundle"]),
        token=token,
        back_url=f"{reverse('matching:need')}?{urlencode({'text': payload['text']})}",
    )


@login_required
@require_POST
def cooperation_withdraw(request, pk: int):
    cooperation = get_visible_or_404(
        Cooperation, pk, lambda c: permissions.can_view_cooperation(request.user, c)
    )
    try:
        services.cooperation_withdraw(actor=request.user, cooperation=cooperation)
    except services.CooperationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Die Einladung ist zurückgezogen. Die eingeladenen Unternehmen sind benachrichtigt.")
        )
    return redirect(cooperation)
