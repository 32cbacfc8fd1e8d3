"""Correcting the automatic layer: entities and quotes, as undo commands."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import Entity, Quote
from desktop.store.corrections import analysed_articles_containing
from desktop.ui.edits import commands
from desktop.ui.quotes.quote_dialog import QuoteDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class Corrector(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor

    # lookups -------------------------------------------------------------------
    def entity_at(self, offset: int) -> Entity | None:
        analysis = self.window.analysis
        if analysis is None:
            return None
        return next((e for e in analysis.entities if e.start <= offset < e.end), None)

    def quote_at(self, offset: int) -> Quote | None:
        analysis = self.window.analysis
        if analysis is None:
            return None
        covering = [q for q in analysis.quotes if q.start <= offset < q.end]
        return min(covering, key=lambda q: q.end - q.start) if covering else None

    def speakers(self) -> list[str]:
        analysis = self.window.analysis
        names = {q.speaker_name for q in analysis.quotes if q.speaker_name} if analysis else set()
        names |= {a.name for a in self.window.actors_dock.model.actors}
        return sorted(names, key=str.casefold)

    # entities ------------------------------------------------------------------
    def add_entity(self, start: int, end: int, label: str) -> None:
        """Make the range an entity; an entity it overlaps is replaced."""
        analysis = self.window.analysis
        overlapped = [e for e in (analysis.entities if analysis else []) if e.start < end and start < e.end]
        stack = self.editor.stack()
        if stack is None:
            return
        if len(overlapped) <= 1:
            replaced = overlapped[0] if overlapped else None
            self.editor.push(commands.AddEntity(self.editor, Entity(start, end, label), replaced))
            return
        stack.beginMacro(f"Add entity {label}")
        for entity in overlapped:
            self.editor.push(commands.RemoveEntity(self.editor, entity))
        self.editor.push(commands.AddEntity(self.editor, Entity(start, end, label)))
        stack.endMacro()

    def change_label(self, entity: Entity, label: str) -> None:
        self.editor.push(commands.AddEntity(self.editor, replace(entity, label=label), entity))

    def remove_entity(self, entity: Entity) -> None:
        self.editor.push(commands.RemoveEntity(self.editor, entity))

    def apply_everywhere(self, text: str, label: str) -> None:
        """Make a rule of a correction; offer it for the articles already analysed."""
        article = self.window.article
        if article is None:
            return
        others = analysed_articles_containing(text, exclude=article.id)
        everywhere = False
        if others:
            what = label or "not an entity"
            answer = QMessageBox.question(
                self.window,
                "Apply everywhere",
                f"'{text}' is {what} in this article and in every article analysed from now on. "
                f"Apply it also to the {len(others)} article{'s' if len(others) != 1 else ''} "
                "already analysed that mention it?",
            )
            everywhere = answer == QMessageBox.StandardButton.Yes
        self.editor.push(commands.SetEntityRule(self.editor, text, label, everywhere))

    # quotes --------------------------------------------------------------------
    def mark_quote(self, start: int, end: int) -> None:
        article = self.window.article
        if article is None:
            return
        dialog = QuoteDialog(article.text[start:end], self.speakers(), parent=self.window)
        if not dialog.exec():
            return
        speaker, quote_type = dialog.values()
        quote = Quote(start, end, quote_type, None, None, speaker or None, bool(speaker))
        self.editor.push(commands.AddQuote(self.editor, quote))

    def edit_quote(self, quote: Quote) -> None:
        article = self.window.article
        if article is None:
            return
        dialog = QuoteDialog(
            article.text[quote.start:quote.end], self.speakers(), quote.speaker_name or "", quote.type, self.window
        )
        if not dialog.exec():
            return
        speaker, quote_type = dialog.values()
        if (speaker or None, quote_type) == (quote.speaker_name, quote.type):
            return
        edited = replace(quote, speaker_name=speaker or None, resolved=bool(speaker), type=quote_type)
        self.editor.push(commands.AddQuote(self.editor, edited, quote, "Edit quote"))

    def set_quote_type(self, quote: Quote, quote_type: str) -> None:
        if quote_type != quote.type:
            edited = replace(quote, type=quote_type)
            self.editor.push(commands.AddQuote(self.editor, edited, quote, f"Quote type {quote_type}"))

    def delete_quote(self, quote: Quote) -> None:
        self.editor.push(commands.DeleteQuote(self.editor, quote))
