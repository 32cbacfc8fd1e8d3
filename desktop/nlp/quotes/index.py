"""Look-ups over the people and organisations of one document, made once.

Resolving a speaker asks "who holds these name words?", "who has this
title?", "which organisation ends in 'archive'?" and "which organisation
was named most before here?" thousands of times in a long document.  A scan
over every person or organisation per question made the quote step grow
with the square of the text; these indexes answer each question from the
few entries it can concern, in the same order the scans went, so the
answers are the scans' answers (``tests/nlp/test_quote_index.py`` checks
it on the corpus).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.nlp.quotes.actors import Person


class PeopleIndex:
    """People by name word, title or nationality word, in the order they
    were first named; each person's mention positions sorted for bisecting.

    People deleted from ``people`` after the index was made are left out of
    every answer; a person added needs a new index (``Actors`` makes one).
    Titles and nationalities are read on their first use, once the document's
    people are complete.
    """

    def __init__(self, people: dict[str, Person]) -> None:
        self._people = people
        self._by_word: dict[str, list[Person]] = defaultdict(list)
        for p in people.values():
            for w in p.words:
                self._by_word[w].append(p)
        self._rank = {id(p): n for n, p in enumerate(people.values())}
        self._by_attr: dict[str, list[Person]] | None = None
        self._by_nation: dict[str, list[Person]] | None = None
        self._sorted: dict[int, tuple[Person, list[int], int, list[int]]] = {}

    def _alive(self, p: Person) -> bool:
        return self._people.get(p.name) is p

    def holding(self, words: frozenset[str] | set[str]) -> list[Person]:
        """The people whose name words include all ``words``, in order."""
        if not words:
            return [p for p in self._people.values()]
        lists = []
        for w in words:
            found = self._by_word.get(w)
            if not found:
                return []
            lists.append(found)
        shortest = min(lists, key=len)
        return [p for p in shortest if words <= p.words and self._alive(p)]

    def _attr_lists(self) -> tuple[dict[str, list[Person]], dict[str, list[Person]]]:
        if self._by_attr is None or self._by_nation is None:
            self._by_attr, self._by_nation = defaultdict(list), defaultdict(list)
            for p in self._people.values():
                for a in p.attrs:
                    self._by_attr[a].append(p)
                for c in p.nations:
                    self._by_nation[c].append(p)
        return self._by_attr, self._by_nation

    def with_attr(self, word: str) -> list[Person]:
        """The people with the title (or other attribute) ``word``, in order."""
        by_attr, _ = self._attr_lists()
        return [p for p in by_attr.get(word, ()) if self._alive(p)]

    def with_any(self, attrs: Iterable[str], nations: Iterable[str]) -> list[Person]:
        """The people having one of ``attrs`` or of ``nations``, in order."""
        by_attr, by_nation = self._attr_lists()
        found: dict[int, Person] = {}
        for a in attrs:
            for p in by_attr.get(a, ()):
                found[id(p)] = p
        for c in nations:
            for p in by_nation.get(c, ()):
                found[id(p)] = p
        ordered = sorted(found.values(), key=lambda p: self._rank.get(id(p), -1))
        return [p for p in ordered if self._alive(p)]

    def positions(self, p: Person) -> list[int]:
        """``p.positions`` sorted (sorted again when mentions were added)."""
        entry = self._sorted.get(id(p))
        if entry is None or entry[0] is not p or entry[1] is not p.positions \
                or entry[2] != len(p.positions):
            entry = (p, p.positions, len(p.positions), sorted(p.positions))
            self._sorted[id(p)] = entry
        return entry[3]

    def last_at_or_before(self, p: Person, pos: int) -> int | None:
        """The latest mention of ``p`` at or before ``pos``, if any."""
        ps = self.positions(p)
        k = bisect_right(ps, pos)
        return ps[k - 1] if k else None

    def last_before(self, p: Person, pos: int) -> int | None:
        """The latest mention of ``p`` before ``pos``, if any."""
        ps = self.positions(p)
        k = bisect_left(ps, pos)
        return ps[k - 1] if k else None


def fullest_of(
    people: Iterable[Person],
    pos: int,
    last_at_or_before: Callable[[Person, int], int | None],
) -> Person | None:
    """Of ``people`` (those holding the words, in order), the one with the
    most name words; the latest mentioned at or before ``pos`` wins ties,
    and one never mentioned by then only when it comes first."""
    best: Person | None = None
    best_key: tuple[int, int] = (-1, -1)
    for p in people:
        last = last_at_or_before(p, pos)
        key = (len(p.words), last if last is not None else -1)
        if (last is not None or best is None) and key > best_key:
            best, best_key = p, key
    return best


class OrgIndex:
    """Organisations by initials and by last word, and which one was named
    most before each position.  Made once the organisations are complete."""

    def __init__(self, orgs: dict[str, list[int]]) -> None:
        self.size = len(orgs)
        self._initials: dict[str, str] = {}
        self._by_last: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        self._no_words: int | None = None  # rank of a name without words ("".split())
        events: list[tuple[int, str]] = []
        for rank, (org, pos) in enumerate(orgs.items()):
            self._initials.setdefault("".join(w[0] for w in org.split() if w[:1].isupper()), org)
            words = org.split()
            if not words:
                if self._no_words is None:
                    self._no_words = rank
            else:
                self._by_last[words[-1].lower()].append((rank, org, min(pos)))
            events.extend((i, org) for i in pos)
        events.sort(key=lambda e: e[0])
        # After the first k mentions (by position): the count and name of
        # the organisation first in (count, name) order, and the highest
        # count among the others.
        self._at = [i for i, _ in events]
        counts: dict[str, int] = dict.fromkeys(orgs, 0)
        top, top_org, second = 0, (max(orgs) if orgs else ""), 0
        self._top = [(top, top_org, second)]
        for _, org in events:
            c = counts[org] = counts[org] + 1
            if org == top_org:
                top = c
            elif (c, org) > (top, top_org):
                second, top, top_org = top, c, org
            else:
                second = max(second, c)
            self._top.append((top, top_org, second))

    def by_initials(self, text: str) -> str | None:
        """The first organisation whose capitalised words' initials are ``text``."""
        return self._initials.get(text)

    def ending_in(self, word: str, before: int) -> str | None:
        """The first organisation whose last word is ``word`` (lower case)
        and that was named before token ``before``.  Raises ``IndexError``
        where the scan did: on reaching a name without words."""
        found: tuple[int, str] | None = None
        for rank, org, first in self._by_last.get(word, ()):
            if first < before:
                found = (rank, org)
                break
        if self._no_words is not None and (found is None or self._no_words < found[0]):
            raise IndexError("an organisation name without words")
        return found[1] if found is not None else None

    def most_named_before(self, i: int) -> tuple[int, str, int]:
        """(count, name) of the organisation first in (mentions before token
        ``i``, name) order, and the highest count among the others."""
        return self._top[bisect_left(self._at, i)]
