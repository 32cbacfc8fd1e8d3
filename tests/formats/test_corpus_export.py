"""Exports of the library views: CSV (pandas reads it, formulas are
neutralised), Markdown and HTML of retrieved segments."""
from __future__ import annotations

import csv
import io

from desktop.formats.corpus_export import matrix_csv, quotes_csv, segments_csv, segments_html, segments_markdown
from desktop.formats.csv_table import safe_cell
from desktop.store.corpus_quotes import CorpusQuote
from desktop.store.corpus_segments import CodeMatrix, Segment

SEGMENT = Segment(7, 3, 10, 20, ("Claim", "Framing"), "=SUM(A1)", "a <b> note", "ana", "Floods & rain",
                  "2019-05-01", "Wikinews", "before ", " after")
QUOTE = CorpusQuote(3, 10, 20, "direct", '"We, too," she said', "said", "she", "Kim Lee", "person",
                    "female", "Floods", "2019-05-01", None)


def test_safe_cell_neutralises_formulas_only():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@x") == "'@x" and safe_cell("-2") == "'-2"
    assert safe_cell("fine") == "fine" and safe_cell(-2) == -2 and safe_cell(None) == ""


def test_csv_files_read_back():
    rows = list(csv.DictReader(io.StringIO(quotes_csv([QUOTE]))))
    assert rows[0]["quote"] == '"We, too," she said' and rows[0]["gender"] == "female"
    rows = list(csv.DictReader(io.StringIO(segments_csv([SEGMENT]))))
    assert rows[0]["text"] == "'=SUM(A1)" and rows[0]["tags"] == "Claim; Framing"
    matrix = CodeMatrix("article", ["Claim"], ["3"], {"3": "Floods"}, {("Claim", "3"): 2})
    assert list(csv.reader(io.StringIO(matrix_csv(matrix)))) == [["tag", "3: Floods"], ["Claim", "2"]]


def test_segments_as_markdown_and_html():
    md = segments_markdown([SEGMENT])
    assert "## Floods & rain, Wikinews, 2019-05-01" in md and "**=SUM(A1)**" in md and "Note: a <b> note" in md
    page = segments_html([SEGMENT])
    assert "<mark>=SUM(A1)</mark>" in page and "a &lt;b&gt; note" in page and "Floods &amp; rain" in page
    assert "http" not in page
