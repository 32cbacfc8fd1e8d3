"""Resolve the words naming a speaker to the actor they stand for.

Names go to the fullest form the article gives, pronouns to the most recent
compatible subject, descriptions ("the German leader") to the person whose
title and nationality fit, else to the person just discussed.  Anything that
cannot be resolved keeps its bare description with ``resolved=False``: a
wrong name is worse than none.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from desktop.nlp.quotes.actors import Actors, is_title, name_words, sentence_numbers
from desktop.nlp.quotes.descriptions import RECENCY_WINDOW, DescriptionResolver, Salient, Speaker
from desktop.nlp.quotes.introduced import named_next
from desktop.nlp.quotes.lexicon import (
    PAIR_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
)
from desktop.nlp.quotes.numbered import is_numbered, number_sign, number_tail
from desktop.nlp.quotes.syntax import SUBJECT_DEPS, subject_of
from desktop.nlp.quotes.tokens import (
    IOB_BEGIN,
    TokenTable,
    any_of,
    hashes,
    head_positions,
    heads_of,
    positions,
)

# Dependency labels of the tokens ``Speakers._note`` may remember.
_SUBJECTS = hashes(SUBJECT_DEPS)
_POBJ, _TO, _ACCORDING = hashes(("pobj", "to", "according"))
_PERSON = hashes(("PERSON",))[0]
_CONJ = hashes(("conj",))[0]


class Speakers(DescriptionResolver):
    """Resolves speaker mentions of one document, remembering who was discussed."""

    def __init__(
        self,
        doc: Doc,
        inside_quote: list[bool],
        reported: list[bool] | None = None,
        text: str | None = None,
        tokens: TokenTable | None = None,
    ) -> None:
        self.doc = doc
        # Doc.text rebuilds the string from the tokens on every access.
        self.text = doc.text if text is None else text
        tokens = TokenTable(doc) if tokens is None else tokens
        self._sent = sentence_numbers(doc)
        self.actors = Actors(doc, self.text, tokens, self._sent)
        self._inside = inside_quote
        self._cache: dict[int, Speaker | None] = {}
        self._ent_of = self.actors.ent_of
        reported = reported or inside_quote
        self._groups: list[tuple[int, str, Speaker]] = []  # "officers A and B"
        self.salient: list[Salient] = []
        self._salient_at: list[int] = []  # their token positions (in order: noted so)
        self._in_order = True
        # Only proper nouns heading a "conj", subjects, objects of "according
        # to" and the first words of PERSON entities can be noted (see ``_note``).
        heads = head_positions(doc)
        noted = (
            ((tokens.pos == PROPN) & heads_of(doc, tokens.dep == _CONJ, heads))
            | any_of(tokens.dep, _SUBJECTS)
            | (
                (tokens.dep == _POBJ)
                & (tokens.lower[heads] == _TO)
                & (tokens.lower[heads[heads]] == _ACCORDING)
            )
            | ((tokens.ent_type == _PERSON) & (tokens.ent_iob == IOB_BEGIN))
        )
        for i in positions(noted):
            if inside_quote[i]:
                continue
            try:
                self._note(doc[i], reported)
            except Exception:  # noqa: BLE001 - a bad parse of one token must not stop the rest
                continue

    def _note(self, tok: Token, reported: list[bool]) -> None:
        """Remember the actor a subject (or source) names, for later pronouns."""
        if tok.pos_ == "PROPN" and any(c.dep_ == "conj" for c in tok.children):
            self._note_group(tok)
        source = (
            tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
        )
        if (
            tok.dep_ in SUBJECT_DEPS
            or source
            or (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B")
        ):
            sp = self.resolve(tok)
            if sp is not None and sp.name:
                noted = Salient(
                    tok.i, sp, tok.dep_ in SUBJECT_DEPS or source, self._sent[tok.i], reported[tok.i]
                )
                self._in_order = self._in_order and (
                    not self._salient_at or self._salient_at[-1] <= tok.i
                )
                self._salient_at.append(tok.i)
                self.salient.append(noted)

    def _recent_salient(self, i: int) -> Iterable[Salient]:
        """The salient actors before token ``i`` within ``RECENCY_WINDOW``,
        latest first (found by bisecting instead of going through all)."""
        if not self._in_order:
            return [s for s in reversed(self.salient) if s.i < i and i - s.i <= RECENCY_WINDOW]
        at = self._salient_at
        lo, hi = bisect_left(at, i - RECENCY_WINDOW), bisect_left(at, i)
        return reversed(self.salient[lo:hi])

    def _stale(self, s: Salient, tok: Token) -> bool:
        """Subjects inside reported content only count within their sentence."""
        return s.reported and s.sent != self._sent[tok.i]

    # -- entry point ------------------------------------------------------
    def resolve(self, tok: Token) -> Speaker | None:
        if tok.i not in self._cache:
            self._cache[tok.i] = None  # guards against cycles
            self._cache[tok.i] = self._resolve(tok, 0)
        return self._cache[tok.i]

    def _resolve(self, tok: Token, depth: int) -> Speaker | None:
        if depth > 4:
            return None
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self._resolve(tok.head.head, depth + 1)
        if low in RELATIVE_PRONOUNS and tok.i > 0:  # "police, who said …" misparsed
            k = tok.i - 1
            while k > 0 and self.doc[k].is_punct:
                k -= 1
            if self.doc[k].pos_ in ("NOUN", "PROPN"):
                return self._resolve(self.doc[k], depth + 1)
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        sign = number_sign(self.doc, tok)
        if sign is not None:  # "Executive Order No. 13769 says": the parse may pick "." or the number
            return self._named(sign)
        if (
            tok.pos_ == "PROPN"
            and tok.text[:1].isupper()
            or (tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
                and (tok.pos_ != "NOUN" or tok.text.isupper()))  # "UNICEF" tagged NOUN
        ):
            return self._named(tok)
        if tok.pos_ in ("NOUN", "ADJ", "NUM", "PROPN"):  # PROPN here: lower-case, mis-tagged
            return self._noun(tok, depth)
        return None

    # -- names ----------------------------------------------------------------
    def _name_tokens(self, tok: Token) -> list[Token]:
        """The proper-noun chain around ``tok`` (its entity when it has one)."""
        ent = self._ent_of.get(tok.i)
        toks = list(ent) if ent is not None else [tok]
        # Unlabelled first names before a labelled surname: "Sadiq [Khan]".
        i = toks[0].i - 1
        while (
            i >= 0
            and self.doc[i].pos_ == "PROPN"
            and self.doc[i].dep_ in ("compound", "flat")
            and self.doc[i].ent_type_ in ("", toks[-1].ent_type_)
            and not is_title(self.doc[i])
        ):
            toks.insert(0, self.doc[i])
            i -= 1
        return toks + number_tail(self.doc, toks)

    def _named_single(self, tok: Token) -> Speaker:
        toks = self._name_tokens(tok)
        person = self.actors.person_for(toks, tok.i)
        name = (
            person.name
            if person
            else " ".join(self.text[toks[0].idx : toks[-1].idx + len(toks[-1])].split())
        )
        return Speaker(name, True, toks[0].idx, toks[-1].idx + len(toks[-1]), "name", True)

    def _named(self, tok: Token) -> Speaker:
        if is_title(tok) or tok.lower_ in ROLE_NOUNS:
            # "The Senate Minority Leader, Chuck Schumer, said": the name is the apposition.
            for ch in tok.children:
                if ch.dep_ == "appos" and ch.pos_ == "PROPN":
                    return self._named(ch)
            named = self._comma_appos(tok) or self._title_holder(tok)
            if named is not None:
                return named
        toks = self._name_tokens(tok)
        conj = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if any(c.dep_ == "conj" and c.pos_ == "NOUN" for c in tok.children):
            # "X and his counterparts, A, B and C": the names in apposition.
            for c in [tok, *[c for c in tok.children if c.dep_ == "conj"]]:
                conj.extend(a for a in c.children if a.dep_ == "appos" and a.pos_ == "PROPN")
        own = {t.i for t in toks}  # "Institute of … Control and Research" is one name
        conj = [c for c in conj if c.i not in own]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        person = self.actors.person_for(toks, tok.i)
        if is_numbered(toks):
            # A numbered law or order is named whole: "Presidential Decree No. 1081".
            i = toks[0].i - 1
            while i >= 0 and self.doc[i].text[:1].isupper() and self.doc[i].pos_ in ("PROPN", "ADJ"):
                i -= 1
            start = self.doc[i + 1].idx
            name, is_person = " ".join(self.text[start:end].split()), False
        elif person is not None:
            name, is_person = person.name, True
        else:
            org = self.actors.org_for(name_words(toks))
            name = org or self.actors.display(toks)
            # An unlabelled proper name ("Quirin", which NER missed) is most
            # often a person: organisations and places get labels.  So is a
            # mislabelled one that gendered pronouns refer back to.
            is_person = org is None and (
                tok.ent_type_ in ("", "PERSON") or self.actors.gender_of(name) is not None
            )
        if conj:
            others: list[Speaker] = []
            todo, seen = list(conj), set()
            while todo and len(others) < 8:
                c = todo.pop(0)
                if c.i in seen or c.i in own:
                    continue
                seen.add(c.i)
                others.append(self._named_single(c))
                # "A, B and C": each conjunct hangs from the one before.
                todo.extend(cc for cc in c.children if cc.dep_ == "conj" and cc.pos_ == "PROPN")
            names = [name, *[o.name or "" for o in others]]
            name = ", ".join(names[:-1]) + " and " + names[-1]
            end = max(end, *[o.end for o in others])
            return Speaker(name, True, start, end, "name", is_person, plural=True)
        return Speaker(name, True, start, end, "name", is_person)

    # -- common nouns -----------------------------------------------------------
    def _noun(self, tok: Token, depth: int) -> Speaker | None:
        for ch in tok.children:
            if ch.dep_ == "appos" and ch.pos_ == "PROPN":
                return self._named(ch)
        for ch in tok.children:  # "a protester using the pseudonym Katya"
            if ch.dep_ in ("acl", "relcl"):
                for w in ch.subtree:
                    if w.pos_ == "PROPN" and w.head.lower_ in (
                        "pseudonym",
                        "name",
                        "named",
                        "called",
                    ):
                        return self._named(w)
        # "state-run BelTA news agency", "the Meduza news site": the name
        # before the description is the speaker.
        # (Not "a Twitter post by X": a document's source is who wrote it.)
        for ch in tok.children:
            if (ch.dep_ == "compound" and ch.i < tok.i and ch.pos_ == "PROPN"
                    and tok.lemma_ not in SOURCE_NOUNS
                    and ch.ent_type_ in ("ORG", "PERSON") and not self._inside[ch.i]):
                return self._named(ch)
        if tok.lemma_ in SOURCE_NOUNS:
            src = self._source_of(tok)
            if src is not None:
                sp = self._resolve(src, depth + 1)
                if sp is not None:
                    return sp
        named = self._comma_appos(tok) or self._group_for(tok)
        if named is not None:
            return named
        desc = self._description(tok) or self._introduced(tok)
        if desc is not None:
            return desc
        if tok.lemma_ in PERSON_NOUNS | ROLE_NOUNS and any(
            c.dep_ == "det" and c.lower_ in ("this", "these") for c in tok.children
        ):
            back = self._recent(tok, plural=tok.tag_ == "NNS")
            if back is not None:
                return back
        if (tok.tag_ == "NNS" and tok.lemma_ in PAIR_NOUNS
                and any(c.dep_ == "det" and c.lower_ in ("the", "both") for c in tok.children)):
            # "the defendants" after "A and B were charged": the named people.
            back = self._recent(tok, plural=True)
            if back is not None and back.resolved and back.person:
                return back
            # Else the last named group of people ("officers A and B").
            for i, _, sp in reversed(self._groups):
                if i < tok.i and tok.i - i <= RECENCY_WINDOW:
                    return Speaker(sp.name, True, tok.left_edge.idx, tok.idx + len(tok),
                                   "description", True, True)
        return self._bare(tok)

    def _introduced(self, tok: Token) -> Speaker | None:
        """An "a/an <role>" whom the next sentence names (see introduced.py),
        when that name was not mentioned before."""
        ent = named_next(self.doc, tok, self.text, self._ent_of)
        if ent is None:
            return None
        person = self.actors.person_for(list(ent), ent.start)
        if person is None or any(i < tok.i for i in person.positions):
            return None
        bare = self._bare(tok)
        return Speaker(person.name, True, bare.start, bare.end, "description", True)

    def _title_holder(self, tok: Token) -> Speaker | None:
        """ "US Ambassador to Germany Richard Grenell": the parser made the
        title the subject and the person the object of "to"."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.i > tok.i and prep.lower_ in ("to", "of", "for"):
                for p in prep.children:
                    if p.dep_ == "pobj" and p.ent_type_ == "PERSON" and not self._inside[p.i]:
                        return self._named(p)
        return None

    def _comma_appos(self, tok: Token) -> Speaker | None:
        """ "the El Paso mayor, Dee Margo, …" when the parse misses the apposition."""
        j = tok.right_edge.i + 1
        doc = self.doc
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].ent_type_ == "PERSON":
            k = j + 1
            while k < len(doc) and doc[k].ent_type_ == "PERSON":
                k += 1
            if k >= len(doc) or doc[k].is_punct:
                return self._named(doc[k - 1])
        return None

    def _recent(self, tok: Token, plural: bool) -> Speaker | None:
        """The latest subject before ``tok``: "this person" refers back to it."""
        for s in self._recent_salient(tok.i):
            if s.subject and s.speaker.plural == plural and not self._stale(s, tok):
                if s.speaker.kind != "pronoun" or s.speaker.resolved:
                    sp = s.speaker
                    return Speaker(
                        sp.name,
                        sp.resolved,
                        tok.left_edge.idx,
                        tok.idx + len(tok),
                        "description",
                        sp.person,
                        sp.plural,
                    )
        return None

    def _source_of(self, tok: Token) -> Token | None:
        """ "a report from X", "a post by X", "the decree signed by X"."""
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("by", "from", "of"):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        return p
            if ch.dep_ == "acl":
                for a in ch.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                return p
        for ch in tok.children:  # "Boseman's official Twitter account", "their statement"
            if ch.dep_ == "poss" and (
                ch.pos_ == "PROPN" or ch.lower_ in ("his", "her", "their", "its")
            ):
                return ch
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":  # "They released a statement"
            return subject_of(tok.head, self._inside)
        if tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
            # "according to a tweet on Monday by X": the parser hung "by X" higher.
            for ch in tok.head.head.head.children:
                if ch.dep_ in ("prep", "agent") and ch.lower_ == "by" and ch.i > tok.i:
                    return next((p for p in ch.children if p.dep_ == "pobj"), None)
        return None

    def _bare(self, tok: Token) -> Speaker:
        """The description as written, minus determiners and clauses."""
        toks = [t for t in self.doc[tok.left_edge.i : tok.i + 1]]
        for k in range(len(toks) - 1, 0, -1):  # never reach into another paragraph
            if "\n" in self.text[toks[k - 1].idx : toks[k].idx]:
                toks = toks[k:]
                break
        while toks and (toks[0].dep_ in ("det", "predet") or toks[0].is_punct or toks[0].is_space):
            toks.pop(0)
        right = tok.i
        for ch in tok.children:
            if (
                ch.dep_ == "prep"
                and ch.i > tok.i
                and ch.lower_ in ("of", "for", "from", "at", "in")
            ):
                right = max(right, ch.right_edge.i)
        toks = toks + list(self.doc[tok.i + 1 : right + 1])
        toks = toks or [tok]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        name = " ".join(self.text[start:end].split())
        plural = tok.tag_ in ("NNS", "NNPS")
        person = tok.lemma_ in ROLE_NOUNS or tok.lemma_ in PERSON_NOUNS or tok.lower_ in ("one",)
        return Speaker(name, False, start, end, "description", person, plural)

    # -- pronouns ---------------------------------------------------------------
    def _pronoun(self, tok: Token) -> Speaker | None:
        low = {"their": "they", "its": "it"}.get(tok.lower_, tok.lower_)
        g = PERSON_PRONOUNS.get(low)
        span = (tok.idx, tok.idx + len(tok))
        if g is None and low not in PLURAL_PRONOUNS and low != "it":
            # "I", "we", "you": the interviewer's or the quote's own voice.
            return Speaker(None, False, *span, "pronoun")
        if self._inside[tok.i]:
            return Speaker(None, False, *span, "pronoun")
        for s in self._recent_salient(tok.i):
            if not s.subject or self._stale(s, tok):
                continue
            sp = s.speaker
            if sp.kind == "pronoun" and not sp.resolved:
                continue
            if g is not None:
                if not sp.person or sp.plural:
                    continue
                other = self.actors.gender_of(sp.name or "")
                if other is not None and other != g:
                    continue
            elif low in PLURAL_PRONOUNS:
                # People in the plural, or a named organisation ("the SDF … they").
                if not (
                    sp.plural
                    and (sp.person or sp.kind == "name")
                    or sp.kind == "name"
                    and not sp.person
                ):
                    continue
            elif sp.person or sp.plural:
                continue
            return Speaker(sp.name, sp.resolved, *span, "pronoun", sp.person, sp.plural)
        return Speaker(None, False, *span, "pronoun")  # a pronoun is no description
