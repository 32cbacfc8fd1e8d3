"""Fine-tuning the entity recogniser of a pipeline on the user's
corrections with spaCy's training API; every other component is frozen.

Runs in whatever process calls it (:mod:`desktop.services.training` runs it
in a process of its own); ``progress`` is told each step, ``cancelled`` is
asked between batches.  Nothing is written until the model is trained and
tested, and then into a temporary folder renamed at the end, so a cancelled
or failed run leaves nothing behind.
"""
from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.saved_pipelines import FACTS_KEY
from desktop.core.training import Evaluation, Progress, TrainingRequest, TrainingResult
from desktop.nlp.training_data import Sample, entity_f1, make_example, predicted, split_articles

# Fine-tuning gently: a small learning rate, no dropout and few passes.
# Every update also moves what the model does on text nobody corrected;
# on the Wikinews corpus these settings learn most of a systematic
# correction while keeping >= 0.95 agreement (tests/training, bench/).
if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZE = 16
DROPOUT = 0.0
LEARN_RATE = 0.0001


class Cancelled(Exception):
    """The user cancelled the training; nothing was saved."""


def train(request: TrainingRequest, progress: Callable[[Progress], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> TrainingResult:
    import spacy
    from spacy.util import fix_random_seed

    tell = progress or (lambda p: None)
    stop = cancelled or (lambda: False)
    began = time.monotonic()
    fix_random_seed(request.seed)
    tell(Progress("loading"))
    nlp = spacy.load(request.base)
    _check(stop)
    tell(Progress("preparing"))
    split = split_articles(nlp, request.articles, request.seed)
    # The current model's own predictions: what rehearsal teaches again, and
    # what the new model is compared with on text it never saw.
    rehearsal = list(zip(split.rehearsal, predicted(nlp, split.rehearsal), strict=True))
    agreement = list(zip(split.agreement, predicted(nlp, split.agreement), strict=True))
    f1_before = entity_f1(nlp, split.held)
    _check(stop)
    _fine_tune(nlp, split.train, rehearsal, request, tell, stop)
    tell(Progress("evaluating"))
    evaluation = Evaluation(f1_before, entity_f1(nlp, split.held), entity_f1(nlp, agreement),
                            len(split.held), len(agreement))
    _check(stop)
    facts = {
        "base_model": request.base_name,
        "base_version": str(nlp.meta.get("version", "")),
        "corrections": request.corrections,
        "corrected_sentences": len(split.train),
        "rehearsal_sentences": len(rehearsal),
        "epochs": request.epochs,
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "seconds": round(time.monotonic() - began, 1),
        "byline_version": __version__,
        **evaluation.as_dict(),
    }
    tell(Progress("saving"))
    _save(nlp, request, facts)
    return TrainingResult(request.name, request.output, evaluation, facts)


def _check(stop: Callable[[], bool]) -> None:
    if stop():
        raise Cancelled


def _fine_tune(nlp: Language, corrected: list[Sample], rehearsal: list[Sample], request: TrainingRequest,
               tell: Callable[[Progress], None], stop: Callable[[], bool]) -> None:
    from spacy.util import minibatch

    ner = nlp.get_pipe("ner")
    for _, entities in corrected:
        for _, _, label in entities:
            if label not in ner.labels:
                ner.add_label(label)  # a label of the user's own
    examples = [make_example(nlp, text, ents) for text, ents in corrected + rehearsal]
    rng = random.Random(request.seed)
    per_epoch = -(-len(examples) // BATCH_SIZE)
    total = per_epoch * request.epochs
    tell(Progress("training", 0, total))
    done = 0
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        optimizer.learn_rate = LEARN_RATE
        for _ in range(request.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=BATCH_SIZE):
                _check(stop)
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses={})
                done += 1
                tell(Progress("training", done, total))


def _save(nlp: Language, request: TrainingRequest, facts: dict) -> None:
    target = Path(request.output)
    if target.exists():
        raise FileExistsError(f"{target} exists already")
    partial = target.with_name(f".{target.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    nlp.meta["name"] = request.name
    nlp.meta["description"] = (f"{request.base_name} with its entity recogniser fine-tuned by Byline "
                               f"on {request.corrections} correction(s)")
    nlp.meta[FACTS_KEY] = facts
    try:
        nlp.to_disk(partial)
        partial.rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
