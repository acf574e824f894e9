from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("unternehmen-anlegen/", views.company_create, name="company_create"),
    path("meine-daten/", views.data_download, name="data_download"),
    path("konto-loeschen/", views.account_delete, name="account_delete"),
]
