"""The gender step: evidence from the article first, then first names."""
from __future__ import annotations

import json
import re
from pathlib import Path

from desktop.core.gender_eval import score_genders
from desktop.core.model import MENTION_PRONOUN, Actor, Mention
from desktop.nlp.actors import build_actor_result
from desktop.nlp.gender import apply_gender_rules, assign_genders, first_name

DATA = Path(__file__).resolve().parent.parent / "data" / "eval"


def _person(text: str, name: str, *surfaces: str, pronouns: tuple[str, ...] = ()) -> Actor:
    mentions = []
    for surface in surfaces or (name,):
        mentions += [Mention(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
    for word in pronouns:
        at = text.index(word)
        mentions.append(Mention(at, at + len(word), MENTION_PRONOUN))
    return Actor(name, "person", mentions=mentions)


def test_an_honorific_in_the_text_decides():
    text = "Ms Kim Lee spoke first. Later Kim Lee left."
    actor = _person(text, "Kim Lee")
    assign_genders(text, [actor])
    assert actor.gender == "female"
    assert "Ms" in actor.gender_evidence


def test_a_resolved_speaker_pronoun_beats_the_first_name():
    text = "John Smith arrived. \"We won,\" she said."
    actor = _person(text, "John Smith", pronouns=("she",))
    assign_genders(text, [actor])
    assert actor.gender == "female"
    assert "“she”" in actor.gender_evidence


def test_a_pronoun_after_the_only_person_named_counts():
    text = "Zorvan Ashdown chairs the board. Her term ends in May and she will stand again."
    actor = _person(text, "Zorvan Ashdown")
    assign_genders(text, [actor])
    assert actor.gender == "female"
    assert "2 times" in actor.gender_evidence


def test_a_pronoun_after_two_people_counts_for_neither():
    text = "Zorvan Ashdown met Quilla Brandt. She said little."
    zorvan, quilla = _person(text, "Zorvan Ashdown"), _person(text, "Quilla Brandt")
    assign_genders(text, [zorvan, quilla])
    assert (zorvan.gender, quilla.gender) == ("unknown", "unknown")


def test_an_object_pronoun_after_a_name_is_someone_else():
    text = "Zorvan Ashdown thanked her for the report."
    actor = _person(text, "Zorvan Ashdown")
    assign_genders(text, [actor])
    assert actor.gender == "unknown"


def test_a_pronoun_after_a_name_in_a_sentence_about_someone_else():
    text = "Zorvan Ashdown retired. He is survived by his wife, Quilla Ashdown, and his sisters."
    zorvan = _person(text, "Zorvan Ashdown")
    quilla = _person(text, "Quilla Ashdown")
    assign_genders(text, [zorvan, quilla])
    assert zorvan.gender == "male"
    assert quilla.gender == "unknown"


def test_pronouns_inside_quotation_marks_are_not_counted():
    text = "Zorvan Ashdown said: \"He lied to us.\""
    actor = _person(text, "Zorvan Ashdown")
    assign_genders(text, [actor])
    assert actor.gender == "unknown"


def test_first_name_then_unknown_and_never_from_nothing():
    text = "Emily Spanton spoke. Putin spoke. Tedros Ghebreyesus spoke."
    emily, putin, tedros = (_person(text, n) for n in ("Emily Spanton", "Putin", "Tedros Ghebreyesus"))
    assign_genders(text, [emily, putin, tedros])
    assert (emily.gender, putin.gender, tedros.gender) == ("female", "unknown", "unknown")
    assert "gender-guesser" in emily.gender_evidence
    assert putin.gender_evidence == "no pronoun, title or known first name"


def test_descriptions_and_groups():
    assert first_name("Conservative MP Philip Hammond") == "Philip"
    assert first_name("Wayne A. I. Frederick") == "Wayne"
    text = "Antoine Quirin and Nicolas Redouane denied it."
    group = _person(text, "Antoine Quirin and Nicolas Redouane")
    org = Actor("Reuters", "organisation")
    assign_genders(text, [group, org])
    assert group.gender == "unknown" and "more than one" in group.gender_evidence
    assert org.gender == ""


def test_a_user_rule_wins_and_says_so():
    actor = Actor("Kim Lee", "person", gender="female", gender_evidence="x")
    apply_gender_rules([actor], {"Kim Lee": "nonbinary"})
    assert actor.gender == "nonbinary"
    assert "set by you" in actor.gender_evidence


def test_gender_of_speakers_on_the_development_gold(nlp):
    gold = [json.loads(line) for line in (DATA / "speaker-genders.jsonl").read_text("utf-8").splitlines()]
    header = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
    actors = {}
    for article_id in {r["id"] for r in gold}:
        text = header.sub("", (DATA / "texts" / f"{article_id}.txt").read_text("utf-8"))
        from desktop.nlp.pipeline import analyze_text

        analysis = analyze_text(nlp, text)
        actors[article_id] = build_actor_result(text, analysis.entities, analysis.quotes).actors
    score = score_genders(gold, actors)
    assert score.shown == 16 and score.silent == 39
    assert score.wrong == 0
    assert score.accuracy >= 0.9


def test_the_name_list_is_read_as_gender_guesser_reads_it():
    import gender_guesser.detector as guesser

    from desktop.nlp.gender import _detector

    assert _detector().names == guesser.Detector(case_sensitive=False).names
