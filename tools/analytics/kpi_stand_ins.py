"""Counts of buying asked of data with no orders table: answered from the purchase events.

An export of web sessions with a "bought" flag (UCI's online shoppers: a Revenue flag per
session, no order ids) has purchases but no orders. "How many purchases in October?" read as
Buyers or Orders was refused ("no orders are loaded") though the data holds the answer: the
sessions (or customers) with a purchase-stage event in the period. Asked by name, those KPIs
are answered from the events instead, under their own name and with a note saying what was
counted; "all the KPIs" stays as it was (the headline does not grow a second buying count).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from tools.analytics.kpi_result import KpiValue

# KPIs that count purchases from the orders table.
COUNTS_OF_BUYING = ("orders", "buyers")


def stand_ins(caps: Any, asked: list[str]) -> dict[str, str]:
    """{asked metric: the events KPI whose numerator answers it} when no orders are loaded but
    purchase events are: sessions that bought where the events have web sessions, else
    customers with a purchase-stage event."""
    wanted = [m for m in asked if m in COUNTS_OF_BUYING]
    if not wanted or caps.has("orders") or not caps.has("purchase_events"):
        return {}
    source = "session_conversion" if caps.has("session_purchases") else "purchase_conversion"
    return dict.fromkeys(wanted, source)


WHAT = {"session_conversion": ("web sessions with a purchase", "sessions"),
        "purchase_conversion": ("customers with a purchase-stage event", "customers")}


def as_count(v: KpiValue, asked: str) -> KpiValue:
    """The events KPI's numerator as the asked count ("Purchases (web sessions that bought)")."""
    what, noun = WHAT[v.metric]
    value = None if v.no_data or v.numerator is None else float(v.numerator)
    return dataclasses.replace(
        v, metric=asked, label=f"Purchases ({what})", value=value, unit="count", numerator=value,
        n=v.n, n_label=noun, definition=f"{what} in the period (no orders are loaded: counted from "
        "the purchase events)", small_sample=False, rough=False)


def note(swaps: dict[str, str], monthly: bool) -> str:
    """What was counted instead of orders, and how a month-dated export reads the period."""
    source = next(iter(swaps.values()))
    what, _ = WHAT[source]
    asked = " and ".join(sorted({"orders": "orders", "buyers": "buyers"}[m] for m in swaps))
    text = f"no orders are loaded, so the {asked} asked for are counted from the purchase events: {what}"
    if monthly:
        text += ("; the data is dated by month only (no days), so the period is read as whole months "
                 "and each month's purchases are counted as a whole")
    return text
