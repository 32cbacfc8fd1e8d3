"""Hostile and broken files through the importers: each one is imported or
refused with a reason (a BylineError), never a crash; the library stays
consistent and its article count moves only by the accepted files.

Each generated file is read by its importer (``read_counted``, where a
crash would show as an exception other than BylineError) and then
imported through ``import_paths``, the entry point the app uses.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop.core.errors import BylineError
from desktop.core.text import normalise, sha256
from desktop.formats.registry import read_bundles, read_counted
from desktop.services.importing import import_paths
from desktop.store.annotations import list_annotations
from desktop.store.articles import count_articles, get_article
from desktop.store.check import check_library
from desktop.store.database import close_library, open_library

# More for a longer hunt: BYLINE_FUZZ_EXAMPLES=5000 pytest tests/reliability/test_fuzz_import.py
EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "240"))
SUFFIXES = [".txt", ".html", ".md", ".csv", ".tsv", ".jsonl", ".json", ""]

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=60)
prose = st.lists(
    st.sampled_from(
        "The minister said on Monday that talks would resume , and “ we will not yield ” — "
        "Zürich Kyiv "
        "Erdoğan 北京 Москва ﷺ ‮ e\u0301 \u200b \t".split(" ")
    ),
    min_size=1,
    max_size=400,
).map(" ".join)
any_suffix = st.sampled_from(SUFFIXES)


@st.composite
def random_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    return draw(any_suffix), draw(st.binary(max_size=3000))


@st.composite
def truncated_utf8(draw: st.DrawFn) -> tuple[str, bytes]:
    data = (draw(prose) + draw(words)).encode("utf-8")
    return draw(any_suffix), data[: draw(st.integers(0, len(data)))]


@st.composite
def mixed_encodings(draw: st.DrawFn) -> tuple[str, bytes]:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        text = draw(prose)
        encoding = draw(
            st.sampled_from(
                [
                    "utf-8",
                    "cp1252",
                    "latin-1",
                    "utf-16",
                    "utf-16-be",
                    "koi8-r",
                    "shift_jis",
                    "utf-8-sig",
                ]
            )
        )
        parts.append(text.encode(encoding, errors="replace"))
    return draw(any_suffix), b"\n".join(parts)


@st.composite
def long_lines(draw: st.DrawFn) -> tuple[str, bytes]:
    line = draw(prose) * draw(st.integers(50, 2000))
    return draw(st.sampled_from([".txt", ".md", ".csv", ".jsonl", ""])), line.encode("utf-8")


@st.composite
def nested_html(draw: st.DrawFn) -> tuple[str, bytes]:
    depth = draw(st.integers(1, 3000))
    tag = draw(st.sampled_from(["div", "span", "b", "table", "p", "blockquote", "li"]))
    body = draw(prose)
    closed = draw(st.booleans())
    ends = f"</{tag}>" * depth if closed else ""
    page = f"<html><body>{f'<{tag}>' * depth}<p>{body}</p>{ends}</body></html>"
    return ".html", page.encode("utf-8")


@st.composite
def scripted_html(draw: st.DrawFn) -> tuple[str, bytes]:
    junk = []
    for _ in range(draw(st.integers(1, 30))):
        junk.append(
            draw(
                st.sampled_from(
                    [
                        "<script>alert(1)</script>",
                        "<script src='http://example.com/x.js'></script>",
                        "<style>body{display:none}</style>",
                        "<img src=x onerror=alert(1)>",
                        "<a href='javascript:alert(1)'>click</a>",
                        "<iframe src='http://example.com'></iframe>",
                        "<!-- comment -->",
                        "<![CDATA[ x ]]>",
                        "<meta http-equiv='refresh' content='0;url=http://x'>",
                        "<svg onload=alert(1)>",
                        "&lt;script&gt;",
                        "&#0;",
                        "&bogus;",
                    ]
                )
            )
        )
        junk.append(f"<p>{draw(prose)}</p>" if draw(st.booleans()) else draw(words))
    return ".html", ("<html><head><title>t</title>" + "".join(junk) + "</html>").encode("utf-8")


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, bytes]:
    header = draw(
        st.sampled_from([["text"], ["title", "text", "date"], ["body", "headline"], ["a", "b"], []])
    )
    cell = st.one_of(
        prose, words, st.sampled_from(['"', '""', "\x00", "\n", "\r\n", "a\nb", ",", "\t", "=1+1"])
    )
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=5), max_size=8))
    separator = draw(st.sampled_from([",", ";", "\t"]))

    def quoted(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if draw(st.booleans()) else value

    lines = [separator.join(quoted(c) for c in row) for row in [header, *rows]]
    return draw(st.sampled_from([".csv", ".tsv"])), "\n".join(lines).encode("utf-8")


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(words, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def json_files(draw: st.DrawFn) -> tuple[str, bytes]:
    text = draw(prose)
    spans = [
        {
            "start": draw(st.integers(-5, len(text) + 50)),
            "end": draw(st.integers(-5, len(text) + 50)),
            "label": draw(st.sampled_from(["PERSON", "ORG", 5, None])),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]  # outside the text, reversed, overlapping: the importer must not trust them
    record = draw(st.sampled_from(["plain", "export", "meta", "junk"]))
    if record == "plain":
        value = {
            "text": draw(st.one_of(st.just(text), json_value)),
            "title": draw(json_value),
            "date": draw(st.one_of(words, json_value)),
        }
    elif record == "export":
        value = {
            "format": "byline-article",
            "version": draw(st.sampled_from([1, 2, "1", None])),
            "article": draw(st.one_of(st.just({"text": text, "title": draw(words)}), json_value)),
            "entities": spans,
            "quotes": spans[:2],
            "annotations": spans[2:],
        }
    elif record == "meta":
        value = {"meta": draw(st.one_of(st.just({"text": text}), json_value)), "spans": spans}
    else:
        value = draw(json_value)
    for key in draw(st.lists(st.sampled_from(["text", "title", "article", "format"]), max_size=2)):
        if isinstance(value, dict):
            value.pop(key, None)  # missing fields
    lines = [json.dumps(value, ensure_ascii=draw(st.booleans()))] * draw(st.integers(1, 3))
    if draw(st.booleans()):
        lines.append(json.dumps(value)[: draw(st.integers(0, 40))])  # a record cut off
    return draw(st.sampled_from([".jsonl", ".json"])), "\n".join(lines).encode("utf-8")


@st.composite
def utf8_with_bad_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """Valid UTF-8 prose with a few invalid bytes: must stay UTF-8 (U+FFFD
    for the bad bytes), never turn into mojibake."""
    data = bytearray((draw(prose) + " Zürich café ").encode("utf-8"))
    for _ in range(draw(st.integers(1, 3))):
        data.insert(len(data), draw(st.sampled_from([0xFF, 0xFE, 0x80, 0xC3])))
    return draw(st.sampled_from([".txt", ".md", ""])), bytes(data)


@st.composite
def emoji_text(draw: st.DrawFn) -> tuple[str, bytes]:
    emoji = st.sampled_from("🎉🔥😀👏🏆🇺🇦❤️👍🏽")
    line = " ".join(draw(st.lists(st.one_of(emoji, st.sampled_from(["Fans", "cheered", "won"])),
                                  min_size=5, max_size=200)))
    return ".txt", line.encode("utf-8")


lone = st.lists(st.integers(0xD800, 0xDFFF).map(chr), min_size=1, max_size=3).map("".join)


@st.composite
def surrogate_json(draw: st.DrawFn) -> tuple[str, bytes]:
    """Lone surrogates as JSON escapes in a title, a text or a Byline note."""
    text = draw(prose) + draw(lone) + draw(prose)
    if draw(st.booleans()):
        value = {"title": draw(lone) + "title", "text": text}
    else:
        value = {"format": "byline-article", "version": 1,
                 "article": {"text": text, "title": draw(lone)},
                 "annotations": [{"start": 0, "end": 1, "note": draw(lone), "tags": []}]}
    return draw(st.sampled_from([".jsonl", ".json"])), json.dumps(value).encode("ascii")


@st.composite
def formula_cells(draw: st.DrawFn) -> tuple[str, bytes]:
    formula = st.sampled_from(['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1"])
    rows = [[draw(formula) + draw(words), draw(formula) + " " + draw(prose)] for _ in range(draw(st.integers(1, 4)))]
    lines = ["title,text", *(",".join('"' + c.replace('"', '""') + '"' for c in row) for row in rows)]
    return ".csv", "\n".join(lines).encode("utf-8")


MUTATIONS = ["crlf", "trailing", "nfd", "blank_lines", "bad_sha", "unknown_tag", "empty_tag",
             "duplicate_tag", "empty_highlight", "bad_colour", "short_colour", "no_tags", "control"]


@st.composite
def byline_json_variants(draw: st.DrawFn) -> tuple[str, bytes]:
    """A Byline export with a highlight and a note, changed as hand edits and
    other tools change them: each is imported whole or refused, never
    imported without its highlight."""
    import unicodedata

    text = f"{draw(prose).strip() or 'Word'}\nThe café talks went on.\n{draw(prose).strip() or 'End'}"
    start = text.index("café")
    doc = {
        "format": "byline-article", "version": 1,
        "article": {"text": text, "title": "T", "sha256": ""},
        "annotations": [{"start": start, "end": start + 10, "text": text[start:start + 10],
                         "tags": ["Doubt"], "note": "check this"}],
        "tags": [{"name": "Doubt", "color": "#ff0000"}],
    }
    for change in draw(st.lists(st.sampled_from(MUTATIONS), max_size=3, unique=True)):
        a, t = doc["annotations"][0], doc["tags"]
        body = doc["article"]["text"]
        if change in ("crlf", "trailing", "nfd", "blank_lines", "control"):
            body = {"crlf": body.replace("\n", "\r\n"), "trailing": body.replace("\n", "  \n"),
                    "nfd": unicodedata.normalize("NFD", body), "blank_lines": body.replace("\n", "\n\n"),
                    "control": body.replace("café", "ca\x07fé")}[change]
            at = body.find("ca")
            at = body.find("talks") - 5 if at < 0 else at
            a.update(start=at, end=at + 10, text=body[at:at + 10])
            doc["article"]["text"] = body
        elif change == "bad_sha":
            doc["article"]["sha256"] = "0" * 64
        elif change == "unknown_tag":
            a["tags"] = ["Nowhere"]
        elif change == "empty_tag" and t:
            t[0]["name"] = ""
        elif change == "duplicate_tag" and t:
            t.append(dict(t[0]))
        elif change == "empty_highlight":
            a.update(end=a["start"], text="")
        elif change in ("bad_colour", "short_colour") and t:
            t[0]["color"] = "javascript:alert(1)" if change == "bad_colour" else "#0f0"
        elif change == "no_tags":
            doc["tags"] = []
    return draw(st.sampled_from([".json", ".jsonl"])), json.dumps(doc, ensure_ascii=False).encode()


inputs = st.one_of(
    random_bytes(),
    byline_json_variants(),
    utf8_with_bad_bytes(),
    emoji_text(),
    surrogate_json(),
    formula_cells(),
    truncated_utf8(),
    mixed_encodings(),
    long_lines(),
    nested_html(),
    scripted_html(),
    csv_files(),
    json_files(),
)


def import_one(folder: Path, suffix: str, data: bytes, name: str) -> str:
    """Read then import one file; assert it went in whole or not at all.
    Returns what became of it, for Hypothesis's statistics."""
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    try:
        articles, _ = read_counted(path)
    except BylineError as exc:
        articles, reason = None, str(exc)
        assert reason.strip(), "a refusal without a reason"
    except RecursionError as exc:  # noqa: B014
        raise AssertionError(f"{path.name} crashed its importer: RecursionError: {exc}") from exc
    except Exception as exc:
        raise AssertionError(
            f"{path.name} crashed its importer: {type(exc).__name__}: {exc}"
        ) from exc
    before = count_articles()
    (result,) = import_paths([path]).files
    FIGURES["tried"] += 1
    if articles is None or result.error is not None:
        # Refused on reading, or on storing (a Byline export whose
        # highlights cannot be placed): with a reason, and nothing written.
        assert result.error is not None and result.error.strip() and result.imported == []
        assert count_articles() == before
        FIGURES["refused"] += 1
    else:
        assert len(result.imported) + result.duplicates == len(articles)
        assert count_articles() == before + len(result.imported)
        FIGURES["accepted"] += 1
        expected = {sha256(normalise(b.article.text)): len(b.annotations) for b in read_bundles(path)}
        for article_id in result.imported:
            stored = get_article(article_id)
            assert stored.text.strip() and "\x00" not in stored.text and stored.title
            assert not any("\ud800" <= ch <= "\udfff" for ch in stored.text + stored.title)
            # No silent loss: every highlight of a Byline export is stored.
            kept = len(list_annotations(article_id))
            assert kept == expected.get(stored.sha256, 0), f"{path.name}: highlights lost"
            if "Zürich café" in data.decode("utf-8", errors="replace"):
                assert "Ã" not in stored.text, f"{path.name}: mojibake"
    return f"{suffix or 'no extension'}: {'refused' if result.error else 'imported'}"


