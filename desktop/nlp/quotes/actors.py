"""Who is who in one article: the named actors, their titles and genders.

Built once per document from the NER and the parse, then used to resolve
surnames, pronouns and descriptions to the fullest name the article gives.
The small model mislabels names (a surname as GPE, a city as PERSON), so a
name counts as a person when a PERSON entity anywhere in the article holds
all of its words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from desktop.nlp.actors.acronyms import acronym_of
from desktop.nlp.quotes.index import OrgIndex, PeopleIndex, fullest_of
from desktop.nlp.quotes.lexicon import DEMONYMS, PERSON_NOUNS, PERSON_PRONOUNS, ROLE_NOUNS, TITLES
from desktop.nlp.quotes.orgforms import add_short_forms
from desktop.nlp.quotes.tokens import TokenTable, any_of, hashes, positions, sentence_starts

HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "mme": "f",
    "mme.": "f",
    "sir": "m",
    "lady": "f",
}

# The words ``Actors._genders`` counts, and the one dependency it follows.
_GENDER_WORDS = hashes([*PERSON_PRONOUNS, *HONORIFICS])
_NSUBJ = hashes(("nsubj",))[0]
_PERSON = hashes(("PERSON",))[0]

# "(ACRONYM)" right after a name defines it.
_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,9})\s*\)")

# Honorifics that are part of how people are named ("Pope Francis").
KEEP_TITLES = frozenset("pope queen king prince princess sheikh saint".split())


def is_title(tok: Token) -> bool:
    return tok.lower_ in TITLES and tok.lower_ not in KEEP_TITLES


def name_words(tokens: list[Token]) -> list[Token]:
    """Drop leading titles, possessive endings and punctuation from a name."""
    toks = [t for t in tokens if t.tag_ != "POS" and t.text not in ("'s", "’s") and not t.is_punct]
    i = 0
    while i < len(toks) - 1 and (
        is_title(toks[i])
        or toks[i].tag_ in ("JJ", "DT")
        or _occupation(toks[i])
        or toks[i].ent_type_ in ("NORP", "GPE")
        and toks[i].ent_type_ != toks[-1].ent_type_
    ):
        i += 1
    # "Mysore Divisional Railway Manager Aparna Garg": everything up to the
    # last title word describes the office, not the name.
    for j in range(len(toks) - 2, i - 1, -1):
        if is_title(toks[j]) or _occupation(toks[j]):
            rest = toks[j + 1 :]
            if all(t.ent_type_ == "PERSON" for t in rest):  # not "Ministry of Foreign Affairs"
                return rest
            break
    return toks[i:]


def _occupation(tok: Token) -> bool:
    """ "Actor", "Broadcaster" before a name: a job, not part of the name."""
    low = tok.lower_
    if low in KEEP_TITLES:
        return False
    return (
        low in ROLE_NOUNS
        or low in PERSON_NOUNS
        or (
            len(low) > 5
            and low.endswith(
                (
                    "caster",
                    "ist",
                    "ologist",
                    "writer",
                    "maker",
                    "actor",
                    "player",
                    "singer",
                    "officer",
                    "spokesman",
                )
            )
        )
    )


def country_key(word: str) -> str:
    """Normalise a country or demonym: "German"/"Germany" -> "germ"."""
    w = word.lower().rstrip(".")
    if w in DEMONYMS:
        return DEMONYMS[w].rstrip(".")[:5]
    return w[:5] if len(w) > 4 else w


@dataclass(slots=True)
class Person:
    name: str
    words: frozenset[str]
    positions: list[int] = field(default_factory=list)  # token indices
    attrs: set[str] = field(default_factory=set)  # title/nationality words
    nations: set[str] = field(default_factory=set)


def sentence_numbers(doc: Doc) -> list[int]:
    """The number of spaCy's sentence of every token."""
    starts = sentence_starts(doc)
    if starts is not None:
        return (np.cumsum(starts) - 1).tolist()
    sent_of = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = n
    return sent_of


