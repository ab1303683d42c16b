"""A few texts in the period: say so, and where the texts are.

Olist's reviews stop in early September 2018 while its orders run to October: the default period
(the last 30 days of data) held 5 texts, so themes answered "0 themes" and sentiment scored 5
texts, without a word that August alone had 404. The answer now names the latest stretch of the
same length with enough texts to read a trend from, as the KPIs name the latest period with
completed orders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

import numpy as np
import pandas as pd

from tools.analytics.periods import ResolvedPeriod
from tools.feedback.store import FeedbackStore

ENOUGH = 30  # fewer texts than this are anecdotes, not trends


def few_texts(fb: FeedbackStore, period: ResolvedPeriod, texts: int, what: str, *,
              source: Sequence[str] | None = None, stage: Sequence[str] | None = None,
              customers: Collection[str] | None = None) -> list[str]:
    """[] when the period has ENOUGH texts; else the 'only N texts: <what> are anecdotes' note,
    with the latest earlier stretch of the period's length that has ENOUGH texts, when one does."""
    if texts >= ENOUGH:
        return []
    note = f"only {texts} texts: {what} anecdotes, not trends"
    stretch = _latest_stretch(fb, period, source=source, stage=stage, customers=customers)
    return [note + (f"; {stretch}" if stretch else "")]


def _latest_stretch(fb: FeedbackStore, period: ResolvedPeriod, *, source: Sequence[str] | None,
                    stage: Sequence[str] | None, customers: Collection[str] | None) -> str:
    frame = fb.frame(source=source, stage=stage, customers=customers)
    if frame.empty or "ts" not in frame:
        return ""
    ts = pd.to_numeric(frame.groupby("doc_id")["ts"].first(), errors="coerce").dropna()
    local = pd.to_datetime(ts, unit="s", utc=True).dt.tz_convert(fb.timezone).dt.tz_localize(None)
    days = np.sort(local.to_numpy().astype("datetime64[D]").astype(np.int64))  # days since 1970
    days = days[days < np.datetime64(period.first_day, "D").astype(np.int64)]
    if not len(days):
        return ""
    # Each day with a text is a candidate last day; its stretch is counted with two binary searches.
    ends = np.unique(days)
    counts = np.searchsorted(days, ends, side="right") - np.searchsorted(days, ends - (period.days - 1), side="left")
    good = np.flatnonzero(counts >= ENOUGH)
    if not len(good):
        return ""
    last = np.datetime64(int(ends[good[-1]]), "D").astype(dt.date)
    first = last - dt.timedelta(days=period.days - 1)
    span = f"day with {ENOUGH} or more is {last}" if period.days == 1 else \
        f"{period.days} days with {ENOUGH} or more are {first} to {last}"
    return f"the latest {span} ({int(counts[good[-1]])} texts): ask about that period"
