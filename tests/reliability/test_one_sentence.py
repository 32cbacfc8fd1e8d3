"""Item 8: what once printed a traceback now says one sentence, and what
Byline reads from any one file is bounded (devices, FIFOs, huge files)."""
from __future__ import annotations

import json
import os
import threading
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.formats import text as text_format
from desktop.services.importing import import_paths
from desktop.store.annotations import list_annotations
from desktop.store.articles import count_articles, get_article
from desktop.store.database import close_library, open_library
from desktop.store.models import db


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_lone_surrogates_in_a_jsonl_title_and_a_byline_note_are_replaced(tmp_path, capsys):
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(
        json.dumps({"title": "Bad \udfff title", "text": "The talks resumed on Monday."}) + "\n"
        + json.dumps({"title": "Fine", "text": "Another article \ud800 follows."}) + "\n",
        encoding="ascii",  # json.dumps writes the surrogates as \\udfff escapes
    )
    export = tmp_path / "b.json"
    export.write_text(json.dumps({
        "format": "byline-article", "version": 1,
        "article": {"text": "Scholz said the talks went well.", "title": "T"},
        "annotations": [{"start": 0, "end": 6, "note": "odd \udfff note", "tags": []}],
    }), encoding="ascii")
    db_path = tmp_path / "library.sqlite3"
    code, out, _ = run(["import", str(corpus), str(export), "--db", str(db_path), "--no-analyze"], capsys)
    assert code == 0 and "3 articles" in out
    open_library(db_path)
    try:
        titles = {get_article(i).title for i in range(1, 4)}
        assert "Bad \ufffd title" in titles
        (note,) = list_annotations(3)
        assert note.note == "odd \ufffd note"
    finally:
        close_library()


def test_dev_zero_is_refused_without_reading_it(tmp_path, capsys):
    code, out, _ = run(["import", "/dev/zero", "--db", str(tmp_path / "l.sqlite3"), "--no-analyze"], capsys)
    assert code == 1 and "not a regular file" in out


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    done = threading.Event()

    def unblock() -> None:  # should Byline open the FIFO, it gets an empty one, not a hang
        while not done.is_set():
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                done.wait(0.01)

    helper = threading.Thread(target=unblock, daemon=True)
    helper.start()
    try:
        code, out, _ = run(["import", str(fifo), "--db", str(tmp_path / "l.sqlite3"), "--no-analyze"], capsys)
    finally:
        done.set()
        helper.join()
    assert code == 1 and "not a regular file" in out


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path, monkeypatch, library):
    monkeypatch.setattr(text_format, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("The minister spoke. " * 100)
    ((_, reason),) = import_paths([path]).failures
    assert "at most" in reason and count_articles() == 0


def test_a_malformed_docx_is_refused_in_one_sentence(tmp_path, capsys):
    import docx

    good, path = tmp_path / "good.docx", tmp_path / "broken.docx"
    document = docx.Document()
    document.add_paragraph("The talks resumed on Monday.")
    document.save(str(good))
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as archive:
        for item in source.infolist():  # a Word file whose main part is not XML
            broken = item.filename == "word/document.xml"
            archive.writestr(item, b"<w:document><w:body><w:p>" if broken else source.read(item))
    code, out, err = run(["import", str(path), "--db", str(tmp_path / "l.sqlite3"), "--no-analyze"], capsys)
    assert code == 1 and "broken.docx" in out and err.count("\n") <= 1


def test_a_full_disk_stops_the_import_with_one_sentence(tmp_path):
    small, big = tmp_path / "a.txt", tmp_path / "b.txt"
    small.write_text("The talks resumed on Monday in Paris.")
    big.write_text("Every word of this article fills a page of the library. " * 20_000)
    open_library(tmp_path / "library.sqlite3")
    try:
        # SQLite's own "database or disk is full", as on a full disk.
        pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
        db.execute_sql(f"PRAGMA max_page_count = {pages + 4}")
        report = import_paths([small, big, tmp_path / "a.txt"])
        assert report.stopped is not None and "disk is full" in report.stopped
        assert "cannot rollback" not in report.stopped
        assert [p.name for p, _ in report.failures] == ["b.txt"]
        assert count_articles() == 1
    finally:
        close_library()


def test_an_export_to_a_full_disk_says_so(tmp_path, capsys, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text("The talks resumed on Monday in Paris.")
    db_path = tmp_path / "library.sqlite3"
    assert main(["import", str(path), "--db", str(db_path), "--no-analyze"]) == 0
    capsys.readouterr()

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_bytes", full)
    code, _, err = run(["export", "1", "-f", "json", "-o", str(tmp_path / "out.json"), "--db", str(db_path)],
                       capsys)
    assert code == 1 and "No space left on device" in err
    assert not (tmp_path / "out.json").exists()
