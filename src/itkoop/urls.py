"""Root URLs: language-prefixed pages, the admin, the API."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

# The admin has no login of its own: it uses the site's login, with its rate limits.
admin.site.login = login_required(admin.site.login)
admin.site.site_header = "itkoop"

urlpatterns = [
    path("", include("itkoop.core.urls")),  # favicon.ico
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("itkoop.api.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("itkoop.registry.urls")),  # the front page and katalog/
    path("konto/", include("allauth.urls")),
    path("mein/", include("itkoop.dashboard.urls")),  # "Mein Bereich"
    path("mein/", include("itkoop.accounts.urls")),
    path("mein/nachrichten/", include("itkoop.conversations.urls")),
    path("bedarf/", include("itkoop.matching.urls")),
    path("wissen/", include("itkoop.knowledge.urls")),
    path("", include("itkoop.cooperation.urls")),  # netzwerk/ and kooperation/
    path("kennzahlen/", include("itkoop.reporting.urls")),
    path("veranstaltungen/", include("itkoop.events.urls")),
    path("mein/posteingang/", include("itkoop.notifications.urls")),
    path("mein/dokumente/", include("itkoop.documents.urls")),
    path("unternehmen-uebernehmen/", include("itkoop.claims.urls")),
    path("siegel/", include("itkoop.labels.urls")),  # the register of labelled products and applications
    path("", include("itkoop.legal.urls")),  # impressum/, datenschutz/, protokoll/
    path("api/", include("itkoop.api.page_urls")),  # the API's documentation page
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

# allauth answers its own rate limits (sign-up, login) with this page too.
handler429 = "itkoop.core.ratelimit.too_many_requests"
# The site's own error pages (core/errors.py), in the page's language and with a way on.
handler400 = "itkoop.core.errors.bad_request"
handler403 = "itkoop.core.errors.permission_denied"
handler404 = "itkoop.core.errors.page_not_found"
handler500 = "itkoop.core.errors.server_error"
