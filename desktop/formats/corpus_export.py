"""Exports of the library-wide views: CSV of quotes, segments and the code
matrix (through the shared writer in ``csv_table``), and retrieved
segments as Markdown and as a self-contained HTML page."""
from __future__ import annotations

import html
from collections.abc import Sequence

from desktop.core.corpus import QUOTE_HEADER, SEGMENT_HEADER, CodeMatrix, CorpusQuote, Segment
from desktop.formats.csv_table import csv_text


def quotes_csv(quotes: Sequence[CorpusQuote]) -> str:
    return csv_text(QUOTE_HEADER, (q.row() for q in quotes))


def segments_csv(segments: Sequence[Segment]) -> str:
    return csv_text(SEGMENT_HEADER, (s.row() for s in segments))


def matrix_csv(matrix: CodeMatrix) -> str:
    """One row per tag, one column per article (its id and title), source or month."""
    if matrix.by == "article":
        header = ["tag", *(f"{c}: {matrix.labels.get(c, '')}" for c in matrix.columns)]
    else:
        header = ["tag", *matrix.columns]
    return csv_text(header, matrix.rows())


def _where(s: Segment) -> str:
    return ", ".join(p for p in (s.title, s.source or "", s.date or "") if p)


def segments_markdown(segments: Sequence[Segment], title: str = "Retrieved segments") -> str:
    lines = [f"# {title}", "", f"{len(segments)} segments.", ""]
    for s in segments:
        lines.append(f"## {_where(s)}")
        lines.append("")
        lines.append(f"**{'; '.join(s.tags)}** · {s.coder or 'unknown coder'} · "
                     f"characters {s.start}–{s.end}")
        lines.append("")
        quoted = f"…{s.before}**{s.text}**{s.after}…".replace("\n", " ")
        lines.append("> " + quoted)
        if s.note:
            lines += ["", f"Note: {s.note}"]
        lines.append("")
    return "\n".join(lines)


_STYLE = """body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1{font-family:sans-serif}h2{font:600 1em sans-serif;margin:1.6em 0 .3em}
.meta{font:.85em sans-serif;color:#555}mark{background:#ffe58f;padding:0 .1em}
blockquote{margin:.4em 0;padding-left:1em;border-left:3px solid #ccc}
.note{font-style:italic}@media print{body{margin:0;max-width:none}section{break-inside:avoid}}"""


def segments_html(segments: Sequence[Segment], title: str = "Retrieved segments") -> str:
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title>"
             f"<style>{_STYLE}</style></head><body><h1>{e(title)}</h1>"
             f"<p class='meta'>{len(segments)} segments.</p>"]
    for s in segments:
        note = f"<p class='note'>Note: {e(s.note)}</p>" if s.note else ""
        parts.append(
            f"<section><h2>{e(_where(s))}</h2>"
            f"<p class='meta'>{e('; '.join(s.tags))} · {e(s.coder or 'unknown coder')} · "
            f"characters {s.start}–{s.end}</p>"
            f"<blockquote>…{e(s.before)}<mark>{e(s.text)}</mark>{e(s.after)}…</blockquote>{note}</section>"
        )
    parts.append("</body></html>")
    return "".join(parts)