class Actors:
    """Named people and organisations of one document."""

    def __init__(
        self,
        doc: Doc,
        text: str | None = None,
        tokens: TokenTable | None = None,
        sentences: list[int] | None = None,
        ents: tuple[Span, ...] | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on each access
        self._tokens = TokenTable(doc) if tokens is None else tokens
        self._sent_of = sentence_numbers(doc) if sentences is None else sentences
        self.people: dict[str, Person] = {}
        self.orgs: dict[str, list[int]] = {}
        self.acronyms: dict[str, str] = {}  # acronym -> the name it was defined for
        # Doc.ents makes a new Span per entity on every access: once is enough.
        self.ents = doc.ents if ents is None else ents
        self.ent_of = {i: e for e in self.ents for i in range(e.start, e.end)}
        self._places = {e.text for e in self.ents if e.label_ in ("GPE", "NORP", "LOC")}
        self.gender: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
        self._index: PeopleIndex | None = None
        self._org_index: OrgIndex | None = None
        self._collect()

    # -- building -------------------------------------------------------
    def _collect(self) -> None:
        for ent in self.ents:
            label = ent.label_
            if label not in ("PERSON", "ORG") and (label not in ("GPE", "NORP") or len(ent) < 2):
                # A date, number, place…, or a one-word country or people:
                # neither a person nor an organisation below.
                continue
            toks = self.clean(list(ent)) if label == "PERSON" else name_words(list(ent))
            if not toks:
                continue
            # A name of several words the model took for an organisation or
            # place is a person's when titled ("Mayor X Y") or coordinated
            # with a person ("Antoine Quirin and Nicolas Redouane").
            titled = label != "PERSON" and len(toks) > 1 and self._titled(ent)
            if (label == "PERSON" or titled) and all(
                t.is_alpha or t.text in ".-" or "-" in t.text for t in toks
            ):
                p = self._add_person(toks)
                p.positions.append(ent.start)
                self._attrs_for(p, ent)
            elif label == "ORG":
                name = " ".join(t.text for t in toks)
                self.orgs.setdefault(name, []).append(ent.start)
                # "the United Nations Children's Fund (UNICEF)"
                after = self.text[ent.end_char:ent.end_char + 14]
                m = _DEFINED.match(after)
                if m and " " in name and acronym_of(m.group(1), name):
                    full = " ".join(self.text[toks[0].idx:toks[-1].idx + len(toks[-1])].split())
                    self.acronyms.setdefault(m.group(1), full)
        add_short_forms(self.doc, self.text, self.orgs)
        # A one-word "person" the model labels a place or organisation more
        # often ("Kyiv") is not one.
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for ent in self.ents:
            if len(ent) == 1:
                labels[ent.text][ent.label_] += 1
        for name in list(self.people):
            votes = labels.get(name)
            if (
                votes
                and " " not in name
                and votes["PERSON"] < sum(votes.values()) - votes["PERSON"]
            ):
                del self.people[name]
        # A single-word "person" that is part of a fuller name merges into it.
        for name in list(self.people):
            p = self.people[name]
            full = self.fullest(p.words, p.positions[0] if p.positions else 0)
            if full is not None and full is not p and len(p.words) < len(full.words):
                full.positions.extend(p.positions)
                full.attrs |= p.attrs
                full.nations |= p.nations
                del self.people[name]
        self._genders()

    def _titled(self, ent: Span) -> bool:
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        titled = before is not None and (
            is_title(before)
            or before.lemma_.lower() in ROLE_NOUNS
            or before.lemma_.lower() in PERSON_NOUNS
        )
        return titled or any(
            c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in ent.root.children
        )

    def _add_person(self, toks: list[Token]) -> Person:
        name = " ".join(self.text[toks[0].idx : toks[-1].idx + len(toks[-1])].split())
        if name not in self.people:
            self.people[name] = Person(name, frozenset(t.lower_ for t in toks))
            self._index = None
        return self.people[name]

    def _attrs_for(self, p: Person, ent) -> None:
        """Titles and nationality around a name: "German Chancellor Olaf Scholz"."""
        words: list[Token] = [
            t
            for t in ent
            if is_title(t)
            or t.ent_type_ in ("NORP", "GPE")
            and t.ent_iob_
            and t not in name_words(list(ent))
        ]
        i = ent.start - 1
        while i >= 0 and i >= ent.start - 5:
            t = self.doc[i]
            if t.tag_ == "POS":
                i -= 1
                continue
            if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.dep_ in (
                "compound",
                "amod",
                "poss",
                "nmod",
            ):
                words.append(t)
                i -= 1
                continue
            break
        root = ent.root
        for ch in root.children:
            if ch.dep_ == "appos":
                words.extend(ch.subtree)
        if root.dep_ == "appos":
            words.extend(
                w for w in root.head.subtree if w.i < ent.start and w.i >= root.head.left_edge.i
            )
        text = self.text
        for w in words:
            lo, hi = sorted((w.idx, ent.start_char))
            if "\n" in text[lo:hi]:
                continue  # the parser linked across paragraphs
            if w.is_alpha or w.text.endswith("."):
                p.attrs.add(w.lower_)
                if w.ent_type_ in ("NORP", "GPE") or w.lower_ in DEMONYMS:
                    p.nations.add(country_key(w.text))

    def _genders(self) -> None:
        """Vote a gender per person from pronouns in the sentence of a mention
        or the next one (before another person is named)."""
        starts = {e.start: e for e in self.ents if e.label_ == "PERSON"}
        sent_of = self._sent_of
        last: str | None = None
        last_sent = -9
        ent_of = self.ent_of
        # Other tokens change nothing below: only PERSON entities' first
        # tokens, proper-noun subjects not tagged PERSON, pronouns and
        # honorifics are looked at.
        tokens = self._tokens
        looked_at = (
            (tokens.dep == _NSUBJ) & (tokens.pos == PROPN) & (tokens.ent_type != _PERSON)
        ) | any_of(tokens.lower, _GENDER_WORDS)
        looked_at[list(starts)] = True
        for i in positions(looked_at):
            tok = self.doc[i]
            if tok.i in starts:
                found = self.person_for(list(starts[tok.i]), tok.i)
                last, last_sent = (found.name if found else None), sent_of[tok.i]
            elif (
                tok.dep_ == "nsubj"
                and tok.head.dep_ == "ROOT"
                and tok.pos_ == "PROPN"
                and tok.ent_type_ != "PERSON"
            ):
                # A main-clause subject the NER missed or mislabelled ("La Riva")
                # votes too.
                ent = ent_of.get(tok.i)
                toks = list(ent) if ent is not None else [tok]
                found = self.person_for(toks, tok.i)
                last, last_sent = (found.name if found else self.display(toks)), sent_of[tok.i]
            g = PERSON_PRONOUNS.get(tok.lower_)
            if g and last and sent_of[tok.i] - last_sent <= 1:
                self.gender[last][g] += 1
            if tok.i + 1 < len(self.doc) and tok.lower_ in HONORIFICS:
                nxt = self.person_for([tok.nbor()], tok.i)
                if nxt:
                    self.gender[nxt.name][HONORIFICS[tok.lower_]] += 3

    # -- queries --------------------------------------------------------
    def clean(self, toks: list[Token]) -> list[Token]:
        """``name_words``, also dropping a place the model swallowed into a
        person's name ("[India Narendra Modi]" after "Prime Minister of")."""
        toks = name_words(toks)
        while len(toks) > 2 and toks[0].text in self._places:
            toks = toks[1:]
        return toks

    def display(self, toks: list[Token]) -> str:
        """A name as written, without titles: "President Joe Biden" -> "Joe Biden"."""
        person = toks[-1].ent_type_ == "PERSON"  # "Syrian Democratic Forces" keeps "Syrian"
        shown = (self.clean(toks) if person else name_words(toks)) or toks
        return " ".join(self.text[shown[0].idx : shown[-1].idx + len(shown[-1])].split())

    def fullest(self, words: frozenset[str] | set[str], pos: int) -> Person | None:
        """The fullest known name holding all ``words``; the latest before ``pos`` wins ties."""
        index = self.index
        return fullest_of(index.holding(words), pos, index.last_at_or_before)

    @property
    def index(self) -> PeopleIndex:
        """The people by name word, title and nationality (made again after
        a person was added)."""
        if self._index is None:
            self._index = PeopleIndex(self.people)
        return self._index

    @property
    def org_index(self) -> OrgIndex:
        """The organisations by initials and last word, made on first use."""
        if self._org_index is None or self._org_index.size != len(self.orgs):
            self._org_index = OrgIndex(self.orgs)
        return self._org_index

    def person_for(self, tokens: list[Token], pos: int) -> Person | None:
        toks = self.clean(tokens)
        words = frozenset(t.lower_ for t in toks if t.is_alpha or t.text.endswith("."))
        if not words:
            return None
        return self.fullest(words, pos)

    def org_for(self, tokens: list[Token]) -> str | None:
        """An organisation's full name from an acronym or a part of it."""
        text = " ".join(t.text for t in tokens)
        if text in self.acronyms:
            return self.acronyms[text]
        if len(tokens) == 1 and text.isupper() and len(text) > 1:
            return self.org_index.by_initials(text)
        return None

    def gender_of(self, name: str) -> str | None:
        votes = self.gender.get(name)
        if not votes or votes["m"] == votes["f"]:
            return None
        return "m" if votes["m"] > votes["f"] else "f"
