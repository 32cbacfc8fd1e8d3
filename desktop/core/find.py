"""Finding words in an article's text."""
from __future__ import annotations

import re


def find_all(text: str, query: str, case_sensitive: bool = False, whole_word: bool = False) -> list[tuple[int, int]]:
    """Every match of ``query`` (plain text, not a pattern) as offsets."""
    if not query:
        return []
    pattern = re.escape(query)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    flags = 0 if case_sensitive else re.IGNORECASE
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
