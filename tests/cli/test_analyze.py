"""`byline analyze` as a user runs it: real files in, JSON out."""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from desktop.cli import main


def run(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory):
    from tests.conftest import SAMPLE

    out = run("analyze", SAMPLE)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_analyze_sample_gives_entities_with_exact_offsets(sample_export):
    data = sample_export
    assert (data["format"], data["version"]) == ("byline-article", 1)
    text = data["article"]["text"]
    assert data["article"]["date"] == "2022-02-08"
    assert data["model"]["name"] and data["model"]["version"]
    for ent in data["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]
        assert ent["origin"] == "model"
    found = {(e["text"], e["label"]) for e in data["entities"]}
    assert ("Putin", "PERSON") in found
    assert ("Moscow", "GPE") in found
    assert hashlib.sha256(text.encode()).hexdigest() == data["article"]["sha256"]
    for key in ("quotes", "actors", "annotations", "tags"):
        assert isinstance(data[key], list)


def test_output_to_a_file_and_to_a_folder(tmp_path, sample_path):
    two = tmp_path / "second.txt"
    two.write_text("Angela Merkel visited Paris on Monday. She met Emmanuel Macron.", encoding="utf-8")
    assert main(["analyze", str(sample_path), "-o", str(tmp_path / "one.json")]) == 0
    assert json.loads((tmp_path / "one.json").read_text())["article"]["date"] == "2022-02-08"
    folder = tmp_path / "out"
    assert main(["analyze", str(sample_path), str(two), "-o", f"{folder}/"]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["2022-02-08-putin-macron-moscow.json", "second.json"]
    second = json.loads((folder / "second.json").read_text())
    assert ("Angela Merkel", "PERSON") in {(e["text"], e["label"]) for e in second["entities"]}


def test_analyze_into_a_library_keeps_the_article(tmp_path, sample_path):
    db = tmp_path / "lib.sqlite3"
    assert main(["analyze", str(sample_path), "--db", str(db), "-o", str(tmp_path / "a.json")]) == 0
    from desktop.store.articles import count_articles, list_articles
    from desktop.store.database import close_library, open_library

    open_library(db)
    try:
        assert count_articles() == 1
        assert list_articles()[0].date == "2022-02-08"
    finally:
        close_library()


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(b"\xff\xfe\x80\x81\x9f\xc3(\xa0\xa1")
    return {
        "empty": (empty, "is empty"),
        "binary": (binary, "not"),
        "undecodable": (garbage, "not text in any encoding"),
        "missing": (tmp_path / "missing.txt", "does not exist"),
    }


@pytest.mark.parametrize("case", ["empty", "binary", "undecodable", "missing"])
def test_bad_input_gets_one_sentence_exit_2_and_no_change(tmp_path, case, sample_path):
    db = tmp_path / "lib.sqlite3"
    assert main(["analyze", str(sample_path), "--db", str(db), "-o", str(tmp_path / "a.json")]) == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    path, message = _bad_inputs(tmp_path)[case]
    out = run("analyze", path, "--db", db)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in out.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_database_that_is_not_one_is_refused(tmp_path, sample_path):
    db = tmp_path / "notes.sqlite3"
    db.write_text("not a database")
    out = run("analyze", sample_path, "--db", db)
    assert out.returncode == 2
    assert "is not a Byline library" in out.stderr and "Traceback" not in out.stderr
    assert db.read_text() == "not a database"


def test_several_files_need_an_output_folder(sample_path, capsys):
    assert main(["analyze", str(sample_path), str(sample_path)]) == 2
    assert "-o must name a folder" in capsys.readouterr().err


def test_missing_pipeline_names_the_installed_ones(sample_path, capsys):
    assert main(["analyze", str(sample_path), "--model", "xx_no_such_pipeline"]) == 2
    err = capsys.readouterr().err
    assert "xx_no_such_pipeline" in err and "Installed pipelines:" in err and "--model" in err
