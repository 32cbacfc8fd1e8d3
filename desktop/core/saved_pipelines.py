"""Pipelines Byline trained from the user's corrections, saved in Byline's
data folder (``pipelines/NAME``) beside the installed pipeline packages.

Only files are read here (each pipeline's ``meta.json``), never spaCy: the
export and the Preferences list ask for names and training facts without
loading a model.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Byline"
FOLDER = "pipelines"
FACTS_KEY = "byline_training"  # the training facts in the pipeline's meta.json
SUFFIX = "_byline"  # a saved pipeline's name: BASE_bylineN
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def pipelines_dir() -> Path:
    """``BYLINE_PIPELINES`` if set, else ``pipelines`` in the user data folder."""
    env = os.environ.get("BYLINE_PIPELINES")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / FOLDER


def saved_pipeline_path(name: str) -> Path | None:
    """The folder of the saved pipeline ``name``, or None if there is none."""
    if not name or not _NAME.match(name):
        return None
    path = pipelines_dir() / name
    return path if (path / "meta.json").is_file() else None


def saved_pipelines() -> list[str]:
    """Names of the saved pipelines, oldest version first within a base."""
    folder = pipelines_dir()
    if not folder.is_dir():
        return []
    names = [p.name for p in folder.iterdir() if saved_pipeline_path(p.name) is not None]
    return sorted(names, key=_sort_key)


def _sort_key(name: str) -> tuple[str, int]:
    base, number = split_name(name)
    return base, number


def split_name(name: str) -> tuple[str, int]:
    """``en_x_byline3`` -> (``en_x``, 3); a name without the suffix -> (name, 0)."""
    match = re.match(rf"^(.*){SUFFIX}(\d+)$", name)
    return (match.group(1), int(match.group(2))) if match else (name, 0)


def next_name(base: str) -> str:
    """The next versioned name for a pipeline trained from ``base``:
    ``BASE_byline1``, then 2, ...; training a saved one continues its count."""
    root, _ = split_name(base)
    taken = [split_name(n)[1] for n in saved_pipelines() if split_name(n)[0] == root]
    return f"{root}{SUFFIX}{max(taken, default=0) + 1}"


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name))


def training_facts(name: str) -> dict | None:
    """What the saved pipeline ``name`` was trained from and how it scored,
    or None when ``name`` is not a pipeline Byline saved."""
    path = saved_pipeline_path(name)
    if path is None:
        return None
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    facts = meta.get(FACTS_KEY) if isinstance(meta, dict) else None
    return facts if isinstance(facts, dict) else None
