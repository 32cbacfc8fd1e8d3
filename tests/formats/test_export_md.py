"""Markdown export, checked by rendering it with markdown-it."""

import pytest
from markdown_it import MarkdownIt

from desktop.formats import md_export
from tests.formats.test_export_support import HIGHLIGHT_TEXT, hostile_bundle, sample_bundle


def render(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def test_text_with_highlight_footnote_and_tables(bundle):
    markdown, warnings = md_export.render_markdown(bundle)
    html = render(markdown)
    assert f"<strong>{HIGHLIGHT_TEXT}</strong>[^1]".replace('"', "&quot;") in html
    assert (
        "[^1]: Putin's warning" in markdown
        and "\n    and a second line (Claim, Framing)" in markdown
    )
    assert "<th>Speaker</th>\n<th>Quote</th>\n<th>Type</th>" in html
    assert "<td>Olaf Scholz</td>" in html
    assert any("entity" in w for w in warnings)


def test_hostile_text_renders_as_text():
    markdown, _ = md_export.render_markdown(hostile_bundle())
    html = render(markdown)
    for bad in ("<script", "<img", "<a ", "<svg", "<b>", "<em>stars", "<code>", "<h1>#"):
        assert bad not in html, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[click me](javascript:alert(4))" in html
    assert "*stars* _under_ # not a heading | pipe |" in html
    assert html.count("<h1>") == 1
