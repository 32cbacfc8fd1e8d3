"""Writing exports: one file, a folder or a ZIP per article, and nothing
left behind by a cancelled or failed export."""

import json
import zipfile

import pytest

from desktop.core.errors import BylineError
from desktop.core.model import Analysis, Article, ArticleBundle
from desktop.core.text import sha256
from desktop.formats import exporters
from desktop.formats.exporters import FORMATS, ExportCancelled, LazyBundles, export


def article(n: int) -> ArticleBundle:
    text = f"Article number {n} says Angela Merkel met Emmanuel Macron in Paris."
    return ArticleBundle(
        Article(text, f"Title {n}: a/b", f"2024-01-0{n}", sha256=sha256(text), id=n), Analysis()
    )


def test_every_format_has_a_module_with_render():
    for fmt in FORMATS.values():
        module = fmt.load()
        assert callable(module.render), fmt.name
        assert module.EXTENSION == fmt.extension, fmt.name


def test_one_article_one_file(tmp_path):
    assert export([article(1)], "json", tmp_path / "one.json") == []
    assert json.loads((tmp_path / "one.json").read_text())["article"]["id"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["one.json"]


def test_several_articles_one_file_each_in_a_folder_or_zip(tmp_path):
    bundles = [article(n) for n in (1, 2, 3)]
    export(bundles, "html", tmp_path / "pages")
    names = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert names == ["0001-title-1-a-b.html", "0002-title-2-a-b.html", "0003-title-3-a-b.html"]
    export(bundles, "md", tmp_path / "notes.zip")
    with zipfile.ZipFile(tmp_path / "notes.zip") as archive:
        assert len(archive.namelist()) == 3 and all(n.endswith(".md") for n in archive.namelist())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.zip", "pages"]


def test_progress_is_reported_per_article(tmp_path):
    seen = []
    export(
        [article(n) for n in (1, 2, 3)],
        "jsonl",
        tmp_path / "a.jsonl",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("html", "pages"),
        ("html", "pages.zip"),
        ("csv", "tables"),
        ("qdpx", "project.qdpx"),
        ("json", "one.json"),
    ],
)
def test_cancel_leaves_nothing(tmp_path, fmt, name):
    loaded = []

    def load(n):
        loaded.append(n)
        return article(n)

    with pytest.raises(ExportCancelled):
        export(
            LazyBundles([1, 2, 3], load), fmt, tmp_path / name, cancelled=lambda: len(loaded) >= 2
        )
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_nothing(tmp_path, monkeypatch):
    def broken(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporters.zipfile.ZipFile, "writestr", broken)
    with pytest.raises(OSError):
        export([article(1), article(2)], "json", tmp_path / "out.zip")
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(BylineError, match="no export format 'xml'"):
        export([article(1)], "xml", tmp_path / "x")
