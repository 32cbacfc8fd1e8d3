"""Text on every default highlight colour keeps WCAG AA contrast in both themes."""
import pytest

from desktop.core import labels
from desktop.core.colours import AA, DARK, LIGHT, contrast, text_colour, themed
from desktop.store.migrations import DEFAULT_TAGS


@pytest.mark.parametrize("theme", [LIGHT, DARK])
def test_every_default_colour_has_aa_contrast(theme):
    colours = list(labels.COLOURS.values()) + [labels.FALLBACK_COLOUR] + [t[1] for t in DEFAULT_TAGS]
    for colour in colours:
        assert contrast(text_colour(theme), themed(colour, theme)) >= AA, colour


def test_contrast_ratio_matches_wcag_reference_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48
