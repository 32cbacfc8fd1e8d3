"""The curated layer's coder name (used by the store, the commands and the UI)."""
from __future__ import annotations

CURATION = "curation"
