from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("", views.need, name="need"),
    path("angebot.pdf", views.offer_pdf, name="offer_pdf"),
    path("partner/<extid:external_id>/", views.partners, name="partners"),
]
