"""A text over spaCy's 1,000,000-character limit (issue 21, item 1): it is
imported and analysed in pieces, the other articles of the same import are
analysed too, and ``byline export --all`` works afterwards."""
from __future__ import annotations

import json
import sqlite3

from desktop.cli import main
from tests.conftest import SAMPLE


def test_a_text_over_a_million_characters_is_analysed_and_blocks_nothing(tmp_path, capsys):
    sample = SAMPLE.read_text(encoding="utf-8")
    # The sample, a line with a million spaces inside (cheap for spaCy, but
    # over its limit), the sample again.
    long_text = sample + "\nThe padding" + " " * 1_000_000 + "ends here.\n\n" + sample
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-long.txt").write_text(long_text, encoding="utf-8")
    (folder / "b-short.txt").write_text("Emmanuel Macron met Vladimir Putin in Moscow on Monday.\n",
                                        encoding="utf-8")
    db = tmp_path / "library.sqlite3"

    assert main(["import", str(folder), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Analysed:               2 articles" in out
    con = sqlite3.connect(db)
    analysed = con.execute("SELECT a.title, COUNT(e.id) FROM article a JOIN analysis n ON n.article_id = a.id "
                           "LEFT JOIN entity e ON e.article_id = a.id GROUP BY a.id ORDER BY a.id").fetchall()
    far = con.execute('SELECT COUNT(*) FROM entity WHERE "start" > 1000000').fetchone()[0]
    con.close()
    assert len(analysed) == 2 and all(count > 0 for _, count in analysed)
    assert far > 0  # the sample's second copy, after the spaces, has its entities too

    target = tmp_path / "out"
    target.mkdir()
    assert main(["export", "--all", "--format", "json", "-o", str(target), "--db", str(db)]) == 0
    exported = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(target.glob("*.json"))]
    assert len(exported) == 2
    longest = max(exported, key=lambda document: len(document["article"]["text"]))
    assert len(longest["article"]["text"]) > 1_000_000
    assert any(e["start"] > 1_000_000 for e in longest["entities"])
