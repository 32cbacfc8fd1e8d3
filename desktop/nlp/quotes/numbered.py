"""Numbered laws and orders as speakers: "Republic Act No. 3846 states".

The tokenizer splits "No." into "No" and ".", and the parse then takes
"Act", "." or the number for the subject; these helpers put the number
back into the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

SIGNS = ("No", "No.", "Nos", "Nos.")


def number_tail(doc: Doc, toks: list[Token]) -> list[Token]:
    """The tokens of "No. 3846" after a name chain ending in, or followed
    by, "No" (empty when there is no such number)."""
    last = toks[-1]
    extra: list[Token] = []
    if last.text not in SIGNS and last.i + 1 < len(doc) and doc[last.i + 1].text in SIGNS:
        last = doc[last.i + 1]  # "Act" the subject, "No. 3846" its apposition
        extra = [last]
    elif len(toks) < 2 or last.text not in SIGNS:
        return []
    j = last.i + 1
    if j < len(doc) and doc[j].text == "." and not last.text.endswith("."):
        j += 1
    if j < len(doc) and doc[j].like_num and doc[j].text[:1].isdigit():
        return extra + list(doc[last.i + 1 : j + 1])
    return []


def number_sign(doc: Doc, tok: Token) -> Token | None:
    """The "No" of "Executive Order No. 13769" when ``tok`` is the "." or
    the number (or an untagged "No") and a capitalised name stands before."""
    i = tok.i
    if tok.like_num and i >= 2 and doc[i - 1].text == ".":
        i -= 2
    elif tok.text == "." and i >= 1:
        i -= 1
    elif tok.pos_ == "PROPN":
        return None  # a "No" tagged as a name is handled as one
    if i < 1 or doc[i].text not in ("No", "Nos"):
        return None
    before = doc[i - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper():
        return None
    return doc[i] if number_tail(doc, [before, doc[i]]) else None


def is_numbered(toks: list[Token]) -> bool:
    """Whether a name chain ends in "No. <number>"."""
    return len(toks) > 2 and toks[-1].like_num and toks[-2].text in (".", "No.", "Nos.")
