"""Axis ticks for count charts: whole numbers at a round step."""
from __future__ import annotations

import math


def nice_ticks(largest: int, wanted: int = 5) -> list[int]:
    """Integer ticks from 0 to at least ``largest`` at a step of 1, 2 or 5
    × 10^n, about ``wanted`` of them (400 -> 0, 100, …, 400, not 0, 133, 267)."""
    if largest <= 0:
        return [0, 1]
    raw = largest / wanted
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = max(1, int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw)))
    return list(range(0, (largest + step - 1) // step * step + 1, step))
