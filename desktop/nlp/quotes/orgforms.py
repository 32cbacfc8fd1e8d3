"""Short forms of company names: "ABS-CBN Corporation … ABS-CBN's franchise".

The model often tags a company once, with its legal suffix, and leaves the
bare name untagged elsewhere; each bare mention counts as a mention of the
organisation, so "the network" later finds the organisation the story is
about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

CORPORATE_SUFFIXES = frozenset(
    "Corporation Corp Corp. Inc Inc. Ltd Ltd. Limited Company Co. plc PLC LLC".split()
)


def add_short_forms(doc: Doc, text: str, orgs: dict[str, list[int]]) -> None:
    """Add to ``orgs`` (name -> token positions) the bare-name mentions of
    every organisation named with a corporate suffix (a bare name tagged
    as an organisation of its own joins it)."""
    for name, positions in list(orgs.items()):
        words = name.split()
        if len(words) < 2 or words[-1] not in CORPORATE_SUFFIXES or words[0] in ("The", "the"):
            continue
        orgs.pop(" ".join(words[:-1]), None)  # tagged bare too: one organisation
        short = r"[\s-]*".join(re.escape(w) for w in words[:-1])  # "ABS CBN" is "ABS-CBN"
        seen = set(positions)
        for m in _find_all(re.compile(rf"(?<![\w-]){short}(?![\w-])"), words[0], text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and span.start not in seen:
                seen.add(span.start)
                positions.append(span.start)
        positions.sort()


def _find_all(pattern: re.Pattern[str], first: str, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches begin with the
    word ``first``: tried only where ``first`` occurs (found at C speed; a
    pattern opening with a look-behind is tried at every character)."""
    pos = text.find(first)
    while pos >= 0:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find(first, m.end() if m is not None else pos + 1)
