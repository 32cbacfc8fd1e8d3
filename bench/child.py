"""Figures measured in a fresh process: start-up and peak memory.

    python -m bench.child startup LIBRARY T0   # T0: the parent's time.time() before the start
    python -m bench.child memory LIBRARY ARTICLE_ID
    python -m bench.child long TEXT_FILE plain|pieces|byline

Prints one JSON object.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

TIMEOUT_MS = 180_000


def startup(library: Path, t0: float) -> dict:
    """The same steps as ``run_gui`` (``make run``): window shown, then the
    model loading in the background and the sample opened and analysed."""
    from PySide6.QtCore import QTimer

    from desktop.paths import seed_files
    from desktop.ui.app import application, open_initial, prepare_window

    marks: dict[str, float] = {}
    app = application()
    window = prepare_window(library, None)
    window.show()

    def shown() -> None:
        window.repaint()
        marks["shown"] = time.time() - t0

    def analysed(_article_id: int) -> None:
        marks["analysed"] = time.time() - t0
        app.quit()

    window.analysisShown.connect(analysed)
    QTimer.singleShot(0, shown)
    # A new library shows the welcome page; `make run` opens the sample.
    QTimer.singleShot(0, lambda: open_initial(window, seed_files()))
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    window.runner.wait()
    return marks


def memory(library: Path, article_id: int) -> dict:
    """Peak resident memory with the big document open, the pipeline
    loaded (as the app loads it at start) and the document paged through."""
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.store.database import open_library
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    app = application()
    open_library(library)
    window = MainWindow(Settings())
    window.refresh_library()
    window.show()
    loop = QEventLoop()
    window.analyser.modelLoaded.connect(lambda _name: loop.quit())
    window.start_model_loading()
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    window.open_article(article_id)
    loop.exec()
    bar = window.reader.verticalScrollBar()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
        window.reader.viewport().repaint()
    window.runner.wait()
    return {"peak_rss_mb": peak_rss_mb()}


def long_document(text_path: Path, mode: str) -> dict:
    """Figure 8: one long text analysed by plain spaCy, plain ``nlp.pipe``
    over Byline's pieces, or Byline (import + analysis into a new library)."""
    import time

    from desktop.nlp.pieces import pieces
    from desktop.nlp.pipeline import load_pipeline

    text = text_path.read_text(encoding="utf-8")
    nlp = load_pipeline()
    list(nlp.pipe(["A warm-up sentence by Angela Merkel."]))
    if mode == "byline":
        # Byline's own modules are imported before the clock starts, as
        # spaCy's are for the plain runs (its pipeline is loaded above).
        import desktop.services.batch  # noqa: F401
        import desktop.services.importing  # noqa: F401
        import desktop.store.database  # noqa: F401
    out: dict = {}
    start = time.perf_counter()
    if mode == "plain":
        nlp(text)
    elif mode == "pieces":
        for _doc in nlp.pipe(pieces(text), batch_size=16):
            pass
    else:
        out.update(_byline_long(text_path.with_suffix(".sqlite3"), text))
    out["seconds"] = time.perf_counter() - start
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def _byline_long(library: Path, text: str) -> dict:
    """Import + analysis as ``byline import`` does it, with the time spent in
    spaCy (the pieces through ``nlp.pipe``) measured apart."""
    import time

    import desktop.nlp.pieces as pieces_module
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.batch import analyse_in_batches
    from desktop.services.importing import import_files
    from desktop.store.database import close_library, open_library

    for suffix in ("", "-wal", "-shm"):
        Path(f"{library}{suffix}").unlink(missing_ok=True)
    spacy_time = [0.0]
    real_parse = pieces_module.parse_texts

    def timed_parse(*args, **kwargs):
        docs = real_parse(*args, **kwargs)
        while True:
            t = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                spacy_time[0] += time.perf_counter() - t
            yield doc

    pieces_module.parse_texts = timed_parse
    txt = library.with_suffix(".txt")
    open_library(library)
    article_ids = [item.article_id for item in import_files([txt])]
    done = analyse_in_batches(load_pipeline, article_ids)
    assert done == article_ids
    close_library()
    return {"spacy_seconds": spacy_time[0], "characters": len(text)}


def peak_rss_mb() -> float:
    """This process's peak resident memory.  ``VmHWM`` belongs to the
    process image; ``getrusage``'s ``ru_maxrss`` would not do, as Linux keeps
    it across ``exec``: a child started by the big benchmark process would
    report that process's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from bench.common import guard_none_leak, user_folders

    user_folders()
    guard_none_leak()
    mode, library = sys.argv[1], Path(sys.argv[2])
    if mode == "startup":
        result = startup(library, float(sys.argv[3]))
    elif mode == "long":
        result = long_document(library, sys.argv[3])
    else:
        result = memory(library, int(sys.argv[3]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
