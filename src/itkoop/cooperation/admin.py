"""Admin: hub staff see cooperations, profiles and inquiries of their hub; center admins everything and the
contract templates."""

from django.contrib import admin

from itkoop.core.admin_scoping import HubScopedAdmin

from . import services
from .models import ContractTemplate, Cooperation, CooperationParticipant, CooperationProfile, Inquiry


class ParticipantInline(admin.TabularInline):
    model = CooperationParticipant
    fields = ["company", "state", "accepted_code_of_conduct_at", "responded_by"]
    readonly_fields = fields
    extra = 0


@admin.register(Cooperation)
class CooperationAdmin(HubScopedAdmin):
    list_display = ["title", "state", "result_kind", "hub", "created"]
    list_filter = ["state", "result_kind", "hub"]
    search_fields = ["title", "subject"]
    inlines = [ParticipantInline]


@admin.register(CooperationProfile)
class CooperationProfileAdmin(HubScopedAdmin):
    hub_path = "company__hub_id"
    list_display = ["title", "kind", "company", "moderation", "expires_at"]
    list_filter = ["moderation", "kind"]
    search_fields = ["title", "body", "company__name"]


@admin.register(Inquiry)
class InquiryAdmin(HubScopedAdmin):
    list_display = ["name", "topic", "postal_code", "hub", "routed_by", "created"]
    list_filter = ["hub", "routed_by"]
    search_fields = ["name", "email", "question"]


@admin.register(ContractTemplate)
class ContractTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "language", "updated"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_center_admin

    has_view_permission = has_change_permission = lambda self, request, obj=None: (
        request.user.is_active and request.user.is_center_admin
    )

    fields = ["kind", "language", "title", "body"]
    readonly_fields = ["kind", "language"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.contract_template_save(
            actor=request.user,
            template_id=obj.pk,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
        )
