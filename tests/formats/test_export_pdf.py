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


def test_text_fills_the_page_between_its_margins(bundle):
    """The text starts at the page's 18 mm margin (about 51 pt), not 2 cm
    further in as a page without a size gets from Qt, and table headers
    are not broken inside a word."""
    data, _ = pdf_export.render(bundle)
    page = PdfReader(io.BytesIO(data)).pages[0]
    xs: list[float] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001, ARG001
        if text.strip():
            xs.append(cm[4] + tm[4] * cm[0])

    text = page.extract_text(visitor_text=visit)
    margin = 18 / 25.4 * 72
    assert xs and min(xs) < margin + 10, min(xs)
    width = float(page.mediabox.width)
    assert max(xs) > width / 2
    whole = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Ty pe" not in whole and "Type" in whole
    assert text
