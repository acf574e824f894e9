from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("unternehmen-anlegen/", views.company_create, name="company_create"),
]
