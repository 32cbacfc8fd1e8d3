"""Bringing coders together: another coder's Byline JSON export, library
file or REFI-QDA project adds their highlights beside yours."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.model import ArticleBundle
from desktop.formats import qdpx_export
from desktop.formats.json_export import render as render_json
from desktop.services.agreement import library_agreement
from desktop.services.bundles import load_bundle
from desktop.services.importing import import_paths
from desktop.store.annotations import list_annotations
from desktop.store.articles import list_articles
from desktop.store.database import close_library, open_library
from tests.coders import ONLY_BOB, seed_two_coders, span
from tests.conftest import SAMPLE


def coders_of(article_id: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for a in list_annotations(article_id):
        out[a.author] = out.get(a.author, 0) + 1
    return out


@pytest.fixture()
def bobs_library(tmp_path: Path) -> Path:
    """bob's own library: the sample with bob's highlights only."""
    path = tmp_path / "bob.sqlite3"
    open_library(path)
    article_id = seed_two_coders(SAMPLE)
    from desktop.store.models import AnnotationRow

    AnnotationRow.delete().where(AnnotationRow.author == "ann").execute()
    assert coders_of(article_id) == {"bob": 4}
    close_library()
    return path


@pytest.fixture()
def anns_library(tmp_path: Path) -> Path:
    path = tmp_path / "ann.sqlite3"
    open_library(path)
    article_id = seed_two_coders(SAMPLE)
    from desktop.store.models import AnnotationRow

    AnnotationRow.delete().where(AnnotationRow.author == "bob").execute()
    assert coders_of(article_id) == {"ann": 4}
    yield path
    close_library()


def test_bobs_json_export_lands_beside_anns_highlights(bobs_library, anns_library, tmp_path):
    close_library()
    open_library(bobs_library)
    exported = tmp_path / "bob.json"
    exported.write_bytes(render_json(load_bundle(1))[0])
    close_library()
    open_library(anns_library)
    report = import_paths([exported])
    assert (report.imported, report.duplicates, report.merged) == ([], 1, 4)
    assert len(list_articles()) == 1
    assert coders_of(1) == {"ann": 4, "bob": 4}
    text = load_bundle(1).article.text
    bob = [a for a in list_annotations(1) if a.author == "bob" and (a.start, a.end) == span(text, ONLY_BOB)]
    assert bob[0].tags == ["Opinion"] and bob[0].note == "bob's note"
    assert import_paths([exported]).merged == 0  # importing again adds nothing
    assert library_agreement().coders == ["ann", "bob"]


def test_another_library_file_brings_its_coders(bobs_library, anns_library):
    report = import_paths([bobs_library])
    assert report.failures == []
    assert (report.duplicates, report.merged) == (1, 4)
    assert coders_of(1) == {"ann": 4, "bob": 4}


def test_a_library_file_with_a_new_article_imports_it_with_its_highlights(bobs_library, tmp_path):
    open_library(tmp_path / "empty.sqlite3")
    try:
        report = import_paths([bobs_library])
        assert len(report.imported) == 1
        assert coders_of(report.imported[0]) == {"bob": 4}
    finally:
        close_library()


def qdpx_of(bundle: ArticleBundle) -> bytes:
    return qdpx_export.render([bundle])[0]


def test_qdpx_with_several_users_imports_users_as_coders(tmp_path, library):
    article_id = seed_two_coders(SAMPLE)
    bundle = load_bundle(article_id)
    assert bundle.analysis.entities == []  # not analysed: only highlights
    path = tmp_path / "team.qdpx"
    path.write_bytes(qdpx_of(bundle))
    close_library()
    open_library(tmp_path / "fresh.sqlite3")
    report = import_paths([path])
    assert report.failures == [] and len(report.imported) == 1
    new_id = report.imported[0]
    assert coders_of(new_id) == {"ann": 4, "bob": 4}
    got = {(a.author, a.start, a.end, tuple(a.tags), a.note) for a in list_annotations(new_id)}
    want = {(a.author, a.start, a.end, tuple(a.tags), a.note) for a in bundle.annotations}
    assert got == want


QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Team">
 <Users><User guid="u1" name="Maria"/><User guid="u2" name="Jonas"/></Users>
 <CodeBook><Codes>
  <Code guid="c1" name="Claim" isCodable="true" color="#ff0000"/>
  <Code guid="c2" name="Blame" isCodable="true" color="#00ff00">
   <Code guid="c3" name="Blame of officials" isCodable="true"/></Code>
  <Code guid="g" name="Entities (Byline)" isCodable="false"><Code guid="e1" name="PERSON" isCodable="true"/></Code>
 </Codes></CodeBook>
 <Sources><TextSource guid="s1" name="Storm report" plainTextPath="internal://s1.txt">
  <PlainTextSelection guid="p1" startPosition="0" endPosition="22" creatingUser="u1">
   <Coding guid="k1" creatingUser="u1"><CodeRef targetGUID="c1"/></Coding>
   <Coding guid="k2" creatingUser="u2"><CodeRef targetGUID="c1"/></Coding>
   <Coding guid="k3" creatingUser="u2"><CodeRef targetGUID="e1"/></Coding>
  </PlainTextSelection>
  <PlainTextSelection guid="p2" startPosition="26" endPosition="42" creatingUser="u2">
   <Coding guid="k4" creatingUser="u2"><CodeRef targetGUID="c3"/></Coding>
   <NoteRef targetGUID="n1"/>
  </PlainTextSelection>
 </TextSource></Sources>
 <Notes><Note guid="n1" name="n"><PlainTextContent>Whose inaction?</PlainTextContent></Note></Notes>
</Project>"""


def test_a_hand_made_qdpx_maps_users_codes_and_offsets(tmp_path, library):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("project.qde", QDE)
        # Windows line ends: the positions count them; Byline's text does not.
        archive.writestr("sources/s1.txt", "Officials were warned.\r\n\r\nThey did nothing, residents said.")
    path = tmp_path / "storm.qdpx"
    path.write_bytes(buffer.getvalue())
    report = import_paths([path])
    assert report.failures == []
    article_id = report.imported[0]
    highlights = list_annotations(article_id)
    text = load_bundle(article_id).article.text
    assert text == "Officials were warned.\n\nThey did nothing, residents said."
    seen = {(a.author, text[a.start:a.end], tuple(a.tags), a.note) for a in highlights}
    assert seen == {
        ("Maria", "Officials were warned.", ("Claim",), ""),
        ("Jonas", "Officials were warned.", ("Claim",), ""),
        ("Jonas", "They did nothing", ("Blame of officials",), "Whose inaction?"),
    }
    from desktop.store.tags import list_tags

    tags = {t.name: t.parent for t in list_tags()}
    assert tags["Blame of officials"] == "Blame" and "PERSON" not in tags


def test_a_zip_that_is_not_a_project_is_one_sentence(tmp_path, library):
    path = tmp_path / "odd.qdpx"
    path.write_bytes(b"not a zip")
    report = import_paths([path])
    assert len(report.failures) == 1
    assert "is not a REFI-QDA project" in report.failures[0][1]
    assert list_articles() == []
