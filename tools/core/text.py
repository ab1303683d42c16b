"""Plain-text pieces the journey results share: percentages, durations and aligned tables
a shop owner can read in a terminal or a Slack code block."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def pct(value: float | None, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value * 100:.{digits}f}%"


def points(value: float | None) -> str:
    """A change of a share, in percentage points: +2.5 pts."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value * 100:+.1f} pts"


def signed(value: int | float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:+,}" if isinstance(value, int) else f"{value:+,.0f}"


def duration(days: float | None) -> str:
    """Days as people say them: 40 min, 5.5 hours, 3.2 days."""
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "-"
    minutes = days * 24 * 60
    if minutes < 1:
        return "same time" if minutes == 0 else "<1 min"
    if minutes < 90:
        return f"{minutes:.0f} min"
    if days < 2:
        return f"{days * 24:.1f} hours"
    return f"{days:.1f} days"


def count(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{int(value):,}"


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1,
               align: str | None = None) -> list[str]:
    """Columns padded to their widest cell. Text columns are left-aligned and numbers
    right-aligned so they line up: the first `left` columns are text, or `align` gives one
    letter per column ('l' or 'r')."""
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    sides = align or "l" * left + "r" * (len(header) - left)

    def line(cells: Sequence[str]) -> str:
        out = [c.ljust(w) if side == "l" else c.rjust(w)
               for c, w, side in zip(cells, widths, sides, strict=True)]
        return "  ".join(out).rstrip()

    return [line(header), *(line(r) for r in rows)]


_WORDS = {"instore": "in-store", "email send": "email sent", "email open": "email opened"}


def words(name: str) -> str:
    """A code name as people write it: instore_purchase -> in-store purchase, post-purchase stays."""
    text = str(name).replace("_", " ").strip()
    for code, said in _WORDS.items():
        text = text.replace(code, said)
    return text
