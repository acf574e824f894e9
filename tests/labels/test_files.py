"""Evidence files: PDF, PNG and JPEG up to the limit, the type taken from the content, not the name."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from itkoop.labels.files import check_upload, display_name, sniff_type

from .helpers import JPEG, PDF, PNG, upload


@pytest.mark.parametrize(
    ("content", "expected"), [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")]
)
def test_the_type_comes_from_the_first_bytes(content, expected):
    assert sniff_type(content[:16]) == expected
    assert check_upload(upload("egal.bin", content, "application/octet-stream")) == expected


@pytest.mark.parametrize(
    "content",
    [b"<html><script>alert(1)</script></html>", b"PK\x03\x04 a zip", b"GIF89a", b"%PD", b"\x89PNG\r\n"],
)
def test_a_file_named_pdf_that_is_something_else_is_refused(content):
    with pytest.raises(ValidationError, match="kein PDF, PNG oder JPEG"):
        check_upload(upload("vertrag.pdf", content, "application/pdf"))


@override_settings(ITKOOP_LABEL_EVIDENCE_MAX_MB=1)
def test_the_size_limit_holds_at_its_boundary():
    limit = 1024 * 1024
    assert check_upload(upload("ok.pdf", PDF + b"0" * (limit - len(PDF)))) == "application/pdf"
    with pytest.raises(ValidationError, match="größer als 1 MB"):
        check_upload(upload("gross.pdf", PDF + b"0" * (limit - len(PDF) + 1)))


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="leer"):
        check_upload(upload("leer.pdf", b""))


def test_the_download_name_keeps_the_stem_and_takes_the_checked_extension():
    assert display_name("../../etc/Vertrag 2026.html", "application/pdf") == "Vertrag_2026.pdf"
    assert display_name("", "image/png") == "nachweis.png"
