"""The command line on a team library: import (analysis claimed from the
database), analyze-pending, list and check."""
from __future__ import annotations

import json

from desktop.cli import main
from desktop.store.analyses import analysed_ids
from desktop.store.database import close_library, open_library


def test_import_analyze_pending_list_and_check(tmp_path, pg_url, capsys):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Turkish President Recep Tayyip Erdoğan met Olaf Scholz in Berlin on Monday.\n")
    second.write_text("Kyiv said on Monday that it would not yield, officials told reporters.\n")
    assert main(["import", str(first), "--db", pg_url]) == 0
    assert main(["import", str(second), "--no-analyze", "--db", pg_url]) == 0
    open_library(pg_url)
    try:
        assert len(analysed_ids()) == 1
    finally:
        close_library()
    capsys.readouterr()
    assert main(["analyze-pending", "--db", pg_url]) == 0
    assert "Analysed 1 article." in capsys.readouterr().out
    assert main(["list", "--db", pg_url, "--search", "Erdogan", "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["entities"] >= 3 and "⟦Erdoğan⟧" in hit["snippet"]
    assert main(["check", "--db", pg_url]) == 0
    assert "All is well" in capsys.readouterr().out
