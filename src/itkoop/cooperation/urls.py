"""The network directory at netzwerk/ and the cooperation pages under kooperation/."""

from django.urls import include, path

from . import views, views_market, views_network

app_name = "cooperation"
cooperation_patterns = [
    path("", views.cooperation_list, name="list"),
    path("neu/", views.cooperation_invite, name="invite"),
    path("gesamtangebot/", views.bundle_invite, name="bundle_invite"),
    path("<id:pk>/", views.cooperation_detail, name="detail"),
    path("<id:pk>/ergebnis/", views.cooperation_result, name="result"),
    path("<id:pk>/zurueckziehen/", views.cooperation_withdraw, name="withdraw"),
    path("<id:pk>/vertrag/", views.contract_document, name="contract"),
    path("antwort/<id:pk>/", views.participant_respond, name="respond"),
    path("verhaltenskodex/", views.code_of_conduct, name="code_of_conduct"),
    path("vorlagen/", views.contract_templates, name="contract_templates"),
    path("vorlagen/<id:pk>/", views.contract_template_edit, name="contract_template_edit"),
    path("marktplatz/", views_market.market, name="market"),
    path("marktplatz/neu/", views_market.profile_create, name="profile_create"),
    path("marktplatz/<id:pk>/", views_market.profile_detail, name="profile"),
    path("marktplatz/<id:pk>/bearbeiten/", views_market.profile_edit, name="profile_edit"),
    path("marktplatz/<id:pk>/verlaengern/", views_market.profile_renew, name="profile_renew"),
    path("marktplatz/<id:pk>/freigabe/", views_market.profile_moderate, name="profile_moderate"),
    path("marktplatz/<id:pk>/interesse/", views_market.interest_submit, name="interest_submit"),
    path("marktplatz/interesse/<id:pk>/antwort/", views_market.interest_answer, name="interest_answer"),
]
urlpatterns = [
    path("netzwerk/", views_network.network, name="network"),
    path("kooperation/", include(cooperation_patterns)),
]
