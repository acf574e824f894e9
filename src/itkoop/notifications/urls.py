from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<id:pk>/oeffnen/", views.open_notification, name="open"),
    path("alle-gelesen/", views.mark_all_read, name="mark_all_read"),
    path("einstellungen/", views.preferences, name="preferences"),
]
