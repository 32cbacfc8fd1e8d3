"""The actor indexes answer what a scan over every cluster answers.

On a document joined from 60 articles of the stored corpus analysis (no
model runs): each one-part name's person, and each quote speaker mention's
cluster, found through the indexes and by the plain scan, are the same.
"""
from __future__ import annotations

import gzip
import json

from desktop.core.model import Entity, Span
from desktop.nlp.actors import ActorRules, names
from desktop.nlp.actors.cluster import Grouper
from desktop.nlp.actors.index import PeopleIndex
from desktop.nlp.actors.quote_index import ClusterIndex
from desktop.nlp.actors.quotes import cluster_at
from tests.nlp.test_actor_library import STORED


def joined(count: int) -> tuple[str, list[Entity], list[Span]]:
    with gzip.open(STORED, "rt", encoding="utf-8") as fh:
        articles = json.load(fh)["articles"][:count]
    texts, ents, mentions, off = [], [], [], 0
    for a in articles:
        ents += [Entity(s + off, e + off, label) for s, e, label in a["entities"]]
        mentions += [Span(m[0] + off, m[1] + off) for *_, m, _n, _r in a["quotes"] if m]
        texts.append(a["text"])
        off += len(a["text"]) + 1
    return "\n".join(texts), ents, mentions


def test_indexes_answer_as_the_scans_do():
    text, ents, mentions = joined(60)
    grouper = Grouper(text, ActorRules())
    grouper.run(ents)
    people = grouper.person_clusters()
    people_index = PeopleIndex(people, grouper.clusters)
    shorts = {(c.key, c.start) for cl in grouper.alive() for c in cl.cands if " " not in c.key}
    found = 0
    for k, pos in sorted(shorts):
        for given_ok in (True, False):
            scan = grouper.person_for_short(k, pos, people, given_ok=given_ok)
            indexed = grouper.person_for_short(k, pos, people, given_ok=given_ok,
                                               index=people_index)
            assert indexed is scan, (k, pos)
            found += scan is not None
    assert found > 100  # the names did find people
    index = ClusterIndex(grouper)
    owners = 0
    for span in mentions:
        for share in (0.0, 0.5):
            scan = cluster_at(grouper, span, share)
            assert cluster_at(grouper, span, share, index=index) is scan, span
            owners += scan is not None
        for k in grouper.alive()[0].keys() | {names.key(text[span.start:span.end])}:
            assert index.find_by_key(k) == grouper.find_by_key(k)
    assert owners > 50


def test_the_quote_steps_index_answers_as_the_scans_do_while_speakers_are_linked(monkeypatch):
    """Each look-up of the quote step, at every quote of the joined document,
    against the scan it replaced: the people (kept as speakers' clusters are
    added), the clusters by title, country, full name, near spelling, group
    name and entity inside a description."""
    from rapidfuzz import fuzz

    from desktop.core.model import Quote
    from desktop.nlp.actors import persons, quotes
    from desktop.nlp.actors.mentions import Cluster

    text, ents, quote_list = joined_with_quotes(60)
    grouper = Grouper(text, ActorRules())
    grouper.run(ents)
    seen = {"people": 0, "title": 0, "country": 0, "same": 0, "near": 0, "group": 0, "within": 0}
    find_speaker, drop = quotes.find_speaker, quotes._drop_modifiers

    def checked_find(g: Grouper, name: str, mention: Span | None, position: int,
                     index: ClusterIndex) -> Cluster | None:
        people, people_index = index.people()
        assert people == grouper.person_clusters()
        fresh = PeopleIndex(people, grouper.clusters)
        assert (people_index.by_part, people_index.by_surname, people_index.first_at) == (
            fresh.by_part, fresh.by_surname, fresh.first_at)
        seen["people"] += bool(people)
        cleaned = names.clean_name(name)
        stripped = names.strip_title(cleaned)[0]
        title = names.bare_title(cleaned)
        if title:
            scan = [c for c in grouper.alive() if any(x.title == title for x in c.cands)]
            assert index.with_title(title) == scan
            seen["title"] += bool(scan)
        code = names.country_code(stripped)
        if code:
            assert index.of_country(code) == [c for c in grouper.alive() if c.country == code]
            seen["country"] += 1
        parsed = persons.parse_person(stripped)
        if parsed.is_full:
            scan = [p for p in people if any(persons.same_person(parsed, f) for f in p.full_names())]
            assert index.same_people(parsed) == scan
            seen["same"] += bool(scan)
        k = names.key(stripped)
        if len(k) >= 5:
            scan = {(ck, i) for i, c in enumerate(grouper.alive()) for ck in c.keys()
                    if len(ck) >= 5 and fuzz.ratio(k, ck) >= 92}
            assert scan <= set(index.near_keys(k))
            seen["near"] += bool(scan)
        return find_speaker(g, name, mention, position, index)

    def checked_drop(g: Grouper, span: Span, speaker: Cluster,
                     index: ClusterIndex) -> list[Cluster]:
        scan = [c for c in grouper.alive()
                if any(span.start <= x.start and x.end <= span.end for x in c.cands)]
        assert index.within(span) == scan
        seen["within"] += bool(scan)
        return drop(g, span, speaker, index)

    def checked_group(g: Grouper, quote: Quote, index: ClusterIndex) -> Cluster | None:
        name = quotes.group_name(g.text, quote)
        if name is not None:
            k = names.key(name)
            scan = [c for c in grouper.alive() if c.unnamed_group and k in c.keys()]
            assert [c for c in index.find_by_key(k) if c.unnamed_group] == scan
            seen["group"] += bool(scan)
        return group_for(g, quote, index)

    group_for = quotes._group_for
    monkeypatch.setattr(quotes, "find_speaker", checked_find)
    monkeypatch.setattr(quotes, "_drop_modifiers", checked_drop)
    monkeypatch.setattr(quotes, "_group_for", checked_group)
    quotes.link_quotes(grouper, quote_list)
    assert min(seen.values()) > 0, seen


