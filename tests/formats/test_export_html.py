"""HTML export: a self-contained page whose text is the article's, and
inert whatever the article holds."""

from html.parser import HTMLParser

import pytest

from desktop.formats import html_export
from tests.formats.test_export_support import HOSTILE_TEXT, hostile_bundle, sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


class Page(HTMLParser):
    """Collects the tags, attributes and the article text of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.paragraphs = [], [], []
        self._depth_text = None
        self._in_sup = 0
        self._in_p = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "div" and ("class", "text") in attrs:
            self._depth_text = 0
        if self._depth_text is not None:
            self._depth_text += 1
            if tag == "p":
                self.paragraphs.append("")
                self._in_p = True
            if tag == "sup":
                self._in_sup += 1

    def handle_endtag(self, tag):
        if self._depth_text is not None:
            self._depth_text -= 1
            if tag == "sup":
                self._in_sup -= 1
            if tag == "p":
                self._in_p = False
            if self._depth_text == 0:
                self._depth_text = None

    def handle_data(self, data):
        if self._in_p and not self._in_sup:
            self.paragraphs[-1] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


def test_page_shows_the_text_colours_legend_tables_and_notes(bundle):
    page, warnings = html_export.render_html(bundle)
    parsed = parse(page)
    # Cut at every span edge, the pieces still spell the article exactly.
    assert parsed.paragraphs == [p for p in bundle.article.text.split("\n") if p]
    assert "background-color:#aa9cfc" in page  # PERSON as in the app
    assert "border-bottom-color:#e57373" in page and "0 3px 0 #81c784" in page  # Claim + Framing
    assert 'class="legend"' in page and ">Claim</u>" in page and ">PERSON</span>" in page
    assert "<th width='22%'>Speaker</th><th>Quote</th><th width='12%'>Type</th>" in page
    assert "<th>Actor</th>" in page and "<td>Olaf Scholz</td>" in page
    assert '<li id="note-1" value="1">Putin&#x27;s warning' in page
    assert '<sup class="ref" id="ref-1"><a href="#note-1">1</a></sup>' in page
    assert "@media print" in page and warnings == []


def test_no_external_resources(bundle):
    parsed = parse(html_export.render_html(bundle)[0])
    assert "script" not in parsed.tags and "link" not in parsed.tags and "img" not in parsed.tags
    assert all(name not in ("src", "srcset") for name, _ in parsed.attrs)
    assert all(v.startswith("#") for name, v in parsed.attrs if name == "href")


def test_overlapping_highlights_are_cut_at_every_edge(bundle):
    page = html_export.render_html(bundle)[0]
    # "war broke out between NATO" lies in both highlights and inside an entity.
    assert 'title="ORG · Claim · Framing · Evidence' in page


def test_hostile_text_is_inert():
    bundle = hostile_bundle()
    page = html_export.render_html(bundle)[0]
    parsed = parse(page)
    assert set(parsed.tags) <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "p",
        "div",
        "span",
        "u",
        "strong",
        "em",
        "sup",
        "a",
        "aside",
        "ol",
        "li",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert all(v.startswith("#") for name, v in parsed.attrs if name == "href")
    assert all("javascript" not in (v or "") for name, v in parsed.attrs if name != "title")
    assert parsed.paragraphs == HOSTILE_TEXT.split("\n")
    assert "red;background" not in page  # a tag colour that is not a colour is not used
