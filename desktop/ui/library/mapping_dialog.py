"""Which column holds what: a CSV/TSV corpus's first rows, and a choice of
column for each of Byline's article fields.

The result is the ``columns`` mapping that ``import_paths`` and the CLI's
``--columns`` take: field -> column name.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import shorten
from desktop.formats.csv_corpus import FIELDS, preview

NONE = "(none)"
LABELS = {"text": "Text", "title": "Title", "date": "Date", "url": "URL",
          "source": "Source", "author": "Author"}
CELL_CHARS = 80


class MappingDialog(QDialog):
    """Choose the columns of ``name``; ``mapping()`` is the answer."""

    def __init__(
        self,
        name: str,
        header: list[str],
        rows: list[list[str]],
        guessed: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Columns of {name}")
        self.header = header
        guessed = guessed or {}
        intro = QLabel(
            f"Choose which column of <b>{escape(name)}</b> holds each part of the articles. "
            "Only the text is required; each row with text becomes one article."
        )
        intro.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        for field in FIELDS:
            combo = QComboBox(self)
            combo.addItem(NONE, None)
            for column in header:
                combo.addItem(column or "(unnamed)", column)
            guess = combo.findData(guessed[field]) if field in guessed else 0
            combo.setCurrentIndex(max(0, guess))
            combo.currentIndexChanged.connect(self._changed)
            combo.setAccessibleName(f"Column for the {field}")
            self.combos[field] = combo
            form.addRow(LABELS.get(field, field.title()) + ("*" if field == "text" else ""), combo)
        self.table = self._preview(header, rows)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.warning = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(f"The first {len(rows)} rows:"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self._changed()

    @classmethod
    def for_file(cls, path: Path, parent: QWidget | None = None, rows: int = 5) -> MappingDialog:
        """The dialog for a corpus file (raises InputError when it cannot be read)."""
        header, first, guessed = preview(path, rows)
        return cls(path.name, header, first, guessed, parent)

    def _preview(self, header: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(header), self)
        table.setHorizontalHeaderLabels([h or "(unnamed)" for h in header])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setDefaultSectionSize(160)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[: len(header)]):
                flat = " ".join(cell.split())
                item = QTableWidgetItem(shorten(flat, CELL_CHARS))
                item.setToolTip(shorten(flat, 600))
                table.setItem(r, c, item)
        return table

    def mapping(self) -> dict[str, str]:
        """Field -> column for every field, "" for a field set to no column
        (so that the importer does not guess one for it by its name)."""
        return {f: c.currentData() or "" for f, c in self.combos.items()}

    def choose(self, field: str, column: str | None) -> None:
        """Set the column of a field (None for none)."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(0, combo.findData(column)) if column is not None else 0)

    def _changed(self) -> None:
        chosen = {field: column for field, column in self.mapping().items() if column}
        used = list(chosen.values())
        twice = sorted({c for c in used if used.count(c) > 1})
        problems = []
        if "text" not in chosen:
            problems.append("Choose the column that holds the text.")
        if twice:
            problems.append(f"Each column can hold one field: {', '.join(twice)} is chosen twice.")
        self.warning.setText(" ".join(problems))
        self.warning.setVisible(bool(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
        # The preview's headers say which field each column gives.
        fields = {column: field for field, column in chosen.items()}
        for c, column in enumerate(self.header):
            label = column or "(unnamed)"
            if column in fields:
                label += f"\n→ {LABELS[fields[column]].lower()}"
            item = QTableWidgetItem(label)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setHorizontalHeaderItem(c, item)
