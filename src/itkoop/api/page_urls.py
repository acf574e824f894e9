"""The API's pages in the site's languages (/api/, /en/api/); the API itself is under /api/v1/."""

from django.urls import path

from . import pages

app_name = "api_pages"
urlpatterns = [path("", pages.docs, name="docs")]
