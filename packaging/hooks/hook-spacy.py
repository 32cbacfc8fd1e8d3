"""spaCy for the bundle: every module and data file except its test suite.

Replaces pyinstaller-hooks-contrib's hook-spacy.py, which also collects
``spacy.tests`` (it imports pytest, and ships megabytes nobody runs).
spaCy finds languages, components and registered functions by name at run
time (``importlib`` and catalogue registries), so its submodules are all
collected rather than traced from imports.
"""
from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata


def _not_tests(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("spacy", excludes=["tests", "**/tests"]) + copy_metadata("spacy")
hiddenimports = collect_submodules("spacy", filter=_not_tests)
