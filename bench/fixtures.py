"""The libraries the figures open, made from the analysed corpus with bulk
inserts (no spaCy run): the reader library (a typical article, the longest
one, and a 100,000-word document with its entities and 2,000 highlights)
and the 10,000-article library (the corpus repeated with distinct texts,
each copy carrying its original's analysis and actors)."""
from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.core.text import sha256

BIG_WORDS = 100_000
HIGHLIGHTS = 2_000
LIBRARY_SIZE = 10_000
STAMP = "2026-01-01T00:00:00+00:00"


@dataclass
class Source:
    id: int
    title: str
    date: str | None
    url: str | None
    text: str
    entities: list[tuple]
    quotes: list[tuple]
    actors: list[tuple]
    model: tuple[str, str]
    library_quotes: list[tuple] = ()  # article_quote rows (issue 18's library views)


QUOTE_COLUMNS = ("start", "end", "type", "cue_start", "cue_end", "speaker_start", "speaker_end",
                 "speaker_name", "resolved", "origin")
ACTOR_COLUMNS = ("name", "type", "aliases", "named", "mentions", "quotes", "gender", "gender_evidence")
LIBRARY_QUOTE_COLUMNS = ("start", "end", "type", "content", "cue", "speaker", "actor", "actor_type", "gender")


def read_sources(analysed: Path) -> list[Source]:
    con = sqlite3.connect(analysed)
    out = []
    for aid, title, date, url, text, name, version in con.execute(
        "SELECT a.id, a.title, a.date, a.url, a.text, n.model_name, n.model_version "
        "FROM article a JOIN analysis n ON n.article_id = a.id ORDER BY a.id"
    ):
        ents = con.execute('SELECT "start", "end", label FROM entity WHERE article_id = ? ORDER BY "start"',
                           (aid,)).fetchall()
        cols = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)
        quotes = con.execute(f'SELECT {cols} FROM quote WHERE article_id = ? ORDER BY "start"', (aid,)).fetchall()
        acols = ", ".join(ACTOR_COLUMNS)
        actors = con.execute(f"SELECT {acols} FROM article_actor WHERE article_id = ?", (aid,)).fetchall()
        # The actor's type and gender come from the actor summary (the same
        # values the analysis copies into article_quote).
        shown = con.execute(
            'SELECT q."start", q."end", q.type, q.content, q.cue, q.speaker, q.actor,'
            " COALESCE(aa.type, ''), COALESCE(aa.gender, '') FROM article_quote q"
            " LEFT JOIN article_actor aa ON aa.article_id = q.article_id AND aa.name = q.actor"
            " WHERE q.article_id = ?", (aid,)).fetchall()
        out.append(Source(aid, title, date, url, text, ents, quotes, actors, (name, version), shown))
    con.close()
    return out


def _empty_library(path: Path) -> sqlite3.Connection:
    from desktop.store.database import close_library, open_library

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_library(path)
    close_library()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    return con


def _insert(con: sqlite3.Connection, article_id: int, title: str, date: str | None, url: str | None,
            text: str, entities: list[tuple], quotes: list[tuple], model: tuple[str, str],
            actors: list[tuple] = (), library_quotes: list[tuple] = ()) -> None:
    con.execute(
        "INSERT INTO article (id, title, date, source, url, author, text, sha256, created) "
        "VALUES (?, ?, ?, 'Wikinews', ?, NULL, ?, ?, ?)",
        (article_id, title, date, url, text, sha256(text), STAMP),
    )
    con.execute("INSERT INTO analysis VALUES (?, ?, ?, ?)", (article_id, *model, STAMP))
    con.executemany(
        'INSERT INTO entity (article_id, "start", "end", label, origin, model_name, model_version) '
        "VALUES (?, ?, ?, ?, 'model', ?, ?)",
        [(article_id, s, e, label, *model) for s, e, label in entities],
    )
    cols = ", ".join(f'"{c}"' for c in QUOTE_COLUMNS)
    con.executemany(f"INSERT INTO quote (article_id, {cols}) VALUES (?{', ?' * len(QUOTE_COLUMNS)})",
                    [(article_id, *q) for q in quotes])
    if actors:
        acols = ", ".join(ACTOR_COLUMNS)
        con.executemany(f"INSERT INTO article_actor (article_id, {acols}) VALUES (?{', ?' * len(ACTOR_COLUMNS)})",
                        [(article_id, *a) for a in actors])
    if library_quotes:
        qcols = ", ".join(f'"{c}"' for c in LIBRARY_QUOTE_COLUMNS)
        marks = ", ?" * len(LIBRARY_QUOTE_COLUMNS)
        con.executemany(f"INSERT INTO article_quote (article_id, {qcols}) VALUES (?{marks})",
                        [(article_id, *q) for q in library_quotes])


