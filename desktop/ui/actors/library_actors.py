"""Library actors: every actor across the articles, with charts of who is
quoted most and of quotes by actor type."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import plural
from desktop.core.ticks import nice_ticks
from desktop.formats.actors_csv import render_library_actors
from desktop.services.view import ensure_actor_summaries
from desktop.store.actors import LibraryActor, articles_of_actor, library_actors
from desktop.store.analyses import analysed_ids
from desktop.ui.widgets.tables import RIGHT, RecordTableModel, search_box, table_view

Index = QModelIndex | QPersistentModelIndex
TOP = 10
MIN_BAR_ROOM = 300  # pixels for the margins, the count axis and the bars themselves
CHART_FURNITURE = 150  # pixels for the title, the count axis and the margins


class ActorArticlesModel(RecordTableModel[tuple]):
    """The articles naming one actor, as ``articles_of_actor`` lists them
    (40,000 rows for the most named actor: a table item per cell took
    seconds to make)."""

    HEADERS = ("Article", "Date", "Mentions", "Quotes")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article_id, title, date, mentions, quotes = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (title, date or "", mentions, quotes)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return article_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return RIGHT
        return None


class LibraryActorModel(RecordTableModel[LibraryActor]):
    HEADERS = ("Actor", "Type", "Articles", "Mentions", "Quotes")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        values = (row.name, row.type, row.articles, row.mentions, row.quotes)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return RIGHT
        return None


def bar_chart(title: str, bars: list[tuple[str, int]], horizontal: bool) -> QChart:
    """One series of labelled bars with a whole-number value axis."""
    chart = QChart()
    chart.setTitle(title)
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    values = QBarSet("Quotes")
    for _label, value in bars:
        values.append(value)
    series.append(values)
    chart.addSeries(series)
    labels = QBarCategoryAxis()
    labels.append([label for label, _value in bars])
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    ticks = nice_ticks(max((value for _label, value in bars), default=0))
    counts.setRange(0, ticks[-1])
    counts.setTickCount(len(ticks))  # whole numbers at a round step: 0, 100, …, 400
    label_side, count_side = (
        (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom) if horizontal
        else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
    )
    chart.addAxis(labels, label_side)
    series.attachAxis(labels)
    chart.addAxis(counts, count_side)
    series.attachAxis(counts)
    chart.legend().hide()
    themed_chart(chart)
    return chart


def themed_chart(chart: QChart) -> None:
    """The chart in the application's colours: dark on a dark palette."""
    app = QGuiApplication.instance()
    dark = isinstance(app, QGuiApplication) and app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    if dark:  # Qt's dark chart theme is blue-grey: use the window's own colour
        chart.setBackgroundBrush(app.palette().color(QPalette.ColorRole.Window))


class LibraryActorsDialog(QDialog):
    articleChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library actors")
        self.resize(1100, 720)
        self.model = LibraryActorModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = search_box(self, "Search library actors")
        self.summary = QLabel(self)
        self.export_button = QPushButton("Export CSV…", self)
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        tables = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.view = table_view(tables, "Library actors", self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.article_model = ActorArticlesModel(self)
        self.articles = table_view(tables, "Articles mentioning the actor", self.article_model)
        self.articles.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        charts = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.quoted_chart = QChartView(charts)
        self.quoted_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.type_chart = QChartView(charts)
        self.type_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.selectionModel().currentRowChanged.connect(self._choose)
        self.articles.doubleClicked.connect(self._open)
        self.export_button.clicked.connect(self.export_csv)

    def refresh(self) -> None:
        ensure_actor_summaries(analysed_ids())
        rows = library_actors()
        self.model.reset_rows(rows)
        self.summary.setText(plural(len(rows), "actor"))
        self._draw_charts(rows)

    def _draw_charts(self, rows: list[LibraryActor]) -> None:
        quoted = sorted((r for r in rows if r.quotes), key=lambda r: (-r.quotes, r.name))[:TOP]
        # Bottom to top on the axis: the most quoted goes last so it shows first.
        self.quoted_chart.setChart(bar_chart(
            f"Most quoted actors (top {TOP})", [(r.name, r.quotes) for r in reversed(quoted)], horizontal=True
        ))
        # Room for the longest name in full beside the bars: Qt elides a
        # category label ("Vladimir P…") when the chart is too narrow.
        chart = self.quoted_chart.chart()
        metrics = QFontMetrics(chart.axes()[0].labelsFont())
        widest = max((metrics.horizontalAdvance(r.name) for r in quoted), default=0)
        self.quoted_chart.setMinimumWidth(widest + MIN_BAR_ROOM)
        # and a line of text per bar: a name taller than its bar's share of
        # the axis is drawn as "…".
        self.quoted_chart.setMinimumHeight(len(quoted) * (metrics.height() + 6) + CHART_FURNITURE)
        by_type: Counter[str] = Counter()
        for row in rows:
            by_type[row.type] += row.quotes
        self.type_chart.setChart(bar_chart(
            # Horizontal, like the top 10: "organisation" fits whole beside its bar.
            "Quotes by actor type", [(t, n) for t, n in reversed(by_type.most_common()) if n], horizontal=True
        ))

    def select(self, name: str) -> None:
        matches = self.proxy.match(self.proxy.index(0, 0), Qt.ItemDataRole.DisplayRole, name, 1,
                                   Qt.MatchFlag.MatchExactly)
        if matches:
            self.view.setCurrentIndex(matches[0])

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        name = self.proxy.index(index.row(), 0).data()
        self.article_model.reset_rows(articles_of_actor(name))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.articleChosen.emit(index.data(Qt.ItemDataRole.UserRole))

    def export_csv(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export actors", "actors.csv", "CSV (*.csv)")
            if not path:
                return
        rows = ((r.name, r.type, r.articles, r.mentions, r.quotes) for r in self.model.rows)
        Path(path).write_text(render_library_actors(rows), encoding="utf-8")
