"""Writes other apps ask of core: keeping their own reference data files in the database."""

from .reference_data import sync_reference_file

__all__ = ["sync_reference_file"]
