"""The shared-corpus library of the library-wide views' tests."""
from tests.corpus_library import corpus_library, corpus_template  # noqa: F401
