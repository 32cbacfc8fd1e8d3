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
