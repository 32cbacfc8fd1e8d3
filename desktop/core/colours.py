"""Colour arithmetic for readable highlights (WCAG 2 contrast).

Every highlight colour is adapted to the theme: in a light theme a light
tint under dark text, in a dark theme a deep shade under light text, each
pushed until the text on it has a contrast ratio of at least 4.5:1 (WCAG AA).
"""
from __future__ import annotations

import colorsys
from math import atan2, cos, degrees, exp, hypot, radians, sin, sqrt

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
        s = min(s, 0.7)
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


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIEDE2000 colour difference of two sRGB colours: about 1 is the least
    difference people notice; above 10 two colours read as different at a
    glance."""
    return delta_e_lab(_lab(a), _lab(b))


def delta_e_lab(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """CIEDE2000 of two L*a*b* colours (Sharma, Wu and Dalal 2005)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (hypot(a1, b1) + hypot(a2, b2)) / 2
    g = 0.5 * (1 - sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = hypot(a1p, b1), hypot(a2p, b2)
    h1p = degrees(atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = degrees(atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dhh = 2 * sqrt(c1p * c2p) * sin(radians(dh / 2))
    l_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    h_mean = h1p + h2p
    if c1p * c2p:
        if abs(h1p - h2p) <= 180:
            h_mean = (h1p + h2p) / 2
        else:
            h_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * cos(radians(h_mean - 30)) + 0.24 * cos(radians(2 * h_mean))
         + 0.32 * cos(radians(3 * h_mean + 6)) - 0.20 * cos(radians(4 * h_mean - 63)))
    d_theta = 30 * exp(-(((h_mean - 275) / 25) ** 2))
    rc = 2 * sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * cp_mean
    sh = 1 + 0.015 * cp_mean * t
    rt = -sin(radians(2 * d_theta)) * rc
    return sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


# Gutter colours that tell coders apart in a team library (Okabe-Ito, safe
# for colour-blind readers), handed out in the order of the coders' names.
CODER_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#f0e442", "#000000")


def coder_colours(names: list[str]) -> dict[str, str]:
    """One gutter colour per coder, the same for the same names."""
    return {name: CODER_COLOURS[i % len(CODER_COLOURS)] for i, name in enumerate(sorted(set(names)))}
