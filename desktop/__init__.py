"""Byline: read and annotate news articles."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("byline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
