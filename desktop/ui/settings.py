"""Settings in one place: a small typed wrapper over QSettings.

Tests point QSettings at a temporary folder (``QSettings.setPath``) so no
test touches a real user's files.
"""
from __future__ import annotations

import getpass

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANISATION = "Byline"
APPLICATION = "Byline"


def configure_application() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


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
        value = self._qs.value("reader/hidden_labels", [])
        if isinstance(value, str):
            value = [value] if value else []
        return set(value or [])

    def set_hidden_labels(self, labels: set[str]) -> None:
        self._qs.setValue("reader/hidden_labels", sorted(labels))

    # annotating ---------------------------------------------------------
    def author(self) -> str:
        return str(self._qs.value("annotate/author", "") or "") or default_author()

    def set_author(self, name: str) -> None:
        self._qs.setValue("annotate/author", name)

    def snap_to_words(self) -> bool:
        return _bool(self._qs.value("annotate/snap_to_words", True))

    def set_snap_to_words(self, on: bool) -> None:
        self._qs.setValue("annotate/snap_to_words", on)

    def sync(self) -> None:
        self._qs.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def default_author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "me"


def _bool(value: object) -> bool:
    # QSettings' INI format gives booleans back as the strings "true"/"false".
    return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
