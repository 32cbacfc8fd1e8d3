"""The main window composes: the reader in the centre, docks around it, and
the parts that drive them, each given the session, the undo hub and its
own widgets.  Nothing here reads or writes the library itself."""
from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import labels
from desktop.core.errors import BylineError
from desktop.nlp.pipeline import available_pipelines, default_pipeline_name
from desktop.paths import seed_files
from desktop.services.importing import import_files
from desktop.store.analyses import load_analysis
from desktop.store.articles import count_articles, get_article_titles, list_articles
from desktop.store.coders import list_coders
from desktop.store.database import library_path, open_library
from desktop.store.models import db
from desktop.ui.actions import build_actions, build_toolbar
from desktop.ui.actors.actor_tools import ActorTools
from desktop.ui.actors.actors_dock import ActorsDock
from desktop.ui.agreement.window_tools import AgreementTools
from desktop.ui.analysis_runner import AnalysisRunner
from desktop.ui.annotation.annotations_dock import AnnotationsDock
from desktop.ui.annotation.annotator import Annotator
from desktop.ui.annotation.tag_bar import TagBar
from desktop.ui.annotation.tags_dock import TagsDock
from desktop.ui.corpus.library_views import LibraryViews
from desktop.ui.corrections.corrector import Corrector
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.library.article_tools import ArticleTools
from desktop.ui.library.controller import LibraryController
from desktop.ui.library.library_dock import LibraryDock
from desktop.ui.library.welcome import WelcomePage
from desktop.ui.quotes.quote_tools import QuoteTools
from desktop.ui.quotes.quotes_dock import QuotesDock
from desktop.ui.reader.article_layers import ArticleLayers
from desktop.ui.reader.find_bar import FindBar
from desktop.ui.reader.legend import LegendBar
from desktop.ui.reader.reading_tools import ReadingTools, focus_dock
from desktop.ui.reader.view import ReaderView
from desktop.ui.reader_menu import install_context_menu, install_quotes_menu
from desktop.ui.settings import Settings
from desktop.ui.status import status_text
from desktop.ui.team.tools import TeamTools
from desktop.ui.workers import TaskRunner

# The dialogs are imported when first opened: the window shows sooner.
if TYPE_CHECKING:
    from desktop.ui.guide import GuideDialog
    from desktop.ui.library.check_dialog import CheckDialog
    from desktop.ui.library.export_dialog import ExportDialog
    from desktop.ui.preferences import PreferencesDialog
    from desktop.ui.shortcuts_dialog import ShortcutsDialog
    from desktop.ui.training import ImproveModelDialog


