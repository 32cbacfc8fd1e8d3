"""Which importer reads which file."""
from __future__ import annotations

from pathlib import Path

from desktop.core.model import Article
from desktop.formats import text


def read_path(path: Path) -> list[Article]:
    """Read the articles a file holds; raise InputError with the reason if none."""
    # Plain text is the fallback: Byline's users also have .log, .dat or
    # extension-less text files, and decoding refuses what is not text.
    return text.read_file(path)
