"""Reading comfort: find, zoom, typography, theme, remembering the place."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat
from PySide6.QtWidgets import QDockWidget, QMenu, QStatusBar, QWidget

from desktop.core.colours import LIGHT
from desktop.store.articles import get_article_titles
from desktop.ui import theme as themes
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.reader.find_bar import FindBar
from desktop.ui.reader.highlighter import StyledSpan
from desktop.ui.reader.view import ReaderView
from desktop.ui.settings import Settings
from desktop.ui.widgets.forms import literal


class ReadingTools(QObject):
    """Drives the reader's look and the find bar, and remembers where the
    reader was in each article; ``articleChosen``: one from Open Recent."""

    articleChosen = Signal(int)  # article id

    def __init__(
        self, session: ArticleSession, reader: ReaderView, find_bar: FindBar, settings: Settings, status: QStatusBar
    ) -> None:
        super().__init__(session)
        self.session, self.reader, self.find_bar = session, reader, find_bar
        self.settings, self.status = settings, status
        self.recent_menu = QMenu("Open &Recent", reader.window())
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        self._restoring = False
        # Scroll positions are saved a moment after scrolling stops.
        self._save_position = QTimer(self)
        self._save_position.setSingleShot(True)
        self._save_position.setInterval(400)
        self._save_position.timeout.connect(self.remember_position)
        find_bar.matchesChanged.connect(self.show_matches)
        find_bar.currentChanged.connect(reader.select_offsets)
        find_bar.closed.connect(reader.setFocus)
        reader.zoomChanged.connect(self._zoomed)
        reader.themeChanged.connect(lambda _theme: self.show_matches(find_bar.matches))
        # Following the system: re-theme live when the desktop switches.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        reader.verticalScrollBar().valueChanged.connect(lambda _v: self._save_position.start())
        session.changed.connect(self._changed)

    @property
    def theme(self) -> str:
        return self.reader.theme

    def _changed(self, changes: Changes) -> None:
        if changes.tags:
            self.find_bar.set_tags(self.session.tags)
        article = self.session.article
        if changes.opened and article is not None and article.id is not None:
            self.settings.remember_article(article.id)
            self.find_bar.set_text(article.text)
            QTimer.singleShot(0, lambda article_id=article.id: self.restore_position(article_id))

    # settings ----------------------------------------------------------------
    def apply_settings(self) -> None:
        """Theme, font, line length and zoom from the settings, live."""
        theme = themes.resolve(self.settings.theme())
        themes.apply(theme)
        self.reader.zoom_steps = self.settings.zoom()
        self.reader.set_typography(self.settings.font_family(), self.settings.font_size(), self.settings.line_length())
        self.reader.set_theme(theme)

    def _system_scheme_changed(self, _scheme: object) -> None:
        if self.settings.theme() == themes.SYSTEM:
            self.apply_settings()

    # zoom ------------------------------------------------------------------
    def zoom(self, steps: int) -> None:
        self.reader.zoom(steps)
        self._zoomed(self.reader.zoom_percent())

    def _zoomed(self, percent: int) -> None:
        self.settings.set_zoom(self.reader.zoom_steps)
        self.status.showMessage(f"Zoom {percent} %", 2000)

    # find ------------------------------------------------------------------
    def find(self) -> None:
        selected = self.reader.textCursor().selectedText()
        self.find_bar.open_bar(selected if selected and "\u2029" not in selected else "")

    def find_step(self, direction: int) -> None:
        if not self.find_bar.isVisible():
            self.find()
        else:
            self.find_bar.step(direction)

    def show_matches(self, matches: list[tuple[int, int]]) -> None:
        fmt = QTextCharFormat()
        fmt.setFontOverline(True)
        fmt.setFontWeight(700)
        fmt.setForeground(QColor("#b3261e" if self.theme == LIGHT else "#ffb4a9"))
        self.reader.set_layer("find", [StyledSpan(s, e, fmt, "match") for s, e in matches])

    # remembering -------------------------------------------------------------
    def remember_position(self) -> None:
        """Keep the offset of the first character in view: unlike a scroll
        fraction, it survives a change of font, zoom or window size."""
        article = self.session.article
        if article is None or article.id is None or self._restoring:
            return
        self.settings.set_position(article.id, self.reader.top_offset())

    def close(self) -> None:
        """Save the position now; a pending save must not fire later."""
        if self._save_position.isActive():
            self._save_position.stop()
            self.remember_position()

    def restore_position(self, article_id: int) -> None:
        offset = int(self.settings.position(article_id))
        self._restoring = True
        self.reader.scroll_to_top(offset)
        self._restoring = False

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        titles = get_article_titles(self.settings.recent())
        for number, (article_id, title) in enumerate(titles, start=1):
            action = self.recent_menu.addAction(f"&{number % 10} {literal(title)}")
            action.triggered.connect(lambda _=False, i=article_id: self.articleChosen.emit(i))
        if not titles:
            self.recent_menu.addAction("No recent articles").setEnabled(False)


def focus_dock(dock: QDockWidget) -> None:
    """Show a dock and put the keyboard in its first field."""
    dock.show()
    dock.raise_()
    focusable = [w for w in dock.widget().findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
    (focusable[0] if focusable else dock.widget()).setFocus()
