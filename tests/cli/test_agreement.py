"""`byline agreement` as a user runs it."""
from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.core.model import Annotation
from desktop.store.annotations import add_annotation
from desktop.store.database import close_library, open_library
from tests.coders import seed_two_coders
from tests.conftest import SAMPLE


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path)
    seed_two_coders(SAMPLE)
    close_library()
    return path


def test_table_per_tag_and_article(db, capsys):
    assert main(["agreement", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Agreement of ann, bob on 1 article(s)")
    lines = out.splitlines()
    claim = next(line for line in lines if line.startswith("Claim "))
    assert claim.split()[-1] == "2"  # two coders
    assert any("ann – bob: kappa" in line and "F1 exact" in line for line in lines)
    assert "Articles, worst first:" in out


def test_json_gives_each_figure_with_units_and_coders(db, capsys):
    assert main(["agreement", "--db", str(db), "--coders", "ann,bob", "--tag", "Claim", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["tag"] for t in data["tags"]] == ["Claim"]
    claim = data["tags"][0]
    assert claim["alpha"]["coders"] == 2 and claim["alpha"]["units"] > 500
    # Claim spans: ann 3, bob 2; one identical pair → exact F1 2/5; ann's
    # Claim on the passage bob tagged Framing overlaps none of bob's Claims.
    assert claim["f1_exact"][0]["value"] == pytest.approx(2 / 5)
    assert claim["f1_overlap"][0]["value"] == pytest.approx(4 / 5)
    assert claim["f1_exact"][0]["units"] == 5
    assert 0 < claim["alpha"]["value"] < 1


def test_fewer_than_two_coders_is_one_sentence_and_exit_2(tmp_path, capsys):
    path = tmp_path / "solo.sqlite3"
    open_library(path)
    article_id = seed_two_coders(SAMPLE)
    from desktop.store.models import AnnotationRow

    AnnotationRow.delete().where(AnnotationRow.author == "bob").execute()
    add_annotation(article_id, Annotation(0, 4, ["Claim"], author="ann"))
    close_library()
    assert main(["agreement", "--db", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "byline: agreement needs at least two coders with highlights, and there is 1 ('ann')."


def test_unknown_coder_or_tag(db, capsys):
    assert main(["agreement", "--db", str(db), "--coders", "ann,zoe"]) == 2
    assert "no highlights by 'zoe'" in capsys.readouterr().err
    assert main(["agreement", "--db", str(db), "--tag", "Nonsense"]) == 2
    assert "there is no tag named 'Nonsense'" in capsys.readouterr().err


def test_articles_by_id_and_an_article_only_one_coder_coded(db, capsys):
    open_library(db)
    from desktop.core.model import Article
    from desktop.store.articles import add_article

    lonely, _ = add_article(Article(text="Only ann read this one.", title="Lonely"))
    add_annotation(lonely, Annotation(0, 4, ["Claim"], author="ann"))
    close_library()
    assert main(["agreement", str(lonely), "--db", str(db)]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "No article has highlights by two of these coders: there is nothing to compare.")
    assert main(["agreement", "99", "--db", str(db)]) == 2
    assert "there is no article 99 in the library." in capsys.readouterr().err
