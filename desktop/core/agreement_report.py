"""Agreement between coders over articles: highlights become token units
and span lists, and ``agreement_report`` computes every figure.

The unit of the token-level figures is a word or punctuation token of the
article's text; for each tag, a coder's value on a token is 1 when one of
the coder's highlights with that tag overlaps it, else 0.  The overall
alpha treats each token's set of tags (possibly empty) as one nominal
value.  A coder takes part in an article when they made at least one
highlight in it; articles fewer than two chosen coders took part in do not
count.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from desktop.core.agreement import Figure, alpha_of_counted, kappa_of_table, percent_of_counted, span_f1

MISSING = -1  # a coder's value on a token of an article they did not code
TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
ALL_TAGS = "(all tags)"


@dataclass(frozen=True, slots=True)
class Coding:
    """One coder's highlight with one tag."""

    coder: str
    start: int
    end: int
    tag: str


@dataclass(slots=True)
class ArticleCodings:
    article_id: int
    title: str
    text: str
    codings: list[Coding] = field(default_factory=list)


@dataclass(slots=True)
class TagFigures:
    """The figures of one tag (or ``ALL_TAGS``) over some articles."""

    tag: str
    alpha: Figure
    percent: Figure
    kappa: dict[tuple[str, str], Figure] = field(default_factory=dict)
    f1_exact: dict[tuple[str, str], Figure] = field(default_factory=dict)
    f1_overlap: dict[tuple[str, str], Figure] = field(default_factory=dict)

    def as_dict(self) -> dict:
        def pairs(d: dict[tuple[str, str], Figure]) -> list[dict]:
            return [{"pair": list(p), **f.as_dict()} for p, f in d.items()]

        return {"tag": self.tag, "alpha": self.alpha.as_dict(), "percent": self.percent.as_dict(),
                "kappa": pairs(self.kappa), "f1_exact": pairs(self.f1_exact),
                "f1_overlap": pairs(self.f1_overlap)}


@dataclass(slots=True)
class ArticleFigures:
    article_id: int
    title: str
    coders: list[str]
    figures: TagFigures


@dataclass(slots=True)
class AgreementReport:
    coders: list[str]
    tags: list[TagFigures]
    overall: TagFigures
    articles: list[ArticleFigures]  # worst first

    def as_dict(self) -> dict:
        return {
            "coders": self.coders,
            "overall": self.overall.as_dict(),
            "tags": [t.as_dict() for t in self.tags],
            "articles": [{"id": a.article_id, "title": a.title, "coders": a.coders, **a.figures.as_dict()}
                         for a in self.articles],
        }


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


