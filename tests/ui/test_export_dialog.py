"""The export dialog: choose a format and a path, export, or cancel midway."""

import threading

from desktop.core.model import Analysis, Article, ArticleBundle
from desktop.core.text import sha256
from desktop.formats.exporters import LazyBundles, export
from desktop.ui.library.export_dialog import ExportDialog

TIMEOUT = 20_000


def article(n: int) -> ArticleBundle:
    text = f"Article {n}: Angela Merkel met Emmanuel Macron in Paris."
    return ArticleBundle(Article(text, f"Title {n}", sha256=sha256(text), id=n), Analysis())


def exporter(load):
    def run(ids, fmt, path, progress, cancelled):
        return export(LazyBundles(ids, load), fmt, path, progress, cancelled)

    return run


def make_dialog(qtbot, ids, fn, fmt, path):
    dialog = ExportDialog(ids, fn)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.path.setText(str(path))
    return dialog


def test_export_writes_the_chosen_format(qtbot, tmp_path):
    dialog = make_dialog(qtbot, [1], exporter(article), "html", tmp_path / "page")
    assert "self-contained web page" in dialog.description.text()
    assert dialog.as_zip.isHidden()  # one article, one file
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT) as blocker:
        dialog.export_button.click()
    assert blocker.args == [str(tmp_path / "page.html"), []]
    assert "<h1>Title 1</h1>" in (tmp_path / "page.html").read_text(encoding="utf-8")
    assert dialog.status.text().startswith("Exported 1 article ")
    assert dialog.bar.value() == dialog.bar.maximum()


def test_several_articles_as_a_zip(qtbot, tmp_path):
    dialog = make_dialog(qtbot, [1, 2], exporter(article), "json", tmp_path / "articles")
    assert not dialog.as_zip.isHidden()
    dialog.as_zip.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.export_button.click()
    assert [p.name for p in tmp_path.iterdir()] == ["articles.zip"]


def test_cancel_midway_leaves_no_partial_output(qtbot, tmp_path):
    gate = threading.Event()

    def slow_load(n):
        if n == 2:  # the worker waits here until the test has pressed Cancel
            gate.wait(TIMEOUT / 1000)
        return article(n)

    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot, [1, 2, 3, 4], exporter(slow_load), "md", out / "notes")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() == 1, timeout=TIMEOUT)
    assert not dialog.export_button.isEnabled()
    dialog.cancel_button.click()
    assert dialog.status.text() == "Cancelling…" and dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=TIMEOUT)
    assert dialog.status.text() == "Export cancelled; nothing was written."
    assert list(out.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_default_exporter_reads_the_library(qtbot, tmp_path, library):
    from desktop.store.articles import add_article

    article_id, _ = add_article(article(1).article)
    dialog = make_dialog(qtbot, [article_id], None, "csv", tmp_path / "tables")
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.export_button.click()
    rows = (tmp_path / "tables" / "articles.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith(f"{article_id},Title 1,")
