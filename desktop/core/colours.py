"""Colour arithmetic for readable highlights (WCAG 2 contrast).

Every highlight colour is adapted to the theme: in a light theme a light
tint under dark text, in a dark theme a deep shade under light text, each
pushed until the text on it has a contrast ratio of at least 4.5:1 (WCAG AA).
"""
from __future__ import annotations

import colorsys

LIGHT, DARK = "light", "dark"
TEXT = {LIGHT: "#111111", DARK: "#f2f2f2"}
AA = 4.5


_HEX_DIGITS = frozenset("0123456789abcdef")


def hex_colour(value: str) -> str | None:
    """``#rrggbb`` in lower case for a ``#rgb`` or ``#rrggbb`` colour, None
    for anything else (names, ``javascript:…``, CSS functions): colours go
    into style sheets and exports, so only plain hex is let in."""
    digits = value.strip().lower()
    if not digits.startswith("#") or not set(digits[1:]) <= _HEX_DIGITS:
        return None
    digits = digits[1:]
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits if len(digits) == 6 else None


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def themed(colour: str, theme: str) -> str:
    """The colour as a highlight in ``theme``: same hue, lightness moved
    until the theme's text colour on it reaches the AA contrast."""
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    text = TEXT[theme]
    if theme == DARK:
        lightness = min(lightness, 0.34)
        s = min(s, 0.55)
        step = -0.02
    else:
        lightness = max(lightness, 0.62)
        step = 0.02
    candidate = _hex(colorsys.hls_to_rgb(h, lightness, s))
    while contrast(text, candidate) < AA and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        candidate = _hex(colorsys.hls_to_rgb(h, lightness, s))
    return candidate


def text_colour(theme: str) -> str:
    return TEXT[theme]
