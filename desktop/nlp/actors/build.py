"""Actors of an article, built from its entities and quotes (no Qt, no spaCy).

Entry points:

* :func:`build_actor_result` -> :class:`ActorResult` (actors, corrected
  entities, and the actor of each quote);
* :func:`build_actors` -> ``(actors, entities)``, the same without the quote
  mapping.

Which entities can be actors and how their names are cleaned:
:mod:`mentions`, :mod:`names`; how mentions are grouped:
:mod:`cluster` (with :mod:`persons` and :mod:`acronyms`);
how quote speakers are linked: :mod:`quotes`.  This module decides
each actor's type and name and assembles the result.  Everything is pure
Python over offsets, no spaCy objects: about 0.1 s for a news article, 0.5 s
for a 100 000-character one.

Name of an actor: a user alias rule's target, else for a person the fullest
full name the article gives ("Putin" if it never gives one), else the longest
form ("United States" over "U.S.", an acronym's expansion over the acronym).
No two actors share a name: clusters that would are merged.

Not actors: interview transcript labels ("((WN))"), time zones, diseases,
religions, laws and technical terms (:data:`names.NOT_ACTORS`), acronyms the
text spells out in lowercase words, two names joined by a hyphen
("Trump-Biden"), a word inside a title ("Secretary of State"), a
nationality qualifying a thing ("the Chinese government"); see
:mod:`mentions`.  A country is named by its one English name everywhere.

Type of an actor, first rule that applies:

1. a user type rule on any of its names;
2. it is a country (pycountry) -> place;
2b. a person by the rules below whose mentions the text calls a platform,
   product or organisation ("Twitter account", "Fedora operating system")
   more often than it gives person evidence -> organisation;
3. its full names are mostly PERSON-tagged ("Scholz" joined to "Olaf
   Scholz") -> person;
4. a quote's speaker "he"/"she" resolved to it -> person;
5. majority of the model's labels, a person title before a mention ("President
   Biden") counting as one more person vote; ties go person > organisation >
   place > group (en_core_web_sm mistakes surnames for places and
   organisations far more often than the reverse); an actor known only as a
   quote speaker is a person.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from desktop.core.corrections import ActorRules as ActorRules
from desktop.core.model import ACTOR_TYPES, Actor, Entity, Mention, Quote
from desktop.nlp import gender  # a module: gender.py imports this package (persons) in turn
from desktop.nlp.actors import names, persons
from desktop.nlp.actors.cluster import Grouper
from desktop.nlp.actors.mentions import LABEL_TYPE, Cluster
from desktop.nlp.actors.quotes import link_quotes
from desktop.nlp.collector import collector_paused

TYPE_LABEL = {"person": "PERSON", "organisation": "ORG", "place": "GPE", "group": "NORP"}
_TIE_ORDER = {t: i for i, t in enumerate(ACTOR_TYPES)}  # person first


@dataclass
class ActorResult:
    """What :func:`build_actor_result` found.

    ``actors``: sorted by number of mentions, most first (ties: first
    mention first).  ``entities``: the input entities, same order and ids,
    with labels made to follow their actor's type (entities that are no
    actor's mention are unchanged).  ``quote_actor[i]``: index into
    ``actors`` of the speaker of ``quotes[i]``, or None.
    """

    actors: list[Actor]
    entities: list[Entity]
    quote_actor: list[int | None]


def build_actors(text: str, entities: list[Entity], quotes: list[Quote],
                 rules: ActorRules | None = None) -> tuple[list[Actor], list[Entity]]:
    """Actors (most mentioned first) and the label-corrected entities."""
    result = build_actor_result(text, entities, quotes, rules)
    return result.actors, result.entities


def build_actor_result(text: str, entities: list[Entity], quotes: list[Quote],
                       rules: ActorRules | None = None) -> ActorResult:
    """Group entities and quote speakers into actors; see the module doc."""
    with collector_paused():
        return _build(text, entities, quotes, rules)


def _build(text: str, entities: list[Entity], quotes: list[Quote],
           rules: ActorRules | None) -> ActorResult:
    grouper = Grouper(text, rules or ActorRules())
    grouper.run(entities)
    speakers = link_quotes(grouper, quotes)
    redirect, named = _merge_same_names(grouper)

    def type_and_name(c: Cluster) -> tuple[str, str]:
        if id(c) not in named:  # it grew by a merge
            kind = actor_type(c, grouper)
            named[id(c)] = kind, actor_name(c, kind)
        return named[id(c)]

    # A user's name for it wins; otherwise a term ("Automatic Identification
    # System", named through its acronym) is no actor.
    clusters = sorted(
        (c for c in grouper.alive() if c.forced_name or c.keys() & grouper.rule_types.keys()
         or not names.is_not_actor(type_and_name(c)[1])),
        key=lambda c: (-_mention_count(c), min(c.positions(), default=len(text))),
    )
    index = {id(c): i for i, c in enumerate(clusters)}
    actors: list[Actor] = []
    labels: dict[int, str] = {}
    for cluster in clusters:
        kind, name = type_and_name(cluster)
        actors.append(_actor(cluster, kind, name))
        for cand in cluster.cands:
            labels[cand.index] = _label_for(kind, cand.label)
    fixed = [replace(e, label=labels.get(i, e.label)) for i, e in enumerate(entities)]
    quote_actor = []
    for cluster in speakers:
        while cluster is not None and id(cluster) in redirect:
            cluster = redirect[id(cluster)]
        quote_actor.append(index.get(id(cluster)) if cluster is not None else None)
    gender.assign_genders(text, actors)
    return ActorResult(actors, fixed, quote_actor)


def name_speakers(quotes: list[Quote], result: ActorResult) -> list[Quote]:
    """The quotes with each linked speaker named as its actor is, so that
    the Quotes panel, its filter and every export say what the Actors panel
    says ("Carrie Lam", not "Lam"; the user's name after a rename)."""
    out = []
    for i, quote in enumerate(quotes):
        index = result.quote_actor[i] if i < len(result.quote_actor) else None
        name = result.actors[index].name if index is not None else None
        out.append(quote if name is None or name == quote.speaker_name
                   else replace(quote, speaker_name=name))
    return out


def _mention_count(cluster: Cluster) -> int:
    return len(cluster.cands) + len(cluster.speaker_mentions)


def _label_for(kind: str, model_label: str) -> str:
    if kind == "place" and model_label in ("LOC", "FAC"):
        return model_label  # the model's finer place label stays
    return TYPE_LABEL[kind]


def actor_type(cluster: Cluster, grouper: Grouper) -> str:
    """One type for the whole cluster; rules listed in the module doc."""
    for k in cluster.keys():
        rule = grouper.rule_types.get(k)
        if rule in ACTOR_TYPES:
            return rule
    if cluster.country:
        return "place"
    if cluster.unnamed_group:
        return "group"
    kind = _type_by_evidence(cluster)
    return "organisation" if kind == "person" and _thing(cluster) else kind


def _type_by_evidence(cluster: Cluster) -> str:
    full = [c for c in cluster.cands if " " in c.surface
            and persons.parse_person(c.surface).is_full]
    if full and sum(c.label == "PERSON" or c.titled for c in full) * 2 > len(full):
        return "person"
    if cluster.person_pronouns:
        return "person"
    votes = Counter(LABEL_TYPE[c.label] for c in cluster.cands)
    votes["person"] += sum(c.titled for c in cluster.cands)
    if not +votes:
        return "person"  # known only as a quote speaker
    return min(votes, key=lambda t: (-votes[t], _TIE_ORDER[t]))


# Last words of a name that make it a product or project, not a person
# ("Rocky Linux").
_PRODUCT_WORDS = frozenset("linux os software app browser project labs studios games".split())


def _thing(cluster: Cluster) -> bool:
    """The words around its mentions say a product, platform or project
    ("Twitter account", "the Fedora operating system"): an organisation,
    unless as much says person (titles, "he"/"she" as a speaker) or it is
    mostly named by full names with few such cues."""
    person = cluster.person_pronouns + sum(c.titled for c in cluster.cands)
    if not person and any(k.split()[-1] in _PRODUCT_WORDS for k in cluster.keys() if k):
        return True
    things = sum(c.thing for c in cluster.cands)
    if things <= person:  # "he said" of a person outweighs a stray cue
        return False
    full = sum(1 for c in cluster.cands if " " in c.surface
               and persons.parse_person(c.surface).is_full)
    return things >= 2 or things * 2 >= len(cluster.cands) or full == 0


def actor_name(cluster: Cluster, kind: str) -> str:
    """The fullest name the article (or a user rule) gives the actor; a
    country's one English name ("United States" for "US")."""
    if cluster.forced_name:
        return cluster.forced_name
    if cluster.country and kind == "place":
        return names.country_name(cluster.country)
    surfaces = cluster.surfaces()
    counts = Counter(surfaces)
    if kind == "person":
        full = [s for s in counts if " " in s and persons.parse_person(s).is_full]
        if full:
            return max(full, key=lambda s: (len(s.split()), counts[s], len(s)))
    return max(counts, key=lambda s: (len(s.replace(".", "")), counts[s]))


def _actor(cluster: Cluster, kind: str, name: str) -> Actor:
    seen = {names.key(name)}
    aliases = []
    ordered = [c.surface for c in sorted(cluster.cands, key=lambda c: c.start)]
    for surface in ordered + cluster.surfaces():  # text order, one per key
        k = names.key(surface)
        if k not in seen:
            seen.add(k)
            aliases.append(surface)
    mentions = [Mention(c.start, c.end) for c in cluster.cands]
    mentions += [Mention(m.start, m.end, m.kind) for m in cluster.speaker_mentions]
    mentions.sort(key=lambda m: (m.start, m.end))
    return Actor(name=name, type=kind, aliases=aliases, mentions=mentions,
                 quote_count=cluster.quote_count)


def _merge_same_names(grouper: Grouper) -> tuple[dict[int, Cluster], dict[int, tuple[str, str]]]:
    """Merge clusters that would end up with the same name, so that no two
    actors share a name (with different types or not).  Returns the
    redirects from dropped clusters to the kept ones, and the type and name
    of each kept cluster that no merge changed."""
    redirect: dict[int, Cluster] = {}
    by_name: dict[str, Cluster] = {}
    named: dict[int, tuple[str, str]] = {}
    for cluster in list(grouper.alive()):
        kind = actor_type(cluster, grouper)
        name = actor_name(cluster, kind)
        keeper = by_name.setdefault(names.key(name), cluster)
        if keeper is not cluster:
            grouper.merge(keeper, cluster)
            redirect[id(cluster)] = keeper
            named.pop(id(keeper), None)
        else:
            named[id(cluster)] = kind, name
    grouper.alive()
    return redirect, named
