"""Look-up tables over the clusters, so that long texts stay near-linear.

Pure speed: every look-up answers exactly what a scan over all clusters
would (candidates found here are checked with the same rules the scan used).

* :class:`PeopleIndex`: the people a one-part name may belong to, by the
  parts of their full names (and near spellings of their surnames);
* :class:`VariantIndex`: clusters by the parts of their keys that
  spelling variants share;
* :class:`KeyIndex`: clusters by key while they only gain names;
* :class:`desktop.nlp.actors.quote_index.ClusterIndex`: clusters by key,
  title, country and position, and the people, kept for the quote step.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from rapidfuzz import fuzz, process

from desktop.nlp.actors import persons
from desktop.nlp.actors.mentions import Cluster


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


class KeyIndex:
    """:meth:`Grouper.find_by_key` while clusters only gain names (added
    names, merges) or die by a merge: every key a cluster had, kept."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.rank = {id(c): i for i, c in enumerate(clusters)}
        self.by_key: dict[str, dict[int, Cluster]] = {}
        for c in clusters:
            self.grew(c)

    def grew(self, cluster: Cluster) -> None:
        """``cluster`` may have new keys."""
        for k in cluster.keys():
            self.by_key.setdefault(k, {})[id(cluster)] = cluster

    def __call__(self, k: str) -> list[Cluster]:
        found = [c for c in self.by_key.get(k, {}).values() if c.alive]
        return sorted(found, key=lambda c: self.rank[id(c)])
