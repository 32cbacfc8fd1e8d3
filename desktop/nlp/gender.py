"""The gender of person actors, from evidence only (no Qt, no spaCy).

Order of evidence, first that decides:

1. the article itself: honorifics and gendered titles right before a name
   ("Mr Johnson", "Ms Lam", "Queen Elizabeth II", "spokeswoman Jane Doe"),
   and pronouns resolved to the person: the "he"/"she" speakers the quote
   rules already linked to the actor, and a pronoun outside quotation marks
   whose sentence, up to it, names exactly one person and has no pronoun
   before that name (not for "him" and "her", which seldom mean their own
   clause's subject) -- or, naming none, whose previous sentence names
   exactly one.  One gender must have at
   least two thirds of these votes;
2. the first name of the actor's full name, looked up with ``gender-guesser``
   (names given to both, and names it does not know, decide nothing);
3. else "unknown".  Nothing is guessed from nothing.

Each actor keeps the evidence as a short sentence, for the actor's tooltip.
Actors that are not persons get no gender (an empty string).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from desktop.core.model import MENTION_NAME, MENTION_PRONOUN, Actor

FEMALE, MALE, NONBINARY, UNKNOWN = "female", "male", "nonbinary", "unknown"
GENDERS = (FEMALE, MALE, NONBINARY, UNKNOWN)  # what a user may set

_TITLES = {
    "mr": MALE, "mrs": FEMALE, "ms": FEMALE, "miss": FEMALE, "mx": NONBINARY,
    "sir": MALE, "dame": FEMALE, "lady": FEMALE, "lord": MALE,
    "madam": FEMALE, "madame": FEMALE, "mme": FEMALE, "monsieur": MALE,
    "king": MALE, "queen": FEMALE, "prince": MALE, "princess": FEMALE,
    "duke": MALE, "duchess": FEMALE, "baron": MALE, "baroness": FEMALE,
    "pope": MALE, "congressman": MALE, "congresswoman": FEMALE,
    "spokesman": MALE, "spokeswoman": FEMALE, "chairman": MALE, "chairwoman": FEMALE,
    "businessman": MALE, "businesswoman": FEMALE,
}
_PRONOUNS = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}
_OBJECT_FORMS = frozenset({"him", "her"})
_TITLE_BEFORE = re.compile(r"\b(\w+)\.?\s+$")
_PRONOUN = re.compile(r"\b(?:" + "|".join(_PRONOUNS) + r")\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
_GUESSER_WORDS = {"male": MALE, "female": FEMALE, "mostly_male": MALE, "mostly_female": FEMALE}


def assign_genders(text: str, actors: list[Actor]) -> None:
    """Set ``gender`` and ``gender_evidence`` on every actor (in place)."""
    votes = _pronoun_votes(text, actors)
    for index, actor in enumerate(actors):
        if actor.type != "person":
            actor.gender, actor.gender_evidence = "", ""
            continue
        actor.gender, actor.gender_evidence = _decide(text, actor, votes.get(index, Counter()))


def apply_gender_rules(actors: list[Actor], rules: dict[str, str]) -> None:
    """The user's corrections win: ``rules`` maps an actor name to a gender."""
    for actor in actors:
        if actor.type == "person" and actor.name in rules:
            actor.gender = rules[actor.name]
            actor.gender_evidence = "set by you (a correction for the whole library)"


def _decide(text: str, actor: Actor, pronouns: Counter) -> tuple[str, str]:
    if _several_people(actor.name):
        return UNKNOWN, "the name names more than one person"
    titles = _title_votes(text, actor)
    if titles:
        gender, (word, _count) = _majority(titles)
        if gender:
            return gender, f"the text calls them “{word} …”"
    first, by_name = _first_name_gender(actor.name)
    if pronouns:
        gender, (word, count) = _majority(pronouns)
        # One pronoun found by position alone is weak: a first name that
        # says otherwise wins over it.
        weak = count == 1 and not any(w.startswith("=") for _g, w in pronouns)
        if gender and not (weak and by_name and by_name != gender):
            word = word.lstrip("=")
            times = "once" if count == 1 else f"{count} times"
            return gender, f"“{word}” refers to them in the text ({times})"
    if by_name:
        return by_name, f"first name “{first}” is {_guesser_word(first)} (gender-guesser)"
    if titles or pronouns:
        return UNKNOWN, "the text's pronouns and titles disagree"
    return UNKNOWN, "no pronoun, title or known first name"


def _several_people(name: str) -> bool:
    return " and " in name or "," in name or "&" in name


def _first_name_gender(name: str) -> tuple[str, str | None]:
    first = first_name(name)
    if not first:
        return "", None
    return first, _GUESSER_WORDS.get(_detector().get_gender(first))


