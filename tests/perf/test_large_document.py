"""A 100,000-word document with about 10,000 entities and 2,000 highlights
opens with every span in the reader's layout (no timing: see `make bench`)."""
from __future__ import annotations

import random

from desktop.core.model import Analysis, Article, Entity, Quote
from desktop.store.analyses import save_analysis
from desktop.store.articles import add_article
from desktop.store.models import db

LABELS = ("PERSON", "ORG", "GPE", "NORP", "DATE")
WORDS = ("the", "minister", "said", "on", "Monday", "that", "talks", "in", "Geneva", "would",
         "continue", "after", "Smith", "met", "Acme", "officials", "and", "reporters")


def big_article() -> tuple[str, list[Entity], list[Quote]]:
    """About 100,000 words in 3,000 paragraphs; every tenth word an entity;
    a quote every third paragraph."""
    rng = random.Random(1)
    paragraphs, entities, quotes, at = [], [], [], 0
    for p in range(3_031):
        words = [rng.choice(WORDS) for _ in range(33)]
        text = " ".join(words) + "."
        offset = 0
        for i, word in enumerate(words):
            if i % 10 in (3, 8) and i < 30 or i == 31:
                label = LABELS[(p + i) % len(LABELS)]
                entities.append(Entity(at + offset, at + offset + len(word), label))
            offset += len(word) + 1
        if p % 3 == 0:
            quotes.append(Quote(at, at + len(text) - 1, "indirect"))
        paragraphs.append(text)
        at += len(text) + 1
    return "\n".join(paragraphs), entities, quotes


def add_highlights(article_id: int, text: str, count: int = 2_000) -> None:
    step = len(text) // count
    tags = [r[0] for r in db.execute_sql("SELECT id FROM tag ORDER BY id")]
    rows, links = [], []
    for n in range(count):
        start = n * step
        end = start + step // 2 + (step if n % 10 == 0 else 0)  # one in ten overlaps the next
        rows.append((n + 1, article_id, start, end, "", "test", "2026-01-01", "2026-01-01"))
        links.append((n + 1, tags[n % len(tags)]))
    with db.atomic():
        db.obj.cursor().executemany(
            'INSERT INTO annotation (id, article_id, "start", "end", note, author, created,'
            " modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.obj.cursor().executemany("INSERT INTO annotation_tag VALUES (?, ?)", links)


def open_big_document(qtbot):
    """A window showing the 100,000-word document with its spans and
    2,000 highlights; returns the window, the text, its entities and quotes."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    text, entities, quotes = big_article()
    article_id, _ = add_article(Article(text=text, title="Long"))
    save_analysis(article_id, Analysis(entities, quotes, "test", "1"))
    add_highlights(article_id, text)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.open_article(article_id)
    return window, text, entities, quotes


def test_large_document_opens_with_every_highlight(qtbot, library) -> None:
    window, text, entities, quotes = open_big_document(qtbot)
    assert len(text.split()) >= 100_000 and len(entities) >= 9_900

    reader, highlighter = window.reader, window.reader.highlighter
    assert len(window.annotator.annotations) == 2_000
    window.actions["all_entities"].trigger()  # at first only the actors' labels are drawn
    assert len(highlighter.layer("entities")) == len(window.session.analysis.entities) == len(entities)
    assert len(highlighter.layer("quotes")) == len(quotes)
    # Every entity carries its label's colour in the laid-out text, where
    # no highlight (drawn over entities) covers it ...
    highlighted = [(a.start, a.end) for a in window.annotator.annotations]
    for span in highlighter.layer("entities"):
        if any(s < span.end and span.start < e for s, e in highlighted):
            continue
        formats = reader.formats_at(span.start)
        colours = {f.background().color().name() for f in formats}
        assert span.format.background().color().name() in colours, span
    # ... every highlight its underline ...
    for annotation in window.annotator.annotations:
        first = annotation.start + (text[annotation.start] == "\n")  # a break has no format
        styles = {f.underlineStyle() for f in reader.formats_at(first)}
        assert any(s.name != "NoUnderline" for s in styles), annotation
    # ... and every quote its dotted underline where no highlight covers it.
    from PySide6.QtGui import QTextCharFormat

    dotted = QTextCharFormat.UnderlineStyle.DotLine
    covered = [(a.start, a.end) for a in window.annotator.annotations]
    for quote in quotes:
        uncovered = (q for q in range(quote.start, quote.end)
                     if not any(s <= q < e for s, e in covered))
        inside = next(uncovered, None)
        if inside is not None:
            assert dotted in {f.underlineStyle() for f in reader.formats_at(inside)}, quote


def test_tagging_in_the_large_document_reformats_only_its_paragraph(qtbot, library) -> None:
    window, text, _, _ = open_big_document(qtbot)
    start = text.index(" ", len(text) // 2) + 1
    end = text.index(" ", start + 30)
    window.reader.select_offsets(start, end)
    formatted: list[int] = []
    highlighter = window.reader.highlighter
    original = highlighter._rehighlight_paragraphs
    highlighter._rehighlight_paragraphs = lambda ps: (formatted.extend(ps), original(ps))[1]
    highlighter.rehighlight = lambda: formatted.extend(range(10_000))  # a full pass fails below
    assert window.annotator.tag_selection("Claim")
    assert len(window.annotator.annotations) == 2_001
    assert 1 <= len(formatted) <= 4  # the paragraph, and those a neighbouring highlight spans
    assert any(f.underlineStyle().name != "NoUnderline" for f in window.reader.formats_at(start))
    window.actions["undo"].trigger()
    assert len(window.annotator.annotations) == 2_000
