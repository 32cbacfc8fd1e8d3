"""Figure 1: analysis throughput against a plain ``nlp.pipe``.

Byline's analysis is the import path: ``analyse_in_batches`` reads each
article, runs the pipeline, extracts quotes, saves the spans and builds the
actor summary.  The plain run is ``nlp.pipe`` over the same texts with the
same pipeline, batch size and number of processes.  The corpus is cut into
three interleaved thirds; each third is one run (plain and Byline on it, in
alternating order), so every configuration sees all 295 articles once and
the ratio is a median of three ratios taken side by side.
"""
from __future__ import annotations

import os
from pathlib import Path

from bench.common import Figure, corpus, median, timed, words
from desktop.core.model import Article

RUNS = 3
BATCH = 16


def build(path: Path, articles: list[Article]) -> list[int]:
    from desktop.store.articles import add_article
    from desktop.store.database import open_library
    from desktop.store.models import db

    path.unlink(missing_ok=True)
    open_library(path)
    with db.atomic():
        return [add_article(a)[0] for a in articles]


def forget(ids: list[int]) -> None:
    from desktop.store.models import db

    marks = ",".join("?" * len(ids))
    tables = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    with db.atomic():
        for table in ("entity", "quote", "analysis", "article_actor", "actor_cache"):
            if table not in tables:
                continue
            db.execute_sql(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)


def run(path: Path, quick: bool = False) -> list[Figure]:
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.batch import analyse_in_batches

    articles = corpus()
    if quick:
        articles = articles[::6]
    ids = build(path, articles)
    text_of = {i: a.text for i, a in zip(ids, articles, strict=True)}
    nlp = load_pipeline()
    list(nlp.pipe([articles[0].text]))  # warm up
    figures = []
    totals: dict[int, tuple[float, float]] = {}
    for n_process in (1, 2):
        ratios, plain_total, byline_total = [], 0.0, 0.0
        for k in range(RUNS):
            chunk = ids[k::RUNS]
            texts = [text_of[i] for i in chunk]

            def plain(texts: list[str] = texts, n_process: int = n_process) -> None:
                for _doc in nlp.pipe(texts, batch_size=BATCH, n_process=n_process):
                    pass

            def byline(chunk: list[int] = chunk, n_process: int = n_process) -> None:
                forget(chunk)
                done = analyse_in_batches(lambda: nlp, chunk, batch_size=BATCH, n_process=n_process)
                assert len(done) == len(chunk)

            if k % 2 == 0:
                t_plain, _ = timed(plain)
                t_byline, _ = timed(byline)
            else:
                t_byline, _ = timed(byline)
                t_plain, _ = timed(plain)
            ratios.append(t_byline / t_plain)
            plain_total += t_plain
            byline_total += t_byline
        total_words = sum(words(t) for t in text_of.values())
        totals[n_process] = (plain_total, byline_total)
        figures += [
            Figure(f"analysis_ratio_p{n_process}", f"analysis / plain nlp.pipe (n_process={n_process})",
                   median(ratios), "×", 1.15, ratios),
            Figure(f"analysis_wps_p{n_process}", f"Byline analysis, words/s (n_process={n_process})",
                   total_words / byline_total, "words/s"),
            Figure(f"plain_wps_p{n_process}", f"plain nlp.pipe, words/s (n_process={n_process})",
                   total_words / plain_total, "words/s"),
        ]
    (plain1, byline1), (plain2, byline2) = totals[1], totals[2]
    figures += [
        # Issue 22: import throughput with two processes against one.
        Figure("import_speedup_p2", "import analysis speed-up, 2 processes against 1",
               byline1 / byline2, "×", 1.7, note=f"plain nlp.pipe {plain1 / plain2:.2f}× "
               f"on {os.cpu_count()} shared cores", at_least=True),
        Figure("cost_beyond_spacy", "Byline's cost beyond spaCy per article (n_process=1)",
               1000 * (byline1 - plain1) / len(ids), "ms/article",
               note=f"{1000 * byline1 / len(ids):.0f} ms/article in all"),
    ]
    return figures
