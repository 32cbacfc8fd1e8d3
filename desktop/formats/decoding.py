"""Turning a file's bytes into text, or refusing it with a reason."""
from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from charset_normalizer import from_bytes

from desktop.core.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Warnings about the files decoded in the current import (bad bytes replaced).
_NOTES: ContextVar[list[str] | None] = ContextVar("byline_decoding_notes", default=None)
# At most this share of a file's bytes may be invalid for it to be read as
# UTF-8 with the bad bytes replaced; more is another encoding.
_BAD_SHARE = 0.01


@contextmanager
def collected() -> Iterator[list[str]]:
    """Gather the warnings of the files decoded inside the block."""
    notes: list[str] = []
    token = _NOTES.set(notes)
    try:
        yield notes
    finally:
        _NOTES.reset(token)


def _note(message: str) -> None:
    notes = _NOTES.get()
    if notes is not None:
        notes.append(message)


def decode(data: bytes, name: str = "the file") -> str:
    """Decode ``data`` by its BOM, as UTF-8, as UTF-16, as Windows-1252
    (and so Latin-1), or by detection for other scripts.

    Raises InputError for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(f"{name} is empty.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name} is not text in any encoding Byline recognises "
                    f"(it starts with a {encoding.upper()} mark but is not valid {encoding.upper()})."
                ) from exc
            if not _plausible(text):
                raise InputError(f"{name} is not text in any encoding Byline recognises.")
            return _checked(text, name)
    text = _utf16_without_bom(data)
    if text is not None and _plausible(text):
        return _checked(text, name)
    text = _utf8(data)
    if text is not None:
        # Valid UTF-8 is text in UTF-8, however many emoji or rare scripts
        # it holds: no other encoding is tried on it.
        return _checked(text, name)
    text = _utf8_repaired(data, name)
    if text is not None:
        return _checked(text, name)
    for attempt in (_western, _detected):
        text = attempt(data)
        if text is not None and _plausible(text):
            return _checked(text, name)
    raise InputError(f"{name} is not text in any encoding Byline recognises.")


def _checked(text: str, name: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{name} is not a text file (it looks like binary data).")
    return text


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A file cut inside its last character: keep the text, drop the stub.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8", errors="strict") if exc.start else None
        return None


def _utf8_repaired(data: bytes, name: str) -> str | None:
    """UTF-8 with a few bad bytes: the bad bytes become U+FFFD and a warning
    names the first.  Taken only when the file holds valid multi-byte UTF-8
    (which any other encoding would turn into mojibake such as "cafÃ©")."""
    bad: list[int] = []

    def record(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        bad.append(exc.start)
        return "\ufffd", exc.end

    codecs.register_error("byline-count", record)
    text = data.decode("utf-8", errors="byline-count")
    if not bad:
        return None
    # Valid multi-byte sequences are rare by chance in a legacy encoding:
    # unless the bad bytes far outnumber them (and are not rare), the file is
    # UTF-8 with some damage, not Windows-1252.
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if not multibyte or (len(bad) > 2 * multibyte and len(bad) > len(data) * _BAD_SHARE):
        return None
    first = bad[0]
    line = data.count(b"\n", 0, first) + 1
    column = first - (data.rfind(b"\n", 0, first) + 1) + 1
    more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
    _note(
        f"{name} is UTF-8 with {'an invalid byte' if len(bad) == 1 else 'invalid bytes'} "
        f"at byte {first} (line {line}, column {column}){more}, replaced by \ufffd."
    )
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has a NUL in every other byte for Latin script.
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros and zeros.count(0) / len(zeros) > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _western(data: bytes) -> str | None:
    """Windows-1252, the usual legacy encoding of English and Western
    European text (Latin-1 files decode the same but for C1 controls)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    ascii_like = sum(1 for ch in text if ch.isascii() and (ch.isalnum() or ch.isspace() or ch in ".,;:'\"!?()-"))
    return text if ascii_like / len(text) >= 0.75 else None


def _detected(data: bytes) -> str | None:
    if len(data) < 64:  # detection on a few bytes is a guess, not evidence
        return None
    best = from_bytes(data).best()
    if best is None or best.encoding is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    if best.chaos > 0.1:
        return None
    return str(best)


# Scripts news is written in.  Garbage decoded as UTF-16 or a CJK codec
# lands all over the code space (Yi, Braille, Linear B...); real text does not.
_COMMON_SCRIPTS = frozenset(
    "LATIN CYRILLIC GREEK ARABIC HEBREW CJK HIRAGANA KATAKANA HANGUL DEVANAGARI BENGALI "
    "THAI ARMENIAN GEORGIAN TAMIL TELUGU GUJARATI GURMUKHI KANNADA MALAYALAM SINHALA "
    "ETHIOPIC KHMER LAO MYANMAR PERSIAN SYRIAC THAANA DIGIT FULLWIDTH HALFWIDTH".split()
)


def _plausible(text: str) -> bool:
    sample = text[:20000]
    # Emoji (and the joiners and variation selectors between them) count as
    # text: a post dense with them is still a post.
    wordlike = sum(
        1 for ch in sample
        if ch.isalnum() or ch.isspace() or unicodedata.category(ch) in ("So", "Sk", "Mn", "Cf")
    )
    if wordlike / max(1, len(sample)) < 0.6:
        return False
    letters = [ch for ch in sample if ch.isalpha() and not ch.isascii()]
    if not letters:
        return True
    rare = sum(1 for ch in letters if unicodedata.name(ch, "UNKNOWN").split()[0] not in _COMMON_SCRIPTS)
    return rare / len(letters) <= 0.1


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return bad / len(sample) > 0.05
