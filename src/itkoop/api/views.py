"""The REST API: the registry read-only, and the matching engine through the same services as the pages."""

from rest_framework import status, viewsets
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from itkoop.core.converters import EXTERNAL_ID_REGEX
from itkoop.engine.serialize import match_to_dict, partners_to_dict
from itkoop.matching import services as matching
from itkoop.registry import selectors as registry

from .serializers import (
    CompanySerializer,
    MatchRequestSerializer,
    PartnersRequestSerializer,
    SolutionSerializer,
)
from .throttling import ClientAnonThrottle, ClientUserThrottle


class CompanyViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CompanySerializer
    lookup_field = "external_id"
    lookup_value_regex = EXTERNAL_ID_REGEX
    queryset = (
        registry.companies()
        .select_related("hub")
        .prefetch_related("labels", "solutions")
        .order_by("external_id")
    )


class SolutionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SolutionSerializer
    lookup_field = "external_id"
    lookup_value_regex = EXTERNAL_ID_REGEX
    queryset = (
        registry.solutions()
        .select_related("company")
        .prefetch_related("capabilities", "provides", "consumes")
        .order_by("external_id")
    )


class MatchThrottle(ClientAnonThrottle):
    rate = "30/minute"


class MatchUserThrottle(ClientUserThrottle):
    rate = "120/minute"


@api_view(["POST"])
@permission_classes([AllowAny])  # reads only; POST because a need text can be long
@throttle_classes([MatchThrottle, MatchUserThrottle])
def match(request):
    """Body: {"text", "top", "hub", "max_partners", "labels"} -> the `itkoop match --json` document."""
    form = MatchRequestSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    data = form.validated_data
    try:
        result = matching.match_need(
            text=data["text"],
            top_k=data["top"],
            hub=data["hub"] or None,
            max_partners=data["max_partners"],
            labels=tuple(data["labels"]),
        )
    except matching.MatchRequestError as exc:
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return Response(match_to_dict(result))


@api_view(["GET"])
def partners(request, external_id: str):
    """Query: ?need=TEXT&top=K -> the `itkoop partners --json` document."""
    form = PartnersRequestSerializer(data=request.query_params)
    form.is_valid(raise_exception=True)
    try:
        result = matching.rank_partners_for(
            company_id=external_id,
            need_text=form.validated_data.get("need"),
            top_k=form.validated_data["top"],
        )
    except matching.MatchRequestError as exc:
        return Response(
            {"detail": str(exc)},
            status=status.HTTP_404_NOT_FOUND
            if not registry.companies().filter(external_id=external_id).exists()
            else status.HTTP_400_BAD_REQUEST,
        )
    return Response(partners_to_dict(result))
