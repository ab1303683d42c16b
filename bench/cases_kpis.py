"""Benchmark cases for the KPIs and trends, each with a naive pandas version of the same numbers.

The naive versions follow docs/METRICS.md ("KPIs") with plain pandas on DataFrames of the whole
tables (`frames["events"]`, ...): filters, groupbys, merges, as a notebook would do it. They are
a second implementation as well as a yardstick: `CHECKS` turns the product's result into the
frame the naive version returns, so a harness can confirm both give the same numbers on the
benchmark data (bench/kpis.py --check, bench/analytics.py --check): every KPI of the catalog
has its twin here (tests/bench/test_cases_kpis.py keeps it so).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import numpy as np
import pandas as pd

from bench.common import Case
from tools.analytics.compare import CompareParams, compare
from tools.analytics.kpi_catalog import METRICS
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.movers import MoversParams, top_movers
from tools.analytics.periods import Period, ResolvedPeriod, previous_calendar, resolve
from tools.analytics.trends import TrendParams, kpi_series, trend
from tools.core.stages import STAGES, WEB_TOUCHPOINTS

TZ = "Europe/London"
CHURN_DAYS = 90
CART_HOURS = 24
PROMISE_DAYS = 2  # delivery promise, [analytics] delivery_promise_days
CARTS = ["add_to_cart", "cart", "checkout_start"]
SERIES = ["purchase_conversion", "session_conversion", "aov", "csat", "nps", "first_response_time"]
Frames = Mapping[str, pd.DataFrame]

# The aim the issue sets at 10M events: the whole KPI set within 3 seconds.
N_KPIS = len(METRICS)
AIMS_10M = {f"kpis: all {N_KPIS} KPIs, all data (180 days)": 3.0, f"kpis: all {N_KPIS} KPIs, last 30 days": 3.0}


# -- the product ----------------------------------------------------------------------------------

def _kpis(period: str):
    # every KPI by name: the headline leaves out those asked for by name (repeat contacts)
    return lambda store: kpis(store, KpiParams(period=Period(name=period), metrics=list(METRICS)))  # type: ignore[arg-type]


def _series(store):
    return kpi_series(store, SERIES, period="last_180_days", grain="day")


def _trend(store):
    return trend(store, TrendParams(metric="nps", grain="week", period=Period(name="last_90_days")))


def _compare(store):
    return compare(store, CompareParams(period=Period(name="last_30_days")))


def _movers(metric: str):
    return lambda store: top_movers(store, MoversParams(metric=metric, by="channel"))  # type: ignore[arg-type]


# -- naive pandas ---------------------------------------------------------------------------------

# The table whose dates anchor each part's periods (METRICS.md, "Periods": relative periods end
# on the last day with data for the table the KPI reads, "all" spans that table's own days):
# the table, the column dating its rows, then its later moments. A help desk's data runs to its
# last ticket opened, answered or resolved, so a ticket resolved after the last one was opened
# is in the period.
PART_TABLES = {"stages": ("events", "ts"), "arrivals": ("events", "ts"), "sessions": ("events", "ts"),
               "deliveries": ("events", "ts"), "orders": ("orders", "ts"), "churn": ("orders", "ts"),
               "on_time": ("orders", "ts"), "surveys": ("surveys", "ts"),
               "tickets": ("tickets", "created_at", "first_response_at", "resolved_at")}


def _period(frames: Frames, name: str, table: tuple[str, ...] | None = None) -> ResolvedPeriod:
    """The period `name` anchored on one table's days; without a table, on events and orders
    together (the series, trend and movers cases, whose tables end on the same day in the sample)."""
    if table:
        dated = [frames[table[0]][c] for c in table[1:]]
        first = dated[0].min().tz_convert(TZ).date()
    else:
        dated = [frames["events"]["ts"], frames["orders"]["ts"]]
        first = min(c.min() for c in dated).tz_convert(TZ).date()
    last = max(c.max() for c in dated).tz_convert(TZ).date()
    return resolve(Period(name=name), last, TZ, first)  # type: ignore[arg-type]


def _in(df: pd.DataFrame, col: str, p: ResolvedPeriod) -> pd.DataFrame:
    t = df[col]
    return df[(t >= pd.Timestamp(p.start)) & (t < pd.Timestamp(p.end))]


def _completed(orders: pd.DataFrame) -> pd.DataFrame:
    return orders[orders["status"].isna() | (orders["status"] == "completed")]


def _rate(num: float, den: float) -> float:
    return float(num) / float(den) if den else np.nan


def naive_stages(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    ev = _in(frames["events"], "ts", p)
    reach = pd.crosstab(ev["customer_id"], ev["stage"]).reindex(columns=list(STAGES), fill_value=0) > 0
    out = {"active_customers": (float(len(reach)), len(reach)),
           "purchase_conversion": (_rate(reach["purchase"].sum(), len(reach)), len(reach))}
    for k in range(1, len(STAGES)):
        prev = reach[STAGES[k - 1]]
        later = reach[list(STAGES[k:])].any(axis=1)
        out[f"conversion_{STAGES[k].replace('-', '_')}"] = (_rate((prev & later).sum(), prev.sum()), int(prev.sum()))
    return out


def naive_sessions(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    ev = _in(frames["events"], "ts", p)
    w = ev[ev["touchpoint"].isin(WEB_TOUCHPOINTS)].copy()
    day = w["ts"].dt.tz_convert(TZ).dt.date.astype(str)
    w["sid"] = w["session_id"].fillna(w["customer_id"] + "~" + day)
    w["buy"] = w["stage"] == "purchase"
    w["cart_ts"] = w["ts"].where(w["touchpoint"].isin(CARTS))
    s = w.groupby("sid").agg(customer_id=("customer_id", "first"), hits=("ts", "size"), bought=("buy", "any"),
                             first_cart=("cart_ts", "min"), last_cart=("cart_ts", "max"),
                             first=("ts", "min"), last=("ts", "max"))
    timed = s[s["last"] > s["first"]]  # events at two or more times: one time stamp has no length
    minutes = (timed["last"] - timed["first"]).dt.total_seconds() / 60
    out = {"sessions": (float(len(s)), len(s)),
           "session_conversion": (_rate(s["bought"].sum(), len(s)), len(s)),
           "bounce_rate": (_rate((s["hits"] == 1).sum(), len(s)), len(s)),
           "exit_rate": (_rate(len(s), s["hits"].sum()), int(s["hits"].sum())),
           "session_length": (float(minutes.median()) if len(timed) else float("nan"), len(timed)),
           "pages_per_session": (_rate(s["hits"].sum(), len(s)), len(s))}
    # Carts: any purchase by the customer from the first cart event to the window after the last.
    window = pd.Timedelta(hours=CART_HOURS)
    data_end = max(frames["events"]["ts"].max(), frames["orders"]["ts"].max())
    carts = s[s["first_cart"].notna()].reset_index()
    decided = carts[carts["last_cart"] + window <= data_end]
    allev, orders = frames["events"], _completed(frames["orders"])
    buys = pd.concat([allev.loc[allev["stage"] == "purchase", ["customer_id", "ts"]], orders[["customer_id", "ts"]]])
    m = decided[["sid", "customer_id", "first_cart", "last_cart"]].merge(buys, on="customer_id")
    hit = m[(m["ts"] >= m["first_cart"]) & (m["ts"] <= m["last_cart"] + window)]
    bought = decided["sid"].isin(hit["sid"])
    out["cart_abandonment"] = (_rate((~bought).sum(), len(decided)), len(decided))
    return out


def naive_orders(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    done = _completed(frames["orders"])
    done = done[done["ts"] < pd.Timestamp(p.end)]
    inside = _in(done, "ts", p)
    per = done.groupby("customer_id").agg(k=("ts", "size"), life=("amount", "sum"), first=("ts", "min"))
    buyers = per.loc[inside["customer_id"].unique()]
    out = {"revenue": (float(inside["amount"].sum()), len(inside)), "orders": (float(len(inside)), len(inside)),
           "aov": (_rate(inside["amount"].sum(), len(inside)), len(inside)),
           "repeat_purchase_rate": (_rate((buyers["k"] >= 2).sum(), len(buyers)), len(buyers)),
           "clv": (float(buyers["life"].mean()) if len(buyers) else np.nan, len(buyers)),
           "buyers": (float(len(buyers)), len(buyers)),
           "repeat_customers": (float((buyers["k"] >= 2).sum()), len(buyers))}
    new = buyers[buyers["first"] >= pd.Timestamp(p.start)]
    ev = frames["events"]
    touch = ev[ev["customer_id"].isin(new.index)].groupby("customer_id")["ts"].min()
    seen = frames["customers"].set_index("customer_id")["first_seen"]
    first_touch = pd.concat([new["first"], touch.reindex(new.index), seen.reindex(new.index)], axis=1).min(axis=1)
    days = (new["first"] - first_touch) / pd.Timedelta(days=1)
    out["time_to_first_purchase"] = (float(days.median()) if len(days) else np.nan, len(days))
    return out


def naive_statuses(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    """Refunds and cancellations: the kind of every order placed in the period; pending orders
    are in neither rate (METRICS.md, "Refunds and cancellations")."""
    kind = _in(frames["orders"], "ts", p)["status"].fillna("completed").value_counts()
    done, back, off = (int(kind.get(k, 0)) for k in ("completed", "returned", "cancelled"))
    return {"refunded_orders": (float(back), back), "refund_rate": (_rate(back, done + back), done + back),
            "cancelled_orders": (float(off), off),
            "cancellation_rate": (_rate(off, done + back + off), done + back + off)}


def naive_churn(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    window = pd.Timedelta(hours=24 * CHURN_DAYS)
    done = _completed(frames["orders"])
    done = done[done["ts"] < pd.Timestamp(p.end)].sort_values(["customer_id", "ts"])
    gap = done.groupby("customer_id")["ts"].diff()
    run = (gap.isna() | (gap > window)).astype(int).groupby(done["customer_id"]).cumsum()
    runs = done.assign(run=run).groupby(["customer_id", "run"])["ts"].agg(["min", "max"])
    f, t = runs["min"], runs["max"] + window
    start, end = pd.Timestamp(p.start), pd.Timestamp(p.end)
    data_end = max(frames["events"]["ts"].max(), frames["orders"]["ts"].max())
    active = (f < start) & (t >= start)
    lapsed = active & (t < end) & (t <= data_end)
    return {"churn_rate": (_rate(lapsed.sum(), active.sum()), int(active.sum()))}


def naive_deliveries(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    ev = frames["events"]
    d = _in(ev, "ts", p)
    d = d[d["touchpoint"] == "delivery"][["customer_id", "session_id", "ts"]].reset_index(drop=True)
    placed = (ev[(ev["stage"] == "purchase") & ev["session_id"].notna()]
              .groupby(["customer_id", "session_id"])["ts"].min().rename("placed").reset_index())
    d = d.merge(placed, on=["customer_id", "session_id"], how="left")
    d.loc[d["placed"] > d["ts"], "placed"] = pd.NaT
    orders = frames["orders"][["customer_id", "ts"]].rename(columns={"ts": "ordered"}).sort_values("ordered")
    d = pd.merge_asof(d.sort_values("ts"), orders, left_on="ts", right_on="ordered", by="customer_id",
                      direction="backward")
    days = ((d["ts"] - d["placed"].fillna(d["ordered"])) / pd.Timedelta(days=1)).dropna()
    q = (lambda x: float(np.quantile(days, x))) if len(days) else (lambda x: np.nan)
    return {"delivery_time": (q(0.5), len(days)), "delivery_time_p90": (q(0.9), len(days))}


def naive_arrivals(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    """New visitors: first contact (first event or CRM first-seen, whichever is earlier) in the period."""
    first_event = frames["events"].groupby("customer_id")["ts"].min()
    seen = frames["customers"].set_index("customer_id")["first_seen"].dropna()
    first = pd.concat([first_event, seen], axis=1).min(axis=1)
    n = int(((first >= pd.Timestamp(p.start)) & (first < pd.Timestamp(p.end))).sum())
    return {"new_visitors": (float(n), n)}


def naive_on_time(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    """Delivery orders due (their promised day, else local order day + promise) in the period,
    judged when they arrived: on their delivered date, else at the first delivery event that is
    theirs. A delivery event is the order's of its session, else the customer's latest delivery
    order at or before it still waiting for a parcel (not cancelled, no delivered date)."""
    od = frames["orders"]
    od = od[(od["fulfilment"] == "delivery") | od["promised_at"].notna() | od["delivered_at"].notna()]
    ev = frames["events"]
    dv = ev.loc[ev["touchpoint"] == "delivery", ["customer_id", "session_id", "ts"]]
    own = dv[dv["session_id"].isin(frames["orders"]["order_id"])]
    free = dv[~dv.index.isin(own.index)].sort_values("ts")
    waiting = od[od["delivered_at"].isna() & (od["status"] != "cancelled")]
    waiting = waiting[["order_id", "customer_id", "ts"]].rename(columns={"ts": "ordered"}).sort_values("ordered")
    claimed = pd.merge_asof(free, waiting, left_on="ts", right_on="ordered", by="customer_id", direction="backward")
    arrivals = pd.concat([own.rename(columns={"session_id": "order_id"})[["customer_id", "order_id", "ts"]],
                          claimed.dropna(subset=["order_id"])[["customer_id", "order_id", "ts"]]])
    first_arrival = arrivals.groupby(["customer_id", "order_id"])["ts"].min().rename("event_ts").reset_index()
    m = od.merge(first_arrival, on=["customer_id", "order_id"], how="left")
    def local_day(ts: pd.Series) -> pd.Series:
        return pd.to_datetime(ts, utc=True).dt.tz_convert(TZ).dt.normalize().dt.tz_localize(None)

    got = m["delivered_at"].fillna(m["event_ts"])
    due = local_day(m["promised_at"]).fillna(local_day(m["ts"]) + pd.Timedelta(days=PROMISE_DAYS))
    arrived = local_day(got)
    judged = (due >= pd.Timestamp(p.first_day)) & (due <= pd.Timestamp(p.last_day)) & got.notna()
    on_time = judged & (arrived <= due)
    return {"on_time_delivery": (_rate(on_time.sum(), judged.sum()), int(judged.sum()))}


def naive_surveys(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    sv = _in(frames["surveys"], "ts", p)
    csat, nps = sv["csat"].dropna(), sv["nps"].dropna()
    return {"survey_responses": (float(len(sv)), len(sv)),
            "csat": (_rate((csat >= 4).sum(), len(csat)), len(csat)),
            "csat_mean": (float(csat.mean()) if len(csat) else np.nan, len(csat)),
            "low_review_share": (_rate((csat <= 2).sum(), len(csat)), len(csat)),
            "nps": (_rate(100 * ((nps >= 9).sum() - (nps <= 6).sum()), len(nps)), len(nps))}


def naive_tickets(frames: Frames, p: ResolvedPeriod) -> dict[str, tuple[float, int]]:
    tk = _in(frames["tickets"], "created_at", p)
    frt = ((tk["first_response_at"] - tk["created_at"]) / pd.Timedelta(hours=1)).dropna()
    res = ((tk["resolved_at"] - tk["created_at"]) / pd.Timedelta(hours=1)).dropna()

    def q(x: pd.Series, at: float) -> float:
        return float(np.quantile(x, at)) if len(x) else np.nan

    # A resolution stamped before the opening counts as on the opening.
    every = frames["tickets"]
    solved = every["resolved_at"].where(every["resolved_at"].isna() | (every["resolved_at"] >= every["created_at"]),
                                        every["created_at"])
    # open at the end of the period: opened before it ended, not resolved by then
    ended = pd.Timestamp(p.end)
    still = int(((every["created_at"] < ended) & (solved.isna() | (solved >= ended))).sum())
    # resolved ones are dated by their resolution, whenever they were opened
    resolved = int(solved.between(pd.Timestamp(p.start), ended, inclusive="left").sum())
    settled = int((solved.loc[tk.index] < ended).sum())
    # repeat contacts: customers with two or more tickets opened in the period, of those with any
    # (tickets with no customer id belong to nobody and count in neither)
    per_customer = tk["customer_id"].dropna().value_counts()
    again = int((per_customer >= 2).sum())
    return {"repeat_contacts": (float(again), len(per_customer)),
            "repeat_contact_rate": (_rate(again, len(per_customer)), len(per_customer)),
            "tickets": (float(len(tk)), len(tk)), "open_tickets": (float(still), still),
            "resolved_tickets": (float(resolved), resolved),
            "resolution_rate": (_rate(settled, len(tk)), len(tk)),
            "backlog_change": (float(len(tk) - resolved), len(tk) + resolved),
            "first_response_time": (q(frt, 0.5), len(frt)), "first_response_time_p90": (q(frt, 0.9), len(frt)),
            "resolution_time": (q(res, 0.5), len(res)), "resolution_time_p90": (q(res, 0.9), len(res))}


def naive_kpis(frames: Frames, period: str, before: bool = False) -> pd.DataFrame:
    """Every KPI for the period `name`, each part's period anchored on the table it reads
    (`before`: the same number of days just before it)."""
    found: dict[str, tuple[float, int]] = {}
    for part, table in ((naive_stages, "stages"), (naive_arrivals, "arrivals"), (naive_sessions, "sessions"),
                        (naive_orders, "orders"), (naive_statuses, "orders"), (naive_churn, "churn"), (naive_deliveries, "deliveries"),
                        (naive_on_time, "on_time"), (naive_surveys, "surveys"), (naive_tickets, "tickets")):
        p = _period(frames, period, PART_TABLES[table])
        found.update(part(frames, p.previous() if before else p))
    return (pd.DataFrame([{"metric": m, "value": v, "n": n} for m, (v, n) in found.items()])
            .sort_values("metric").reset_index(drop=True))


def _naive_kpis(period: str):
    return lambda frames: naive_kpis(frames, period)


def naive_series(frames: Frames) -> pd.DataFrame:
    """The daily series of SERIES the notebook way: a groupby on the local day per metric."""
    p = _period(frames, "last_180_days")
    ev = _in(frames["events"], "ts", p).assign(day=lambda d: d["ts"].dt.tz_convert(TZ).dt.date)
    per_day = ev.groupby(["day", "customer_id"])["stage"].agg(lambda s: (s == "purchase").any())
    conv = per_day.groupby(level="day").mean()
    w = ev[ev["touchpoint"].isin(WEB_TOUCHPOINTS)]
    sess = w.groupby("session_id").agg(day=("day", "first"), bought=("stage", lambda s: (s == "purchase").any()))
    od = _in(_completed(frames["orders"]), "ts", p)
    aov = od.groupby(od["ts"].dt.tz_convert(TZ).dt.date)["amount"].mean()
    sv = _in(frames["surveys"], "ts", p)
    sday = sv["ts"].dt.tz_convert(TZ).dt.date
    csat = (sv["csat"] >= 4).where(sv["csat"].notna()).groupby(sday).mean()
    nps = sv["nps"].dropna().groupby(sday).apply(lambda x: 100 * ((x >= 9).mean() - (x <= 6).mean()))
    tk = _in(frames["tickets"], "created_at", p)
    frt = ((tk["first_response_at"] - tk["created_at"]) / pd.Timedelta(hours=1))
    frt = frt.groupby(tk["created_at"].dt.tz_convert(TZ).dt.date).median()
    return pd.concat({"purchase_conversion": conv, "session_conversion": sess.groupby("day")["bought"].mean(),
                      "aov": aov, "csat": csat, "nps": nps, "first_response_time": frt}, axis=1)


def naive_compare(frames: Frames) -> pd.DataFrame:
    from tools.analytics.kpi_catalog import DEFAULT_METRICS  # compare's default: the headline KPIs

    a, b = naive_kpis(frames, "last_30_days"), naive_kpis(frames, "last_30_days", before=True)
    a, b = a[a["metric"].isin(DEFAULT_METRICS)], b[b["metric"].isin(DEFAULT_METRICS)]
    return a.merge(b, on="metric", suffixes=("_now", "_before")).assign(change=lambda d: d.value_now - d.value_before)


def naive_trend(frames: Frames) -> pd.Series:
    p = _period(frames, "last_90_days")
    sv = _in(frames["surveys"], "ts", p)
    sv = sv[sv["nps"].notna()]
    local = sv["ts"].dt.tz_convert(TZ).dt.date
    week = local.map(lambda d: max(d - dt.timedelta(days=d.weekday()), p.first_day))
    return sv["nps"].groupby(week).apply(lambda x: 100 * ((x >= 9).mean() - (x <= 6).mean()))


def _first_touch_channel(frames: Frames) -> pd.Series:
    ev = frames["events"]
    first = ev.sort_values("ts", kind="stable").drop_duplicates("customer_id")
    return first.set_index("customer_id")["channel"].fillna("(unknown)")


def naive_movers(metric: str):
    def run(frames: Frames) -> pd.DataFrame:
        now = _period(frames, "last_30_days")
        periods = {"now": now, "before": previous_calendar(Period(name="last_30_days"), now.last_day, TZ)}
        channel = _first_touch_channel(frames)
        out = {}
        for label, p in periods.items():
            if metric == "revenue":
                od = _in(_completed(frames["orders"]), "ts", p)
                out[label] = od.groupby(od["customer_id"].map(channel))["amount"].sum()
            else:
                ev = _in(frames["events"], "ts", p)
                bought = ev.groupby("customer_id")["stage"].agg(lambda s: (s == "purchase").any())
                out[label] = bought.groupby(bought.index.map(channel)).mean()
        t = pd.concat(out, axis=1).fillna(0 if metric == "revenue" else np.nan)
        return t.assign(change=t["now"] - t["before"]).sort_values("change")
    return run


# -- the list the harness reads -------------------------------------------------------------------

CASES: list[Case] = [
    Case(f"kpis: all {N_KPIS} KPIs, last 30 days", _kpis("last_30_days"), _naive_kpis("last_30_days")),
    Case(f"kpis: all {N_KPIS} KPIs, all data (180 days)", _kpis("all"), _naive_kpis("all")),
    Case("kpi_series: 6 KPIs by day, 180 days", _series, naive_series),
    Case("trend: NPS by week, 90 days", _trend, naive_trend),
    Case("compare: all KPIs, last 30 days vs the 30 before", _compare, naive_compare),
    Case("top_movers: purchase conversion by channel", _movers("purchase_conversion"),
         naive_movers("purchase_conversion")),
    Case("top_movers: revenue by channel", _movers("revenue"), naive_movers("revenue")),
]


def _kpi_frame(result) -> pd.DataFrame:
    f = result.to_frame()[["metric", "value", "n"]]
    f = f.assign(value=f["value"].astype(float), n=f["n"].astype("int64"))
    return f.sort_values("metric").reset_index(drop=True)


# Product result -> the frame its naive version returns (same numbers expected).
CHECKS = {
    f"kpis: all {N_KPIS} KPIs, last 30 days": _kpi_frame,
    f"kpis: all {N_KPIS} KPIs, all data (180 days)": _kpi_frame,
}
