"""Each test's settings in a fresh folder, as for the GUI tests."""
from __future__ import annotations

from tests.ui.conftest import settings_folder  # noqa: F401
