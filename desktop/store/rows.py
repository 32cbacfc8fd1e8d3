"""Converting quote rows to and from plain Quote data."""
from __future__ import annotations

from desktop.core.model import Quote, Span
from desktop.store.models import QuoteRow


def quote_fields(article_id: int, q: Quote) -> dict:
    return {
        "article": article_id,
        "start": q.start,
        "end": q.end,
        "type": q.type,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "speaker_start": q.speaker_mention.start if q.speaker_mention else None,
        "speaker_end": q.speaker_mention.end if q.speaker_mention else None,
        "speaker_name": q.speaker_name,
        "resolved": q.resolved,
        "origin": q.origin,
    }


def quote_from_row(r: QuoteRow) -> Quote:
    cue = Span(r.cue_start, r.cue_end, "cue") if r.cue_start is not None else None
    speaker = (
        Span(r.speaker_start, r.speaker_end, "speaker") if r.speaker_start is not None else None
    )
    return Quote(r.start, r.end, r.type, cue, speaker, r.speaker_name, bool(r.resolved), r.origin, r.id)
