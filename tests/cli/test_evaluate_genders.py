"""``byline evaluate genders``: a file that is not a gender gold is refused in one sentence."""
from __future__ import annotations

from desktop.cli import main


def test_a_quote_gold_is_not_a_gender_gold(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "quotes": []}\n', encoding="utf-8")
    assert main(["evaluate", "genders", str(gold), str(tmp_path)]) == 2
    assert "needs id, speaker and gender" in capsys.readouterr().err
