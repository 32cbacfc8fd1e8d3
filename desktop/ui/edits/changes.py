"""What an edit or an event changed in the open article, as one typed value.

Every change to the session is announced as a :class:`Changes` (the pattern
of Anki's ``OpChanges``): each panel reads the flags it cares about and
refreshes that much.  No change kinds as strings.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from desktop.core.corrections import ActorRule

Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Changes:
    """``article_id``: the article the change is about (None: no article).

    The flags say which parts changed.  ``where``: when only the highlights
    of one stretch of text changed, that stretch (the reader then re-cuts
    only it); None means "reload them all".  ``tag_ids``: the tags edited;
    ``actor_rules``: the actor rules added, removed or displaced."""

    article_id: int | None = None
    opened: bool = False  # another article (or none) is now the open one
    analysis: bool = False  # the shown entities, quotes and actors were made again
    annotations: bool = False  # highlights, with their tags and notes
    tags: bool = False  # the codebook
    entities: bool = False
    quotes: bool = False
    actors: bool = False
    details: bool = False  # the article's title, date, source, author or URL
    where: Range | None = None
    tag_ids: frozenset[int] = frozenset()
    actor_rules: tuple[ActorRule, ...] = ()

    @property
    def spans(self) -> bool:
        """The analysis shown must be read again."""
        return self.entities or self.quotes or self.actors

    @property
    def highlights(self) -> bool:
        """The highlights (or their colours, names) must be drawn again."""
        return self.annotations or self.tags or self.opened

    def __or__(self, other: Changes) -> Changes:
        """Both changes at once (a compound edit)."""
        flags = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in fields(self)
            if isinstance(getattr(self, f.name), bool)
        }
        return Changes(
            article_id=self.article_id if self.article_id is not None else other.article_id,
            where=_union(self, other),
            tag_ids=self.tag_ids | other.tag_ids,
            actor_rules=tuple(dict.fromkeys(self.actor_rules + other.actor_rules)),
            **flags,
        )


def _union(one: Changes, other: Changes) -> Range | None:
    """The stretch both changed, or None when either changed highlights
    everywhere."""
    ranges = [c.where for c in (one, other) if c.annotations or c.tags]
    if not ranges or any(r is None for r in ranges) or one.tags or other.tags:
        return None
    return min(r[0] for r in ranges if r), max(r[1] for r in ranges if r)
