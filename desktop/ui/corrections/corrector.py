"""Correcting the automatic layer: entities and quotes, as undo commands."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.model import Entity, Quote
from desktop.store.corrections import analysed_articles_containing
from desktop.ui.edits import commands
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.quotes.quote_dialog import QuoteDialog


class Corrector(QObject):
    """Turns corrections of the session's entities and quotes into edits;
    ``parent``: the widget its questions and dialogs open over."""

    def __init__(self, session: ArticleSession, undo: UndoHub, parent: QWidget) -> None:
        super().__init__(session)
        self.session, self.undo, self.parent_widget = session, undo, parent

    @property
    def article_id(self) -> int:
        return self.session.article_id or 0  # 0: no article, the hub refuses the edit

    # lookups -------------------------------------------------------------------
    def entity_at(self, offset: int) -> Entity | None:
        analysis = self.session.analysis
        if analysis is None:
            return None
        return next((e for e in analysis.entities if e.start <= offset < e.end), None)

    def quote_at(self, offset: int) -> Quote | None:
        analysis = self.session.analysis
        if analysis is None:
            return None
        covering = [q for q in analysis.quotes if q.start <= offset < q.end]
        return min(covering, key=lambda q: q.end - q.start) if covering else None

    def speakers(self) -> list[str]:
        analysis = self.session.analysis
        names = {q.speaker_name for q in analysis.quotes if q.speaker_name} if analysis else set()
        names |= {a.name for a in self.session.actors}
        return sorted(names, key=str.casefold)

    # entities ------------------------------------------------------------------
    def add_entity(self, start: int, end: int, label: str) -> None:
        """Make the range an entity; an entity it overlaps is replaced."""
        analysis = self.session.analysis
        overlapped = [e for e in (analysis.entities if analysis else []) if e.start < end and start < e.end]
        if len(overlapped) <= 1:
            replaced = overlapped[0] if overlapped else None
            self.undo.push(commands.AddEntity(self.article_id, Entity(start, end, label), replaced))
            return
        parts: list[commands.EditCommand] = [commands.RemoveEntity(self.article_id, e) for e in overlapped]
        parts.append(commands.AddEntity(self.article_id, Entity(start, end, label)))
        self.undo.push(commands.CompoundEdit(self.article_id, f"Add entity {label}", parts))

    def change_label(self, entity: Entity, label: str) -> None:
        self.undo.push(commands.AddEntity(self.article_id, replace(entity, label=label), entity))

    def remove_entity(self, entity: Entity) -> None:
        self.undo.push(commands.RemoveEntity(self.article_id, entity))

    def apply_everywhere(self, text: str, label: str) -> None:
        """Make a rule of a correction; offer it for the articles already analysed."""
        article = self.session.article
        if article is None:
            return
        others = analysed_articles_containing(text, exclude=article.id)
        everywhere = False
        if others:
            what = label or "not an entity"
            answer = QMessageBox.question(
                self.parent_widget,
                "Apply everywhere",
                f"'{text}' is {what} in this article and in every article analysed from now on. "
                f"Apply it also to the {len(others)} article{'s' if len(others) != 1 else ''} "
                "already analysed that mention it?",
            )
            everywhere = answer == QMessageBox.StandardButton.Yes
        self.undo.push(commands.SetEntityRule(self.article_id, text, label, everywhere))

    # quotes --------------------------------------------------------------------
    def mark_quote(self, start: int, end: int) -> None:
        article = self.session.article
        if article is None:
            return
        dialog = QuoteDialog(article.text[start:end], self.speakers(), parent=self.parent_widget)
        if not dialog.exec():
            return
        speaker, quote_type = dialog.values()
        quote = Quote(start, end, quote_type, None, None, speaker or None, bool(speaker))
        self.undo.push(commands.AddQuote(self.article_id, quote))

    def edit_quote(self, quote: Quote) -> None:
        article = self.session.article
        if article is None:
            return
        dialog = QuoteDialog(
            article.text[quote.start:quote.end], self.speakers(), quote.speaker_name or "", quote.type,
            self.parent_widget,
        )
        if not dialog.exec():
            return
        speaker, quote_type = dialog.values()
        if (speaker or None, quote_type) == (quote.speaker_name, quote.type):
            return
        edited = replace(quote, speaker_name=speaker or None, resolved=bool(speaker), type=quote_type)
        self.undo.push(commands.AddQuote(self.article_id, edited, quote, "Edit quote"))

    def set_quote_type(self, quote: Quote, quote_type: str) -> None:
        if quote_type != quote.type:
            edited = replace(quote, type=quote_type)
            self.undo.push(commands.AddQuote(self.article_id, edited, quote, f"Quote type {quote_type}"))

    def delete_quote(self, quote: Quote) -> None:
        self.undo.push(commands.DeleteQuote(self.article_id, quote))
