"""Conversation pages: the list, one thread with its reply form, starting a conversation about an object, and
contacting a company. Anyone who is not a party gets 404 on every page that takes an id."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.registry import selectors as registry

from . import selectors, services
from .forms import ContactForm, MessageForm
from .models import Conversation


@login_required
def conversation_list(request):
    return render(
        request,
        "conversations/list.html",
        {"conversations": selectors.conversations_of_user(request.user)[:100]},
    )


@login_required
def conversation_detail(request, pk: int):
    conversation = selectors.conversation_of_party(request.user, pk)
    if conversation is None:
        raise Http404
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        try:
            services.message_send(actor=request.user, conversation_id=pk, body=request.POST.get("body", ""))
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Ihre Nachricht ist gesendet."))
            return redirect("conversations:detail", pk)
    parties = list(conversation.participants.select_related("company", "user"))
    return render(
        request,
        "conversations/detail.html",
        {
            "conversation": conversation,
            "thread": selectors.messages_of(conversation),
            "parties": parties,
            "staff_added": any(p.user_id and p.added_by_id for p in parties),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def hub_team_add(request, pk: int):
    try:
        added = services.hub_team_add(actor=request.user, conversation_id=pk)
    except PermissionDenied:
        raise Http404 from None
    if added:
        messages.success(request, _("Das Team des Stützpunkts liest jetzt mit."))
    return redirect("conversations:detail", pk)


def _for_object(kind: str):
    """GET shows the conversation if it exists (or a button to start it); POST gets or creates it."""

    @login_required
    def view(request, pk: int):
        try:
            if request.method == "POST":
                conversation = services.conversation_for(actor=request.user, kind=kind, object_id=pk)
            else:
                conversation = services.conversation_find(actor=request.user, kind=kind, object_id=pk)
        except PermissionDenied:
            raise Http404 from None
        if conversation is not None:
            return redirect("conversations:detail", conversation.pk)
        return render(request, "conversations/start.html", {"kind": Conversation.Kind(kind)})

    return view


for_cooperation = _for_object(Conversation.Kind.COOPERATION)
for_interest = _for_object(Conversation.Kind.INTEREST)
for_meeting_request = _for_object(Conversation.Kind.MEETING_REQUEST)


@login_required
def company_contact(request, external_id: str):
    company = registry.companies().filter(external_id=external_id).first()
    if company is None:
        raise Http404
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        try:
            conversation = services.company_contact(
                actor=request.user,
                company_external_id=external_id,
                subject=request.POST.get("subject", ""),
                body=request.POST.get("body", ""),
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ihre Nachricht ist gesendet."))
            return redirect("conversations:detail", conversation.pk)
    return render(
        request,
        "conversations/contact.html",
        {"company": company, "form": form},
        status=400 if form.errors else 200,
    )
