"""The site's front page (the catalog's front door) at the root and the catalog pages under katalog/."""

from django.urls import include, path

from . import views, views_import

app_name = "registry"
catalog_patterns = [
    path("", views.search, name="search"),
    path("import/", views_import.catalog_import, name="catalog_import"),
    path("import/vorlage.xlsx", views_import.catalog_template, name="catalog_template"),
    path("unternehmen/<extid:external_id>/", views.company, name="company"),
    path("unternehmen/<extid:external_id>/bearbeiten/", views.company_edit, name="company_edit"),
    path("unternehmen/<extid:external_id>/pruefen/", views.company_verify, name="company_verify"),
    path("unternehmen/<extid:external_id>/loesung-neu/", views.solution_create, name="solution_create"),
    path("loesung/<extid:external_id>/", views.solution, name="solution"),
    path("loesung/<extid:external_id>/bearbeiten/", views.solution_edit, name="solution_edit"),
    path("loesung/<extid:external_id>/loeschen/", views.solution_delete, name="solution_delete"),
]
urlpatterns = [
    path("", views.home, name="home"),
    path("katalog/", include(catalog_patterns)),
]
