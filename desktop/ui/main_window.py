"""The main window: the reader in the centre, docks around it."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from importlib.metadata import version
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.errors import BylineError
from desktop.core.model import Actor, Analysis, Article
from desktop.nlp.pipeline import default_pipeline_name, load_pipeline, model_identity
from desktop.services.analysis import analyse_and_keep, keep_analysis
from desktop.services.batch import reanalyse_articles
from desktop.services.importing import import_files
from desktop.services.view import article_view
from desktop.store.analyses import load_analysis
from desktop.store.articles import article_exists, get_article, list_articles
from desktop.store.check import check_library
from desktop.store.database import library_path
from desktop.ui.actions import build_actions
from desktop.ui.actors.actor_tools import Actoring
from desktop.ui.actors.actors_dock import ActorsDock
from desktop.ui.annotation.annotations_dock import AnnotationsDock
from desktop.ui.annotation.annotator import Annotator
from desktop.ui.annotation.tag_bar import TagBar
from desktop.ui.annotation.tags_dock import TagsDock
from desktop.ui.corrections.corrector import Corrector
from desktop.ui.edits.undo import ArticleEditor
from desktop.ui.library.check_dialog import CheckDialog
from desktop.ui.library.controller import install_library
from desktop.ui.library.export_dialog import ExportDialog
from desktop.ui.library.library_dock import LibraryDock
from desktop.ui.quotes.quotes_dock import QuotesDock
from desktop.ui.reader import layers
from desktop.ui.reader.find_bar import FindBar
from desktop.ui.reader.legend import LegendBar
from desktop.ui.reader.reading_tools import Reading
from desktop.ui.reader.view import ReaderView
from desktop.ui.reader_menu import build_menu
from desktop.ui.settings import Settings
from desktop.ui.workers import TaskRunner


class MainWindow(QMainWindow):
    analysisShown = Signal(int)  # noqa: N815 (Qt naming): article id
    modelLoaded = Signal(str)  # noqa: N815

    def __init__(self, settings: Settings, model: str | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.model_name = model or settings.model() or default_pipeline_name()
        self.model_info: tuple[str, str] | None = None
        self.runner = TaskRunner(self)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.actors: list[Actor] = []
        self.quote_actor: list[int | None] = []
        self.hidden_labels = settings.hidden_labels()
        self.setWindowTitle("Byline")
        self.resize(1360, 860)
        self.editor = ArticleEditor(self)
        self._build_centre()
        self._build_docks()
        self._build_status()
        self.reading = Reading(self)
        self.annotator = Annotator(self)
        self.corrector = Corrector(self)
        self.actoring = Actoring(self)
        self.actions = build_actions(self, self._slots(), {
            "undo": lambda: self.editor.group.createUndoAction(self, "&Undo"),
            "redo": lambda: self.editor.group.createRedoAction(self, "&Redo"),
        })
        self._connect_annotating()
        self.reading.install()
        self.actoring.install()
        self.library = install_library(self)
        self._restore_layout()

    def _slots(self) -> dict[str, Callable[[], object]]:
        annotator = self.annotator
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
            "reanalyse": self.reanalyse,
            "preferences": lambda: self.reading.preferences(),
            "find": lambda: self.reading.find(),
            "find_next": lambda: self.reading.find_step(1),
            "find_previous": lambda: self.reading.find_step(-1),
            "zoom_in": lambda: self.reading.zoom(1),
            "zoom_out": lambda: self.reading.zoom(-1),
            "zoom_reset": lambda: self.reading.zoom(0),
            "show_library": lambda: self.reading.focus_dock(self.library_dock),
            "show_tags": lambda: self.reading.focus_dock(self.tags_dock),
            "show_quotes": lambda: self.reading.focus_dock(self.quotes_dock),
            "show_actors": lambda: self.reading.focus_dock(self.actors_dock),
            "show_annotations": lambda: self.reading.focus_dock(self.annotations_dock),
            "show_reader": lambda: self.reader.setFocus(),
            "shortcuts": lambda: self.reading.shortcuts(),
            "next_mention": lambda: self.actoring.step(1),
            "previous_mention": lambda: self.actoring.step(-1),
            "library_actors": lambda: self.actoring.library_view(),
            "export": lambda: self.export_articles([self.article.id] if self.article and self.article.id else []),
            "check_library": self.check_library,
        }

    def _on_current_highlight(self, action: Callable[[int], None]) -> None:
        annotation_id = self.annotator.current_highlight()
        if annotation_id is None:
            self.statusBar().showMessage("Choose a highlight first (F8 steps through them).", 4000)
        else:
            action(annotation_id)

    def _connect_annotating(self) -> None:
        annotator, tags_dock, notes = self.annotator, self.tags_dock, self.annotations_dock
        self.editor.changed.connect(self._edited)
        self.editor.refused.connect(lambda message: QMessageBox.warning(self, "Cannot do that", message))
        self.reader.shortcutKey.connect(annotator.tag_by_key)
        self.reader.customContextMenuRequested.connect(self._context_menu)
        self.reader.selectionChanged.connect(self._selection_changed)
        self.tag_bar.tagRequested.connect(annotator.tag_selection)
        tags_dock.applyRequested.connect(annotator.tag_selection)
        tags_dock.newRequested.connect(annotator.new_tag)
        tags_dock.editRequested.connect(annotator.edit_tag)
        tags_dock.deleteRequested.connect(annotator.delete_tag)
        tags_dock.moveRequested.connect(annotator.move_tag)
        notes.annotationChosen.connect(annotator.show_annotation)
        notes.model.noteEdited.connect(annotator.set_note)
        notes.tagsRequested.connect(annotator.ask_tags)
        notes.deleteRequested.connect(annotator.delete_highlight)
        annotator.refresh_tags()

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
        self.setCentralWidget(centre)
        self.legend.labelToggled.connect(self.set_label_visible)

    def _build_docks(self) -> None:
        self.library_dock = LibraryDock(self)
        self.tags_dock = TagsDock(self)
        self.quotes_dock = QuotesDock(self)
        self.actors_dock = ActorsDock(self)
        self.annotations_dock = AnnotationsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tags_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.quotes_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.actors_dock)
        self.tabifyDockWidget(self.actors_dock, self.annotations_dock)
        self.actors_dock.raise_()
        self.resizeDocks([self.library_dock, self.quotes_dock], [300, 440], Qt.Orientation.Horizontal)
        self.library_dock.articleChosen.connect(self.open_article)
        self.quotes_dock.quoteChosen.connect(self.show_quote)
        # A long article has thousands of quotes, actors and highlights:
        # columns fitted to their contents are measured on the first 100
        # rows, not Qt's default 1,000 (which cost a third of a second).
        for dock in (self.quotes_dock, self.actors_dock, self.annotations_dock):
            dock.view.horizontalHeader().setResizeContentsPrecision(100)

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.reading.close()
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_hidden_labels(self.hidden_labels)
        self.settings.sync()
        self.runner.wait(30000)
        super().closeEvent(event)

    # the pipeline ----------------------------------------------------------
    def start_model_loading(self) -> None:
        self._busy(f"Loading spaCy pipeline {self.model_name}…")
        self.runner.submit(partial(self._load_model, self.model_name), self._model_ready, self._failed)

    @staticmethod
    def _load_model(name: str) -> tuple[str, str]:
        return model_identity(load_pipeline(name))

    def _model_ready(self, info: tuple[str, str]) -> None:
        self.model_info = info
        self.modelLoaded.emit(info[0])
        if not self.runner.busy():
            self._idle(f"pipeline {info[0]} {info[1]} ready")

    def set_model(self, name: str) -> None:
        """Use another pipeline: load it and re-analyse the open article."""
        if not name or name == self.model_name:
            return
        self.model_name = name
        self.model_info = None
        self.start_model_loading()
        self.reanalyse()

    def reanalyse_library(self, report: Callable[[int, int], None]) -> None:
        """Re-analyse every article with the current pipeline, in the background."""
        ids = [row.id for row in list_articles()]
        self._busy(f"Re-analysing {len(ids)} articles…")
        self.runner.submit_with_progress(
            partial(reanalyse_articles, self.model_name, ids),
            report,
            lambda _n: (self._idle("library re-analysed"), self.reload_analysis()),
            self._failed,
        )

    # articles --------------------------------------------------------------
    def refresh_library(self) -> None:
        self.library.refresh()

    def open_article(self, article_id: int) -> None:
        """Show an article at once; its spans follow from the database or a worker."""
        # The layers set while opening are formatted together, in one pass.
        with self.reader.highlighter.batch():
            self._open_article(article_id)

    def _open_article(self, article_id: int) -> None:
        self.article = get_article(article_id)
        self.analysis = None
        self.editor.set_article(article_id)
        self.tag_bar.hide()
        self.setWindowTitle(f"{self.article.title} — Byline")
        self.reader.set_article(self.article)
        self.library_dock.mark_current(article_id)
        self.legend.set_labels({}, self.hidden_labels)
        self.quotes_dock.set_quotes(self.article.text, [])
        self.actors_dock.set_actors([])
        self.annotator.refresh_annotations()
        self.reading.opened(article_id)
        QTimer.singleShot(0, lambda: self.reading.restore_position(article_id))
        stored = load_analysis(article_id)
        if stored is not None:
            self.apply_analysis(article_id, stored)
            return
        self.reanalyse()

    def reanalyse(self) -> None:
        """Run the pipeline on the open article in the background."""
        if self.article is None or self.article.id is None:
            return
        article_id = self.article.id
        self._busy(f"Analysing “{self.article.title}”…")
        # The worker saves the spans and builds the actors; this thread
        # only shows what it stored.
        self.runner.submit(
            partial(analyse_and_keep, self.model_name, article_id, self.article.text),
            partial(self._analysed, article_id),
            self._failed,
        )

    def _analysed(self, article_id: int, unsaved: Analysis | None) -> None:
        if unsaved is not None and article_exists(article_id):  # an in-memory library
            keep_analysis(article_id, unsaved)
        if self.article is not None and self.article.id == article_id:
            self.reload_analysis()

    def apply_analysis(self, article_id: int, analysis: Analysis) -> None:
        """Show stored spans: the entities as the actors' types say, the
        quotes, and the actors."""
        assert self.article is not None
        view = article_view(article_id, analysis)
        assert view is not None
        self.analysis = view.analysis
        self.actors, self.quote_actor = view.actors, view.quote_actor
        self._paint_analysis()
        self.reader.set_layer("focus", [])
        self.quotes_dock.set_quotes(self.article.text, self.analysis.quotes)
        self.actors_dock.set_actors(self.actors)
        self._idle("analysed")
        self.analysisShown.emit(article_id)

    def _paint_analysis(self) -> None:
        theme = self.reading.theme
        if self.analysis is None or self.article is None:
            return
        self.reader.set_layer("entities", layers.entity_layer(self.analysis, self.hidden_labels, theme))
        self.reader.set_layer("quotes", layers.quote_layer(self.article.text, self.analysis.quotes, theme))
        self.legend.set_labels(layers.label_counts(self.analysis), self.hidden_labels, theme)

    def restyle(self) -> None:
        """Re-colour every layer for the current theme."""
        self._paint_analysis()
        if hasattr(self, "annotator"):
            self.annotator.refresh_annotations()
        self.reading.show_matches(self.find_bar.matches)

    def reload_analysis(self) -> None:
        """Show the stored spans again after a correction (no spaCy run)."""
        if self.article is not None and self.article.id is not None:
            stored = load_analysis(self.article.id)
            if stored is not None:
                self.apply_analysis(self.article.id, stored)

    def _edited(self, article_id: int, kinds: tuple[str, ...], where: tuple[int, int] | None = None) -> None:
        if "tags" in kinds:
            self.annotator.refresh_tags()
        if self.article is None or self.article.id != article_id:
            return
        if "annotations" in kinds or "tags" in kinds:
            self.annotator.refresh_annotations(None if "tags" in kinds else where)
            self._idle("saved")
        if "entities" in kinds or "quotes" in kinds or "actors" in kinds:
            self.reload_analysis()

    def _context_menu(self, pos: QPoint) -> None:
        offset = self.reader.article_offset(self.reader.cursorForPosition(pos).position())
        build_menu(self, offset).exec(self.reader.viewport().mapToGlobal(pos))

    def _selection_changed(self) -> None:
        if self.annotator.selection() is None:
            self.tag_bar.hide()
        else:
            rect = self.reader.cursorRect()
            self.tag_bar.show_at(rect.bottomLeft())

    def set_label_visible(self, label: str, visible: bool) -> None:
        (self.hidden_labels.discard if visible else self.hidden_labels.add)(label)
        if self.analysis is not None:
            theme = self.reading.theme
            self.reader.set_layer("entities", layers.entity_layer(self.analysis, self.hidden_labels, theme))

    def show_quote(self, index: int) -> None:
        if self.analysis is None or not 0 <= index < len(self.analysis.quotes):
            return
        quote = self.analysis.quotes[index]
        self.reader.set_layer("focus", layers.focus_layer(quote, self.reading.theme))
        self.reader.select_offsets(quote.start, quote.end)

    # files -----------------------------------------------------------------
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

    def export_articles(self, ids: list[int]) -> ExportDialog | None:
        """File > Export… (and the library's Export selected…)."""
        if not ids:
            self.statusBar().showMessage("Open or select an article to export.", 4000)
            return None
        folder = Path(self.settings.export_folder() or Path.home())
        dialog = ExportDialog(ids, parent=self, folder=folder)
        dialog.open()
        return dialog

    # help ------------------------------------------------------------------
    def check_library(self) -> CheckDialog:
        """Help > Check library: the report arrives from a worker."""
        dialog = CheckDialog(parent=self)
        dialog.open()
        path = library_path()
        if path is None:
            dialog.set_failed("This library is not a file, so there is nothing to check.")
        else:
            self.runner.submit(partial(check_library, path), dialog.set_report, dialog.set_failed)
        return dialog

    def show_about(self) -> None:
        model = "{} {}".format(*self.model_info) if self.model_info else f"{self.model_name} (loading)"
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
        self.status_label.setText(self.reading.status_text(message))
        self.progress.setVisible(self.runner.busy())

    def _failed(self, message: str) -> None:
        self._idle(f"Analysis failed: {message}")
        QMessageBox.warning(self, "Analysis failed", message)
