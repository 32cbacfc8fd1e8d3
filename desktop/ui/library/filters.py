"""The Library's filter panel: tag, actor, source and date range."""
from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QDateEdit, QGridLayout, QWidget

from desktop.store.library import LibraryRow
from desktop.ui.library.criteria import ISO_DAY, LibraryFilter


class FilterPanel(QWidget):
    """Tag, actor, source and date range; ``changed`` after any change."""

    changed = Signal()
    actorChanged = Signal(str)  # Qt naming; "" for any actor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = self._combo("Any tag", "Show articles with a highlight carrying this tag")
        self.source = self._combo("Any source", "Show articles from this outlet or site")
        self.actor = self._combo("Any actor", "Show articles naming this actor (analysed articles)")
        self.actor.setEditable(True)
        self.actor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.use_from, self.date_from = self._date("From", "Show articles published on or after")
        self.use_to, self.date_to = self._date("to", "Show articles published on or before")
        # Compact rows: the dock is narrow and the table needs the height.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.tag, 0, 0, 1, 2)
        grid.addWidget(self.source, 0, 2, 1, 2)
        grid.addWidget(self.actor, 1, 0, 1, 4)
        for column, widget in enumerate((self.use_from, self.date_from, self.use_to, self.date_to)):
            grid.addWidget(widget, 2, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.actor.currentIndexChanged.connect(lambda: self.actorChanged.emit(self.actor_name()))
        for combo in (self.tag, self.source):
            combo.currentIndexChanged.connect(self.changed)
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(lambda _d, c=check: c.isChecked() and self.changed.emit())

    def _combo(self, any_text: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setAccessibleName(any_text.replace("Any ", "Filter by "))
        return combo

    def _date(self, text: str, tip: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text, self)
        check.setToolTip(tip)
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        edit.setAccessibleName(f"{text} date")
        return check, edit

    # choices -------------------------------------------------------------------
    @staticmethod
    def _fill(combo: QComboBox, items: Sequence[tuple[str, str]]) -> None:
        """Replace the choices after "any", keeping the chosen one if it is still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if current is not None and found < 0:
            combo.currentIndexChanged.emit(0)

    def set_rows(self, rows: Sequence[LibraryRow]) -> None:
        """Tags, sources and the date range the rows hold."""
        # Distinct values first (C-level map and set), then Python work on
        # those few: ten thousand articles have far fewer tags, sources, dates.
        tags = sorted(set().union(*map(attrgetter("tags"), rows)), key=str.casefold)
        sources = sorted(set(map(attrgetter("source"), rows)) - {None, ""}, key=str.casefold)
        self._fill(self.tag, [(t, t) for t in tags])
        self._fill(self.source, [(s, s) for s in sources])
        dates = set(map(attrgetter("date"), rows)) - {None, ""}
        days = sorted({d[:10] for d in dates if ISO_DAY.match(d)})
        bounds = ((self.use_from, self.date_from, days[:1]), (self.use_to, self.date_to, days[-1:]))
        for check, edit, day in bounds:
            if day and not check.isChecked():
                edit.setDate(QDate.fromString(day[0], Qt.DateFormat.ISODate))

    def set_actors(self, actors: Sequence[tuple[str, str, int]]) -> None:
        """(name, type, articles) of the library's actors."""
        self._fill(self.actor, [(f"{n} ({t}, {k})", n) for n, t, k in actors])

    # state ---------------------------------------------------------------------
    def actor_name(self) -> str:
        return self.actor.currentData() or ""

    def criteria(self, actor_ids: frozenset[int] | None) -> LibraryFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> str | None:
            return edit.date().toString(Qt.DateFormat.ISODate) if check.isChecked() else None

        return LibraryFilter(
            tag=self.tag.currentData(), actor=actor_ids, source=self.source.currentData(),
            date_from=day(self.use_from, self.date_from), date_to=day(self.use_to, self.date_to),
        )

    def clear(self) -> None:
        for widget in (self.tag, self.actor, self.source, self.use_from, self.use_to):
            widget.blockSignals(True)
        self.tag.setCurrentIndex(0)
        self.actor.setCurrentIndex(0)
        self.source.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        for widget in (self.tag, self.actor, self.source, self.use_from, self.use_to):
            widget.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.actorChanged.emit("")
