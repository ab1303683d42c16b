"""Plain-text pieces the journey results share: percentages, durations and aligned tables
a shop owner can read in a terminal or a Slack code block."""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Sequence
from typing import Any

from tools.core.money import NumberFormat

# An answer may be printed for any business, so every helper takes the business's number
# format (a Brazilian shop reads 1.234 customers and 12,5%); None is the English default.
_PLAIN = NumberFormat()

# Nouns whose plural is not noun + "s".
_IRREGULAR = {"person": "people", "category": "categories", "reply": "replies", "day": "days",
              "entry": "entries", "query": "queries", "inquiry": "inquiries", "company": "companies",
              "city": "cities", "country": "countries", "activity": "activities", "analysis": "analyses",
              "this": "these", "that": "those", "was": "were", "is": "are", "has": "have"}


def pct(value: float | None, digits: int = 1, numbers: NumberFormat | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return (numbers or _PLAIN).percent(value, digits)


def plural(noun: str, n: float | int) -> str:
    """The noun for n of it: 1 row, 2 rows, 1 category, 0 categories. The last word is the
    one that changes ("support ticket" -> "support tickets")."""
    if n == 1:
        return noun
    head, _, last = noun.rpartition(" ")
    if last in _IRREGULAR:
        many = _IRREGULAR[last]
    elif last.endswith(("s", "x", "ch", "sh")):
        many = last + "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        many = last[:-1] + "ies"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


def counted(n: float | int, noun: str, numbers: NumberFormat | None = None) -> str:
    """A count with its noun in the right number, written the business's way: '1 row',
    '1.234 rows' (pt_BR). `noun` is the singular."""
    return f"{(numbers or _PLAIN).number(n)} {plural(noun, n)}"


def counted_each(counts: Any, noun: str) -> Any:
    """`counted` over a column, vectorised: '1 purchase', '3 purchases' for each whole count in
    a Series (the counts as plain integers, per customer they stay small)."""
    import numpy as np  # here, not at the top: errors and the CLI's quick paths import this module

    return counts.astype(int).astype(str) + np.where(counts == 1, f" {noun}", f" {plural(noun, 2)}")


def points(value: float | None, numbers: NumberFormat | None = None) -> str:
    """A change of a share, in percentage points: +2.5 pts."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    body = (numbers or _PLAIN).number(abs(value) * 100, 1)
    return ("-" if round(value * 1000) < 0 else "+") + body + " pts"


def signed(value: int | float | None, numbers: NumberFormat | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    body = (numbers or _PLAIN).number(abs(value))
    return ("-" if round(value) < 0 else "+") + body


def duration(days: float | None, numbers: NumberFormat | None = None) -> str:
    """Days as people say them: 40 min, 5.5 hours, 3.2 days (5,5 hours in a decimal-comma locale)."""
    if days is None or (isinstance(days, float) and math.isnan(days)):
        return "-"
    nf = numbers or _PLAIN
    minutes = days * 24 * 60
    if minutes < 1:
        return "same time" if minutes == 0 else "<1 min"
    if minutes < 90:
        return f"{nf.number(minutes)} min"
    if days < 2:
        return f"{nf.number(days * 24, 1)} hours"
    return f"{nf.number(days, 1)} days"


def count(value: Any, numbers: NumberFormat | None = None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return (numbers or _PLAIN).number(int(value))


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


_PERIOD_KEYS = frozenset({"name", "start", "end"})


def in_words(value: Any) -> str:
    """An argument as an owner reads it in "I tried ..." and in a reading of refused arguments:
    a period as "last 30 days" or "1-31 October 2026", a list joined, a mapping as its entries
    ("channel instagram and segment gold"), never a Python dict or list."""
    if value is None:
        return ""
    if hasattr(value, "model_dump"):  # a pydantic model (Period, Filters): its fields that were set
        value = value.model_dump(exclude_defaults=True, exclude_none=True)
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if v not in (None, "", [], {}, ())}
        if shown and set(shown) <= _PERIOD_KEYS:
            return period_in_words(shown.get("name"), shown.get("start"), shown.get("end"))
        return " and ".join(f"{words(k)} {in_words(v)}" for k, v in shown.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(in_words(v) for v in value)
    return str(value)


def period_in_words(name: Any = None, start: Any = None, end: Any = None) -> str:
    """'last 30 days', 'all the data', '5 May 2026', '1-31 October 2026', '28 September to
    3 October 2026'; a date that is not one (2026-13-40) is shown as given."""
    if name:
        return "all the data" if name == "all" else words(name)
    first, last = _day(start), _day(end)
    if start and end and first and last:
        if first == last:
            return _day_text(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}-{_day_text(last)}"
        head = f"{first.day} {first:%B}" if first.year == last.year else _day_text(first)
        return f"{head} to {_day_text(last)}"
    shown_start = _day_text(first) if first else start
    shown_end = _day_text(last) if last else end
    if start and end:
        return f"{shown_start} to {shown_end}"
    return f"from {shown_start}" if start else f"up to {shown_end}" if end else "all the data"


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _day_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def fold_accents(text: str) -> str:
    """'entregá' -> 'entrega', 'não' -> 'nao': customers write a word with and without its accent."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
