"""The few answers of the site itself that belong to no app: the icon browsers ask for on their own."""

from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.views.decorators.http import require_safe


@require_safe
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """/favicon.ico: browsers (and the admin's pages, which do not link an icon) ask for it whatever a page
    links, and logged a 404 each time. It leads to the SVG icon the pages link; not permanently, since the
    icon's static address changes with its content in production."""
    response = HttpResponseRedirect(static("itkoop/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
