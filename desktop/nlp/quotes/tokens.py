"""The attributes of all tokens of a Doc at once, to find the few tokens a
per-token rule can apply to.

spaCy makes a Python ``Token`` (and looks up its strings) on every access,
and the quote finders scan each document several times, while most tokens
(articles, nouns, punctuation) can never start a rule.  ``Doc.to_array``
reads the attributes of every token at C speed; comparing string hashes
picks out the candidates, and only those become ``Token`` objects.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LOWER,
    ORTH,
    POS,
    SENT_START,
)
from spacy.strings import get_string_id
from spacy.tokens import Doc

_COLUMNS = [LOWER, POS, DEP, ENT_TYPE, ENT_IOB, IDX, ORTH, IS_PUNCT, IS_SPACE]
IOB_BEGIN = 3  # Token.ent_iob of an entity's first token ("B")


class TokenTable:
    """One array per attribute, indexed by token position: string
    attributes as their hashes, ``pos`` as spaCy's part-of-speech symbol."""

    def __init__(self, doc: Doc) -> None:
        if len(doc):
            table = doc.to_array(_COLUMNS)
        else:
            table = np.zeros((0, len(_COLUMNS)), dtype="uint64")
        (self.lower, self.pos, self.dep, self.ent_type, self.ent_iob, self.idx, self.orth,
         self.is_punct, self.is_space) = table.T


def hashes(strings: Iterable[str]) -> np.ndarray:
    """The hashes spaCy gives these strings, to compare with the arrays."""
    return np.array([get_string_id(s) for s in strings], dtype="uint64")


def any_of(column: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Where ``column`` holds one of the ``wanted`` hashes (a few; for so
    few, comparing with each is faster than ``np.isin``)."""
    mask = np.zeros(len(column), dtype=bool)
    for value in wanted:
        mask |= column == value
    return mask


def positions(mask: np.ndarray) -> list[int]:
    """The token positions where ``mask`` holds, in order."""
    return np.flatnonzero(mask).tolist()


def head_positions(doc: Doc) -> np.ndarray:
    """The position of every token's head (``Token.head.i``)."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    # HEAD is the offset to the head, stored unsigned: negative ones wrap.
    return np.arange(len(doc)) + doc.to_array([HEAD]).astype(np.int64)


def heads_of(doc: Doc, mask: np.ndarray, heads: np.ndarray | None = None) -> np.ndarray:
    """Where a token is the head of one of the tokens ``mask`` holds
    (``heads``: ``head_positions(doc)`` when already made)."""
    found = np.zeros(len(doc), dtype=bool)
    if len(doc):
        heads = head_positions(doc) if heads is None else heads
        found[heads[np.flatnonzero(mask)]] = True
    return found


def sentence_starts(doc: Doc) -> np.ndarray | None:
    """Where spaCy's sentences (``doc.sents``) begin, read from the
    sentence-start array; None when ``doc.sents`` must be asked instead
    (a custom sentence hook, or no sentence annotation: it then raises)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return None
    starts = doc.to_array([SENT_START]) == 1
    if len(doc):
        starts[0] = True
    return starts
