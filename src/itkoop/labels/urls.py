"""Labels under siegel/: the public register and verification, the companies' applications, the review."""

from django.urls import path

from . import views

app_name = "labels"
urlpatterns = [
    path("", views.register, name="register"),
    path("nachweis/<str:code>/", views.verify, name="verify"),
    path("nachweis/<str:code>/siegel.svg", views.badge_svg, name="badge"),
    path("antraege/", views.applications, name="applications"),
    path("antraege/neu/<extid:external_id>/<slug:scheme>/", views.apply, name="apply"),
    path("antraege/<id:pk>/", views.application, name="application"),
    path("antraege/<id:pk>/bearbeiten/", views.application_edit, name="application_edit"),
    path("antraege/<id:pk>/entscheiden/", views.decide, name="decide"),
    path("pruefung/", views.review, name="review"),
    path("dateien/<id:pk>/", views.evidence, name="evidence"),
]
