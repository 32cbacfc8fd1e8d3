"""Tests of quote extraction and speaker resolution (desktop.nlp.quotes).

Each test runs the real model on sentences written for the test, one
construction at a time, and checks the extracted content, type and speaker.
The last tests score the two gold files and guard the accuracy targets.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from desktop.core.evaluate import score_quotes
from desktop.core.model import Entity, Quote
from desktop.nlp.actors import build_actor_result, name_speakers
from desktop.nlp.quotes import extract_quotes
from desktop.nlp.quotes.marks import find_quoted

DATA = Path(__file__).resolve().parent.parent / "data" / "eval"
HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
INTRO = "Mayor Anna Keller visited the bridge on Monday. "


def run(nlp, text: str) -> list[tuple[str, str, str | None, bool]]:
    """(content, type, speaker_name, resolved) of every quote in ``text``."""
    return [
        (text[q.start : q.end], q.type, q.speaker_name, q.resolved)
        for q in extract_quotes(nlp(text))
    ]


def only(nlp, text: str) -> tuple[str, str, str | None, bool]:
    found = run(nlp, text)
    assert len(found) == 1, found
    return found[0]


# -- direct quotes -----------------------------------------------------------


def test_direct_quote_before_the_cue(nlp):
    text = '"We will rebuild the bridge before winter," Mayor Anna Keller said on Tuesday.'
    assert only(nlp, text) == (
        '"We will rebuild the bridge before winter,"',
        "direct",
        "Anna Keller",
        True,
    )


def test_direct_quote_after_the_cue_with_colon(nlp):
    text = INTRO + 'Keller told reporters: "The money is already in the budget."'
    assert only(nlp, text) == (
        '"The money is already in the budget."',
        "direct",
        "Anna Keller",
        True,
    )


def test_inverted_cue_said_name(nlp):
    text = INTRO + '"The repairs are going well and will finish soon," said Keller.'
    content, typ, speaker, _ = only(nlp, text)
    assert (typ, speaker) == ("direct", "Anna Keller")
    assert content.startswith('"The repairs')


def test_interrupted_quote_gives_two_quotes_with_one_speaker(nlp):
    text = INTRO + '"The plan is ready," she said, "and the work starts in May."'
    assert run(nlp, text) == [
        ('"The plan is ready,"', "direct", "Anna Keller", True),
        ('"and the work starts in May."', "direct", "Anna Keller", True),
    ]


def test_unattributed_quote_inherits_the_previous_speaker(nlp):
    text = INTRO + '"We are ready," Keller said. "The crews start tomorrow morning at six."'
    found = run(nlp, text)
    assert [f[2] for f in found] == ["Anna Keller", "Anna Keller"]
    assert found[1][0] == '"The crews start tomorrow morning at six."'


def test_quote_reopened_in_the_next_paragraph_is_one_quote(nlp):
    text = (
        'Engineer Tom Weber spoke at the hearing. Weber said: "The old bridge is unsafe '
        'and must close.\n"We have known it for years and nobody listened."\nThe hearing ended.'
    )
    content, typ, speaker, _ = only(nlp, text)
    assert content == (
        '"The old bridge is unsafe and must close.\n'
        '"We have known it for years and nobody listened."'
    )
    assert (typ, speaker) == ("direct", "Tom Weber")


def test_curly_opening_and_straight_closing_mark(nlp):
    text = '“The bridge will stand for a hundred years," Mayor Anna Keller said.'
    assert only(nlp, text) == (
        '“The bridge will stand for a hundred years,"',
        "direct",
        "Anna Keller",
        True,
    )


def test_guillemets(nlp):
    text = INTRO + "«The bridge is a gift to the whole valley», Keller said."
    content, typ, speaker, _ = only(nlp, text)
    assert content == "«The bridge is a gift to the whole valley»"
    assert speaker == "Anna Keller"


def test_next_sentence_cue_is_not_taken_for_the_previous_quote(nlp):
    text = (
        'The lawyer Paul Grant told the court "My client never saw the money." '
        "Judge Maria Lopez said the trial would resume on Monday."
    )
    found = run(nlp, text)
    assert found[0] == ('"My client never saw the money."', "direct", "Paul Grant", True)
    assert found[1][2] == "Maria Lopez"


# -- mixed and indirect ------------------------------------------------------


def test_mixed_reported_clause_with_quoted_fragment(nlp):
    text = 'Mayor Anna Keller said the council was "fully committed" to the project.'
    assert only(nlp, text) == (
        'the council was "fully committed" to the project',
        "mixed",
        "Anna Keller",
        True,
    )


def test_mixed_quoted_label(nlp):
    text = 'Mayor Anna Keller called the delay "unacceptable."'
    assert only(nlp, text) == ('the delay "unacceptable."', "mixed", "Anna Keller", True)


def test_indirect_with_that(nlp):
    text = INTRO + "Keller announced that the road would close for three weeks."
    assert only(nlp, text) == (
        "that the road would close for three weeks",
        "indirect",
        "Anna Keller",
        True,
    )


def test_indirect_without_that(nlp):
    text = "Mayor Anna Keller said the repairs would cost four million euros."
    assert only(nlp, text) == (
        "the repairs would cost four million euros",
        "indirect",
        "Anna Keller",
        True,
    )


def test_indirect_with_trailing_attribution(nlp):
    text = "The repairs will take three months, Mayor Anna Keller said."
    assert only(nlp, text) == (
        "The repairs will take three months",
        "indirect",
        "Anna Keller",
        True,
    )


def test_according_to(nlp):
    text = "According to the city council, the bridge carries 20,000 cars a day."
    assert only(nlp, text) == (
        "the bridge carries 20,000 cars a day",
        "indirect",
        "city council",
        False,
    )


def test_told_someone(nlp):
    text = "Mayor Anna Keller told Reuters the contract had been signed in March."
    assert only(nlp, text) == (
        "the contract had been signed in March",
        "indirect",
        "Anna Keller",
        True,
    )


def test_organisation_reporting_after_the_clause(nlp):
    text = "Local farmers are worried, the state-run news agency Tanjug reported on Monday."
    content, typ, speaker, _ = only(nlp, text)
    assert (content, typ) == ("Local farmers are worried", "indirect")
    assert speaker is not None and "Tanjug" in speaker


# -- speakers ----------------------------------------------------------------


def test_pronoun_goes_to_the_last_named_subject(nlp):
    text = (
        "Mayor Anna Keller visited the site on Monday. She said the workers had done a great job."
    )
    assert only(nlp, text)[2:] == ("Anna Keller", True)


def test_surname_goes_to_the_full_name(nlp):
    text = "Engineer Tom Weber inspected the bridge. Weber said the cables were rusty."
    assert only(nlp, text)[2:] == ("Tom Weber", True)


def test_description_goes_to_the_titled_person_not_the_other(nlp):
    text = (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris. "
        "The German leader said that the talks had been productive."
    )
    assert only(nlp, text)[2:] == ("Olaf Scholz", True)


def test_unresolvable_description_stays_bare(nlp):
    text = "U.S. officials warned that the storm could reach the coast by Friday."
    assert only(nlp, text)[1:] == ("indirect", "U.S. officials", False)


def test_first_person_speaker_is_not_a_name(nlp):
    text = '"I think the bridge is beautiful and very strong," I said.'
    found = run(nlp, text)
    assert [f[1:] for f in found] == [("direct", None, False)]


def test_plural_description_goes_to_the_pair_introduced_with_it(nlp):
    text = (
        "The city hired officers Tom Baker and Ann Lee last year. "
        "Both officers said the budget was far too small for the job."
    )
    assert only(nlp, text)[2:] == ("Tom Baker and Ann Lee", True)


def test_statement_goes_to_whoever_released_it(nlp):
    text = (
        "The Green Party criticised the plan on Monday. They released a statement which said, "
        '"This plan will destroy the river and everything that lives in it."'
    )
    assert only(nlp, text)[1:3] == ("direct", "Green Party")


def test_passive_label_goes_to_the_agent(nlp):
    text = (
        "Mayor Anna Keller opened the bridge. "
        'The bridge was described by Keller as "a gift to the valley" in her speech.'
    )
    assert only(nlp, text)[1:3] == ("mixed", "Anna Keller")


def test_according_to_inside_a_said_clause_leaves_the_report_to_said(nlp):
    text = "Witnesses, according to the local newspaper, said a man approached the crowd."
    assert only(nlp, text) == ("a man approached the crowd", "indirect", "Witnesses", False)


def test_office_words_before_a_name_are_not_the_name(nlp):
    text = "Regional Railway Manager Aparna Garg told reporters the line would reopen in May."
    assert only(nlp, text)[2:] == ("Aparna Garg", True)


# -- what is not a quote -----------------------------------------------------


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = (
        'The film "The Long Road Home" opened in cinemas. The so-called "reform" '
        'was criticised, and a "temporary" truce held.'
    )
    assert run(nlp, text) == []


def test_name_after_called_is_not_a_quote(nlp):
    text = 'The virus was commonly called "swine flu." Farmers lost their pigs.'
    assert run(nlp, text) == []


# -- robustness --------------------------------------------------------------


@pytest.mark.parametrize("text", ["", '“““ "" « »', '"\n"\n"', "' ‘ ’ '", "said said said."])
def test_odd_input_does_not_raise(nlp, text):
    assert isinstance(extract_quotes(nlp(text)), list)


def test_a_failing_finder_does_not_stop_the_others(nlp, monkeypatch):
    from desktop.nlp.quotes.reported import ReportedFinder

    def boom(self, tok):
        raise RuntimeError("odd passage")

    monkeypatch.setattr(ReportedFinder, "according", boom)
    text = (
        '"We will rebuild the bridge before winter," Mayor Anna Keller said on Tuesday. '
        "According to the council, the bridge carries 20,000 cars a day. "
        "Keller said the repairs would cost four million euros."
    )
    found = run(nlp, text)
    assert [f[1] for f in found] == ["direct", "indirect"]
    assert all(f[2] == "Anna Keller" for f in found)


def test_unclosed_quote_runs_to_paragraph_end_and_rest_is_analysed(nlp):
    text = (
        '"This unclosed quote runs on for quite a few words in its paragraph\n'
        "Mayor Anna Keller said the repairs would cost four million euros."
    )
    found = run(nlp, text)
    assert found[0][0] == '"This unclosed quote runs on for quite a few words in its paragraph'
    assert found[-1] == (
        "the repairs would cost four million euros",
        "indirect",
        "Anna Keller",
        True,
    )


def test_quote_marks_scanner_handles_apostrophes():
    text = "It’s the officers’ view, he said, that ‘the bridge is safe’ now."
    spans = [text[q.start : q.end] for q in find_quoted(text)]
    assert spans == ["‘the bridge is safe’"]


def test_quotes_are_model_objects_with_offsets_into_the_text(nlp):
    text = '"We will rebuild the bridge before winter," Mayor Anna Keller said on Tuesday.'
    (q,) = extract_quotes(nlp(text))
    assert isinstance(q, Quote)
    assert text[q.cue.start : q.cue.end] == "said"
    assert text[q.speaker_mention.start : q.speaker_mention.end] == "Anna Keller"
    assert q.origin == "model"


# -- gold standards ----------------------------------------------------------


def _score(nlp, *gold_names: str):
    """Scored as ``byline evaluate quotes`` scores: speakers named as their
    actors are."""
    records = [
        json.loads(line)
        for gold_name in gold_names
        for line in (DATA / gold_name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    preds = {}
    for rec in records:
        text = HEADER.sub("", (DATA / "texts" / rec["file"]).read_text(encoding="utf-8"))
        doc = nlp(text)
        quotes = extract_quotes(doc)
        entities = [Entity(e.start_char, e.end_char, e.label_) for e in doc.ents]
        quotes = name_speakers(quotes, build_actor_result(text, entities, quotes))
        preds[rec["id"]] = [
            {"text": text[q.start : q.end], "speaker": {"name": q.speaker_name}}
            for q in quotes
        ]
    return score_quotes(records, preds)


def test_sample_article_meets_targets(nlp):
    score = _score(nlp, "quotes-gold.jsonl")
    assert score.quote_f1 >= 0.95
    assert score.speaker_accuracy >= 0.95


def test_wikinews_dev_set_meets_targets(nlp):
    # The first 14 articles and the 6 added in round 2 (issue 19).  Measured
    # 0.971 / 0.97 and 0.976 / 1.0; together 0.972 / 0.977 (169 of 173).
    score = _score(nlp, "wikinews-dev-gold.jsonl", "wikinews-dev2-gold.jsonl")
    assert score.quote_f1 >= 0.95
    assert score.speaker_accuracy >= 0.97


def test_finding_quotes_leaves_the_cycle_collector_as_it_was(nlp):
    import gc

    doc = nlp('"The bridge reopens on Monday," the mayor said.')
    assert gc.isenabled()
    assert [q.type for q in extract_quotes(doc)] == ["direct"]
    assert gc.isenabled()
    gc.disable()
    try:
        assert [q.type for q in extract_quotes(doc)] == ["direct"]
        assert not gc.isenabled()
    finally:
        gc.enable()
