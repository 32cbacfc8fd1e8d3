"""Plain data of the library-wide views: which articles (Scope), which
quotes and highlights (filters), and what the views show (quotes, segments,
the code matrix, the report's tables).  No SQL, no Qt."""
from __future__ import annotations

from dataclasses import dataclass, field

NO_SOURCE, NO_DATE = "(no source)", "(no date)"


@dataclass(frozen=True, slots=True)
class Scope:
    """Articles to look at: matching ``search`` (full text), from ``source``,
    dated from ``date_from`` to ``date_to`` (ISO, inclusive prefixes: "2019"
    or "2019-08"), and among ``article_ids`` when given."""

    search: str = ""
    source: str = ""
    date_from: str = ""
    date_to: str = ""
    article_ids: tuple[int, ...] | None = None

    @property
    def is_all(self) -> bool:
        return not (self.search.strip() or self.source or self.date_from or self.date_to) \
            and self.article_ids is None


QUOTE_HEADER = ("article_id", "start", "end", "quote_type", "quote", "cue", "speaker_words", "speaker",
          "actor_type", "gender", "title", "date", "source", "gender_evidence")


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Which quotes: words in the quote, speaker or cue (``search``), a
    speaker (actor name), an actor type, a gender, a quote type, a cue word;
    "" means any.  ``unresolved`` keeps only quotes whose speaker is no actor."""

    scope: Scope = Scope()
    search: str = ""
    speaker: str = ""
    actor_type: str = ""
    gender: str = ""
    quote_type: str = ""
    cue: str = ""
    unresolved: bool = False


@dataclass(frozen=True, slots=True)
class CorpusQuote:
    article_id: int
    start: int
    end: int
    type: str
    content: str
    cue: str
    speaker_words: str  # how the text names the speaker, or the bare description
    speaker: str | None  # the actor's name; None when no actor was found
    actor_type: str
    gender: str  # persons only; "" for other actors and for no actor
    title: str
    date: str | None
    source: str | None
    gender_evidence: str = ""

    @property
    def shown_speaker(self) -> str:
        return self.speaker or self.speaker_words

    def row(self) -> tuple:
        return (self.article_id, self.start, self.end, self.type, self.content, self.cue,
                self.speaker_words, self.speaker or "", self.actor_type, self.gender, self.title,
                self.date or "", self.source or "", self.gender_evidence)


SEGMENT_HEADER = ("annotation_id", "article_id", "start", "end", "tags", "text", "note", "coder",
          "title", "date", "source", "before", "after")


@dataclass(frozen=True, slots=True)
class SegmentFilter:
    """Which highlights: with any (or, ``match_all``, every one) of ``tags``
    (none chosen: every highlight), by one of ``coders``, words in the
    segment or note (``search``); in one column of a code matrix by ``by``
    ("article", "source", "month") when ``column`` is given."""

    scope: Scope = Scope()
    tags: tuple[str, ...] = ()
    match_all: bool = False
    coders: tuple[str, ...] = ()
    search: str = ""
    by: str = ""
    column: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    annotation_id: int
    article_id: int
    start: int
    end: int
    tags: tuple[str, ...]
    text: str
    note: str
    coder: str
    title: str
    date: str | None
    source: str | None
    before: str = ""
    after: str = ""

    def row(self) -> tuple:
        return (self.annotation_id, self.article_id, self.start, self.end, "; ".join(self.tags),
                self.text, self.note, self.coder, self.title, self.date or "", self.source or "",
                self.before, self.after)


@dataclass(slots=True)
class CodeMatrix:
    """``counts[(tag, column)]``: highlights with the tag in the column.
    ``columns``: keys in order (article ids as text, sources, months);
    ``labels``: what each column is called (an article's title)."""

    by: str
    tags: list[str]
    columns: list[str]
    labels: dict[str, str] = field(default_factory=dict)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, tag: str, column: str) -> int:
        return self.counts.get((tag, column), 0)

    @property
    def largest(self) -> int:
        return max(self.counts.values(), default=0)

    def rows(self) -> list[tuple]:
        return [(tag, *(self.count(tag, c) for c in self.columns)) for tag in self.tags]


@dataclass(slots=True)
class Table:
    """One table of the report: ``name`` (its CSV file's stem), a title, a
    header and rows; ``chart``: the column the chart draws (by index), or None."""

    name: str
    title: str
    header: tuple[str, ...]
    rows: list[tuple] = field(default_factory=list)
    chart: int | None = 1
    note: str = ""


@dataclass(slots=True)
class Report:
    scope: Scope
    articles: int
    quotes: int
    tables: list[Table]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)


ALL_ARTICLES = Scope()
ALL_QUOTES = QuoteFilter()
ALL_SEGMENTS = SegmentFilter()
