"""Library-wide queries on a library of shared-corpus articles."""
from __future__ import annotations

import pytest

from desktop.core.corpus import QuoteFilter, Scope, SegmentFilter
from desktop.store.corpus_quotes import count_quotes, find_quotes, quote_choices
from desktop.store.corpus_segments import cell_segments, code_matrix, find_segments
from desktop.store.models import db
from tests.corpus_library import COUNT

pytestmark = pytest.mark.usefixtures("corpus_library")


def test_all_quotes_match_the_articles_quotes():
    quotes = find_quotes()
    stored = db.execute_sql("SELECT COUNT(*) FROM article_quote").fetchone()[0]
    assert len(quotes) == count_quotes() == stored > 50
    q = next(q for q in quotes if q.speaker)
    text = db.execute_sql("SELECT text FROM article WHERE id = ?", (q.article_id,)).fetchone()[0]
    assert text[q.start:q.end] == q.content
    assert {q.type for q in quotes} <= {"direct", "mixed", "indirect"}
    persons = [q for q in quotes if q.actor_type == "person"]
    assert persons and all(q.gender in ("female", "male", "unknown") for q in persons)
    assert all(q.gender == "" for q in quotes if q.actor_type != "person")


def test_quote_filters_keep_only_what_they_say():
    top = quote_choices()["speaker"][0]
    by_speaker = find_quotes(QuoteFilter(speaker=top))
    assert by_speaker and {q.speaker for q in by_speaker} == {top}
    direct = find_quotes(QuoteFilter(quote_type="direct", actor_type="person"))
    assert direct and all(q.type == "direct" and q.actor_type == "person" for q in direct)
    male = count_quotes(QuoteFilter(gender="male"))
    female = count_quotes(QuoteFilter(gender="female"))
    unknown = count_quotes(QuoteFilter(gender="unknown"))
    assert male + female + unknown == count_quotes(QuoteFilter(actor_type="person"))
    said = find_quotes(QuoteFilter(cue="said"))
    assert said and all(q.cue.lower() == "said" for q in said)
    word = by_speaker[0].content.split()[-1].strip('".,')
    assert all(word.lower() in (q.content + q.shown_speaker + q.cue).lower()
               for q in find_quotes(QuoteFilter(search=word)))
    page = find_quotes(QuoteFilter(), offset=5, limit=10, sort="speaker")
    assert page == find_quotes(QuoteFilter(), sort="speaker")[5:15]


def test_a_gender_rule_shows_in_the_quotes_at_once():
    from desktop.store.actors import GENDER, ActorRule, replace_actor_rules

    person = next(q for q in find_quotes(QuoteFilter(actor_type="person")))
    replace_actor_rules([], [ActorRule(GENDER, person.speaker, "nonbinary")])
    mine = find_quotes(QuoteFilter(speaker=person.speaker))
    assert {q.gender for q in mine} == {"nonbinary"}
    assert count_quotes(QuoteFilter(gender="nonbinary")) == len(mine)


def test_scope_by_search_and_source():
    all_ids = {q.article_id for q in find_quotes()}
    scoped = find_quotes(QuoteFilter(Scope(search="police")))
    hits = {r[0] for r in db.execute_sql(
        "SELECT id FROM article WHERE text LIKE '%police%' OR title LIKE '%police%'")}
    assert scoped and {q.article_id for q in scoped} <= hits and {q.article_id for q in scoped} < all_ids
    one = next(iter(all_ids))
    assert {q.article_id for q in find_quotes(QuoteFilter(Scope(article_ids=(one,))))} == {one}


def test_retrieved_segments_any_all_and_coder():
    claims = find_segments(SegmentFilter(tags=("Claim",)))
    evidence = find_segments(SegmentFilter(tags=("Evidence",)))
    both = find_segments(SegmentFilter(tags=("Evidence", "Claim"), match_all=True))
    either = find_segments(SegmentFilter(tags=("Evidence", "Conflict")))
    assert len(claims) == COUNT + len(evidence)  # one opening per article, plus the quotes
    assert {s.annotation_id for s in both} == {s.annotation_id for s in evidence}
    conflict = find_segments(SegmentFilter(tags=("Conflict",)))
    assert len(conflict) == (COUNT + 2) // 3
    assert len(either) == len(evidence) + len(conflict)
    assert {s.coder for s in find_segments(SegmentFilter(coders=("ben",)))} == {"ben"}
    s = conflict[0]
    assert s.note == "check" and s.before and not s.after and len(s.text) == 40


def test_code_matrix_counts_and_cells():
    by_article = code_matrix("article")
    assert by_article.tags[:2] == ["Claim", "Evidence"] or by_article.tags[0] == "Claim"
    assert sum(by_article.count("Claim", c) for c in by_article.columns) == len(
        find_segments(SegmentFilter(tags=("Claim",))))
    column = by_article.columns[0]
    cell = cell_segments(by_article, "Claim", column)
    assert len(cell) == by_article.count("Claim", column)
    assert all(str(s.article_id) == column and "Claim" in s.tags for s in cell)
    by_month = code_matrix("month")
    assert all(len(c) == 7 or c == "(no date)" for c in by_month.columns)
    assert sum(by_month.count("Conflict", c) for c in by_month.columns) == (COUNT + 2) // 3
    by_source = code_matrix("source")
    assert by_source.largest >= 1 and by_source.rows()[0][0] == by_source.tags[0]
