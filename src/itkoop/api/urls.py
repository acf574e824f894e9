from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("companies", views.CompanyViewSet, basename="company")
router.register("solutions", views.SolutionViewSet, basename="solution")

app_name = "api"
urlpatterns = [
    path("match/", views.match, name="match"),
    path("partners/<extid:external_id>/", views.partners, name="partners"),
    path("", include(router.urls)),
]
