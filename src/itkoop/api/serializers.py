"""Serializers of the public objects (registry, events, marketplace) and of the engine's documents.

Plain serializers over the apps' selectors (not ModelSerializers): the API depends on what the apps publish,
not on their models. Each field says what it outputs, so the JSON and the OpenAPI description stay stable."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from itkoop.cooperation import selectors as cooperation
from itkoop.engine.correct import MAX_REQUIRED_STANDARDS
from itkoop.engine.need import MAX_NEED_CAPABILITIES
from itkoop.matching.services import DEPLOYMENT_CHOICES, DEPLOYMENT_INVALID


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class RelatedIds(serializers.Field):
    """The ids of a many-to-many relation (``slug``: the related objects' id attribute), in stored order."""

    def __init__(self, slug: str, **kwargs):
        self.slug = slug
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.source)

    def to_representation(self, value):
        return [getattr(obj, self.slug) for obj in value.all()]


def _absolute(context: dict, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


# --- registry -----------------------------------------------------------------------------------------------


class SolutionSerializer(serializers.Serializer):
    id = serializers.CharField(source="external_id", read_only=True)
    company = serializers.CharField(source="company.external_id", read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    capabilities = RelatedIds("id")
    provides = RelatedIds("id")
    consumes = RelatedIds("id")
    deployment = serializers.ListField(child=serializers.CharField(), read_only=True)
    hosting_country = serializers.CharField(read_only=True)
    price_eur_month = serializers.FloatField(read_only=True, allow_null=True)
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)


class CompanySerializer(serializers.Serializer):
    id = serializers.CharField(source="external_id", read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    description_en = serializers.CharField(read_only=True)
    website = serializers.CharField(read_only=True)
    postal_code = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    country = serializers.CharField(read_only=True)
    lat = serializers.FloatField(read_only=True, allow_null=True)
    lon = serializers.FloatField(read_only=True, allow_null=True)
    employees = serializers.IntegerField(read_only=True, allow_null=True)
    founded = serializers.IntegerField(read_only=True, allow_null=True)
    hub = serializers.CharField(source="hub_id", read_only=True, allow_null=True)
    labels = RelatedIds("slug")
    languages = serializers.ListField(child=serializers.CharField(), read_only=True)
    export_markets = serializers.ListField(child=serializers.CharField(), read_only=True)
    industries = serializers.ListField(child=serializers.CharField(), read_only=True)
    verified = serializers.BooleanField(read_only=True)
    solutions = RelatedIds("external_id")


class CapabilitySerializer(serializers.Serializer):
    id = serializers.CharField(read_only=True)
    label_de = serializers.CharField(read_only=True)
    label_en = serializers.CharField(read_only=True)
    synonyms_de = serializers.ListField(child=serializers.CharField(), read_only=True)
    synonyms_en = serializers.ListField(child=serializers.CharField(), read_only=True)
    parent = serializers.CharField(source="parent_id", read_only=True, allow_null=True)
    exchanges_with = RelatedIds("id")


class StandardSerializer(serializers.Serializer):
    id = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True, help_text="the German name")
    label_en = serializers.CharField(read_only=True, help_text="the English name; empty where it is the same")
    url = serializers.CharField(read_only=True)
    used_by = RelatedIds("id")


# --- events -------------------------------------------------------------------------------------------------


class EventSerializer(serializers.Serializer):
    """What the public event page shows; the online access link only goes to people with a seat."""

    id = serializers.IntegerField(source="pk", read_only=True)
    title = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    hub = serializers.CharField(source="hub_id", read_only=True, allow_null=True)
    format = serializers.ChoiceField(choices=["at_hub", "online", "hybrid"], read_only=True)
    start = serializers.DateTimeField(read_only=True)
    end = serializers.DateTimeField(read_only=True)
    language = serializers.ChoiceField(choices=["de", "en", "de_en"], read_only=True)
    location = serializers.CharField(read_only=True)
    capacity = serializers.IntegerField(read_only=True)
    free_seats = serializers.SerializerMethodField(help_text="seats not yet taken")
    is_meeting_day = serializers.BooleanField(read_only=True)
    url = serializers.SerializerMethodField(help_text="the event's page")
    ics = serializers.SerializerMethodField(help_text="the event as an iCalendar file")

    def get_free_seats(self, event) -> int:
        confirmed = getattr(event, "confirmed", None)  # events_list annotates it; a detail view sets it
        return max(0, event.capacity - (confirmed or 0))

    def get_url(self, event) -> str:
        return _absolute(self.context, event.get_absolute_url())

    def get_ics(self, event) -> str:
        return _absolute(self.context, reverse("api:event-ics", args=[event.pk]))


# --- marketplace --------------------------------------------------------------------------------------------


class CooperationProfileSerializer(serializers.Serializer):
    """A marketplace profile; `company` is null while the author stays anonymous to the viewer."""

    id = serializers.IntegerField(source="pk", read_only=True)
    kind = serializers.ChoiceField(
        choices=[
            "business_offer",
            "business_request",
            "technology_offer",
            "technology_request",
            "rnd_partner_search",
        ],
        read_only=True,
    )
    title = serializers.CharField(read_only=True)
    body = serializers.CharField(read_only=True)
    capabilities = RelatedIds("id")
    company = serializers.SerializerMethodField(help_text="the author's company id, if the viewer may see it")
    deadline = serializers.DateField(read_only=True, allow_null=True)
    expires_at = serializers.DateTimeField(read_only=True)
    created = serializers.DateTimeField(read_only=True)
    url = serializers.SerializerMethodField(help_text="the profile's page")

    def get_company(self, profile) -> str | None:
        request = self.context.get("request")
        viewer = request.user if request is not None else None
        return profile.company.external_id if cooperation.author_visible_to(viewer, profile) else None

    def get_url(self, profile) -> str:
        return _absolute(self.context, profile.get_absolute_url())


# --- engine calls -------------------------------------------------------------------------------------------


class MatchRequestSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=2000)
    top = serializers.IntegerField(min_value=1, max_value=50, default=5)
    hub = serializers.CharField(required=False, allow_blank=True, default="", max_length=50)
    max_partners = serializers.IntegerField(
        min_value=1, max_value=10, required=False, allow_null=True, default=None
    )
    labels = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list, max_length=50
    )
    # the customer's corrections of what the text names (engine/correct.py)
    add_capabilities = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        default=list,
        max_length=MAX_NEED_CAPABILITIES,
        help_text="capability ids to compose although the text does not name them",
    )
    remove_capabilities = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        default=list,
        max_length=50,
        help_text="capability ids the text names that are not to be composed",
    )
    must_standards = serializers.ListField(
        child=serializers.CharField(max_length=100),
        required=False,
        default=list,
        max_length=MAX_REQUIRED_STANDARDS,
        help_text="standard ids every bundle must provide or consume (a hard constraint: bundles without "
        'them are not offered; none possible: status "standard_unmet")',
    )
    deployment = serializers.ChoiceField(
        choices=DEPLOYMENT_CHOICES,
        required=False,
        default="",
        allow_blank=True,
        allow_null=True,
        error_messages={"invalid_choice": DEPLOYMENT_INVALID},
        help_text='how every solution must run: "on-premise" or "cloud" (a hard constraint); "any" sets '
        'aside what the text says ("keine Cloud"); empty: as the text says',
    )


