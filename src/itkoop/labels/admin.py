"""The center maintains the schemes and their criteria versions in the admin; decisions go through the review
page (services), so applications and certificates are read-only here."""

from django.contrib import admin

from .models import Application, Certificate, CriteriaVersion, Criterion, LabelScheme


class CenterOnlyAdmin(admin.ModelAdmin):
    """The center awards the labels: only center admins see or change these tables."""

    def _is_center(self, request) -> bool:
        return request.user.is_active and request.user.is_center_admin

    def has_module_permission(self, request) -> bool:
        return self._is_center(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_center(request)

    def has_add_permission(self, request) -> bool:
        return self._is_center(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._is_center(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(LabelScheme)
class LabelSchemeAdmin(CenterOnlyAdmin):
    list_display = ("name", "slug", "validity_months", "active")


@admin.register(CriteriaVersion)
class CriteriaVersionAdmin(CenterOnlyAdmin):
    list_display = ("scheme", "number", "published")
    inlines = [CriterionInline]


@admin.register(Application)
class ApplicationAdmin(CenterOnlyAdmin):
    list_display = ("scheme", "solution", "status", "submitted_at", "decided_at")
    list_filter = ("scheme", "status")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(CenterOnlyAdmin):
    list_display = ("scheme", "solution", "code", "valid_from", "valid_until", "renewal")
    search_fields = ("code",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
