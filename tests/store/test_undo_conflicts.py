"""Undo never overwrites a later change made by someone else (another
coder on a team library, another window on a file): it is refused with one
sentence and changes nothing."""
import pytest

from desktop.core.model import Annotation
from desktop.formats.text import article_from_text
from desktop.store import annotations, tags
from desktop.store.articles import add_article
from desktop.store.conflicts import ChangedSinceError


@pytest.fixture()
def highlight(library):
    article_id, _ = add_article(article_from_text("Kyiv said on Monday that it would not yield."))
    return annotations.add_annotation(article_id, Annotation(0, 4, ["Claim"]))


def test_undoing_a_note_changed_since_is_refused(highlight):
    old = annotations.set_note(highlight, "mine")  # my edit
    annotations.set_note(highlight, "theirs")  # someone else's, later
    with pytest.raises(ChangedSinceError, match="changed since.*nothing was undone"):
        annotations.set_note(highlight, old, expect="mine")  # my undo
    assert annotations.get_annotation(highlight).note == "theirs"


def test_an_undo_nobody_interfered_with_goes_through(highlight):
    old_note = annotations.set_note(highlight, "mine")
    old_tags = annotations.set_tags(highlight, ["Claim", "Opinion"])
    annotations.set_tags(highlight, old_tags, expect=["Opinion", "Claim"])
    annotations.set_note(highlight, old_note, expect="mine")
    stored = annotations.get_annotation(highlight)
    assert (stored.note, stored.tags) == ("", ["Claim"])


def test_undoing_tags_or_adding_after_a_later_change_is_refused(highlight):
    added = annotations.get_annotation(highlight)
    annotations.set_tags(highlight, ["Claim", "Check"])  # someone else's
    with pytest.raises(ChangedSinceError):
        annotations.set_tags(highlight, [], expect=["Claim"])
    with pytest.raises(ChangedSinceError):
        annotations.delete_annotation(highlight, expect=added)  # undo of adding it
    assert annotations.get_annotation(highlight).tags == ["Claim", "Check"]


def test_undoing_a_codebook_edit_changed_since_is_refused(library):
    tag_id = tags.tag_id_by_name("Claim")
    before = tags.update_tag(tag_id, color="#000000")
    after = tags.get_tag(tag_id)
    tags.update_tag(tag_id, name="Assertion")  # another editor's, later
    with pytest.raises(ChangedSinceError, match="the tag 'Assertion' was changed since"):
        tags.update_tag(tag_id, expect=after, color=before.color)
    assert (tags.get_tag(tag_id).name, tags.get_tag(tag_id).color) == ("Assertion", "#000000")
