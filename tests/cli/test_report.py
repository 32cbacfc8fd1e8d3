"""``byline report`` on a library of shared-corpus articles."""
from __future__ import annotations

import re

import pytest

from desktop.cli import main
from desktop.core.corpus import QuoteFilter
from desktop.core.ticks import nice_ticks
from desktop.store.corpus_quotes import count_quotes
from desktop.store.database import close_library, open_library
from tests.corpus_library import COUNT


def test_report_html_and_csv(corpus_library, tmp_path, capsys):
    total = count_quotes(QuoteFilter())
    people = count_quotes(QuoteFilter(actor_type="person"))
    close_library()
    out, folder = tmp_path / "report.html", tmp_path / "csv"
    assert main(["report", "--db", str(corpus_library), "--html", str(out), "--csv", str(folder)]) == 0
    page = out.read_text(encoding="utf-8")
    assert f"{COUNT} articles, {total} quotes" in page
    assert not re.search(r"(src|href)\s*=|<script|@import|url\(", page)  # nothing fetched from elsewhere
    assert page.count("<svg") == 7
    pandas = pytest.importorskip("pandas")
    gender = pandas.read_csv(folder / "gender.csv")
    assert gender["quotes"].sum() == people
    kinds = pandas.read_csv(folder / "quote_type.csv")
    assert kinds["quotes"].sum() == total
    assert set(kinds["quote type"]) <= {"direct", "mixed", "indirect"}
    top = pandas.read_csv(folder / "people.csv")
    assert list(top.columns) == ["name", "quotes", "articles", "gender"]
    assert top["quotes"].is_monotonic_decreasing
    # the chart names the most quoted person in full
    assert f">{top['name'][0]}</text>" in page
    open_library(corpus_library)


def test_report_of_a_filter_counts_only_its_articles(corpus_library, tmp_path):
    from desktop.core.corpus import Scope
    from desktop.services.report import build_report

    whole, part = build_report(), build_report(Scope(search="police"))
    assert 0 < part.articles < whole.articles and part.quotes < whole.quotes
    assert sum(r[1] for r in part.table("source").rows) == part.quotes


def test_report_needs_an_output(corpus_library, capsys):
    close_library()
    assert main(["report", "--db", str(corpus_library)]) == 2
    assert "--html" in capsys.readouterr().err
    open_library(corpus_library)


def test_chart_ticks_are_integers():
    assert nice_ticks(400) == [0, 100, 200, 300, 400]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(3) == [0, 1, 2, 3]


def test_months_in_order_with_undated_last(library):
    from desktop.core.model import Analysis, Article, Quote
    from desktop.services.analysis import keep_analysis
    from desktop.services.report import build_report
    from desktop.store.articles import add_article

    for date, text in ((None, "No date here."), ("2020-03-02", "March news."), ("2019-12-31", "Old news.")):
        article_id, _ = add_article(Article(text, title=text, date=date))
        keep_analysis(article_id, Analysis([], [Quote(0, 4, "indirect")]), text)
    months = [row[0] for row in build_report().table("month").rows]
    assert months == ["2019-12", "2020-03", "(no date)"]
