"""Look-up tables over the clusters, so that long texts stay near-linear.

Pure speed: every look-up answers exactly what a scan over all clusters
would (candidates found here are checked with the same rules the scan used).

* :class:`PeopleIndex`: the people a one-part name may belong to, by the
  parts of their full names (and near spellings of their surnames);
* :class:`ClusterIndex`: clusters by key, by position and the people, kept
  for the quote step, where clusters change rarely.
"""
from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from desktop.core.model import Span
from desktop.nlp.actors import persons
from desktop.nlp.actors.mentions import Cluster

if TYPE_CHECKING:
    from desktop.nlp.actors.cluster import Grouper


class ClusterFacts:
    """Keys, full names and type votes of clusters, kept while they hold
    (:meth:`forget` a cluster that changes)."""

    def __init__(self) -> None:
        self.held: dict[int, Cluster] = {}  # so that no id is reused meanwhile
        self.keys: dict[int, set[str]] = {}
        self.full: dict[int, list[persons.PersonName]] = {}
        self.votes: dict[int, Counter[str]] = {}  # filled by the caller, lazily

    def of(self, clusters: list[Cluster]) -> tuple[
            dict[int, set[str]], dict[int, list[persons.PersonName]], dict[int, Counter[str]]]:
        for c in clusters:
            if id(c) not in self.held:
                self.held[id(c)] = c
                self.keys[id(c)] = c.keys()
                self.full[id(c)] = c.full_names()
        return self.keys, self.full, self.votes

    def forget(self, clusters: Iterable[Cluster]) -> None:
        for c in clusters:
            for table in (self.held, self.keys, self.full, self.votes):
                table.pop(id(c), None)


class PeopleIndex:
    """``people`` by the parts of their full names."""

    def __init__(self, people: list[Cluster], clusters: list[Cluster],
                 full_of: dict[int, list[persons.PersonName]] | None = None) -> None:
        self.people = people
        self.by_part: dict[str, set[int]] = {}
        self.by_last: dict[str, set[int]] = {}  # surnames long enough to be misspelt
        self.by_surname: dict[str, set[int]] = {}
        self.lasts: list[str] = []
        self._like: dict[str, list[str]] = {}  # lasts near a name, while no last is added
        for i, p in enumerate(people):
            self.add(i, full_of[id(p)] if full_of is not None else p.full_names())
        # Where each key is first used, by any cluster (a "bare" name).
        self.first_at: dict[str, int] = {}
        for cl in clusters:
            if cl.alive:
                for c in cl.cands:
                    if c.start < self.first_at.get(c.key, c.start + 1):
                        self.first_at[c.key] = c.start

    def add(self, i: int, fulls: list[persons.PersonName]) -> None:
        """Person ``i`` (also) has the full names ``fulls``."""
        for f in fulls:
            self.by_surname.setdefault(f.last, set()).add(i)
            for part in (f.first, f.last, f.final):
                self.by_part.setdefault(part, set()).add(i)
            if len(f.last) >= 6:
                if f.last not in self.by_last:
                    self.lasts.append(f.last)
                    self._like.clear()
                self.by_last.setdefault(f.last, set()).add(i)

    def candidates(self, k: str) -> list[Cluster]:
        """Every person ``k`` may name (and maybe a few more), in list order."""
        found = set(self.by_part.get(k, ()))
        if len(k) >= 6 and " " not in k:
            for last in self.like(k):
                found |= self.by_last[last]
        return [self.people[i] for i in sorted(found)]

    def like(self, k: str) -> list[str]:
        """The surnames of six letters or more 90% like ``k`` (``fuzz.ratio``)."""
        if k not in self._like:
            self._like[k] = [last for last, _, _ in process.extract(
                k, self.lasts, scorer=fuzz.ratio, score_cutoff=90, limit=None)]
        return self._like[k]

    def near(self, last: str) -> Iterable[int]:
        """People with a full name whose surname may be ``last`` (equal, or a
        near spelling of a long one: see ``persons._same_surname``)."""
        found = set(self.by_surname.get(last, ()))
        if len(last) >= 6:
            for other in self.like(last):
                found |= self.by_last[other]
        return found

    def later(self, i: int, fulls: Callable[[], list[persons.PersonName]]) -> Iterator[Cluster]:
        """The people after person ``i`` who may share a surname with it, in
        order; ``fulls`` gives person ``i``'s full names as they are now."""
        for j in later_matches(i, lambda: {f.last for f in fulls()}, self.near):
            yield self.people[j]


