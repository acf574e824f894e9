from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("neu/<str:kind>/", views.create, name="create"),
    path("<id:pk>/", views.status, name="status"),
    path("<id:pk>/status.json", views.status_json, name="status_json"),
    path("<id:pk>/herunterladen/", views.download, name="download"),
]
