"""Mentions that may name actors (:class:`Cand`) and their groups (:class:`Cluster`).

:func:`extract_cands` turns the model's entities into candidates with
cleaned names; the grouping itself is in :mod:`desktop.nlp.actor_cluster`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.model import Entity, Mention
from desktop.nlp import actor_names as names
from desktop.nlp import actor_persons as persons

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
        votes = self.type_votes() + (extra or Counter())
        if not votes:
            return bool(self.forced_name)
        return votes["person"] >= max(votes.values())

    def full_names(self) -> list[persons.PersonName]:
        """Its names that hold a given name and a surname.  A name ending in a
        title ("Kamloops RCMP Constable") describes someone; it is no name."""
        parsed = [persons.parse_person(s) for s in set(self.surfaces())
                  if " " in s and s.split()[-1].lower() not in names.TITLE_HEADS]
        return [p for p in parsed if p.is_full]

    def positions(self) -> list[int]:
        return [c.start for c in self.cands] + [m.start for m in self.speaker_mentions]


def extract_cands(text: str, entities: list[Entity],
                  rule_type: Callable[[str], str | None]) -> list[Cand]:
    """Every actor-like entity as a :class:`Cand` with a cleaned name.

    ``rule_type`` gives the user's type rule for a name, if any.
    """
    order = sorted(range(len(entities)), key=lambda i: entities[i].start)
    raw: list[tuple[int, str, str, list[str], str]] = []  # index, whole, stripped,
    #                                                         removed words, title
    for pos, i in enumerate(order):
        ent = entities[i]
        if ent.label not in ACTOR_LABELS or _title_modifier(text, entities, order, pos):
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
        # "Sultan Kudarat", "Prince Edward Island": places, not titled people.
        stripped, had = (whole, False) if names.is_known_place(whole) else names.strip_title(whole)
        removed = whole.split()[: len(whole.split()) - len(stripped.split())]
        title = names.title_word_in(removed) or names.title_word_before(text, ent.start)
        raw.append((i, whole, stripped, removed, title))
    # A non-PERSON entity keeps its title unless the rest is a known person
    # name ("President Trump" (ORG) -> "Trump") or a full name after a title
    # only people have; "General Motors" stays whole.
    person_keys: set[str] = set()
    for i, _, stripped, removed, _ in raw:
        if entities[i].label == "PERSON" or (removed and rule_type(stripped) == "person"):
            parsed = persons.parse_person(stripped)
            person_keys.update({names.key(stripped), parsed.last, parsed.first} - {""})
    cands = []
    for i, whole, stripped, removed, title in raw:
        ent = entities[i]
        keep_title = bool(removed) and ent.label != "PERSON" \
            and names.key(stripped) not in person_keys \
            and not (any(w.lower() in names.PERSON_ONLY_TITLES for w in removed)
                     and persons.parse_person(stripped).is_full)
        surface = whole if keep_title else stripped
        cands.append(Cand(i, ent.start, ent.end, ent.label, surface,
                          names.key(surface), "" if keep_title else title))
    return cands


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