def later_matches(i: int, keys: Callable[[], Iterable[str]],
                  lookup: Callable[[str], Iterable[int]]) -> Iterator[int]:
    """Positions after ``i`` that ``lookup`` gives for any of ``keys()``, in
    increasing order.  ``keys()`` is asked again after each position given
    (the item may have grown by a merge); positions already passed are not
    given again, as a scan would not come back to them."""
    heap: list[int] = []
    done: set[str] = set()
    queued: set[int] = set()
    last = i
    while True:
        for k in set(keys()) - done:
            done.add(k)
            for j in lookup(k):
                if j > last and j not in queued:
                    queued.add(j)
                    heapq.heappush(heap, j)
        if not heap:
            return
        last = heapq.heappop(heap)
        yield last


class VariantIndex:
    """Clusters by the parts of their keys :meth:`Grouper._variants` compares."""

    def __init__(self, clusters: list[Cluster], keys: dict[int, set[str]],
                 squeeze: Callable[[str], str]) -> None:
        self.clusters = clusters
        self.keys = keys
        self.squeeze = squeeze
        self.by_key: dict[str, list[int]] = {}
        self.by_squeezed: dict[str, list[int]] = {}
        self.by_first_word: dict[str, list[int]] = {}  # of keys of 15 letters or more
        for j, c in enumerate(clusters):
            for y in keys[id(c)]:
                self.by_key.setdefault(y, []).append(j)
                self.by_squeezed.setdefault(squeeze(y), []).append(j)
                if len(y) >= 15:
                    self.by_first_word.setdefault(y.split()[0], []).append(j)

    def _lookup(self, x: str) -> list[int]:
        out = self.by_key.get(x + "s", []) + self.by_squeezed.get(self.squeeze(x), [])
        if x.endswith("s"):
            out += self.by_key.get(x[:-1], [])
        if len(x) >= 15:
            out += self.by_first_word.get(x.split()[0], [])
        return out

    def later(self, i: int) -> Iterator[Cluster]:
        """The clusters after ``clusters[i]`` that may be its variants, in order."""
        a = self.clusters[i]
        for j in later_matches(i, lambda: self.keys[id(a)], self._lookup):
            yield self.clusters[j]


