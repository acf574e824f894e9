"""The API's language: what the client asks for with Accept-Language, German by default.

The site's pages take their language from the URL (/en/...), and Django's LocaleMiddleware gives every URL
without that prefix the default language, German. The API's URLs have no language prefix, so without this
an English-speaking client got German error messages and partner reasons whatever it asked for. Placed right
after LocaleMiddleware, which then names the language in Content-Language and adds Vary: Accept-Language."""

from __future__ import annotations

from django.utils import translation

API_PREFIX = "/api/v1/"  # itkoop.urls mounts the API here, outside the language-prefixed pages


class ApiLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            # The site's language cookie (the visitor chose on a page), else Accept-Language, else German;
            # a language the site does not have (fr, *) is German too.
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
