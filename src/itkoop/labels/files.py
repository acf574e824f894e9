"""Evidence files: the type comes from the first bytes of the content (a "contract.pdf" that is an HTML page
is refused), the size is limited, and nothing of the uploaded name reaches the stored path."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Magic numbers of the accepted types.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def sniff_type(head: bytes) -> str | None:
    """The MIME type of a file that starts with these bytes, if it is one we accept."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def max_bytes() -> int:
    return settings.ITKOOP_LABEL_EVIDENCE_MAX_MB * 1024 * 1024


def check_upload(upload) -> str:
    """The checked MIME type of an uploaded file, or a ValidationError in the user's language."""
    if upload.size is None or upload.size > max_bytes():
        raise ValidationError(
            _("Die Datei %(name)s ist größer als %(mb)s MB.")
            % {"name": upload.name[:100], "mb": settings.ITKOOP_LABEL_EVIDENCE_MAX_MB}
        )
    if upload.size == 0:
        raise ValidationError(_("Die Datei %(name)s ist leer.") % {"name": upload.name[:100]})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_type(head)
    if content_type is None:
        raise ValidationError(
            _("Die Datei %(name)s ist kein PDF, PNG oder JPEG.") % {"name": upload.name[:100]}
        )
    return content_type


def display_name(name: str, content_type: str) -> str:
    """A safe file name for the download: the uploaded stem (letters, digits, - and _), the checked type's
    extension."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)[:80].strip("_") or "nachweis"
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}[content_type]
    return f"{stem}.{extension}"
