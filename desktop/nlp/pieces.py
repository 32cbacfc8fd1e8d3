"""Long texts in pieces: where to cut them, and the parsed pieces joined
back into one ``Doc``.

spaCy refuses texts over ``nlp.max_length`` characters (E088), and one
long ``Doc`` takes memory far beyond its size while it is parsed (about
2 GB for a 630,000-character text).  A long text is therefore cut at
paragraph breaks into pieces of about :data:`PIECE_CHARS`, the pieces go
through ``nlp.pipe`` like any other texts, and the parsed pieces are joined
with ``Doc.from_docs`` into one ``Doc`` whose text is the original text,
character for character, so that every offset stays exact and the quote
and actor steps see one document as before.

A cut falls just after a run of white space holding a line break, where
spaCy's tokenizer puts a token boundary anyway: the tokens of the joined
``Doc`` are those of the whole text.  A paragraph longer than a piece is
cut at a space, and as a last resort anywhere.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Texts longer than this are analysed in pieces of about PIECE_CHARS.
LONG_TEXT = 12_000
PIECE_CHARS = 3_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # no leading [ \t]*: quadratic on long runs of spaces
_SPACE = re.compile(r"\s+")


def needs_pieces(text: str, max_length: int, long_text: int = LONG_TEXT) -> bool:
    return len(text) > min(long_text, max_length)


def cut_points(text: str, size: int = PIECE_CHARS, limit: int | None = None) -> list[int]:
    """Offsets where the pieces of ``text`` start (the first is 0).

    Each piece ends at the last paragraph break before ``size`` characters,
    or the first one after them; no piece is longer than ``limit``
    characters (spaCy's ``max_length``)."""
    limit = max(size, limit or size * 10)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text) if 0 < m.end() < len(text)]
    starts = [0]
    start = 0
    while len(text) - start > size:
        k = bisect_right(breaks, start + size) - 1
        end = breaks[k] if k >= 0 and breaks[k] > start else None
        if end is None and k + 1 < len(breaks):
            end = breaks[k + 1]
        if end is None or end - start > limit:
            end = _cut_long_paragraph(text, start, limit)
        starts.append(end)
        start = end
    return starts


def _cut_long_paragraph(text: str, start: int, limit: int) -> int:
    """After the last white space within ``limit`` characters of ``start``,
    else at ``start + limit``."""
    end = start + limit
    last = None
    for m in _SPACE.finditer(text, start + limit // 2, end):
        if m.end() < end:
            last = m.end()
    return last if last is not None else end


def pieces(text: str, size: int = PIECE_CHARS, limit: int | None = None) -> list[str]:
    starts = cut_points(text, size, limit)
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]


def join_docs(docs: list[Doc]) -> Doc:
    """One ``Doc`` of the parsed pieces, in order, its text their texts
    joined as they are.  The tensors (not used after parsing) and the
    pieces' user data are left out."""
    from spacy.tokens import Doc

    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=("tensor", "user_data"))


class Cancelled(Exception):  # noqa: N818 - what the caller asked for, not an error
    """The analysis was asked to stop (the app is quitting)."""


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 16, n_process: int = 1,
                size: int = PIECE_CHARS, long_text: int = LONG_TEXT,
                cancelled: Callable[[], bool] | None = None) -> Iterator[Doc | None]:
    """``nlp.pipe`` over ``texts``, one ``Doc`` per text in order, long texts
    parsed in pieces and joined back.

    A text the pipeline fails on gives None (the error is logged) and the
    others go on: the texts spaCy had taken and not finished are parsed
    again one by one, then a new ``nlp.pipe`` takes the rest.  An error
    reading ``texts`` itself is raised, and so is :class:`Cancelled` when
    ``cancelled()``, asked after each piece of a long text, says True
    (between texts, the caller asks it)."""
    source = iter(texts)
    while True:
        feed = _Feed(source, nlp.max_length, size, long_text)
        docs = nlp.pipe(feed.pieces(), batch_size=batch_size, n_process=n_process)
        try:
            for doc in docs:
                if cancelled is not None and feed.in_pieces() and cancelled():
                    raise Cancelled
                joined = feed.take(doc)
                if joined is not None:
                    yield joined
            return
        except Exception:  # noqa: BLE001 - one text must not block the others
            if feed.error is not None or cancelled is not None and cancelled():
                raise
            log.exception("the pipeline failed on one of %d texts; parsing them one by one",
                          len(feed.pending))
        finally:
            docs.close()  # stops spaCy's worker processes
        for text, _count in feed.pending:
            yield parse_alone(nlp, text, size, long_text)


def parse_alone(nlp: Language, text: str, size: int = PIECE_CHARS, long_text: int = LONG_TEXT) -> Doc | None:
    """One text (in pieces when long), or None when the pipeline fails on it."""
    try:
        return join_docs(list(nlp.pipe(_cut(text, nlp.max_length, size, long_text))))
    except Exception:  # noqa: BLE001
        log.exception("the pipeline failed on a text of %d characters", len(text))
        return None


def _cut(text: str, max_length: int, size: int, long_text: int) -> list[str]:
    if not needs_pieces(text, max_length, long_text):
        return [text]
    size = min(size, max_length)
    return pieces(text, size, min(max_length, size * 10))


class _Feed:
    """The pieces handed to ``nlp.pipe`` and the texts they belong to:
    ``nlp.pipe`` gives its Docs back in order, so the first pending text is
    the one the next Doc belongs to."""

    def __init__(self, source: Iterator[str], max_length: int, size: int, long_text: int) -> None:
        self.source = source
        self.cut = lambda text: _cut(text, max_length, size, long_text)
        self.pending: deque[tuple[str, int]] = deque()  # text, number of pieces
        self.parts: list[Doc] = []
        self.error: Exception | None = None

    def pieces(self) -> Iterator[str]:
        while True:
            try:
                text = next(self.source)
            except StopIteration:
                return
            except Exception as exc:
                self.error = exc
                raise
            cut = self.cut(text)
            self.pending.append((text, len(cut)))
            yield from cut

    def in_pieces(self) -> bool:
        """Whether the next Doc is a piece of a long text."""
        return self.pending[0][1] > 1

    def take(self, doc: Doc) -> Doc | None:
        """The joined Doc when ``doc`` is the last piece of its text."""
        self.parts.append(doc)
        if len(self.parts) < self.pending[0][1]:
            return None
        self.pending.popleft()
        parts, self.parts = self.parts, []
        return join_docs(parts)
