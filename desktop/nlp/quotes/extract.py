"""Quote extraction and speaker resolution over a parsed spaCy ``Doc``.

``extract_quotes`` finds three kinds of quotes:

* ``direct``: text in quotation marks with a nearby cue ("…," he said;
  he said: "…"), or a stand-alone quotation following one (it inherits that
  speaker).  An interrupted quote ("A," she said, "B.") gives two quotes
  with the same speaker, as news annotators mark them.
* ``mixed``: a reported clause holding a quoted fragment (said his country
  was "absolutely united"; called the days "decisive").
* ``indirect``: a clausal complement of a speech verb, "according to X, …".

Short quoted bits outside reported clauses (scare quotes, titles) are not
quotes.  Everything is pure Python over the tokens of one parse: roughly
linear in the document's length.  A passage that raises is skipped; the rest
of the article is still analysed.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, insort

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from desktop.core.model import Quote, Span
from desktop.nlp.collector import collector_paused
from desktop.nlp.quotes.context import Candidate
from desktop.nlp.quotes.direct import DirectFinder
from desktop.nlp.quotes.lexicon import NAMING_VERBS, SPEECH_VERBS
from desktop.nlp.quotes.marks import Quoted, find_quoted
from desktop.nlp.quotes.reported import ReportedFinder
from desktop.nlp.quotes.speakers import Speaker, Speakers
from desktop.nlp.quotes.tokens import TokenTable, any_of, hashes, positions

log = logging.getLogger(__name__)

# An unattributed quotation inherits the last speaker if that quote ended at
# most this many paragraphs before it.
INHERIT_PARAGRAPHS = 1
# A later candidate overlapping an accepted one by this share is a duplicate.
OVERLAP = 0.5
_ACCORDING = hashes(("according", "per"))


class Finder(DirectFinder, ReportedFinder):
    """All finders over one document (they share its ``Context``)."""


def extract_quotes(doc: Doc) -> list[Quote]:
    """All quotes of ``doc`` in text order, speakers resolved where possible."""
    with collector_paused():
        return _extract_quotes(doc)


def _extract_quotes(doc: Doc) -> list[Quote]:
    try:
        text = doc.text  # rebuilt from the tokens on every access: once is enough
        tokens = TokenTable(doc)
        quoted = find_quoted(text)
        finder = Finder(doc, quoted, text, tokens)
        cands = _candidates(doc, finder, quoted)
        # Subjects inside reported content ("Paris put forward …, Putin
        # said") are what was said, not who is being talked about.
        reported = list(finder.inside)
        for c in cands:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    reported[i] = True
        speakers = Speakers(doc, finder.inside, reported, text, tokens)
    except Exception:  # noqa: BLE001 - never let one article crash the app
        log.exception("quote extraction failed for the whole document")
        return []
    return _to_quotes(doc, cands, speakers)


def _candidates(doc: Doc, finder: Finder, quoted: list[Quoted]) -> list[Candidate]:
    accepted = Accepted()
    directs: list[Candidate] = []
    for k in range(len(quoted)):
        c = _safe(finder.direct, k)
        if c is not None:
            directs.append(c)
    for c in directs:
        accepted.accept(c)
    clauses: list[Candidate] = []
    inside = finder.inside
    # Each finder first checks the token and returns None when it does not
    # fit: the reported and naming finders want a verb, the other "according"
    # or "per".  Asking only the tokens that may fit gives the same.
    tokens = finder.tokens
    maybe = (tokens.pos == VERB) | (tokens.pos == AUX) | any_of(tokens.lower, _ACCORDING)
    for i in positions(maybe):
        if inside[i]:
            continue
        tok = doc[i]
        lemma = tok.lemma_.lower()
        low = tok.lower_
        for fn in (
            finder.naming if lemma in NAMING_VERBS else None,
            finder.reported if lemma in SPEECH_VERBS else None,
            finder.according if low in ("according", "per") else None,
        ):
            if fn is not None:
                c = _safe(fn, tok)
                if c is not None:
                    clauses.append(c)
    # Mixed quotes first: a clause holding a quoted fragment beats the plain
    # fragment, and longer clauses beat the nested reports inside them.
    for c in sorted(clauses, key=lambda c: (c.type != "mixed", c.start)):
        accepted.accept(c)
    return sorted(accepted.items, key=lambda c: c.start)


def _safe(fn, arg):
    try:
        return fn(arg)
    except Exception:  # noqa: BLE001 - one odd passage must not stop the rest
        log.debug("quote finder %s failed", getattr(fn, "__name__", fn), exc_info=True)
        return None


def _overlap(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    if inter <= 0:
        return 0.0
    return inter / min(a.end - a.start, b.end - b.start)


class Accepted:
    """The candidates accepted so far, in the order they were accepted, with
    their starts sorted beside them: a new candidate is compared only with
    those it can overlap (starting less than the longest one's length before
    it), not with every one."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self._starts: list[tuple[int, int]] = []  # (start, place in items), sorted
        self._longest = 0

    def _put(self, k: int, c: Candidate) -> None:
        insort(self._starts, (c.start, k))
        self._longest = max(self._longest, c.end - c.start)

    def overlapping(self, c: Candidate) -> list[int]:
        """The places of the accepted candidates sharing characters with
        ``c``, in the order they were accepted (a superset: the caller
        checks the overlap)."""
        lo = bisect_left(self._starts, (c.start - self._longest, -1))
        hi = bisect_left(self._starts, (c.end, -1))
        return sorted(k for _, k in self._starts[lo:hi])

    def accept(self, c: Candidate) -> None:
        """Keep ``c`` unless it overlaps one accepted before: the first such
        one (in the order accepted) decides."""
        for i in self.overlapping(c):
            other = self.items[i]
            if _overlap(c, other) < OVERLAP:
                continue
            # A mixed clause swallows the direct-looking fragment it contains.
            if (
                c.type == "mixed"
                and other.type == "direct"
                and c.start <= other.start
                and other.end <= c.end + 1
                and (c.end - c.start) > (other.end - other.start)
            ):
                self._starts.remove((other.start, i))
                self.items[i] = c
                self._put(i, c)
            return
        self.items.append(c)
        self._put(len(self.items) - 1, c)


