"""One line in the user's language for a catalog schema violation.

python-jsonschema words its messages in English for developers ("'x' is not of type 'integer'"); an import
page in German (or English) names the rule that was broken in the page's language instead, from the error's
keyword and the value the schema gives for it."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _
from jsonschema.exceptions import ValidationError

_TYPE_NAMES = {
    "string": lambda: _("ein Text"),
    "integer": lambda: _("eine ganze Zahl"),
    "number": lambda: _("eine Zahl"),
    "boolean": lambda: _("true oder false"),
    "array": lambda: _("eine Liste"),
    "object": lambda: _("ein Objekt mit Schlüsseln"),
    "null": lambda: _("leer (null)"),
}


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _type_name(kind: Any) -> str:
    kinds = kind if isinstance(kind, list) else [kind]
    return _(" oder ").join(_TYPE_NAMES[k]() if k in _TYPE_NAMES else str(k) for k in kinds)


def schema_error_text(error: ValidationError) -> str:
    keyword, expected, value = error.validator, error.validator_value, error.instance
    if keyword == "required":
        missing = [name for name in expected if isinstance(value, dict) and name not in value]
        return _("der Schlüssel „%(name)s“ fehlt") % {"name": missing[0] if missing else expected[0]}
    if keyword == "type":
        return _("muss %(kind)s sein, hier %(value)s") % {
            "kind": _type_name(expected),
            "value": _shown(value),
        }
    if keyword == "maxLength":
        return _("höchstens %(limit)d Zeichen erlaubt, hier %(length)d") % {
            "limit": expected,
            "length": len(value),
        }
    if keyword == "minLength":
        return (
            _("darf nicht leer sein")
            if expected == 1
            else _("mindestens %(limit)d Zeichen") % {"limit": expected}
        )
    if keyword == "minimum":
        return _("die Zahl muss mindestens %(limit)s sein, hier %(value)s") % {
            "limit": expected,
            "value": value,
        }
    if keyword == "maximum":
        return _("die Zahl darf höchstens %(limit)s sein, hier %(value)s") % {
            "limit": expected,
            "value": value,
        }
    if keyword in {"enum", "const"}:
        allowed = expected if keyword == "enum" else [expected]
        return _("%(value)s ist nicht erlaubt (erlaubt: %(allowed)s)") % {
            "value": _shown(value),
            "allowed": ", ".join(_shown(item) for item in allowed),
        }
    if keyword == "pattern":
        return _("%(value)s hat nicht die erwartete Form (Muster %(pattern)s)") % {
            "value": _shown(value),
            "pattern": expected,
        }
    if keyword == "format":
        return _("%(value)s ist keine gültige Angabe im Format „%(format)s“") % {
            "value": _shown(value),
            "format": expected,
        }
    if keyword == "additionalProperties":
        extra = (
            sorted(set(value) - set(error.schema.get("properties", {}))) if isinstance(value, dict) else []
        )
        return _("unbekannter Schlüssel „%(name)s“") % {"name": extra[0] if extra else "?"}
    return _("verletzt die Regel „%(rule)s“ des Katalogformats") % {"rule": keyword}
