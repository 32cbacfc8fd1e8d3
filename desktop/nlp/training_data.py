"""From articles with their model and shown entities to spaCy Examples:
sentences around the corrections, held-back sentences for testing, and
uncorrected sentences for rehearsal and the forgetting check."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.training import (
    HELD_OUT_SHARE,
    MIN_CORRECTED_SENTENCES,
    ArticleEntities,
    TrainingError,
    Triple,
    changed_regions,
    touches,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.training import Example

Sample = tuple[str, list[Triple]]  # a sentence and its entities (offsets into it)
_PARAGRAPH = re.compile(r"\n\s*\n")
MAX_REHEARSAL = 2000
REHEARSAL_RATIO = 4  # uncorrected sentences trained on per corrected one
MAX_AGREEMENT = 300
MIN_REHEARSAL_BASIS = 100  # at least RATIO x this many rehearsal sentences, when the library has them


@dataclass(slots=True)
class Split:
    train: list[Sample] = field(default_factory=list)  # corrected sentences learnt from
    held: list[Sample] = field(default_factory=list)  # corrected sentences held back
    rehearsal: list[str] = field(default_factory=list)  # uncorrected: the model's own predictions
    agreement: list[str] = field(default_factory=list)  # uncorrected, held back: the forgetting check


def sentence_spans(nlp: Language, text: str, entities: list[Triple]) -> list[tuple[int, int]]:
    """Sentences (paragraph by paragraph, spaCy's rule-based sentencizer:
    fast, no parser) joined where an entity would cross their border."""
    from spacy.pipeline import Sentencizer

    sentencizer = Sentencizer()
    spans: list[tuple[int, int]] = []
    start = 0
    for para_end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        paragraph = text[start:para_end]
        if paragraph.strip():
            doc = sentencizer(nlp.make_doc(paragraph))
            spans += [(start + s.start_char, start + s.end_char) for s in doc.sents if s.text.strip()]
        start = para_end
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and any(es < merged[-1][1] < ee for es, ee, _ in entities):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _inside(entities: list[Triple], start: int, end: int) -> list[Triple]:
    return [(s - start, e - start, label) for s, e, label in entities if start <= s and e <= end]


def split_articles(nlp: Language, articles: list[ArticleEntities], seed: int = 0) -> Split:
    """Corrected sentences (train and held back, by article when there are
    several corrected articles) and uncorrected ones (rehearsal and the
    forgetting check, the latter never trained on)."""
    corrected: dict[int, list[Sample]] = {}
    uncorrected: list[str] = []
    for article in articles:
        regions = changed_regions(article.model, article.shown)
        for start, end in sentence_spans(nlp, article.text, article.model + article.shown):
            sentence = article.text[start:end]
            if touches(start, end, regions):
                corrected.setdefault(article.article_id, []).append(
                    (sentence, _inside(article.shown, start, end)))
            elif len(sentence.split()) >= 3:
                uncorrected.append(sentence)
    total = sum(len(v) for v in corrected.values())
    if total < MIN_CORRECTED_SENTENCES:
        raise TrainingError(
            f"the library has corrected entities in {total} sentence(s); at least "
            f"{MIN_CORRECTED_SENTENCES} are needed to train and test honestly.")
    rng = random.Random(seed)
    split = Split()
    ids = sorted(corrected)
    rng.shuffle(ids)
    if len(ids) >= 2:
        held = max(1, round(len(ids) * HELD_OUT_SHARE))
        split.held = [s for i in ids[:held] for s in corrected[i]]
        split.train = [s for i in ids[held:] for s in corrected[i]]
    else:
        samples = corrected[ids[0]]
        rng.shuffle(samples)
        held = max(1, round(len(samples) * HELD_OUT_SHARE))
        split.held, split.train = samples[:held], samples[held:]
    uncorrected = sorted(set(uncorrected))
    rng.shuffle(uncorrected)
    n_agree = min(MAX_AGREEMENT, len(uncorrected) // 3)
    split.agreement = uncorrected[:n_agree]
    n_rehearse = min(MAX_REHEARSAL, REHEARSAL_RATIO * max(len(split.train), MIN_REHEARSAL_BASIS))
    split.rehearsal = uncorrected[n_agree:n_agree + n_rehearse]
    return split


def make_example(nlp: Language, text: str, entities: list[Triple]) -> Example:
    """A training Example: the entities snapped to token borders (a span
    the user drew inside a token grows to cover it), overlaps dropped."""
    from spacy.tokens import Span
    from spacy.training import Example
    from spacy.util import filter_spans

    reference = nlp.make_doc(text)
    spans: list[Span] = []
    for start, end, label in entities:
        span = reference.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    reference.ents = filter_spans(spans)
    return Example(nlp.make_doc(text), reference)


def predicted(nlp: Language, texts: list[str]) -> list[list[Triple]]:
    """The entity recogniser's own entities for each text."""
    with nlp.select_pipes(enable=["ner"]):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
                for doc in nlp.pipe(texts, batch_size=64)]


def entity_f1(nlp: Language, samples: list[Sample]) -> float:
    """Entity F1 (exact span and label, micro-averaged) of the recogniser
    on the samples; 1.0 when neither side has an entity."""
    from spacy.scorer import get_ner_prf
    from spacy.training import Example

    if not samples:
        return 1.0
    with nlp.select_pipes(enable=["ner"]):
        docs = list(nlp.pipe([t for t, _ in samples], batch_size=64))
    examples = [Example(doc, make_example(nlp, text, ents).reference)
                for doc, (text, ents) in zip(docs, samples, strict=True)]
    if not any(len(e.reference.ents) or len(e.predicted.ents) for e in examples):
        return 1.0
    return float(get_ner_prf(examples)["ents_f"])
