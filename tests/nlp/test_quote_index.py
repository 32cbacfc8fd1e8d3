"""The quote step's look-ups answer what the scans they replaced answered.

On one document joined from 30 articles of the shared corpus: the fullest
person holding some name words, the people with a title or nationality, the
organisation with given initials or last word, the one named most so far,
the salient actors near a token and the quotations a clause can touch, found
through the indexes and by going through everything, are the same; and the
accepted quote candidates are the same as comparing each with every accepted
one, on random candidates.  (Not timed: speed is measured in bench/.)
"""
from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import pytest

from desktop.nlp.quotes.actors import Actors, sentence_numbers
from desktop.nlp.quotes.context import Candidate
from desktop.nlp.quotes.descriptions import RECENCY_WINDOW
from desktop.nlp.quotes.extract import OVERLAP, Accepted, Finder, _overlap
from desktop.nlp.quotes.marks import _paragraphs, _single_spans, find_quoted
from desktop.nlp.quotes.orgforms import _find_all
from desktop.nlp.quotes.speakers import Speakers
from desktop.nlp.quotes.tokens import hashes, head_positions, heads_of, positions

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "wikinews_2019.csv"


@pytest.fixture(scope="module")
def joined(nlp):
    with CORPUS.open(newline="", encoding="utf-8") as fh:
        texts = [row["text"] for row in csv.DictReader(fh)][:30]
    doc = nlp("\n".join(texts))
    text = doc.text
    finder = Finder(doc, find_quoted(text), text)
    return doc, finder, Speakers(doc, finder.inside, text=text)


# -- the scans the indexes replaced ------------------------------------------
def fullest_scan(people, words, pos):
    best, best_key = None, (-1, -1)
    for p in people.values():
        if not words <= p.words:
            continue
        before = [i for i in p.positions if i <= pos]
        key = (len(p.words), max(before) if before else -1)
        if (before or best is None) and key > best_key:
            best, best_key = p, key
    return best


def org_initials_scan(orgs, text):
    for org in orgs:
        if "".join(w[0] for w in org.split() if w[:1].isupper()) == text:
            return org
    return None


def org_ending_scan(orgs, word, before):
    for org, pos in orgs.items():
        if org.split()[-1].lower() == word and min(pos) < before:
            return org
    return None


def most_named_scan(orgs, i):
    counts = sorted(((sum(1 for k in pos if k < i), org) for org, pos in orgs.items()), reverse=True)
    if counts and counts[0][0] >= 3 and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]):
        return counts[0][1]
    return None


def accept_scan(accepted, c):
    for i, other in enumerate(accepted):
        if _overlap(c, other) < OVERLAP:
            continue
        if (c.type == "mixed" and other.type == "direct" and c.start <= other.start
                and other.end <= c.end + 1 and (c.end - c.start) > (other.end - other.start)):
            accepted[i] = c
        return
    accepted.append(c)


def content_scan(finder, start, end):
    doc = finder.doc
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    typ = "indirect"
    for q in finder.quoted:
        if s <= q.start < e:
            typ = "mixed"
            if q.end > e and q.end - e <= 3:
                e = q.end
        elif q.start < s < q.end <= e:
            typ = "mixed"
            if s - q.start <= 3:
                s = q.start
    return s, e, typ


