"""CSV export, read back with Python's csv module."""

import csv
import io
import zipfile

import pytest

from desktop.formats import csv_export
from desktop.formats.exporters import export
from tests.formats.test_export_support import NOTE, sample_bundle


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def read(content: bytes) -> list[dict]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_tables_keep_text_commas_quotes_and_newlines(bundle, tmp_path):
    warnings = export([bundle], "csv", tmp_path / "tables")
    files = {p.name: read(p.read_bytes()) for p in (tmp_path / "tables").iterdir()}
    assert set(files) == set(csv_export.COLUMNS)
    text = bundle.article.text
    for name in ("entities.csv", "quotes.csv", "annotations.csv"):
        for row in files[name]:
            assert row["article_id"] == "7" and row["date"] == "2022-02-08"
            assert text[int(row["start"]) : int(row["end"])] == row["text"]
    note = files["annotations.csv"][0]
    assert note["note"] == NOTE and note["tags"] == "Claim; Framing"
    assert ("Kyiv", "GPE", "user") in {
        (r["text"], r["label"], r["origin"]) for r in files["entities.csv"]
    }
    user_quote = next(r for r in files["quotes.csv"] if r["origin"] == "user")
    assert (user_quote["speaker"], user_quote["type"], user_quote["cue"]) == (
        "Putin",
        "mixed",
        "said",
    )
    assert {r["name"] for r in files["actors.csv"]} == {"Putin", "Olaf Scholz", "NATO"}
    assert files["articles.csv"][0]["quotes"] == str(len(bundle.analysis.quotes))
    assert any("codebook" in w for w in warnings)


def test_tables_in_a_zip(bundle, tmp_path):
    export([bundle], "csv", tmp_path / "tables.zip")
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        assert sorted(archive.namelist()) == sorted(csv_export.COLUMNS)
        assert read(archive.read("annotations.csv"))[0]["note"] == NOTE
