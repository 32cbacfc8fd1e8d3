"""Reading comfort: find, zoom, typography, theme, remembering, status."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from desktop.core.colours import LIGHT
from desktop.core.model import Annotation
from desktop.nlp.pipeline import installed_pipelines
from desktop.store.articles import get_article_titles
from desktop.ui import theme as themes
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.reader.highlighter import StyledSpan
from desktop.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

WORDS_PER_MINUTE = 230


class Reading(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.theme = LIGHT
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("recent_menu")
        self._restoring = False
        self._words: tuple[str, int] = ("", 0)  # the text last counted, and its words
        # Scroll positions are saved a moment after scrolling stops.
        self._save_position = QTimer(self)
        self._save_position.setSingleShot(True)
        self._save_position.setInterval(400)
        self._save_position.timeout.connect(self.remember_position)

    def install(self) -> None:
        window = self.window
        file_menu = window.menus["&File"]
        file_menu.insertMenu(window.actions["preferences"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        bar = window.find_bar
        bar.matchesChanged.connect(self.show_matches)
        bar.currentChanged.connect(window.reader.select_offsets)
        bar.tagAllRequested.connect(window.annotator.tag_all)
        bar.closed.connect(window.reader.setFocus)
        window.reader.zoomChanged.connect(self._zoomed)
        # Following the system: re-theme live when the desktop switches.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        window.reader.verticalScrollBar().valueChanged.connect(lambda _v: self._save_position.start())
        self.apply_settings()

    # settings ----------------------------------------------------------------
    def apply_settings(self) -> None:
        """Theme, font, line length and zoom from the settings, live."""
        settings = self.window.settings
        self.theme = themes.resolve(settings.theme())
        themes.apply(self.theme)
        reader = self.window.reader
        reader.zoom_steps = settings.zoom()
        reader.set_typography(settings.font_family(), settings.font_size(), settings.line_length())
        self.window.restyle()

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.window.settings.theme() == themes.SYSTEM:
            self.apply_settings()

    def preferences(self) -> None:
        self.preferences_dialog().exec()

    def preferences_dialog(self) -> PreferencesDialog:
        window = self.window
        dialog = PreferencesDialog(window.settings, installed_pipelines(), window.model_name, window)
        dialog.applied.connect(self._preferences_applied)
        dialog.reanalyseLibraryRequested.connect(lambda: window.reanalyse_library(dialog.show_progress))
        return dialog

    def _preferences_applied(self) -> None:
        self.apply_settings()
        self.window.annotator.refresh_tags()
        self.window.set_model(self.window.settings.model())

    # zoom ------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.window.reader.zoom(steps)
        self._zoomed(self.window.reader.zoom_percent())

    def _zoomed(self, percent: int) -> None:
        self.window.settings.set_zoom(self.window.reader.zoom_steps)
        self.window.statusBar().showMessage(f"Zoom {percent} %", 2000)

    # find ------------------------------------------------------------------
    def find(self) -> None:
        selected = self.window.reader.textCursor().selectedText()
        self.window.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")

    def find_step(self, direction: int) -> None:
        bar = self.window.find_bar
        if not bar.isVisible():
            self.find()
        else:
            bar.step(direction)

    def show_matches(self, matches: list[tuple[int, int]]) -> None:
        fmt = QTextCharFormat()
        fmt.setFontOverline(True)
        fmt.setFontWeight(700)
        fmt.setForeground(QColor("#b3261e" if self.theme == LIGHT else "#ffb4a9"))
        self.window.reader.set_layer("find", [StyledSpan(s, e, fmt, "match") for s, e in matches])

    # remembering -------------------------------------------------------------
    def remember_position(self) -> None:
        """Keep the offset of the first character in view: unlike a scroll
        fraction, it survives a change of font, zoom or window size."""
        article = self.window.article
        if article is None or article.id is None or self._restoring:
            return
        self.window.settings.set_position(article.id, self.window.reader.top_offset())

    def close(self) -> None:
        """Save the position now; a pending save must not fire later."""
        if self._save_position.isActive():
            self._save_position.stop()
            self.remember_position()

    def restore_position(self, article_id: int) -> None:
        offset = int(self.window.settings.position(article_id))
        self._restoring = True
        self.window.reader.scroll_to_top(offset)
        self._restoring = False

    def opened(self, article_id: int) -> None:
        self.window.settings.remember_article(article_id)
        self.window.find_bar.set_text(self.window.article.text if self.window.article else "")

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        titles = get_article_titles(self.window.settings.recent())
        for number, (article_id, title) in enumerate(titles, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {title}")
            action.triggered.connect(lambda _=False, i=article_id: self.window.open_article(i))
        if not titles:
            self.recent_menu.addAction("No recent articles").setEnabled(False)

    # docks and help --------------------------------------------------------
    def focus_dock(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()
        focusable = [w for w in dock.widget().findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        (focusable[0] if focusable else dock.widget()).setFocus()

    def shortcuts(self) -> ShortcutsDialog:
        extra = [(f"Tag the selection '{t.name}'", t.shortcut) for t in self.window.annotator.tags if t.shortcut]
        extra += [("Previous match (in the find bar)", "Shift+Enter"), ("Close the find bar", "Esc")]
        dialog = ShortcutsDialog(shortcut_rows(self.window.actions, extra), self.window)
        dialog.open()
        return dialog

    # status ----------------------------------------------------------------
    def status_text(self, state: str) -> str:
        window = self.window
        article, analysis = window.article, window.analysis
        if article is None:
            return state
        if self._words[0] is not article.text:  # counting 100,000 words takes a while: once per text
            self._words = (article.text, len(article.text.split()))
        words = self._words[1]
        minutes = max(1, round(words / WORDS_PER_MINUTE))
        parts = [f"{words:,} words", f"{minutes} min read"]
        if analysis is not None:
            parts += [f"{len(analysis.entities)} entities", f"{len(analysis.quotes)} quotes"]
        highlights: list[Annotation] = window.annotator.annotations
        parts.append(f"{len(highlights)} highlights")
        parts.append(state)
        if analysis and analysis.model_name:
            model = f"{analysis.model_name} {analysis.model_version}"
        else:
            model = window.model_name
        parts.append(model)
        return " · ".join(parts)
