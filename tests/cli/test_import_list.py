"""`byline import` and `byline list` as a user runs them, and the import
service under them: real files in, a library and a summary out."""
import json
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "wikinews_2019.csv"
HTML = """<html><head><title>Harbour terminal opens</title>
<meta property="og:site_name" content="Port Gazette"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour terminal opens</h1>
<p>The harbour authority opened the new container terminal on Friday, creating hundreds of jobs.</p>
</article><footer>Copyright Port Gazette</footer></body></html>"""
NAV_ONLY = """<html><head><title>Index</title></head><body><nav><ul><li><a href="/">Home</a></li>
<li><a href="/world">World news</a></li></ul></nav><div id="cookie">We use cookies.</div>
<footer>Copyright 2019</footer></body></html>"""


def db_rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "library.sqlite3"
    assert main(["import", str(CORPUS), "--db", str(db), "--no-analyze"]) == 0
    return db


def test_corpus_imports_171_articles_with_columns_then_171_duplicates(corpus_db, capsys):
    rows = db_rows(corpus_db, "SELECT title, date, url, text FROM article ORDER BY id")
    assert len(rows) == 171
    title, date, url, text = rows[0]
    assert title == "Magnitogorsk apartment building collapses after explosion, dozens dead"
    assert date == "2019-01-04"
    assert url == "https://en.wikinews.org//wiki/" + title.replace(" ", "_")
    assert all(t and d and u.startswith("https://en.wikinews.org") for t, d, u, _ in rows)
    assert text.startswith("Friday, January 4, 2019\n")
    assert main(["import", str(CORPUS), "--db", str(corpus_db), "--no-analyze"]) == 0
    out = capsys.readouterr().out
    assert "Imported:               0 articles" in out
    assert "Skipped as duplicates:  171 articles" in out
    assert db_rows(corpus_db, "SELECT COUNT(*) FROM article") == [(171,)]


