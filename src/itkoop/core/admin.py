from django.contrib import admin

from .models import Center, Hub


class ReferenceAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_center_admin

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and (request.user.is_center_admin or request.user.is_hub_staff)

    def has_change_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_center_admin

    has_add_permission = has_delete_permission = has_change_permission


admin.site.register(Hub, ReferenceAdmin)
admin.site.register(Center, ReferenceAdmin)
