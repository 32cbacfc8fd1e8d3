"""What the library views share: saving an export, a labelled combo box."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QFileDialog, QHeaderView, QMessageBox, QTableView, QWidget


def save_text(parent: QWidget, caption: str, file_filter: str, content: str, path: str | None = None) -> str | None:
    """Write ``content`` to ``path``, asked for when None; the path written, or
    None when the user cancelled.  A write error is shown in one sentence."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, caption, "", file_filter)
        if not path:
            return None
    encoding = "utf-8-sig" if path.lower().endswith(".csv") else "utf-8"
    try:
        Path(path).write_text(content, encoding=encoding)
    except OSError as error:
        QMessageBox.warning(parent, caption, f"Could not write {path}: {error.strerror or error}.")
        return None
    return path


def choice_box(parent: QWidget, name: str, everything: str, values: list[tuple[str, str]]) -> QComboBox:
    """A combo box whose first item (``everything``, data "") means no filter;
    ``values`` are (shown text, value) pairs."""
    box = QComboBox(parent)
    # Sized by a few characters, not by its longest item: a speaker list
    # has thousands of names.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(14)
    box.setAccessibleName(name)
    box.setToolTip(name)
    box.addItem(everything, "")
    for text, value in values:
        box.addItem(text, value)
    return box


def set_choices(box: QComboBox, values: list[tuple[str, str]]) -> None:
    """Replace a choice box's values, keeping the current one when still offered."""
    current = box.currentData()
    box.blockSignals(True)
    everything = box.itemText(0)
    box.clear()
    box.addItem(everything, "")
    for text, value in values:
        box.addItem(text, value)
    at = box.findData(current)
    box.setCurrentIndex(max(at, 0))
    box.blockSignals(False)


def fixed_columns(view: QTableView, widths: dict[int, int], stretch: int) -> None:
    """Set column widths once instead of fitting them to their contents:
    fitting measures every row, and these tables hold tens of thousands."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
