"""The start page and the network directory."""

from django.http import HttpResponse
from django.shortcuts import render

from itkoop.registry.models import Capability, Company, Solution

from .models import Center, Hub


def home(request):
    context = {
        "hubs": Hub.objects.all(),
        "company_count": Company.objects.count(),
        "solution_count": Solution.objects.count(),
        "top_capabilities": Capability.objects.filter(parent__isnull=False).order_by("label_de")[:12],
    }
    return render(request, "core/home.html", context)


def network(request):
    # The directory's map data and inquiry form (routed to a hub) come from the cooperation app.
    from itkoop.cooperation.views_network import inquiry_form_for, network_map_data

    form = inquiry_form_for(request)
    if isinstance(form, HttpResponse):
        return form
    hubs, centers = list(Hub.objects.all()), list(Center.objects.all())
    return render(
        request,
        "core/network.html",
        {
            "hubs": hubs,
            "centers": centers,
            "inquiry_form": form,
            "map_data": network_map_data(hubs, centers),
        },
    )
