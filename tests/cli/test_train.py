"""``byline train`` refuses, in one sentence, what it cannot do."""
from __future__ import annotations

from desktop.cli import main


def test_train_without_a_library_says_so(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    assert main(["train", "--db", str(missing)]) == 2
    assert "there is no library at" in capsys.readouterr().err
    assert not missing.exists()


def test_train_without_corrections_says_what_to_do(tmp_path, capsys):
    from desktop.store.database import close_library, open_library

    db = tmp_path / "library.sqlite3"
    open_library(db)
    close_library()
    assert main(["train", "--db", str(db)]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "byline: the library has no entity corrections yet: correct some entities first.")


def test_train_refuses_a_name_that_is_no_folder_name(tmp_path, capsys):
    from desktop.store.database import close_library, open_library

    db = tmp_path / "library.sqlite3"
    open_library(db)
    close_library()
    assert main(["train", "--db", str(db), "-o", "../elsewhere"]) == 2
    assert "cannot name a pipeline" in capsys.readouterr().err


def test_train_is_listed_in_help(capsys):
    import pytest

    with pytest.raises(SystemExit):
        main(["--help"])
    assert "train" in capsys.readouterr().out
