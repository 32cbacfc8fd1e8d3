"""Tests of the quote scoring rules (desktop.core.evaluate) on hand-made data."""

from __future__ import annotations

import pytest

from desktop.core.evaluate import contained, dice, format_report, score_quotes, words


def gold(*quotes: dict, id: str = "a") -> dict:
    return {"id": id, "file": f"{id}.txt", "quotes": list(quotes)}


def g(
    content: str,
    speaker: str = "Olaf Scholz",
    aliases: tuple[str, ...] = ("Scholz",),
    type: str = "direct",
    optional: bool = False,
) -> dict:
    return {
        "content": content,
        "speaker": speaker,
        "speaker_aliases": list(aliases),
        "cue": "said",
        "type": type,
        "optional": optional,
    }


def p(text: str, name: str | None = "Olaf Scholz") -> dict:
    return {"text": text, "speaker": {"name": name}}


def test_words_and_dice():
    assert words("“It’s NATO,” he said.") == ["it", "s", "nato", "he", "said"]
    assert dice(["a", "b"], ["a", "b"]) == 1.0
    assert dice(["a", "b", "c", "d"], ["a", "b"]) == pytest.approx(2 * 2 / 6)
    assert dice([], ["a"]) == 0.0
    assert contained(["a", "a"], ["a", "b"]) == 0.5


def test_exact_match_with_right_speaker():
    s = score_quotes(
        [gold(g("the bridge will open soon"))], {"a": [p("the bridge will open soon")]}
    )
    assert (s.quote_precision, s.quote_recall, s.quote_f1, s.speaker_accuracy, s.end_to_end_f1) == (
        1.0,
        1.0,
        1.0,
        1.0,
        1.0,
    )


def test_dice_threshold_half():
    gq = g("one two three four")
    assert score_quotes([gold(gq)], {"a": [p("one two x y")]}).quote_f1 == 1.0  # dice 0.5
    assert score_quotes([gold(gq)], {"a": [p("one x y z")]}).quote_f1 == 0.0  # dice 0.25


def test_speaker_alias_words_must_all_be_in_the_name():
    gq = g("the bridge will open soon", speaker="Vladimir Putin", aliases=("Putin",))
    assert (
        score_quotes([gold(gq)], {"a": [p("the bridge will open soon", "Putin")]}).speaker_accuracy
        == 1.0
    )
    assert (
        score_quotes(
            [gold(gq)], {"a": [p("the bridge will open soon", "the Russian president")]}
        ).speaker_accuracy
        == 0.0
    )
    assert (
        score_quotes([gold(gq)], {"a": [p("the bridge will open soon", None)]}).speaker_accuracy
        == 0.0
    )


def test_wrong_speaker_lowers_end_to_end_only():
    s = score_quotes(
        [gold(g("the bridge will open soon"))], {"a": [p("the bridge will open soon", "he")]}
    )
    assert s.quote_f1 == 1.0
    assert s.speaker_accuracy == 0.0
    assert s.end_to_end_f1 == 0.0
    assert s.details[0].wrong_speaker == [("Olaf Scholz", "he")]


def test_one_to_one_best_pairs_first():
    g1, g2 = g("alpha beta gamma delta"), g("alpha beta epsilon zeta")
    s = score_quotes([gold(g1, g2)], {"a": [p("alpha beta gamma delta")]})
    assert (s.details[0].tp, s.details[0].fn, s.details[0].fp) == (1, 1, 0)
    assert s.details[0].missed == ["alpha beta epsilon zeta"]


def test_mixed_gold_matches_its_quoted_fragment():
    gq = g(
        "his country was absolutely united with the United States and other allies", type="mixed"
    )
    s = score_quotes([gold(gq)], {"a": [p("absolutely united")]})
    assert s.details[0].tp == 1
    direct = dict(gq, type="direct")
    assert score_quotes([gold(direct)], {"a": [p("absolutely united")]}).details[0].tp == 0


def test_fragment_of_a_matched_gold_is_neither_right_nor_wrong():
    gq = g("one two three four five six seven eight nine ten")
    preds = [p("one two three four five six seven eight"), p("nine ten")]
    d = score_quotes([gold(gq)], {"a": preds}).details[0]
    assert (d.tp, d.fp, d.fn) == (1, 0, 0)


def test_unmatched_prediction_is_spurious():
    d = score_quotes(
        [gold(g("one two three"))], {"a": [p("one two three"), p("nothing alike here")]}
    ).details[0]
    assert (d.tp, d.fp) == (1, 1)
    assert d.spurious == ["nothing alike here"]


def test_optional_gold_is_neither_missed_nor_false_positive():
    opt = g("the council demanded more money", optional=True)
    s = score_quotes(
        [gold(g("one two three"), opt)],
        {"a": [p("one two three"), p("the council demanded more money")]},
    )
    d = s.details[0]
    assert (d.gold, d.tp, d.fp, d.fn) == (1, 1, 0, 0)
    s2 = score_quotes([gold(g("one two three"), opt)], {"a": [p("one two three")]})
    assert s2.details[0].fn == 0


def test_missing_article_counts_all_gold_as_missed():
    s = score_quotes(
        [gold(g("one two three")), gold(g("four five six"), id="b")], {"a": [p("one two three")]}
    )
    assert s.articles == 2
    assert (s.quote_precision, s.quote_recall) == (1.0, 0.5)
    assert s.quote_f1 == pytest.approx(0.667)


def test_format_report_lines():
    s = score_quotes([gold(g("one two three"))], {"a": [p("one two three", "he"), p("x y z")]})
    lines = format_report(s).splitlines()
    assert lines[0] == "a: gold 1 pred 2 tp 1 fp 1 fn 0 speaker-right 0"
    assert "   spurious: x y z" in lines
    assert "   speaker: want 'Olaf Scholz', got 'he'" in lines
    assert lines[-1] == (
        "articles=1 quote_precision=0.5 quote_recall=1.0 quote_f1=0.667 "
        "speaker_accuracy=0.0 end_to_end_f1=0.0"
    )


def test_speaker_given_as_plain_string_or_missing():
    gq = g("one two three")
    assert (
        score_quotes(
            [gold(gq)], {"a": [{"text": "one two three", "speaker": "Scholz"}]}
        ).speaker_accuracy
        == 1.0
    )
    assert score_quotes([gold(gq)], {"a": [{"text": "one two three"}]}).speaker_accuracy == 0.0
