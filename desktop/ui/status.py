"""The status line: what the open article holds, and what just happened."""
from __future__ import annotations

from functools import lru_cache

from desktop.core.text import plural
from desktop.ui.edits.session import ArticleSession

WORDS_PER_MINUTE = 230


@lru_cache(maxsize=4)
def _words(text: str) -> int:
    return len(text.split())  # counting 100,000 words takes a while: once per text


def status_text(session: ArticleSession, state: str, model_name: str) -> str:
    article, analysis = session.article, session.analysis
    if article is None:
        return state
    words = _words(article.text)
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    parts = [plural(words, "word"), f"{minutes} min read"]
    if analysis is not None:
        parts += [plural(len(analysis.entities), "entity", "entities"), plural(len(analysis.quotes), "quote")]
    parts.append(plural(len(session.annotations), "highlight"))
    parts.append(state)
    if analysis and analysis.model_name:
        parts.append(f"{analysis.model_name} {analysis.model_version}")
    else:
        parts.append(model_name)
    return " · ".join(parts)
