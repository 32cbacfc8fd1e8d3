"""Small helpers over spaCy's dependency tree, shared by the quote modules."""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Doc, Token

from desktop.nlp.quotes.lexicon import RELATIVE_PRONOUNS, SOURCE_NOUNS, SPEECH_VERBS
from desktop.nlp.quotes.tokens import TokenTable

SUBJECT_DEPS = ("nsubj", "nsubjpass")


def agent_of(verb: Token) -> Token | None:
    """ "described by Johnson": the one who speaks in a passive clause."""
    for ch in verb.children:
        if ch.dep_ == "agent":
            return next((p for p in ch.children if p.dep_ == "pobj"), None)
    return None


def paragraph_ids(doc: Doc, text: str, tokens: TokenTable | None = None) -> list[int]:
    """Paragraph number of every token (the parser sometimes links across
    them): the number of line breaks before the token."""
    tokens = TokenTable(doc) if tokens is None else tokens
    breaks = np.array([m.start() for m in re.finditer("\n", text)], dtype="uint64")
    return np.searchsorted(breaks, tokens.idx, side="left").tolist()


def subject_of(
    verb: Token, inside: list[bool] | None = None, para: list[int] | None = None
) -> Token | None:
    """The subject of a verb, climbing through "adding", "and said", relatives.

    Subjects inside quotation marks ("I noticed…", recalling) are the quoted
    words' own and are skipped, as are links into another paragraph.  Of
    several subjects the closest before the verb wins ("WHO director-general
    Tedros … said").
    """
    home = para[verb.i] if para else 0
    if verb.tag_ == "VBG" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # "…, further saying": the subject of the speech verb it hangs from.
        up = verb.head
        for _ in range(4):
            if up.i == up.head.i or (para and para[up.i] != home):
                break
            if up.lemma_.lower() in SPEECH_VERBS and up.pos_ == "VERB":
                found = agent_of(up) or subject_of(up, inside, para)
                if found is not None:
                    return found
                break
            up = up.head
    v: Token | None = verb
    for _ in range(4):
        if v is None:
            return None
        subs = [
            ch
            for ch in v.children
            if ch.dep_ in SUBJECT_DEPS
            and not (inside and inside[ch.i])
            and not (para and para[ch.i] != home)
        ]
        if len(subs) > 1:
            subs = [c for c in subs if c.lower_ not in RELATIVE_PRONOUNS] or subs
        if subs:
            left = [c for c in subs if c.i < v.i]
            return max(left, key=lambda c: c.i) if left else min(subs, key=lambda c: c.i)
        for ch in v.children:  # passive "was quoted by X"
            if ch.dep_ == "agent":
                for p in ch.children:
                    if p.dep_ == "pobj":
                        return p
        if v.dep_ == "relcl":
            return v.head
        if (v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN")
                and v.head.lemma_.lower() not in SOURCE_NOUNS and v.head.i < v.i):
            # "with officials saying …": the noun is who speaks.
            return v.head
        if v.dep_ == "dobj" and v.lemma_.lower() in SOURCE_NOUNS and v.head.i != v.i:
            # "The ministry issued a statement saying …": who issued it.
            v = v.head
            continue
        if (
            v.dep_ in ("advcl", "conj", "xcomp", "pcomp", "acl")
            and v.head.i != v.i
            and not (para and para[v.head.i] != home)
        ):
            v = v.head
            continue
        return None
    return None
