"""One article as Markdown: the text with highlights in bold and notes as
footnotes (GitHub/Pandoc ``[^n]``), then the quotes and actors tables.

Article text, notes and names are escaped so they render as text: every
Markdown metacharacter gets a backslash, and ``<``, ``>``, ``&`` become
entities, so raw HTML, ``[..](javascript:..)`` links, images and autolinks
in an article are inert.
"""

from __future__ import annotations

import re

from desktop.core.model import ArticleBundle
from desktop.formats.html_export import note_numbers, paragraphs, pieces, speaker_of

DESCRIPTION = "Markdown: text with highlights, notes as footnotes, tables"
EXTENSION = ".md"

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the
# ones that can start markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_{}\[\]()#+!|~^])")
_LINE_START = re.compile(r"^(-|=|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Markdown-escape plain text for inline use (no newlines expected)."""
    text = _INLINE.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def escape_line(text: str) -> str:
    """Escape a whole paragraph: also what would start a list, heading,
    quote block or rule at the start of the line."""
    # Leading blanks would make an indented code block.
    escaped = escape(text.lstrip(" \t"))
    match = _LINE_START.match(escaped)
    if match is None:
        return escaped
    if match.group(1)[0].isdigit():  # "1984. " is not a list item
        at = match.end()
        return escaped[:at] + "\\" + escaped[at:]
    return "\\" + escaped


def cell(text: str) -> str:
    """A table cell: escaped, on one line."""
    return escape(" ".join(text.split())) or " "


def render_markdown(bundle: ArticleBundle) -> tuple[str, list[str]]:
    article = bundle.article
    out = [f"# {escape(article.title or 'Untitled article')}", ""]
    meta = [x for x in (article.date, article.author, article.source, article.url) if x]
    if meta:
        # The URL is escaped too: a javascript: address must not become a link.
        out += [" · ".join(escape(x) for x in meta), ""]
    numbers = note_numbers(bundle)
    for start, end in paragraphs(article.text):
        if start == end:
            continue
        out += [_paragraph(bundle, start, end, numbers), ""]
    if bundle.analysis.quotes:
        out += [
            f"## Quotes ({len(bundle.analysis.quotes)})",
            "",
            "| Speaker | Quote | Type |",
            "| --- | --- | --- |",
        ]
        text = article.text
        for i, q in enumerate(bundle.analysis.quotes):
            out.append(
                f"| {cell(speaker_of(bundle, i) or '—')} | {cell(text[q.start : q.end])} "
                f"| {cell(q.type)} |"
            )
        out.append("")
    if bundle.actors:
        out += [
            f"## Actors ({len(bundle.actors)})",
            "",
            "| Actor | Type | Named mentions | All mentions | Quotes |",
            "| --- | --- | --- | --- | --- |",
        ]
        for a in sorted(bundle.actors, key=lambda x: (-len(x.mentions), x.name)):
            named = sum(1 for m in a.mentions if m.kind == "name")
            out.append(
                f"| {cell(a.name)} | {cell(a.type)} | {named} | {len(a.mentions)} "
                f"| {a.quote_count} |"
            )
        out.append("")
    for index, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        a = bundle.annotations[index]
        lines = [escape_line(line) for line in a.note.strip().split("\n")]
        tags = f" ({escape(', '.join(a.tags))})" if a.tags else ""
        # Continuation lines of a footnote are indented by four spaces.
        out.append(f"[^{n}]: " + "\n    ".join(lines) + tags)
    warnings = []
    if bundle.analysis.entities:
        warnings.append("Markdown has no entity colours: entities are not marked in the text.")
    return "\n".join(out).rstrip("\n") + "\n", warnings


def render(bundle: ArticleBundle) -> tuple[bytes, list[str]]:
    text, warnings = render_markdown(bundle)
    return text.encode("utf-8"), warnings


def _paragraph(bundle: ArticleBundle, start: int, end: int, numbers: dict[int, int]) -> str:
    """The paragraph with highlighted runs in bold.  Bold runs are the union
    of the highlights (Markdown cannot nest overlapping emphasis); each
    highlight with a note gets its footnote mark where it ends."""
    text = bundle.article.text
    runs: list[tuple[bool, str, list[int]]] = []  # (highlighted, raw text, notes after)
    for piece in pieces(bundle, start, end):
        marked = bool(piece.highlights)
        notes = [numbers[i] for i in piece.notes_after if i in numbers]
        chunk = text[piece.start : piece.end]
        if runs and runs[-1][0] == marked and not runs[-1][2]:
            runs[-1] = (marked, runs[-1][1] + chunk, notes)
        else:
            runs.append((marked, chunk, notes))
    out = []
    for index, (marked, chunk, notes) in enumerate(runs):
        refs = "".join(f"[^{n}]" for n in notes)
        escaped = escape_line(chunk) if index == 0 else escape(chunk)
        if marked and chunk.strip():
            # Emphasis must hug non-space characters to render.
            lead = escaped[: len(escaped) - len(escaped.lstrip())]
            trail = escaped[len(escaped.rstrip()) :]
            out.append(f"{lead}**{escaped.strip()}**{refs}{trail}")
        else:
            out.append(escaped + refs)
    return "".join(out)
