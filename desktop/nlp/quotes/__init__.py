"""Quotes and their speakers, found by rules over spaCy's parse.

``extract_quotes`` (in :mod:`extract`) is the entry point; the other modules
are its parts: quotation marks (:mod:`marks`), token tables (:mod:`tokens`),
cues and clauses (:mod:`context`, :mod:`direct`, :mod:`reported`,
:mod:`syntax`), speakers (:mod:`speakers`, :mod:`actors`,
:mod:`descriptions`) and the word lists (:mod:`lexicon`).
"""
from __future__ import annotations

from desktop.nlp.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
