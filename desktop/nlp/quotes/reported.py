"""Indirect and mixed quotes: reported clauses of speech verbs.

"X said (that) …", "…, X said", "X told Reuters …", "according to X, …",
and labels in quotation marks ("called the days “decisive”").  A clause
holding a quoted fragment is a mixed quote.
"""

from __future__ import annotations

from spacy.tokens import Token

from desktop.nlp.quotes.context import (
    QUESTION_WORDS,
    STOPS,
    Candidate,
    Context,
    according_pobj,
    drop_gloss,
    is_speech_verb,
    words,
)
from desktop.nlp.quotes.lexicon import DEMAND_VERBS, DIRECT_ONLY, NAMING_VERBS, SOURCE_NOUNS


class ReportedFinder(Context):
    """Finds reported clauses around speech verbs and "according to"."""

    def reported(self, verb: Token) -> Candidate | None:
        """X said (that) … / …, X said / X told Reuters … / X warned that …."""
        if self.inside[verb.i] or not is_speech_verb(verb):
            return None
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        if verb.lemma_.lower() in DEMAND_VERBS:
            found = self._demand(verb)
            if found is not None:
                return found
        if verb.lemma_.lower() in DIRECT_ONLY:
            return None
        home = self.para[verb.i]
        home_s = self.sent[verb.i]
        comps = [
            c
            for c in verb.children
            if c.dep_ == "ccomp" and self.para[c.i] == home and self.sent[c.i] == home_s
        ]
        if not comps:
            comps = self._statement_clause(verb)
        if not comps:
            comps = [
                c
                for c in verb.children
                if c.dep_ == "xcomp"
                and c.i > verb.i
                and self.para[c.i] == home
                and self._clause_like(c)
            ]
        subj = self._active_subject(verb)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            return None
        # A clause before the verb across a semicolon is not what it reports.
        comps = [
            c
            for c in comps
            if c.i > verb.i or not any(t.text == ";" for t in self.doc[c.right_edge.i : verb.i])
        ]
        if comps:
            right = [c for c in comps if c.i > verb.i]
            side = right or comps[:1]
            lo = min(c.left_edge.i for c in side)
            if right and not any(
                ch.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for ch in side[0].children
            ):
                # The parse hung the clause's subject on the speech verb ("said
                # the winds were …"): start right after the verb and its object.
                k = verb.i + 1
                while k < lo and (
                    self.doc[k].dep_ in ("dative", "advmod", "punct", "npadvmod")
                    or self.doc[k].head.i != verb.i
                    and self.doc[k].head.dep_ in ("dative", "npadvmod")
                ):
                    k += 1
                lo = min(lo, k)
            toks = list(self.doc[lo : max(c.right_edge.i for c in side) + 1])
            toks = [t for t in toks if self.sent[t.i] == home_s] or toks
            first = toks[0]
            if first.lower_ in QUESTION_WORDS and first.lower_ != "that":
                return None
        elif verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            # "In between, she testified, she was …": the host clause is reported.
            inner = {t.i for t in verb.subtree}
            toks = [t for t in verb.head.subtree if t.i not in inner]
            toks = list(self.doc[toks[0].i : toks[-1].i + 1]) if toks else []
        else:
            toks = self._tail_content(verb, subj)
            if not toks:
                return None
        start, end = self._trim(drop_gloss(toks))
        if start is None or words(self.doc[start:end]) < 3:
            return None
        s, e, typ = self._content(start, end)
        return Candidate(s, e, typ, verb, subj)

    def _statement_clause(self, verb: Token) -> list[Token]:
        """ "said in a statement that …": the clause hangs from the noun."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "through", "via"):
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in SOURCE_NOUNS:
                    return [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                            and self.sent[c.i] == self.sent[verb.i]]
        return []

    def _demand(self, verb: Token) -> Candidate | None:
        """ "called on the government to act", "urged residents to stay home":
        the one asked and what they are asked to do, an indirect quote."""
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if xcomp is None:
            return None
        addressee = None
        for c in verb.children:
            if c.dep_ == "dobj" and verb.lemma_.lower() != "call":
                addressee = c
            elif c.dep_ == "prep" and c.lower_ == "on" and verb.lemma_.lower() == "call":
                addressee = next((p for p in c.children if p.dep_ == "pobj"), None)
        subj = self._active_subject(verb)
        if addressee is None or subj is None or subj.lower_ in ("i", "we", "you"):
            return None
        if addressee.i > xcomp.i or self.sent[xcomp.right_edge.i] != self.sent[verb.i]:
            return None
        start, end = self._trim(list(self.doc[addressee.left_edge.i : xcomp.right_edge.i + 1]))
        if start is None or words(self.doc[start:end]) < 3:
            return None
        s, e, typ = self._content(start, end)
        cue_end = next((c.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"),
                       verb.i)
        return Candidate(s, e, typ, verb, subj, cue_end=cue_end)

    def _tail_content(self, verb: Token, subj: Token) -> list[Token]:
        """ "…, the agency reported on Monday." / "…, reported officials.": the
        clause before the comma is the report, when the parse missed it."""
        doc = self.doc
        if any(c.dep_ in ("dobj", "dative") for c in verb.children if c.i != subj.i):
            return []
        home = self.sent[verb.i]
        opener = min(subj.left_edge.i, verb.i)
        k = opener - 1
        while (
            k > 0
            and (
                doc[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                or doc[k].text == "-"
                or doc[k].dep_ in ("amod", "compound", "npadvmod")
            )
            and doc[k].text != ","
        ):
            k -= 1  # a subject NP the parser split ("the state-run news agency Tanjug")
        if k < 1 or doc[k].text != "," or self.sent[k] != home:
            return []
        j = verb.i + 1
        in_subj = {t.i for t in subj.subtree}
        while j < len(doc) and self.sent[j] == home and doc[j].text not in STOPS:
            finite = doc[j].tag_ in ("VBD", "VBZ", "VBP", "MD", "VB")
            if finite and j not in in_subj or j - verb.i > 8:
                return []  # more than "on Monday" / "in a statement" follows
            j += 1
        first = k - 1
        while first > 0 and self.sent[first - 1] == home:
            first -= 1
        toks = list(doc[first:k])
        if not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in toks):
            return []  # no clause before the comma, just an adverbial
        return toks

    def _clause_like(self, comp: Token) -> bool:
        """A misparsed clausal complement: "said naming X would place …"."""
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return False  # "said to be", "told him to leave"
        return any(t.tag_ in ("MD", "VBD", "VBZ", "VBP") for t in comp.subtree if t.i != comp.i)

    def naming(self, verb: Token) -> Candidate | None:
        """Macron called the coming days “decisive” (a quoted label)."""
        if self.inside[verb.i] or verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ != "VERB":
            return None
        if verb.dep_ in ("acl", "relcl", "amod") and verb.tag_ == "VBN":
            return None  # 'a concept called "game"': a name, not a speaker's label
        right = [
            c
            for c in verb.children
            if c.i > verb.i and c.dep_ not in ("punct", "prt", "cc", "conj", "advcl")
        ]
        if not right or any(c.dep_ == "prt" for c in verb.children):
            return None
        start, stop = right[0].left_edge.i, max(c.right_edge.i for c in right) + 1
        start, end = self._trim(list(self.doc[start:stop]))
        subj = self._active_subject(verb)
        if subj is None and {"dobj", "oprd"} <= {c.dep_ for c in verb.children}:
            subj = self._nearest_subject(verb)  # "X, speaking to a think tank, called Y "Z""
        if start is None or subj is None:
            return None
        s, e, typ = self._content(start, end)
        return Candidate(s, e, "mixed", verb, subj) if typ == "mixed" else None

    def according(self, tok: Token) -> Candidate | None:
        """According to X, … / …, according to X. / Per X, …."""
        if self.inside[tok.i]:
            return None
        if tok.lower_ == "according":
            pobj = according_pobj(tok)
        elif tok.lower_ == "per" and self._sentence_initial(tok):
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and not (pobj.pos_ == "PROPN" or pobj.lemma_ in SOURCE_NOUNS):
                pobj = None
        else:
            return None
        if pobj is None:
            return None
        sent = tok.sent
        lo, hi = tok.i, max(tok.right_edge.i, pobj.right_edge.i)
        doc = self.doc
        comma = next((k for k in range(pobj.i, hi + 1) if doc[k].text == ","), None)
        if comma is not None:
            hi = comma - 1  # the parse may hang the reported clause under the source
        if hi + 2 < len(doc) and doc[hi + 1].text == "," and doc[hi + 2].ent_type_ == "PERSON":
            k = hi + 2  # "According to the mayor, Dee Margo, …"
            while k < len(doc) and doc[k].ent_type_ == "PERSON":
                k += 1
            if k < len(doc) and doc[k].text == ",":
                hi = k
        before = [t for t in self.doc[sent.start : lo]]
        after = [t for t in self.doc[hi + 1 : sent.end]]
        rel = next((t for t in after if not t.is_punct), None)
        if rel is not None and rel.lower_ in ("who", "which", "whose") and words(before) >= 3:
            after = []
        toks = after if words(after) >= words(before) else before
        lead = next((t for t in toks if not t.is_punct), None)
        if toks is after and lead is not None and is_speech_verb(lead):
            return None  # "Witnesses, according to X, said …": the verb has the report
        # A direct quote after a colon is its own quote, not this content.
        cut = [k for k, t in enumerate(toks) if t.text == ":"]
        if cut and toks is after and any(self.inside[t.i] for t in toks[cut[0] :]):
            toks = toks[: cut[0]]
        start, end = self._trim(drop_gloss(toks))
        if start is None or words(self.doc[start:end]) < 3:
            return None
        s, e, typ = self._content(start, end)
        to = tok.i + 1 if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to" else tok.i
        return Candidate(s, e, typ, tok, pobj, cue_end=to)
