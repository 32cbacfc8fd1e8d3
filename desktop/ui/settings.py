"""Settings in one place: a small typed wrapper over QSettings.

Tests point QSettings at a temporary folder (``QSettings.setPath``) so no
test touches a real user's files.
"""
from __future__ import annotations

import getpass
import json
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from desktop.core import labels

ORGANISATION = "Byline"
APPLICATION = "Byline"


def configure_application() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


def strip_password(location: str) -> str:
    """A team library's URL without any password in it (never stored)."""
    parts = urlsplit(location)
    if "://" not in location or parts.password is None:
        return location
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}@{netloc}"))


class Settings:
    def __init__(self) -> None:
        self._qs = QSettings()

    # window layout -------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    # analysis ------------------------------------------------------------
    def model(self) -> str:
        return str(self._qs.value("nlp/model", "") or "")

    def set_model(self, name: str) -> None:
        self._qs.setValue("nlp/model", name)

    def hidden_labels(self) -> set[str]:
        """The entity labels not drawn; at first, all but the actors'."""
        if not self._qs.contains("reader/hidden_labels"):
            return labels.hidden_except(labels.ACTOR_LABELS)
        return self._names("reader/hidden_labels")

    def set_hidden_labels(self, labels: set[str]) -> None:
        self._qs.setValue("reader/hidden_labels", sorted(labels))

    def hidden_library_columns(self) -> set[str]:
        return self._names("library/hidden_columns")

    def set_hidden_library_columns(self, names: set[str]) -> None:
        self._qs.setValue("library/hidden_columns", sorted(names))

    # annotating ---------------------------------------------------------
    def library(self) -> str:
        """The library opened at start (a file path or a team library's
        URL, never with a password); empty: the default one."""
        return str(self._qs.value("library/location", "") or "")

    def set_library(self, location: str) -> None:
        self._qs.setValue("library/location", strip_password(location.strip()))

    def author(self) -> str:
        return str(self._qs.value("annotate/author", "") or "") or default_author()

    def set_author(self, name: str) -> None:
        self._qs.setValue("annotate/author", name)

    def snap_to_words(self) -> bool:
        return _bool(self._qs.value("annotate/snap_to_words", True))

    def set_snap_to_words(self, on: bool) -> None:
        self._qs.setValue("annotate/snap_to_words", on)

    # reading -------------------------------------------------------------
    def theme(self) -> str:
        return str(self._qs.value("reader/theme", "system") or "system")

    def set_theme(self, name: str) -> None:
        self._qs.setValue("reader/theme", name)

    def font_family(self) -> str:
        return str(self._qs.value("reader/font_family", "") or "")

    def set_font_family(self, family: str) -> None:
        self._qs.setValue("reader/font_family", family)

    def font_size(self) -> float:
        return _float(self._qs.value("reader/font_size", 0.0))

    def set_font_size(self, size: float) -> None:
        self._qs.setValue("reader/font_size", float(size))

    def line_length(self) -> int:
        return int(_float(self._qs.value("reader/line_length", 75)))

    def set_line_length(self, chars: int) -> None:
        self._qs.setValue("reader/line_length", int(chars))

    def zoom(self) -> int:
        return int(_float(self._qs.value("reader/zoom", 0)))

    def set_zoom(self, steps: int) -> None:
        self._qs.setValue("reader/zoom", int(steps))

    def export_folder(self) -> str:
        return str(self._qs.value("export/folder", "") or "")

    def set_export_folder(self, folder: str) -> None:
        self._qs.setValue("export/folder", folder)

    # remembering -----------------------------------------------------------
    RECENT_MAX = 10
    POSITIONS_MAX = 200

    def last_article(self) -> int | None:
        value = self._qs.value("session/last_article")
        return int(value) if value not in (None, "") else None

    def recent(self) -> list[int]:
        value = self._qs.value("session/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [int(v) for v in value or []]

    def remember_article(self, article_id: int) -> None:
        self._qs.setValue("session/last_article", article_id)
        recent = [article_id] + [i for i in self.recent() if i != article_id]
        self._qs.setValue("session/recent", [str(i) for i in recent[: self.RECENT_MAX]])

    def forget_articles(self, ids: set[int]) -> None:
        self._qs.setValue("session/recent", [str(i) for i in self.recent() if i not in ids])
        if self.last_article() in ids:
            self._qs.remove("session/last_article")

    def position(self, article_id: int) -> float:
        return _float(self._positions().get(str(article_id), 0.0))

    def set_position(self, article_id: int, fraction: float) -> None:
        positions = self._positions()
        positions.pop(str(article_id), None)
        positions[str(article_id)] = round(fraction, 5)
        # Keep the most recent ones only (dicts keep insertion order).
        trimmed = dict(list(positions.items())[-self.POSITIONS_MAX:])
        self._qs.setValue("session/positions", json.dumps(trimmed))

    def _positions(self) -> dict[str, float]:
        try:
            value = json.loads(str(self._qs.value("session/positions", "{}") or "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def sync(self) -> None:
        self._qs.sync()

    def _names(self, key: str) -> set[str]:
        """A stored list of names (an INI file gives one name as a string)."""
        value = self._qs.value(key, [])
        if isinstance(value, str):
            value = [value] if value else []
        return set(value or [])

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def default_author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "me"


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0


def _bool(value: object) -> bool:
    # QSettings' INI format gives booleans back as the strings "true"/"false".
    return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
