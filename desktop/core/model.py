"""Plain data for Byline: articles and the spans laid over their text.

Every span is a pair of offsets into ``Article.text`` (Python string indices,
end exclusive).  Nothing here knows about Qt, SQL or spaCy.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ORIGIN_MODEL = "model"
ORIGIN_USER = "user"


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch of an article's text."""

    start: int
    end: int
    label: str = ""

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(slots=True)
class Entity:
    start: int
    end: int
    label: str
    origin: str = ORIGIN_MODEL
    id: int | None = None


@dataclass(slots=True)
class Quote:
    """Who said what.

    ``start``/``end`` cover the quoted or reported content; ``cue`` is the
    speech verb or phrase; ``speaker_mention`` the words naming the speaker
    in the text ("he", "the German leader", "Putin"); ``speaker_name`` the
    named actor the mention resolves to, or the bare description when no
    evidence resolves it (then ``resolved`` is False).
    """

    start: int
    end: int
    type: str  # "direct" | "mixed" | "indirect"
    cue: Span | None = None
    speaker_mention: Span | None = None
    speaker_name: str | None = None
    resolved: bool = False
    origin: str = ORIGIN_MODEL
    id: int | None = None


@dataclass(slots=True)
class Article:
    text: str
    title: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    author: str | None = None
    sha256: str = ""
    id: int | None = None


@dataclass(slots=True)
class Analysis:
    """What the pipeline found in one article, as plain data."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    model_name: str = ""
    model_version: str = ""


MENTION_NAME = "name"
MENTION_PRONOUN = "pronoun"
MENTION_DESCRIPTION = "description"

ACTOR_TYPES = ("person", "organisation", "place", "group")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str = MENTION_NAME  # "name" | "pronoun" | "description"


@dataclass(slots=True)
class Actor:
    """One real-world party however the text names it."""

    name: str
    type: str  # one of ACTOR_TYPES
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quote_count: int = 0
    id: int | None = None
    gender: str = ""  # persons: "female" | "male" | "nonbinary" | "unknown"
    gender_evidence: str = ""  # why, in words, for the actor's tooltip


@dataclass(slots=True)
class Tag:
    """A code of the user's codebook."""

    name: str
    color: str = "#ffd54f"
    parent: str | None = None  # the parent tag's name: tags form a tree
    shortcut: str | None = None  # "1".."9" by default for the first nine
    description: str = ""
    position: int = 0
    id: int | None = None


@dataclass(slots=True)
class Annotation:
    """A highlighted passage with the user's tags and note."""

    start: int
    end: int
    tags: list[str] = field(default_factory=list)
    note: str = ""
    author: str = ""
    created: str = ""  # ISO 8601
    modified: str = ""
    id: int | None = None


@dataclass(slots=True)
class ArticleBundle:
    """Everything Byline knows of one article, as exporters read it.

    ``analysis.entities`` and ``analysis.quotes`` hold the spans as the user
    sees them (model output with the user's corrections applied; rejected
    model spans are absent).  ``quote_actor[i]`` is the index in ``actors``
    of quote i's speaker, or None.
    """

    article: Article
    analysis: Analysis = field(default_factory=Analysis)
    actors: list[Actor] = field(default_factory=list)
    quote_actor: list[int | None] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    # The labels of ``analysis.entities`` as stored, before each actor's
    # type relabels them for the view (empty: the same).  A re-import stores
    # these, so that the view made again shows the same labels.
    stored_labels: list[str] = field(default_factory=list)
