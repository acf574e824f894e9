"""Claims under unternehmen-uebernehmen/: the link from the e-mail, the claim from a company page, and the
hub staff's list of claims to decide."""

from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("pruefen/", views.review, name="review"),
    path("pruefen/<id:pk>/", views.decide, name="decide"),
    path("profil/<extid:external_id>/", views.start, name="start"),
    path("link/<str:token>/", views.link, name="link"),
]
