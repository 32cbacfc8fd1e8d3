"""The core stays usable headless: nothing outside desktop.ui imports Qt."""
import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop"
HEADLESS = ("core", "nlp", "store", "formats", "services", "commands")
# PDF output uses Qt's PDF writer, imported inside its render function only.
QT_ALLOWED = {"formats/pdf_export.py"}


def test_no_pyside6_import_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui" or relative.as_posix() in QT_ALLOWED:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "PySide6"]
    assert offenders == []


def test_headless_modules_and_the_analyze_command_load_without_qt():
    modules = [
        ".".join(("desktop", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        for part in HEADLESS
        for p in (PACKAGE / part).rglob("*.py")
    ]
    code = (
        "import sys, importlib\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import desktop.cli\n"
        "print('PySide6' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
