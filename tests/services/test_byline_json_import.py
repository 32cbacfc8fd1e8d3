"""Byline JSON files in a folder import one by one (item 4), and their
highlights and notes survive a text that differs by CRLF, trailing spaces or
Unicode normalisation (item 5): re-anchored by quote and context, or the
file is refused with its reason, never dropped in silence."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from desktop.core.model import Analysis, Annotation, Article, ArticleBundle, Entity, Tag
from desktop.formats.json_export import bundle_dict
from desktop.services.importing import import_paths
from desktop.store.annotations import list_annotations
from desktop.store.articles import get_article
from desktop.store.tags import list_tags

TEXT = "Olaf Scholz met Emmanuel Macron in Paris.\nThe café talks went on.\nScholz said more."


def export(text: str = TEXT, **changes: object) -> dict:
    i, end = text.index("caf"), text.index(" went")
    article = Article(text=text, title="Talks", id=1)
    bundle = ArticleBundle(
        article,
        Analysis([Entity(0, 11, "PERSON")], model_name="m"),
        annotations=[Annotation(i, end, ["Doubt"], note="check this", author="ana")],
        tags=[Tag("Doubt", "#ff0000")],
    )
    data = bundle_dict(bundle)
    data.update(changes)
    return data


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def with_variant(name: str) -> dict:
    data = export()
    if name == "empty_tag":
        data["tags"][0]["name"] = " "
    elif name == "duplicate_tag":
        data["tags"].append(dict(data["tags"][0]))
    elif name == "empty_highlight":
        data["annotations"][0]["end"] = data["annotations"][0]["start"]
        data["annotations"][0]["text"] = ""
    elif name == "bad_colour":
        data["tags"][0]["color"] = "javascript:alert(1)"
    data["article"]["text"] = data["article"]["text"].replace("Scholz said", f"{name} said")
    for a in data["annotations"]:
        a["text"] = data["article"]["text"][a["start"]:a["end"]]
    return data


BAD = ["empty_tag", "duplicate_tag", "empty_highlight", "bad_colour"]


def test_each_bad_byline_json_fails_alone_with_its_reason(library, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in BAD:
        write(folder, f"{name}.json", with_variant(name))
    unknown = export(TEXT.replace("Scholz said", "Unknown said"))
    unknown["tags"] = []  # the highlight's tag is listed nowhere: it is made
    write(folder, "unknown_tag.json", unknown)
    sha = export(TEXT.replace("Scholz said", "Sha said"))
    sha["article"]["sha256"] = "not-a-sha"
    write(folder, "bad_sha.json", sha)
    write(folder, "zz_good.json", export())

    report = import_paths([folder])

    failed = {p.name: reason for p, reason in report.failures}
    assert set(failed) == {f"{n}.json" for n in BAD}
    assert "empty" in failed["empty_tag.json"] and "twice" in failed["duplicate_tag.json"]
    assert "start and end" in failed["empty_highlight.json"]
    assert "not a colour" in failed["bad_colour.json"]
    assert len(report.imported) == 3
    for article_id in report.imported:
        (note,) = list_annotations(article_id)
        assert note.note == "check this" and note.tags == ["Doubt"]
    assert [t.color for t in list_tags() if t.name == "Doubt"] == ["#ff0000"]


@pytest.mark.parametrize(
    "variant",
    ["crlf", "trailing_spaces", "nfd", "blank_lines"],
)
def test_highlights_are_reanchored_on_a_text_that_differs(library, tmp_path, variant):
    text = TEXT
    if variant == "crlf":
        text = TEXT.replace("\n", "\r\n")
    elif variant == "trailing_spaces":
        text = TEXT.replace("\n", "   \n")
    elif variant == "nfd":
        text = unicodedata.normalize("NFD", TEXT)
    elif variant == "blank_lines":
        text = TEXT.replace("\n", "\n\n\n")
    data = export(text)
    assert data["article"]["text"] != TEXT  # the file's text is not what Byline stores

    report = import_paths([write(tmp_path, "a.json", data)])

    assert report.failures == []
    (article_id,) = report.imported
    stored = get_article(article_id).text
    (note,) = list_annotations(article_id)
    assert stored[note.start:note.end] == "café talks"
    assert note.note == "check this"


def test_a_highlight_whose_text_is_gone_refuses_the_file(library, tmp_path):
    data = export()
    i = data["article"]["text"].index("café")
    # A hand-edited file: the highlight covers a control character the
    # stored text will not keep, and nothing else.
    data["article"]["text"] = TEXT[:i] + "\x07" + TEXT[i + 1:]
    data["annotations"][0].update(start=i, end=i + 1, text="\x07")
    data["entities"] = []

    report = import_paths([write(tmp_path, "a.json", data)])

    ((path, reason),) = report.failures
    assert "cannot be found" in reason and report.imported == []
