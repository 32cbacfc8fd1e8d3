"""Actors of an article, built from its entities and quotes.

:mod:`build` holds the entry points re-exported here; the grouping is in
:mod:`cluster` (with :mod:`mentions`, :mod:`names`, :mod:`persons`,
:mod:`acronyms`), quote speakers are linked in :mod:`quotes`.
"""
from __future__ import annotations

from desktop.nlp.actors.build import (
    ActorResult,
    ActorRules,
    actor_name,
    actor_type,
    build_actor_result,
    build_actors,
    name_speakers,
)

__all__ = [
    "ActorResult",
    "ActorRules",
    "actor_name",
    "actor_type",
    "build_actor_result",
    "build_actors",
    "name_speakers",
]