# -- the tests ----------------------------------------------------------------
def test_people_found_by_word_as_by_scanning_everyone(joined):
    doc, _, speakers = joined
    actors = speakers.actors
    people = actors.people
    assert len(people) > 100  # the articles do name many people
    queries = {frozenset([w]) for p in people.values() for w in p.words}
    queries |= {p.words for p in people.values()} | {frozenset(["nobody-by-this-name"])}
    spots = sorted({i for p in people.values() for i in p.positions} | {0, len(doc) - 1})
    found = 0
    for words in sorted(queries, key=sorted):
        for pos in spots[:: max(1, len(spots) // 40)]:
            assert actors.fullest(words, pos) is fullest_scan(people, words, pos), (words, pos)
            found += actors.fullest(words, pos) is not None
    assert found > 1000
    index = actors.index
    for p in people.values():
        for pos in (p.positions[0] - 1, p.positions[0], p.positions[-1] + 1):
            before = [i for i in p.positions if i < pos]
            assert index.last_before(p, pos) == (max(before) if before else None)
        for word in p.attrs:
            assert index.with_attr(word) == [q for q in people.values() if word in q.attrs]
        assert index.with_any(p.attrs, p.nations) == [
            q for q in people.values() if q.attrs & p.attrs or q.nations & p.nations
        ]
    # A person dropped after the index was made is no longer found.
    actors = Actors(doc, speakers.text)
    people = actors.people
    gone = max(people.values(), key=lambda p: len(p.positions))
    assert actors.fullest(gone.words, len(doc)) is gone
    del people[gone.name]
    for words in (gone.words, *[frozenset([w]) for w in gone.words]):
        assert actors.fullest(words, len(doc)) is fullest_scan(people, words, len(doc))
        assert actors.fullest(words, len(doc)) is not gone


def test_organisations_found_as_by_scanning_them_all(joined):
    doc, _, speakers = joined
    actors = speakers.actors
    orgs, index = actors.orgs, actors.org_index
    assert len(orgs) > 30
    for tok in doc:
        if tok.text.isupper() and len(tok.text) > 1:
            assert index.by_initials(tok.text) == org_initials_scan(orgs, tok.text)
            if tok.text not in actors.acronyms:  # else the acronym's definition answers
                assert actors.org_for([tok]) == org_initials_scan(orgs, tok.text)
    lasts = {org.split()[-1].lower() for org in orgs}
    spots = range(0, len(doc), 97)
    named = 0
    for i in spots:
        for word in lasts:
            assert index.ending_in(word, i) == org_ending_scan(orgs, word, i)
        top, name, second = index.most_named_before(i)
        indexed = name if top >= 3 and (len(orgs) == 1 or top >= 2 * second) else None
        assert indexed == most_named_scan(orgs, i), i
        named += indexed is not None
    assert named > 0
    # Short forms: a name's mentions found where its first word occurs are
    # the pattern's matches over the whole text.
    text, found = speakers.text, 0
    for org in orgs:
        words = org.split()
        short = r"[\s-]*".join(re.escape(w) for w in words[:-1] or words)
        pattern = re.compile(rf"(?<![\w-]){short}(?![\w-])")
        spans = [m.span() for m in _find_all(pattern, words[0], text)]
        assert spans == [m.span() for m in pattern.finditer(text)], org
        found += len(spans)
    assert found > len(orgs)


def test_salient_actors_near_a_token_as_by_scanning_all(joined):
    doc, _, speakers = joined
    salient = speakers.salient
    assert len(salient) > 200
    for i in range(0, len(doc), 7):
        scan = [s for s in reversed(salient) if s.i < i and i - s.i <= RECENCY_WINDOW]
        assert list(speakers._recent_salient(i)) == scan


def test_clause_content_sees_the_quotations_a_scan_sees(joined):
    doc, finder, _ = joined
    assert len(finder.quoted) > 50
    rng = random.Random(22)
    mixed = 0
    for q in finder.quoted:  # clauses around, inside and across each quotation
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            continue
        for _ in range(4):
            start = max(0, span.start - rng.randint(-2, 12))
            end = min(len(doc), span.end + rng.randint(-2, 12))
            if start < end:
                assert finder._content(start, end) == content_scan(finder, start, end)
                mixed += finder._content(start, end)[2] == "mixed"
    assert mixed > 50


def test_accepted_candidates_as_by_comparing_with_every_one():
    rng = random.Random(22)
    for _ in range(300):
        scan: list[Candidate] = []
        accepted = Accepted()
        for _ in range(rng.randint(1, 60)):
            start = rng.randint(0, 2000)
            c = Candidate(start, start + rng.choice([0, 1, 5, 40, 120, 600]),
                          rng.choice(["direct", "mixed", "indirect"]))
            accept_scan(scan, c)
            accepted.accept(c)
            assert accepted.items == scan


def test_single_quotes_inside_double_ones_left_out_as_by_scanning(joined):
    _, finder, speakers = joined
    text, found = speakers.text, finder.quoted
    singles = [q for ps, pe in _paragraphs(text) for q in _single_spans(text, ps, pe)]
    doubles = [q for q in found if q not in singles]
    kept = [q for q in singles if not any(d.start <= q.start < d.end for d in doubles)]
    assert len(doubles) > 50 and len(kept) < len(singles)  # some singles were inside
    assert sorted(found, key=lambda q: q.start) == found
    assert [q for q in found if q in singles] == sorted(kept, key=lambda q: q.start)


def test_heads_of_conjuncts_as_their_children_say(joined):
    doc, finder, _ = joined
    heads = heads_of(doc, finder.tokens.dep == hashes(["conj"])[0])
    expected = [t.i for t in doc if any(c.dep_ == "conj" for c in t.children)]
    assert len(expected) > 200 and positions(heads) == expected
    assert head_positions(doc).tolist() == [t.head.i for t in doc]


def sentence_ids_scan(doc, text):
    stops = (".", "!", "?")
    starts = {sent.start for sent in doc.sents}
    ids, n, ended = [], 0, False
    for tok in doc:
        if tok.i in starts and tok.i > 0 or ended and text[tok.idx : tok.idx + 1].isupper():
            n += 1
        if tok.text in stops:
            ended = True
        elif not (tok.is_punct or tok.is_space):
            ended = False
        ids.append(n)
    return ids


def test_sentence_numbers_from_arrays_as_from_the_sentences(joined):
    doc, finder, speakers = joined
    spacy_numbers = [n for n, sent in enumerate(doc.sents) for _ in sent]
    assert sentence_numbers(doc) == spacy_numbers
    assert finder.sent == sentence_ids_scan(doc, speakers.text)
    assert finder.sent[-1] > spacy_numbers[-1] > 500  # more sentences than spaCy's
