"""Improving the model from the user's corrections: read them from the
library, fine-tune in a process of its own, save a new pipeline.

Qt-free: the GUI's dialog and ``byline train`` both call
:func:`improve_model` (in a worker thread, for the GUI) with a progress
callback and a ``cancelled`` question.  The training runs in a spawned
process, so it neither holds the interpreter lock of the window's process
nor shares its spaCy pipeline; cancelling stops it between batches (or
ends it), and nothing is saved unless it finishes.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
from collections.abc import Callable
from multiprocessing.synchronize import Event

from desktop.core.saved_pipelines import next_name, pipelines_dir, saved_pipeline_path, valid_name
from desktop.core.training import (
    Progress,
    TrainingError,
    TrainingRequest,
    TrainingResult,
    count_corrections,
)

REHEARSAL_ARTICLES = 200  # uncorrected articles sampled for rehearsal and the forgetting check
CANCEL_PATIENCE = 5.0  # seconds a cancelled process has to stop before it is ended

ProgressFn = Callable[[Progress], None]


def gather(base: str | None = None, name: str | None = None, epochs: int = 3, seed: int = 0) -> TrainingRequest:
    """The training request for the open library: its corrected articles and a
    sample of the others; refused with one sentence when there is nothing to
    learn or the name is taken."""
    from desktop.nlp.pipeline import default_pipeline_name, installed_pipelines
    from desktop.store.training import corrected_articles, uncorrected_sample

    base = base or default_pipeline_name()
    name = name or next_name(base)
    if not valid_name(name):
        raise TrainingError(f"'{name}' cannot name a pipeline: use letters, digits, '_', '-' and '.'.")
    if name in installed_pipelines() or (pipelines_dir() / name).exists():
        raise TrainingError(f"a pipeline named '{name}' exists already; choose another name with -o.")
    corrected = corrected_articles()
    if not corrected:
        raise TrainingError("the library has no entity corrections yet: correct some entities first.")
    corrections = sum(count_corrections(a.model, a.shown) for a in corrected)
    others = uncorrected_sample({a.article_id for a in corrected}, REHEARSAL_ARTICLES, seed)
    saved = saved_pipeline_path(base)
    return TrainingRequest(
        base=str(saved) if saved else base, base_name=base, name=name,
        output=str(pipelines_dir() / name), articles=corrected + others,
        corrections=corrections, epochs=epochs, seed=seed,
    )


def improve_model(base: str | None = None, name: str | None = None, progress: ProgressFn | None = None,
                  cancelled: Callable[[], bool] | None = None, epochs: int = 3) -> TrainingResult | None:
    """Gather the corrections, train in a separate process, save the new
    pipeline; return its result, or None when cancelled."""
    from desktop.store.database import worker_connection

    tell = progress or (lambda p: None)
    tell(Progress("reading"))
    with worker_connection():
        request = gather(base, name, epochs)
    if cancelled is not None and cancelled():
        return None
    return run_training(request, tell, cancelled)


def run_training(request: TrainingRequest, progress: ProgressFn | None = None,
                 cancelled: Callable[[], bool] | None = None) -> TrainingResult | None:
    """Run :func:`desktop.nlp.training.train` in a spawned process, relaying
    its progress; None when cancelled."""
    tell = progress or (lambda p: None)
    ask = cancelled or (lambda: False)
    pipelines_dir().mkdir(parents=True, exist_ok=True)
    context = mp.get_context("spawn")  # never fork a process that runs Qt or threads
    messages = context.Queue()
    stop = context.Event()
    process = context.Process(target=_child, args=(request, messages, stop), name="byline-train", daemon=True)
    process.start()
    stop_asked: float | None = None
    try:
        while True:
            if stop_asked is None and ask():
                stop.set()
                stop_asked = _now()
            try:
                kind, payload = messages.get(timeout=0.2)
            except queue.Empty:
                if stop_asked is not None and _now() - stop_asked > CANCEL_PATIENCE:
                    return None  # ended below
                if not process.is_alive():
                    raise TrainingError(
                        f"the training process stopped unexpectedly (exit code {process.exitcode}).") from None
                continue
            if kind == "progress":
                tell(payload)
            elif kind == "done":
                return payload  # saved, even when Cancel came too late to stop it
            elif kind == "cancelled":
                return None
            else:
                raise TrainingError(payload)
    finally:
        process.join(timeout=CANCEL_PATIENCE)
        if process.is_alive():
            process.terminate()
            process.join()
        messages.close()


def _now() -> float:
    import time

    return time.monotonic()


def _child(request: TrainingRequest, messages: mp.Queue, stop: Event) -> None:
    """The training process: reports progress, then its result or its error."""
    from desktop.core.errors import BylineError
    from desktop.nlp.training import Cancelled, train

    try:
        result = train(request, lambda p: messages.put(("progress", p)), stop.is_set)
    except Cancelled:
        messages.put(("cancelled", None))
    except BylineError as exc:
        messages.put(("error", str(exc)))
    except Exception as exc:  # one sentence for the user; the details are in the message
        messages.put(("error", f"training failed: {type(exc).__name__}: {exc}"))
    else:
        messages.put(("done", result))
