"""The agreement figures as thin table models, one row per tag or per
article; the sort role gives numbers (undefined figures sort last)."""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.agreement import Figure
from desktop.core.agreement_report import ArticleFigures, TagFigures
from desktop.ui.widgets.tables import RIGHT, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def mean_of_pairs(figures: dict[tuple[str, str], Figure]) -> Figure:
    """The mean over coder pairs (the single pair's figure for two coders)."""
    values = [f.value for f in figures.values() if f.value is not None]
    units = max((f.units for f in figures.values()), default=0)
    return Figure(sum(values) / len(values) if values else None, units, 2)


def _shown(figure: Figure, percent: bool = False) -> str:
    if figure.value is None:
        return "n/a"
    return f"{figure.value:.1%}" if percent else f"{figure.value:.3f}"


def _pairs_tip(name: str, figures: dict[tuple[str, str], Figure]) -> str:
    return "\n".join(f"{name} {a} – {b}: {_shown(f)} ({f.units} units)" for (a, b), f in figures.items())


class _FiguresModel(RecordTableModel[Any]):
    def figures(self, row: Any) -> TagFigures:
        raise NotImplementedError

    def label_columns(self, row: Any) -> list[Any]:
        raise NotImplementedError

    def cells(self, row: Any) -> list[tuple[str, float | str, str]]:
        """(text, sort key, tooltip) per column."""
        f = self.figures(row)
        kappa, exact, overlap = mean_of_pairs(f.kappa), mean_of_pairs(f.f1_exact), mean_of_pairs(f.f1_overlap)
        labels = [(str(v), v if isinstance(v, int) else str(v).casefold(), "") for v in self.label_columns(row)]
        numbers = [
            (_shown(f.alpha), _key(f.alpha), f"Krippendorff's alpha over {f.alpha.units} tokens, "
             f"{f.alpha.coders} coders"),
            (_shown(f.percent, True), _key(f.percent), "agreeing coder pairs on the tokens"),
            (_shown(kappa), _key(kappa), _pairs_tip("Cohen's kappa", f.kappa)),
            (_shown(exact), _key(exact), _pairs_tip("span F1, exact", f.f1_exact)),
            (_shown(overlap), _key(overlap), _pairs_tip("span F1, overlapping", f.f1_overlap)),
            (str(f.alpha.units), f.alpha.units, "tokens"),
            (str(f.alpha.coders), f.alpha.coders, "coders"),
        ]
        return labels + numbers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        text, key, tip = self.cells(self.rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT_ROLE:
            return key
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.first_number:
            return RIGHT
        return None

    first_number = 1


def _key(figure: Figure) -> float:
    return figure.value if figure.value is not None else math.inf


NUMBERS = ("alpha", "agree", "kappa", "F1 exact", "F1 overlap", "tokens", "coders")


class TagFiguresModel(_FiguresModel):
    HEADERS = ("Tag", *NUMBERS)
    first_number = 1

    def figures(self, row: TagFigures) -> TagFigures:
        return row

    def label_columns(self, row: TagFigures) -> list[Any]:
        return [row.tag]


class ArticleFiguresModel(_FiguresModel):
    HEADERS = ("Id", "Article", *NUMBERS)
    first_number = 2

    def figures(self, row: ArticleFigures) -> TagFigures:
        return row.figures

    def label_columns(self, row: ArticleFigures) -> list[Any]:
        return [row.article_id, row.title]
