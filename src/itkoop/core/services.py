"""Writes other apps ask of core: their reference data files, the audit log, the legal texts, and the
registry of personal data (exporters and erasers each app registers)."""

from .audit import audit_record
from .exceptions import RoleRequired, StepRequired
from .legal import legal_text_publish
from .personal_data import erase_personal_data, export_personal_data, plain_rows, register_personal_data
from .reference_data import sync_reference_file

__all__ = [
    "RoleRequired",
    "StepRequired",
    "audit_record",
    "erase_personal_data",
    "export_personal_data",
    "legal_text_publish",
    "plain_rows",
    "register_personal_data",
    "sync_reference_file",
]
