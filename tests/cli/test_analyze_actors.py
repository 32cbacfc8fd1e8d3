"""What must hold on the sample for actors (`byline analyze`)."""
import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def export():
    from tests.conftest import SAMPLE

    out = subprocess.run([sys.executable, "-m", "desktop", "analyze", str(SAMPLE)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def named(actor):
    return [m for m in actor["mentions"] if m["kind"] == "name"]


def test_sample_actors(export):
    actors = {a["name"]: a for a in export["actors"]}
    text = export["article"]["text"]
    putin = actors["Putin"]
    assert putin["type"] == "person" and len(named(putin)) >= 7
    scholz = actors["Olaf Scholz"]
    assert scholz["type"] == "person" and len(named(scholz)) >= 4
    assert "Scholz" in scholz["aliases"]
    biden = [a for a in export["actors"] if "Biden" in a["name"]]
    assert len(biden) == 1 and biden[0]["type"] == "person"
    assert actors["NATO"]["type"] == "organisation"
    names = [a["name"] for a in export["actors"]]
    assert len(names) == len(set(names))
    for actor in export["actors"]:
        for mention in actor["mentions"]:
            assert text[mention["start"]:mention["end"]] == mention["text"]


def test_entities_follow_the_actor_type(export):
    text = export["article"]["text"]
    scholz_labels = {e["label"] for e in export["entities"] if e["text"] == "Scholz"}
    assert scholz_labels == {"PERSON"}
    biden_labels = {e["label"] for e in export["entities"] if e["text"] == "Biden"}
    assert biden_labels == {"PERSON"}
    assert all(text[e["start"]:e["end"]] == e["text"] for e in export["entities"])


def test_every_resolved_speaker_points_to_an_actor_listing_its_mention(export):
    actors = {a["id"]: a for a in export["actors"]}
    resolved = [q for q in export["quotes"] if q["speaker"]["resolved"]]
    assert len(resolved) >= 10
    for quote in resolved:
        actor = actors[quote["speaker"]["actor_id"]]
        mention = quote["speaker"]["mention"]
        if mention is not None:
            assert any((m["start"], m["end"]) == (mention["start"], mention["end"]) for m in actor["mentions"])
    assert sum(a["quote_count"] for a in export["actors"]) == len(
        [q for q in export["quotes"] if q["speaker"]["actor_id"] is not None])
