import os

import pytest

from desktop.core.errors import InputError
from desktop.formats.decoding import decode

TEXT = "Erdoğan said “the talks will go on” — Café Zürich, naïve."
WESTERN = "Le café est très bon à Zürich, où il fait beau. Ça va? “Oui.”"


@pytest.mark.parametrize(
    "data, expected",
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("utf-16-le"), TEXT),
        (TEXT.encode("utf-16-be"), TEXT),
        (WESTERN.encode("cp1252"), WESTERN),
        (WESTERN.replace("“", '"').replace("”", '"').encode("latin-1"), WESTERN.replace("“", '"').replace("”", '"')),
    ],
)
def test_text_in_usual_encodings_decodes(data, expected):
    assert decode(data) == expected


def test_cyrillic_legacy_encoding_is_detected():
    text = "Президент России Владимир Путин заявил во вторник, что переговоры продолжатся. " * 3
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (os.urandom(4096), "not text"),
        (b"\xff\xfe\x80\x81\x9f\xc3(\xa0\xa1", "not text"),
        (b"PK\x03\x04" + bytes(range(256)) * 4, "not"),
    ],
)
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data, "file.txt")


def test_utf8_with_one_bad_byte_is_utf8_with_a_warning_naming_the_byte():
    from desktop.formats.decoding import collected

    data = "Le café est très bon.\nÇa va, merci.".encode() + b" \xff fin"
    with collected() as notes:
        text = decode(data, "note.txt")
    assert text.startswith("Le café est très bon.\nÇa va")  # never "cafÃ©"
    assert "\ufffd fin" in text
    (note,) = notes
    position = data.index(b"\xff")
    assert "note.txt" in note and f"byte {position}" in note and "line 2" in note


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_emoji_dense_text_is_accepted(encoding):
    text = "Fans 🎉🎉🔥🔥😀😀👏👏 cheered 🏆🏆🏆 🇺🇦❤️👍🏽 " * 20
    assert decode(text.encode(encoding)) == text


def test_legacy_bytes_without_any_utf8_are_still_western():
    assert decode(b"caf\xe9 au lait, tr\xe8s bon, na\xefve") == "café au lait, très bon, naïve"
