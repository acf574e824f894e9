"""The API's exception handler: DRF's, except that a missing object answers with the API's own message.

DRF passes Django's Http404 on with its text, and `get_object_or_404` writes that text in English for the
programmer ("No Solution matches the given query."): the model's class name in an answer that is German
everywhere else. Every 404 of the API now says what NotFound says, in the answer's language."""

from django.http import Http404
from rest_framework.exceptions import NotFound
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = NotFound()
    return drf_exception_handler(exc, context)
