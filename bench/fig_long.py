"""Figure 8: analysing one long document, each run in a fresh process
(for its peak memory): the 102,838-word document made as the reader
library's big document (the corpus joined one article per line), by

* plain spaCy: ``nlp(text)``, one parse of the whole text (the reference
  of issue 22: import + analysis against plain spaCy);
* plain ``nlp.pipe`` over the same paragraphs Byline cuts the text into
  (``desktop.nlp.pieces``): what the pieces cost spaCy alone;
* Byline: the text imported into a new library and analysed as an import
  analyses it (``analyse_in_batches``: pieces, quotes, actors, saved).

One run of each (each takes tens of seconds), alternating plain and
Byline; the ratios are taken inside the run.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT, WORK, Figure, corpus, words
from bench.fixtures import BIG_WORDS


def big_text() -> str:
    parts, total = [], 0
    for article in corpus():
        if total >= BIG_WORDS:
            break
        parts.append(article.text)
        total += words(article.text)
    return "\n".join(parts)


def _child(mode: str, text_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "bench.child", "long", str(text_path), mode], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run() -> list[Figure]:
    text = big_text()
    path = WORK / "big.txt"
    path.write_text(text, encoding="utf-8")
    runs = {mode: _child(mode, path) for mode in ("plain", "byline", "pieces")}
    n = words(text)
    plain, pieces, byline = runs["plain"], runs["pieces"], runs["byline"]
    note = "one run each, in fresh processes, on a shared machine"
    return [
        Figure("long_ratio_plain", f"long document ({n:,} words): Byline import + analysis / plain spaCy nlp(text)",
               byline["seconds"] / plain["seconds"], "×", 1.10, note=note),
        Figure("long_ratio_pieces", "long document: Byline / plain nlp.pipe over the same paragraphs",
               byline["seconds"] / pieces["seconds"], "×", 1.10, note=note),
        Figure("long_byline_s", "long document: Byline import + analysis", byline["seconds"], "s"),
        Figure("long_plain_s", "long document: plain spaCy nlp(text)", plain["seconds"], "s"),
        Figure("long_pieces_s", "long document: plain nlp.pipe over the paragraphs", pieces["seconds"], "s"),
        Figure("long_byline_steps", "long document: Byline's steps beyond spaCy (quotes, actors, saving)",
               byline["seconds"] - byline["spacy_seconds"], "s", note="; ".join(
                   f"{k} {v:.1f} s" for k, v in byline.get("steps", {}).items())),
        Figure("long_peak_byline", "long document: Byline's peak memory", byline["peak_rss_mb"], "MB", 600),
        Figure("long_peak_plain", "long document: plain spaCy's peak memory", plain["peak_rss_mb"], "MB"),
    ]
