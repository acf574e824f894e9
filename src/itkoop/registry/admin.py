"""Admin for hub staff and center admins: hub staff see and change only their hub's companies.

Saving a company or solution goes through the registry services, so the admin keeps the pages' rules: the
search text is refreshed and hub staff cannot move a company (or a solution) out of their hub."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from itkoop.core.admin_scoping import HubScopedAdmin
from itkoop.core.forms import CountryField

from . import services
from .models import Capability, Company, Label, Solution, Standard
from .permissions import can_verify_company


class StaffEditableAdmin(HubScopedAdmin):
    """Hub staff edit the profiles of their hub here too; only center admins add companies."""

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return request.user.is_active and request.user.is_center_admin

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Countries by name or code ("Deutschland" -> "DE"), as on the pages.
        if db_field.name in ("country", "hosting_country"):
            return CountryField(label=db_field.verbose_name, required=not db_field.blank)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class SolutionInline(admin.TabularInline):
    """Listed only: solutions change on their own admin page, through the service."""

    model = Solution
    fields = ["external_id", "name"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Company)
class CompanyAdmin(StaffEditableAdmin):
    list_display = ["name", "city", "hub", "kind", "verified"]
    list_filter = ["verified", "kind", "hub", "labels"]
    search_fields = ["name", "city", "external_id", "postal_code"]
    inlines = [SolutionInline]
    actions = ["mark_verified"]
    filter_horizontal = ["labels"]

    def get_readonly_fields(self, request, obj=None):
        # Verification has its own action; the id stays once given. Hub staff must not move a company out
        # of their hub (and so out of their own reach); the service refuses that too.
        fixed = ["verified", "verified_by", "verified_at"] + (["external_id"] if obj is not None else [])
        return fixed if request.user.is_center_admin else [*fixed, "hub"]

    def save_model(self, request, obj, form, change):
        self.check_hub_write(request, obj, change)
        if not change:  # center admins only (has_add_permission); the company gets its search text below
            services.assign_hub(obj, hub_chosen=obj.hub_id is not None)
            obj.save()
            return
        fields, relations = services.plain_fields(Company, form.cleaned_data)
        services.company_update(actor=request.user, company_id=obj.pk, fields=fields, relations=relations)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            services.refresh_company_search(form.instance)

    @admin.action(description=_("Ausgewählte Profile als geprüft markieren"))
    def mark_verified(self, request, queryset):
        count = 0
        for company in queryset:
            if can_verify_company(request.user, company):
                services.company_set_verified(actor=request.user, company=company, verified=True)
                count += 1
        self.message_user(request, _("%(count)d Profile geprüft.") % {"count": count}, messages.SUCCESS)


@admin.register(Solution)
class SolutionAdmin(StaffEditableAdmin):
    hub_path = "company__hub_id"
    list_display = ["name", "company"]
    search_fields = ["name", "external_id", "company__name"]
    filter_horizontal = ["capabilities", "provides", "consumes"]
    raw_id_fields = ["company"]

    def get_readonly_fields(self, request, obj=None):
        # A solution stays with its company; its id and search text are the service's business.
        return ["external_id"] + (["company"] if obj is not None else [])

    def save_model(self, request, obj, form, change):
        self.check_hub_write(request, obj, change)
        fields, relations = services.plain_fields(Solution, form.cleaned_data)
        company_id = fields.pop("company_id", None) or obj.company_id
        saved = services.solution_save(
            actor=request.user,
            company_id=company_id,
            solution_id=obj.pk if change else None,
            fields=fields,
            relations=relations,
        )
        obj.pk, obj.external_id = saved.pk, saved.external_id


class CenterAdminOnly(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_center_admin

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) or (request.user.is_active and request.user.is_hub_staff)

    has_change_permission = has_add_permission = has_delete_permission = lambda self, request, obj=None: (
        request.user.is_active and request.user.is_center_admin
    )


@admin.register(Capability)
class CapabilityAdmin(CenterAdminOnly):
    list_display = ["id", "label_de", "label_en", "parent"]
    search_fields = ["id", "label_de", "label_en"]
    filter_horizontal = ["exchanges_with"]


@admin.register(Standard)
class StandardAdmin(CenterAdminOnly):
    list_display = ["id", "label", "label_en"]
    search_fields = ["id", "label", "label_en"]


@admin.register(Label)
class LabelAdmin(CenterAdminOnly):
    list_display = ["slug", "name", "name_en"]
