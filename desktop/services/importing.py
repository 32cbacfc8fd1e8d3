"""Reading files into the library: all-or-nothing per call."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.model import Article
from desktop.formats.registry import read_path
from desktop.store.articles import add_article
from desktop.store.models import db


@dataclass(slots=True)
class Imported:
    path: Path
    article_id: int
    created: bool


def read_all(paths: list[Path]) -> list[tuple[Path, Article]]:
    """Read every file first, so one bad file stops the call before any write."""
    return [(path, article) for path in paths for article in read_path(path)]


def import_files(paths: list[Path]) -> list[Imported]:
    """Import files in one transaction; raise InputError and write nothing
    when any of them cannot be read."""
    read = read_all(paths)
    out = []
    with db.atomic():
        for path, article in read:
            article_id, created = add_article(article)
            out.append(Imported(path, article_id, created))
    return out
