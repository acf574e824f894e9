"""Cooperation pages: my cooperations, invitation, detail with answer and result, contract drafts, code of
conduct, the center's contract templates and the in-app notifications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.core.shortcuts import get_visible_or_404
from itkoop.matching import services as matching
from itkoop.registry import selectors as registry

from . import contracts, permissions, selectors, services
from .documents import DRAFT_NOTE
from .forms import ContractForm, ContractTemplateForm, InviteForm, RespondForm, ResultForm
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


@login_required
def cooperation_invite(request):
    initial = {}
    preselect = [i for i in request.GET.get("companies", "").split(",") if i]
    if preselect:
        initial["companies"] = registry.companies().filter(external_id__in=preselect[:20])
        initial["title"] = request.GET.get("title", "")[:200]
    form = InviteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            cooperation = services.cooperation_invite(
                actor=request.user,
                companies=list(form.cleaned_data["companies"]),
                title=form.cleaned_data["title"],
                subject=form.cleaned_data["subject"],
                need_text=form.cleaned_data["subject"],
            )
        except services.CooperationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Die Einladungen sind verschickt."))
            return redirect(cooperation)
    return render(request, "cooperation/invite.html", {"form": form})


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
@require_POST
def bundle_invite(request):
    """Invites the providers of a joint offer from the need page (its token says which) to a cooperation."""
    token = request.POST.get("token", "")
    payload = matching.bundle_invite_payload(token, user_id=request.user.pk)
    if payload is None:
        return HttpResponseBadRequest(
            _("Die Einladung ist ungültig oder abgelaufen. Bitte suchen Sie erneut.")
        )
    try:
        cooperation = services.offer_invite(
            actor=request.user,
            company_ids=payload["companies"],
            need_text=payload["text"],
            bundle=payload["bundle"],
            invite_digest=matching.bundle_invite_digest(token),
        )
    except services.OwnCompanyRequired as exc:
        messages.info(request, str(exc))
        return redirect("accounts:company_create")
    except services.CooperationError as exc:
        messages.error(request, str(exc))
        return redirect("matching:need")
    messages.success(request, _("Die Anbieter wurden eingeladen. Sie sehen hier, wer zusagt."))
    return redirect(cooperation)
