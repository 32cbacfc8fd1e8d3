"""spaCy DocBin export, read back with spaCy."""

import pytest
import spacy
from spacy.tokens import DocBin

from desktop.formats.exporters import export
from tests.formats.test_export_support import HIGHLIGHT_TEXT, NOTE, USER_QUOTE_TEXT, sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_docbin_gives_the_same_spans(bundle, tmp_path):
    path = tmp_path / "corpus.spacy"
    warnings = export([bundle], "spacy", path)
    nlp = spacy.blank("en")
    [doc] = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    assert doc.text == bundle.article.text
    ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    kyiv = bundle.article.text.index("Kyiv")
    assert (kyiv, kyiv + 4, "GPE") in ents  # the user's correction
    expected = {(e.start, e.end, e.label) for e in bundle.analysis.entities}
    assert ents <= expected and len(ents) >= len(expected) - 2
    start = bundle.article.text.index(HIGHLIGHT_TEXT)
    highlights = {(s.start_char, s.end_char, s.label_) for s in doc.spans["byline"]}
    assert {
        (start, start + len(HIGHLIGHT_TEXT), "Claim"),
        (start, start + len(HIGHLIGHT_TEXT), "Framing"),
    } <= highlights
    q = bundle.article.text.index(USER_QUOTE_TEXT)
    quotes = {(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["quotes"]}
    assert (q, q + len(USER_QUOTE_TEXT), "mixed", "Putin") in quotes
    assert len(doc.spans["quotes"]) == len(bundle.analysis.quotes)
    assert doc.user_data["byline"]["notes"][0]["note"] == NOTE
    assert any("actors" in w for w in warnings)


def test_overlapping_entities_are_filtered_and_said(bundle):
    from desktop.core.model import Entity
    from desktop.formats import spacy_export

    copy = type(bundle)(
        bundle.article,
        type(bundle.analysis)(list(bundle.analysis.entities) + [Entity(0, 33, "EVENT", "user")]),
    )
    data, warnings = spacy_export.render([copy])
    [doc] = list(DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab))
    assert (0, 33, "EVENT") in {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert any("overlapping entities" in w for w in warnings)
