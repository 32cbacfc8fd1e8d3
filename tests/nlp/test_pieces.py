"""Long texts analysed in pieces: the same analysis as one parse of the
whole text, a text over spaCy's ``max_length`` analysed all the same, and
one text the pipeline fails on not stopping the others."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.nlp.pieces import cut_points, pieces

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "wikinews_2019.csv"


def _joined(chars: int) -> str:
    """Wikinews articles of the shared corpus joined one per line, as the
    benchmark's big document is made, until ``chars`` characters."""
    from desktop.formats.csv_corpus import article_from_record

    csv.field_size_limit(1 << 30)
    parts, total = [], 0
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            article = article_from_record(record)
            if article is None:
                continue
            if total >= chars:
                break
            parts.append(article.text)
            total += len(article.text) + 1
    return "\n".join(parts)


def test_pieces_give_back_the_text_cut_after_paragraph_breaks():
    text = _joined(60_000)
    parts = pieces(text, size=5_000)
    assert "".join(parts) == text
    assert len(parts) > 10
    for part in parts[:-1]:
        assert part.endswith("\n") or part[-1].isspace() and "\n" in part[-3:]
        assert len(part) <= 50_000
    for start in cut_points(text, size=5_000)[1:]:
        assert text[start - 1].isspace() and not text[start].isspace()


def test_a_paragraph_longer_than_a_piece_is_cut_at_a_space_within_the_limit():
    text = "word " * 3_000  # 15,000 characters without a line break
    starts = cut_points(text, size=1_000, limit=4_000)
    ends = starts[1:] + [len(text)]
    assert all(b - a <= 4_000 for a, b in zip(starts, ends, strict=True))
    assert all(text[s - 1] == " " for s in starts[1:])
    assert "".join(pieces(text, size=1_000, limit=4_000)) == text


def _actors(text, analysis):
    from desktop.nlp.actors import build_actor_result

    result = build_actor_result(text, analysis.entities, analysis.quotes)
    return {(a.name, a.type, tuple(a.aliases), tuple((m.start, m.end, m.kind) for m in a.mentions),
             a.quote_count) for a in result.actors}


def _near(start: int, end: int, cuts: list[int], reach: int = 100) -> bool:
    return any(start - reach <= cut <= end + reach for cut in cuts[1:])


def test_a_long_joined_document_is_analysed_as_one_parse_of_it(nlp):
    """Today's analysis (one ``nlp(text)``, quotes over that Doc) against the
    analysis in pieces.  Differences are allowed only where a piece ends and
    the next begins (within 100 characters): there one parse of the whole
    text may carry the end of a paragraph into the next one ("Monday,
    January 7, 2019\n\nUnited States" as one DATE) or miss the first name
    of a paragraph ("Rudaw", PERSON) that the piece starting with it finds.
    Elsewhere every entity and quote is the same, and the actors differ only
    by those entities' mentions."""
    from desktop.nlp.pieces import LONG_TEXT
    from desktop.nlp.pipeline import analyze_doc, analyze_text

    text = _joined(120_000)
    assert len(text) > LONG_TEXT
    whole = analyze_doc(nlp(text))
    in_pieces = analyze_text(nlp, text)
    cuts = cut_points(text)
    assert len(cuts) > 30

    ents_whole = {(e.start, e.end, e.label) for e in whole.entities}
    ents_pieces = {(e.start, e.end, e.label) for e in in_pieces.entities}
    differ = ents_whole ^ ents_pieces
    assert len(ents_whole) > 2_000
    assert all(_near(start, end, cuts) for start, end, _ in differ), differ
    assert len(differ) <= len(ents_whole) // 200

    quotes_whole, quotes_pieces = set(map(repr, whole.quotes)), set(map(repr, in_pieces.quotes))
    assert len(whole.quotes) > 250
    for q in whole.quotes + in_pieces.quotes:
        if repr(q) not in quotes_whole & quotes_pieces:
            # by its words, its cue or its speaker (the whole-text parse's
            # speaker for one below is "Saturday, February 2, 2019 The Center
            # for Biological Diversity", one DATE across a paragraph break)
            spans = [(q.start, q.end)] + [(s.start, s.end) for s in (q.cue, q.speaker_mention) if s]
            assert any(_near(a, b, cuts) for a, b in spans), q
    assert len(quotes_whole ^ quotes_pieces) <= len(whole.quotes) // 40  # 3 of 288 changed here

    moved = {start for start, _, _ in differ}
    actors_whole, actors_pieces = _actors(text, whole), _actors(text, in_pieces)
    assert len(actors_whole) > 600
    for actor in actors_whole ^ actors_pieces:
        assert any(m[0] in moved for m in actor[3]), actor


def test_a_text_over_max_length_is_analysed_in_pieces(nlp, monkeypatch):
    from desktop.nlp.pipeline import analyze_text

    text = _joined(12_000)
    monkeypatch.setattr(nlp, "max_length", 5_000)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    analysis = analyze_text(nlp, text)
    assert max(e.end for e in analysis.entities) > len(text) - 500
    assert all(text[e.start:e.end].strip() for e in analysis.entities)
    assert analysis.quotes


def test_the_text_the_pipeline_fails_on_does_not_stop_the_others(nlp):
    from spacy.language import Language

    from desktop.nlp.pipeline import analyze_texts

    if not Language.has_factory("test_fails_on_marker"):
        @Language.component("test_fails_on_marker")
        def fails_on_marker(doc):
            if "MARKER" in doc.text:
                raise RuntimeError("a component's bug")
            return doc

    texts = [_joined(3_000), "Angela Merkel met MARKER in Berlin.", "Emmanuel Macron spoke in Paris."]
    alone = [list(analyze_texts(nlp, [t]))[0] for t in (texts[0], texts[2])]
    nlp.add_pipe("test_fails_on_marker")
    try:
        got = list(analyze_texts(nlp, texts, batch_size=4))
    finally:
        nlp.remove_pipe("test_fails_on_marker")
    assert got[1] is None
    assert [got[0], got[2]] == alone
    assert {(e.label, texts[2][e.start:e.end]) for e in got[2].entities} >= {("PERSON", "Emmanuel Macron")}
