"""The catalog's solutions through the API: everyone reads; a company's people (with a personal API key or
their session) create, change and delete its solutions.

Writes go through the same code as the web pages: the registry's SolutionForm checks the values (so the page
and the API accept and refuse the same input, with the same German messages) and `registry.services`
writes them, checking who may (registry.permissions through the services). A solution the caller may not
change answers 404 to every write, like a missing id: a key of company A cannot even probe B's solutions."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.response import Response

from itkoop.core.converters import EXTERNAL_ID_MAX_LENGTH, EXTERNAL_ID_REGEX
from itkoop.core.forms import TEXT_MAX
from itkoop.registry import selectors as registry
from itkoop.registry import services as registry_services
from itkoop.registry.forms import SolutionForm

from .serializers import SolutionSerializer
from .views import EXTERNAL_ID

DEPLOYMENTS = ["saas", "on-premise", "hybrid", "service"]


def _ids(**kwargs) -> serializers.ListField:
    """A list of taxonomy ids (capabilities or standards)."""
    return serializers.ListField(child=serializers.CharField(max_length=80), max_length=100, **kwargs)


class StrictFloatField(serializers.FloatField):
    """A number; unlike DRF's FloatField it refuses true and false (which Python counts as 1 and 0)."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class SolutionWriteSerializer(serializers.Serializer):
    """What a program sends to create or replace a solution (PATCH: any of these)."""

    name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=TEXT_MAX, required=False, allow_blank=True, default="")
    capabilities = _ids(min_length=1, help_text="capability ids, at least one")
    provides = _ids(required=False, default=list, help_text="standard ids")
    consumes = _ids(required=False, default=list, help_text="standard ids")
    deployment = serializers.ListField(
        child=serializers.ChoiceField(choices=DEPLOYMENTS), max_length=4, required=False, default=list
    )
    hosting_country = serializers.CharField(
        max_length=2, required=False, allow_blank=True, default="", help_text="ISO 3166-1 alpha-2"
    )
    price_eur_month = StrictFloatField(
        min_value=0,
        max_value=registry_services.PRICE_EUR_MONTH_MAX,
        required=False,
        allow_null=True,
        default=None,
    )
    languages = serializers.ListField(
        child=serializers.CharField(max_length=10), max_length=20, required=False, default=list
    )

    def validate_languages(self, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))  # each language once


class SolutionCreateSerializer(SolutionWriteSerializer):
    company = serializers.RegexField(
        rf"^{EXTERNAL_ID_REGEX}$", max_length=EXTERNAL_ID_MAX_LENGTH, help_text="the company's id"
    )


def _current_values(solution) -> dict:
    """A solution's values as the write serializer names them: the base a PATCH changes."""
    return {
        "name": solution.name,
        "description": solution.description,
        "capabilities": [c.pk for c in solution.capabilities.all()],
        "provides": [s.pk for s in solution.provides.all()],
        "consumes": [s.pk for s in solution.consumes.all()],
        "deployment": list(solution.deployment),
        "hosting_country": solution.hosting_country,
        "price_eur_month": solution.price_eur_month,
        "languages": list(solution.languages),
    }


def _checked_by_the_form(values: dict, instance=None) -> tuple[dict, dict]:
    """The web page's form checks the values; its errors become the API's 400 answer, field by field."""
    data = {key: value for key, value in values.items() if key != "languages"}
    if data.get("price_eur_month") is None:
        data["price_eur_month"] = ""
    form = SolutionForm(data=data, instance=instance)
    if not form.is_valid():
        raise ValidationError({field: [str(e) for e in errors] for field, errors in form.errors.items()})
    fields, relations = form.plain_data()
    fields["languages"] = values.get("languages", [])
    return fields, relations


def _answer(solution, request, code=status.HTTP_200_OK) -> Response:
    fresh = registry.solution_detail(solution.external_id)
    return Response(SolutionSerializer(fresh, context={"request": request}).data, status=code)


@extend_schema_view(
    list=extend_schema(summary="Solutions of the catalog", tags=["catalog"]),
    retrieve=extend_schema(summary="One solution", tags=["catalog"], parameters=[EXTERNAL_ID]),
    create=extend_schema(
        summary="Add a solution to one of your companies",
        tags=["catalog"],
        request=SolutionCreateSerializer,
        responses={201: SolutionSerializer},
    ),
    update=extend_schema(
        summary="Replace a solution of your company",
        tags=["catalog"],
        parameters=[EXTERNAL_ID],
        request=SolutionWriteSerializer,
        responses=SolutionSerializer,
    ),
    partial_update=extend_schema(
        summary="Change some values of a solution of your company",
        tags=["catalog"],
        parameters=[EXTERNAL_ID],
        request=SolutionWriteSerializer,
        responses=SolutionSerializer,
    ),
    destroy=extend_schema(
        summary="Delete a solution of your company", tags=["catalog"], parameters=[EXTERNAL_ID]
    ),
)
class SolutionViewSet(viewsets.ModelViewSet):
    serializer_class = SolutionSerializer
    lookup_field = "external_id"
    lookup_value_regex = EXTERNAL_ID_REGEX
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def get_queryset(self):
        return (
            registry.solutions()
            .select_related("company")
            .prefetch_related("capabilities", "provides", "consumes")
            .order_by("external_id")
        )

    def _editable_solution(self):
        """The solution named in the path if the caller may change it; 404 otherwise, like a missing id."""
        solution = self.get_queryset().filter(external_id=self.kwargs["external_id"]).first()
        if solution is None or not registry.can_edit(self.request.user, solution.company):
            raise NotFound
        return solution

    def create(self, request, *args, **kwargs):
        given = SolutionCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        values = dict(given.validated_data)
        company = registry.companies().filter(external_id=values.pop("company")).first()
        if company is None:
            raise ValidationError({"company": [_("Unbekanntes Unternehmen.")]})
        if not registry.can_edit(request.user, company):
            raise PermissionDenied(_("Sie können für dieses Unternehmen keine Lösungen anlegen."))
        fields, relations = _checked_by_the_form(values)
        try:
            solution = registry_services.solution_save(
                actor=request.user, company_id=company.pk, fields=fields, relations=relations
            )
        except DjangoPermissionDenied:
            raise PermissionDenied from None
        return _answer(solution, request, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        solution = self._editable_solution()
        given = SolutionWriteSerializer(data=request.data, partial=partial)
        given.is_valid(raise_exception=True)
        values = {**_current_values(solution), **given.validated_data} if partial else given.validated_data
        fields, relations = _checked_by_the_form(values, instance=solution)
        try:
            registry_services.solution_save(
                actor=request.user,
                company_id=solution.company_id,
                solution_id=solution.pk,
                fields=fields,
                relations=relations,
            )
        except DjangoPermissionDenied:
            raise NotFound from None
        return _answer(solution, request)

    def destroy(self, request, *args, **kwargs):
        solution = self._editable_solution()
        try:
            registry_services.solution_delete(actor=request.user, solution=solution)
        except DjangoPermissionDenied:
            raise NotFound from None
        return Response(status=status.HTTP_204_NO_CONTENT)
