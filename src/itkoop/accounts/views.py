"""Account pages: creating my company. ("Mein Bereich" itself is itkoop.dashboard, which sits above the
apps it gathers from.)"""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from itkoop.registry.forms import CompanyForm

from . import selectors, services
from .forms import AccountDeleteForm, ApiTokenForm
from .models import ApiToken


@login_required
def company_create(request):
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        company = services.company_create_for_member(actor=request.user, fields=fields, relations=relations)
        messages.success(request, _("Ihr Unternehmen wurde angelegt. Das Stützpunkt-Team prüft das Profil."))
        return redirect(company)
    return render(request, "registry/company_form.html", {"form": form})


@login_required
def data_download(request):
    """Everything held about the person, as a JSON file (Art. 15 and 20 GDPR)."""
    data = services.personal_data_export(actor=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="itkoop-meine-daten-{stamp}.json"'
    return response


@login_required
def account_delete(request):
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(actor=request.user, password=form.cleaned_data["password"])
        except services.AccountDeletionError as error:
            form.add_error("password", str(error))
        else:
            logout(request)
            messages.success(request, _("Ihr Konto wurde gelöscht. Ihre persönlichen Daten sind entfernt."))
            return redirect("registry:home")
    return render(request, "accounts/account_delete.html", {"form": form})


# The session entry that carries a new key from the POST to the one page that shows it.
NEW_KEY_SESSION = "accounts_api_token_new_key"


@login_required
def api_tokens(request):
    """The person's API keys: make one, see and revoke the others.

    A new key is made by a POST that redirects to this page (post/redirect/get): reloading the page then does
    not send the form again and make a second key. The key rides in the (server-side) session to the next
    GET, which shows it once and drops it; a later reload no longer shows it."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _token, key = services.api_token_create(actor=request.user, name=form.cleaned_data["name"])
        except services.ApiTokenError as error:
            form.add_error("name", str(error))
        else:
            request.session[NEW_KEY_SESSION] = key
            return redirect("accounts:api_tokens")
    new_key = request.session.pop(NEW_KEY_SESSION, None) if request.method == "GET" else None
    response = render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": selectors.api_tokens_of(request.user), "new_key": new_key},
    )
    add_never_cache_headers(response)  # the new key must not stay in a cache
    return response


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    try:
        services.api_token_revoke(actor=request.user, token_id=pk)
    except ApiToken.DoesNotExist:  # someone else's key answers like a missing one
        raise Http404 from None
    messages.success(
        request, _("Der API-Schlüssel ist widerrufen; Programme, die ihn nutzen, werden abgewiesen.")
    )
    return redirect("accounts:api_tokens")