# What the generated inputs became, printed at the end of the run (pytest -s).
FIGURES: Counter[str] = Counter()


def test_generated_inputs_are_imported_or_refused_with_a_reason(tmp_path):
    library = tmp_path / "library.sqlite3"
    open_library(library)
    counter = iter(range(10**9))
    try:
        with tempfile.TemporaryDirectory() as folder:

            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
            )
            @given(inputs)
            def import_generated(case: tuple[str, bytes]) -> None:
                event(import_one(Path(folder), *case, name=f"input-{next(counter)}"))

            import_generated()
    finally:
        close_library()
    print(f"\nfuzz figures: {FIGURES['tried']} inputs tried, {FIGURES['refused']} refused with a "
          f"reason, {FIGURES['accepted']} accepted, 0 tracebacks, 0 silent losses")
    report = check_library(library)
    assert report.ok, report.text()


def test_a_few_megabytes_of_text_in_one_line_and_in_many(tmp_path):
    open_library(tmp_path / "library.sqlite3")
    try:
        line = "The minister said the talks would resume on Monday, and nobody believed her. "
        import_one(tmp_path, ".txt", (line * 40_000).encode(), "one-line")  # 3 MB, no newline
        import_one(tmp_path, ".txt", ((line + "\n") * 40_000).encode(), "many-lines")
        import_one(tmp_path, ".md", ((line + "\n\n") * 30_000).encode(), "markdown")
    finally:
        close_library()
    assert check_library(tmp_path / "library.sqlite3").ok


