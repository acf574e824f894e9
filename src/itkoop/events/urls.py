from django.urls import path

from . import views, views_checkin, views_meetings, views_organiser, views_ratings

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("neu/", views.event_create, name="create"),
    path("meine/", views.my_registrations, name="mine"),
    path("kalender/erneuern/", views.renew_feed, name="renew_feed"),
    path("kalender/<str:token>.ics", views.person_feed, name="feed"),
    path("<id:pk>/", views.event_detail, name="detail"),
    path("<id:pk>/kalender.ics", views.event_ics, name="ics"),
    path("<id:pk>/anmelden/", views.register, name="register"),
    path("<id:pk>/stornieren/", views.cancel, name="cancel"),
    path("<id:pk>/teilnahme/", views.attendance, name="attendance"),
    path("<id:pk>/bearbeiten/", views.event_edit, name="edit"),
    path("<id:pk>/checkin/", views_checkin.checkin_list, name="checkin"),
    path("<id:pk>/checkin/code/", views_checkin.checkin_code, name="checkin_code"),
    path("<id:pk>/checkin/<id:registration_pk>/", views_checkin.checkin_toggle, name="checkin_toggle"),
    path("<id:pk>/checkin/<id:registration_pk>/nicht-erschienen/", views_checkin.no_show, name="no_show"),
    path("<id:pk>/export/<slug:export>.<slug:file_format>", views_organiser.export, name="organiser_export"),
    path("<id:pk>/rundschreiben/", views_organiser.mailing, name="mailing"),
    path("<id:pk>/rundschreiben/senden/", views_organiser.mailing_send, name="mailing_send"),
    # meeting day
    path("<id:pk>/profil/", views_meetings.profile, name="profile"),
    path("<id:pk>/teilnehmende/", views_meetings.participants, name="participants"),
    path("<id:pk>/anfrage/<id:user_pk>/", views_meetings.request_create, name="request_create"),
    path("<id:pk>/anfragen/", views_meetings.requests, name="requests"),
    path("<id:pk>/anfragen/<id:request_pk>/antworten/", views_meetings.request_answer, name="request_answer"),
    path(
        "<id:pk>/anfragen/<id:request_pk>/zurueckziehen/",
        views_meetings.request_withdraw,
        name="request_withdraw",
    ),
    path("<id:pk>/agenda/", views_meetings.agenda, name="agenda"),
    path("<id:pk>/agenda.ics", views_meetings.agenda_ics, name="agenda_ics"),
    path("<id:pk>/bewertung/", views_ratings.rating_page, name="ratings"),
    path("<id:pk>/bewertung/<id:request_pk>/", views_ratings.rate, name="rate"),
    path("<id:pk>/bewertung/<id:request_pk>/ergebnis/", views_ratings.outcome, name="outcome"),
    path("<id:pk>/runden/", views_meetings.meeting_settings, name="meeting_settings"),
    path("<id:pk>/plan/", views_meetings.schedule, name="schedule"),
    path("<id:pk>/plan/erstellen/", views_meetings.schedule_build, name="schedule_build"),
    path("<id:pk>/plan/status.json", views_meetings.schedule_status, name="schedule_status"),
    path("<id:pk>/plan/gespraech/<id:request_pk>/", views_meetings.meeting_move, name="meeting_move"),
    path(
        "<id:pk>/plan/gespraech/<id:request_pk>/fixieren/", views_meetings.meeting_lock, name="meeting_lock"
    ),
]
