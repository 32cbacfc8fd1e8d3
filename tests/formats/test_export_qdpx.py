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


Q = "{urn:QDA-XML:project:1.0}"


def test_read_as_qualcoder_reads_it_notes_cases_colours_and_dates(bundle, schema):
    """What QualCoder's REFI import takes from the file, read the same way:
    notes from the TextSource's NoteRefs to Notes holding a selection and as
    coding memos, case text from codings whose code has the case's GUID."""
    data, _ = qdpx_export.render([bundle])
    archive, root = open_project(data)
    schema.assertValid(root)
    [source] = root.findall("q:Sources/q:TextSource", NS)
    text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode()
    # Notes: TextSource/NoteRef -> Note(PlainTextContent, PlainTextSelection)
    notes = {n.get("guid"): n for n in root.findall("q:Notes/q:Note", NS)}
    annotations = []
    for ref in source.findall("q:NoteRef", NS):
        note = notes[ref.get("targetGUID")]
        passage = note.find("q:PlainTextSelection", NS)
        start, end = int(passage.get("startPosition")), int(passage.get("endPosition"))
        annotations.append((text[start:end], note.findtext("q:PlainTextContent", namespaces=NS)))
    assert (HIGHLIGHT_TEXT, NOTE) in annotations
    assert len(annotations) == sum(1 for a in bundle.annotations if a.note.strip())
    # ... and as the coded selection's memo (its Description).
    memos = {
        (text[int(s.get("startPosition")):int(s.get("endPosition"))], s.findtext("q:Description", namespaces=NS))
        for s in source.findall("q:PlainTextSelection", NS) if s.find("q:Coding", NS) is not None
    }
    assert (HIGHLIGHT_TEXT, NOTE) in memos
    # Cases: a Code with the Case's GUID, coding the quotes of the actor.
    cases = {c.get("guid"): c.get("name") for c in root.findall("q:Cases/q:Case", NS)}
    case_text: dict[str, list[str]] = {}
    for s in source.findall("q:PlainTextSelection", NS):
        for ref in s.findall("q:Coding/q:CodeRef", NS):
            if ref.get("targetGUID") in cases:
                name = cases[ref.get("targetGUID")]
                case_text.setdefault(name, []).append(text[int(s.get("startPosition")):int(s.get("endPosition"))])
    quoted = {bundle.actors[i].name for i in bundle.quote_actor if i is not None}
    assert quoted and set(case_text) == quoted
    for case in root.findall("q:Cases/q:Case", NS):
        assert len(case.findall("q:SelectionRef", NS)) == len(case_text.get(case.get("name"), []))
    # Colours on every codable code of the quote group.
    group = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Quotes (Byline)")
    assert all(c.get("color", "").startswith("#") for c in group.findall("q:Code", NS))
    # Dates in UTC with Z.
    stamps = [el.get(a) for el in root.iter() for a in ("creationDateTime", "modifiedDateTime") if el.get(a)]
    assert stamps and all(s.endswith("Z") and "+" not in s for s in stamps)


def test_times_with_an_offset_become_utc_with_z():
    assert qdpx_export._when("2024-03-01T10:00:00+02:00") == "2024-03-01T08:00:00Z"
    assert qdpx_export._when("2024-03-01T10:00:00+00:00") == "2024-03-01T10:00:00Z"
    assert qdpx_export._when("yesterday") is None
