from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("unternehmen-anlegen/", views.company_create, name="company_create"),
    path("meine-daten/", views.data_download, name="data_download"),
    path("konto-loeschen/", views.account_delete, name="account_delete"),
    path("api-schluessel/", views.api_tokens, name="api_tokens"),
    path("api-schluessel/<id:pk>/widerrufen/", views.api_token_revoke, name="api_token_revoke"),
]