def _majority(votes: Counter) -> tuple[str | None, tuple[str, int]]:
    """The gender with two thirds of the votes, with its most frequent word
    and the number of its votes; None when the votes disagree."""
    by_gender: Counter = Counter()
    for (gender, _word), count in votes.items():
        by_gender[gender] += count
    gender, count = by_gender.most_common(1)[0]
    if count * 3 < sum(by_gender.values()) * 2:
        return None, ("", 0)
    word = max((w for g, w in votes if g == gender), key=lambda w: votes[(gender, w)])
    return gender, (word.lstrip("="), count)


def _title_votes(text: str, actor: Actor) -> Counter:
    votes: Counter = Counter()
    for m in actor.mentions:
        if m.kind != MENTION_NAME:
            continue
        surface = text[m.start:m.end].split()
        before = _TITLE_BEFORE.search(text, max(0, m.start - 20), m.start)
        for word in ([before.group(1)] if before else []) + surface[:1]:
            gender = _TITLES.get(word.rstrip(".").lower())
            if gender:
                votes[(gender, word.rstrip("."))] += 1
    return votes


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _pronoun_votes(text: str, actors: list[Actor]) -> dict[int, Counter]:
    """Pronoun votes per actor index: resolved speakers, then pronouns with
    exactly one person named before them (same sentence, else previous)."""
    votes: dict[int, Counter] = {}
    taken: set[int] = set()
    names: list[tuple[int, int]] = []  # (start, actor index) of person names
    for index, actor in enumerate(actors):
        if actor.type != "person":
            continue
        for m in actor.mentions:
            if m.kind == MENTION_PRONOUN:
                word = text[m.start:m.end]
                gender = _PRONOUNS.get(word.lower())
                if gender:
                    votes.setdefault(index, Counter())[(gender, "=" + word.lower())] += 1
                taken.add(m.start)
            elif m.kind == MENTION_NAME:
                names.append((m.start, index))
    if not names:
        return votes
    names.sort()
    starts = _sentence_starts(text)
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    pronouns = [m for m in _PRONOUN.finditer(text) if not _inside(quoted, m.start())]
    positions = [m.start() for m in pronouns]
    for match in pronouns:
        at = match.start()
        if at in taken:
            continue
        s = bisect.bisect_right(starts, at) - 1
        found = _persons_between(names, starts[s], at)
        if found and match.group().lower() in _OBJECT_FORMS:
            continue  # "Johnson thanked her": an object is seldom its own clause's subject
        if found and _pronoun_between(positions, starts[s], _first_name_at(names, starts[s], at)):
            continue  # "He is survived by his wife, Jonna, and his sisters": the sentence is about him
        if not found and s > 0:
            found = _persons_between(names, starts[s - 1], starts[s])
        if len(found) == 1:
            word = match.group().lower()
            votes.setdefault(found.pop(), Counter())[(_PRONOUNS[word], word)] += 1
    return votes


def _first_name_at(names: list[tuple[int, int]], start: int, end: int) -> int:
    return names[bisect.bisect_left(names, (start, -1))][0]


def _pronoun_between(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _persons_between(names: list[tuple[int, int]], start: int, end: int) -> set[int]:
    lo = bisect.bisect_left(names, (start, -1))
    hi = bisect.bisect_left(names, (end, -1))
    return {index for _pos, index in names[lo:hi]}


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def first_name(name: str) -> str:
    """The given name of a full person name: the first of its words before
    the surname that gender-guesser knows, skipping initials and the words
    of a description ("Conservative MP Philip Hammond" -> "Philip"); "" for
    a bare surname ("Putin")."""
    # Imported here: the actors package imports this module while it loads.
    from desktop.nlp.actors.persons import name_parts, parse_person

    if not parse_person(name).is_full:
        return ""
    surname = name_parts(name)[2]
    words = [w.strip(".,") for w in name.split()]
    if surname in words:
        words = words[:words.index(surname)]
    for word in words:
        if len(word) > 1 and word.replace("-", "").isalpha() and word[0].isupper():
            if _detector().get_gender(word) != "unknown":
                return word
    return ""


def _guesser_word(first: str) -> str:
    return _detector().get_gender(first).replace("_", " ")


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202 - gender_guesser has no type hints
    """gender-guesser's detector, made once per process."""
    import gender_guesser.detector as guesser

    class Detector(guesser.Detector):
        """gender-guesser's detector, its 48,000-line name list read in one
        go: its own ``codecs`` reader, a line at a time, took a tenth of a
        second of the first analysis.  The lines are the same (split as
        ``codecs`` splits them), each parsed by gender-guesser itself."""

        def _parse(self, filename: str) -> None:
            self.names = {}
            with open(filename, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
            for line in lines:
                self._eat_name_line(line.strip())

    return Detector(case_sensitive=False)