def token_marks(toks: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> list[int]:
    """For each token, 1 when one of ``spans`` overlaps it, else 0."""
    return _marks([s for s, _ in toks], [e for _, e in toks], spans)


def _marks(starts: list[int], ends: list[int], spans: Iterable[tuple[int, int]]) -> list[int]:
    marks = [0] * len(starts)
    for start, end in spans:
        first, last = bisect_right(ends, start), bisect_left(starts, end)
        marks[first:last] = [1] * max(0, last - first)
    return marks


Keyed = tuple[tuple, int, int]  # (group, start, end): only spans of one group can match


@dataclass(slots=True)
class _Units:
    """Articles' units per tag, coder by coder (None where the coder did not
    take part), and the coders' spans keyed by article."""

    coders: list[str]
    tags: list[str]
    values: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # tag -> coder -> 0/1/MISSING per token
    spans: dict[str, dict[str, list[Keyed]]] = field(default_factory=dict)  # tag -> coder -> spans
    took_part: dict[str, list[bool]] = field(default_factory=dict)  # coder -> per token
    present: list[set[str]] = field(default_factory=list)  # per article: the coders who took part

    def __post_init__(self) -> None:
        for tag in self.tags:
            self.values[tag] = {c: [] for c in self.coders}
            self.spans[tag] = {c: [] for c in self.coders}
        self.took_part = {c: [] for c in self.coders}

    def add(self, article: ArticleCodings) -> bool:
        """Add an article's units; False (and nothing added) when fewer than
        two of the coders took part in it."""
        present = {c for c in self.coders if any(k.coder == c for k in article.codings)}
        if len(present) < 2:
            return False
        index = len(self.present)
        self.present.append(present)
        toks = tokens(article.text)
        starts, ends = [s for s, _ in toks], [e for _, e in toks]
        mine: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for k in article.codings:
            mine.setdefault((k.tag, k.coder), []).append((k.start, k.end))
        for tag in self.tags:
            for coder in self.coders:
                spans = mine.get((tag, coder), [])
                if coder in present:
                    self.values[tag][coder].extend(_marks(starts, ends, spans))
                    self.spans[tag][coder].extend(((index,), s, e) for s, e in spans)
                else:
                    self.values[tag][coder].extend([MISSING] * len(toks))
        for coder in self.coders:
            self.took_part[coder].extend([coder in present] * len(toks))
        return True

    def absorb(self, other: _Units) -> None:
        """Append another collection's units (its articles after ours)."""
        shift = len(self.present)
        self.present.extend(other.present)
        for tag in self.tags:
            for coder in self.coders:
                self.values[tag][coder].extend(other.values[tag][coder])
                self.spans[tag][coder].extend(((g[0] + shift,), s, e) for g, s, e in other.spans[tag][coder])
        for coder in self.coders:
            self.took_part[coder].extend(other.took_part[coder])


def _columns(units: _Units, tag: str) -> dict[str, np.ndarray]:
    """Each coder's value per token as an integer array (MISSING where the
    coder did not take part); for ALL_TAGS, a code of the token's set of tags."""
    coders, tags = units.coders, units.tags
    if tag != ALL_TAGS:
        return {c: np.asarray(units.values[tag][c], dtype=np.int64) for c in coders}
    out = {}
    if len(tags) > 62:  # too many tags for a bit mask: number the distinct sets
        ids: dict[tuple, int] = {}
        for c in coders:
            rows = zip(*(units.values[t][c] for t in tags), strict=True)
            out[c] = np.asarray([ids.setdefault(r, len(ids)) if part else MISSING
                                 for r, part in zip(rows, units.took_part[c], strict=True)], dtype=np.int64)
        return out
    for c in coders:  # the set of tags as a bit mask
        code = np.zeros(len(units.took_part[c]), dtype=np.int64)
        for bit, t in enumerate(tags):
            code |= np.maximum(np.asarray(units.values[t][c], dtype=np.int64), 0) << bit
        out[c] = np.where(np.asarray(units.took_part[c], dtype=bool), code, MISSING)
    return out


def _counted(*columns: np.ndarray) -> dict[tuple, int]:
    """The distinct units (one value per column, None for MISSING) and how
    many tokens have each: the values are packed into one integer per unit,
    so counting is one sort."""
    if not columns or columns[0].size == 0:
        return {}
    shifted = [col + 1 for col in columns]  # MISSING becomes 0
    base = int(max(int(col.max()) for col in shifted)) + 1
    if base ** len(columns) >= 2**62:  # too wide to pack: count the rows themselves
        rows, counts = np.unique(np.stack(columns, axis=1), axis=0, return_counts=True)
        return {tuple(None if v == MISSING else v for v in row): n
                for row, n in zip(rows.tolist(), counts.tolist(), strict=True)}
    key = np.zeros(columns[0].size, dtype=np.int64)
    for col in shifted:
        key = key * base + col
    keys, counts = np.unique(key, return_counts=True)
    out = {}
    for k, n in zip(keys.tolist(), counts.tolist(), strict=True):
        values = []
        for _ in columns:
            k, v = divmod(k, base)
            values.append(None if v == 0 else v - 1)
        out[tuple(reversed(values))] = n
    return out


def _figures(units: _Units, tag: str) -> TagFigures:
    coders, tags = units.coders, units.tags
    columns = _columns(units, tag)
    if tag == ALL_TAGS:
        spans = {c: [((g[0], t), s, e) for t in tags for g, s, e in units.spans[t][c]] for c in coders}
    else:
        spans = units.spans[tag]
    counted = _counted(*(columns[c] for c in coders))
    taking_part = sum(any(units.took_part[c]) for c in coders)
    figures = TagFigures(tag, alpha_of_counted(counted, taking_part), percent_of_counted(counted, taking_part))
    for a, b in combinations(coders, 2):
        figures.kappa[(a, b)] = kappa_of_table(_counted(columns[a], columns[b]))  # type: ignore[arg-type]
        both = {i for i, p in enumerate(units.present) if a in p and b in p}
        left = [s for s in spans[a] if s[0][0] in both]
        right = [s for s in spans[b] if s[0][0] in both]
        figures.f1_exact[(a, b)] = span_f1(left, right, exact=True)  # type: ignore[arg-type]
        figures.f1_overlap[(a, b)] = _overlap_f1(left, right)
    return figures


def _overlap_f1(a: list[Keyed], b: list[Keyed]) -> Figure:
    """Overlap F1 where only spans of the same group (article, and tag for
    the overall figure) can overlap."""
    groups: dict[tuple, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for side, spans in enumerate((a, b)):
        for group, s, e in spans:
            groups.setdefault(group, ([], []))[side].append((s, e))
    matched = 0
    for left, right in groups.values():
        matched += _count_overlapping(left, right) + _count_overlapping(right, left)
    total = len(a) + len(b)
    return Figure(matched / total if total else None, total, 2)


def _count_overlapping(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> int:
    return sum(any(s < oe and os_ < e for os_, oe in others) for s, e in spans)


def agreement_report(articles: Iterable[ArticleCodings], coders: list[str], tags: list[str]) -> AgreementReport:
    """Every figure for ``coders`` on ``tags``: per tag and overall on all
    articles together, and overall per article (worst alpha first)."""
    coders = list(dict.fromkeys(coders))
    tags = list(dict.fromkeys(tags))
    library = _Units(coders, tags)
    per_article: list[ArticleFigures] = []
    for article in articles:
        alone = _Units(coders, tags)
        if not alone.add(article):
            continue
        library.absorb(alone)
        present = [c for c in coders if c in alone.present[0]]
        per_article.append(ArticleFigures(article.article_id, article.title, present, _figures(alone, ALL_TAGS)))
    per_article.sort(key=_worst_first)
    return AgreementReport(coders, [_figures(library, t) for t in tags], _figures(library, ALL_TAGS), per_article)


def _worst_first(article: ArticleFigures) -> tuple[bool, float, str]:
    alpha = article.figures.alpha.value
    return (alpha is None, alpha if alpha is not None else 0.0, article.title.casefold())
