"""Mentions that may name actors (:class:`Cand`) and their groups (:class:`Cluster`).

:func:`extract_cands` turns the model's entities into candidates with
cleaned names; the grouping itself is in :mod:`desktop.nlp.actors.cluster`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from desktop.core.model import Entity, Mention
from desktop.nlp.actors import acronyms, clues, names, persons

# Entity labels that name a party which can act or be acted upon.  EVENT,
# PRODUCT, WORK_OF_ART, LAW and LANGUAGE name things, not parties: "World War
# II" or "Nord Stream 2" are topics of an article, not its actors.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

LABEL_TYPE = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place",
    "LOC": "place", "FAC": "place", "NORP": "group",
}


@dataclass(slots=True)
class Cand:
    """One entity that may name an actor."""

    index: int  # position in the input entity list
    start: int
    end: int
    label: str  # the model's label
    surface: str  # cleaned name: no title, possessive or leading "the"
    key: str  # names.key(surface)
    title: str  # the person title inside or right before the entity, lowercased
    thing: bool = False  # the words around it say a product or platform ("Twitter account")

    @property
    def titled(self) -> bool:
        return bool(self.title)


@dataclass(slots=True)
class Cluster:
    """Mentions believed to name one actor, plus evidence about it."""

    cands: list[Cand] = field(default_factory=list)
    forced_name: str | None = None  # the target of a user alias rule
    country: str | None = None  # ISO alpha-3 when the cluster is a country
    extra_names: list[str] = field(default_factory=list)  # acronyms, speakers
    speaker_mentions: list[Mention] = field(default_factory=list)
    person_pronouns: int = 0  # quotes whose speaker is "he"/"she"
    quote_count: int = 0
    unnamed_group: bool = False  # unresolved plural speakers: "U.S. officials"
    alive: bool = True

    def surfaces(self) -> list[str]:
        out = [c.surface for c in self.cands] + self.extra_names
        if self.forced_name:
            out.append(self.forced_name)
        return out

    def keys(self) -> set[str]:
        return {names.key(s) for s in self.surfaces()}

    def type_votes(self) -> Counter[str]:
        """One vote per mention for the type its model label means, and one
        more for "person" per mention with a person title ("President Biden")."""
        votes = Counter(LABEL_TYPE[c.label] for c in self.cands)
        votes["person"] += sum(c.titled for c in self.cands)
        return votes

    def looks_person(self, extra: Counter[str] | None = None) -> bool:
        """Votes (plus ``extra`` ones) say person at least as much as anything."""
        return says_person(self.type_votes(), self.forced_name, extra)

    def full_names(self) -> list[persons.PersonName]:
        """Its names that hold a given name and a surname.  A name ending in a
        title ("Kamloops RCMP Constable") describes someone; it is no name."""
        return [p for p in map(_full_name, set(self.surfaces())) if p is not None]

    def positions(self) -> list[int]:
        return [c.start for c in self.cands] + [m.start for m in self.speaker_mentions]


def says_person(votes: Mapping[str, int], forced_name: str | None,
                extra: Mapping[str, int] | None = None) -> bool:
    """:meth:`Cluster.looks_person` for a cluster's :meth:`Cluster.type_votes`
    (and forced name) known already.  Only positive counts count (as in
    ``Counter`` sums): "person" may be there with none."""
    if extra:
        total = {t: n for t in votes.keys() | extra.keys()
                 if (n := votes.get(t, 0) + extra.get(t, 0)) > 0}
    else:
        total = {t: n for t, n in votes.items() if n > 0}
    if not total:
        return bool(forced_name)
    return total.get("person", 0) >= max(total.values())


@lru_cache(maxsize=65536)
def _full_name(surface: str) -> persons.PersonName | None:
    """The parts of a cleaned name if it is a full human name (see
    :meth:`Cluster.full_names`); grouping asks about each name many times."""
    if " " not in surface or surface.split()[-1].lower() in names.TITLE_HEADS:
        return None
    parsed = persons.parse_person(surface)
    return parsed if parsed.is_full else None


def extract_cands(text: str, entities: list[Entity],
                  rule_type: Callable[[str], str | None]) -> list[Cand]:
    """Every actor-like entity as a :class:`Cand` with a cleaned name.

    ``rule_type`` gives the user's type rule for a name, if any.
    """
    order = sorted(range(len(entities)), key=lambda i: entities[i].start)
    raw: list[tuple[int, str, str, list[str], str]] = []  # index, whole, stripped,
    #                                                         removed words, title
    places = {names.key(text[e.start:e.end]) for e in entities if e.label in ("GPE", "LOC")}
    terms = acronyms.lowercase_terms(text) if "(" in text else frozenset()
    last_words = cache(lambda: clues.name_last_words(entities, text))  # made when first needed
    for pos, i in enumerate(order):
        ent = entities[i]
        if (ent.label not in ACTOR_LABELS or _title_modifier(text, entities, order, pos)
                or clues.transcript_label(text, ent.start, ent.end)
                or (ent.label == "NORP" and clues.norp_modifier(text, ent.end))):
            continue
        # The model sometimes swallows a definition: "the African Continental
        # Free Trade Area (AfCFTA"; the acronym is found in the text later.
        whole = names.clean_name(text[ent.start:ent.end])
        if not any(ch.isalpha() for ch in whole):
            continue
        if ent.label == "PERSON" and any(ch.isdigit() for ch in whole):
            continue  # "COVID-19": no person's name holds digits
        if not names.mostly_latin(whole):
            continue  # the English model tags Devanagari, Cyrillic… at random
        if rule_type(whole) is None and (
                names.is_not_actor(whole) or whole in terms
                or clues.name_pair(whole, entities, text, last_words) or clues.in_title(text, ent.start)):
            continue  # no actor, unless the user said what it is
        whole = names.strip_leading_words(whole)
        if ent.label == "ORG":
            whole = clues.drop_org_kind(clues.camel_prefix(text, ent.start) + whole)
        if ent.label == "PERSON":
            whole = clues.drop_place(whole, places)
        # "Sultan Kudarat", "Prince Edward Island": places, not titled people.
        stripped, had = (whole, False) if names.is_known_place(whole) else names.strip_title(whole)
        removed = whole.split()[: len(whole.split()) - len(stripped.split())]
        title = names.title_word_in(removed) or names.title_word_before(text, ent.start)
        raw.append((i, whole, stripped, removed, title))
    # A non-PERSON entity keeps its title unless the rest is a known person
    # name ("President Trump" (ORG) -> "Trump") or a full name after a title
    # only people have; "General Motors" stays whole.
    person_keys: set[str] | None = None  # made when first needed (nameparser is slow)
    cands = []
    for i, whole, stripped, removed, title in raw:
        ent = entities[i]
        keep_title = False
        if removed and ent.label != "PERSON":
            if person_keys is None:
                person_keys = _person_keys(raw, entities, rule_type)
            keep_title = names.key(stripped) not in person_keys \
                and not (any(w.lower() in names.PERSON_ONLY_TITLES for w in removed)
                         and persons.parse_person(stripped).is_full)
        surface = whole if keep_title else stripped
        cands.append(Cand(i, ent.start, ent.end, ent.label, surface,
                          names.key(surface), "" if keep_title else title,
                          clues.says_thing(text, ent.start, ent.end)))
    return cands


def _person_keys(raw: list[tuple[int, str, str, list[str], str]], entities: list[Entity],
                 rule_type: Callable[[str], str | None]) -> set[str]:
    """Keys of the names and name parts of the article's persons."""
    keys: set[str] = set()
    for i, _, stripped, removed, _ in raw:
        if entities[i].label == "PERSON" or (removed and rule_type(stripped) == "person"):
            parsed = persons.parse_person(stripped)
            keys.update({names.key(stripped), parsed.last, parsed.first} - {""})
    return keys


def _title_modifier(text: str, entities: list[Entity], order: list[int], pos: int) -> bool:
    """A NORP entity that only qualifies a title: "French" in "French
    President Emmanuel Macron" describes Macron, it is not the French."""
    ent = entities[order[pos]]
    if ent.label != "NORP" or pos + 1 >= len(order):
        return False
    nxt = entities[order[pos + 1]]
    if nxt.label != "PERSON":
        return False
    between = text[ent.end:nxt.start].split()
    return 0 < len(between) <= 3 and all(
        w.lower() in names.TITLE_HEADS or w.lower() in names.TITLE_MODIFIERS
        for w in between
    ) and any(w.lower() in names.TITLE_HEADS for w in between)