def test_a_50_mb_text_imports_in_seconds(tmp_path):
    paragraph = (
        "Olaf Scholz met Emmanuel Macron in Paris, and “we agree”, Scholz said afterwards. " * 12
    )
    data = ((paragraph + "\n") * (50_000_000 // (len(paragraph) + 1) + 1)).encode()
    assert len(data) >= 50_000_000
    library = tmp_path / "library.sqlite3"
    open_library(library)
    started = time.monotonic()
    try:
        import_one(tmp_path, ".txt", data, "huge")
        assert count_articles() == 1
    finally:
        close_library()
    assert time.monotonic() - started < 60


# Inputs that once crashed the JSON importer: json.loads raises
# RecursionError on deep nesting and ValueError on integers of more than
# 4300 digits.  They must be refused with a reason like any bad file.
JSON_EXTREMES = [
    pytest.param(".jsonl", b"[" * 100_000 + b"]" * 100_000, id="jsonl-deep-nesting"),
    pytest.param(
        ".json", b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", id="json-deep-nesting"
    ),
    pytest.param(
        ".jsonl", b'{"text": "hello there", "date": ' + b"9" * 5000 + b"}", id="jsonl-huge-integer"
    ),
]


@pytest.mark.parametrize(("suffix", "data"), JSON_EXTREMES)
def test_json_extremes_are_refused_with_a_reason(tmp_path, suffix, data):
    open_library(tmp_path / "library.sqlite3")
    try:
        import_one(tmp_path, suffix, data, "crash")
    finally:
        close_library()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder", "dangling link"])
def test_files_that_are_not_regular_files_are_refused_without_reading(tmp_path, kind):
    path = tmp_path / "input.txt"
    if kind == "fifo":
        os.mkfifo(path)  # opening it would wait for a writer forever
    elif kind == "device":
        path = Path("/dev/zero")  # reading it would never end
    elif kind == "folder":
        path.mkdir()
        (path / "inner.bin").write_bytes(b"\x00" * 10)
    else:
        path.symlink_to(tmp_path / "nowhere")
    open_library(tmp_path / "library.sqlite3")
    try:
        report = import_paths([path])
        assert count_articles() == 0
    finally:
        close_library()
    assert all(reason.strip() for _, reason in report.failures)
    assert kind == "folder" or len(report.failures) == 1