def _to_quotes(doc: Doc, cands: list[Candidate], speakers: Speakers) -> list[Quote]:
    text = speakers.text
    out: list[Quote] = []
    last: tuple[Quote, Speaker | None] | None = None
    for c in cands:
        try:
            sp = speakers.resolve(c.subject) if c.subject is not None else None
            if sp is None and c.inherit and last is not None and _near(text, last[0].end, c.start):
                sp = last[1]  # its mention stays the one that named the speaker
            q = Quote(
                start=c.start,
                end=c.end,
                type=c.type,
                cue=_cue_span(c.cue, c.cue_end),
                speaker_mention=Span(sp.start, sp.end, sp.kind) if sp is not None else None,
                speaker_name=sp.name if sp is not None else None,
                resolved=bool(sp is not None and sp.resolved),
            )
        except Exception:  # noqa: BLE001
            log.debug("could not build quote at %d", c.start, exc_info=True)
            continue
        if sp is None and c.type == "direct" and c.cue is None and not _long(text, c):
            continue
        out.append(q)
        if sp is not None or c.type == "direct":
            last = (q, sp)
    return out


def _cue_span(cue: Token | None, cue_end: int) -> Span | None:
    if cue is None:
        return None
    doc = cue.doc
    last = doc[cue_end] if cue_end > cue.i else cue
    return Span(cue.idx, last.idx + len(last), "cue")


def _near(text: str, prev_end: int, start: int) -> bool:
    between = text[prev_end:start]
    paragraphs = (
        sum(1 for line in between.split("\n")[1:-1] if line.strip()) if "\n" in between else 0
    )
    breaks = 1 if "\n" in between else 0
    return paragraphs + breaks <= INHERIT_PARAGRAPHS


def _long(text: str, c: Candidate) -> bool:
    return len(text[c.start : c.end].split()) >= 8
