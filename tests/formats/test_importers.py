"""The importers, one format at a time, on small files written here."""
import hashlib
import json
import os

import pytest

from desktop.core.errors import InputError
from desktop.formats import csv_corpus, jsonl
from desktop.formats.csv_corpus import iso_date
from desktop.formats.registry import iter_files, read_counted, read_path, supported_patterns

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Erdoğan meets Putin in Sochi | The Daily Example</title>
<meta property="og:title" content="Erdoğan meets Putin in Sochi">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://news.example.org/2019/erdogan-putin">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2019-10-22T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="ad">Buy cheap watches now! Subscribe today for only $1.</div>
<article>
<h1>Erdoğan meets Putin in Sochi</h1>
<p>Turkish President Recep Tayyip Erdoğan met Russian President Vladimir Putin in Sochi
on Tuesday to discuss the situation in northern Syria, officials said.</p>
<p>"We have reached an agreement," Erdoğan told reporters after six hours of talks.</p>
</article>
<section id="comments"><h3>Comments</h3>
<div class="comment"><p>This reader comment must not be imported.</p></div></section>
<footer>Copyright 2019 The Daily Example. All rights reserved.</footer>
</body></html>
"""

NAV_ONLY = """<html><head><title>Index</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie">We use cookies to improve your experience.</div>
<footer><p>Copyright 2019 The Daily Example. All rights reserved.</p></footer></body></html>"""


def write(path, content, encoding="utf-8"):
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding, newline="")
    return path


def test_saved_page_gives_main_text_and_metadata(tmp_path):
    (article,) = read_path(write(tmp_path / "page.html", PAGE))
    assert article.title == "Erdoğan meets Putin in Sochi"
    assert (article.date, article.source) == ("2019-10-22", "The Daily Example")
    assert article.author == "Jane Reporter"
    assert article.url == "https://news.example.org/2019/erdogan-putin"
    lines = article.text.split("\n")
    assert lines[0].startswith("Turkish President Recep Tayyip Erdoğan met")  # headline kept apart
    assert lines[1].startswith('"We have reached an agreement,"')
    for noise in ("Home", "watches", "reader comment", "Copyright"):
        assert noise not in article.text
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()


def test_page_without_article_text_is_refused(tmp_path):
    with pytest.raises(InputError, match="nav.htm has no article text"):
        read_path(write(tmp_path / "nav.htm", NAV_ONLY))


def test_script_heavy_and_xhtml_pages_are_read(tmp_path):
    script = "<script>" + 'window.__DATA__ = {"ids": [1, 2, 3], "on": true};' * 2000 + "</script>"
    page = PAGE.replace("</head>", script + "</head>")
    (article,) = read_path(write(tmp_path / "app.html", page))
    assert article.text.startswith("Turkish President") and "__DATA__" not in article.text
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace("<!DOCTYPE html>", "")
    (article,) = read_path(write(tmp_path / "page.xhtml", xhtml))
    assert article.title == "Erdoğan meets Putin in Sochi"


def test_legacy_encoded_page_decodes(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace("ğ", "g")
    page = page.replace("officials said", "officials said in Düsseldorf")
    (article,) = read_path(write(tmp_path / "old.html", page.encode("cp1252")))
    assert "Düsseldorf" in article.text


def test_markdown_without_markup_first_heading_is_title(tmp_path):
    source = (
        "---\ndate: 2019-01-02\nauthor: 'Jane Reporter'\n---\n\n"
        "# Council *approves* budget\n\nThe council **approved** the budget on [Tuesday](http://x.org),\n"
        "the mayor said.\n\n## Reactions\n\n- Unions `welcomed` it\n- <b>Critics</b> did not\n"
    )
    (article,) = read_path(write(tmp_path / "budget.md", source))
    assert article.title == "Council approves budget"
    assert (article.date, article.author) == ("2019-01-02", "Jane Reporter")
    assert article.text == (
        "The council approved the budget on Tuesday, the mayor said.\n"
        "Reactions\nUnions welcomed it\nCritics did not"
    )


def test_markdown_that_is_only_markup_is_refused(tmp_path):
    with pytest.raises(InputError, match="no text"):
        read_path(write(tmp_path / "note.markdown", "---\ntitle: A title\n---\n<!-- a note -->\n"))


def test_csv_columns_found_by_name_in_any_case(tmp_path):
    path = write(tmp_path / "corpus.csv", (
        "URL,Headline,Published,Body,Outlet,Byline\n"
        'https://a.example/1,Storm hits coast,"January 4, 2019",'
        '"A storm hit the coast.\n\nTrees fell.",Coast News,Jane Reporter\n'
    ))
    (article,) = read_path(path)
    assert (article.title, article.date) == ("Storm hits coast", "2019-01-04")
    assert article.url == "https://a.example/1"
    assert (article.source, article.author) == ("Coast News", "Jane Reporter")
    assert article.text == "A storm hit the coast.\n\nTrees fell."  # as normalise() keeps it


def test_semicolon_csv_with_bom_quoted_newlines_and_empty_rows(tmp_path):
    content = (
        'titel;text;date\r\n"Rain";"Heavy rain fell.\r\nRivers rose.";04.01.2019\r\n'
        "No text;;2019-01-02\r\n;   ;\r\n\r\n"
        '"Wind";"Strong ""gusts"" were measured.";2019-02-03T08:00:00Z\r\n'
    )
    path = write(tmp_path / "weather.csv", b"\xef\xbb\xbf" + content.encode())
    articles, skipped = read_counted(path)
    assert [(a.title, a.date) for a in articles] == [
        ("Heavy rain fell", "2019-01-04"), ("Strong \"gusts\" were measured", "2019-02-03")]
    assert articles[0].text == "Heavy rain fell.\nRivers rose."
    assert skipped == 1  # the row "No text"; blank lines and rows of blanks are no rows


def test_tsv_and_explicit_mapping(tmp_path):
    path = write(tmp_path / "export.tsv", "id\tstory\twhen\thtml\n7\tThe story.\t2019-03-04\t<p>\n")
    with pytest.raises(InputError, match="no text column.*'id', 'story', 'when', 'html'"):
        read_path(path)
    (article,) = read_path(path, {"text": "STORY", "date": "when"})
    assert (article.text, article.date, article.title) == ("The story.", "2019-03-04", "The story")
    with pytest.raises(InputError, match="no column 'missing' for the title"):
        read_path(path, {"text": "story", "title": "missing"})


def test_csv_preview_for_the_mapping_dialog(tmp_path):
    path = write(tmp_path / "c.csv", "Link,Headline,Content\nu1,T1,Text one\nu2,T2\n")
    header, rows, mapping = csv_corpus.preview(path, rows=5)
    assert header == ["Link", "Headline", "Content"]
    assert rows == [["u1", "T1", "Text one"], ["u2", "T2", ""]]
    assert mapping == {"text": "Content", "title": "Headline", "url": "Link"}


@pytest.mark.parametrize("raw, expected", [
    ("2019-01-04", "2019-01-04"),
    ("2019/1/4", "2019-01-04"),
    ("2019-01-04T22:10:00+02:00", "2019-01-04"),
    ("20190104", "2019-01-04"),
    ("04.01.2019", "2019-01-04"),
    ("12/31/2019", "2019-12-31"),
    ("Friday, January 4, 2019", "2019-01-04"),
    ("4 Jan 2019 10:00", "2019-01-04"),
    ("spring 2019", None),
    ("2019-02-30", None),
])
def test_dates_are_normalised_when_they_can_be(raw, expected):
    assert iso_date(raw) == expected


def test_jsonl_records_with_meta_and_top_level_fields(tmp_path):
    lines = [
        {"text": "Prices rose.", "meta": {"title": "Inflation up", "source": "Stats desk"}},
        {"text": "Markets fell.", "title": "Stocks", "published": "2019-05-06", "link": "https://m.example"},
        {"text": "", "meta": {"title": "empty"}},
        {"id": 4},
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    articles, skipped = read_counted(path)
    assert [(a.title, a.source, a.date, a.url) for a in articles] == [
        ("Inflation up", "Stats desk", None, None), ("Stocks", None, "2019-05-06", "https://m.example")]
    assert skipped == 2


def test_jsonl_bad_line_and_missing_text_field(tmp_path):
    bad = write(tmp_path / "bad.ndjson", '{"text": "fine"}\n{"text": "cut\n')
    with pytest.raises(InputError, match="bad.ndjson: line 2 is not valid JSON"):
        read_path(bad)
    notext = write(tmp_path / "labels.jsonl", '{"label": "x", "tokens": []}\n')
    with pytest.raises(InputError, match="has no text field.*'label', 'tokens'"):
        read_path(notext)


def byline_export(text="Putin met Macron in Moscow.", version=1):
    return {
        "format": "byline-article", "version": version,
        "article": {"id": 3, "title": "Talks", "date": "2022-02-08", "source": "Wire", "url": "https://w.example",
                    "text": text, "sha256": hashlib.sha256(text.encode()).hexdigest()},
        "entities": [{"start": 0, "end": 5, "label": "PERSON", "text": text[:5], "origin": "model"}],
        "quotes": [], "actors": [], "annotations": [], "tags": [],
    }


def test_byline_json_export_imports_its_article(tmp_path):
    pretty = write(tmp_path / "talks.json", json.dumps(byline_export(), indent=2))
    (article,) = read_path(pretty)
    assert (article.title, article.date, article.source, article.url) == (
        "Talks", "2022-02-08", "Wire", "https://w.example")
    assert article.text == "Putin met Macron in Moscow."
    lines = json.dumps(byline_export("Other text.")) + '\n{"text": "Plain."}\n'
    as_line = write(tmp_path / "mixed.jsonl", lines)
    assert [a.text for a in read_path(as_line)] == ["Other text.", "Plain."]
    newer = write(tmp_path / "newer.json", json.dumps(byline_export(version=9)))
    with pytest.raises(InputError, match="version 9"):
        jsonl.read_file(newer)
    damaged = byline_export()
    damaged["entities"][0]["text"] = "Macron"  # offsets that no longer cut their text
    with pytest.raises(InputError, match="damaged Byline export"):
        jsonl.read_file(write(tmp_path / "damaged.json", json.dumps(damaged)))


def test_docx_paragraphs_tables_and_title(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.author = "Jane Reporter"
    document.add_heading("Bridge reopens", level=0)
    document.add_paragraph("The Old Bridge reopened on Monday, the city said.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Cost", "4 million"
    document.add_paragraph("Cyclists welcomed the new lanes.")
    document.save(tmp_path / "bridge.docx")
    (article,) = read_path(tmp_path / "bridge.docx")
    assert (article.title, article.author) == ("Bridge reopens", "Jane Reporter")
    assert article.text.split("\n") == [
        "The Old Bridge reopened on Monday, the city said.", "Cost | 4 million",
        "Cyclists welcomed the new lanes."]
    with pytest.raises(InputError, match="not a Word document"):
        read_path(write(tmp_path / "fake.docx", "just text"))


def minimal_pdf(lines):
    """A one-page PDF whose text layer holds ``lines`` (Helvetica)."""
    shown = " ".join(f"({line}) Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer_becomes_paragraphs(tmp_path):
    path = write(tmp_path / "harbour.pdf", minimal_pdf([
        "The harbour authority said on Friday that the new",
        "container terminal would open in spring, creating",
        "hundreds of jobs.",
        "Unions welcomed the news.",
    ]))
    (article,) = read_path(path)
    assert article.text == (
        "The harbour authority said on Friday that the new container terminal would open "
        "in spring, creating hundreds of jobs.\nUnions welcomed the news."
    )


def test_pdf_without_text_layer_is_refused(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.write(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="scan.pdf has no text layer"):
        read_path(tmp_path / "scan.pdf")
    with pytest.raises(InputError, match="not a PDF"):
        read_path(write(tmp_path / "fake.pdf", "%PDF-1.4 and then nothing"))


def test_unknown_extension_is_read_as_text_and_binary_refused(tmp_path):
    (article,) = read_path(write(tmp_path / "notes.log", "Plain words in a log file."))
    assert article.text == "Plain words in a log file."
    with pytest.raises(InputError, match="photo.jpg is not"):
        read_path(write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0" + os.urandom(3000)))


def test_folders_expand_recursively_sorted_without_hidden_files(tmp_path):
    for name in ("b.txt", "A/z.md", "A/a.csv", ".git/config", "A/.hidden.txt", "c.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path, tmp_path / "b.txt"])]
    assert found == ["A/a.csv", "A/z.md", "b.txt", "c.jsonl"]
    patterns = {"*.html", "*.csv", "*.tsv", "*.jsonl", "*.md", "*.txt", "*.docx", "*.pdf"}
    assert patterns <= set(supported_patterns())


def test_pdf_whose_first_line_is_its_title_does_not_repeat_it(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = write(tmp_path / "plain.pdf", minimal_pdf([
        "Harbour terminal opens", "The harbour authority opened the terminal on Friday.",
    ]))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.add_metadata({"/Title": "Harbour terminal opens"})
    writer.write(tmp_path / "titled.pdf")
    (article,) = read_path(tmp_path / "titled.pdf")
    assert article.title == "Harbour terminal opens"
    assert article.text == "The harbour authority opened the terminal on Friday."


def test_markdown_heading_stays_in_the_text_when_front_matter_gives_the_title(tmp_path):
    source = "---\ntitle: Budget passes\n---\n\n# The vote\n\nThe council approved the budget.\n"
    (article,) = read_path(write(tmp_path / "budget.md", source))
    assert article.title == "Budget passes"
    assert article.text == "The vote\nThe council approved the budget."
    same = "---\ntitle: The vote\n---\n\n# The vote\n\nThe council approved the budget.\n"
    (article,) = read_path(write(tmp_path / "same.md", same))
    assert article.text == "The council approved the budget."


def big_table(rows: int) -> str:
    lines = ["| Name | Kind | Value \\| unit | Note |", "|---|:-:|--:|---|"]
    lines += [f"| item {i} | **kind** {i % 7} | {i * 3} \\| kg | {'' if i % 5 else '`code`'} |"
              for i in range(rows)]
    return "# Inventory\n\nThe counts follow.\n\n" + "\n".join(lines) + "\n\nThe end *here*.\n"


def test_a_big_markdown_table_reads_as_markdown_it_reads_it(monkeypatch):
    from desktop.formats import markdown

    source = big_table(markdown.BIG_TABLE_ROWS + 50)
    rowwise = markdown.article_from_markdown(source)
    monkeypatch.setattr(markdown, "BIG_TABLE_ROWS", 10**9)
    parsed = markdown.article_from_markdown(source)
    assert rowwise.text == parsed.text and rowwise.title == parsed.title == "Inventory"
    assert "item 3 | kind 3 | 9 | kg" in rowwise.text


def test_a_big_markdown_table_does_not_take_hundreds_of_megabytes():
    import tracemalloc

    from desktop.formats.markdown import article_from_markdown

    source = big_table(12_000)  # about 700 kB
    tracemalloc.start()
    try:
        article = article_from_markdown(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert article.text.count("\n") > 12_000
    assert peak < 40 * len(source), f"{peak / 2**20:.0f} MB for {len(source) / 2**20:.1f} MB"
