"""One article as a self-contained HTML page: to read, send or print.

The text is cut at every span edge, so overlapping entities, highlights and
quotes each keep their styling; every string from the article or the user
goes through ``html.escape`` (attributes too), and colours are used only
when they are plain ``#rrggbb`` values.  No scripts, no external resources.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from desktop.core import labels
from desktop.core.model import ArticleBundle, Tag

DESCRIPTION = "A self-contained web page to read or print"
EXTENSION = ".html"

_WEB = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
DEFAULT_TAG_COLOUR = "#ffd54f"
QUOTE_COLOUR = "#d08c00"
# Defence in depth: even if something slipped through escaping, the page may
# load nothing and run nothing.
CSP = "default-src 'none'; style-src 'unsafe-inline'"
TABLE = "<table width='100%' cellspacing='0' cellpadding='4'>"


def e(value: object) -> str:
    """Escape for element text and double- or single-quoted attributes."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_colour(value: str | None, fallback: str = DEFAULT_TAG_COLOUR) -> str:
    return value if value and _COLOUR.match(value) else fallback


@dataclass(slots=True)
class Piece:
    """A stretch of text and the spans covering all of it."""

    start: int
    end: int
    entities: list[int] = field(default_factory=list)
    highlights: list[int] = field(default_factory=list)
    quotes: list[int] = field(default_factory=list)
    notes_after: list[int] = field(default_factory=list)  # highlights ending here


def pieces(bundle: ArticleBundle, start: int, end: int) -> Iterator[Piece]:
    """Cut ``text[start:end]`` at every span edge; each piece lists the
    entities, highlights and quotes (indices) that cover it."""
    layers = {
        "entities": [(x.start, x.end) for x in bundle.analysis.entities],
        "highlights": [(x.start, x.end) for x in bundle.annotations],
        "quotes": [(x.start, x.end) for x in bundle.analysis.quotes],
    }
    edges = {start, end}
    for spans in layers.values():
        for lo, hi in spans:
            edges.update(p for p in (lo, hi) if start < p < end)
    cuts = sorted(edges)
    for left, right in zip(cuts, cuts[1:], strict=False):
        piece = Piece(left, right)
        for name, spans in layers.items():
            getattr(piece, name).extend(
                i for i, (lo, hi) in enumerate(spans) if lo <= left and right <= hi
            )
        piece.notes_after = [i for i, (_lo, hi) in enumerate(layers["highlights"]) if hi == right]
        yield piece


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    at = 0
    for line in text.split("\n"):
        yield at, at + len(line)
        at += len(line) + 1


def tag_colours(bundle: ArticleBundle) -> dict[str, str]:
    return {t.name: safe_colour(t.color) for t in bundle.tags}


def speaker_of(bundle: ArticleBundle, index: int) -> str:
    quote = bundle.analysis.quotes[index]
    actor = bundle.quote_actor[index] if index < len(bundle.quote_actor) else None
    if actor is not None and 0 <= actor < len(bundle.actors):
        return bundle.actors[actor].name
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker_mention:
        return bundle.article.text[quote.speaker_mention.start : quote.speaker_mention.end]
    return ""


def note_numbers(bundle: ArticleBundle) -> dict[int, int]:
    """Highlight index -> note number, in text order, for highlights with a note."""
    order = sorted(
        (i for i, a in enumerate(bundle.annotations) if a.note.strip()),
        key=lambda i: (bundle.annotations[i].end, bundle.annotations[i].start),
    )
    return {index: n for n, index in enumerate(order, 1)}


