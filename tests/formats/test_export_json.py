"""JSON export: complete, and read back into the same bundle."""

import copy
import json

import pytest

from desktop.core.errors import InputError
from desktop.formats import json_export
from tests.formats.test_export_support import sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_round_trip_gives_back_the_same_bundle(bundle):
    data, warnings = json_export.render(bundle)
    assert warnings == []
    assert json_export.bundle_from_dict(json.loads(data)) == bundle


def test_every_section_is_filled_with_offsets_that_cut_their_text(bundle):
    data = json.loads(json_export.render(bundle)[0])
    text = data["article"]["text"]
    assert (data["format"], data["version"]) == ("byline-article", 1)
    spans = data["entities"] + data["quotes"] + data["annotations"]
    spans += [m for a in data["actors"] for m in a["mentions"]]
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    assert {"id", "name", "type", "aliases", "mentions", "quote_count"} <= set(data["actors"][0])
    highlight = data["annotations"][0]
    assert highlight["tags"] == ["Claim", "Framing"] and "second line" in highlight["note"]
    assert {"name", "color", "parent", "shortcut", "description"} <= set(data["tags"][0])
    assert ("Kyiv", "GPE", "user") in {
        (e["text"], e["label"], e["origin"]) for e in data["entities"]
    }
    user_quote = next(q for q in data["quotes"] if q["origin"] == "user")
    assert user_quote["speaker"]["actor_id"] == next(
        a["id"] for a in data["actors"] if a["name"] == "Putin"
    )


def _broken(bundle, change):
    data = json.loads(json_export.render(bundle)[0])
    change(data)
    return data


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="other"), "not a Byline article export"),
        (lambda d: d.update(version=2), "version 2"),
        (lambda d: d["entities"][0].update(end=10**6), "entities[0] has offsets"),
        (lambda d: d["entities"][1].update(start="3"), "entities[1].start should be a number"),
        (
            lambda d: d["annotations"][0].update(text="something else"),
            "annotations[0].text does not match",
        ),
        (
            lambda d: d["annotations"][0].update(tags="Claim"),
            "annotations[0].tags should be a list",
        ),
        (lambda d: d["quotes"][0]["speaker"].update(actor_id=999), "names no actor"),
        (lambda d: d["actors"][0].pop("name"), "actors[0].name is missing"),
        (lambda d: d["article"].pop("text"), "article.text is missing"),
    ],
)
def test_bad_documents_get_a_clear_message(bundle, change, message):
    data = _broken(copy.deepcopy(bundle), change)
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        json_export.bundle_from_dict(data)
