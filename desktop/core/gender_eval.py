"""Scoring the gender step against a gold of speaker genders.

The gold (``tests/data/eval/speaker-genders.jsonl``) has one record per
person quoted in a development article: ``id`` (the article), ``speaker``,
``aliases``, and ``gender`` -- "female"/"male" when the article's own
pronouns or titles show it, null when the article is silent about it.  A
gold speaker is matched to the person actor whose name or an alias equals
one of the speaker's names (case aside).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.model import Actor


@dataclass(slots=True)
class GenderScore:
    shown: int = 0  # speakers whose article shows their gender
    correct: int = 0
    wrong: int = 0
    unknown: int = 0  # of the shown, left "unknown"
    missing: int = 0  # of the shown, no person actor matched
    silent: int = 0  # speakers whose article is silent
    silent_named: int = 0  # of those, given a gender from the first name
    silent_unknown: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.shown if self.shown else 0.0


def _match(record: dict[str, Any], actors: list[Actor]) -> Actor | None:
    wanted = {n.casefold() for n in [record["speaker"], *record.get("aliases", [])]}
    for actor in actors:
        if actor.type == "person" and {n.casefold() for n in [actor.name, *actor.aliases]} & wanted:
            return actor
    return None


def score_genders(gold: list[dict[str, Any]], actors: dict[str, list[Actor]]) -> GenderScore:
    """``actors``: the predicted actors of each article, by article id."""
    score = GenderScore()
    for record in gold:
        actor = _match(record, actors.get(record["id"], []))
        gender = actor.gender if actor else "unknown"
        if record["gender"] is None:
            score.silent += 1
            if gender in ("female", "male"):
                score.silent_named += 1
            else:
                score.silent_unknown += 1
            continue
        score.shown += 1
        if actor is None:
            score.missing += 1
        elif gender == record["gender"]:
            score.correct += 1
        elif gender == "unknown":
            score.unknown += 1
        else:
            score.wrong += 1
    return score


def format_gender_report(score: GenderScore) -> str:
    return (
        f"speakers whose article shows their gender: {score.shown}; correct {score.correct} "
        f"({score.accuracy:.0%}), wrong {score.wrong}, unknown {score.unknown}, "
        f"no actor found {score.missing}\n"
        f"speakers whose article is silent: {score.silent}; gendered by first name "
        f"{score.silent_named}, unknown {score.silent_unknown}"
    )
