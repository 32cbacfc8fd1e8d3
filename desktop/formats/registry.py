"""Which importer reads which file, and which files a folder holds."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import import_module
from pathlib import Path
from types import ModuleType

from desktop.core.model import Article, ArticleBundle

# Importer modules by extension; imported on first use, since trafilatura,
# pypdf and python-docx take a while to load and most imports need one.
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "text": ("Text files", (".txt", ".text")),
    "html": ("Saved web pages", (".html", ".htm", ".xhtml")),
    "markdown": ("Markdown", (".md", ".markdown")),
    "csv_corpus": ("CSV and TSV corpora", (".csv", ".tsv")),
    "jsonl": ("JSON Lines and Byline JSON", (".jsonl", ".ndjson", ".json")),
    "docx": ("Word documents", (".docx",)),
    "pdf_text": ("PDF with a text layer", (".pdf",)),
    "qdpx_import": ("REFI-QDA projects", (".qdpx",)),
    "library_file": ("Byline libraries", (".sqlite3", ".sqlite", ".byline")),
}
_BY_EXTENSION = {ext: module for module, (_, exts) in FORMATS.items() for ext in exts}


def format_of(path: Path) -> str:
    """The importer module's name for ``path``.

    Plain text is the fallback: Byline's users also have .log, .dat or
    extension-less text files, and decoding refuses what is not text.
    """
    return _BY_EXTENSION.get(path.suffix.lower(), "text")


def importer_for(path: Path) -> ModuleType:
    return import_module(f"desktop.formats.{format_of(path)}")


def read_path(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    """Read the articles a file holds; raise InputError with the reason if none.

    ``columns`` maps Byline's fields to a corpus's column names (CSV, JSON
    Lines); other formats ignore it.
    """
    return read_counted(path, columns)[0]


def read_counted(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], int]:
    """The articles of a file and how many of its rows or records had no text."""
    module = importer_for(path)
    if hasattr(module, "read_rows"):
        return module.read_rows(path, columns)
    if format_of(path) == "text":
        return module.read_file(path), 0  # one article, no columns to map
    return module.read_file(path, columns), 0


def read_bundles(path: Path) -> list[ArticleBundle]:
    """What a file holds beyond its articles' text (a Byline export's
    entities, quotes, highlights and tags); empty for other files."""
    module = importer_for(path)
    return module.read_bundles(path) if hasattr(module, "read_bundles") else []


def supported_patterns() -> list[str]:
    """``*.ext`` for every extension an importer claims (text is the fallback
    for the others)."""
    return [f"*{ext}" for _, exts in FORMATS.values() for ext in exts]


def file_filters() -> list[str]:
    """Name filters for a file dialog: all articles, one per format, any file."""
    each = [f"{label} ({' '.join('*' + e for e in exts)})" for label, exts in FORMATS.values()]
    return [f"Articles ({' '.join(supported_patterns())})", *each, "All files (*)"]


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to import: files as given, folders expanded recursively in
    sorted order without hidden files and folders; each file once."""
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        found = _walk(path) if path.is_dir() else [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(folder: Path) -> list[Path]:
    files = [
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    ]
    return sorted(files, key=lambda p: [part.casefold() for part in p.relative_to(folder).parts])
