"""Shared ground for the quote finders: the parsed document and its layout.

``Context`` holds per-document arrays (paragraph and sentence numbers,
whether a token is inside quotation marks) and the operations both finders
need: finding a verb's speaker token and turning tokens into content offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, islice, pairwise

import numpy as np
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from desktop.nlp.quotes.lexicon import SPEECH_VERBS
from desktop.nlp.quotes.marks import Quoted
from desktop.nlp.quotes.syntax import paragraph_ids, subject_of
from desktop.nlp.quotes.tokens import TokenTable, any_of, hashes, sentence_starts

QUOTE_CHARS = "\"“”„«»‘’'"
STOPS = frozenset(".!?;")
WINDOW = 14  # tokens searched either side of a quotation for its cue
MIN_DIRECT_WORDS = 4  # shorter quoted bits are scare quotes, titles or fragments
QUESTION_WORDS = frozenset("whether if how what why when who where which".split())


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    type: str
    cue: Token | None = None
    subject: Token | None = None
    inherit: bool = False  # no cue: takes the previous quote's speaker
    cue_end: int = -1  # last token of a multi-word cue ("according to")


def is_speech_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


def is_quote_tok(tok: Token) -> bool:
    return any(c in QUOTE_CHARS for c in tok.text) and not tok.is_alpha


def breaks(text: str, a: int, b: int) -> bool:
    """True when the text between two character offsets crosses a paragraph."""
    return "\n" in text[a:b]


def words(toks) -> int:
    return sum(1 for t in toks if t.is_alpha or t.like_num)


class Context:
    """One parsed document as the finders see it."""

    def __init__(
        self,
        doc: Doc,
        quoted: list[Quoted],
        text: str | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self.doc = doc
        # Doc.text rebuilds the string from the tokens on every access.
        self.text = doc.text if text is None else text
        self.tokens = TokenTable(doc) if tokens is None else tokens
        self.quoted = quoted
        # Quotations come sorted by start; the furthest end so far of each
        # prefix finds the first one content can touch (see ``_content``).
        self._in_order = all(a.start <= b.start for a, b in pairwise(quoted)) and all(
            q.start <= q.end for q in quoted
        )
        self._reach = list(accumulate((q.end for q in quoted), max))
        self.para = paragraph_ids(doc, self.text, self.tokens)
        self.sent = sentence_ids(doc, self.text, self.tokens)
        self.inside = [False] * len(doc)
        self._spans: list[SpacySpan] = []
        for q in quoted:
            sp = doc.char_span(q.start, q.end, alignment_mode="expand")
            self._spans.append(sp)
            if sp is not None:
                for i in range(sp.start, sp.end):
                    self.inside[i] = True

    def _subject(self, verb: Token) -> Token | None:
        """The parse's subject, else the noun right before the verb ("…, Mick Cash, said")."""
        subj = subject_of(verb, self.inside, self.para)
        if subj is not None:
            return subj
        k = verb.i - 1
        while k >= 0 and (self.doc[k].text in (",", "—") or self.doc[k].pos_ in ("ADV", "AUX")):
            k -= 1
        if (
            k >= 0
            and self.para[k] == self.para[verb.i]
            and not self.inside[k]
            and self.doc[k].pos_ in ("PROPN", "NOUN")
            and self.doc[k].dep_ not in ("pobj", "dobj")
        ):
            return self.doc[k]
        return None

    def _active_subject(self, verb: Token) -> Token | None:
        """Who speaks: the agent of a passive ("was described by X as"), else
        the subject; a passive without agent has no speaker."""
        subj = self._subject(verb)
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
            for ch in verb.children:
                if ch.dep_ == "agent":
                    return next((p for p in ch.children if p.dep_ == "pobj"), None)
            return None
        return subj

    def _nearest_subject(self, verb: Token) -> Token | None:
        home = self.sent[verb.i]
        for k in range(verb.i - 1, max(-1, verb.i - 30), -1):
            t = self.doc[k]
            if self.sent[k] != home:
                return None
            if t.dep_ == "nsubj" and not self.inside[k]:
                return t
        return None

    def _sentence_initial(self, tok: Token) -> bool:
        k = tok.i - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        return (
            k < 0
            or self.sent[k] != self.sent[tok.i]
            or self.doc[k].text in STOPS
            or breaks(self.text, self.doc[k].idx, tok.idx)
        )

    def _content(self, start: int, end: int) -> tuple[int, int, str]:
        """Character span of tokens [start, end), widened to whole quotations.

        The parse often leaves a closing mark (or the period before it) out of
        the clause; a quotation begun inside the content belongs to it.
        """
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        typ = "indirect"
        for q in self._quoted_from(s):
            if q.start >= e and self._in_order:
                break  # and so do all later ones: none can touch [s, e) now
            if s <= q.start < e:
                typ = "mixed"
                if q.end > e and q.end - e <= 3:
                    e = q.end
            elif q.start < s < q.end <= e:
                typ = "mixed"
                if s - q.start <= 3:
                    s = q.start
        return s, e, typ

    def _quoted_from(self, s: int) -> Iterable[Quoted]:
        """The quotations from the first that may touch content starting at
        ``s`` (all before it end by ``s``: the same as going through all)."""
        if not self._in_order:
            return self.quoted
        k = bisect_right(self._reach, s)
        while k > 0 and self.quoted[k - 1].start >= s:
            k -= 1
        return islice(self.quoted, k, None)

    def _trim(self, toks: list[Token]) -> tuple[int | None, int]:
        """Strip punctuation and conjunctions from the ends; stay in one paragraph."""
        if not toks:
            return None, 0
        a, b = 0, len(toks)
        while a < b and (toks[a].is_punct or toks[a].is_space or toks[a].dep_ == "cc"):
            a += 1
        while b > a and (
            toks[b - 1].is_punct
            and not _closes_bracket(toks[a:b])
            or toks[b - 1].is_space
            or toks[b - 1].dep_ == "cc"
        ):
            b -= 1
        if a >= b:
            return None, 0
        # A clause the parser ran across a paragraph break keeps its longest part.
        parts: list[tuple[int, int]] = []
        lo = a
        for k in range(a + 1, b):
            if "\n" in self.text[toks[k - 1].idx : toks[k].idx] or toks[k].is_space:
                parts.append((lo, k))
                lo = k
        parts.append((lo, b))
        if len(parts) > 1:
            lo, hi = max(parts, key=lambda p: words(toks[p[0] : p[1]]))
            return self._trim(toks[lo:hi]) if (lo, hi) != (a, b) else (toks[a].i, toks[b - 1].i + 1)
        return toks[a].i, toks[b - 1].i + 1


