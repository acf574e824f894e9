from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("", views.need, name="need"),
    path("partner/<extid:external_id>/", views.partners, name="partners"),
]
