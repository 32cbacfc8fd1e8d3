"""Teaching the entity recogniser the user's corrections: the plain data
that goes in and comes out, and the pure decisions about it.

The model's entities of an article and the entities the user sees (the
model's with the user's additions, relabellings, re-boundings, removals and
rules laid over them) are compared; where they differ the user corrected
the model.  The sentences around those corrections are the training
examples; sentences nobody corrected keep the model's own predictions, as
rehearsal, so that the new model does not forget what it knew.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.errors import BylineError

Triple = tuple[int, int, str]  # start, end, label

# Switching is recommended only when the new model keeps at least this
# much agreement with the current one on text nobody corrected.
MIN_AGREEMENT = 0.95
HELD_OUT_SHARE = 0.2  # of the corrected articles (or sentences), held back for testing
MIN_CORRECTED_SENTENCES = 5


class TrainingError(BylineError):
    """The model cannot be trained from this library (too few corrections, a name taken)."""


@dataclass(slots=True)
class ArticleEntities:
    """One article's text, the model's entities and the entities as shown."""

    article_id: int
    text: str
    model: list[Triple]
    shown: list[Triple]


def changed_regions(model: list[Triple], shown: list[Triple]) -> list[tuple[int, int]]:
    """Where the shown entities differ from the model's: each added,
    relabelled or re-bounded entity, and each model entity removed."""
    model_set, shown_set = set(model), set(shown)
    added = [(s, e) for s, e, label in shown if (s, e, label) not in model_set]
    removed = [(s, e) for s, e, label in model if (s, e, label) not in shown_set]
    return sorted(set(added + removed))


def count_corrections(model: list[Triple], shown: list[Triple]) -> int:
    """The user's corrections: a replaced entity (relabelled, re-bounded)
    counts once, an added or removed one once."""
    model_set, shown_set = set(model), set(shown)
    added = [(s, e) for s, e, label in shown if (s, e, label) not in model_set]
    removed = [(s, e) for s, e, label in model if (s, e, label) not in shown_set]
    replaced = sum(1 for r in removed if any(_overlaps(r, a) for a in added))
    return len(added) + len(removed) - replaced


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def touches(start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    return any(_overlaps((start, end), r) for r in regions)


@dataclass(slots=True)
class TrainingRequest:
    """Everything the training process needs, as plain (picklable) data."""

    base: str  # the pipeline to start from: an installed package or a saved pipeline's path
    base_name: str  # its name as the user knows it
    name: str  # the new pipeline's name
    output: str  # the folder the new pipeline is saved in
    articles: list[ArticleEntities]
    corrections: int
    epochs: int = 3
    seed: int = 0


@dataclass(slots=True)
class Progress:
    """One step of a training run: ``stage`` is one of STAGES."""

    stage: str
    done: int = 0
    total: int = 0

    def describe(self) -> str:
        text = STAGES.get(self.stage, self.stage)
        return f"{text} ({self.done}/{self.total})" if self.total else text


STAGES = {
    "reading": "Reading your corrections",
    "loading": "Loading the current model",
    "preparing": "Preparing the sentences",
    "training": "Training",
    "evaluating": "Testing on held-back sentences",
    "saving": "Saving the new model",
}


@dataclass(slots=True)
class Evaluation:
    """The figures that decide whether to switch."""

    f1_before: float  # entity F1 of the current model on held-back corrected sentences
    f1_after: float  # the same for the new model
    agreement: float  # the new model's entity F1 against the current one on uncorrected text
    held_out: int  # corrected sentences held back
    agreement_sentences: int  # uncorrected sentences compared

    @property
    def recommended(self) -> bool:
        return recommend(self.f1_before, self.f1_after, self.agreement)

    def as_dict(self) -> dict:
        return {
            "f1_before": round(self.f1_before, 4), "f1_after": round(self.f1_after, 4),
            "agreement": round(self.agreement, 4), "held_out_sentences": self.held_out,
            "agreement_sentences": self.agreement_sentences, "recommended": self.recommended,
        }


def recommend(f1_before: float, f1_after: float, agreement: float) -> bool:
    """Switch only when the new model does better on the held-back
    corrections and still agrees with the current one elsewhere."""
    return f1_after > f1_before and agreement >= MIN_AGREEMENT


def advice(evaluation: Evaluation) -> str:
    """One sentence saying whether to switch, and why."""
    e = evaluation
    if e.recommended:
        return (f"Use the new model: on corrected sentences it did not learn from, its entity F1 is "
                f"{e.f1_after:.3f} (the current model {e.f1_before:.3f}), and it agrees with the current "
                f"model on {e.agreement:.3f} of uncorrected text.")
    if e.f1_after <= e.f1_before:
        return (f"Keep the current model: on corrected sentences it did not learn from, the new one's "
                f"entity F1 is {e.f1_after:.3f} against {e.f1_before:.3f}; more corrections may help.")
    return (f"Keep the current model: the new one agrees with it on only {e.agreement:.3f} of "
            f"uncorrected text (at least {MIN_AGREEMENT:.2f} is needed), so it may have forgotten "
            "what it knew.")


@dataclass(slots=True)
class TrainingResult:
    name: str
    path: str
    evaluation: Evaluation
    facts: dict = field(default_factory=dict)
