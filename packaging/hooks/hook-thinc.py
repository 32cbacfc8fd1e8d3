"""thinc for the bundle: every module and data file except its test suite
(replaces pyinstaller-hooks-contrib's hook-thinc.py, which collects the tests too)."""
from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata


def _not_tests(name: str) -> bool:
    return ".tests" not in name


datas = collect_data_files("thinc", excludes=["tests", "**/tests"]) + copy_metadata("thinc")
hiddenimports = collect_submodules("thinc", filter=_not_tests)
