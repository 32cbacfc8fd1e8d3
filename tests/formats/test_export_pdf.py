"""PDF export through Qt: the PDF's text holds the article and the quotes table."""

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from desktop.formats import pdf_export
from tests.formats.test_export_support import sample_bundle


def squeeze(text: str) -> str:
    """Text without whitespace or ligatures: pypdf's word spacing varies."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_pdf_text_holds_the_article_and_the_quotes_table(bundle):
    data, warnings = pdf_export.render(bundle)
    assert data.startswith(b"%PDF") and warnings == []
    reader = PdfReader(io.BytesIO(data))
    # Qt numbers the pages at their foot; drop the numbers to join the pages.
    text = squeeze(" ".join(re.sub(r"\d+\s*$", "", page.extract_text()) for page in reader.pages))
    # Qt may draw a line cut by a page break on both pages: check each
    # paragraph by its beginning and its end.
    for paragraph in map(squeeze, bundle.article.text.split("\n")[1:]):
        assert paragraph[:60] in text and paragraph[-60:] in text
    table = text[text.index("Quotes(") :]
    assert table.startswith(f"Quotes({len(bundle.analysis.quotes)})SpeakerQuoteType")
    for quote in bundle.analysis.quotes[:3]:
        assert squeeze(bundle.article.text[quote.start : quote.end])[:40] in table
    assert squeeze("Putin's warning") in text  # the note
