"""Round 2 of the actor rules: what a user sees at the top of the library.

Each rule is tested on a small hand-marked text (see ``test_actors.marked``);
the last test runs the rules on a stored analysis of the 295 Wikinews
articles of the shared corpus (``tests/data/corpus/wikinews-analysis.json.gz``:
the model's entities and quotes per article, so no model runs; about two
seconds) and checks the top 80 of the library's actors.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from desktop.core.model import Entity, Quote, Span
from desktop.nlp.actors import ActorRules, build_actor_result, build_actors
from desktop.store.actors import LibraryActor, one_row_per_name
from tests.nlp.test_actors import by_name, marked

STORED = Path(__file__).resolve().parent.parent / "data" / "corpus" / "wikinews-analysis.json.gz"


def names_of(text: str, ents: list[Entity]) -> set[tuple[str, str]]:
    actors, _ = build_actors(text, ents, [])
    return {(a.name, a.type) for a in actors}


# -- not actors ------------------------------------------------------------------

def test_interview_labels_are_no_mentions():
    text, ents = marked("[Wikinews|ORG] spoke with [Jane Park|PERSON].\n\n"
                        "(([WN|ORG])) Why birds?\n\n(([Jane Park|ORG])) Because.\n"
                        "[WN|ORG]: And then?")
    assert names_of(text, ents) == {("Wikinews", "organisation"), ("Jane Park", "person")}


def test_time_zones_diseases_and_events_are_no_actors():
    text, ents = marked("At 10:00 [UTC|ORG] the [WHO|ORG] said [COVID-19|ORG] spread after "
                        "[Brexit|PERSON].")
    assert names_of(text, ents) == {("WHO", "organisation")}


def test_user_type_rule_keeps_a_name_the_rules_would_drop():
    text, ents = marked("[COVID-19|ORG] spread. [Brexit|PERSON] came.")
    actors, _ = build_actors(text, ents, [], ActorRules(types={"Brexit": "organisation"}))
    assert {(a.name, a.type) for a in actors} == {("Brexit", "organisation")}


def test_acronym_spelled_out_in_lowercase_is_a_term():
    text, ents = marked("The anterior cingulate cortex ([ACC|ORG]) helps. The [ACC|ORG] was "
                        "silenced by [Christian Keysers|PERSON].")
    assert names_of(text, ents) == {("Christian Keysers", "person")}


def test_two_names_joined_by_a_hyphen_are_no_one():
    text, ents = marked("[Donald Trump|PERSON] and [Joe Biden|PERSON] met in the "
                        "[Trump-Biden|PERSON] debate.")
    assert names_of(text, ents) == {("Donald Trump", "person"), ("Joe Biden", "person")}


def test_part_of_a_title_is_no_actor():
    text, ents = marked("Secretary of [State|ORG] [Mike Pompeo|PERSON] spoke.")
    assert names_of(text, ents) == {("Mike Pompeo", "person")}


def test_nationality_before_a_thing_is_no_mention_but_before_people_it_is():
    text, ents = marked("The [Chinese|NORP] government and [French|NORP] farmers met "
                        "in the [Democratic|NORP] primaries.")
    assert names_of(text, ents) == {("French", "group")}


# -- types ---------------------------------------------------------------------

def test_platform_named_like_a_person_is_an_organisation():
    text, ents = marked("[Trump|PERSON] wrote on [Twitter|PERSON]. His [Twitter|PERSON] account "
                        "has millions of [Twitter|PERSON] users.")
    assert by_name(build_actors(text, ents, [])[0], "Twitter").type == "organisation"


def test_software_project_is_no_person():
    text, ents = marked("[Rocky Linux|PERSON] was announced. [Minetest|PERSON] is an "
                        "open-source game engine. Developers love [Minetest|PERSON].")
    assert names_of(text, ents) == {("Rocky Linux", "organisation"),
                                    ("Minetest", "organisation")}


def test_a_person_with_a_stray_platform_word_stays_a_person():
    text, ents = marked("[Jane Park|PERSON] posted a video. [Park|PERSON] said she was tired. "
                        "[Jane Park|PERSON] account was hacked.")
    quotes = [Quote(text.index("she was"), text.index(" tired"), "indirect",
                    speaker_mention=Span(text.index("Park said"), text.index("Park said") + 4),
                    speaker_name="Jane Park", resolved=True)]
    result = build_actor_result(text, ents, quotes)
    assert by_name(result.actors, "Jane Park").type == "person"


def test_user_type_rule_still_wins_over_the_platform_cue():
    text, ents = marked("He wrote on [Twitter|PERSON]. Its [Twitter|PERSON] account.")
    actors, _ = build_actors(text, ents, [], ActorRules(types={"Twitter": "person"}))
    assert by_name(actors, "Twitter").type == "person"


# -- names -----------------------------------------------------------------------

def test_country_has_one_name_in_every_article():
    one = names_of(*marked("[US|GPE] troops left."))
    other = names_of(*marked("[the Islamic Republic of Iran|GPE] and [Britain|GPE] met."))
    assert one == {("United States", "place")}
    assert other == {("Iran", "place"), ("United Kingdom", "place")}


def test_place_and_title_glued_to_a_name_are_dropped():
    text, ents = marked("[Hong Kong Carrie Lam|PERSON] and [Legislator Tanya Chan|PERSON] "
                        "spoke in [Hong Kong|GPE].")
    assert names_of(text, ents) == {("Carrie Lam", "person"), ("Tanya Chan", "person"),
                                    ("Hong Kong", "place")}


def test_kind_of_organisation_after_its_name_is_dropped():
    text, ents = marked("State-run [BelTA news agency|ORG] and the [Fars News Agency|ORG] said.")
    assert {n for n, _ in names_of(text, ents)} == {"BelTA", "Fars News Agency"}


def test_sentence_opening_word_glued_to_a_name_is_dropped():
    text, ents = marked("[Regarding Ashodaya|PERSON], the group grew. [Ashodaya|ORG] helps.")
    assert {n for n, _ in names_of(text, ents)} == {"Ashodaya"}


def test_user_alias_rule_wins_over_the_country_name():
    text, ents = marked("[US|GPE] troops left [the United States|GPE].")
    rules = ActorRules(aliases={"US": "USA", "United States": "USA"})  # a rename
    actors, _ = build_actors(text, ents, [], rules)
    assert [a.name for a in actors] == ["USA"]


# -- the library ------------------------------------------------------------------

def test_a_name_is_one_library_row_with_the_type_of_most_mentions():
    rows = one_row_per_name([
        LibraryActor("Wikinews", "organisation", 27, 61, 2),
        LibraryActor("Wikinews", "person", 12, 23, 0),
        LibraryActor("Joe Biden", "person", 25, 174, 28),
    ])
    assert rows == [LibraryActor("Joe Biden", "person", 25, 174, 28),
                    LibraryActor("Wikinews", "organisation", 39, 84, 2)]


def library_top(n: int) -> list[LibraryActor]:
    with gzip.open(STORED, "rt", encoding="utf-8") as fh:
        stored = json.load(fh)["articles"]
    per_article: dict[tuple[str, str], list[int]] = {}
    for article in stored:
        ents = [Entity(*e) for e in article["entities"]]
        quotes = [Quote(s, e, t, Span(*c) if c else None, Span(*m) if m else None, name, res)
                  for s, e, t, c, m, name, res in article["quotes"]]
        for actor in build_actor_result(article["text"], ents, quotes).actors:
            counts = per_article.setdefault((actor.name, actor.type), [0, 0, 0])
            counts[0] += 1
            counts[1] += len(actor.mentions)
            counts[2] += actor.quote_count
    rows = [LibraryActor(name, kind, *counts) for (name, kind), counts in per_article.items()]
    return one_row_per_name(rows)[:n]


def test_top_80_of_the_corpus_library_are_actors_with_clean_names_and_types():
    top = library_top(80)
    names = {a.name: a.type for a in top}
    # No interview marker, time zone, disease or event; no alias apart.
    assert not {"WN", "UTC", "COVID-19", "Brexit", "US", "U.S.", "Trump-Biden"} & set(names)
    assert "Islamic Republic of Iran" not in names and names["Iran"] == "place"
    # Platforms and projects the model calls persons are organisations.
    assert names["Twitter"] == "organisation"
    assert names["Wikinews"] == "organisation"
    assert names["Rocky Linux"] == "organisation"
    # No title or place glued to a person's name.
    first_words = {n.split()[0].lower() for n, t in names.items() if t == "person"}
    assert not first_words & {"hong", "legislator", "president", "regarding", "mr", "dr"}
    assert names["Donald Trump"] == "person" and names["United States"] == "place"
    # Unnamed plural speakers are counted as groups; "reports" are nobody.
    assert names["police"] == "group" and names["officials"] == "group"
    assert "reports" not in names
