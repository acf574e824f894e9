"""Addresses of the site itself outside the language-prefixed pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
]
