"""Shared fixtures. Django is imported lazily so the framework-free engine tests run without it."""

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_SPEC = REPO.parent / "shared" / "spec"
MINI_CATALOG = REPO / "tests" / "data" / "mini-catalog.json"


@pytest.fixture
def mini_catalog_path() -> Path:
    return MINI_CATALOG


@pytest.fixture
def mini_catalog(db, mini_catalog_path):
    from itkoop.registry.catalog_io import import_catalog, read_catalog_file

    import_catalog(read_catalog_file(mini_catalog_path))
    return mini_catalog_path