class MainWindow(QMainWindow):
    analysisShown = Signal(int)  # article id

    def __init__(self, settings: Settings, model: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.runner = TaskRunner(self)
        self.session = ArticleSession(self)
        self.undo = UndoHub(self.session, self)
        self.analyser = AnalysisRunner(self.session, self.runner, model or settings.model() or default_pipeline_name(),
                                       self)
        self.setWindowTitle("Byline")
        self.resize(1360, 860)
        self._build_centre()
        self._build_docks()
        self._build_status()
        session, undo, status = self.session, self.undo, self.statusBar()
        # Subscribed in this order: the reader shows the text, then the
        # others draw on it; the actor tools come after the quotes they filter.
        self.article_layers = ArticleLayers(session, self.reader, self.legend, settings.hidden_labels())
        self.quote_tools = QuoteTools(session, self.quotes_dock, self.reader)
        self.annotator = Annotator(session, undo, self.reader, self.tag_bar, self.tags_dock, self.annotations_dock,
                                   settings, status)
        self.corrector = Corrector(session, undo, self)
        self.actor_tools = ActorTools(session, undo, self.actors_dock, self.reader, self.quotes_dock, self.runner,
                                      status)
        self.reading = ReadingTools(session, self.reader, self.find_bar, settings, status)
        self.library = LibraryController(session, undo, self.library_dock, self.runner, self.analyser.model_name,
                                         settings, self, status)
        self.articles = ArticleTools(session, undo, self, status)
        self.team = TeamTools(session, status, self)
        self.library_views = LibraryViews(self, session, self.library_dock, self.runner)
        self.agreement = AgreementTools(session, undo, self.runner, self)
        self.actions = build_actions(self, self._slots(), {
            "undo": lambda: undo.group.createUndoAction(self, "&Undo"),
            "redo": lambda: undo.group.createRedoAction(self, "&Redo"),
        })
        self.toolbar = build_toolbar(self, self.actions)
        self._wire()
        self.reading.apply_settings()
        session.publish(Changes(tags=True))
        self._restore_layout()

    @property
    def model_name(self) -> str:
        return self.analyser.model_name

    def _slots(self) -> dict[str, Callable[[], object]]:
        annotator, reading, actors = self.annotator, self.reading, self.actor_tools
        return {
            "open": lambda: self.library.open_files_dialog(),
            "quit": self.close,
            "about": self.show_about,
            "next_highlight": lambda: annotator.step(1),
            "previous_highlight": lambda: annotator.step(-1),
            "edit_note": lambda: self._on_current_highlight(annotator.ask_note),
            "edit_tags": lambda: self._on_current_highlight(annotator.ask_tags),
            "delete_highlight": lambda: self._on_current_highlight(annotator.delete_highlight),
            "new_tag": annotator.new_tag,
            "reanalyse": self.analyser.reanalyse,
            "preferences": lambda: self.preferences_dialog().exec(),
            "find": reading.find,
            "find_next": lambda: reading.find_step(1),
            "find_previous": lambda: reading.find_step(-1),
            "zoom_in": lambda: reading.zoom(1),
            "zoom_out": lambda: reading.zoom(-1),
            "zoom_reset": lambda: reading.zoom(0),
            "show_library": lambda: focus_dock(self.library_dock),
            "show_tags": lambda: focus_dock(self.tags_dock),
            "show_quotes": lambda: focus_dock(self.quotes_dock),
            "show_actors": lambda: focus_dock(self.actors_dock),
            "show_annotations": lambda: focus_dock(self.annotations_dock),
            "show_reader": lambda: self.reader.setFocus(),
            "shortcuts": self.shortcuts,
            "actor_entities": lambda: self.article_layers.show_only(labels.ACTOR_LABELS),
            "all_entities": lambda: self.article_layers.show_only(None),
            "next_mention": lambda: actors.step(1),
            "previous_mention": lambda: actors.step(-1),
            "library_actors": actors.library_view,
            "export": lambda: self.export_articles([self.session.article_id] if self.session.article_id else []),
            "check_library": self.check_library,
            "new_article": lambda: self.articles.new_article(),
            "print": lambda: self.articles.print_open(),
            "guide": self.show_guide,
            "open_team": self.open_team_library,
            "compare_coders": self.compare_coders,
            "library_quotes": lambda: self.library_views.show("quotes"),
            "library_segments": lambda: self.library_views.show("segments"),
            "library_matrix": lambda: self.library_views.show("matrix"),
            "library_report": self.library_views.report,
            "library_agreement": self.agreement.agreement,
            "improve_model": self.improve_model,
        }

    def _wire(self) -> None:
        self.session.changed.connect(self._changed)
        self.undo.refused.connect(lambda message: QMessageBox.warning(self, "Cannot do that", message))
        self.find_bar.tagAllRequested.connect(self.annotator.tag_all)
        install_context_menu(self.reader, self.annotator, self.corrector)
        install_quotes_menu(self.quotes_dock, self.corrector)
        self.actor_tools.articleChosen.connect(self.open_article)
        self.reading.articleChosen.connect(self.open_article)
        self.library_dock.articleChosen.connect(self.open_article)
        self.welcome.sampleRequested.connect(lambda: self.import_and_open(seed_files()))
        self.welcome.importRequested.connect(self.actions["open"].trigger)
        self.welcome.pasteRequested.connect(self.articles.new_article)
        self.library_dock.detailsRequested.connect(self.articles.edit_details)
        self.articles.openRequested.connect(self.open_article)
        self.articles.added.connect(self._open_added)
        self.library_dock.exportRequested.connect(self.export_articles)
        self.library.openRequested.connect(self.open_article)
        self.library.backgroundDone.connect(lambda: self.progress.setVisible(self.runner.busy()))
        self.library.install(self.menus["&File"], self.actions["open"], [self.reader.viewport()])
        self.menus["&File"].insertMenu(self.actions["preferences"], self.reading.recent_menu)
        self.analyser.modelLoaded.connect(self.library.set_model)
        self.analyser.modelLoaded.connect(self.library.resume_unanalysed)
        self.analyser.busy.connect(self._busy)
        self.analyser.done.connect(self._idle)
        self.analyser.failed.connect(self._failed)
        self.team.libraryChanged.connect(self.refresh_library)
        self.undo.refusedBecause.connect(self.team.refused)
        self.team.start()
        self.library_views.openAt.connect(self.open_article_at)
        self.library.backgroundDone.connect(self.library_views.refresh)
        self.library.importFinished.connect(lambda _report: self.library_views.refresh())
        self.agreement.articleChosen.connect(self.open_article)

    def _on_current_highlight(self, action: Callable[[int], None]) -> None:
        annotation_id = self.annotator.current_highlight()
        if annotation_id is None:
            self.statusBar().showMessage("Choose a highlight first (F8 steps through them).", 4000)
        else:
            action(annotation_id)

    def _changed(self, changes: Changes) -> None:
        article = self.session.article
        if changes.opened or changes.details:
            self.setWindowTitle(f"{article.title} — Byline" if article else "Byline")
            self.show_welcome(article is None and count_articles() == 0)
        if changes.article_id is None or changes.article_id != self.session.article_id:
            return
        if (changes.annotations or changes.tags) and not changes.opened:
            self._idle("saved")
        if changes.analysis:
            self._idle("analysed")
            self.analysisShown.emit(changes.article_id)

    # construction ----------------------------------------------------------
    def _build_centre(self) -> None:
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.legend = LegendBar(centre)
        self.find_bar = FindBar(centre)
        self.reader = ReaderView(centre)
        self.tag_bar = TagBar(self.reader.viewport())
        layout.addWidget(self.legend)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.reader, 1)
        self.welcome = WelcomePage(self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(centre)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

    def _build_docks(self) -> None:
        self.library_dock = LibraryDock(self)
        self.tags_dock = TagsDock(self)
        self.quotes_dock = QuotesDock(self)
        self.actors_dock = ActorsDock(self)
        self.annotations_dock = AnnotationsDock(self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.library_dock)
        self.addDockWidget(left, self.tags_dock)
        self.addDockWidget(right, self.quotes_dock)
        self.addDockWidget(right, self.actors_dock)
        self.tabifyDockWidget(self.actors_dock, self.annotations_dock)
        self.actors_dock.raise_()
        self.resizeDocks([self.library_dock, self.quotes_dock], [300, 440], Qt.Orientation.Horizontal)

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy indicator
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reading.close()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_hidden_labels(self.article_layers.hidden_labels)
        self.settings.sync()
        # Quitting does not wait for queued analyses (they run again next
        # time); the one running is abandoned between pieces of its text and
        # keeps nothing, so its article is analysed at the next start (see
        # app.run_gui).
        self.team.stop()
        self.analyser.cancel()
        self.actor_tools.cancel()
        self.library.stop_background()
        self.runner.drop_queued()
        super().closeEvent(event)

    # the pipeline and articles ---------------------------------------------
    def start_model_loading(self) -> None:
        self.analyser.start_model_loading()

    def show_welcome(self, shown: bool) -> None:
        """The welcome page in place of the reader (while the library is empty)."""
        self.pages.setCurrentWidget(self.welcome if shown else self.pages.widget(0))

    def refresh_library(self) -> None:
        self.library.refresh()

    def open_article(self, article_id: int) -> None:
        """Show an article at once; its spans follow from the database or a worker."""
        # The layers set while opening are formatted together, in one pass.
        with self.reader.highlighter.batch():
            self.session.open(article_id)
            stored = load_analysis(article_id)
            if stored is not None:
                self.session.show_analysis(stored)
            else:
                self.analyser.reanalyse()

    def open_article_at(self, article_id: int, start: int, end: int) -> None:
        """Open an article with a span selected (from a library view)."""
        if article_id != self.session.article_id:
            self.open_article(article_id)
        self.reader.select_offsets(start, end)
        self.reader.setFocus()

    def compare_coders(self) -> None:
        if self.agreement.compare_coders() is None:
            self.statusBar().showMessage("Open an article to compare its coders.", 4000)

    def improve_model(self) -> ImproveModelDialog:
        from desktop.ui.training import improve_model_dialog

        dialog = improve_model_dialog(self.model_name, self.use_model, self)
        dialog.open()
        return dialog

    def use_model(self, name: str) -> None:
        """Analyse with the pipeline ``name`` from now on (and remember it)."""
        self.settings.set_model(name)
        self.analyser.set_model(name)

    def import_and_open(self, paths: list[Path]) -> bool:
        try:
            imported = import_files(paths)
        except BylineError as exc:
            QMessageBox.warning(self, "Cannot import", str(exc))
            return False
        self.refresh_library()
        if imported:
            self.open_article(imported[-1].article_id)
        return True

    # a team library ----------------------------------------------------------
    def open_team_library(self) -> None:
        """File > Open Team Library…: switch this window to it."""
        from desktop.ui.team.connect import ask_team_library

        url = ask_team_library(self)
        if url is not None:
            self.switch_library(url)

    def switch_library(self, location: Path | str) -> bool:
        """Open another library in this window (remembered for the next
        start); on failure the open one stays."""
        previous = library_path() or getattr(db.obj, "url", None)
        try:
            open_library(location)
        except BylineError as exc:
            QMessageBox.warning(self, "Cannot open the library", str(exc))
            if previous is not None:
                open_library(previous)
            return False
        self.runner.drop_queued()
        self.undo.forget(list(self.undo.stacks))
        self.settings.set_library(str(location))
        self.session.close()
        self.team.start()
        self.session.publish(Changes(tags=True))
        self.refresh_library()
        rows = list_articles()
        if rows:
            self.open_article(rows[0].id)
        return True

    def export_articles(self, ids: list[int]) -> ExportDialog | None:
        """File > Export… (and the library's Export selected…)."""
        from desktop.ui.library.export_dialog import ExportDialog

        if not ids:
            self.statusBar().showMessage("Open or select an article to export.", 4000)
            return None
        folder = Path(self.settings.export_folder() or Path.home())
        titles = get_article_titles(ids[:1]) if len(ids) == 1 else []
        dialog = ExportDialog(ids, parent=self, folder=folder, title=titles[0][1] if titles else "",
                              coders=[c.name for c in list_coders() if c.name])
        dialog.open()
        return dialog

    def _open_added(self, article_id: int) -> None:
        self.refresh_library()
        self.open_article(article_id)

    def show_guide(self) -> GuideDialog:
        from desktop.ui.guide import GuideDialog

        dialog = GuideDialog(self)
        dialog.open()
        return dialog

    # dialogs ---------------------------------------------------------------
    def preferences_dialog(self) -> PreferencesDialog:
        from desktop.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, available_pipelines(), self.model_name, self)
        dialog.applied.connect(self._preferences_applied)
        dialog.reanalyseLibraryRequested.connect(lambda: self.analyser.reanalyse_library(dialog.show_progress))
        return dialog

    def _preferences_applied(self) -> None:
        self.reading.apply_settings()
        self.session.publish(Changes(tags=True))
        self.analyser.set_model(self.settings.model())

    def shortcuts(self) -> ShortcutsDialog:
        from desktop.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

        extra = [(f"Tag the selection '{t.name}'", t.shortcut) for t in self.session.tags if t.shortcut]
        extra += [("Previous match (in the find bar)", "Shift+Enter"), ("Close the find bar", "Esc")]
        dialog = ShortcutsDialog(shortcut_rows(self.actions, extra), self)
        dialog.open()
        return dialog

    def check_library(self) -> CheckDialog:
        """Help > Check library: the report arrives from a worker."""
        from desktop.store.check import check_library
        from desktop.ui.library.check_dialog import CheckDialog

        dialog = CheckDialog(parent=self)
        dialog.open()
        path = library_path()
        if path is None:
            dialog.set_failed("This library is not a file, so there is nothing to check.")
        else:
            self.runner.submit(lambda: check_library(path), dialog.set_report, dialog.set_failed)
        return dialog

    def show_about(self) -> None:
        info = self.analyser.model_info
        model = "{} {}".format(*info) if info else f"{self.model_name} (loading)"
        QMessageBox.about(
            self,
            "About Byline",
            f"<h3>Byline {__version__}</h3>"
            "<p>Read and annotate news articles: entities, quotes, speakers and actors.</p>"
            f"<p>spaCy {version('spacy')}<br>Pipeline: {model}</p>",
        )

    # status ----------------------------------------------------------------
    def _busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.progress.show()

    def _idle(self, message: str) -> None:
        self.status_label.setText(status_text(self.session, message, self.model_name))
        self.progress.setVisible(self.runner.busy())

    def _failed(self, message: str) -> None:
        self._idle(f"Analysis failed: {message}")
        QMessageBox.warning(self, "Analysis failed", message)
