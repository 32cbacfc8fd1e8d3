"""The clusters indexed for the quote step, kept up to date as it links
speakers (see :mod:`desktop.nlp.actors.index` for the other look-up tables).

Pure speed: every look-up answers exactly what a scan over all clusters
would; ``tests/nlp/test_actor_index.py`` checks them against the scans.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from desktop.core.model import Span
from desktop.nlp.actors import persons
from desktop.nlp.actors.index import ClusterFacts, PeopleIndex
from desktop.nlp.actors.mentions import Cluster

if TYPE_CHECKING:
    from desktop.nlp.actors.cluster import Grouper


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
