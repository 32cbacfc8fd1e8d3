from desktop.core.offsets import Utf16Map
from desktop.core.text import normalise, sha256, shorten, title_from_text


def test_normalise_line_endings_nfc_and_controls():
    raw = "Cafe\u0301 one\r\nsecond\x00 line\rthird\x1b\n\n\n\nfourth  "
    assert normalise(raw) == "Café one\nsecond line\nthird\n\nfourth"


def test_title_is_first_sentence_shortened_at_a_word():
    text = "Short first sentence. Then more.\nNext paragraph."
    assert title_from_text(text) == "Short first sentence"
    long = ("Emerging from a five-hour meeting with French President Emmanuel Macron in Moscow "
            "around midnight Monday, Putin said.")
    title = title_from_text(long)
    assert title.endswith("…") and len(title) <= 80
    assert long.startswith(title[:-1])


def test_shorten_keeps_short_text():
    assert shorten("  A   title  ") == "A title"


def test_sha256_of_text():
    assert sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_utf16_map_counts_astral_characters_twice():
    text = "a😀b😀c"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [m.from_utf16(u) for u in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
