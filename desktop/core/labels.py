"""Entity labels: what they mean and how they look.  The colours start from
displaCy's, so users coming from spaCy recognise them, moved apart until
every label, every default tag and the fallback differ by a CIEDE2000 of
at least 7 as highlights in both themes (tests/core/test_colours.py)."""
from __future__ import annotations

DESCRIPTIONS = {
    "PERSON": "People, including fictional",
    "NORP": "Nationalities, religious or political groups",
    "FAC": "Buildings, airports, highways, bridges",
    "ORG": "Companies, agencies, institutions",
    "GPE": "Countries, cities, states",
    "LOC": "Other locations: mountain ranges, bodies of water",
    "PRODUCT": "Objects, vehicles, foods (not services)",
    "EVENT": "Named hurricanes, battles, wars, sports events",
    "WORK_OF_ART": "Titles of books, songs, ...",
    "LAW": "Named documents made into laws",
    "LANGUAGE": "Any named language",
    "DATE": "Absolute or relative dates or periods",
    "TIME": "Times smaller than a day",
    "PERCENT": "Percentage",
    "MONEY": "Monetary values",
    "QUANTITY": "Measurements, as of weight or distance",
    "ORDINAL": "first, second, ...",
    "CARDINAL": "Numerals that do not fall under another type",
}

COLOURS = {
    "PERSON": "#aa9cfc",
    "NORP": "#c887fb",
    "FAC": "#87b8c5",
    "ORG": "#8fefe6",
    "GPE": "#efb68f",
    "LOC": "#c59987",
    "PRODUCT": "#d9f5bc",
    "EVENT": "#efef8f",
    "WORK_OF_ART": "#fed7f6",
    "LAW": "#d7757e",
    "LANGUAGE": "#c58793",
    "DATE": "#cbe6db",
    "TIME": "#dbf1fa",
    "PERCENT": "#f2ece3",
    "MONEY": "#e4e7d2",
    "QUANTITY": "#d6cda9",
    "ORDINAL": "#e3e8f2",
    "CARDINAL": "#cccccc",
}
FALLBACK_COLOUR = "#f2e3eb"

# The labels a reader sees by default: the actors (people, organisations,
# places and groups), not dates and numbers.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})

# The order labels appear in the legend: the actors first.
ORDER = list(COLOURS)


def hidden_except(shown: frozenset[str] | set[str]) -> set[str]:
    """Every known label but ``shown``: the labels to hide to see only those."""
    return set(COLOURS) - set(shown)


def colour(label: str) -> str:
    return COLOURS.get(label, FALLBACK_COLOUR)


def describe(label: str) -> str:
    return DESCRIPTIONS.get(label, label)


def sort_labels(labels: set[str] | list[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(set(labels), key=lambda name: (rank.get(name, len(rank)), name))
