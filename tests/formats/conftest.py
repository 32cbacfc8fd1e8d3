"""The whole shared corpus (295 Wikinews articles), imported and analysed
once per test session: analysing it takes a minute or two, too long to
repeat per test, and the tests that use it only read the library."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
CORPUS_FILES = [CORPUS / "wikinews_2019.csv", CORPUS / "wikinews_2020.csv"]


@pytest.fixture(scope="session")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed library holding the shared corpus, analysed."""
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.batch import analyse_in_batches
    from desktop.services.importing import import_paths
    from desktop.store.database import close_library, open_library

    path = tmp_path_factory.mktemp("corpus") / "library.sqlite3"
    began = time.perf_counter()
    open_library(path)
    try:
        report = import_paths(CORPUS_FILES)
        assert report.failures == [] and len(report.imported) == 295
        analyse_in_batches(load_pipeline, report.imported)
    finally:
        close_library()
    print(f"\ncorpus_library: 295 articles imported and analysed in {time.perf_counter() - began:.0f} s")
    return path
