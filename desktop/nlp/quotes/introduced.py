"""A description that the next sentence names: "an influential separatist
commander … urged Russia to send reinforcements. Alexander Khodakovsky said
the separatists had 30,000 fighters" -> Alexander Khodakovsky.

News introduces a new person with a description; a full name that opens
the next sentence with no description of its own, and speaks there, is the
person just described.  Only then: an indefinite role ("a/an commander"),
in the same paragraph, and the name not mentioned before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from desktop.nlp.quotes.lexicon import PERSON_NOUNS, ROLE_NOUNS, SPEECH_VERBS


def named_next(doc: Doc, tok: Token, text: str, ent_of: dict[int, Span]) -> Span | None:
    """The PERSON entity that opens the sentence after ``tok``'s and is the
    bare subject of a speech verb there, when ``tok`` is "a/an <role>".

    ``text`` is ``doc.text`` and ``ent_of`` the entity of each token index,
    made once by the caller: ``Doc.text`` and ``Span.ents`` go through the
    whole document on every access, which made a long text quadratic."""
    if tok.tag_ != "NN" or tok.lemma_.lower() not in ROLE_NOUNS | PERSON_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return None
    end = tok.sent.end
    if end >= len(doc) or "\n" in text[tok.idx : doc[end].idx]:
        return None
    nxt = doc[end].sent
    ent = ent_of.get(nxt.start)
    if ent is None or ent.start != nxt.start or ent.end > nxt.end or ent.label_ != "PERSON" or len(ent) < 2:
        return None
    root = ent.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("appos", "acl", "relcl") for c in root.children) or doc[ent.end].text == ",":
        return None  # "Jane Doe, a spokeswoman, said": described in place
    return ent
