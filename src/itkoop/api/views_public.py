"""The API's events (list, detail, iCalendar file) and the marketplace's cooperation profiles, read-only,
through the apps' selectors. What the pages keep private stays private here: an event's online access link
goes to nobody, an anonymous profile's company only to who may see it, an unpublished profile only to its
authors and moderators (404 for everyone else, like a missing id)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer

from itkoop.cooperation import selectors as cooperation
from itkoop.core.converters import parse_id
from itkoop.events import selectors as events

from .serializers import CooperationProfileSerializer, EventSerializer

ID_REGEX = "[0-9]{1,18}"
NUMERIC_ID = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description="the object's number"
)


class EventFilterSerializer(serializers.Serializer):
    hub = serializers.CharField(required=False, allow_blank=True, default="", max_length=40)
    past = serializers.BooleanField(required=False, default=False, help_text="include past events")


class ICalendarRenderer(BaseRenderer):
    """Lets a client ask for text/calendar; errors still answer in JSON (the first renderer)."""

    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


@extend_schema_view(
    list=extend_schema(summary="Events of the hubs", tags=["events"], parameters=[EventFilterSerializer]),
    retrieve=extend_schema(summary="One event", tags=["events"], parameters=[NUMERIC_ID]),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = EventSerializer
    lookup_value_regex = ID_REGEX

    def get_queryset(self):
        if self.action == "list":
            filters = EventFilterSerializer(data=self.request.query_params)
            filters.is_valid(raise_exception=True)
            return events.events_list(
                hub=filters.validated_data["hub"], include_past=filters.validated_data["past"]
            )
        return events.events().select_related("hub")

    def get_object(self):
        pk = parse_id(self.kwargs["pk"])
        event = self.get_queryset().filter(pk=pk).first() if pk is not None else None
        if event is None:
            raise NotFound
        event.confirmed = events.event_counts(event)["confirmed"]
        return event

    @extend_schema(
        summary="One event as an iCalendar file",
        tags=["events"],
        # The path says what it returns; the ?format= switch of DRF is not part of the interface.
        parameters=[NUMERIC_ID, OpenApiParameter("format", exclude=True)],
        responses={(200, "text/calendar"): OpenApiResponse(OpenApiTypes.BINARY, description="RFC 5545")},
    )
    @action(detail=True, url_path="ics", renderer_classes=[JSONRenderer, ICalendarRenderer])
    def ics(self, request, pk=None):
        event = self.get_object()
        # Public like the page's file: without the online access link.
        response = HttpResponse(
            events.public_calendar_file(event), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
        return response


class ProfileFilterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=list(CooperationProfileSerializer().fields["kind"].choices), required=False, default=""
    )
    capability = serializers.CharField(required=False, allow_blank=True, default="", max_length=80)
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


@extend_schema_view(
    list=extend_schema(
        summary="Published marketplace profiles", tags=["marketplace"], parameters=[ProfileFilterSerializer]
    ),
    retrieve=extend_schema(
        summary="One marketplace profile",
        description="Published profiles for everyone; unpublished ones only for their authors and "
        "moderators.",
        tags=["marketplace"],
        parameters=[NUMERIC_ID],
    ),
)
class CooperationProfileViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CooperationProfileSerializer
    lookup_value_regex = ID_REGEX

    def get_queryset(self):
        filters = ProfileFilterSerializer(data=self.request.query_params)
        if not filters.is_valid():
            raise ValidationError(filters.errors)
        data = filters.validated_data
        return cooperation.published_profiles(
            kind=data["kind"], capability=data["capability"], text=data["q"]
        ).select_related("company")

    def get_object(self):
        pk = parse_id(self.kwargs["pk"])
        profile = cooperation.profile_visible_to(self.request.user, pk) if pk is not None else None
        if profile is None:
            raise NotFound
        return profile
