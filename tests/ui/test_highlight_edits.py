"""After each highlight edit the reader re-cuts only the stretch the edit
touched; what it shows must be what showing every highlight afresh shows."""
from __future__ import annotations

import random

from desktop.core.model import Annotation
from desktop.store.annotations import list_annotations
from desktop.ui.edits import commands
from desktop.ui.edits.changes import Changes


def look(window) -> list[tuple]:
    """Every paragraph's highlight formats as laid out, the hover tips and
    the gutter marks: what the reader shows of the highlights."""
    reader, highlighter = window.reader, window.reader.highlighter
    text = window.session.article.text
    shown = []
    start = 0
    for paragraph in text.split("\n"):
        reader.formats_at(start)  # formats the paragraph, in view or not
        block = reader.document().findBlock(reader.doc_position(start))
        shown.append(tuple(
            (r.start, r.length, r.format.background().color().name(), r.format.underlineStyle().name,
             r.format.underlineColor().name())
            for r in block.layout().formats()
        ))
        start += len(paragraph) + 1
    tips = tuple(
        tuple(s.tip for name, s in highlighter.spans_at(offset) if name == "highlights")
        for offset in range(0, len(text), 7)
    )
    return [tuple(shown), tips, tuple(reader.gutter.marks)]


def test_random_edits_show_what_a_full_refresh_shows(make_window):
    window = make_window()
    text = window.session.article.text
    article_id = window.session.article.id
    undo = window.undo
    rng = random.Random(8)
    tag_names = ["Claim", "Evidence", "Opinion", "Question"]
    undone = 0
    for step in range(60):
        annotations = window.annotator.annotations
        choice = rng.random()
        if choice < 0.45 or not annotations:
            # Short, often overlapping highlights, some across paragraphs.
            start = rng.randrange(0, len(text) - 200) if step % 3 else rng.randrange(300, 900)
            end = start + rng.randint(5, 160)
            tags = rng.sample(tag_names, rng.randint(1, 2))
            undo.push(commands.AddHighlight(article_id, Annotation(start, end, tags)))
        elif choice < 0.6:
            undo.push(commands.DeleteHighlight(article_id, rng.choice(annotations).id))
        elif choice < 0.75:
            undo.push(commands.SetHighlightTags(article_id, rng.choice(annotations).id, rng.sample(tag_names, 2)))
        elif choice < 0.85:
            undo.push(commands.EditNote(article_id, rng.choice(annotations).id, f"note {step}"))
        elif choice < 0.95:
            window.actions["undo"].trigger()
            undone += 1
        elif undone:
            window.actions["redo"].trigger()
            undone -= 1
        stored = list_annotations(article_id)
        assert window.annotator.annotations == stored
        assert [a.id for a in window.annotations_dock.model.annotations] == [a.id for a in stored]
        shown = look(window)
        window.session.publish(Changes(article_id, annotations=True))  # everything again, from the library
        assert look(window) == shown, f"step {step}"
    assert len(list_annotations(article_id)) > 10
    # Overlaps happened: some pieces are drawn with wavy underlines.
    assert any("WaveUnderline" in str(piece) for paragraph in look(window)[0] for piece in paragraph)
