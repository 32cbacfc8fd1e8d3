"""Agreement figures on a large made-up coding: ``python -m bench.agreement``.

300 copies of the sample article, three coders with 20 random highlights
each per article over ten tags: the whole report (every tag, overall, per
article), median of three runs.  Pure Python and numpy; no library file.
"""
from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from desktop.core.agreement_report import ArticleCodings, Coding, agreement_report, tokens

SAMPLE = Path(__file__).resolve().parent.parent / "seeds" / "2022-02-08-putin-macron-moscow.txt"


def codings(articles: int = 300, coders: tuple[str, ...] = ("ann", "bob", "cy"), per_coder: int = 20,
            tags: int = 10) -> list[ArticleCodings]:
    rng = random.Random(17)
    text = SAMPLE.read_text(encoding="utf-8")
    toks = tokens(text)
    names = [f"Tag {i}" for i in range(tags)]
    out = []
    for a in range(articles):
        marks = []
        for coder in coders:
            for _ in range(per_coder):
                i = rng.randrange(len(toks) - 10)
                marks.append(Coding(coder, toks[i][0], toks[i + rng.randrange(1, 10)][1], rng.choice(names)))
        out.append(ArticleCodings(a, f"Article {a}", text, marks))
    return out


def main() -> None:
    data = codings()
    tags = sorted({k.tag for a in data for k in a.codings})
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        report = agreement_report(data, ["ann", "bob", "cy"], tags)
        runs.append(time.perf_counter() - start)
    print(f"agreement report, {len(data)} articles × 3 coders × {len(tags)} tags, "
          f"{report.overall.alpha.units} tokens: median {statistics.median(runs):.2f} s")


if __name__ == "__main__":
    main()
