"""The web session's own figures by hour, weekday and month (tools/analytics/time_pattern.py,
pattern_kpis.py): session length, pages per session, exit rate and cart abandonment, each
session in the bucket of its start. Checked against sessions rebuilt here in pandas from the
events (the bank's sample, and REES46's real sessions read from its raw CSV), the whole-period
value against the kpis tool's, and the refusals that remain saying why."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import REPO, external

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.pattern_kpis import NO_PATTERN
from tools.analytics.periods import Period
from tools.analytics.time_pattern import PatternParams, time_pattern
from tools.core.errors import NoDataError, ToolInputError
from tools.core.stages import WEB_TOUCHPOINTS
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore

ALL = Period(name="all")
FIGURES = ("session_length", "pages_per_session", "exit_rate", "cart_abandonment")
CARTS = ("add_to_cart", "cart", "checkout_start")
SALES = ("order_placed", "purchase")
CART_HOURS = 24


def sessions(ev: pd.DataFrame, tz: str) -> pd.DataFrame:
    """ev: customer_id, session_id, ts (aware), touchpoint. One row per web session: the events
    of a session id, or a customer's web events of one local day, with at least one page seen."""
    w = ev[ev.touchpoint.isin(WEB_TOUCHPOINTS)].copy()
    w["local"] = w.ts.dt.tz_convert(tz)
    w["sid"] = w.session_id.fillna(w.customer_id + "~" + w.local.dt.strftime("%Y-%m-%d"))
    w["page"] = ~w.touchpoint.isin(SALES)
    w["cart"] = w.local.where(w.touchpoint.isin(CARTS))
    s = w.groupby("sid").agg(customer_id=("customer_id", "min"), first=("local", "min"), last=("local", "max"),
                             hits=("touchpoint", "size"), page=("page", "any"),
                             first_cart=("cart", "min"), last_cart=("cart", "max"))
    return s[s.page]


def key(by: str, ts: pd.Series) -> pd.Series:
    return {"weekday": ts.dt.day_of_week, "hour": ts.dt.hour, "month": ts.dt.month}[by]


def expected(metric: str, by: str, s: pd.DataFrame, buys: pd.DataFrame, data_end: pd.Timestamp) -> pd.DataFrame:
    """value and n per bucket of the session's start, computed from the sessions directly."""
    k = key(by, s["first"]).rename("key")
    if metric == "session_length":
        timed = s[s["last"] > s["first"]]
        minutes = (timed["last"] - timed["first"]).dt.total_seconds() / 60
        g = minutes.groupby(k[timed.index])
        return pd.DataFrame({"value": g.median(), "n": g.size()})
    if metric == "pages_per_session":
        g = s.hits.groupby(k)
        return pd.DataFrame({"value": g.sum() / g.size(), "n": g.size()})
    if metric == "exit_rate":  # one exit per session over its web events
        g = s.hits.groupby(k)
        return pd.DataFrame({"value": g.size() / g.sum(), "n": g.sum()})
    carts = s.dropna(subset=["first_cart"])
    until = carts.last_cart + pd.Timedelta(hours=CART_HOURS)
    carts = carts[until <= data_end].assign(until=until).reset_index()
    m = carts.merge(buys, on="customer_id", how="left")
    m["kept"] = (m.ts >= m.first_cart) & (m.ts <= m.until)
    kept = m.groupby("sid").kept.any()
    carts["lost"] = ~carts.sid.map(kept)
    g = carts.lost.groupby(key(by, carts["first"]).to_numpy())
    return pd.DataFrame({"value": g.mean(), "n": g.size()})


def check(store: JourneyStore, metric: str, by: str, want: pd.DataFrame) -> None:
    r = time_pattern(store, PatternParams(metric=metric, by=by, period=ALL))
    t = r.table.set_index("bucket")
    got = t.loc[t["n"] > 0]
    assert got["n"].astype(int).to_dict() == want["n"].astype(int).to_dict(), (metric, by)
    assert got["value"].to_numpy() == pytest.approx(want["value"].reindex(got.index).to_numpy()), (metric, by)
    # The whole period from the same rows is the kpis tool's value for the same period.
    whole = kpis(store, KpiParams(metrics=[metric], period=ALL)).get(metric)
    assert r.overall == pytest.approx(whole.value) and r.overall_n == whole.n, (metric, by)
    assert any("counts in the" in n and "it started" in n for n in r.provenance.notes)


# -- the bank's sample ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bank():
    from sample_cache import bank_store

    store = bank_store()
    ev = store.query("SELECT customer_id, session_id, ts, touchpoint, stage FROM events")
    orders = store.query("SELECT customer_id, ts, status FROM orders")
    buys = pd.concat([ev.loc[ev.stage == "purchase", ["customer_id", "ts"]],
                      orders.loc[orders.status.fillna("completed") == "completed", ["customer_id", "ts"]]])
    buys["ts"] = buys.ts.dt.tz_convert(store.timezone)
    data_end = max(ev.ts.max(), orders.ts.max())
    return store, sessions(ev, store.timezone), buys, data_end


