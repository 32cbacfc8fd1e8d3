"""Entity labels: what they mean and how they look.  The colours follow
displaCy's so users coming from spaCy recognise them."""
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
    "FAC": "#9cc9cc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "PRODUCT": "#bfeeb7",
    "EVENT": "#ffeb80",
    "WORK_OF_ART": "#f0d0ff",
    "LAW": "#ff8197",
    "LANGUAGE": "#ff8197",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "PERCENT": "#e4e7d2",
    "MONEY": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "ORDINAL": "#e4e7d2",
    "CARDINAL": "#e4e7d2",
}
FALLBACK_COLOUR = "#dddddd"

# The order labels appear in the legend: the actors first.
ORDER = list(COLOURS)


def colour(label: str) -> str:
    return COLOURS.get(label, FALLBACK_COLOUR)


def describe(label: str) -> str:
    return DESCRIPTIONS.get(label, label)


def sort_labels(labels: set[str] | list[str]) -> list[str]:
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(set(labels), key=lambda name: (rank.get(name, len(rank)), name))
