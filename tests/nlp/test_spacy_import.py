"""spaCy imported for the pipeline without its command-line interface."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: the test session has imported spaCy already.
SCRIPT = """
import json, sys
from desktop.nlp.spacy_import import import_spacy
spacy = import_spacy()
during = "spacy.cli" in sys.modules or "typer" in sys.modules
import spacy.cli
from spacy.cli.info import info
same = info is sys.modules["spacy.cli.info"].info
print(json.dumps({"cli_during": during, "cli_after": spacy.cli.__file__, "same_info": same,
                  "version": spacy.info()["spacy_version"]}))
"""


def test_spacy_loads_without_its_cli_and_the_cli_still_imports_afterwards():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["cli_during"] is False
    assert result["cli_after"].endswith("spacy/cli/__init__.py")
    assert result["same_info"] is True
    import spacy

    assert result["version"] == spacy.__version__
