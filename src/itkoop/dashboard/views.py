"""“Mein Bereich”: one page that gathers from the other apps' selectors what concerns the person: companies,
cooperations and open invitations, event registrations and meeting requests, marketplace profiles and
interests, conversations. It sits above those apps in the layers, so that none of them needs to know it."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from itkoop.accounts import selectors as accounts
from itkoop.claims import selectors as claims
from itkoop.conversations import selectors as conversations
from itkoop.cooperation import selectors as cooperation
from itkoop.events import selectors as events
from itkoop.registry import selectors as registry

LIMIT = 20


@login_required
def dashboard(request):
    user = request.user
    return render(
        request,
        "dashboard/dashboard.html",
        {
            "companies": registry.companies_of_user(user),
            "to_verify": registry.companies_to_verify(user)[:50],
            "claims_waiting": claims.claims_to_review(user).count(),
            "invitations": cooperation.open_invitations_of_user(user)[:LIMIT],
            "cooperations": cooperation.cooperations_of_user(user)[:LIMIT],
            "registrations": events.registrations_of(user)[:LIMIT],
            "meeting_requests": events.meeting_requests_of_user(user)[:LIMIT],
            "profiles": cooperation.profiles_of_user(user)[:LIMIT],
            "interests": cooperation.interests_of_user(user)[:LIMIT],
            "conversations": conversations.conversations_of_user(user)[:5],
            "api_tokens": accounts.api_tokens_of(user)[:LIMIT],
        },
    )
