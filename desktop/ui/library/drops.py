"""Files and folders dropped on the window become an import."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDropEvent


class DropFilter(QObject):
    """Files and folders dragged onto the window start an import."""

    def __init__(self, import_paths: Callable[[list[Path]], object], parent: QObject) -> None:
        super().__init__(parent)
        self.import_paths = import_paths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        drop: QDropEvent = event  # type: ignore[assignment]
        paths = local_paths(drop.mimeData())
        if not paths:
            return False
        drop.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # Return to the drag source first; the dialog opens right after.
            QTimer.singleShot(0, lambda: self.import_paths(paths))
        return True


def local_paths(mime: QMimeData | None) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
