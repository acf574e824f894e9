"""The API's JSON parser: DRF's strict one (no NaN or Infinity), and nesting too deep for Python's parser is
a 400 like any other malformed body (DRF lets the RecursionError through, which answered 500)."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class StrictJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("Ungültiges JSON: zu tief verschachtelt.")) from None
