"""Serializers of the public registry objects."""

from rest_framework import serializers

# Plain, read-only serializers over the registry's selectors (not ModelSerializers): the API depends on what
# the registry publishes, not on its models. Each field says what it outputs, so the JSON stays stable.


class SolutionSerializer(serializers.Serializer):
    id = serializers.CharField(source="external_id", read_only=True)
    company = serializers.CharField(source="company.external_id", read_only=True)
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    capabilities = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")
    provides = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")
    consumes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")
    deployment = serializers.JSONField(read_only=True)
    hosting_country = serializers.CharField(read_only=True)
    price_eur_month = serializers.FloatField(read_only=True)
    languages = serializers.JSONField(read_only=True)


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
    lat = serializers.FloatField(read_only=True)
    lon = serializers.FloatField(read_only=True)
    employees = serializers.IntegerField(read_only=True)
    founded = serializers.IntegerField(read_only=True)
    hub = serializers.CharField(source="hub_id", read_only=True)
    labels = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    languages = serializers.JSONField(read_only=True)
    export_markets = serializers.JSONField(read_only=True)
    industries = serializers.JSONField(read_only=True)
    verified = serializers.BooleanField(read_only=True)
    solutions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="external_id")


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


class PartnersRequestSerializer(serializers.Serializer):
    need = serializers.CharField(max_length=2000, required=False, allow_blank=False)
    top = serializers.IntegerField(min_value=1, max_value=50, default=10)
