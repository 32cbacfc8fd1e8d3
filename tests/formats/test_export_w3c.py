"""W3C Web Annotation export: selectors point at the right text."""

import json

import pytest

from desktop.formats import w3c_export
from tests.formats.test_export_support import HIGHLIGHT_TEXT, NOTE, hostile_bundle, sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def selectors(item):
    return {s["type"]: s for s in item["target"]["selector"]}


def test_exact_equals_the_text_at_the_position(bundle):
    data = json.loads(w3c_export.render(bundle)[0])
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    text = bundle.article.text
    for item in items:
        s = selectors(item)
        quote, position = s["TextQuoteSelector"], s["TextPositionSelector"]
        assert quote["exact"] == text[position["start"] : position["end"]]
        assert text[: position["start"]].endswith(quote["prefix"])
        assert text[position["end"] :].startswith(quote["suffix"])
    highlight = next(
        i for i in items if selectors(i)["TextQuoteSelector"]["exact"] == HIGHLIGHT_TEXT
    )
    bodies = {(b["purpose"], b["value"]) for b in highlight["body"]}
    assert bodies == {("tagging", "Claim"), ("tagging", "Framing"), ("commenting", NOTE)}
    assert highlight["creator"]["name"] == "ada" and highlight["type"] == "Annotation"
    assert (
        data["total"]
        == len(items)
        == len(bundle.annotations) + len(bundle.analysis.entities) + len(bundle.analysis.quotes)
    )


def test_hostile_text_is_inert_and_kept_exactly():
    bundle = hostile_bundle()
    raw = w3c_export.render(bundle)[0].decode("utf-8")
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    item = data["first"]["items"][0]
    assert selectors(item)["TextQuoteSelector"]["exact"] == "[click me](javascript:alert(4))"
    assert {b["value"] for b in item["body"]} >= {
        bundle.annotations[0].note,
        *bundle.annotations[0].tags,
    }
    assert data["label"] == bundle.article.title
