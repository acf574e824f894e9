"""The OpenAPI description's shared parts: the error answers every operation can give, and the token scheme.

drf-spectacular describes each operation's success from its serializers; the errors come from DRF's own
handling (validation, authentication, permissions, missing objects, throttles) and are the same everywhere,
so they are added here once instead of on every view."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from .serializers import ErrorSerializer

_VALIDATION = OpenApiResponse(
    {"type": "object", "additionalProperties": True},
    description="Invalid input: the fields (or `detail`, `non_field_errors`) with their messages.",
)


class ItkoopAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = {
            "400": _VALIDATION,
            # A token that is unknown or revoked is refused on every operation, reads included.
            "401": OpenApiResponse(ErrorSerializer, description="Missing, unknown or revoked token."),
            "403": OpenApiResponse(ErrorSerializer, description="Not allowed for this person."),
            "404": OpenApiResponse(ErrorSerializer, description="No such object, or not yours to see."),
            "429": OpenApiResponse(ErrorSerializer, description="Too many requests; wait and try again."),
        }
        if self.method in ("POST", "PUT", "PATCH"):
            errors["415"] = OpenApiResponse(ErrorSerializer, description="The body must be JSON.")
        for code, response in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    response, code, media_types=["application/json"], direction=direction
                )
        return responses
