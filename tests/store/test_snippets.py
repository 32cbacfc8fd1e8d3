"""The team library's search snippets: the words around the first match,
found across case and accents, marked as SQLite's snippet() marks them."""
from desktop.store.snippets import snippet

MARKS = ("[", "]", "…", 6)


def test_the_match_is_marked_across_accents_and_case():
    text = "Yesterday in Ankara, President Recep Tayyip Erdoğan met the envoy of the U.S. again."
    assert snippet(text, (("erdogan", False),), MARKS) == "…Tayyip [Erdoğan] met the envoy of…"


def test_prefixes_and_phrases():
    text = "The Prime  Minister spoke. Elections follow; the elected prime minister waits."
    assert snippet(text, (("prime minister", False),), MARKS) == "The [Prime Minister] spoke. Elections follow…"
    assert snippet(text, (("elect", True),), MARKS) == "…spoke. [Elections] follow; the [elected] prime…"


def test_no_match_gives_the_start_of_the_text():
    assert snippet("Only words here, nothing else at all today.", (("absent", False),), MARKS) == (
        "Only words here, nothing else at…")
