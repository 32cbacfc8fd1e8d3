"""The Library's listing on a team library: highlight counts kept by the
trigger, and the pages that together give the whole listing."""
from __future__ import annotations

from desktop.core.model import Annotation, Article
from desktop.store.annotations import add_annotation, delete_annotation
from desktop.store.articles import add_article
from desktop.store.database import close_library, open_library
from desktop.store.library import delete_articles, library_pages, library_rows
from desktop.store.models import db


def test_highlight_counts_and_pages_on_postgresql(pg_url):
    open_library(pg_url)
    try:
        dates = ["2020-01-02", None, "2021-06-30", "2020-01-02", None, "2019-12-31"]
        ids = [add_article(Article(f"Text number {n}, its own.", title=f"T{n}", date=d))[0]
               for n, d in enumerate(dates)]
        first = add_annotation(ids[0], Annotation(0, 4, ["Claim"]))
        add_annotation(ids[0], Annotation(5, 11))
        add_annotation(ids[4], Annotation(0, 4))
        gone = delete_annotation(first)
        add_annotation(ids[0], gone)  # undone
        delete_articles([ids[4]])
        counted = dict(db.execute_sql("SELECT article_id, COUNT(*) FROM annotation GROUP BY article_id").fetchall())
        rows = library_rows()
        assert {r.id: r.highlights for r in rows} == {i: counted.get(i, 0) for i in ids if i != ids[4]}
        assert [r.id for r in rows] == [ids[2], ids[3], ids[0], ids[5], ids[1]]  # newest first, undated last
        for first_size, size in ((1, 1), (2, 3), (10, 10)):
            assert [r for page, _more in library_pages(first_size, size) for r in page] == rows
    finally:
        close_library()
