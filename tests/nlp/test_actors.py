"""Tests of actor building (desktop.nlp.actors).

Rule tests build their entities by hand, so they do not depend on the model:
``[Olaf Scholz|PERSON]`` in a marked-up string becomes an Entity over
"Olaf Scholz".  The sample test at the end runs en_core_web_sm on the seed
article.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.model import Actor, Entity, Quote, Span
from desktop.nlp.actors import ActorRules, build_actor_result, build_actors

_MARK = re.compile(r"\[([^\]|]+)\|([A-Z_]+)\]")


def marked(source: str) -> tuple[str, list[Entity]]:
    """Text and entities from "[words|LABEL]" markup."""
    text, entities, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(source):
        before = source[pos:m.start()]
        text.append(before)
        length += len(before)
        entities.append(Entity(length, length + len(m.group(1)), m.group(2)))
        text.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    text.append(source[pos:])
    return "".join(text), entities


def by_name(actors: list[Actor], name: str) -> Actor:
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, (name, [(a.name, a.type) for a in actors])
    return found[0]


def names_of(actors: list[Actor]) -> set[str]:
    return {a.name for a in actors}


def span_of(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


# -- titles, possessives, full names ----------------------------------------

def test_title_inside_entity_is_stripped_and_surname_joins():
    text, ents = marked("[German Chancellor Olaf Scholz|PERSON] arrived. "
                        "[Chancellor Scholz|PERSON] spoke. [Scholz|PERSON] left.")
    actors, _ = build_actors(text, ents, [])
    assert len(actors) == 1
    assert actors[0].name == "Olaf Scholz" and actors[0].type == "person"
    assert len(actors[0].mentions) == 3


def test_possessive_is_stripped():
    text, ents = marked("[Putin's|PERSON] plan failed. [Putin|PERSON] said. "
                        "[Putin’s|PERSON] aides agreed.")
    actors, _ = build_actors(text, ents, [])
    assert [(a.name, len(a.mentions)) for a in actors] == [("Putin", 3)]


def test_name_is_fullest_form_and_surname_only_when_no_full_name():
    text, ents = marked("[Macron|PERSON] met [Emmanuel Macron|PERSON]'s aide. "
                        "[Dixon|PERSON] wrote.")
    actors, _ = build_actors(text, ents, [])
    assert names_of(actors) == {"Emmanuel Macron", "Dixon"}
    assert by_name(actors, "Emmanuel Macron").aliases == ["Macron"]


def test_full_names_merge_but_different_middle_names_stay_apart():
    text, ents = marked("[Hillary Rodham Clinton|PERSON] and [Hillary Clinton|PERSON]. "
                        "[George H. W. Bush|PERSON] and [George W. Bush|PERSON].")
    actors, _ = build_actors(text, ents, [])
    assert names_of(actors) == {"Hillary Rodham Clinton", "George H. W. Bush",
                                "George W. Bush"}


def test_shared_surname_goes_to_the_person_named_most_so_far():
    text, ents = marked("[Hillary Clinton|PERSON] spoke, "
                        "then [Bill Clinton|PERSON] spoke. [Clinton|PERSON] added. "
                        "[Bill Clinton|PERSON] and [Bill|PERSON] left. [Clinton|PERSON] "
                        "stayed. [Hillary|PERSON] left.")
    actors, _ = build_actors(text, ents, [])
    assert names_of(actors) == {"Hillary Clinton", "Bill Clinton"}
    bill = by_name(actors, "Bill Clinton")
    hillary = by_name(actors, "Hillary Clinton")
    # a tie goes to the one introduced first ...
    assert text.index("Clinton added") in {m.start for m in hillary.mentions}
    # ... then Bill is named more often
    assert text.index("Clinton stayed") in {m.start for m in bill.mentions}
    assert len(hillary.mentions) == 3 and len(bill.mentions) == 4


def test_shared_surname_used_before_any_full_name_stays_apart():
    text, ents = marked("[Clinton|PERSON] opened. [Hillary Clinton|PERSON] and "
                        "[Bill Clinton|PERSON] spoke. [Clinton|PERSON] added.")
    actors, _ = build_actors(text, ents, [])
    assert [(a.name, len(a.mentions)) for a in actors][0] == ("Clinton", 2)
    assert names_of(actors) == {"Hillary Clinton", "Bill Clinton", "Clinton"}


def test_relative_named_in_passing_does_not_take_the_surname():
    text, ents = marked("Drummer [Ginger Baker|PERSON] died, said his daughter "
                        "[Nettie Baker|PERSON]. [Baker|PERSON] was 80. [Baker|PERSON] "
                        "played with [Jack Bruce|PERSON]. [Bruce|PERSON] agreed.")
    actors, _ = build_actors(text, ents, [])
    assert [(a.name, len(a.mentions)) for a in actors] == [
        ("Ginger Baker", 3), ("Jack Bruce", 2), ("Nettie Baker", 1)]


def test_surname_with_particle():
    text, ents = marked("[Charles de Gaulle|PERSON] spoke. [de Gaulle|PERSON] left. "
                        "[Eddie Van Halen|PERSON] played. [Van Halen|PERSON] stopped.")
    actors, _ = build_actors(text, ents, [])
    assert [(a.name, len(a.mentions)) for a in actors] == [
        ("Charles de Gaulle", 2), ("Eddie Van Halen", 2)]


def test_french_in_french_president_is_no_actor():
    text, ents = marked("[French|NORP] President [Emmanuel Macron|PERSON] met "
                        "[French|NORP] farmers.")
    actors, fixed = build_actors(text, ents, [])
    assert len(by_name(actors, "French").mentions) == 1
    assert [e.label for e in fixed] == ["NORP", "PERSON", "NORP"]


# -- acronyms and countries --------------------------------------------------

def test_acronym_defined_in_parentheses():
    text, ents = marked("The [North Atlantic Treaty Organization|ORG] (NATO) met. "
                        "[NATO|ORG] said no.")
    actors, _ = build_actors(text, ents, [])
    assert len(actors) == 1
    assert actors[0].name == "North Atlantic Treaty Organization"
    assert "NATO" in actors[0].aliases
    assert len(actors[0].mentions) == 2


def test_acronym_defined_when_acronym_comes_first():
    text, ents = marked("[WHO|ORG] (World Health Organization) warned. [WHO|ORG] again.")
    actors, _ = build_actors(text, ents, [])
    assert len(actors) == 1 and actors[0].name == "World Health Organization"


def test_acronym_defined_outside_any_entity():
    text, ents = marked("Leaders of African Union (AU) states met. The [AU|ORG] said "
                        "the [AU|NORP] would pay.")
    actors, fixed = build_actors(text, ents, [])
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [
        ("African Union", "organisation", 2)]
    assert [e.label for e in fixed] == ["ORG", "ORG"]


def test_entity_swallowing_its_acronym():
    text, ents = marked("They signed [the African Continental Free Trade Area (AfCFTA|ORG]) "
                        "deal. The [AfCFTA|ORG] grows.")
    actors, _ = build_actors(text, ents, [])
    assert len(actors) == 1
    assert actors[0].name == "African Continental Free Trade Area"
    assert actors[0].aliases == ["AfCFTA"]


def test_acronym_from_initials_of_an_org():
    text, ents = marked("The [European Union|ORG] agreed; the [EU|ORG] will pay. "
                        "The [Federal Bureau of Investigation|ORG] and the [FBI|ORG].")
    actors, _ = build_actors(text, ents, [])
    assert names_of(actors) == {"European Union", "Federal Bureau of Investigation"}
    assert all(len(a.mentions) == 2 for a in actors)


def test_united_states_variants_are_one_place():
    text, ents = marked("[U.S.|GPE] troops. [US|GPE] aid. [the United States|GPE] said. "
                        "[United States of America|GPE]. [America|GPE]. [U.S.|ORG] bank.")
    actors, fixed = build_actors(text, ents, [])
    assert len(actors) == 1
    # One English name per country, whatever form the article uses, so that
    # the library counts one actor across articles.
    assert actors[0].name == "United States"
    assert actors[0].type == "place" and len(actors[0].mentions) == 6
    assert {e.label for e in fixed} == {"GPE"}


def test_country_name_is_evidence_of_place():
    text, ents = marked("[Russia|PERSON] warned. [Russia|ORG] agreed. [Russia|PERSON] left.")
    actors, fixed = build_actors(text, ents, [])
    assert [(a.name, a.type) for a in actors] == [("Russia", "place")]
    assert {e.label for e in fixed} == {"GPE"}


# -- label fixing ---------------------------------------------------------------

def test_surname_joined_to_person_fixes_labels():
    text, ents = marked("[Olaf Scholz|PERSON] came. [Scholz|GPE] spoke. [Scholz|GPE] left. "
                        "[Scholz|ORG] ate.")
    actors, fixed = build_actors(text, ents, [])
    assert [(a.name, a.type) for a in actors] == [("Olaf Scholz", "person")]
    assert [e.label for e in fixed] == ["PERSON"] * 4


def test_title_before_mention_breaks_a_tie_towards_person():
    text, ents = marked("President [Biden|PERSON] spoke. Then [Biden|GPE] hosted him.")
    actors, fixed = build_actors(text, ents, [])
    assert [(a.name, a.type) for a in actors] == [("Biden", "person")]
    assert [e.label for e in fixed] == ["PERSON", "PERSON"]


def test_majority_vote_and_no_fix_without_evidence():
    text, ents = marked("[Acme|ORG] grew. [Acme|ORG] hired. [Acme|GPE] fell. "
                        "[Kyiv|PERSON] and [Kyiv|PERSON].")
    actors, fixed = build_actors(text, ents, [])
    assert by_name(actors, "Acme").type == "organisation"
    assert by_name(actors, "Kyiv").type == "person"  # no evidence to overrule
    assert [e.label for e in fixed] == ["ORG", "ORG", "ORG", "PERSON", "PERSON"]


def test_place_keeps_loc_and_fac_labels():
    text, ents = marked("[Europe|LOC] and [Europe|GPE]; [the White House|FAC].")
    _, fixed = build_actors(text, ents, [])
    assert [e.label for e in fixed] == ["LOC", "GPE", "FAC"]


def test_gazetteer_place_does_not_join_a_person_of_that_name():
    text, ents = marked("[George Washington|PERSON] slept. In [Washington|GPE], rain. "
                        "[Washington|PERSON] woke.")
    actors, _ = build_actors(text, ents, [])
    assert by_name(actors, "George Washington").mentions[-1].start == text.rindex("Washington")
    assert by_name(actors, "Washington").type == "place"


def test_non_actor_labels_are_untouched_and_not_actors():
    text, ents = marked("[World War II|EVENT] ended in [1945|DATE]. [Nord Stream 2|PRODUCT].")
    actors, fixed = build_actors(text, ents, [])
    assert actors == []
    assert [e.label for e in fixed] == ["EVENT", "DATE", "PRODUCT"]


def test_entities_keep_order_ids_and_origin():
    text, ents = marked("[Olaf Scholz|PERSON] and [Scholz|GPE].")
    ents[1].id, ents[1].origin = 42, "user"
    _, fixed = build_actors(text, ents, [])
    assert (fixed[1].id, fixed[1].origin, fixed[1].label) == (42, "user", "PERSON")
    assert ents[1].label == "GPE"  # the input is not modified


def test_actors_sorted_by_mentions():
    text, ents = marked("[Paris|GPE]. [Acme|ORG]. [Acme|ORG]. [Acme|ORG]. [Bob Smith|PERSON]. "
                        "[Smith|PERSON].")
    actors, _ = build_actors(text, ents, [])
    assert [a.name for a in actors] == ["Acme", "Bob Smith", "Paris"]


# -- user rules --------------------------------------------------------------------

def test_alias_rule_names_the_actor():
    text, ents = marked("[Putin|PERSON] spoke. [Putin|GPE] left.")
    rules = ActorRules(aliases={"Putin": "Vladimir Putin"})
    actors, fixed = build_actors(text, ents, [], rules)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [
        ("Vladimir Putin", "person", 2)]
    assert actors[0].aliases == ["Putin"]


def test_alias_rule_joins_unrelated_names():
    text, ents = marked("[Kremlin|ORG] said. [Moscow|GPE] said.")
    rules = ActorRules(aliases={"Kremlin": "Russian government", "Moscow": "Russian government"})
    actors, _ = build_actors(text, ents, [], rules)
    assert [(a.name, len(a.mentions)) for a in actors] == [("Russian government", 2)]


def test_type_rule_wins():
    text, ents = marked("[Kyiv|PERSON] and [Kyiv|PERSON]. [Olaf Scholz|PERSON], [Scholz|GPE].")
    rules = ActorRules(types={"Kyiv": "place", "Scholz": "organisation"})
    actors, fixed = build_actors(text, ents, [], rules)
    assert by_name(actors, "Kyiv").type == "place"
    assert [e.label for e in fixed][:2] == ["GPE", "GPE"]
    # the type rule on the alias "Scholz" types the whole actor and keeps it
    # from joining a person
    assert by_name(actors, "Scholz").type == "organisation"


def test_split_rule_keeps_alias_apart():
    text, ents = marked("[Olaf Scholz|PERSON] came. [Scholz|PERSON] spoke. "
                        "[U.S.|GPE] and [the United States|GPE].")
    rules = ActorRules(splits={("Scholz", "Olaf Scholz"), ("U.S.", "United States")})
    actors, _ = build_actors(text, ents, [], rules)
    assert names_of(actors) == {"Olaf Scholz", "Scholz", "U.S.", "United States"}


def test_split_blocks_acronym_merge():
    text, ents = marked("The [European Union|ORG] agreed; the [EU|ORG] will pay.")
    rules = ActorRules(splits={("EU", "European Union")})
    actors, _ = build_actors(text, ents, [], rules)
    assert names_of(actors) == {"European Union", "EU"}


# -- quote speakers ----------------------------------------------------------------

def test_quote_speakers_pronoun_description_and_name():
    text, ents = marked("[Olaf Scholz|PERSON] arrived. “We are united,” he said. "
                        "The German leader said it was “decisive.” "
                        "“No,” [Scholz|GPE] said. “Yes,” said [Putin|PERSON].")
    quotes = [
        Quote(text.index("We"), text.index(",” he"), "direct",
              speaker_mention=span_of(text, "he"), speaker_name="Olaf Scholz", resolved=True),
        Quote(text.index("it was"), text.index("decisive") + 8, "mixed",
              speaker_mention=span_of(text, "The German leader"),
              speaker_name="Scholz", resolved=True),
        Quote(text.index("No"), text.index("No") + 2, "direct",
              speaker_mention=span_of(text, "Scholz", 1), speaker_name="Scholz", resolved=True),
        Quote(text.index("Yes"), text.index("Yes") + 3, "direct",
              speaker_mention=span_of(text, "Putin"), speaker_name="Putin", resolved=False),
    ]
    result = build_actor_result(text, ents, quotes)
    scholz = by_name(result.actors, "Olaf Scholz")
    kinds = sorted(m.kind for m in scholz.mentions)
    assert kinds == ["description", "name", "name", "pronoun"]
    assert scholz.quote_count == 3
    putin = by_name(result.actors, "Putin")
    i_scholz, i_putin = result.actors.index(scholz), result.actors.index(putin)
    # the unresolved quote is linked because its mention is Putin's entity
    assert result.quote_actor == [i_scholz, i_scholz, i_scholz, i_putin]
    assert len(putin.mentions) == 1 and putin.quote_count == 1


def test_unknown_resolved_speaker_becomes_an_actor():
    text, ents = marked("“Fine,” said spokesman Dmitry Peskov. [Moscow|GPE] agreed.")
    quotes = [Quote(1, 5, "direct", speaker_mention=span_of(text, "Dmitry Peskov"),
                    speaker_name="Dmitry Peskov", resolved=True)]
    result = build_actor_result(text, ents, quotes)
    peskov = by_name(result.actors, "Dmitry Peskov")
    assert peskov.type == "person" and peskov.quote_count == 1
    assert [m.kind for m in peskov.mentions] == ["name"]
    assert result.quote_actor == [result.actors.index(peskov)]


def test_he_speaker_makes_a_person():
    text, ents = marked("[Zorblat|GPE] smiled. [Zorblat|GPE] waved. “Hi,” he said.")
    quotes = [Quote(text.index("Hi"), text.index("Hi") + 2, "direct",
                    speaker_mention=span_of(text, "he"), speaker_name="Zorblat", resolved=True)]
    result = build_actor_result(text, ents, quotes)
    assert [(a.name, a.type, a.quote_count) for a in result.actors] == [("Zorblat", "person", 1)]
    assert [e.label for e in result.entities] == ["PERSON", "PERSON"]


def test_unresolved_description_is_not_linked():
    text, ents = marked("[Acme|ORG] grew. “Bad,” an official said.")
    quotes = [Quote(text.index("Bad"), text.index("Bad") + 3, "direct",
                    speaker_mention=span_of(text, "an official"),
                    speaker_name="an official", resolved=False)]
    result = build_actor_result(text, ents, quotes)
    assert result.quote_actor == [None]
    assert names_of(result.actors) == {"Acme"}


def test_speaker_surname_links_to_full_name():
    text, ents = marked("[Hillary Clinton|PERSON] and [Bill Clinton|PERSON] met. “Ok,” she said.")
    quotes = [Quote(text.index("Ok"), text.index("Ok") + 2, "direct",
                    speaker_mention=span_of(text, "she"), speaker_name="Hillary Clinton",
                    resolved=True)]
    result = build_actor_result(text, ents, quotes)
    assert result.actors[result.quote_actor[0]].name == "Hillary Clinton"


# -- the sample article, through the model ----------------------------------------

REPO_SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "2022-02-08-putin-macron-moscow.txt"


@pytest.fixture(scope="module")
def sample():
    """(text, model entities, doc) for the seed article."""
    from desktop.nlp.pipeline import load_pipeline

    text = REPO_SAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2} ", "", text)
    doc = load_pipeline()(text)
    entities = [Entity(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return text, entities, doc


def sample_quotes(text: str) -> list[Quote]:
    """A few quotes of the sample, made by hand at real offsets."""
    incandescence = text.index("“We are in a situation")
    he = text.index("he said", incandescence)
    not_us = text.index("“It’s not us moving")
    putin = text.index("Putin said overnight")
    leader = text.index("The German leader")
    return [
        Quote(incandescence + 1, he - 3, "direct", cue=Span(he + 3, he + 7),
              speaker_mention=Span(he, he + 2), speaker_name="Emmanuel Macron", resolved=True),
        Quote(not_us + 1, putin - 3, "direct", cue=Span(putin + 6, putin + 10),
              speaker_mention=Span(putin, putin + 5), speaker_name="Putin", resolved=True),
        Quote(leader + 32, text.index("steps.", leader) + 6, "mixed",
              cue=Span(leader + 18, leader + 22),
              speaker_mention=Span(leader, leader + 17), speaker_name="Olaf Scholz",
              resolved=True),
    ]


def check_sample(text: str, entities: list[Entity], result) -> None:
    actors = result.actors
    putin = by_name(actors, "Putin")
    assert putin.type == "person"
    assert sum(m.kind == "name" for m in putin.mentions) >= 7
    scholz = by_name(actors, "Olaf Scholz")
    assert scholz.type == "person"
    assert sum(m.kind == "name" for m in scholz.mentions) >= 4
    ent_at = {(e.start, e.end): e for e in result.entities}
    for m in scholz.mentions:
        if (m.start, m.end) in ent_at:
            assert ent_at[(m.start, m.end)].label == "PERSON"
    assert [a.type for a in actors if "Biden" in a.name] == ["person"]
    assert len([a for a in actors if a.name == "NATO" or "NATO" in a.aliases]) == 1
    seen: dict[str, str] = {}
    for a in actors:
        assert seen.setdefault(a.name, a.type) == a.type
    assert len({a.name for a in actors}) == len(actors)
    assert len(result.entities) == len(entities)


def test_sample_without_quotes(sample):
    text, entities, _ = sample
    result = build_actor_result(text, entities, [])
    check_sample(text, entities, result)
    assert result.quote_actor == []
    assert by_name(result.actors, "United States").type == "place"


def test_sample_with_hand_made_quotes(sample):
    text, entities, _ = sample
    quotes = sample_quotes(text)
    result = build_actor_result(text, entities, quotes)
    check_sample(text, entities, result)
    names = [result.actors[i].name for i in result.quote_actor]
    assert names == ["Emmanuel Macron", "Putin", "Olaf Scholz"]
    macron = by_name(result.actors, "Emmanuel Macron")
    assert [m.kind for m in macron.mentions].count("pronoun") == 1
    scholz = by_name(result.actors, "Olaf Scholz")
    assert [m.kind for m in scholz.mentions].count("description") == 1
    assert by_name(result.actors, "Putin").quote_count == 1


def test_sample_with_quote_extractor(sample):
    from desktop.nlp.quotes import extract_quotes

    text, entities, doc = sample
    quotes = extract_quotes(doc)
    result = build_actor_result(text, entities, quotes)
    check_sample(text, entities, result)
    for quote, index in zip(quotes, result.quote_actor, strict=True):
        if quote.speaker_name and quote.resolved:
            assert index is not None, quote
    assert sum(a.quote_count for a in result.actors) >= sum(
        1 for q in quotes if q.speaker_name and q.resolved)


def test_near_spellings_merge_only_when_safe():
    text, ents = marked("[MarineTraffic|ORG] and [Marine Traffic|ORG]. [Omsk in Siberia|GPE] "
                        "and [Tomsk in Siberia|GPE]. The [Turpins|NORP] and [David Turpin|PERSON].")
    actors, _ = build_actors(text, ents, [])
    assert names_of(actors) == {"Marine Traffic", "Omsk in Siberia", "Tomsk in Siberia",
                                "Turpins", "David Turpin"}


def test_surname_votes_make_a_mislabelled_full_name_a_person():
    text, ents = marked("[Qandeel Baloch|PERSON] died. [Baloch|PERSON] was 26. [Baloch|PERSON] "
                        "ran. [Qandeel Baloch|ORG] posted. [Baloch|GPE] left. "
                        "[Qandeel Baloch|ORG] sang.")
    actors, fixed = build_actors(text, ents, [])
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [
        ("Qandeel Baloch", "person", 6)]
    assert {e.label for e in fixed} == {"PERSON"}


def test_company_sharing_a_surname_does_not_make_it_a_person():
    text, ents = marked("[Goldman Sachs|ORG] rose. [Goldman Sachs|ORG] fell. "
                        "[Goldman Sachs|PERSON] hired.")
    actors, _ = build_actors(text, ents, [])
    assert [(a.name, a.type) for a in actors] == [("Goldman Sachs", "organisation")]


def test_titles_in_non_person_entities():
    text, ents = marked("[President Trump|ORG] and [Donald Trump|PERSON]. [General Motors|ORG] "
                        "hired [Detective Constable Daniel Dubé|ORG]. "
                        "[Kamloops RCMP Constable|PERSON] in [Kamloops|GPE].")
    actors, _ = build_actors(text, ents, [])
    assert {(a.name, a.type) for a in actors} == {
        ("Donald Trump", "person"), ("General Motors", "organisation"),
        ("Daniel Dubé", "person"), ("Kamloops RCMP Constable", "person"),
        ("Kamloops", "place")}


def test_bare_title_speaker_links_to_the_titled_person():
    text, ents = marked("President [Trump|PERSON] met [Vladimir Putin|PERSON]. "
                        "“Great,” the President said.")
    quotes = [Quote(text.index("Great"), text.index("Great") + 5, "direct",
                    speaker_mention=span_of(text, "the President"),
                    speaker_name="President", resolved=True)]
    result = build_actor_result(text, ents, quotes)
    trump = by_name(result.actors, "Trump")
    assert result.quote_actor == [result.actors.index(trump)]
    assert [m.kind for m in trump.mentions] == ["name", "description"]
