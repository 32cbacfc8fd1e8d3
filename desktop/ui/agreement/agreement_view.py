"""Library > Agreement: the figures per tag and per article for the chosen
coders, sortable, with the worst articles first.  Built with a function
that computes the report, so it needs no window and no database of its own."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agreement_report import AgreementReport
from desktop.core.curation import CURATION
from desktop.core.errors import BylineError
from desktop.ui.agreement.figures_model import SORT_ROLE, ArticleFiguresModel, TagFiguresModel
from desktop.ui.widgets.tables import table_view

Compute = Callable[[list[str]], AgreementReport | None]

HELP = ("Units are word tokens: for each tag a coder's value on a token is whether one of their highlights "
        "with that tag overlaps it. alpha: Krippendorff's alpha (nominal), all chosen coders; kappa: Cohen's "
        "kappa, mean over coder pairs; agree: agreeing pairs; F1: spans matched exactly or by overlap. "
        "Hover a figure for its units and each pair.")


class AgreementView(QWidget):
    articleActivated = Signal(int)  # an article was double-clicked: open it (Compare coders…)

    def __init__(self, coders: list[str], compute: Compute, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.compute = compute
        self.report: AgreementReport | None = None
        self.coder_list = QListWidget(self)
        self.coder_list.setAccessibleName("Coders")
        for name in coders:
            item = QListWidgetItem(name, self.coder_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name == CURATION else Qt.CheckState.Checked)
        self.refresh_button = QPushButton("Compute", self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.tags_model, self.articles_model = TagFiguresModel(self), ArticleFiguresModel(self)
        self.tags_table = self._sorted_table("Agreement per tag", self.tags_model, 0)
        self.articles_table = self._sorted_table("Agreement per article, worst first", self.articles_model, 1)
        self.articles_table.doubleClicked.connect(self._activated)
        self._layout()
        self.refresh_button.clicked.connect(self.refresh)
        self.refresh()

    def _sorted_table(self, name: str, model: TagFiguresModel | ArticleFiguresModel, stretch: int) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = table_view(self, name, proxy, stretch=(stretch,))
        view.setSortingEnabled(True)
        # Until a header is clicked: the report's order (tags in codebook order).
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        return view

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel("Coders:", self))
        left.addWidget(self.coder_list, 1)
        left.addWidget(self.refresh_button)
        tables = QSplitter(Qt.Orientation.Vertical, self)
        tables.addWidget(self.tags_table)
        tables.addWidget(self.articles_table)
        help_label = QLabel(HELP, self)
        help_label.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(help_label)
        right.addWidget(tables, 1)
        right.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    def chosen_coders(self) -> list[str]:
        return [self.coder_list.item(i).text() for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.CheckState.Checked]

    def refresh(self) -> None:
        """Compute the figures for the checked coders; a refusal (fewer than
        two coders) is shown as its sentence and empties the tables.  A
        ``compute`` returning None computes elsewhere (a worker) and hands
        its result to ``show_report`` or ``show_refusal``."""
        try:
            report = self.compute(self.chosen_coders())
        except BylineError as exc:
            self.show_refusal(str(exc))
            return
        if report is None:
            self.message.setText("Computing…")
            return
        self.show_report(report)

    def show_refusal(self, message: str) -> None:
        self.report = None
        self.tags_model.reset_rows([])
        self.articles_model.reset_rows([])
        self.message.setText(message[:1].upper() + message[1:])

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.tags_model.reset_rows([*report.tags, report.overall])
        self.articles_model.reset_rows(report.articles)
        self.articles_table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # alpha: worst first
        self.message.setText(f"{len(report.coders)} coders on {len(report.articles)} articles.")

    def _activated(self, index: QModelIndex) -> None:
        row = self.articles_table.model().mapToSource(index).row()  # type: ignore[attr-defined] (the proxy)
        self.articleActivated.emit(self.articles_model.rows[row].article_id)
