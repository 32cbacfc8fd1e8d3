"""The source-diversity report as one self-contained HTML page: every chart
an inline SVG (no scripts, no fonts or images from elsewhere), the counts
behind each chart in a table beside it, laid out to print well.  Its
tables also go to CSV files, one per table."""
from __future__ import annotations

import html
from pathlib import Path

from desktop.core.corpus import Report, Table
from desktop.core.ticks import nice_ticks
from desktop.formats.csv_table import write_csv

_STYLE = """body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:60em;margin:2em auto;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.15em;margin:2em 0 .4em}table{border-collapse:collapse;margin:.5em 0}
th,td{padding:.15em .6em;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}
.note,.meta{color:#555;font-size:.9em}svg{max-width:100%;height:auto}svg text{font:12px sans-serif;fill:#222}
section{break-inside:avoid;page-break-inside:avoid}@media print{body{margin:0;max-width:none}}"""
_BAR = "#3b6ea8"


def bar_chart(labels: list[str], values: list[int], title: str, axis: str = "quotes") -> str:
    """A horizontal bar chart as SVG: full labels on the left, integer ticks,
    ``axis`` naming what the bars count."""
    e = html.escape
    label_width = min(320, 12 + 7 * max((len(s) for s in labels), default=4))
    width, bar, gap = 720, 18, 6
    plot = width - label_width - 50
    ticks = nice_ticks(max(values, default=0))
    top = ticks[-1] or 1
    height = 24 + len(labels) * (bar + gap) + 36
    out = [f"<svg xmlns='http://www.w3.org/2000/svg' role='img' viewBox='0 0 {width} {height}' "
           f"width='{width}' height='{height}'><title>{e(title)}</title>"]
    for t in ticks:
        x = label_width + plot * t / top
        out.append(f"<line x1='{x:.1f}' y1='16' x2='{x:.1f}' y2='{height - 34}' stroke='#ddd'/>"
                   f"<text x='{x:.1f}' y='{height - 20}' text-anchor='middle'>{t}</text>")
    out.append(f"<text x='{label_width + plot / 2:.1f}' y='{height - 4}' text-anchor='middle'>{e(axis)}</text>")
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 20 + i * (bar + gap)
        w = plot * value / top
        out.append(f"<text x='{label_width - 6}' y='{y + bar - 5}' text-anchor='end'>{e(label)}</text>"
                   f"<rect x='{label_width}' y='{y}' width='{w:.1f}' height='{bar}' fill='{_BAR}'>"
                   f"<title>{e(label)}: {value}</title></rect>"
                   f"<text x='{label_width + w + 4:.1f}' y='{y + bar - 5}'>{value}</text>")
    out.append("</svg>")
    return "".join(out)


def _table_html(table: Table) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in table.header)
    body = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>" for row in table.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _scope_words(report: Report) -> str:
    s = report.scope
    parts = []
    if s.search:
        parts.append(f"articles matching “{s.search}”")
    if s.source:
        parts.append(f"source {s.source}")
    if s.date_from or s.date_to:
        parts.append(f"dated {s.date_from or '…'} to {s.date_to or '…'}")
    return "; ".join(parts) or "the whole library"


def report_html(report: Report, title: str = "Who gets quoted") -> str:
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title)}</title>"
             f"<style>{_STYLE}</style></head><body><h1>{e(title)}</h1>"
             f"<p class='meta'>{e(_scope_words(report))}: {report.articles} articles, "
             f"{report.quotes} quotes.</p>"]
    for table in report.tables:
        parts.append(f"<section><h2>{e(table.title)}</h2>")
        if table.rows and table.chart is not None:
            labels = [str(r[0]) for r in table.rows]
            values = [int(r[table.chart]) for r in table.rows]
            parts.append(bar_chart(labels, values, table.title, table.header[table.chart]))
        parts.append(_table_html(table) if table.rows else "<p class='note'>None.</p>")
        if table.note:
            parts.append(f"<p class='note'>{e(table.note)}</p>")
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)


def write_report_csv(report: Report, folder: Path) -> list[Path]:
    """One CSV file per table (``gender.csv``, ``source.csv``, …); returns them."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in report.tables:
        path = folder / f"{table.name}.csv"
        write_csv(path, table.header, table.rows)
        written.append(path)
    return written
