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

from desktop.core.agreement import Figure, cohen_kappa, krippendorff_alpha_nominal, percent_agreement, span_f1

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


def token_marks(toks: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> list[bool]:
    """For each token, whether one of ``spans`` overlaps it."""
    starts = [s for s, _ in toks]
    ends = [e for _, e in toks]
    marks = [False] * len(toks)
    for start, end in spans:
        for i in range(bisect_right(ends, start), bisect_left(starts, end)):
            marks[i] = True
    return marks


Keyed = tuple[tuple, int, int]  # (group, start, end): only spans of one group can match


@dataclass(slots=True)
class _Units:
    """Articles' units per tag, coder by coder (None where the coder did not
    take part), and the coders' spans keyed by article."""

    coders: list[str]
    tags: list[str]
    values: dict[str, dict[str, list[object]]] = field(default_factory=dict)  # tag -> coder -> per token
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
        for tag in self.tags:
            for coder in self.coders:
                mine = [(k.start, k.end) for k in article.codings if k.coder == coder and k.tag == tag]
                if coder in present:
                    self.values[tag][coder].extend(int(m) for m in token_marks(toks, mine))
                    self.spans[tag][coder].extend(((index,), s, e) for s, e in mine)
                else:
                    self.values[tag][coder].extend([None] * len(toks))
        for coder in self.coders:
            self.took_part[coder].extend([coder in present] * len(toks))
        return True


def _figures(units: _Units, tag: str) -> TagFigures:
    coders, tags = units.coders, units.tags
    if tag == ALL_TAGS:
        columns: dict[str, list[object]] = {
            c: [frozenset(t for t in tags if units.values[t][c][i]) if part else None
                for i, part in enumerate(units.took_part[c])]
            for c in coders
        }
        spans = {c: [((g[0], t), s, e) for t in tags for g, s, e in units.spans[t][c]] for c in coders}
    else:
        columns = units.values[tag]
        spans = units.spans[tag]
    rows = list(zip(*(columns[c] for c in coders), strict=True))
    taking_part = sum(any(units.took_part[c]) for c in coders)
    figures = TagFigures(tag, krippendorff_alpha_nominal(rows, taking_part), percent_agreement(rows, taking_part))
    for a, b in combinations(coders, 2):
        figures.kappa[(a, b)] = cohen_kappa(columns[a], columns[b])
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
        library.add(article)
        present = [c for c in coders if c in alone.present[0]]
        per_article.append(ArticleFigures(article.article_id, article.title, present, _figures(alone, ALL_TAGS)))
    per_article.sort(key=_worst_first)
    return AgreementReport(coders, [_figures(library, t) for t in tags], _figures(library, ALL_TAGS), per_article)


def _worst_first(article: ArticleFigures) -> tuple[bool, float, str]:
    alpha = article.figures.alpha.value
    return (alpha is None, alpha if alpha is not None else 0.0, article.title.casefold())
