"""The reader's context menu (tag, note, correct entities and quotes), and
the Quotes panel's (the quote actions)."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core import labels
from desktop.core.corrections import NO_ENTITY
from desktop.core.model import Quote
from desktop.ui.annotation.annotator import Annotator
from desktop.ui.corrections.corrector import Corrector
from desktop.ui.quotes.quotes_dock import TYPE_NAMES, QuotesDock
from desktop.ui.reader.legend import swatch
from desktop.ui.reader.view import ReaderView
from desktop.ui.widgets.forms import literal

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "DATE")


def install_context_menu(reader: ReaderView, annotator: Annotator, corrector: Corrector) -> None:
    """Right-click in the reader: the menu for the text under the pointer."""

    def show(pos: QPoint) -> None:
        offset = reader.article_offset(reader.cursorForPosition(pos).position())
        build_menu(reader, annotator, corrector, offset).exec(reader.viewport().mapToGlobal(pos))

    reader.customContextMenuRequested.connect(show)


def build_menu(parent: QWidget, annotator: Annotator, corrector: Corrector, offset: int | None) -> QMenu:
    menu = QMenu(parent)
    selection = annotator.selection()
    if selection is not None:
        tag_menu = menu.addMenu("&Tag selection")
        for tag in annotator.tags:
            key = f"\t{tag.shortcut}" if tag.shortcut else ""
            action = tag_menu.addAction(swatch(tag.color), f"{literal(tag.name)}{key}")
            action.triggered.connect(lambda _=False, name=tag.name: annotator.tag_selection(name))
        entity_menu = menu.addMenu("Mark as &entity")
        for label in ENTITY_LABELS:
            action = entity_menu.addAction(swatch(labels.colour(label)), label)
            action.setToolTip(labels.describe(label))
            action.triggered.connect(lambda _=False, s=selection, lab=label: corrector.add_entity(*s, lab))
        menu.addAction("Mark as &quote…").triggered.connect(lambda: corrector.mark_quote(*selection))
    if offset is not None:
        _highlight_items(annotator, menu, offset)
        _entity_items(annotator, corrector, menu, offset)
        _quote_items(corrector, menu, offset)
    if menu.isEmpty():
        menu.addAction("Select text to tag it or to mark an entity or a quote").setEnabled(False)
    return menu


def _highlight_items(annotator: Annotator, menu: QMenu, offset: int) -> None:
    annotation = annotator.annotation_at(offset)
    if annotation is None or annotation.id is None:
        return
    menu.addSection(f"Highlight: {', '.join(annotation.tags) or 'untagged'}")
    aid = annotation.id
    menu.addAction("Edit &note…").triggered.connect(lambda: annotator.ask_note(aid))
    menu.addAction("Change ta&gs…").triggered.connect(lambda: annotator.ask_tags(aid))
    menu.addAction("&Delete highlight").triggered.connect(lambda: annotator.delete_highlight(aid))


def _entity_items(annotator: Annotator, corrector: Corrector, menu: QMenu, offset: int) -> None:
    entity = corrector.entity_at(offset)
    article = corrector.session.article
    if entity is None or article is None:
        return
    text = article.text[entity.start:entity.end]
    menu.addSection(f"Entity: {text} ({entity.label})")
    change = menu.addMenu("Change &label")
    for label in ENTITY_LABELS:
        if label != entity.label:
            action = change.addAction(swatch(labels.colour(label)), label)
            action.triggered.connect(lambda _=False, lab=label: corrector.change_label(entity, lab))
    menu.addAction("&Remove entity").triggered.connect(lambda: corrector.remove_entity(entity))
    everywhere = menu.addMenu("Apply &everywhere")
    everywhere.addAction(f"'{literal(text)}' is always {entity.label}").triggered.connect(
        lambda: corrector.apply_everywhere(text, entity.label)
    )
    everywhere.addAction(f"'{literal(text)}' is never an entity").triggered.connect(
        lambda: corrector.apply_everywhere(text, NO_ENTITY)
    )
    selection = annotator.selection()
    if selection is not None and selection != (entity.start, entity.end):
        menu.addAction("Set entity &boundaries to the selection").triggered.connect(
            lambda: corrector.add_entity(*selection, entity.label)
        )


def install_quotes_menu(dock: QuotesDock, corrector: Corrector) -> None:
    """Right-click a row of the Quotes panel: the same quote actions as in
    the reader, without first finding the quote in the text."""

    def show(pos: QPoint) -> None:
        index = dock.view.indexAt(pos)
        if not index.isValid():
            return
        quote = dock.model.quotes[dock.proxy.mapToSource(index).row()]
        menu = QMenu(dock)
        menu.setObjectName("quote_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        quote_actions(corrector, menu, quote)
        menu.popup(dock.view.viewport().mapToGlobal(pos))

    dock.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    dock.view.customContextMenuRequested.connect(show)


def _quote_items(corrector: Corrector, menu: QMenu, offset: int) -> None:
    quote = corrector.quote_at(offset)
    if quote is not None:
        quote_actions(corrector, menu, quote)


def quote_actions(corrector: Corrector, menu: QMenu, quote: Quote) -> None:
    menu.addSection(f"Quote: {quote.speaker_name or 'unknown speaker'}")
    menu.addAction("Change &speaker…").triggered.connect(lambda: corrector.edit_quote(quote))
    types = menu.addMenu("Change t&ype")
    for key, name in TYPE_NAMES.items():
        action = types.addAction(name)
        action.setCheckable(True)
        action.setChecked(key == quote.type)
        action.triggered.connect(lambda _=False, k=key: corrector.set_quote_type(quote, k))
    menu.addAction("Delete &quote").triggered.connect(lambda: corrector.delete_quote(quote))