@pytest.mark.parametrize("by", ["hour", "weekday", "month"])
@pytest.mark.parametrize("metric", FIGURES)
def test_session_figures_on_the_bank_sample_match_its_sessions(bank, metric, by):
    store, s, buys, data_end = bank
    check(store, metric, by, expected(metric, by, s, buys, data_end))


def test_a_bucket_of_session_length_is_the_median_of_its_sessions_and_the_answer_says_so(bank):
    store, *_ = bank
    r = time_pattern(store, PatternParams(metric="session_length", by="hour", period=ALL))
    text = r.to_text()
    assert "Session length (median) by hour of the day" in text
    assert f"Whole period: {r.numbers.number(r.overall, 1)} min" in text
    assert "each web session counts in the hour it started" in text and "the median of their lengths" in text
    assert "not an average of daily values" in text


# -- REES46: real sessions with their own ids, 17 minutes of one day in UTC --------------------

@pytest.fixture(scope="module")
def rees46():
    data = external("rees46_events_sample")
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "rees46" / "recipe.toml", data_dir=data)
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    raw["ts"] = pd.to_datetime(raw.event_time.str.replace(" UTC", ""), format="%Y-%m-%d %H:%M:%S").dt.tz_localize("UTC")
    yield store, raw
    store.close()


@pytest.mark.parametrize("by", ["hour", "weekday", "month"])
@pytest.mark.parametrize("metric", ["session_length", "pages_per_session", "exit_rate"])
def test_session_figures_on_rees46_match_its_raw_sessions(rees46, metric, by):
    # Its 17 minutes are one hour, one Tuesday and one October: one bucket each, whose value is
    # the whole sample's (its median length is checked apart in tests/realdata/test_rees46.py).
    store, raw = rees46
    ev = pd.DataFrame({"customer_id": raw.user_id.astype(str), "session_id": raw.user_session, "ts": raw.ts,
                       "touchpoint": raw.event_type})
    want = expected(metric, by, sessions(ev, "UTC"), pd.DataFrame(), raw.ts.max())
    assert len(want) == 1
    check(store, metric, by, want)


def test_rees46_carts_are_all_too_recent_to_judge_and_the_answer_says_so(rees46):
    # Its three carts are all within 24 hours of the data's end (17 minutes of data): whether
    # they will be bought is not known, so there is no abandonment to give, by any bucket.
    store, raw = rees46
    carts = raw.loc[raw.event_type == "cart", "user_session"].nunique()
    r = time_pattern(store, PatternParams(metric="cart_abandonment", by="hour", period=ALL))
    assert r.overall is None and int(r.table["n"].sum()) == 0
    assert kpis(store, KpiParams(metrics=["cart_abandonment"], period=ALL)).get("cart_abandonment").n == 0
    assert any(f"{carts} carts from the last 24 h of data are not judged yet" in n for n in r.provenance.notes)


# -- UCI online shoppers: one row per visit, dated by month only -------------------------------

def test_online_shoppers_has_no_hours_and_its_visits_no_pages_to_fold():
    # The export sums each visit up (page counts and durations) and dates it by month only: no
    # hour or weekday at all, and the visits' events cannot count pages, exits or length (the
    # kpis tool leaves them out too). Nothing here can be checked against a number, so the
    # refusals are checked instead; its sessions by month are tests/realdata's.
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "uci_online_shoppers" / "recipe.toml",
                  data_dir=external("online_shoppers_intention"))
    try:
        for metric in ("session_length", "pages_per_session", "exit_rate"):
            with pytest.raises(NoDataError, match="dated by month only"):
                time_pattern(store, PatternParams(metric=metric, by="hour", period=ALL))
            with pytest.raises(NoDataError, match="no month pattern here: the web events are dated by month only"):
                time_pattern(store, PatternParams(metric=metric, by="month", period=ALL))
        with pytest.raises(NoDataError, match="add-to-cart or checkout"):  # no carts in the export
            time_pattern(store, PatternParams(metric="cart_abandonment", by="month", period=ALL))
    finally:
        store.close()


def test_the_kpis_still_refused_say_why(store):
    for metric in ("clv", "churn_rate", "delivery_time", "conversion_consideration"):
        with pytest.raises(ToolInputError, match=f"has no (hour|day) pattern: {NO_PATTERN[metric][:30]}"):
            time_pattern(store, PatternParams(metric=metric, by="hour"))
    assert not set(FIGURES) & set(NO_PATTERN)
