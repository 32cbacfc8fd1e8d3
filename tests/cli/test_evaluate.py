"""`byline evaluate quotes` on the two gold standards kept in tests/data/eval."""
import json
from pathlib import Path

import pytest

from desktop.cli import main

EVAL = Path(__file__).resolve().parent.parent / "data" / "eval"


def evaluate(gold: str, capsys) -> dict:
    assert main(["evaluate", "quotes", str(EVAL / gold), str(EVAL / "texts"), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "gold, articles, min_f1, min_speaker",
    [("quotes-gold.jsonl", 1, 0.90, 0.90), ("wikinews-dev-gold.jsonl", 14, 0.80, 0.85)],
)
def test_quote_accuracy_holds(gold, articles, min_f1, min_speaker, capsys):
    figures = evaluate(gold, capsys)
    assert figures["articles"] == articles
    assert figures["quote_f1"] >= min_f1
    assert figures["speaker_accuracy"] >= min_speaker


def test_report_lists_each_article_and_a_summary(capsys):
    assert main(["evaluate", "quotes", str(EVAL / "quotes-gold.jsonl"), str(EVAL / "texts")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("2022-02-08-putin-macron-moscow: gold 15")
    assert lines[-1].startswith("articles=1 quote_precision=")


def test_a_broken_gold_file_is_refused(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n")
    assert main(["evaluate", "quotes", str(gold), str(EVAL / "texts")]) == 2
    assert "not a readable gold file" in capsys.readouterr().err
