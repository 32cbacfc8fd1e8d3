"""Direct quotes: text in quotation marks and the cue that attributes it.

A quotation is a direct quote when it stands as a clause of its own (after a
colon, comma or speech verb, or as whole sentences) and a cue sits next to
it ("…," he said; he told reporters: "…"; "…" said Bash), or when it follows
such a quote (it then inherits the speaker).  Short quoted bits and titles
inside a sentence are left to the mixed-quote finder or ignored.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from desktop.nlp.quotes.context import (
    MIN_DIRECT_WORDS,
    QUOTE_CHARS,
    STOPS,
    WINDOW,
    Candidate,
    Context,
    according_pobj,
    as_clause,
    breaks,
    is_quote_tok,
    is_speech_verb,
    relative,
    words,
)
from desktop.nlp.quotes.lexicon import NAMING_VERBS
from desktop.nlp.quotes.marks import Quoted


class DirectFinder(Context):
    """Finds the cue and speaker of each quotation."""

    def direct(self, k: int) -> Candidate | None:
        q, sp = self.quoted[k], self._spans[k]
        if sp is None or len(sp) == 0:
            return None
        inner = [t for t in sp if not is_quote_tok(t)]
        n = words(inner)
        if n == 0:
            return None
        after = self._cue_after(sp)
        before = self._cue_before(sp)
        standalone = self._starts_clause(sp) and self._ends_clause(sp, q)
        first = next((t for t in inner if t.is_alpha), None)
        capital = first is not None and first.text[:1].isupper()
        long_sentence = n >= 8 and capital
        real_cue = any(
            c is not None and c.lemma_.lower() not in NAMING_VERBS for c in (after, before)
        )
        if n < MIN_DIRECT_WORDS and not real_cue:
            return None
        if self._title_like(inner) or n < 6 and self._named_thing(sp):
            return None
        if not (standalone or after or before or long_sentence):
            return None  # an embedded fragment: part of a mixed quote at most
        if not capital and not self._starts_clause(sp):
            return None  # 'called on people to "not forget …"': a fragment too
        if (
            not standalone
            and not long_sentence
            and n < MIN_DIRECT_WORDS + 2
            and not capital
            and not self._adjacent_cue(sp)
        ):
            return None
        cue, subj = None, None
        for cand in (after, before):
            found = self._speaker_of(cand, after=cand is after) if cand is not None else None
            if found is not None:
                cue, subj = cand, found
                break
        if cue is None:
            colon = self._colon_cue(sp) or self._according_after(sp)
            if colon is not None:
                cue, subj = colon
        if cue is None:
            cue = after or before
        return Candidate(q.start, q.end, "direct", cue, subj, inherit=subj is None)

    def _speaker_of(self, verb: Token, after: bool) -> Token | None:
        """The subject of a cue verb; after a quotation also "said Bash"."""
        subj = self._subject(verb)
        if subj is not None or not after or verb.tag_ == "VBG":
            return subj
        doc = self.doc
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 8)]:
            if t.text in STOPS or is_quote_tok(t):
                break
            if t.ent_type_ == "PERSON" and not self.inside[t.i]:
                k = t.i
                while (
                    k + 1 < len(doc)
                    and doc[k + 1].ent_type_ == "PERSON"
                    and doc[k + 1].ent_iob_ == "I"
                ):
                    k += 1
                return doc[k]
        for ch in verb.children:
            if (
                ch.i > verb.i
                and ch.dep_ in ("dobj", "attr", "npadvmod", "appos", "dative")
                and ch.pos_ in ("PROPN", "NOUN")
            ):
                return ch
        return None

    def _starts_clause(self, sp: SpacySpan) -> bool:
        i = sp.start - 1
        if i < 0 or breaks(self.text, self.doc[i].idx, sp.start_char):
            return True
        prev = self.doc[i]
        return (
            prev.text in (":", ",", "—", "–", "-", "(")
            or prev.text in STOPS
            or is_speech_verb(prev)
            # '"We stand ready" tweeted Johnson "to provide …"': the rest of
            # an interrupted quote, after "said X".
            or (prev.pos_ in ("PROPN", "NOUN") and prev.head.i < prev.i
                and is_speech_verb(prev.head) and prev.head.i >= i - 4)
        )

    def _ends_clause(self, sp: SpacySpan, q: Quoted) -> bool:
        body = self.text[q.start : q.end].rstrip(QUOTE_CHARS + " ")
        if body[-1:] in ".,!?:;…]" or not q.closed:
            return True
        j = sp.end
        if j >= len(self.doc) or breaks(self.text, sp.end_char, self.doc[j].idx):
            return True
        return self.doc[j].text in (".", ",", "!", "?", ";", ":", "—", "–", "-", ")")

    def _named_thing(self, sp: SpacySpan) -> bool:
        """ "known as the "Radio Control Law"", "called "swine flu"": a name, not a quote."""
        prev = [t for t in self.doc[max(0, sp.start - 3) : sp.start] if not t.is_punct]
        return any(
            t.lemma_.lower() in NAMING_VERBS or t.lower_ in ("as", "titled", "entitled")
            for t in prev[-2:]
        )

    def _title_like(self, inner: list[Token]) -> bool:
        """ "The Lord of the Rings": most words capitalised and no sentence end."""
        alpha = [t for t in inner if t.is_alpha and len(t) > 3]
        if not alpha or len(inner) > 10:
            return False
        caps = sum(1 for t in alpha if t.text[0].isupper())
        return caps == len(alpha) and not any(t.text in ".!?," for t in inner)

    def _adjacent_cue(self, sp: SpacySpan) -> bool:
        i = sp.start - 1
        while i >= 0 and self.doc[i].is_punct:
            i -= 1
        return i >= 0 and is_speech_verb(self.doc[i])

    def _cue_after(self, sp: SpacySpan) -> Token | None:
        """ "…," he said / said Bash / the Russian president said, in remarks."""
        doc = self.doc
        body = self.text[sp.start_char : sp.end_char].rstrip(QUOTE_CHARS + " ")
        end = min(len(doc), sp.end + WINDOW)
        for j in range(sp.end, end):
            t = doc[j]
            if is_quote_tok(t) or t.text in STOPS or "\n" in t.text:
                return None
            if breaks(self.text, doc[j - 1].idx, t.idx):
                return None
            if (
                j == sp.end
                and body[-1:] in ".!?"
                and t.is_alpha
                and t.text[:1].isupper()
                and not is_speech_verb(t)
                and (body[-1:] == "." or t.pos_ == "PRON")
            ):
                return None  # a new sentence starts after the quotation
            if is_speech_verb(t) and not self.inside[j]:
                subj = self._subject(t)
                allowed = {w.i for w in subj.subtree} if subj is not None else set()
                ok = all(b in allowed or doc[b].pos_ not in ("VERB",) for b in range(sp.end, j))
                if ok and body[-1:] in ".!?" and self._introduces_next(t):
                    return None  # 'X said, "…"' belongs to the next quotation
                return t if ok else None
        return None

    def _introduces_next(self, verb: Token) -> bool:
        k = verb.i + 1
        doc = self.doc
        while (
            k < len(doc)
            and k < verb.i + 6
            and not is_quote_tok(doc[k])
            and doc[k].text not in STOPS
        ):
            k += 1
        return k < len(doc) and is_quote_tok(doc[k]) and self.inside[k]

    def _cue_before(self, sp: SpacySpan) -> Token | None:
        """he said: "…" / X told reporters "…" / X said, "…"."""
        doc = self.doc
        start = max(0, sp.start - 3 * WINDOW)
        skip: set[int] = set()  # parentheticals: "— which the BBC noted —"
        for i in range(sp.start - 1, start - 1, -1):
            t = doc[i]
            if sp.start - i - len(skip) > WINDOW:
                return None
            if is_quote_tok(t) or t.text in STOPS or "\n" in t.text:
                return None
            if i + 1 < len(doc) and breaks(self.text, t.idx, doc[i + 1].idx):
                return None
            if i in skip or self.inside[i]:
                continue
            if (
                t.pos_ in ("VERB", "AUX")
                and (t.dep_ == "relcl" or as_clause(t) or relative(t))
                and t.right_edge.i < sp.start
            ):
                skip.update(w.i for w in t.subtree)
                continue
            if is_speech_verb(t):
                between = [b for b in doc[i + 1 : sp.start] if b.i not in skip]
                if any(
                    b.pos_ in ("VERB", "AUX") or b.dep_ == "mark" or b.lower_ == "that"
                    for b in between
                ):
                    return None
                return t
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "acl"):
                return None
        return None

    def _according_after(self, sp: SpacySpan) -> tuple[Token, Token] | None:
        """ '"…," according to a tweet by X.': the source after the quote."""
        j = sp.end
        while j < len(self.doc) and (self.doc[j].is_punct or is_quote_tok(self.doc[j])) \
                and self.doc[j].text not in (".", "!", "?"):
            j += 1
        if j < len(self.doc) and self.doc[j].lower_ == "according" and not self.inside[j]:
            pobj = according_pobj(self.doc[j])
            if pobj is not None:
                return self.doc[j], pobj
        return None

    def _colon_cue(self, sp: SpacySpan) -> tuple[Token, Token] | None:
        """ "According to X, …: "…"" / "X said in a statement: "…"" / "X, who cited …: "…"."""
        i = sp.start - 1
        if i < 0 or self.doc[i].text != ":":
            return None
        toks = [t for t in self.doc[self.doc[i].sent.start : i] if not self.inside[t.i]]
        for t in toks:
            if t.lower_ == "according":
                pobj = according_pobj(t)
                if pobj is not None:
                    return t, pobj
        for strict in (True, False):
            for t in reversed(toks):
                if t.pos_ not in ("VERB", "AUX") or strict and not is_speech_verb(t):
                    continue
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                if subj is None and t.dep_ == "relcl":
                    subj = t.head
                if subj is not None and (strict or subj.pos_ == "PROPN" or t.dep_ == "relcl"):
                    return t, subj
        return None
