"""REFI-QDA export: project.qde validates against the standard's schema."""

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from desktop.formats import qdpx_export
from tests.formats.test_export_support import HIGHLIGHT_TEXT, NOTE, hostile_bundle, sample_bundle

XSD = Path(__file__).resolve().parent.parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.fixture(scope="module")
def bundle():
    return sample_bundle()


def open_project(data: bytes):
    archive = zipfile.ZipFile(io.BytesIO(data))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return archive, etree.fromstring(archive.read("project.qde"), parser)


def test_project_validates_and_holds_codes_selections_and_notes(bundle, schema):
    data, warnings = qdpx_export.render([bundle])
    archive, root = open_project(data)
    schema.assertValid(root)
    [source] = root.findall("q:Sources/q:TextSource", NS)
    path = source.get("plainTextPath")
    assert path.startswith("internal://")
    text = archive.read("sources/" + path.removeprefix("internal://")).decode("utf-8")
    assert text == bundle.article.text
    codes = {c.get("name"): c for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    assert codes["Claim"].get("color") == "#e57373"
    assert codes["Framing"].getparent() is codes["Claim"]  # the hierarchy
    for selection in source.findall("q:PlainTextSelection", NS):
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        assert 0 <= start < end <= len(text)
    start = text.index(HIGHLIGHT_TEXT)
    highlight = next(
        s
        for s in source.findall("q:PlainTextSelection", NS)
        if int(s.get("startPosition")) == start and s.find("q:NoteRef", NS) is not None
    )
    coded = {c.get("targetGUID") for c in highlight.findall("q:Coding/q:CodeRef", NS)}
    assert coded == {codes["Claim"].get("guid"), codes["Framing"].get("guid")}
    note_id = highlight.find("q:NoteRef", NS).get("targetGUID")
    note = root.find(f"q:Notes/q:Note[@guid='{note_id}']", NS)
    assert note.findtext("q:PlainTextContent", namespaces=NS) == NOTE
    cases = {c.get("name") for c in root.findall("q:Cases/q:Case", NS)}
    assert {"Putin", "Olaf Scholz"} <= cases
    assert warnings


def test_hostile_text_is_escaped_and_still_valid(schema):
    bundle = hostile_bundle()
    data, _ = qdpx_export.render([bundle])
    archive, root = open_project(data)
    schema.assertValid(root)
    raw = archive.read("project.qde").decode("utf-8")
    assert "<script" not in raw and "<!DOCTYPE" not in raw and "<!ENTITY" not in raw
    names = {c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    assert {t.name for t in bundle.tags} <= names  # kept exactly, as text
    [note] = root.findall("q:Notes/q:Note", NS)
    assert note.findtext("q:PlainTextContent", namespaces=NS) == bundle.annotations[0].note
    # Every element is QDA-XML: nothing from the text became markup.
    assert all(el.tag.startswith("{urn:QDA-XML:project:1.0}") for el in root.iter())
    source = archive.read([n for n in archive.namelist() if n.startswith("sources/")][0]).decode()
    assert source == bundle.article.text