def test_acronym_hosts_are_those_a_scan_finds(monkeypatch):
    from desktop.nlp.actors import cluster

    text, ents, _ = joined(295)
    grouper = Grouper(text, ActorRules())
    found = []
    lookup = cluster.KeyIndex.__call__

    def checked(self: cluster.KeyIndex, k: str) -> list:
        hosts = lookup(self, k)
        assert hosts == grouper.find_by_key(k), k
        found.append(bool(hosts))
        return hosts

    monkeypatch.setattr(cluster.KeyIndex, "__call__", checked)
    grouper.run(ents)
    assert sum(found) > 20, found


def joined_with_quotes(count: int) -> tuple[str, list[Entity], list]:
    """:func:`joined` with the articles' quotes."""
    from desktop.core.model import Quote

    with gzip.open(STORED, "rt", encoding="utf-8") as fh:
        articles = json.load(fh)["articles"][:count]
    texts, ents, quote_list, off = [], [], [], 0
    for a in articles:
        ents += [Entity(s + off, e + off, label) for s, e, label in a["entities"]]
        for s, e, kind, cue, mention, name, resolved in a["quotes"]:
            quote_list.append(Quote(
                s + off, e + off, kind, Span(cue[0] + off, cue[1] + off) if cue else None,
                Span(mention[0] + off, mention[1] + off) if mention else None, name, resolved))
        texts.append(a["text"])
        off += len(a["text"]) + 1
    return "\n".join(texts), ents, quote_list


def test_a_speakers_new_cluster_joins_the_people_the_index_keeps(monkeypatch):
    """ "John Smith" is no entity: his quote makes him a cluster, a person by
    the PERSON votes of "Smith", whom the next quote's "John" names."""
    from desktop.core.model import Quote
    from desktop.nlp.actors import build_actor_result

    text = 'Smith spoke. Smith left. "We won," said John Smith. "Again," said John.'
    ents = [Entity(0, 5, "PERSON"), Entity(13, 18, "PERSON")]
    first, again = text.index("John Smith"), text.rindex("John")
    quote_list = [Quote(26, 33, "direct", None, Span(first, first + 10), "John Smith", True),
                  Quote(52, 58, "direct", None, Span(again, again + 4), "John", True)]
    sizes = []
    people = ClusterIndex.people

    def checked(self: ClusterIndex) -> tuple:
        found = people(self)
        assert found[0] == self.grouper.person_clusters()
        sizes.append(len(found[0]))
        return found

    monkeypatch.setattr(ClusterIndex, "people", checked)
    result = build_actor_result(text, ents, quote_list)
    assert sizes == [0, 1]  # no one full-named, then John Smith
    assert {(a.name, a.quote_count) for a in result.actors} == {("John Smith", 2), ("Smith", 0)}


def test_building_actors_leaves_the_cycle_collector_as_it_was():
    import gc

    from desktop.nlp.actors import build_actor_result

    text = "Olaf Scholz met Joe Biden. Scholz left."
    ents = [Entity(0, 11, "PERSON"), Entity(16, 25, "PERSON"), Entity(27, 33, "PERSON")]
    assert gc.isenabled()
    assert [a.name for a in build_actor_result(text, ents, []).actors] == ["Olaf Scholz", "Joe Biden"]
    assert gc.isenabled()
    gc.disable()
    try:
        build_actor_result(text, ents, [])
        assert not gc.isenabled()
    finally:
        gc.enable()