@pytest.mark.parametrize("query", ["Erdoğan", "Erdogan"])
def test_list_search_finds_the_articles_that_mention_him(corpus_db, capsys, query):
    assert main(["list", "--db", str(corpus_db), "--search", query, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {hit["title"] for hit in hits} == {
        "Turkey's President Erdogan proposes converting Hagia Sophia Museum to mosque",
        "Kurds announce deal with Assad's government as Turkey invades Syria's northeast",
        "US President Trump announces troop withdrawal from Syria",
    }
    for hit in hits:
        assert set(hit) == {"id", "title", "date", "source", "url", "entities", "quotes", "snippet"}
        assert "⟦Erdoğan⟧" in hit["snippet"] or "⟦Erdogan⟧" in hit["snippet"]


def test_list_prints_a_table_and_json_counts(corpus_db, capsys):
    assert main(["list", "--db", str(corpus_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "date", "ents", "qts", "source", "title"]
    assert len(lines) == 172 and "Radio host Don Imus dies aged 79" in lines[1]
    assert main(["list", "--db", str(corpus_db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 171 and listed[0]["entities"] == 0 and listed[0]["date"] == "2019-12-30"


def test_list_without_a_library_says_so(tmp_path, capsys):
    assert main(["list", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "there is no library at" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def mixed_folder(root):
    """Good files, decodable ones in other encodings, and bad ones."""
    good = {
        "good.txt": " date 2019-05-01 Flooding closed the main road into Leeds, police said.",
        "notes/budget.md": "# Council approves budget\n\nThe council **approved** the budget.\n",
        "port.html": HTML,
        "corpus.csv": 'Headline;Body;Published\n"Storm";"A storm hit.\nTrees fell.";04.01.2019\n',
        "prices.jsonl": json.dumps({"text": "Prices rose in March.", "meta": {"title": "Prices"}}),
    }
    for name, text in good.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "utf16.txt").write_text("Le président a déclaré que la réforme passe.", "utf-16")
    latin1 = "El alcalde dijo que la señora Muñoz llegará.".encode("latin-1")
    (root / "latin1.txt").write_bytes(latin1)
    truncated = "Der Bürgermeister sagte, die Straße bleibe bis Freitag geschlossen. Ü".encode()
    (root / "truncated.txt").write_bytes(truncated[:-1])  # the last character cut in half
    bad = {
        "empty.txt": (b"", "empty.txt is empty"),
        "photo.txt": (b"\x89PNG\r\n\x1a\n" + os.urandom(2048), "photo.txt is not"),
        "ids.csv": (b"id,headline,when\n1,Hello,2019-01-01\n", "ids.csv has no text column"),
        "menu.html": (NAV_ONLY.encode(), "menu.html has no article text"),
    }
    for name, (data, _) in bad.items():
        (root / name).write_bytes(data)
    (root / ".hidden.txt").write_bytes(b"\x00\x01")  # hidden: not even tried
    return {name: reason for name, (_, reason) in bad.items()}


def test_folder_of_good_and_bad_files(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    failures = mixed_folder(folder)
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(folder), "--db", str(db), "--no-analyze"]) == 1
    out = capsys.readouterr().out
    assert "Imported:               8 articles (from 8 files)" in out
    assert f"Failed:                 {len(failures)} files" in out
    for name, reason in failures.items():
        (line,) = [line for line in out.splitlines() if line.startswith(f"  - {folder / name}: ")]
        assert reason in line
    titles = {t for (t,) in db_rows(db, "SELECT title FROM article")}
    assert titles == {
        "Flooding closed the main road into Leeds, police said",
        "Council approves budget", "Harbour terminal opens", "Storm", "Prices",
        "Le président a déclaré que la réforme passe",
        "El alcalde dijo que la señora Muñoz llegará",
        db_rows(db, "SELECT title FROM article WHERE text LIKE 'Der B%'")[0][0],
    }
    texts = " ".join(t for (t,) in db_rows(db, "SELECT text FROM article"))
    assert "Hello" not in texts and "Home" not in texts and "cookies" not in texts
    fts = db_rows(db, "SELECT COUNT(*) FROM article_fts WHERE article_fts MATCH 'hello OR cookies'")
    assert fts == [(0,)]


def test_utf8_cut_inside_a_character_keeps_its_accents(tmp_path):
    from desktop.formats.registry import read_path

    path = tmp_path / "cut.txt"
    path.write_bytes("Der Bürgermeister sagte, die Straße bleibe zu. Ü".encode()[:-1])
    (article,) = read_path(path)
    assert article.text == "Der Bürgermeister sagte, die Straße bleibe zu."


@pytest.mark.parametrize("argv, message", [
    (["--columns", "text"], "FIELD=COLUMN pairs"),
    (["--columns", "text=body,colour=red"], "'colour' is not an article field"),
    (["--columns", "text=a,text=b"], "twice"),
])
def test_bad_usage_exits_2(tmp_path, capsys, argv, message):
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(CORPUS), "--db", str(db), "--no-analyze", *argv]) == 2
    assert message in capsys.readouterr().err
    assert not db.exists()


def test_no_paths_is_bad_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["import"])
    assert exit_.value.code == 2


def test_columns_by_hand(tmp_path, capsys):
    path = tmp_path / "export.tsv"
    path.write_text("id\tstory\twhen\n1\tThe ferry sank.\t2020-03-04\n", encoding="utf-8")
    args = ["import", str(path), "--db", str(tmp_path / "lib.sqlite3"), "--no-analyze"]
    assert main(args) == 1
    assert "has no text column" in capsys.readouterr().out
    assert main([*args, "--columns", "text=story, date=WHEN"]) == 0
    rows = db_rows(tmp_path / "lib.sqlite3", "SELECT text, date FROM article")
    assert rows == [("The ferry sank.", "2020-03-04")]


def test_an_empty_column_unmaps_a_guessed_one(tmp_path, capsys):
    path = tmp_path / "news.csv"
    path.write_text("text,date\nThe ferry sank.,2020-03-04\n", encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(path), "--db", str(db), "--no-analyze", "--columns", "date="]) == 0
    assert db_rows(db, "SELECT text, date FROM article") == [("The ferry sank.", None)]


def test_new_articles_are_analysed_after_import(tmp_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Angela Merkel visited Paris on Monday. She met Emmanuel Macron.")
    (folder / "b.txt").write_text('"We will rebuild," said Mayor Anne Hidalgo in Paris on Tuesday.')
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(folder), "--db", str(db)]) == 0
    assert "Analysed:               2 articles" in capsys.readouterr().out
    assert db_rows(db, "SELECT COUNT(*) FROM analysis") == [(2,)]
    people = {text for (text,) in db_rows(
        db, "SELECT substr(a.text, e.start + 1, e.end - e.start) FROM entity e JOIN article a "
            "ON a.id = e.article_id WHERE e.label = 'PERSON'")}
    assert "Angela Merkel" in people
    assert main(["list", "--db", str(db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert all(item["entities"] > 0 for item in listed)


# The service under the command: one transaction per file, progress, cancelling.

def test_import_paths_reports_progress_and_stops_when_cancelled(library, tmp_path):
    from desktop.services.importing import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Article {name} says something new.")
    calls = []
    report = import_paths([folder], progress=lambda *a: calls.append(a),
                          cancelled=lambda: len(calls) >= 2)
    assert report.cancelled and len(report.imported) == 2
    assert calls == [(0, 3, folder / "a.txt"), (1, 3, folder / "b.txt")]
    calls.clear()
    again = import_paths([folder], progress=lambda *a: calls.append(a))
    assert (len(again.imported), again.duplicates, again.failures) == (1, 2, [])
    assert calls[-1] == (3, 3, None)


def test_a_file_that_fails_while_writing_leaves_no_trace(library, tmp_path, monkeypatch):
    from desktop.services import importing
    from desktop.store.articles import count_articles

    path = tmp_path / "two.csv"
    path.write_text("text\nFirst article text.\nSecond article text.\n")
    real = importing.add_article
    written = []

    def failing(article):
        if written:
            raise RuntimeError("disk full")
        written.append(article)
        return real(article)

    monkeypatch.setattr(importing, "add_article", failing)
    with pytest.raises(RuntimeError):
        importing.import_paths([path])
    assert written and count_articles() == 0


def test_a_corpus_cut_off_inside_a_text_is_refused_not_imported_half(tmp_path, capsys):
    cut = tmp_path / "cut.csv"
    data = CORPUS.read_bytes()
    cut.write_bytes(data[: data.index(b"Search and rescue")])  # inside the first article's text
    db = tmp_path / "lib.sqlite3"
    assert main(["import", str(cut), "--db", str(db), "--no-analyze"]) == 1
    assert "cut.csv ends inside a quoted field" in capsys.readouterr().out
    assert db_rows(db, "SELECT COUNT(*) FROM article") == [(0,)]


def test_utf8_with_a_bad_byte_imports_as_utf8_and_the_summary_warns(tmp_path, capsys):
    path = tmp_path / "cafe.txt"
    path.write_bytes("The café reopened on Monday, the owner said.".encode() + b" \xff")
    db = tmp_path / "library.sqlite3"
    assert main(["import", str(path), "--db", str(db), "--no-analyze"]) == 0
    ((text,),) = db_rows(db, "SELECT text FROM article")
    assert "café" in text and "Ã" not in text
    out = capsys.readouterr().out
    assert "Warning:" in out and "cafe.txt" in out and "byte 46" in out


def test_import_also_analyses_what_an_interrupted_run_left(tmp_path, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Angela Merkel visited Paris on Monday. She met Emmanuel Macron.")
    second.write_text('"We will rebuild," said Mayor Anne Hidalgo in Paris on Tuesday.')
    db = tmp_path / "lib.sqlite3"
    # As a kill during the analysis leaves it: imported, never analysed.
    assert main(["import", str(first), "--db", str(db), "--no-analyze"]) == 0
    assert db_rows(db, "SELECT COUNT(*) FROM analysis") == [(0,)]
    assert main(["import", str(second), "--db", str(db)]) == 0
    assert "Analysed:               2 articles" in capsys.readouterr().out
    assert db_rows(db, "SELECT COUNT(*) FROM analysis") == [(2,)]