CSS = """
body { font-family: Georgia, 'Times New Roman', serif; font-size: 12pt; line-height: 1.55;
       color: #111; margin: 2em auto; max-width: 62em; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
.meta { color: #555; font-family: sans-serif; font-size: .9em; }
.layout { display: grid; grid-template-columns: minmax(0, 40em) minmax(10em, 18em); gap: 2em; }
.text p { margin: 0 0 .9em; }
.ent { border-radius: .2em; padding: 0 .1em; }
.hl { border-bottom: 3px solid; }
.q { text-decoration: underline dotted #d08c00; }
sup.ref { font-family: sans-serif; font-size: .7em; }
aside.notes { font-family: sans-serif; font-size: .85em; color: #333; }
aside.notes ol { padding-left: 1.4em; }
.legend { font-family: sans-serif; font-size: .85em; margin: 1em 0; }
.legend span.key { display: inline-block; margin: 0 .8em .3em 0; }
.swatch { font-size: 1.2em; margin-right: .2em; }
table { border-collapse: collapse; width: 100%; font-family: sans-serif; font-size: .85em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .layout { display: block; }
  aside.notes { border-top: 1px solid #ccc; margin-top: 1em; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, .notes li { page-break-inside: avoid; break-inside: avoid; }
  h2 { page-break-after: avoid; break-after: avoid; }
}
"""


def render_html(bundle: ArticleBundle) -> tuple[str, list[str]]:
    """The page as a string, and what it cannot show (nothing, so far)."""
    article = bundle.article
    title = article.title or "Untitled article"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        f"<header><h1>{e(title)}</h1>{_meta(bundle)}</header>",
        _legend(bundle),
        '<div class="layout"><div class="text">',
        _text(bundle),
        "</div>",
        _notes(bundle),
        "</div>",
        _quotes_table(bundle),
        _actors_table(bundle),
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p), []


def render(bundle: ArticleBundle) -> tuple[bytes, list[str]]:
    page, warnings = render_html(bundle)
    return page.encode("utf-8"), warnings


def _meta(bundle: ArticleBundle) -> str:
    a = bundle.article
    items = [e(x) for x in (a.date, a.author, a.source) if x]
    if a.url:
        # Only web addresses become links; anything else (javascript:...) stays text.
        items.append(f'<a href="{e(a.url)}">{e(a.url)}</a>' if _WEB.match(a.url) else e(a.url))
    return f'<p class="meta">{" · ".join(items)}</p>' if items else ""


def _legend(bundle: ArticleBundle) -> str:
    keys = []
    for label in labels.sort_labels({x.label for x in bundle.analysis.entities}):
        keys.append(
            f'<span class="key" title="{e(labels.describe(label))}"><span class="swatch" '
            f'style="color:{safe_colour(labels.colour(label), labels.FALLBACK_COLOUR)}">■</span>'
            f"{e(label)}</span>"
        )
    colours = tag_colours(bundle)
    used = list(dict.fromkeys(t for a in bundle.annotations for t in a.tags))
    for name in used:
        colour = colours.get(name, DEFAULT_TAG_COLOUR)
        keys.append(
            f'<span class="key"><span class="swatch" style="color:{colour}">■</span>'
            f"<u>{e(name)}</u></span>"
        )
    if bundle.analysis.quotes:
        keys.append('<span class="key"><span class="q">quoted</span></span>')
    if not keys:
        return ""
    return f'<div class="legend"><strong>Legend</strong>: {" ".join(keys)}</div>'


def _text(bundle: ArticleBundle) -> str:
    text = bundle.article.text
    colours = tag_colours(bundle)
    numbers = note_numbers(bundle)
    out = []
    for start, end in paragraphs(text):
        if start == end:
            continue
        html_parts = []
        for piece in pieces(bundle, start, end):
            html_parts.append(_piece(bundle, piece, colours))
            for index in piece.notes_after:
                if index in numbers:
                    n = numbers[index]
                    html_parts.append(
                        f'<sup class="ref" id="ref-{n}"><a href="#note-{n}">{n}</a></sup>'
                    )
        out.append(f"<p>{''.join(html_parts)}</p>")
    return "\n".join(out)


