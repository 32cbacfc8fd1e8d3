"""Helpers for the reliability tests: libraries with content, digests."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "fixtures"
TEXT = "Olaf Scholz met Emmanuel Macron in Paris. “We agree,” Scholz said."


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def filled(tmp_path: Path) -> Path:
    """A closed library holding one analysed article with a highlight."""
    return make_filled(tmp_path)


@pytest.fixture()
def memory_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder in RAM (tmpfs) when there is one.  The tests of many small
    transactions run there: a process killed or locked out behaves the same,
    without waiting for the disk's fsync on every commit."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="byline-test-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def make_filled(folder: Path) -> Path:
    from desktop.core.model import Analysis, Annotation, Entity, Quote, Span
    from desktop.formats.text import article_from_text
    from desktop.store.analyses import save_analysis
    from desktop.store.annotations import add_annotation
    from desktop.store.articles import add_article
    from desktop.store.database import close_library, open_library

    path = folder / "library.sqlite3"
    open_library(path)
    article_id, _ = add_article(article_from_text(TEXT))
    save_analysis(
        article_id,
        Analysis(
            [Entity(0, 11, "PERSON"), Entity(16, 31, "PERSON"), Entity(35, 40, "GPE")],
            [
                Quote(
                    42,
                    53,
                    "direct",
                    Span(61, 65, "cue"),
                    Span(54, 60, "speaker"),
                    "Olaf Scholz",
                    True,
                )
            ],
            "m",
            "1",
        ),
    )
    add_annotation(article_id, Annotation(0, 11, ["Claim"], "who?"))
    close_library()
    return path


@pytest.fixture()
def library_v1(tmp_path: Path) -> Path:
    """A copy of the version-1 library made by the first release."""
    copy = tmp_path / "old" / "library.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(FIXTURES / "library-v1.sqlite3", copy)
    return copy
