from django.urls import path

from . import views

app_name = "legal"
urlpatterns = [
    path("impressum/", views.impressum, name="impressum"),
    path("datenschutz/", views.privacy, name="privacy"),
    path("rechtstexte/<str:kind>/bearbeiten/", views.edit, name="edit"),
    path("protokoll/", views.audit_log, name="audit_log"),
]
