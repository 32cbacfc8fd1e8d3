"""The user's corrections laid over the model's output, as pure functions.

The model's spans are stored as the pipeline made them; what the user sees
is computed from them, the spans the user rejected, the spans the user
added, and library-wide rules ("Kyiv" is a place).  Keeping the model's
output apart means a re-analysis replaces it without losing a correction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.model import ORIGIN_USER, Entity, Quote

NO_ENTITY = ""  # a rule label meaning "this text is not an entity"


@dataclass(frozen=True, slots=True)
class EntityRule:
    text: str
    label: str  # NO_ENTITY to suppress
    id: int | None = None


ALIAS, TYPE, SPLIT, GENDER = "alias", "type", "split", "gender"  # the kinds of actor rule


@dataclass(frozen=True, slots=True)
class ActorRule:
    """A library-wide correction of actors: "'Putin' means Vladimir Putin"
    (ALIAS), "'Kyiv' is a place" (TYPE), "'Scholz' is not Olaf Scholz" (SPLIT),
    "Jo Jorgensen is a woman" (GENDER)."""

    kind: str  # ALIAS | TYPE | SPLIT | GENDER
    name: str  # the alias or name the rule is about
    value: str  # the actor name (alias, split), the type, or the gender


@dataclass
class ActorRules:
    """The actor rules in the shape the actor builder takes: the user's
    corrections, which every later analysis follows.  They win over the
    model and over every heuristic.

    ``aliases``: alias -> actor name ("Putin" -> "Vladimir Putin"); mentions
    of the alias belong to the actor of that name, which gets that name even
    when the article never spells it out.
    ``types``: name or alias -> actor type ("Scholz" -> "person").
    ``splits``: (alias, actor name) pairs never to be merged; the alias's
    mentions form an actor of their own.
    """

    aliases: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    splits: set[tuple[str, str]] = field(default_factory=set)


def occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` as whole words."""
    if not phrase.strip():
        return []
    left = r"(?<!\w)" if phrase[0].isalnum() or phrase[0] == "_" else ""
    right = r"(?!\w)" if phrase[-1].isalnum() or phrase[-1] == "_" else ""
    pattern = re.compile(left + re.escape(phrase) + right)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def effective_entities(
    text: str,
    model: list[Entity],
    user: list[Entity],
    rejected: set[tuple[int, int]],
    rules: list[EntityRule],
) -> list[Entity]:
    """Entities as the user sees them, sorted by position.

    Rules override the model where they match; the user's own entities and
    rejections override both.
    """
    ruled: list[Entity] = []
    suppressed: list[tuple[int, int]] = []
    for rule in rules:
        for span in occurrences(text, rule.text):
            if rule.label == NO_ENTITY:
                suppressed.append(span)
            else:
                ruled.append(Entity(span[0], span[1], rule.label, ORIGIN_USER))
    taken = [(e.start, e.end) for e in user]
    out = list(user)
    for entity in ruled:
        span = (entity.start, entity.end)
        if span not in rejected and not any(_overlaps(span, t) for t in taken):
            out.append(entity)
            taken.append(span)
    blocked = taken + suppressed
    for entity in model:
        span = (entity.start, entity.end)
        if span in rejected or any(_overlaps(span, b) for b in blocked):
            continue
        out.append(entity)
    return sorted(out, key=lambda e: (e.start, e.end))


def effective_quotes(model: list[Quote], user: list[Quote], rejected: set[tuple[int, int]]) -> list[Quote]:
    """Model quotes the user neither rejected nor replaced, plus the user's."""
    user_spans = [(q.start, q.end) for q in user]
    kept = [
        q for q in model
        if (q.start, q.end) not in rejected and not any(_overlaps((q.start, q.end), s) for s in user_spans)
    ]
    return sorted(kept + list(user), key=lambda q: (q.start, q.end))
