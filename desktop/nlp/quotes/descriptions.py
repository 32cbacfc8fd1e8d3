"""Speaker mentions and descriptions: "the German leader" -> Olaf Scholz.

A description resolves to a person whose known titles and nationality fit
it ("German Chancellor Olaf Scholz" for "the German leader"), else to the
person just discussed when nothing contradicts it; "the archive" to the
"Gun Violence Archive" named before; "both officers" to the pair introduced
as "officers A and B".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from desktop.nlp.quotes.actors import Actors, Person, country_key
from desktop.nlp.quotes.lexicon import DEMONYMS, FAMILY_NOUNS, GENERIC_ROLES, ORG_NOUNS, ROLE_NOUNS, ROLE_SYNONYMS

# How far back (in tokens) a pronoun or description looks for its actor.
RECENCY_WINDOW = 250


@dataclass(slots=True)
class Speaker:
    name: str | None
    resolved: bool
    start: int  # character offsets of the mention
    end: int
    kind: str = "name"  # "name" | "pronoun" | "description"
    person: bool = False
    plural: bool = False


@dataclass(slots=True)
class Salient:
    i: int
    speaker: Speaker
    subject: bool
    sent: int = 0
    reported: bool = False  # inside what someone said, not the narrative


class DescriptionResolver:
    """Mixin of ``Speakers``: the description rules."""

    actors: Actors
    salient: list[Salient]
    _groups: list[tuple[int, str, Speaker]]

    # Provided by Speakers.
    def _bare(self, tok: Token) -> Speaker:
        raise NotImplementedError

    def _named(self, tok: Token) -> Speaker:
        raise NotImplementedError

    def _stale(self, s: Salient, tok: Token) -> bool:
        raise NotImplementedError

    def _recent_salient(self, i: int) -> Iterable[Salient]:
        raise NotImplementedError

    def _description(self, tok: Token) -> Speaker | None:
        """ "the German leader" -> the person whose title and nationality fit."""
        # A lowercase role the tagger calls a proper noun ("the bishop") too.
        if tok.lemma_.lower() in FAMILY_NOUNS and tok.tag_ == "NN":
            return self._family(tok)
        if tok.lemma_.lower() not in ROLE_NOUNS or tok.tag_ not in ("NN", "NNP"):
            return self._org_description(tok)
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if not dets or dets[0].lower_ not in ("the", "this") and dets[0].dep_ != "poss":
            return None
        bare = self._bare(tok)
        mods = {
            c.lower_
            for c in tok.subtree
            if c.i < tok.i and c.dep_ in ("amod", "compound", "poss", "nmod")
        }
        nations = {
            country_key(c.text)
            for c in tok.subtree
            if c.i < tok.i and (c.ent_type_ in ("NORP", "GPE") or c.lower_ in DEMONYMS)
        }
        has_of = any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tok.children)
        role = tok.lower_
        strong: list[tuple[int, int, Person]] = []
        index = self.actors.index
        # Only a person with one of the words or nations can score a hit.
        for p in index.with_any(mods, nations):
            last = index.last_before(p, tok.i)
            if last is None:
                continue
            if nations and p.nations and not nations & p.nations:
                continue
            hits = len(mods & p.attrs) + len(nations & p.nations)
            if hits and _role_fits(role, p):
                strong.append((hits, last, p))
        if strong:
            strong.sort(key=lambda s: (s[0], s[1]), reverse=True)
            p = strong[0][2]
            return Speaker(p.name, True, bare.start, bare.end, "description", True)
        if has_of:
            return None
        for s in self._recent_salient(tok.i):
            if self._stale(s, tok):
                continue
            if not s.subject or not s.speaker.person or not s.speaker.resolved or s.speaker.plural:
                continue
            p = self.actors.people.get(s.speaker.name or "")
            if p is None:
                continue
            if nations and p.nations and not nations & p.nations:
                continue
            if not _role_fits(role, p):
                continue
            return Speaker(p.name, True, bare.start, bare.end, "description", True)
        return None

    def _family(self, tok: Token) -> Speaker | None:
        """ "the mother" -> the woman just discussed: the latest named person
        of that gender (never one of unknown gender, never "the mother of …")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None
        role = tok.lemma_.lower()
        gender = FAMILY_NOUNS[role]
        # Only someone the article called so ("his mother, Jane Doe"): the
        # latest woman named is no one's mother by that alone.
        index = self.actors.index
        for p in index.with_attr(role):
            if index.last_before(p, tok.i) is not None \
                    and self.actors.gender_of(p.name) in (gender, None):
                bare = self._bare(tok)
                return Speaker(p.name, True, bare.start, bare.end, "description", True)
        for s in self._recent_salient(tok.i):
            if self._stale(s, tok):
                continue
            sp = s.speaker
            if not sp.person or sp.plural or not sp.resolved or not sp.name:
                continue
            p = self.actors.people.get(sp.name)
            if p is not None and role in p.attrs and self.actors.gender_of(sp.name) == gender:
                bare = self._bare(tok)
                return Speaker(sp.name, True, bare.start, bare.end, "description", True)
        return None

    def _org_description(self, tok: Token) -> Speaker | None:
        """ "the archive" -> the "Gun Violence Archive" named before."""
        if tok.tag_ != "NN" or not any(c.lower_ == "the" for c in tok.children):
            return None
        orgs = self.actors.org_index
        org = orgs.ending_in(tok.lower_, tok.left_edge.i)
        if org is not None:
            bare = self._bare(tok)
            return Speaker(org, True, bare.start, bare.end, "description")
        if tok.lemma_.lower() not in ORG_NOUNS:
            return None
        # "the network", "the industry publication": the organisation just
        # discussed, when the subject before was one.
        for s in self._recent_salient(tok.i):
            if self._stale(s, tok):
                continue
            if not s.subject:
                continue
            sp = s.speaker
            if sp.kind == "name" and not sp.person and not sp.plural and sp.resolved:
                bare = self._bare(tok)
                return Speaker(sp.name, True, bare.start, bare.end, "description")
            break  # the last subject was a person or a group
        # Else the organisation the story is about: named at least three
        # times before, twice as often as any other.
        if orgs.size:
            top, name, second = orgs.most_named_before(tok.i)
            if top >= 3 and (orgs.size == 1 or top >= 2 * second):
                bare = self._bare(tok)
                return Speaker(name, True, bare.start, bare.end, "description")
        return None

    def _note_group(self, tok: Token) -> None:
        """Remember "officers Antoine Quirin and Nicolas Redouane" as "officers"."""
        sp = self._named(tok)
        if not sp.plural or not sp.person:
            return
        nouns = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"]
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            nouns.append(tok.head)
        for n in nouns:
            self._groups.append((tok.i, n.lemma_.lower(), sp))

    def _group_for(self, tok: Token) -> Speaker | None:
        """ "Both officers", "the officers" -> the named pair introduced so."""
        if tok.tag_ != "NNS" or not any(
            c.lower_ in ("the", "both", "these", "those", "two") for c in tok.children
        ):
            return None
        for i, lemma, sp in reversed(self._groups):
            if i < tok.i and lemma == tok.lemma_.lower():
                return Speaker(
                    sp.name, True, tok.left_edge.idx, tok.idx + len(tok), "description", True, True
                )
        return None


def _role_fits(role: str, p: Person) -> bool:
    """ "the foreign minister" fits a "Foreign Secretary", not a "President"."""
    known = p.attrs & ROLE_NOUNS
    if not known or role in GENERIC_ROLES:
        return True
    return bool(({role} | ROLE_SYNONYMS.get(role, set())) & known)
