"""Admin: center admins edit articles and tags (the site's editor with preview is the main tool);
hub staff may read saved self-check results of their hub's companies, nobody edits them."""

from django.contrib import admin

from .models import Article, SelfCheckResult, Tag
from .services import refresh_article_search


class CenterAdminOnly(admin.ModelAdmin):
    def _is_center_admin(self, request) -> bool:
        return request.user.is_active and request.user.is_center_admin

    def has_module_permission(self, request):
        return self._is_center_admin(request)

    def has_view_permission(self, request, obj=None):
        return self._is_center_admin(request)

    def has_change_permission(self, request, obj=None):
        return self._is_center_admin(request)

    def has_add_permission(self, request):
        return self._is_center_admin(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_center_admin(request)


@admin.register(Tag)
class TagAdmin(CenterAdminOnly):
    list_display = ["slug", "label_de", "label_en"]
    search_fields = ["slug", "label_de", "label_en"]


@admin.register(Article)
class ArticleAdmin(CenterAdminOnly):
    list_display = ["title_de", "slug", "kind", "published", "customized", "updated"]
    list_filter = ["kind", "published", "tags"]
    search_fields = ["title_de", "title_en", "slug"]
    filter_horizontal = ["tags", "capabilities"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        Article.objects.filter(pk=article.pk).update(customized=True, author=request.user)
        refresh_article_search(article)


@admin.register(SelfCheckResult)
class SelfCheckResultAdmin(admin.ModelAdmin):
    list_display = ["company", "overall", "created"]
    list_filter = ["company__hub"]
    readonly_fields = [
        "company",
        "created_by",
        "questionnaire_version",
        "answers",
        "scores",
        "overall",
        "created",
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("company")
        if request.user.is_center_admin:
            return queryset
        if request.user.is_hub_staff:
            return queryset.filter(company__hub_id=request.user.hub_id)
        return queryset.none()

    def has_module_permission(self, request):
        return request.user.is_active and (request.user.is_center_admin or request.user.is_hub_staff)

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or request.user.is_center_admin or obj.company.hub_id == request.user.hub_id

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_center_admin
