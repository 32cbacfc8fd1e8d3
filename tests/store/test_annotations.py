"""Highlights, tags and corrections at the store level, without Qt."""
import pytest

from desktop.core.errors import StoreError
from desktop.core.model import Analysis, Annotation, Entity, Quote, Span, Tag
from desktop.formats.text import article_from_text
from desktop.store import annotations, corrections, tags
from desktop.store.analyses import load_analysis, save_analysis
from desktop.store.articles import add_article

TEXT = "Kyiv said on Monday that Kyiv would not yield. Olaf Scholz agreed."


@pytest.fixture()
def article(library):
    article_id, _ = add_article(article_from_text(TEXT))
    save_analysis(article_id, Analysis(
        [Entity(0, 4, "PERSON"), Entity(25, 29, "PERSON"), Entity(47, 58, "PERSON")],
        [Quote(10, 45, "indirect", Span(5, 9, "cue"), Span(0, 4, "speaker"), "Kyiv", True)],
        "m", "1",
    ))
    return article_id


def test_new_library_has_a_default_codebook(library):
    codebook = tags.list_tags()
    names = [t.name for t in codebook]
    assert names[:4] == ["Claim", "Evidence", "Opinion", "Framing"]
    assert [t.shortcut for t in codebook[:9]] == [str(i) for i in range(1, 10)]
    assert {t.name for t in codebook if t.parent == "Framing"} == {"Conflict", "Human interest", "Economic"}


def test_highlight_with_two_tags_and_a_note_round_trips(article):
    hid = annotations.add_annotation(article, Annotation(0, 9, ["Claim", "Opinion"], "check this", "ana"))
    (stored,) = annotations.list_annotations(article)
    assert (stored.id, stored.start, stored.end, stored.tags, stored.note, stored.author) == (
        hid, 0, 9, ["Claim", "Opinion"], "check this", "ana")
    assert stored.created and stored.modified
    assert annotations.set_note(hid, "checked") == "check this"
    assert annotations.set_tags(hid, ["Evidence"]) == ["Claim", "Opinion"]
    assert annotations.get_annotation(hid).tags == ["Evidence"]
    gone = annotations.delete_annotation(hid)
    assert annotations.list_annotations(article) == []
    annotations.add_annotation(article, gone)  # undo restores the same record
    assert annotations.list_annotations(article) == [gone]


def test_highlight_outside_the_text_or_with_unknown_tag_is_refused(article):
    with pytest.raises(StoreError, match="outside"):
        annotations.add_annotation(article, Annotation(0, 10_000, ["Claim"]))
    with pytest.raises(StoreError, match="no tag named"):
        annotations.add_annotation(article, Annotation(0, 4, ["Nope"]))
    assert annotations.list_annotations(article) == []


def test_deleting_a_used_tag_and_undoing_it(article):
    hid = annotations.add_annotation(article, Annotation(0, 9, ["Framing"]))
    framing = tags.tag_id_by_name("Framing")
    assert tags.tag_usage(framing) == 1
    deleted = tags.delete_tag(framing)
    assert annotations.get_annotation(hid).tags == []
    assert {t.parent for t in tags.list_tags() if t.name == "Conflict"} == {None}
    tags.restore_tag(deleted)
    assert annotations.get_annotation(hid).tags == ["Framing"]
    assert {t.parent for t in tags.list_tags() if t.name == "Conflict"} == {"Framing"}


def test_tag_edits_and_their_guards(library):
    tid = tags.create_tag(Tag("Source", "#123456", parent="Evidence"))
    before = tags.update_tag(tid, name="Sources", color="#654321")
    assert before.name == "Source"
    assert tags.get_tag(tid).parent == "Evidence"
    with pytest.raises(StoreError, match="already a tag"):
        tags.create_tag(Tag("claim"))
    with pytest.raises(StoreError, match="under itself"):
        tags.update_tag(tags.tag_id_by_name("Evidence"), parent="Sources")


def test_removed_model_entity_stays_removed_after_reanalysis(article):
    corrections.reject(article, "entity", 47, 58)
    corrections.add_user_entity(article, Entity(47, 58, "ORG"))
    save_analysis(article, Analysis([Entity(0, 4, "PERSON"), Entity(47, 58, "PERSON")], [], "m", "2"))
    labels = {(e.start, e.end): (e.label, e.origin) for e in load_analysis(article).entities}
    assert labels[(47, 58)] == ("ORG", "user")
    assert (25, 29) not in labels  # the model no longer finds it


def test_rule_relabels_everywhere_in_the_text(article):
    corrections.set_rule("Kyiv", "GPE", article, everywhere=False)
    entities = load_analysis(article).entities
    assert [(e.start, e.end, e.label, e.origin) for e in entities if TEXT[e.start:e.end] == "Kyiv"] == [
        (0, 4, "GPE", "user"), (25, 29, "GPE", "user")]


def test_user_quote_replaces_the_model_quote_it_corrects(article):
    corrections.reject(article, "quote", 10, 45)
    corrections.add_user_quote(article, Quote(10, 45, "indirect", None, None, "Olaf Scholz", True))
    save_analysis(article, Analysis([], [Quote(10, 45, "indirect", None, None, "Kyiv", True)], "m", "2"))
    (quote,) = load_analysis(article).quotes
    assert (quote.speaker_name, quote.origin) == ("Olaf Scholz", "user")


def test_undo_of_a_delete_survives_its_id_being_taken(article):
    first = annotations.add_annotation(article, Annotation(0, 4, ["Claim"]))
    gone = annotations.delete_annotation(first)
    # Another process takes the freed id (SQLite reuses the highest id).
    taken = annotations.add_annotation(article, Annotation(10, 14, ["Opinion"], id=first))
    assert taken == first
    restored = annotations.add_annotation(article, gone)
    assert restored != taken
    assert sorted(a.tags[0] for a in annotations.list_annotations(article)) == ["Claim", "Opinion"]
