"""The built-in capability taxonomy (data/taxonomy.json), loaded after every migrate when the file changed."""

from pathlib import Path

from itkoop.core.services import sync_reference_file

DATA_DIR = Path(__file__).resolve().parent / "data"
TAXONOMY_FILE = DATA_DIR / "taxonomy.json"


def sync_taxonomy(**kwargs) -> None:
    """post_migrate receiver of the registry app."""
    from .services import taxonomy_sync

    sync_reference_file(TAXONOMY_FILE, taxonomy_sync)
