"""Saved web pages: the article's main text and metadata, through trafilatura.

trafilatura drops menus, ads, footers and (with ``include_comments=False``)
reader comments, and reads title, date, author, site name and URL from the
page's metadata.  Nothing is fetched: it only parses the saved file.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.core.text import normalise, sha256, title_from_text
from desktop.formats.decoding import decode
from desktop.formats.text import read_bytes

EXTENSIONS = (".html", ".htm", ".xhtml")

# A page whose longest paragraph is shorter than this holds no article,
# only navigation ("Home World Sport") or a cookie notice.
MIN_PARAGRAPH_WORDS = 8

# trafilatura and htmldate log a page they cannot use as an error; without a
# handler Python would print that on stderr, under the CLI's own message.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    """One article from a saved page; InputError when it holds no article text."""
    return [article_from_html(decode_page(read_bytes(path), path.name), path.name)]


def decode_page(data: bytes, name: str) -> str:
    """UTF-8, else the charset the page declares, else detection.

    Saved pages are mostly markup and script, which the prose-minded
    detection for plain text files may take for binary data.
    """
    if not data.strip() or b"\x00" in data[:4096]:  # empty, UTF-16/32, or binary
        return decode(data, name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:8192])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:  # a charset Python does not know
            pass
    return decode(data, name)


# Scripts, styles and comments hold no article text; dropping them first
# keeps extraction fast on pages stuffed with them (trafilatura's time grows
# much faster than their number).  The patterns match no nested structure,
# so they run in linear time.
_NOISE = re.compile(r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
MAX_PAGE = 20_000_000  # characters; a saved article page is far smaller


def article_from_html(html: str, name: str = "the page") -> Article:
    from trafilatura import bare_extraction

    if len(html) > MAX_PAGE:
        raise InputError(f"{name} is too large to be one web page ({len(html) // 1_000_000} MB).")
    html = _NOISE.sub(" ", html)

    # Dates only from the page's metadata and markup: the extensive search
    # guesses from any date in the text (a copyright year, a comment).
    dates = {"original_date": True, "extensive_search": False}
    try:
        doc = bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=dates,
        )
        # The precision pass finds nothing on pages that are all menus and
        # notices, where the default pass still returns their words.
        strict = bare_extraction(
            html, include_comments=False, favor_precision=True, date_extraction_params=dates,
        )
    except (ValueError, TypeError) as exc:  # lxml refuses what is not HTML
        raise InputError(f"{name} is not a readable web page ({exc}).") from exc
    text = normalise(doc.text or "") if doc is not None else ""
    if strict is None or not _has_prose(text):
        raise InputError(f"{name} has no article text (only menus, links or notices).")
    title = " ".join((doc.title or "").split())
    text = _without_headline(text, title)
    return Article(
        text=text,
        title=title or title_from_text(text),
        date=doc.date or None,
        source=doc.sitename or doc.hostname or None,
        url=doc.url or None,
        author=doc.author or None,
        sha256=sha256(text),
    )


def _has_prose(text: str) -> bool:
    return any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.split("\n"))


def _without_headline(text: str, title: str) -> str:
    """The body without its first line when that line is the title (the
    page's <h1>): the title is kept apart, as for every other format."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and first.strip().casefold() == title.casefold():
        return rest.strip("\n")
    return text
