"""CoNLL-2003 style: one token per line, four space-separated columns
``TOKEN POS CHUNK NER`` with ``_`` for the part-of-speech and chunk columns
Byline does not produce, IOB2 entity tags (``B-PER``-style prefixes with
spaCy's labels: ``B-PERSON``, ``I-PERSON``, ``O``), a blank line between
sentences and a ``-DOCSTART- -X- -X- O`` line before each article.

Tokens and sentences come from a blank English pipeline with spaCy's
rule-based ``sentencizer``; a line break always ends a sentence.  The tags
follow the entities as the user corrected them; overlapping entities are
filtered as for ``doc.ents`` (the longest wins).  CoNLL has no place for
highlights, notes, quotes or actors: the export says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.model import ArticleBundle
from desktop.formats.spacy_export import blank, entity_doc

DESCRIPTION = "CoNLL-2003 tokens with IOB2 entity tags"
EXTENSION = ".conll"
DOCSTART = "-DOCSTART- -X- -X- O"
_WHITESPACE = re.compile(r"\s+")


def field(value: str) -> str:
    """A column value without whitespace (CoNLL's separator): runs of
    whitespace become ``_``, so a label such as "MY LABEL" stays one column."""
    return _WHITESPACE.sub("_", value.strip()) or "_"


def render(bundles: Iterable[ArticleBundle]) -> tuple[bytes, list[str]]:
    nlp = blank()
    nlp.add_pipe("sentencizer")
    sentencizer = nlp.get_pipe("sentencizer")
    lines: list[str] = []
    dropped = highlights = notes = quotes = actors = 0
    renamed: set[tuple[str, str]] = set()
    for bundle in bundles:
        doc, overlapping, _unaligned = entity_doc(nlp, bundle)
        doc = sentencizer(doc)
        dropped += overlapping
        highlights += len(bundle.annotations)
        notes += sum(1 for a in bundle.annotations if a.note.strip())
        quotes += len(bundle.analysis.quotes)
        actors += len(bundle.actors)
        lines += [DOCSTART, ""]
        for sentence in doc.sents:
            block = []
            for token in sentence:
                if token.is_space:
                    if "\n" in token.text and block:
                        lines += block + [""]
                        block = []
                    continue
                tag = "O"
                if token.ent_iob_ in ("B", "I"):
                    label = field(token.ent_type_)
                    if label != token.ent_type_:
                        renamed.add((token.ent_type_, label))
                    tag = f"{token.ent_iob_}-{label}"
                # spaCy splits tokens on spaces, but not on every whitespace (U+00A0...).
                block.append(f"{field(token.text)} _ _ {tag}")
            if block:
                lines += block + [""]
    warnings = []
    if dropped:
        warnings.append(
            f"{dropped} overlapping entities are left out "
            "(CoNLL tags cannot overlap; the longest was kept)."
        )
    for before, after in sorted(renamed):
        warnings.append(f"the label '{before}' is written as '{after}' (CoNLL columns hold no spaces).")
    lost = [
        f"{what} ({n})"
        for n, what in (
            (highlights, "highlights"),
            (notes, "notes"),
            (quotes, "quotes"),
            (actors, "actors"),
        )
        if n
    ]
    if lost:
        warnings.append(
            f"CoNLL holds tokens and entity tags only: {', '.join(lost)} are not exported."
        )
    return "\n".join(lines).encode("utf-8") + (b"\n" if lines else b""), warnings