class ClusterIndex:
    """The live clusters of a grouper by key, title, country and position,
    and the people among them.

    Kept up to date by the quote step, which only adds clusters without
    entities (:meth:`add`) and takes nationalities out of descriptions
    (:meth:`rebuild` with the clusters that lost them)."""

    def __init__(self, grouper: Grouper) -> None:
        self.grouper = grouper
        self.facts = ClusterFacts()
        self.rebuild()

    def rebuild(self, changed: Iterable[Cluster] = ()) -> None:
        """Index the clusters again after ``changed`` lost mentions."""
        self.facts.forget(changed)
        self.order: list[Cluster] = []
        self.rank: dict[int, int] = {}
        self.keys: dict[int, set[str]] = {}
        self.by_key: dict[str, list[Cluster]] = {}
        self.long_keys: list[str] = []  # keys of five letters or more,
        self.long_rank: list[int] = []  # and the rank of their cluster
        self._people: tuple[list[Cluster], PeopleIndex] | None = None
        self._pending: list[Cluster] = []  # added since the people were found
        self.by_title: dict[str, list[Cluster]] = {}
        self.by_country: dict[str, list[Cluster]] = {}
        for cluster in self.grouper.alive():
            self.add(cluster)
            for title in dict.fromkeys(c.title for c in cluster.cands):
                self.by_title.setdefault(title, []).append(cluster)
            if cluster.country:
                self.by_country.setdefault(cluster.country, []).append(cluster)
        spans = sorted((c.start, c.end, self.rank[id(cl)]) for cl in self.order for c in cl.cands)
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.longest = max((e - s for s, e, _ in spans), default=0)
        self._people = None
        self._pending = []

    def add(self, cluster: Cluster) -> None:
        """A new cluster at the end (one without entities: a speaker's)."""
        self.rank[id(cluster)] = len(self.order)
        self.order.append(cluster)
        self.keys[id(cluster)] = keys = cluster.keys()
        for k in keys:
            self.by_key.setdefault(k, []).append(cluster)
            if len(k) >= 5:
                self.long_keys.append(k)
                self.long_rank.append(self.rank[id(cluster)])
        if cluster.cands or cluster.country:
            self._people = None  # its votes may count for others
        else:
            self._pending.append(cluster)

    def knows(self, cluster: Cluster) -> bool:
        return id(cluster) in self.rank

    def find_by_key(self, k: str) -> list[Cluster]:
        """:meth:`Grouper.find_by_key`."""
        return list(self.by_key.get(k, ()))

    def near_keys(self, k: str) -> list[tuple[str, int]]:
        """(key, rank of its cluster) of the clusters' keys of five letters
        or more that may be 92% like ``k`` by ``fuzz.ratio`` (and a few more)."""
        found = process.extract(k, self.long_keys, scorer=fuzz.ratio, score_cutoff=90, limit=None)
        return [(ck, self.long_rank[j]) for ck, _, j in found]

    def with_title(self, title: str) -> list[Cluster]:
        """The clusters with an entity given the person title ``title``."""
        return list(self.by_title.get(title, ()))

    def of_country(self, code: str) -> list[Cluster]:
        return list(self.by_country.get(code, ()))

    def cluster_at(self, span: Span, share: float = 0.0) -> Cluster | None:
        """:func:`quotes.cluster_at`: the first cluster (in grouper order)
        with an entity overlapping ``span`` by more than ``share`` of it."""
        best = None
        i = bisect_left(self.starts, span.start - self.longest)
        while i < len(self.spans) and self.spans[i][0] < span.end:
            start, end, rank = self.spans[i]
            common = min(end, span.end) - max(start, span.start)
            if common > 0 and common > share * (span.end - span.start) and (
                    best is None or rank < best):
                best = rank
            i += 1
        return None if best is None else self.order[best]

    def within(self, span: Span) -> list[Cluster]:
        """The clusters with an entity inside ``span``, in grouper order."""
        ranks = set()
        i = bisect_left(self.starts, span.start)
        while i < len(self.spans) and self.spans[i][0] <= span.end:
            if self.spans[i][1] <= span.end:
                ranks.add(self.spans[i][2])
            i += 1
        return [self.order[r] for r in sorted(ranks)]

    def people(self) -> tuple[list[Cluster], PeopleIndex]:
        """:meth:`Grouper.person_clusters` and their index.  A cluster added
        without entities has no votes: the others stay as they were, and it
        is one more person or not (at the end, as in the grouper's list)."""
        if self._people is None:
            people = self.grouper.person_clusters(self.facts)
            full_of = self.facts.full
            self._people = people, PeopleIndex(people, self.grouper.clusters, full_of)
        elif self._pending:
            people, index = self._people
            keys, full_of, votes_of = self.facts.of(self._pending)
            for c in self._pending:
                if c.alive and (c.cands or c.extra_names or c.speaker_mentions) and self.grouper.is_person(
                        c, keys, full_of, votes_of, self._others):
                    index.add(len(people), full_of[id(c)])
                    people.append(c)
        self._pending = []
        return self._people

    def _others(self, k: str) -> list[Cluster]:
        return [c for c in self.by_key.get(k, ()) if not c.country]

    def same_people(self, name: persons.PersonName) -> list[Cluster]:
        """The people with a full name that may be ``name``
        (:func:`persons.same_person`), in order."""
        people, index = self.people()
        found = sorted(index.near(name.last))
        return [people[i] for i in found
                if any(persons.same_person(name, f) for f in self.facts.full[id(people[i])])]
