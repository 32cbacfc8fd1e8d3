"""Grouping candidate mentions into clusters, one cluster per future actor.

:class:`Grouper` runs the steps in a fixed order over the clusters:

1. every actor-like entity becomes a candidate with a cleaned name (titles,
   possessives, leading "the" removed), see :mod:`mentions`;
2. candidates with the same key land in one cluster: the same cleaned name,
   the same country (pycountry: "U.S." = "the United States"), or the same
   target of a user alias rule;
3. acronyms the text defines ("African Union (AU)") join their expansion;
4. full person names that name one person merge ("Hillary Rodham Clinton" /
   "Hillary Clinton");
5. one-part names join the full person name they belong to, mention by
   mention ("Scholz" -> "Olaf Scholz"); for a name shared by several people
   see :meth:`Grouper.person_for_short`;
6. acronyms join the one multiword name whose initials they spell;
7. plural and singular group names merge; near spellings of long names merge.

User splits veto every merge; user alias rules decide before any of it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from desktop.core.model import Entity
from desktop.nlp.actors import acronyms, names, persons
from desktop.nlp.actors.index import ClusterFacts, KeyIndex, PeopleIndex, VariantIndex
from desktop.nlp.actors.mentions import Cand, Cluster, extract_cands, says_person

if TYPE_CHECKING:
    from desktop.nlp.actors.build import ActorRules


class Grouper:
    """Runs the grouping steps for one article."""

    def __init__(self, text: str, rules: ActorRules) -> None:
        self.text = text
        self.rules = rules
        self.splits = {(a, n) for a, n in rules.splits}  # pairs may come as lists
        self.split_keys = {(names.key(a), names.key(n)) for a, n in self.splits}
        self.alias_target = {
            names.key(a): t for a, t in rules.aliases.items()
            if (names.key(a), names.key(t)) not in self.split_keys
        }
        for target in set(rules.aliases.values()):
            self.alias_target.setdefault(names.key(target), target)
        self.rule_types = {names.key(k): v for k, v in rules.types.items()}
        self.clusters: list[Cluster] = []

    def _rule_type(self, name: str) -> str | None:
        return self.rule_types.get(names.key(name))

    # -- step 2: exact keys -------------------------------------------------

    def group_key(self, surface: str) -> tuple[str, str | None, str | None]:
        """(group key, forced name, country code) for one cleaned name."""
        k = names.key(surface)
        target = self.alias_target.get(k)
        if target is not None:
            return "name:" + names.key(target), target, None
        code = names.country_code(surface)
        if code and self._rule_type(surface) in (None, "place"):
            return "country:" + code, None, code
        return "name:" + k, None, None

    def group_exact(self, cands: list[Cand]) -> None:
        by_key: dict[str, Cluster] = {}
        for cand in cands:
            gk, forced, code = self.group_key(cand.surface)
            # A split whose alias would share the key of its actor gets a key
            # of its own ("U.S." split from "United States").
            for alias_k, name_k in self.split_keys:
                if cand.key == alias_k != name_k and self.group_key(name_k)[0] == gk:
                    gk, forced, code = "split:" + cand.key, None, None
            cluster = by_key.setdefault(gk, Cluster(forced_name=forced, country=code))
            cluster.cands.append(cand)
        self.clusters = list(by_key.values())

    # -- merging helpers ----------------------------------------------------

    def vetoed(self, a: Cluster, b: Cluster) -> bool:
        """True if a user split forbids putting a and b together."""
        if not self.split_keys:
            return False
        ka, kb = a.keys(), b.keys()
        return any(
            (x in ka and y in kb) or (x in kb and y in ka) for x, y in self.split_keys
        )

    def merge(self, into: Cluster, other: Cluster) -> None:
        if into is other or not other.alive:
            return
        into.cands.extend(other.cands)
        into.extra_names.extend(other.extra_names)
        into.speaker_mentions.extend(other.speaker_mentions)
        into.person_pronouns += other.person_pronouns
        into.quote_count += other.quote_count
        into.forced_name = into.forced_name or other.forced_name
        into.country = into.country or other.country
        into.unnamed_group = into.unnamed_group and other.unnamed_group
        other.alive = False
        other.cands = []

    def alive(self) -> list[Cluster]:
        self.clusters = [c for c in self.clusters if c.alive and (c.cands or c.extra_names
                                                                  or c.speaker_mentions)]
        return self.clusters

    def find_by_key(self, k: str) -> list[Cluster]:
        return [c for c in self.alive() if k in c.keys()]

    # -- step 3: acronyms in parentheses -------------------------------------

    # "NATO (North Atlantic Treaty Organization)"; words must be separated by
    # spaces so that the pattern cannot backtrack badly.
    _PAREN_EXPANSION = re.compile(
        r"\s*\(\s*((?:[A-Z][\w&'’-]*(?:\s+(?:of|the|and|for|on|de))?\s+){1,9}"
        r"[A-Z][\w&'’-]*)\s*\)")

    def _definitions(self) -> list[tuple[str, str]]:
        """(acronym, expansion) pairs: "Expansion (ACR)" anywhere in the text,
        and "ACR (Expansion)" right after an acronym entity."""
        pairs = acronyms.acronym_definitions(self.text)
        for cluster in self.alive():
            for cand in cluster.cands:
                if acronyms.looks_like_acronym(cand.surface):
                    m = self._PAREN_EXPANSION.match(self.text, cand.end)
                    if m and acronyms.acronym_of(cand.surface, m.group(1).strip()):
                        pairs.append((cand.surface, m.group(1).strip()))
        return pairs

    def acronym_definitions(self) -> None:
        find = KeyIndex(self.alive())
        for acronym, expansion in self._definitions():
            pair = (names.key(acronym), names.key(expansion))
            if pair in self.split_keys or pair[::-1] in self.split_keys:
                continue
            hosts = find(names.key(expansion)) + find(names.key(acronym))
            hosts = [h for h in hosts if not h.country]
            if not hosts:
                continue  # neither form is an actor: nothing to name
            cluster = hosts[0]
            for name in (acronym, expansion):
                if names.key(name) not in cluster.keys():
                    cluster.extra_names.append(name)
            for other in hosts[1:]:
                if other is not cluster and not self.vetoed(cluster, other):
                    self.merge(cluster, other)
            find.grew(cluster)

    # -- step 4: full person names ------------------------------------------

    def person_clusters(self, facts: ClusterFacts | None = None) -> list[Cluster]:
        """Clusters holding a full human name whose mentions say "person".

        The votes of the name's parts used alone may help: "Qandeel Baloch"
        tagged ORG twice and PERSON once is still a person when "Baloch" is
        tagged PERSON four times (but "Olaf Scholz" tagged PERSON stays a
        person though "Scholz" is tagged GPE).

        ``facts``: the clusters' keys, full names and votes kept from an
        earlier call by a caller that knows which clusters changed since.
        """
        clusters = self.alive()
        # Each cluster's keys, full names and type votes, made once for this call.
        keys, full_of, votes_of = (facts if facts is not None else ClusterFacts()).of(clusters)
        by_key: dict[str, list[Cluster]] = {}
        for c in clusters:
            if not c.country:
                for k in keys[id(c)]:
                    by_key.setdefault(k, []).append(c)
        return [c for c in clusters
                if self.is_person(c, keys, full_of, votes_of, lambda k: by_key.get(k, []))]

    def is_person(self, c: Cluster, keys: dict[int, set[str]],
                  full_of: dict[int, list[persons.PersonName]], votes_of: dict[int, Counter[str]],
                  others: Callable[[str], Iterable[Cluster]]) -> bool:
        """Whether :meth:`person_clusters` counts ``c`` in: ``keys``,
        ``full_of`` and ``votes_of`` (filled here) hold the clusters' facts,
        ``others(k)`` the live clusters other than countries with the key ``k``."""
        if c.country:
            return False
        rule = next((self.rule_types[k] for k in keys[id(c)] if k in self.rule_types), None)
        full = full_of[id(c)]
        if (rule and rule != "person") or not full:
            return False

        def votes(c: Cluster) -> Counter[str]:
            if id(c) not in votes_of:
                votes_of[id(c)] = c.type_votes()
            return votes_of[id(c)]

        parts = {p for f in full for p in (f.first, f.last, f.final)} - {""}
        extra: dict[str, int] = {}  # the votes of the name's parts used alone
        for other in {id(o): o for k in parts for o in others(k)}.values():
            if other is not c and not full_of[id(other)]:
                for t, n in votes(other).items():
                    extra[t] = extra.get(t, 0) + n
        return (rule == "person" or says_person(votes(c), c.forced_name)
                or says_person(votes(c), c.forced_name, extra))

    def merge_full_names(self) -> None:
        people = self.person_clusters()
        full_of = {id(p): p.full_names() for p in people}
        # Each pair in order, as a scan would, but only the pairs sharing a
        # surname (or a near spelling of one) are looked at.
        surnames = PeopleIndex(people, [], full_of)
        for i, a in enumerate(people):
            for b in surnames.later(i, lambda a=a: full_of[id(a)]):
                if not (a.alive and b.alive) or self.vetoed(a, b):
                    continue
                if any(persons.same_person(x, y) for x in full_of[id(a)] for y in full_of[id(b)]):
                    self.merge(a, b)
                    full_of[id(a)] = a.full_names()

    # -- step 5: surnames and given names -----------------------------------

    def person_for_short(self, k: str, position: int, people: list[Cluster],
                         given_ok: bool = True,
                         full_of: dict[int, list[persons.PersonName]] | None = None,
                         index: PeopleIndex | None = None) -> Cluster | None:
        """The person a one-part name ``k`` at ``position`` refers to.

        ``given_ok``: ``k`` may be a given name ("Hillary").  Mentions the
        model did not tag PERSON may only be surnames: "Kamloops" (GPE) is not
        the given name of anyone.  ``full_of``: the full names of ``people``
        by id, when the caller keeps them.  ``index``: ``people`` indexed
        (see :class:`PeopleIndex`; kept up to date by the caller), so that only
        the people sharing a part of the name are looked at.

        A unique match wins.  Among several people sharing the name
        ("Hillary" and "Bill Clinton" for "Clinton") it goes to the one
        named in full (or by given name) most often before ``position``,
        ties to the one introduced first: news text introduces its subject
        first and names relatives or namesakes in passing ("his daughter
        Nettie Baker"), using full names whenever it means them.  When none of
        them was named before ``position``, or the article used the bare
        name before naming any of them in full (then it probably means
        someone the model missed: "Edward "Eddie" Van Halen"), the name stays
        on its own.
        """
        pool = index.candidates(k) if index is not None else people
        matches = [p for p in pool if p.alive and any(
            persons.short_name_matches(k, f, given_ok=given_ok)
            for f in (full_of[id(p)] if full_of is not None else p.full_names()))]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            return None
        introduced = min((c.start for p in matches for c in p.cands if c.key != k),
                         default=position)
        if index is not None:
            bare = index.first_at.get(k, position)
        else:
            bare = min((c.start for cl in self.clusters if cl.alive for c in cl.cands
                        if c.key == k), default=position)
        if bare < introduced:
            return None
        best, best_score = None, (0, 0)
        for person in matches:
            before = [c.start for c in person.cands
                      if c.start < position and c.key != k]  # not bare surnames
            if before:
                score = (len(before), -min(before))
                if score > best_score:
                    best, best_score = person, score
        return best

    def join_short_names(self) -> None:
        people = self.person_clusters()
        if not people:
            return
        full_set = set(map(id, people))
        moves = []
        for cluster in self.alive():
            if id(cluster) in full_set or cluster.country:
                continue
            rule = next((self.rule_types[k] for k in cluster.keys() if k in self.rule_types), None)
            if rule and rule != "person":
                continue
            for cand in cluster.cands:
                if acronyms.looks_like_acronym(cand.surface) or len(cand.key.split()) > 2:
                    continue
                # A gazetteer place ("Washington", "Paris") only joins a person
                # when the model or a title says the mention is a person.
                if (names.is_known_place(cand.surface) and cand.label != "PERSON"
                        and not cand.titled and rule != "person"):
                    continue
                moves.append((cand, cluster))
        full_of = {id(p): p.full_names() for p in people}  # kept up to date below
        # Moves keep every entity in a live cluster: the index's first uses hold.
        index = PeopleIndex(people, self.clusters, full_of)
        rank = {id(p): i for i, p in enumerate(people)}
        for cand, cluster in sorted(moves, key=lambda m: m[0].start):
            target = self.person_for_short(cand.key, cand.start, people,
                                           given_ok=cand.label == "PERSON" or cand.titled,
                                           full_of=full_of, index=index)
            if target is None or target is cluster:
                continue
            probe = Cluster(cands=[cand])
            if self.vetoed(probe, target):
                continue
            cluster.cands.remove(cand)
            target.cands.append(cand)
            full_of[id(target)] = target.full_names()
            index.add(rank[id(target)], full_of[id(target)])
        self.alive()

    # -- steps 6 and 7: acronyms by initials, plurals, near spellings -------

    def join_acronyms(self) -> None:
        people = set(map(id, self.person_clusters()))
        # The clusters by the initials of their names.  A merge below only adds
        # one-word names to a host, which have no initials: it stays true.
        by_initials: dict[str, dict[int, Cluster]] = {}
        for c in self.alive():
            for s in c.surfaces():
                for letters in acronyms.initials(s):
                    by_initials.setdefault(letters, {})[id(c)] = c
        for cluster in list(self.alive()):
            if len(cluster.keys()) != 1 or not cluster.alive or id(cluster) in people:
                continue
            surface = cluster.surfaces()[0]
            if not acronyms.looks_like_acronym(surface) or cluster.country:
                continue
            hosts = [c for c in by_initials.get(acronyms.acronym_letters(surface), {}).values()
                     if c.alive and c is not cluster and id(c) not in people]
            if len(hosts) == 1 and not self.vetoed(hosts[0], cluster):
                self.merge(hosts[0], cluster)

    def join_variants(self) -> None:
        # People are handled by the name rules above.
        clusters = [c for c in self.alive() if not c.country and not c.looks_person()]
        keys = {id(c): c.keys() for c in clusters}
        # Each pair in order, as a scan would, but only the pairs that may be
        # variants (by key plus or minus "s", squeezed key, first word of a
        # long key) are looked at.
        index = VariantIndex(clusters, keys, _squeeze)
        for i, a in enumerate(clusters):
            for b in index.later(i):
                if not (a.alive and b.alive) or not self._variants(
                        a, b, keys[id(a)], keys[id(b)]):
                    continue
                if not self.vetoed(a, b):
                    self.merge(a, b)
                    keys[id(a)] = a.keys()

    @staticmethod
    def _variants(a: Cluster, b: Cluster, a_keys: set[str], b_keys: set[str]) -> bool:
        """Plural/singular group names, or spellings of one long name.

        Spellings must agree on their start and end words and differ only in
        spacing, punctuation or a letter or two ("MarineTraffic" / "Marine
        Traffic", "Labour" / "Labor" in a long name): one letter can also
        make another place ("Omsk" / "Tomsk"), so short names never count.
        """
        for x in a_keys:
            for y in b_keys:
                if x + "s" == y or y + "s" == x:
                    if {c.label for c in a.cands + b.cands} <= {"NORP"}:
                        return True
                elif _squeeze(x) == _squeeze(y) and len(_squeeze(x)) >= 6:
                    return True
                elif (min(len(x), len(y)) >= 15 and x.split()[0] == y.split()[0]
                      and fuzz.ratio(x, y, score_cutoff=95)):
                    return True
        return False

    def run(self, entities: list[Entity]) -> list[Cluster]:
        self.group_exact(extract_cands(self.text, entities, self._rule_type))
        self.acronym_definitions()
        self.merge_full_names()
        self.join_short_names()
        self.join_acronyms()
        self.join_variants()
        return self.alive()


@lru_cache(maxsize=65536)
def _squeeze(k: str) -> str:
    """A key without spaces or punctuation: "marinetraffic"."""
    return "".join(ch for ch in k if ch.isalnum())
