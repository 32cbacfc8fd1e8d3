"""Text on every default highlight colour keeps WCAG AA contrast in both themes."""
from itertools import combinations

import pytest

from desktop.core import labels
from desktop.core.colours import AA, DARK, LIGHT, contrast, delta_e, delta_e_lab, text_colour, themed
from desktop.store.migrations import DEFAULT_TAGS


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_default_colour_has_aa_contrast(theme):
    colours = list(labels.COLOURS.values()) + [labels.FALLBACK_COLOUR] + [t[1] for t in DEFAULT_TAGS]
    for colour in colours:
        assert contrast(text_colour(theme), themed(colour, theme)) >= AA, colour


def test_contrast_ratio_matches_wcag_reference_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


def test_ciede2000_matches_sharma_reference_pairs():
    # Sharma, Wu and Dalal (2005), table 1: pairs 1, 17 and 34.
    assert round(delta_e_lab((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4) == 2.0425
    assert round(delta_e_lab((50, 2.5, 0), (73, 25, -18)), 4) == 27.1492
    assert round(delta_e_lab((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447)), 4) == 1.4441
    assert delta_e("#ffffff", "#ffffff") == 0


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_label_and_tag_colour_differs_from_every_other(theme):
    """Entity labels, default tags and the fallback, as drawn: no two closer
    than a CIEDE2000 of 7 (DATE and TIME, Claim and GPE once were 0 and 5)."""
    named = dict(labels.COLOURS) | {t[0]: t[1] for t in DEFAULT_TAGS} | {"(other)": labels.FALLBACK_COLOUR}
    drawn = {name: themed(colour, theme) for name, colour in named.items()}
    close = [
        (a, b, round(delta_e(drawn[a], drawn[b]), 1))
        for a, b in combinations(drawn, 2)
        if delta_e(drawn[a], drawn[b]) < 7
    ]
    assert close == []
