"""A spaCy ``DocBin`` (``.spacy``) for training and analysis in spaCy.

Each article becomes a ``Doc`` tokenised by a blank English pipeline, with

- ``doc.ents``: the entities as the user sees them (corrections applied).
  ``doc.ents`` cannot overlap, so overlapping entities are filtered with
  ``spacy.util.filter_spans`` (the longest wins, then the earliest) and the
  export says how many were left out;
- ``doc.spans["byline"]``: the highlights, one span per tag, labelled with
  the tag's name (a highlight without tags is labelled ``highlight``);
- ``doc.spans["quotes"]``: the quotes, labelled with their type, the
  speaker's name in ``kb_id_``; ``doc.spans["speakers"]`` and
  ``doc.spans["cues"]`` hold the speaker mentions and cues;
- ``doc.user_data["byline"]``: the article's metadata and the highlights'
  notes (the DocBin stores user data).

Spans are aligned to tokens with ``alignment_mode="expand"``, so a span that
starts or ends inside a token grows to whole tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

from desktop.core.model import ArticleBundle
from desktop.formats.html_export import speaker_of

DESCRIPTION = "spaCy DocBin: entities, highlights and quotes as spans"
EXTENSION = ".spacy"


def blank() -> Language:
    import spacy

    return spacy.blank("en")


def char_span(doc: Doc, start: int, end: int, label: str = "", kb_id: str = "") -> Span | None:
    return doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")


def entity_doc(nlp: Language, bundle: ArticleBundle) -> tuple[Doc, int, int]:
    """The article's Doc with ``doc.ents`` set; also how many entities were
    dropped for overlapping and how many fitted no token."""
    doc = nlp.make_doc(bundle.article.text)
    spans, unaligned = [], 0
    for e in bundle.analysis.entities:
        span = char_span(doc, e.start, e.end, e.label)
        if span is None or not span.text.strip():
            unaligned += 1
        else:
            spans.append(span)
    kept = filter_spans(spans)
    doc.ents = kept
    return doc, len(spans) - len(kept), unaligned


def article_doc(nlp: Language, bundle: ArticleBundle) -> tuple[Doc, Counter[str]]:
    """The Doc, and counts of what it could not hold."""
    article = bundle.article
    doc, overlapping, unaligned = entity_doc(nlp, bundle)
    lost = unaligned
    highlights = []
    for a in bundle.annotations:
        for tag in a.tags or ["highlight"]:
            span = char_span(doc, a.start, a.end, tag)
            if span is None:
                lost += 1
            else:
                highlights.append(span)
    doc.spans["byline"] = highlights
    quotes, speakers, cues = [], [], []
    for i, q in enumerate(bundle.analysis.quotes):
        who = speaker_of(bundle, i)
        span = char_span(doc, q.start, q.end, q.type, who)
        if span is None:
            lost += 1
            continue
        quotes.append(span)
        if q.speaker_mention is not None:
            m = char_span(doc, q.speaker_mention.start, q.speaker_mention.end, "SPEAKER", who)
            if m is not None:
                speakers.append(m)
        if q.cue is not None:
            c = char_span(doc, q.cue.start, q.cue.end, "CUE")
            if c is not None:
                cues.append(c)
    doc.spans["quotes"] = quotes
    doc.spans["speakers"] = speakers
    doc.spans["cues"] = cues
    doc.user_data["byline"] = {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "sha256": article.sha256,
        "notes": [
            {"start": a.start, "end": a.end, "tags": list(a.tags), "note": a.note}
            for a in bundle.annotations
            if a.note
        ],
    }
    return doc, Counter(overlapping=overlapping, lost=lost, actors=len(bundle.actors))


def render(bundles: Iterable[ArticleBundle]) -> tuple[bytes, list[str]]:
    nlp = blank()
    docbin = DocBin(store_user_data=True)
    counts: Counter[str] = Counter()
    for bundle in bundles:
        doc, missing = article_doc(nlp, bundle)
        docbin.add(doc)
        counts += missing
    warnings = []
    if counts["overlapping"]:
        warnings.append(
            f"{counts['overlapping']} overlapping entities are left out of doc.ents "
            "(spaCy allows no overlap; the longest was kept)."
        )
    if counts["lost"]:
        warnings.append(f"{counts['lost']} spans cover only whitespace and are left out.")
    if counts["actors"]:
        warnings.append(
            "actors are not in the DocBin, except quote speakers' names "
            "(kb_id_ of the quote and speaker spans)."
        )
    return docbin.to_bytes(), warnings
