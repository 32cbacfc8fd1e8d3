"""The Actors panel at work: choosing an actor shows its mentions and
quotes; renaming, merging, splitting and retyping become actor rules."""
from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QInputDialog, QStatusBar

from desktop.core.corrections import ALIAS, SPLIT, TYPE, ActorRule
from desktop.core.model import MENTION_NAME, Actor
from desktop.services.view import ensure_actor_summaries, refresh_for_rules, refresh_for_rules_in_worker
from desktop.store.actors import articles_without_actor_summary
from desktop.store.analyses import analysed_ids
from desktop.store.database import threads_can_write, worker_connection
from desktop.ui.actors.actors_dock import ActorsDock
from desktop.ui.edits import commands
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.quotes.quotes_dock import QuotesDock
from desktop.ui.reader.highlighter import StyledSpan
from desktop.ui.reader.view import ReaderView
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.actors.library_actors import LibraryActorsDialog


class ActorTools(QObject):
    """The Actors dock at work: fills it from the session, shows an actor's
    mentions in the reader, and turns renames, merges, splits and retypes
    into actor rules."""

    articleChosen = Signal(int)  # an article picked in the library's actors

    def __init__(
        self,
        session: ArticleSession,
        undo: UndoHub,
        dock: ActorsDock,
        reader: ReaderView,
        quotes_dock: QuotesDock,
        runner: TaskRunner,
        status: QStatusBar,
    ) -> None:
        super().__init__(session)
        self.session, self.undo, self.dock, self.reader = session, undo, dock, reader
        self.quotes_dock, self.runner, self.status = quotes_dock, runner, status
        self.current: Actor | None = None
        self.position = -1
        self.dialog: LibraryActorsDialog | None = None
        self.cancelled = threading.Event()  # set at quit: making summaries stops
        dock.actorChosen.connect(self.choose)
        dock.renameRequested.connect(self.rename)
        dock.mergeRequested.connect(self.merge)
        dock.splitRequested.connect(self.split)
        dock.typeRequested.connect(self.set_type)
        dock.genderRequested.connect(self.set_gender)
        session.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if changes.opened:
            self.dock.set_actors([])
            self.dock.clear_filters()
        if changes.analysis and changes.article_id == self.session.article_id:
            self.dock.set_actors(self.session.actors)
            self._reselect()
        if changes.actor_rules:
            self.refresh_summaries(list(changes.actor_rules))

    # reading ------------------------------------------------------------------
    def choose(self, index: int) -> None:
        """Mark every mention of the actor, filter the quotes to it, and go
        to its first mention."""
        actors = self.session.actors
        if not 0 <= index < len(actors):
            return
        actor = actors[index]
        self.current, self.position = actor, -1
        named = QTextCharFormat()
        named.setFontUnderline(True)
        named.setUnderlineColor(QColor("#1f5fbf"))
        named.setFontWeight(700)
        other = QTextCharFormat()
        other.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        other.setUnderlineColor(QColor("#1f5fbf"))
        self.reader.set_layer(
            "focus",
            [
                StyledSpan(m.start, m.end, named if m.kind == MENTION_NAME else other, f"{actor.name} ({m.kind})")
                for m in actor.mentions
            ],
        )
        self.quotes_dock.set_speaker_filter(actor.name if actor.quote_count else "")
        self.step(1)

    def step(self, direction: int) -> None:
        actor = self.current
        if actor is None or not actor.mentions:
            self.status.showMessage("Choose an actor in the Actors panel first.", 4000)
            return
        mentions = sorted(actor.mentions, key=lambda m: m.start)
        self.position = (self.position + direction) % len(mentions)
        mention = mentions[self.position]
        self.reader.select_offsets(mention.start, mention.end)
        self.status.showMessage(
            f"{actor.name}: mention {self.position + 1} of {len(mentions)} (Ctrl+] next, Ctrl+[ previous)", 5000
        )

    def _reselect(self) -> None:
        """After a re-analysis or a correction, keep the chosen actor."""
        if self.current is None:
            return
        names = {self.current.name, *self.current.aliases}
        match = next((i for i, a in enumerate(self.session.actors) if a.name in names), None)
        self.current = None
        if match is not None:
            self.dock.select_actor(match)

    # corrections ----------------------------------------------------------------
    def _selected(self) -> list[Actor]:
        actors = self.session.actors
        return [actors[i] for i in self.dock.selected() if 0 <= i < len(actors)]

    def _push(self, text: str, add: list[ActorRule], remove: list[ActorRule] | None = None) -> None:
        if add or remove:
            article_id = self.session.article_id or 0  # 0: no article, the hub refuses the edit
            self.undo.push(commands.ChangeActorRules(article_id, text, add, remove or []))

    def rename(self, new_name: str | None = None) -> None:
        selected = self._selected()
        if len(selected) != 1:
            self.status.showMessage("Choose one actor to rename.", 4000)
            return
        actor = selected[0]
        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self.dock.window(), "Rename actor", f"New name for {actor.name}:", text=actor.name
            )
            if not ok:
                return
        new_name = new_name.strip()
        if new_name and new_name != actor.name:
            names = {actor.name, *actor.aliases} - {new_name}
            self._push(f"Rename '{actor.name}' to '{new_name}'", [ActorRule(ALIAS, n, new_name) for n in sorted(names)])

    def merge(self, into: str | None = None) -> None:
        selected = self._selected()
        if len(selected) < 2:
            self.status.showMessage("Select two or more actors to merge.", 4000)
            return
        if into is None:
            choices = [a.name for a in selected]
            into, ok = QInputDialog.getItem(
                self.dock.window(), "Merge actors", "Name of the merged actor:", choices, 0, True
            )
            if not ok or not into.strip():
                return
        into = into.strip()
        names = {n for a in selected for n in (a.name, *a.aliases)} - {into}
        rules = [ActorRule(ALIAS, n, into) for n in sorted(names)]
        self._push(f"Merge {len(selected)} actors into '{into}'", rules)

    def split(self, alias: str | None = None) -> None:
        selected = self._selected()
        if len(selected) != 1 or not selected[0].aliases:
            self.status.showMessage("Choose one actor that has other names to split one off.", 4000)
            return
        actor = selected[0]
        if alias is None:
            alias, ok = QInputDialog.getItem(self.dock.window(), "Split alias", f"Name that is not {actor.name}:",
                                             actor.aliases, 0, False)
            if not ok:
                return
        self._push(f"Split '{alias}' from '{actor.name}'", [ActorRule(SPLIT, alias, actor.name)],
                   [ActorRule(ALIAS, alias, actor.name)])

    def set_type(self, actor_type: str) -> None:
        selected = self._selected()
        if not selected:
            return
        rules = [ActorRule(TYPE, a.name, actor_type) for a in selected if a.type != actor_type]
        label = selected[0].name if len(selected) == 1 else f"{len(selected)} actors"
        self._push(f"'{label}' is a {actor_type}", rules)

    def set_gender(self, gender: str) -> None:
        """The chosen people are ``gender`` everywhere in the library ("":
        their gender comes from the articles' evidence again)."""
        people = [a for a in self._selected() if a.type == "person"]
        if not people:
            self.status.showMessage("Choose a person: only people get a gender.", 4000)
            return
        article_id = self.session.article_id or 0  # 0: no article, the hub refuses the edit
        parts = [commands.SetActorGender(article_id, a.name, gender) for a in people]
        parts = [p for p in parts if p.add or p.remove]
        if len(parts) == 1:
            self.undo.push(parts[0])
        elif parts:
            self.undo.push(commands.CompoundEdit(article_id, f"Gender of {len(parts)} people", parts))

    def refresh_summaries(self, rules: list[ActorRule]) -> None:
        """The open article shows the new rules at once; the actor summaries
        of the other articles naming the actors (which the library views
        count) are made again in the background."""
        if not threads_can_write():  # an in-memory library: one thread sees it
            refresh_for_rules(rules)
            self._summaries_refreshed()
            return
        self.runner.submit(
            partial(refresh_for_rules_in_worker, rules), self._summaries_refreshed, self.status.showMessage
        )

    def cancel(self) -> None:
        """Quitting: stop making actor summaries (the rest are made next time)."""
        self.cancelled.set()

    def _summaries_refreshed(self, _result: object = None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    # the library ---------------------------------------------------------------
    def library_view(self) -> LibraryActorsDialog:
        from desktop.ui.actors.library_actors import LibraryActorsDialog

        if self.dialog is None:
            self.dialog = LibraryActorsDialog(self.dock.window())
            self.dialog.articleChosen.connect(self.articleChosen)
        missing = articles_without_actor_summary(analysed_ids()) if threads_can_write() else []
        if missing:
            # Articles without an actor summary yet (analysed before the
            # summaries existed): made in the background, cancelled at quit.
            self.status.showMessage(f"Counting the actors of {len(missing)} articles…")
            self.runner.submit(partial(_ensure_in_worker, missing, self.cancelled.is_set),
                               self._summaries_refreshed, self.status.showMessage)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


def _ensure_in_worker(article_ids: list[int], cancelled: Callable[[], bool]) -> None:
    with worker_connection():
        ensure_actor_summaries(article_ids, cancelled)
