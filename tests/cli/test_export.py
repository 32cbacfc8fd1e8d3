"""`byline export` as a user runs it, on a library made by `byline analyze`."""

import json
import shutil
import zipfile

import pytest

from desktop.cli import main
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lib")
    second = folder / "second.txt"
    second.write_text(
        "Angela Merkel visited Paris on Monday. She met Emmanuel Macron.", encoding="utf-8"
    )
    db = folder / "library.sqlite3"
    assert (
        main(["analyze", str(SAMPLE), str(second), "--db", str(db), "-o", f"{folder}/json/"]) == 0
    )
    return db


@pytest.fixture()
def db(library, tmp_path):
    copy = tmp_path / "library.sqlite3"
    shutil.copy(library, copy)
    return copy


def test_export_one_article_as_json(db, tmp_path, capsys):
    out = tmp_path / "one.json"
    assert main(["export", "1", "--format", "json", "-o", str(out), "--db", str(db)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["article"]["id"] == 1 and data["article"]["date"] == "2022-02-08"
    assert ("Putin", "PERSON") in {(e["text"], e["label"]) for e in data["entities"]}
    assert capsys.readouterr().err == ""


def test_export_all_one_file_per_article_into_a_folder_or_zip(db, tmp_path):
    assert (
        main(
            ["export", "--all", "--format", "html", "-o", str(tmp_path / "pages"), "--db", str(db)]
        )
        == 0
    )
    assert len(list((tmp_path / "pages").glob("*.html"))) == 2
    assert (
        main(["export", "--all", "-f", "md", "-o", str(tmp_path / "notes.zip"), "--db", str(db)])
        == 0
    )
    with zipfile.ZipFile(tmp_path / "notes.zip") as archive:
        assert len(archive.namelist()) == 2


def test_export_search_results(db, tmp_path):
    out = tmp_path / "merkel.jsonl"
    assert (
        main(["export", "--search", "Merkel", "-f", "jsonl", "-o", str(out), "--db", str(db)]) == 0
    )
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in records] == [
        "Angela Merkel visited Paris on Monday. She met Emmanuel Macron."
    ]


def test_warnings_go_to_stderr(db, tmp_path, capsys):
    assert (
        main(["export", "1", "-f", "conll", "-o", str(tmp_path / "a.conll"), "--db", str(db)]) == 0
    )
    err = capsys.readouterr().err
    assert err.startswith("byline: warning: CoNLL holds tokens and entity tags only")


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "say which articles"),
        (["1", "--all"], "not several"),
        (["99"], "there is no article 99"),
        (["--search", "zzzzqx"], "no article matches"),
    ],
)
def test_bad_usage_exits_2(db, tmp_path, capsys, args, message):
    assert (
        main(["export", *args, "-f", "json", "-o", str(tmp_path / "x.json"), "--db", str(db)]) == 2
    )
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()


def test_missing_library_exits_2(tmp_path, capsys):
    assert (
        main(
            [
                "export",
                "--all",
                "-f",
                "json",
                "-o",
                str(tmp_path / "x"),
                "--db",
                str(tmp_path / "no.sqlite3"),
            ]
        )
        == 2
    )
    assert "there is no library" in capsys.readouterr().err


def test_unwritable_output_exits_1(db, tmp_path, capsys):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    assert (
        main(["export", "1", "-f", "json", "-o", str(blocker / "out.json"), "--db", str(db)]) == 1
    )
    assert "cannot write" in capsys.readouterr().err
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_trailing_slash_means_a_folder(db, tmp_path, fmt):
    out = tmp_path / "out"
    assert main(["export", "1", "--format", fmt, "-o", f"{out}/", "--db", str(db)]) == 0
    assert out.is_dir()
    (written,) = list(out.iterdir())
    assert written.suffix == f".{fmt}" and written.stat().st_size > 0
