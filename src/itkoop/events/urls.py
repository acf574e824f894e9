from django.urls import path

from . import views, views_meetings

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("neu/", views.event_create, name="create"),
    path("meine/", views.my_registrations, name="mine"),
    path("kalender/erneuern/", views.renew_feed, name="renew_feed"),
    path("kalender/<str:token>.ics", views.person_feed, name="feed"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/kalender.ics", views.event_ics, name="ics"),
    path("<int:pk>/anmelden/", views.register, name="register"),
    path("<int:pk>/stornieren/", views.cancel, name="cancel"),
    path("<int:pk>/bearbeiten/", views.event_edit, name="edit"),
    path("<int:pk>/checkin/", views.checkin_list, name="checkin"),
    path("<int:pk>/checkin/<int:registration_pk>/", views.checkin, name="checkin_toggle"),
    # meeting day
    path("<int:pk>/profil/", views_meetings.profile, name="profile"),
    path("<int:pk>/teilnehmende/", views_meetings.participants, name="participants"),
    path("<int:pk>/anfrage/<int:user_pk>/", views_meetings.request_create, name="request_create"),
    path("<int:pk>/anfragen/", views_meetings.requests, name="requests"),
    path(
        "<int:pk>/anfragen/<int:request_pk>/antworten/", views_meetings.request_answer, name="request_answer"
    ),
    path(
        "<int:pk>/anfragen/<int:request_pk>/zurueckziehen/",
        views_meetings.request_withdraw,
        name="request_withdraw",
    ),
    path("<int:pk>/agenda/", views_meetings.agenda, name="agenda"),
    path("<int:pk>/agenda.pdf", views_meetings.agenda_pdf, name="agenda_pdf"),
    path("<int:pk>/agenda.ics", views_meetings.agenda_ics, name="agenda_ics"),
    path("<int:pk>/runden/", views_meetings.meeting_settings, name="meeting_settings"),
    path("<int:pk>/plan/", views_meetings.schedule, name="schedule"),
    path("<int:pk>/plan/erstellen/", views_meetings.schedule_build, name="schedule_build"),
    path("<int:pk>/plan/status.json", views_meetings.schedule_status, name="schedule_status"),
    path("<int:pk>/plan/gespraech/<int:request_pk>/", views_meetings.meeting_move, name="meeting_move"),
    path(
        "<int:pk>/plan/gespraech/<int:request_pk>/fixieren/", views_meetings.meeting_lock, name="meeting_lock"
    ),
]
