"""The Actors panel at work: choosing an actor shows its mentions and
quotes; renaming, merging, splitting and retyping become actor rules."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QInputDialog

from desktop.core.model import MENTION_NAME, Actor
from desktop.services.view import refresh_for_rules, refresh_for_rules_in_worker
from desktop.store.actors import ALIAS, SPLIT, TYPE, ActorRule
from desktop.store.database import threads_can_write
from desktop.ui.edits import commands
from desktop.ui.reader.highlighter import StyledSpan

if TYPE_CHECKING:
    from desktop.ui.actors.library_actors import LibraryActorsDialog
    from desktop.ui.main_window import MainWindow


class Actoring(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current: Actor | None = None
        self.position = -1
        self.dialog: LibraryActorsDialog | None = None

    def install(self) -> None:
        dock = self.window.actors_dock
        dock.actorChosen.connect(self.choose)
        dock.renameRequested.connect(self.rename)
        dock.mergeRequested.connect(self.merge)
        dock.splitRequested.connect(self.split)
        dock.typeRequested.connect(self.set_type)
        self.window.analysisShown.connect(self._reselect)
        self.window.editor.actorRulesChanged.connect(self.refresh_summaries)

    # reading ------------------------------------------------------------------
    def choose(self, index: int) -> None:
        """Mark every mention of the actor, filter the quotes to it, and go
        to its first mention."""
        actors = self.window.actors
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
        self.window.reader.set_layer(
            "focus",
            [
                StyledSpan(m.start, m.end, named if m.kind == MENTION_NAME else other, f"{actor.name} ({m.kind})")
                for m in actor.mentions
            ],
        )
        self.window.quotes_dock.set_speaker_filter(actor.name if actor.quote_count else "")
        self.step(1)

    def step(self, direction: int) -> None:
        actor = self.current
        if actor is None or not actor.mentions:
            self.window.statusBar().showMessage("Choose an actor in the Actors panel first.", 4000)
            return
        mentions = sorted(actor.mentions, key=lambda m: m.start)
        self.position = (self.position + direction) % len(mentions)
        mention = mentions[self.position]
        self.window.reader.select_offsets(mention.start, mention.end)
        self.window.statusBar().showMessage(
            f"{actor.name}: mention {self.position + 1} of {len(mentions)} (Ctrl+] next, Ctrl+[ previous)", 5000
        )

    def _reselect(self, _article_id: int) -> None:
        """After a re-analysis or a correction, keep the chosen actor."""
        if self.current is None:
            return
        names = {self.current.name, *self.current.aliases}
        match = next((i for i, a in enumerate(self.window.actors) if a.name in names), None)
        self.current = None
        if match is not None:
            self.window.actors_dock.select_actor(match)

    # corrections ----------------------------------------------------------------
    def _selected(self) -> list[Actor]:
        actors = self.window.actors
        return [actors[i] for i in self.window.actors_dock.selected() if 0 <= i < len(actors)]

    def _push(self, text: str, add: list[ActorRule], remove: list[ActorRule] | None = None) -> None:
        if add or remove:
            self.window.editor.push(commands.ChangeActorRules(self.window.editor, text, add, remove or []))

    def rename(self, new_name: str | None = None) -> None:
        selected = self._selected()
        if len(selected) != 1:
            self.window.statusBar().showMessage("Choose one actor to rename.", 4000)
            return
        actor = selected[0]
        if new_name is None:
            new_name, ok = QInputDialog.getText(
                self.window, "Rename actor", f"New name for {actor.name}:", text=actor.name
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
            self.window.statusBar().showMessage("Select two or more actors to merge.", 4000)
            return
        if into is None:
            choices = [a.name for a in selected]
            into, ok = QInputDialog.getItem(self.window, "Merge actors", "Name of the merged actor:", choices, 0, True)
            if not ok or not into.strip():
                return
        into = into.strip()
        names = {n for a in selected for n in (a.name, *a.aliases)} - {into}
        rules = [ActorRule(ALIAS, n, into) for n in sorted(names)]
        self._push(f"Merge {len(selected)} actors into '{into}'", rules)

    def split(self, alias: str | None = None) -> None:
        selected = self._selected()
        if len(selected) != 1 or not selected[0].aliases:
            self.window.statusBar().showMessage("Choose one actor that has other names to split one off.", 4000)
            return
        actor = selected[0]
        if alias is None:
            alias, ok = QInputDialog.getItem(self.window, "Split alias", f"Name that is not {actor.name}:",
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

    def refresh_summaries(self, rules: list[ActorRule]) -> None:
        """The open article shows the new rules at once; the actor summaries
        of the other articles naming the actors (which the library views
        count) are made again in the background."""
        if not threads_can_write():  # an in-memory library: one thread sees it
            refresh_for_rules(rules)
            self._summaries_refreshed()
            return
        self.window.runner.submit(
            partial(refresh_for_rules_in_worker, rules), self._summaries_refreshed, self.window.statusBar().showMessage
        )

    def _summaries_refreshed(self, _result: object = None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.refresh()

    # the library ---------------------------------------------------------------
    def library_view(self) -> LibraryActorsDialog:
        from desktop.ui.actors.library_actors import LibraryActorsDialog

        if self.dialog is None:
            self.dialog = LibraryActorsDialog(self.window)
            self.dialog.articleChosen.connect(self.window.open_article)
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
