from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import solutions, views, views_public

router = SimpleRouter()
router.register("companies", views.CompanyViewSet, basename="company")
router.register("solutions", solutions.SolutionViewSet, basename="solution")
router.register("capabilities", views.CapabilityViewSet, basename="capability")
router.register("standards", views.StandardViewSet, basename="standard")
router.register("events", views_public.EventViewSet, basename="event")
router.register("profiles", views_public.CooperationProfileViewSet, basename="profile")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("match/", views.match, name="match"),
    path("partners/<extid:external_id>/", views.partners, name="partners"),
    path("", include(router.urls)),
    # After every route: unknown paths answer in JSON, not with the site's 404 page.
    re_path(r"^(?P<path>.*)$", views.not_found, name="not_found"),
]
