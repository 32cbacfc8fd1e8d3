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
from desktop.nlp.actors.index import ClusterIndex, PeopleIndex
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
