"""The per-document arrays the quote finders read instead of visiting every
token: they must say what the tokens say."""
from __future__ import annotations

from spacy.symbols import PROPN

from desktop.nlp.quotes.context import sentence_ids
from desktop.nlp.quotes.marks import find_quoted
from desktop.nlp.quotes.syntax import paragraph_ids
from desktop.nlp.quotes.tokens import IOB_BEGIN, TokenTable, any_of, hashes, positions

TEXT = (
    "German Chancellor Olaf Scholz arrived in Moscow on Tuesday.\n\n"
    "“We want peace,” he told reporters. ‘Fine,’ said Mr. Putin.\n"
    "According to the Kremlin, the talks lasted six hours."
)


def test_table_matches_the_tokens(nlp):
    doc = nlp(TEXT)
    table = TokenTable(doc)
    assert table.idx.tolist() == [t.idx for t in doc]
    assert positions(table.pos == PROPN) == [t.i for t in doc if t.pos_ == "PROPN"]
    assert positions(any_of(table.lower, hashes(["he", "according"]))) == [
        t.i for t in doc if t.lower_ in ("he", "according")
    ]
    assert positions(any_of(table.dep, hashes(["nsubj"]))) == [t.i for t in doc if t.dep_ == "nsubj"]
    persons = [t.i for t in doc if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    found = (table.ent_type == hashes(["PERSON"])[0]) & (table.ent_iob == IOB_BEGIN)
    assert persons and positions(found) == persons
    assert TokenTable(nlp("")).lower.tolist() == []


def test_paragraphs_and_sentences_follow_the_text(nlp):
    doc = nlp(TEXT)
    assert paragraph_ids(doc, TEXT) == [TEXT.count("\n", 0, t.idx) for t in doc]
    ids = sentence_ids(doc)
    said = next(t for t in doc if t.text == "said")
    told = next(t for t in doc if t.text == "told")
    assert ids[0] == 0 and ids[told.i] < ids[said.i] < ids[len(doc) - 1]
    assert ids == sorted(ids)


def test_marks_are_found_whatever_lies_between(nlp):
    spans = [TEXT[q.start:q.end] for q in find_quoted(TEXT)]
    assert spans == ["“We want peace,”", "‘Fine,’"]
