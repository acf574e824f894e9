from django.urls import path

from . import views

app_name = "knowledge"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("artikel/neu/", views.article_create, name="article_create"),
    path("artikel/<slug:slug>/", views.article, name="article"),
    path("artikel/<slug:slug>/bearbeiten/", views.article_edit, name="article_edit"),
    path("selbstcheck/", views.selfcheck, name="selfcheck"),
    path("selbstcheck/ergebnis/", views.selfcheck_result, name="selfcheck_result"),
    path("selbstcheck/ergebnis/<id:pk>/", views.selfcheck_saved, name="selfcheck_saved"),
    path("selbstcheck/unternehmen/<extid:external_id>/", views.selfcheck_history, name="selfcheck_history"),
]