def _shift(quote: tuple, by: int) -> tuple:
    start, end, kind, cs, ce, ss, se, *rest = quote

    def move(v: int | None) -> int | None:
        return None if v is None else v + by

    return (start + by, end + by, kind, move(cs), move(ce), move(ss), move(se), *rest)


@dataclass
class ReaderLibrary:
    path: Path
    typical: int
    longest: int
    big: int
    big_words: int
    big_entities: int
    big_highlights: int
    typical_words: int
    longest_words: int


def build_reader_library(path: Path, sources: list[Source]) -> ReaderLibrary:
    con = _empty_library(path)
    typical = min(sources, key=lambda s: abs(len(s.text.split()) - 800))
    longest = max(sources, key=lambda s: len(s.text.split()))
    with con:
        for s in (typical, longest):
            _insert(con, s.id, s.title, s.date, s.url, s.text, s.entities, s.quotes, s.model)
        parts, entities, quotes, at, total = [], [], [], 0, 0
        for s in sources:
            if total >= BIG_WORDS:
                break
            parts.append(s.text)
            entities += [(a + at, b + at, label) for a, b, label in s.entities]
            quotes += [_shift(q, at) for q in s.quotes]
            at += len(s.text) + 1
            total += len(s.text.split())
        text = "\n".join(parts)
        big = 100_000
        _insert(con, big, "The 100,000-word document", "2020-12-31", None, text, entities, quotes,
                sources[0].model)
        count = _highlights(con, big, text)
    con.close()
    _as_after_analysis(path, [typical.id, longest.id, big])
    return ReaderLibrary(path, typical.id, longest.id, big, len(text.split()), len(entities), count,
                         len(typical.text.split()), len(longest.text.split()))


def _as_after_analysis(path: Path, ids: list[int]) -> None:
    """What Byline does right after analysing an article (``keep_analysis``):
    make its actors, and keep them."""
    from desktop.services.view import article_view
    from desktop.store.database import close_library, open_library

    open_library(path)
    for article_id in ids:
        article_view(article_id)
    close_library()


def _highlights(con: sqlite3.Connection, article_id: int, text: str) -> int:
    """2,000 highlights spread over the text, one in ten overlapping the one
    before, each with one or two tags of the default codebook."""
    rng = random.Random(8)
    tags = [r[0] for r in con.execute("SELECT id FROM tag ORDER BY id")]
    step = len(text) // HIGHLIGHTS
    rows, links, previous = [], [], None
    for n in range(HIGHLIGHTS):
        start = n * step + rng.randrange(step // 2)
        if previous is not None and n % 10 == 0:
            start = (previous[0] + previous[1]) // 2
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), start + rng.randrange(30, 300))
        while end < len(text) and not text[end].isspace():
            end += 1
        if end <= start:
            continue
        annotation_id = 1_000_000 + n
        rows.append((annotation_id, article_id, start, end, "note" if n % 7 == 0 else "", "bench", STAMP, STAMP))
        for tag in rng.sample(tags, 1 + (n % 3 == 0)):
            links.append((annotation_id, tag))
        previous = (start, end)
    con.executemany('INSERT INTO annotation (id, article_id, "start", "end", note, author, created, modified) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT INTO annotation_tag VALUES (?, ?)", links)
    return len(rows)


def build_big_library(path: Path, sources: list[Source], size: int = LIBRARY_SIZE) -> Path:
    """``size`` articles: copy k of each corpus article ends with a line
    naming the copy, so every text (and its SHA-256) is distinct while the
    original's spans keep their offsets."""
    con = _empty_library(path)
    with con:
        for n in range(size):
            s = sources[n % len(sources)]
            copy = n // len(sources)
            text = s.text if copy == 0 else f"{s.text}\n(Copy {copy} of this report.)"
            title = s.title if copy == 0 else f"{s.title} (copy {copy})"
            _insert(con, n + 1, title, s.date, s.url, text, s.entities, s.quotes, s.model, s.actors,
                    s.library_quotes)
    con.close()
    return path
