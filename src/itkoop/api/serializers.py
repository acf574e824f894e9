"""Serializers of the public registry objects."""

from rest_framework import serializers

from itkoop.registry.models import Company, Solution


class SolutionSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="external_id")
    company = serializers.CharField(source="company.external_id")
    capabilities = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")
    provides = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")
    consumes = serializers.SlugRelatedField(many=True, read_only=True, slug_field="id")

    class Meta:
        model = Solution
        fields = [
            "id",
            "company",
            "name",
            "description",
            "capabilities",
            "provides",
            "consumes",
            "deployment",
            "hosting_country",
            "price_eur_month",
            "languages",
        ]


class CompanySerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="external_id")
    hub = serializers.CharField(source="hub_id", allow_null=True)
    labels = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    solutions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="external_id")

    class Meta:
        model = Company
        fields = [
            "id",
            "name",
            "kind",
            "description",
            "description_en",
            "website",
            "postal_code",
            "city",
            "country",
            "lat",
            "lon",
            "employees",
            "founded",
            "hub",
            "labels",
            "languages",
            "export_markets",
            "industries",
            "verified",
            "solutions",
        ]


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