class PartnersRequestSerializer(serializers.Serializer):
    need = serializers.CharField(max_length=2000, required=False, allow_blank=False)
    top = serializers.IntegerField(min_value=1, max_value=50, default=10)
    max_km = serializers.IntegerField(
        min_value=1, max_value=2000, required=False, help_text="only partners within this distance (km)"
    )


class _CapabilityHitSerializer(serializers.Serializer):
    id = serializers.CharField()
    score = serializers.FloatField()
    evidence = serializers.ListField(child=serializers.CharField())


class _NeedSerializer(serializers.Serializer):
    text = serializers.CharField()
    capabilities = _CapabilityHitSerializer(many=True)
    not_wanted = serializers.ListField(
        child=serializers.CharField(), help_text='capability ids the text refuses ("keinen Onlineshop")'
    )
    existing = serializers.ListField(
        child=serializers.CharField(), help_text="capability ids of systems the customer already runs"
    )
    left_out = serializers.ListField(
        child=serializers.CharField(), help_text="capability ids found beyond the limit of one need"
    )
    in_passing = serializers.ListField(
        child=serializers.CharField(),
        help_text="capability ids a longer text names only in passing beside what it asks for, or that the "
        "learned screen doubts are meant as needs (not composed)",
    )
    added = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="capability ids the customer added"
    )
    removed = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="capability ids the customer removed"
    )
    must_standards = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="standard ids every bundle speaks"
    )
    unmet_standards = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="must standards no solution covering the need provides or consumes",
    )
    deployment = serializers.CharField(
        allow_null=True, help_text='how every solution of a bundle runs: "on-premise", "cloud" or null (any)'
    )
    deployment_read = serializers.CharField(
        allow_null=True,
        help_text="how the need text asks the solutions to run (null: it does not say); differs from "
        "deployment when the customer chose otherwise",
    )
    deployment_evidence = serializers.CharField(
        allow_null=True, help_text="the need text's words that ask for that way to run"
    )


class _SolutionUseSerializer(serializers.Serializer):
    id = serializers.CharField()
    company = serializers.CharField()
    covers = serializers.ListField(child=serializers.CharField())


class _LinkSerializer(serializers.Serializer):
    to = serializers.CharField(help_text="solution id")
    standard = serializers.CharField(help_text="standard id")

    def get_fields(self):
        # "from" is a Python keyword: added under its JSON name.
        fields = super().get_fields()
        return {"from": serializers.CharField(help_text="solution id"), **fields}


class _BundleSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    score = serializers.FloatField()
    companies = serializers.ListField(child=serializers.CharField())
    solutions = _SolutionUseSerializer(many=True)
    links = _LinkSerializer(many=True)
    uncovered = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField()


class _StatsSerializer(serializers.Serializer):
    candidates = serializers.IntegerField()
    elapsed_ms = serializers.FloatField()
    optimal = serializers.BooleanField()


class MatchResultSerializer(serializers.Serializer):
    """The `itkoop match --json` document (shared/DESIGN.md, engine contract)."""

    status = serializers.ChoiceField(
        choices=["found", "no_provider", "not_understood", "standard_unmet"],
        help_text="found: bundles follow; no_provider: understood, but nothing covers it; "
        "not_understood: the text names nothing the taxonomy knows; standard_unmet: solutions cover it, "
        "but no bundle provides or consumes every must standard",
    )
    need = _NeedSerializer()
    bundles = _BundleSerializer(many=True)
    stats = _StatsSerializer()


class _PartnerSerializer(serializers.Serializer):
    id = serializers.CharField()
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())


class PartnersResultSerializer(serializers.Serializer):
    """The `itkoop partners --json` document."""

    company = serializers.CharField()
    partners = _PartnerSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
