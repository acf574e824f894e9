from django.urls import path

from . import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<id:pk>/", views.conversation_detail, name="detail"),
    path("<id:pk>/stuetzpunkt/", views.hub_team_add, name="hub_team_add"),
    path("kooperation/<id:pk>/", views.for_cooperation, name="for_cooperation"),
    path("interesse/<id:pk>/", views.for_interest, name="for_interest"),
    path("gespraechsanfrage/<id:pk>/", views.for_meeting_request, name="for_meeting_request"),
    path("kontakt/<str:external_id>/", views.company_contact, name="company_contact"),
]
