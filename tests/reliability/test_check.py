"""``byline check``: plain words about what is wrong, exit 1; 0 when sound."""

from __future__ import annotations

import sqlite3

import pytest

from desktop.cli import main
from desktop.store.check import check_library
from tests.reliability.conftest import digest


def break_library(path, *statements: str) -> None:
    """Change the file behind Byline's back, as a bug or another tool might."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()


def test_sound_library_passes_every_check_and_is_not_changed(filled, capsys):
    before = digest(filled)
    report = check_library(filled)
    assert report.ok and report.findings == []
    assert report.counts["articles"] == 1 and report.counts["highlights"] == 1
    assert main(["check", "--db", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "[ok] Database integrity" in out and out.strip().endswith(
        "All is well: every check passed."
    )
    assert digest(filled) == before


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (
            ['UPDATE annotation SET "end" = 500'],
            "highlight 1 in article 1 “Olaf Scholz met Emmanuel Macron in Paris” "
            "runs from 0 to 500, past the end of the text (66 characters).",
        ),
        (["UPDATE quote SET cue_end = 99"], "quote 1's cue in article 1"),
        (["UPDATE quote SET speaker_start = NULL"], "quote 1's speaker in article 1"),
        (
            [
                'INSERT INTO rejection (article_id, kind, "start", "end") '
                "VALUES (1, 'entity', 60, 90)"
            ],
            "removed model span 1 in article 1",
        ),
        (
            ["UPDATE article SET text = replace(text, 'Paris', 'Lyon!')"],
            "its text no longer matches the SHA-256",
        ),
        (
            ["DELETE FROM annotation"],
            "tag link of a highlight 1 points to highlight 1, which does not exist.",
        ),
        (["DELETE FROM tag WHERE name = 'Claim'"], "points to tag 1, which does not exist."),
        (
            ["DELETE FROM analysis"],
            "entity 1 of article 1 was found by the model, but the article has no analysis",
        ),
        (
            [
                "INSERT INTO article_fts (article_fts, rowid, title, text) "
                "SELECT 'delete', id, title, text FROM article"
            ],
            "article 1 is missing from the search index.",
        ),
    ],
)
def test_each_kind_of_damage_is_reported_in_plain_words(filled, capsys, statements, expected):
    break_library(filled, *statements)
    report = check_library(filled)
    assert not report.ok
    assert any(expected in f.message for f in report.findings), report.text()
    assert main(["check", "--db", str(filled)]) == 1
    assert expected in capsys.readouterr().out


def test_damaged_pages_are_reported_by_the_integrity_check(filled):
    data = bytearray(filled.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\x07" * 4096
    filled.write_bytes(bytes(data))
    report = check_library(filled)
    assert not report.ok
    assert "problem" in report.headline()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "there is no library"),
        (b"", "it is empty"),
        (b"hello" * 100, "not an SQLite database"),
    ],
)
def test_missing_or_foreign_files(tmp_path, content, expected, capsys):
    path = tmp_path / "lib.sqlite3"
    if content is not None:
        path.write_bytes(content)
    report = check_library(path)
    assert not report.ok and expected in report.text()
    assert main(["check", "--db", str(path)]) == 1


def test_old_library_is_checked_as_it_is(library_v1):
    before = digest(library_v1)
    report = check_library(library_v1)
    assert report.ok, report.text()
    assert report.schema == 1
    assert digest(library_v1) == before


def test_many_problems_are_counted_not_all_listed(filled):
    from desktop.store.check import LIMIT

    break_library(
        filled,
        *[
            f'INSERT INTO entity (article_id, "start", "end", label) '
            f"VALUES (1, {60 + i}, {200 + i}, 'X')"
            for i in range(LIMIT + 5)
        ],
    )
    (spans,) = [r for r in check_library(filled).results if r.name.startswith("Spans")]
    assert len(spans.findings) == LIMIT and spans.more == 5 and spans.problem_count == LIMIT + 5


def test_check_dialog_shows_the_report_and_copies_it(qtbot, filled):
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.library.check_dialog import CheckDialog

    break_library(filled, 'UPDATE annotation SET "end" = 500')
    dialog = CheckDialog()
    qtbot.addWidget(dialog)
    assert dialog.headline.text() == "Checking the library…" and not dialog.copy_button.isEnabled()
    dialog.set_report(check_library(filled))
    assert dialog.headline.text() == "1 problem found."
    assert (
        dialog.details.isReadOnly() and "past the end of the text" in dialog.details.toPlainText()
    )
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details.toPlainText()


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        (["DROP TABLE actor_rule"], "the table actor_rule is missing"),
        (["DROP INDEX annotation_article_start"], "the index annotation_article_start is missing"),
        (["DROP TRIGGER article_fts_insert"], "the trigger article_fts_insert is missing"),
        (["CREATE TABLE intruder (x)"], "the table intruder is not part of Byline's schema"),
        (["DELETE FROM article_fts_data WHERE id > 10"], "the search index is damaged"),
        (["DELETE FROM article_fts_data"], "the search index is damaged"),
    ],
)
def test_dropped_tables_and_a_damaged_search_index_are_found(filled, capsys, statements, expected):
    break_library(filled, *statements)
    report = check_library(filled)
    assert not report.ok
    assert any(expected in f.message for f in report.findings), report.text()
    assert main(["check", "--db", str(filled)]) == 1
    assert "All is well" not in capsys.readouterr().out


def test_a_size_that_does_not_fit_the_page_size_is_found(filled, capsys):
    with filled.open("ab") as handle:
        handle.write(b"\0" * 100)
    report = check_library(filled)
    assert any("size does not fit its page size" in f.message for f in report.findings), report.text()
    assert main(["check", "--db", str(filled)]) == 1
