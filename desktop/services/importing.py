"""Reading files into the library.

``import_files`` is all-or-nothing for the whole call (the ``analyze``
command and opening files from the command line); ``import_paths`` takes in
whole folders file by file, one transaction per file, and reports what
became of each.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from desktop.core.errors import BylineError, StoreError, first_cause
from desktop.core.model import Article
from desktop.core.text import normalise, sha256
from desktop.formats.decoding import collected
from desktop.formats.registry import iter_files, read_bundles, read_counted, read_path
from desktop.services.bundles import restore_bundle
from desktop.services.coders import merge_highlights
from desktop.store.articles import add_article
from desktop.store.models import db

log = logging.getLogger(__name__)

Progress = Callable[[int, int, Path | None], None]


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


@dataclass(slots=True)
class FileResult:
    """What became of one file: new article ids, duplicates, rows without
    text, or the reason nothing of it was imported."""

    path: Path
    imported: list[int] = field(default_factory=list)
    duplicates: int = 0
    skipped_rows: int = 0
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    merged: int = 0  # other coders' highlights added to articles already held


@dataclass(slots=True)
class ImportReport:
    files: list[FileResult] = field(default_factory=list)
    cancelled: bool = False
    stopped: str | None = None  # why the import stopped before the end (the library cannot be written)

    @property
    def imported(self) -> list[int]:
        """The ids of the new articles, in import order."""
        return [i for f in self.files for i in f.imported]

    @property
    def duplicates(self) -> int:
        """Articles skipped because the library holds the same text (SHA-256)."""
        return sum(f.duplicates for f in self.files)

    @property
    def skipped_rows(self) -> int:
        """Rows or records of corpora that had no text."""
        return sum(f.skipped_rows for f in self.files)

    @property
    def warnings(self) -> list[str]:
        """What was imported but changed on the way (bad bytes replaced...)."""
        return [w for f in self.files if f.error is None for w in f.warnings]

    @property
    def merged(self) -> int:
        """Highlights of other coders added to articles the library held."""
        return sum(f.merged for f in self.files)

    @property
    def failures(self) -> list[tuple[Path, str]]:
        return [(f.path, f.error) for f in self.files if f.error is not None]


def import_paths(
    paths: Iterable[Path],
    columns: dict[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import files and folders (recursively), one transaction per file.

    A file either lands whole or leaves no trace; a file that cannot be read
    is recorded with the reason and the others go on.  ``progress(done,
    total, path)`` is called before each file with the file about to be read
    and once at the end with ``path`` None; ``cancelled()`` is asked between
    files, and what was imported before stays.
    """
    files = list(iter_files(paths))
    report = ImportReport()
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), path)
        try:
            report.files.append(import_one(path, columns))
        except StoreError as exc:
            report.files.append(FileResult(path, error=str(exc)))
            report.stopped = str(exc)
            break
    if progress is not None and not report.cancelled and report.stopped is None:
        progress(len(files), len(files), None)
    return report


def import_one(path: Path, columns: dict[str, str] | None = None) -> FileResult:
    """Read one file and store its articles in one transaction."""
    result = FileResult(path)
    try:
        with collected() as result.warnings:
            articles, result.skipped_rows = read_counted(path, columns)
    except BylineError as exc:
        result.error = str(exc)
        return result
    except Exception as exc:  # a parser's bug on one odd file must not stop a folder
        # The reason goes in the summary; the traceback only to a debug log.
        log.debug("importing %s failed", path, exc_info=True)
        result.error = f"{path.name} could not be read; it looks damaged ({type(exc).__name__}: {exc})."
        return result
    try:
        # Keyed by the text as it is stored, not by the sha256 the export
        # declares: a CRLF or a trailing space must not part a bundle from
        # its article (its highlights would be dropped in silence).
        bundles = {sha256(normalise(b.article.text)): b for b in read_bundles(path)}
    except BylineError as exc:
        result.error = str(exc)
        return result
    try:
        with db.atomic():
            for article in articles:
                article_id, created = add_article(article)
                if created:
                    result.imported.append(article_id)
                    bundle = bundles.get(article.sha256)
                    if bundle is not None:
                        restore_bundle(article_id, bundle)
                else:
                    result.duplicates += 1
                    bundle = bundles.get(article.sha256)
                    if bundle is not None:
                        result.merged += merge_highlights(article_id, bundle)
    except BylineError as exc:  # the file's transaction is undone; the others go on
        result.imported.clear()
        result.duplicates = 0
        result.error = f"{path.name}: {exc}"
    except (pw.DatabaseError, sqlite3.Error) as exc:
        # A full disk or a failing device: no later file can be written either.
        log.debug("writing %s failed", path, exc_info=True)
        raise StoreError(
            f"the library could not be written ({first_cause(exc)}); {path.name} was not "
            "imported, and the files imported before it stay."
        ) from exc
    return result