# Participles a writer adds to explain a report (", meaning …"), as opposed to
# actions that belong to it (", performing an emergency go-around").
GLOSS_VERBS = frozenset(
    "meaning making bringing leaving marking raising prompting sparking suggesting "
    "indicating signalling signaling underscoring highlighting".split()
)


def _closes_bracket(toks: list[Token]) -> bool:
    """The last token closes a bracket opened inside: "(0120 UTC)", "[.]"."""
    last = toks[-1].text
    pairs = {")": "(", "]": "["}
    return last in pairs and any(t.text == pairs[last] for t in toks[:-1])


def drop_gloss(toks: list[Token]) -> list[Token]:
    """Cut a closing ", meaning …" participle: the writer's gloss, not the report."""
    for k in range(1, len(toks)):
        t = toks[k]
        if (
            toks[k - 1].text == ","
            and t.tag_ == "VBG"
            and t.dep_ == "advcl"
            and t.lower_ in GLOSS_VERBS
            and t.right_edge.i >= toks[-1].i - 1
            and k >= 4
        ):
            return toks[: k - 1]
    return toks


_STOPS = hashes((".", "!", "?"))
_STOP_HASHES = frozenset(_STOPS.tolist())


def sentence_ids(doc: Doc, text: str | None = None, tokens: TokenTable | None = None) -> list[int]:
    """Sentence number per token: spaCy's sentences, also split after a
    full stop (and closing marks) before a capitalised word, which the
    parser misses around quotations."""
    text = doc.text if text is None else text
    tokens = TokenTable(doc) if tokens is None else tokens
    spacy_starts = sentence_starts(doc)
    if spacy_starts is not None:
        return _sentence_ids(spacy_starts, text, tokens)
    # Plain lists: indexing numpy arrays one by one is slow.
    orth, idx = tokens.orth.tolist(), tokens.idx.tolist()
    other = (tokens.is_punct | tokens.is_space).tolist()
    ids = [0] * len(doc)
    n, ended = 0, False
    starts = {sent.start for sent in doc.sents}
    for i in range(len(doc)):
        # text[idx[i]] is the token's first character.
        if i in starts and i > 0 or ended and text[idx[i] : idx[i] + 1].isupper():
            n += 1
        if orth[i] in _STOP_HASHES:
            ended = True
        elif not other[i]:
            ended = False
        ids[i] = n
    return ids


def _sentence_ids(spacy_starts: np.ndarray, text: str, tokens: TokenTable) -> list[int]:
    """``sentence_ids`` from arrays: a token opens a sentence where spaCy's
    does (past the first), or when the last token before it that was a
    stop or a word was a stop and it begins with a capital."""
    n = len(spacy_starts)
    if not n:
        return []
    stop = any_of(tokens.orth, _STOPS)
    decides = stop | ((tokens.is_punct | tokens.is_space) == 0)
    last = np.maximum.accumulate(np.where(decides, np.arange(n), -1))
    ended = np.zeros(n, dtype=bool)
    ended[1:] = (last[:-1] >= 0) & stop[np.maximum(last[:-1], 0)]
    opens = spacy_starts.copy()
    opens[0] = False
    idx = tokens.idx
    for i in np.flatnonzero(ended & ~opens).tolist():
        start = int(idx[i])
        opens[i] = text[start : start + 1].isupper()  # the token's first character
    return np.cumsum(opens).tolist()


def relative(tok: Token) -> bool:
    """A clause opened by "which"/"who" (a misparsed relative clause)."""
    return any(c.lower_ in ("which", "who", "whom") and c.i < tok.i for c in tok.children)


def as_clause(tok: Token) -> bool:
    """ "as reported by X": a parenthetical, not the cue of what follows."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ == "as" and c.i < tok.i for c in tok.children
    )


def according_pobj(tok: Token) -> Token | None:
    for ch in tok.children:
        if ch.lower_ == "to":
            for p in ch.children:
                if p.dep_ == "pobj":
                    return p
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "to":
        for p in nxt.children:
            if p.dep_ == "pobj":
                return p
    return None
