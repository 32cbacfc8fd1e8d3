"""JSONL export for Prodigy and doccano: offsets cut the right text."""

import json

import pytest

from desktop.formats.exporters import export
from tests.formats.test_export_support import HIGHLIGHT_TEXT, sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_offsets_cut_the_right_text(bundle, tmp_path):
    warnings = export([bundle, bundle], "jsonl", tmp_path / "spans.jsonl")
    lines = (tmp_path / "spans.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert set(record) == {"text", "meta", "spans", "label"} and record["meta"]["id"] == 7
    text = record["text"]
    by_span = {(text[s["start"] : s["end"]], s["label"]) for s in record["spans"]}
    assert {("Kyiv", "GPE"), (HIGHLIGHT_TEXT, "Claim"), (HIGHLIGHT_TEXT, "Framing")} <= by_span
    assert {
        (bundle.article.text[e.start : e.end], e.label) for e in bundle.analysis.entities
    } <= by_span
    assert len(warnings) == 1 and "quotes" in warnings[0] and "notes (2)" in warnings[0]


def test_doccano_label_and_prodigy_spans_hold_the_same_spans(bundle, tmp_path):
    export([bundle], "jsonl", tmp_path / "spans.jsonl")
    record = json.loads((tmp_path / "spans.jsonl").read_text(encoding="utf-8"))
    text = record["text"]
    # doccano's sequence labelling: "label": [[start, end, "LABEL"], ...]
    doccano = record["label"]
    assert all(
        isinstance(item, list) and len(item) == 3 and isinstance(item[0], int)
        and isinstance(item[1], int) and isinstance(item[2], str) and 0 <= item[0] < item[1] <= len(text)
        for item in doccano
    )
    # Prodigy: "spans": [{"start", "end", "label"}, ...]
    prodigy = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
    assert [tuple(item) for item in doccano] == prodigy
    assert ("Kyiv", "GPE") in {(text[a:b], label) for a, b, label in doccano}
