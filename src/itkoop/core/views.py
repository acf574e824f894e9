"""The start page and the network directory."""

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
    return render(request, "core/network.html", {"hubs": Hub.objects.all(), "centers": Center.objects.all()})
