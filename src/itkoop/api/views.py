"""The REST API: the catalog (registry), and the matching engine through the same services as the pages."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from itkoop.core.converters import EXTERNAL_ID_REGEX
from itkoop.engine.serialize import match_to_dict, partners_to_dict
from itkoop.matching import services as matching
from itkoop.registry import selectors as registry

from .serializers import (
    CapabilitySerializer,
    CompanySerializer,
    MatchRequestSerializer,
    MatchResultSerializer,
    PartnersRequestSerializer,
    PartnersResultSerializer,
    StandardSerializer,
)
from .throttling import ClientAnonThrottle, ClientUserThrottle

# Taxonomy ids (capabilities, standards): the catalog schema's slug pattern, at most 80 characters.
TAXONOMY_ID_REGEX = "[a-z0-9][a-z0-9._-]{0,79}"


def _path_id(name: str, pattern: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, OpenApiTypes.STR, OpenApiParameter.PATH, description=description, pattern=f"^{pattern}$"
    )


EXTERNAL_ID = _path_id("external_id", EXTERNAL_ID_REGEX, "the id of the catalog file")
TAXONOMY_ID = _path_id("id", TAXONOMY_ID_REGEX, "the taxonomy id")


@extend_schema_view(
    list=extend_schema(summary="Companies of the catalog", tags=["catalog"]),
    retrieve=extend_schema(summary="One company", tags=["catalog"], parameters=[EXTERNAL_ID]),
)
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


@extend_schema_view(
    list=extend_schema(summary="Capabilities of the taxonomy", tags=["catalog"]),
    retrieve=extend_schema(summary="One capability", tags=["catalog"], parameters=[TAXONOMY_ID]),
)
class CapabilityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CapabilitySerializer
    lookup_value_regex = TAXONOMY_ID_REGEX
    queryset = registry.capabilities().prefetch_related("exchanges_with").order_by("id")


@extend_schema_view(
    list=extend_schema(summary="Interface standards", tags=["catalog"]),
    retrieve=extend_schema(summary="One interface standard", tags=["catalog"], parameters=[TAXONOMY_ID]),
)
class StandardViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = StandardSerializer
    lookup_value_regex = TAXONOMY_ID_REGEX
    queryset = registry.standards().prefetch_related("used_by").order_by("id")


class MatchThrottle(ClientAnonThrottle):
    rate = "30/minute"


class MatchUserThrottle(ClientUserThrottle):
    rate = "120/minute"


@extend_schema(
    summary="Joint offers for a need",
    description="The body describes the need; the answer is the `itkoop match --json` document.",
    tags=["engine"],
    request=MatchRequestSerializer,
    responses=MatchResultSerializer,
)
@api_view(["POST"])
@permission_classes([AllowAny])  # reads only; POST because a need text can be long
@throttle_classes([MatchThrottle, MatchUserThrottle])
def match(request):
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
            add_capabilities=tuple(data["add_capabilities"]),
            remove_capabilities=tuple(data["remove_capabilities"]),
            must_standards=tuple(data["must_standards"]),
            deployment=data["deployment"] or "",
        )
    except matching.MatchRequestError as exc:
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return Response(match_to_dict(result))


@extend_schema(
    summary="Complementary partners of a company",
    description="Optionally for a need text; the answer is the `itkoop partners --json` document.",
    tags=["engine"],
    parameters=[EXTERNAL_ID, PartnersRequestSerializer],
    responses=PartnersResultSerializer,
)
@api_view(["GET"])
def partners(request, external_id: str):
    form = PartnersRequestSerializer(data=request.query_params)
    form.is_valid(raise_exception=True)
    try:
        result = matching.rank_partners_for(
            company_id=external_id,
            need_text=form.validated_data.get("need"),
            top_k=form.validated_data["top"],
            max_km=form.validated_data.get("max_km"),
        )
    except matching.MatchRequestError as exc:
        return Response(
            {"detail": str(exc)},
            status=status.HTTP_404_NOT_FOUND
            if not registry.companies().filter(external_id=external_id).exists()
            else status.HTTP_400_BAD_REQUEST,
        )
    return Response(partners_to_dict(result))


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
def not_found(request, path: str = ""):
    """Every other path under the API answers like the API (JSON), not with the site's 404 page."""
    raise NotFound
