"""Small journey data sets for the KPI and trend tests, loaded through the real ingest.

BAKERY is a three-day slice (4-6 May 2026, Europe/London, BST) whose every KPI is worked out
by hand in tests/tools/test_kpis.py. CHURN is a winter of orders whose churn is worked out
by hand for a 30-day window.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from tools.data.ingest import Load, ingest_loads
from tools.data.mapping import Mapping
from tools.data.store import JourneyStore

BAKERY = {
    "customers": """customer_id,segment,city,first_seen
A,vip,Bath,
B,vip,Bristol,2026-04-30
C,,Bath,
D,regular,Bristol,
E,regular,Bath,
""",
    # E's only event comes first and is written in UTC: 23:30 UTC on 5 May is 00:30 on 6 May
    # in London. Rows are out of order on purpose.
    "events": """customer_id,ts,touchpoint,channel,session_id
E,2026-05-05T23:30:00+00:00,menu_view,email,s5
A,2026-05-04 10:03,add_to_cart,instagram,s1
A,2026-05-04 10:00,ad_click,instagram,s1
A,2026-05-04 10:06,order_placed,instagram,s1
A,2026-05-04 10:01,product_view,instagram,s1
A,2026-05-05 12:00,delivery,,s1
A,2026-05-06 18:00,review_posted,,
B,2026-05-04 11:00,product_view,instagram,s2
B,2026-05-04 11:02,add_to_cart,instagram,s2
B,2026-05-06 09:00,instore_purchase,in_store,
C,2026-05-05 09:00,website_visit,search,s3
D,2026-05-05 14:00,product_view,search,s4
D,2026-05-05 14:05,checkout_start,search,s4
D,2026-05-06 10:00,delivery,,
""",
    "orders": """order_id,customer_id,ts,amount,status,fulfilment
O1,A,2026-05-04 10:06,20.00,completed,delivery
O2,A,2026-03-01 10:00,30.00,completed,in_store
O3,D,2026-05-05 20:00,15.00,,delivery
O4,B,2026-05-06 09:00,12.00,completed,pickup
O5,C,2026-05-05 10:00,50.00,cancelled,delivery
""",
    "surveys": """survey_id,customer_id,ts,nps,csat
S1,A,2026-05-05 10:00,10,5
S2,B,2026-05-06 10:00,6,2
S3,,2026-05-06 11:00,9,4
S4,D,2026-05-06 12:00,8,
""",
    "tickets": """ticket_id,customer_id,created_at,first_response_at,resolved_at
T1,A,2026-05-05 10:00,2026-05-05 11:00,2026-05-06 10:00
T2,B,2026-05-05 12:00,2026-05-05 15:00,2026-05-05 18:00
T3,C,2026-05-06 09:00,2026-05-06 19:00,
T4,D,2026-05-06 10:00,,
""",
}

# Completed orders at noon (London): P 1 and 20 Jan; Q 10 Jan and 1 Mar; R 5 Feb;
# S 25 Jan, 20 Feb and 5 Mar. P visits the website on 10 Apr, so the data runs to then.
CHURN = {
    "customers": "customer_id\nP\nQ\nR\nS\n",
    "orders": """order_id,customer_id,ts,amount,status
