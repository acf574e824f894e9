from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("unternehmen-anlegen/", views.company_create, name="company_create"),
]
