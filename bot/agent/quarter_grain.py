"""A series asked quarter by quarter: "revenue by quarter this year", "quarterly orders since
2025", "NPS each quarter". bot/agent/when.py reads the day, week and month grains (and is full);
slots.py takes this one when none of those is named. "This quarter" and "last quarter" are
periods (when.py), and "a quarter of our customers" is a share, so neither is a grain here.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

QUARTER_GRAIN = lazy(
    # (tune31) not a document named for the quarter: "turnover for Q3, it's for the quarterly pack"
    r"\bquarterly\b(?! (?:pack|report|review|meeting|board|accounts|return|newsletter|update|summary|vat|filing|catch-?up)s?\b)|"
    r"\b(?:per|each|every|by) (?:calendar |financial )?quarter\b|"
    r"\bquarter[- ](?:by|after|to)[- ]quarter\b|\bq1\W{1,3}q4\b|"
    r"\b(?:for|over|in) each of the (?:last|past|previous) (?:\d+|[a-z]+) quarters\b|\bquarters\b(?= by\b)")


def quarter_grain(text: str) -> str | None:
    """'quarter' when the question asks for one point per calendar quarter, else None."""
    return "quarter" if QUARTER_GRAIN.search(text) else None
