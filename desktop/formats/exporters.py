"""Which exporter writes which format, and writing its output safely.

Each format is one module of ``desktop.formats`` with a ``render`` function
of plain ``ArticleBundle`` data (no store access, no files):

- per-article formats: ``render(bundle) -> (bytes, warnings)``;
- library formats: ``render(bundles) -> (bytes | {relative name: bytes},
  warnings)``: one file, or a folder of files (CSV tables, a brat
  collection).

``warnings`` are one line each, naming what the format cannot hold (CoNLL
has no notes...), so nothing is dropped silently.  ``export`` writes
through a temporary path renamed at the end: a failed or cancelled export
leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType

from desktop.core.errors import BylineError
from desktop.core.model import ArticleBundle


class ExportCancelled(BylineError):
    """The user stopped the export; nothing was written."""


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    module: str
    per_article: bool
    extension: str  # "" for a folder of files (or a ZIP of them)
    description: str

    def load(self) -> ModuleType:
        # Imported on use: the spaCy and Qt formats are slow to import.
        return import_module(f"desktop.formats.{self.module}")


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "json", "json_export", True, ".json", "Byline's own JSON: everything, re-importable"
        ),
        Format("html", "html_export", True, ".html", "A self-contained web page to read or print"),
        Format("pdf", "pdf_export", True, ".pdf", "The same page as a PDF document"),
        Format(
            "md",
            "md_export",
            True,
            ".md",
            "Markdown: text with highlights, notes as footnotes, tables",
        ),
        Format(
            "csv",
            "csv_export",
            False,
            "",
            "CSV tables of articles, entities, quotes, actors, annotations",
        ),
        Format(
            "spacy",
            "spacy_export",
            False,
            ".spacy",
            "spaCy DocBin: entities, highlights and quotes as spans",
        ),
        Format(
            "jsonl",
            "jsonl_export",
            False,
            ".jsonl",
            "JSON Lines for Prodigy or doccano: text and spans",
        ),
        Format("brat", "brat_export", False, "", "brat standoff: .txt and .ann per article"),
        Format("conll", "conll_export", False, ".conll", "CoNLL-2003 tokens with IOB2 entity tags"),
        Format(
            "w3c", "w3c_export", True, ".jsonld", "W3C Web Annotation JSON-LD of the highlights"
        ),
        Format(
            "qdpx",
            "qdpx_export",
            False,
            ".qdpx",
            "REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder",
        ),
    )
}

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise BylineError(
            f"there is no export format '{name}'; choose one of {', '.join(FORMATS)}."
        ) from None


def writes_folder(fmt: Format, count: int, path: Path | str) -> bool:
    """Whether an export of ``count`` articles to ``path`` is a folder (or
    ZIP) of files rather than one file."""
    if not fmt.extension:
        return True
    if not fmt.per_article:
        return False
    return count != 1 or _names_folder(path) or _is_zip(Path(path))


def _names_folder(path: Path | str) -> bool:
    """An existing folder, or a path written with a trailing slash ("out/")."""
    return Path(path).is_dir() or str(path).endswith(("/", os.sep))


def export(
    bundles: Sequence[ArticleBundle],
    fmt: str,
    path: Path | str,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[str]:
    """Write ``bundles`` in format ``fmt`` to ``path``; return the warnings.

    ``bundles`` may be a lazy sequence (each item loaded when read).  A
    per-article format writes one file for one article, else one file per
    article into the folder ``path`` (a ZIP when it ends in ``.zip``).
    ``progress(done, total)`` is called after each article; when
    ``cancelled()`` turns true the export stops, removes its temporary
    output and raises ExportCancelled.
    """
    spec = get_format(fmt)
    module = spec.load()
    target = Path(path)
    total = len(bundles)
    ticking = _Ticker(bundles, total, progress, cancelled)
    warnings: list[str] = []
    if spec.per_article:
        files: dict[str, bytes] = {}
        names: set[str] = set()
        for index, bundle in ticking:
            content, notes = module.render(bundle)
            warnings += _prefixed(notes, bundle, total)
            files[_unique(file_stem(bundle, index), spec.extension, names)] = content
        if writes_folder(spec, total, path):  # the path as given: "dir/" names a folder
            _write_files(files, target, cancelled)
        else:
            _write_file(target, next(iter(files.values())) if files else b"")
    else:
        content, notes = module.render([bundle for _, bundle in ticking])
        warnings += notes
        if isinstance(content, dict):
            _write_files(content, target, cancelled)
        elif _is_zip(target) and spec.extension not in (".zip", ".qdpx"):
            _write_files({f"byline{spec.extension}": content}, target, cancelled)
        elif _names_folder(path):  # one file of the whole library, into the folder
            _write_file(target / f"byline{spec.extension}", content)
        else:
            _write_file(target, content)
    return _dedupe(warnings)


class _Ticker:
    """Iterates the bundles, reporting progress and honouring Cancel."""

    def __init__(
        self,
        bundles: Sequence[ArticleBundle],
        total: int,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.bundles, self.total, self.progress, self.cancelled = (
            bundles,
            total,
            progress,
            cancelled,
        )

    def __iter__(self) -> Iterator[tuple[int, ArticleBundle]]:
        for index in range(self.total):
            _check(self.cancelled)
            yield index, self.bundles[index]
            if self.progress is not None:
                self.progress(index + 1, self.total)
        _check(self.cancelled)


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("the export was cancelled; nothing was written.")


def _prefixed(notes: list[str], bundle: ArticleBundle, total: int) -> list[str]:
    if total == 1:
        return list(notes)
    who = bundle.article.title or f"article {bundle.article.id}"
    return [f"{who}: {note}" for note in notes]


def _dedupe(warnings: list[str]) -> list[str]:
    return list(dict.fromkeys(warnings))


def slug(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    return words[:limit].rstrip("-") or "article"


def file_stem(bundle: ArticleBundle, index: int) -> str:
    """``<id>-<title slug>``: unique in a library, readable in a folder."""
    number = bundle.article.id if bundle.article.id is not None else index + 1
    return f"{number:04d}-{slug(bundle.article.title)}"


def _unique(stem: str, extension: str, taken: set[str]) -> str:
    name, n = f"{stem}{extension}", 2
    while name in taken:
        name, n = f"{stem}-{n}{extension}", n + 1
    taken.add(name)
    return name


def _is_zip(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.byline-tmp")


def _write_file(target: Path, content: bytes) -> None:
    if target.is_dir():
        raise BylineError(f"{target} is a folder; give a file name for this export.")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(target)
    try:
        tmp.write_bytes(content)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _write_files(files: dict[str, bytes], target: Path, cancelled: Cancelled | None) -> None:
    """A folder of files, or a ZIP of them when ``target`` ends in .zip."""
    if _is_zip(target):
        if target.is_dir():
            raise BylineError(f"{target} is a folder, not a ZIP file name.")
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = _temp_path(target)
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, content in files.items():
                    _check(cancelled)
                    archive.writestr(name, content)
            _check(cancelled)
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)
        return
    if target.exists() and not target.is_dir():
        raise BylineError(f"{target} is a file; this export writes a folder (or name a .zip).")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temp_path(target)
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        for name, content in files.items():
            _check(cancelled)
            out = tmp / name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(content)
        _check(cancelled)
        if not target.exists():
            tmp.rename(target)
        else:
            # An existing folder keeps its other files; ours replace theirs.
            for name in files:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                (tmp / name).replace(target / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class LazyBundles(Sequence[ArticleBundle]):
    """Article ids seen as a sequence of bundles, each loaded when read, so
    a library export holds one article's data at a time and its progress
    counts loading too.  ``load`` is the caller's (a service function):
    formats never touch the store."""

    def __init__(self, ids: Sequence[int], load: Callable[[int], ArticleBundle]) -> None:
        self.ids = list(ids)
        self.load = load

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self.load(i) for i in self.ids[index]]
        return self.load(self.ids[index])