p1,P,2026-01-01 12:00,10,completed
p2,P,2026-01-20 12:00,10,completed
q1,Q,2026-01-10 12:00,10,completed
q2,Q,2026-03-01 12:00,10,completed
r1,R,2026-02-05 12:00,10,completed
s1,S,2026-01-25 12:00,10,completed
s2,S,2026-02-20 12:00,10,completed
s3,S,2026-03-05 12:00,10,completed
x1,R,2026-02-10 12:00,99,cancelled
""",
    "events": "customer_id,ts,touchpoint\nP,2026-04-10 12:00,website_visit\n",
}


def load(store, folder: Path, tables: dict[str, str]) -> None:
    """Write the CSVs and ingest them in one go; orders, surveys and tickets may name customers
    that are not in the customers file."""
    folder.mkdir(parents=True, exist_ok=True)
    loads = []
    for table in ("customers", "events", "orders", "surveys", "tickets"):
        if table not in tables:
            continue
        path = folder / f"{table}.csv"
        path.write_text(tables[table], encoding="utf-8")
        extra = {"unknown_customers": "create"} if table in ("orders", "surveys", "tickets") else {}
        loads.append(Load(path, Mapping(table=table, **extra)))  # type: ignore[arg-type]
    ingest_loads(store, loads)


# -- random data for the property-based tests ----------------------------------------------------

LONDON = ZoneInfo("Europe/London")
T0 = dt.datetime(2026, 1, 1, tzinfo=LONDON)


def store_with(orders, answers) -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    odf = pd.DataFrame({
        "order_id": [f"o{i}" for i in range(len(orders))],
        "customer_id": [f"c{c}" for c, _, _, _ in orders],
        "ts": [T0 + dt.timedelta(hours=h) for _, h, _, _ in orders],
        "amount": [a for _, _, a, _ in orders],
        "status": [st_ for _, _, _, st_ in orders],
    })
    sdf = pd.DataFrame({
        "survey_id": [f"s{i}" for i in range(len(answers))],
        "ts": pd.Series([T0 + dt.timedelta(hours=h) for h, _, _ in answers], dtype="datetime64[us, Europe/London]"),
        "nps": pd.Series([n for _, n, _ in answers], dtype="Int64"),
        "csat": pd.Series([c for _, _, c in answers], dtype="Int64"),
    })
    with s.connect() as con:
        con.register("odf", odf)
        con.register("sdf", sdf)
        con.execute("INSERT INTO customers (customer_id) SELECT DISTINCT customer_id FROM odf")
        con.execute("INSERT INTO orders BY NAME SELECT * FROM odf")
        con.execute("INSERT INTO surveys BY NAME SELECT * FROM sdf")
    return s


def oracle(orders, answers, first: dt.date, days: int, window_days: int,
           no_orders_revenue: float | None = None) -> dict[str, float | None]:
    """The same KPIs in plain Python, straight from the definitions in docs/METRICS.md. A KPI
    answer for a period with no orders has no revenue (None); a day of a series has 0
    (`no_orders_revenue=0.0`)."""
    start = dt.datetime.combine(first, dt.time(), LONDON)
    end = dt.datetime.combine(first + dt.timedelta(days=days), dt.time(), LONDON)
    done = sorted((T0 + dt.timedelta(hours=h), f"o{i}", f"c{c}", a)
                  for i, (c, h, a, s) in enumerate(orders) if s in ("completed", None))
    inside = [o for o in done if start <= o[0] < end]
    out: dict[str, float | None] = {}
    # A period with no completed orders has no revenue to report (not a revenue of 0).
    out["revenue"] = sum(a for *_, a in inside) if inside else no_orders_revenue
    out["aov"] = out["revenue"] / len(inside) if inside else None
    buyers = {c for _, _, c, _ in inside}
    repeat = {c for c in buyers if sum(1 for t, _, cc, _ in done if cc == c and t < end) >= 2}
    out["repeat_purchase_rate"] = len(repeat) / len(buyers) if buyers else None
    life = [sum(a for t, _, cc, a in done if cc == c and t < end) for c in buyers]
    out["clv"] = statistics.fmean(life) if life else None
    # Churn: active at the start = an order in [start - W, start); churned = no order in the
    # W days after the last one, and those W days end inside the period (and the data).
    w = dt.timedelta(hours=24 * window_days)
    # The data ends at its last timestamp, whatever the order's status.
    last_data = max(T0 + dt.timedelta(hours=h) for _, h, _, _ in orders)
    active = churned = 0
    for c in {cc for _, _, cc, _ in done}:
        times = [t for t, _, cc, _ in done if cc == c]
        before = [t for t in times if start - w <= t < start]
        if not before:
            continue
        active += 1
        last = max(before)
        while True:  # follow the customer's orders while each comes within W of the last
            nxt = [t for t in times if last < t <= last + w]
            if not nxt:
                break
            last = max(nxt)
        lapse = last + w
        if start <= lapse < end and lapse <= last_data:
            churned += 1
    out["churn_rate"] = churned / active if active else None
    scored = [(T0 + dt.timedelta(hours=h), n, c) for h, n, c in answers]
    csat = [c for t, _, c in scored if start <= t < end and c is not None]
    nps = [n for t, n, _ in scored if start <= t < end and n is not None]
    out["csat"] = sum(1 for c in csat if c >= 4) / len(csat) if csat else None
    out["csat_mean"] = statistics.fmean(csat) if csat else None
    out["nps"] = (100 * (sum(n >= 9 for n in nps) - sum(n <= 6 for n in nps)) / len(nps)) if nps else None
    return out
