"""Small drawn icons for actor types (no emoji font needed)."""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

COLOURS = {"person": "#6a5acd", "organisation": "#1f8a8a", "place": "#d07a00", "group": "#a0469e"}


@cache
def type_icon(actor_type: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS.get(actor_type, "#888888")))
    s = float(size)
    if actor_type == "person":  # head and shoulders
        painter.drawEllipse(QRectF(s * 0.3, s * 0.05, s * 0.4, s * 0.4))
        painter.drawRoundedRect(QRectF(s * 0.15, s * 0.5, s * 0.7, s * 0.45), s * 0.2, s * 0.2)
    elif actor_type == "organisation":  # a building
        painter.drawRect(QRectF(s * 0.15, s * 0.1, s * 0.7, s * 0.85))
        painter.setBrush(QColor("#ffffff"))
        for x in (0.3, 0.55):
            for y in (0.25, 0.5):
                painter.drawRect(QRectF(s * x, s * y, s * 0.15, s * 0.15))
    elif actor_type == "place":  # a map pin
        painter.drawEllipse(QRectF(s * 0.2, s * 0.05, s * 0.6, s * 0.6))
        painter.drawPolygon(QPolygonF([QPointF(s * 0.25, s * 0.45), QPointF(s * 0.75, s * 0.45), QPointF(s * 0.5, s)]))
    else:  # a group: two heads
        for x in (0.05, 0.5):
            painter.drawEllipse(QRectF(s * (x + 0.08), s * 0.1, s * 0.3, s * 0.3))
            painter.drawRoundedRect(QRectF(s * x, s * 0.45, s * 0.45, s * 0.45), s * 0.15, s * 0.15)
    painter.end()
    return QIcon(pixmap)
