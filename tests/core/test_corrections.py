from desktop.core.corrections import NO_ENTITY, EntityRule, effective_entities, occurrences
from desktop.core.model import Entity

TEXT = "Kyiv and Kyivan officials met in Kyiv. U.S. envoys came."


def test_occurrences_are_whole_words():
    assert occurrences(TEXT, "Kyiv") == [(0, 4), (33, 37)]
    assert occurrences(TEXT, "U.S.") == [(39, 43)]


def test_rule_overrides_model_and_user_overrides_rule():
    model = [Entity(0, 4, "PERSON"), Entity(33, 37, "PERSON"), Entity(39, 43, "GPE")]
    user = [Entity(33, 37, "LOC", "user")]
    out = effective_entities(TEXT, model, user, set(), [EntityRule("Kyiv", "GPE")])
    assert [(e.start, e.label, e.origin) for e in out] == [
        (0, "GPE", "user"), (33, "LOC", "user"), (39, "GPE", "model")
    ]


def test_rejections_and_no_entity_rules_hide_spans():
    model = [Entity(0, 4, "PERSON"), Entity(39, 43, "GPE")]
    out = effective_entities(TEXT, model, [], {(0, 4)}, [EntityRule("U.S.", NO_ENTITY)])
    assert out == []
