"""Session length and pages per session on the sample, against the sessions grouped here with
pandas from the stored events: a session is the web events sharing a session id (else a
customer's web events of one local day), needs a page seen, and is timed only when it has two or
more different times (one time stamp has no length)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sample_cache import bank_store

from tools.analytics.kpis import KpiParams, kpi, kpis
from tools.analytics.periods import Period
from tools.core.stages import WEB_TOUCHPOINTS

_SALES = {"order_placed", "purchase"}


def _sessions(first: dt.date, last: dt.date) -> pd.DataFrame:
    store = bank_store()
    with store.connect() as con:
        e = con.execute("SELECT customer_id, session_id, touchpoint, ts, CAST(ts AS DATE) AS day FROM events").df()
    e = e[e.touchpoint.isin(WEB_TOUCHPOINTS) & (e.day >= pd.Timestamp(first)) & (e.day <= pd.Timestamp(last))]
    e = e.assign(sid=e.session_id.fillna(e.customer_id + "~" + e.day.astype(str)),
                 page=~e.touchpoint.isin(_SALES))
    s = e.groupby("sid").agg(first=("ts", "min"), last=("ts", "max"), hits=("ts", "size"), page=("page", "any"))
    return s[s.page]


@pytest.mark.parametrize("period", ["all", "last_30_days"])
def test_session_length_is_the_median_of_sessions_with_events_at_two_times(period):
    r = kpis(bank_store(), KpiParams(metrics=["session_length", "pages_per_session"], period=Period.parse(period)))
    v = {x.metric: x for x in r.values}
    s = _sessions(r.first_day, r.last_day)
    timed = s[s["last"] > s["first"]]
    minutes = (timed["last"] - timed["first"]).dt.total_seconds() / 60
    assert len(timed) > 30 and minutes.median() > 0
    assert v["session_length"].value == pytest.approx(minutes.median())
    assert (v["session_length"].n, v["session_length"].excluded) == (len(timed), len(s) - len(timed))
    assert v["pages_per_session"].value == pytest.approx(s.hits.mean())
    assert v["pages_per_session"].n == len(s)
    assert v["session_length"].formatted().endswith(" min")


def test_the_answer_says_sessions_of_one_time_stamp_are_left_out_not_zero():
    r = kpi(bank_store(), "session_length", "all")
    note = next(n for n in r.provenance.notes if n.startswith("session length:"))
    assert "with one time stamp (a single event) are left out, not counted as 0 minutes" in note
