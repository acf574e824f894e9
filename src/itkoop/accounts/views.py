"""The personal area: my companies, and for hub staff the profiles waiting for verification."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from itkoop.registry import selectors
from itkoop.registry.forms import CompanyForm

from . import services


@login_required
def dashboard(request):
    return render(
        request,
        "accounts/dashboard.html",
        {
            "companies": selectors.companies_of_user(request.user),
            "to_verify": selectors.companies_to_verify(request.user)[:50],
        },
    )


@login_required
def company_create(request):
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        company = services.company_create_for_member(actor=request.user, fields=fields, relations=relations)
        messages.success(request, _("Ihr Unternehmen wurde angelegt. Das Stützpunkt-Team prüft das Profil."))
        return redirect(company)
    return render(request, "registry/company_form.html", {"form": form})
