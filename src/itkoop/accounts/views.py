"""Account pages: creating my company. ("Mein Bereich" itself is itkoop.dashboard, which sits above the
apps it gathers from.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from itkoop.registry.forms import CompanyForm

from . import services


@login_required
def company_create(request):
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields, relations = form.plain_data()
        company = services.company_create_for_member(actor=request.user, fields=fields, relations=relations)
        messages.success(request, _("Ihr Unternehmen wurde angelegt. Das Stützpunkt-Team prüft das Profil."))
        return redirect(company)
    return render(request, "registry/company_form.html", {"form": form})