def _piece(bundle: ArticleBundle, piece: Piece, colours: dict[str, str]) -> str:
    text = e(bundle.article.text[piece.start : piece.end])
    if not (piece.entities or piece.highlights or piece.quotes):
        return text
    styles, classes, tips = [], [], []
    if piece.entities:
        # Nested entities are rare; the innermost decides the colour.
        ent = min(
            (bundle.analysis.entities[i] for i in piece.entities), key=lambda x: x.end - x.start
        )
        classes.append("ent")
        styles.append(
            f"background-color:{safe_colour(labels.colour(ent.label), labels.FALLBACK_COLOUR)}"
        )
        tips += [bundle.analysis.entities[i].label for i in piece.entities]
    if piece.highlights:
        tags = [t for i in piece.highlights for t in bundle.annotations[i].tags] or ["highlight"]
        stack = [colours.get(t, DEFAULT_TAG_COLOUR) for t in dict.fromkeys(tags)]
        classes.append("hl")
        # One underline per tag, stacked: overlapping highlights stay readable.
        styles.append(f"border-bottom-color:{stack[0]}")
        if len(stack) > 1:
            shadows = ", ".join(f"0 {3 * (k + 1)}px 0 {c}" for k, c in enumerate(stack[1:]))
            styles.append(f"box-shadow:{shadows}")
        tips += list(dict.fromkeys(tags))
    if piece.quotes:
        classes.append("q")
        tips += [
            f"{bundle.analysis.quotes[i].type} quote: {speaker_of(bundle, i) or 'unknown'}"
            for i in piece.quotes
        ]
    style = f' style="{";".join(styles)}"' if styles else ""
    return f'<span class="{" ".join(classes)}"{style} title="{e(" · ".join(tips))}">{text}</span>'


def _notes(bundle: ArticleBundle) -> str:
    numbers = note_numbers(bundle)
    if not numbers:
        return ""
    items = []
    for index, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        a = bundle.annotations[index]
        tags = f" <em>({e(', '.join(a.tags))})</em>" if a.tags else ""
        byline = f' <span class="meta">— {e(a.author)}</span>' if a.author else ""
        note = "<br>".join(e(line) for line in a.note.strip().split("\n"))
        items.append(
            f'<li id="note-{n}" value="{n}">{note}{tags}{byline} <a href="#ref-{n}">↩</a></li>'
        )
    return f'<aside class="notes"><h2>Notes</h2><ol>{"".join(items)}</ol></aside>'


def _quotes_table(bundle: ArticleBundle) -> str:
    text = bundle.article.text
    if not bundle.analysis.quotes:
        return ""
    rows = [
        f"<tr><td>{e(speaker_of(bundle, i) or '—')}</td><td>{e(text[q.start : q.end])}</td>"
        f"<td>{e(q.type)}</td></tr>"
        for i, q in enumerate(bundle.analysis.quotes)
    ]
    return (
        f"<h2>Quotes ({len(rows)})</h2>{TABLE}<thead><tr><th width='22%'>Speaker</th><th>Quote</th>"
        f"<th width='12%'>Type</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _actors_table(bundle: ArticleBundle) -> str:
    if not bundle.actors:
        return ""
    rows = []
    for a in sorted(bundle.actors, key=lambda x: (-len(x.mentions), x.name)):
        named = sum(1 for m in a.mentions if m.kind == "name")
        rows.append(
            f"<tr><td>{e(a.name)}</td><td>{e(a.type)}</td><td>{e(', '.join(a.aliases))}</td>"
            f"<td>{named}</td><td>{len(a.mentions)}</td><td>{a.quote_count}</td></tr>"
        )
    return (
        f"<h2>Actors ({len(rows)})</h2>{TABLE}<thead><tr><th>Actor</th><th>Type</th>"
        "<th>Also named</th><th>Named mentions</th><th>All mentions</th><th>Quotes</th>"
        "</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def tag_tree(tags: list[Tag]) -> list[tuple[int, Tag]]:
    """Tags in codebook order with their depth (for legends and codebooks)."""
    children: dict[str | None, list[Tag]] = {}
    names = {t.name for t in tags}
    for t in sorted(tags, key=lambda t: t.position):
        children.setdefault(t.parent if t.parent in names else None, []).append(t)
    out: list[tuple[int, Tag]] = []

    def walk(parent: str | None, depth: int, seen: set[str]) -> None:
        for t in children.get(parent, []):
            if t.name in seen:
                continue
            out.append((depth, t))
            walk(t.name, depth + 1, seen | {t.name})

    walk(None, 0, set())
    return out
