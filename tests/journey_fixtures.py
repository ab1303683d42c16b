"""Small journeys for the funnel, drop-off and path tests, loaded the way users load data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from tools.core.stages import DEFAULT_TOUCHPOINTS
from tools.data import first_touch, session_table
from tools.data.ingest import ingest_file

# Four customers over one week of May 2026 (London time, BST):
#   A  ad_click > product_view > add_to_cart > order_placed          (every stage to purchase)
#   B  email_open > instore_visit > instore_purchase                 (skips decision: walk-in)
#   C  search_result                                                 (aware, nothing else)
#   D  ad_click > product_view                                       (considers, leaves)
SHOP = """customer_id,ts,touchpoint,channel
A,2026-05-01 10:00,ad_click,instagram
A,2026-05-02 10:00,product_view,instagram
A,2026-05-03 10:00,add_to_cart,
A,2026-05-03 12:00,order_placed,
B,2026-05-01 09:00,email_open,email
B,2026-05-04 09:00,instore_visit,in_store
B,2026-05-04 09:30,instore_purchase,in_store
C,2026-05-05 09:00,search_result,search
D,2026-05-06 09:00,ad_click,instagram
D,2026-05-07 09:00,product_view,instagram
"""

CUSTOMERS = """customer_id,segment,city
A,vip,Bristol
B,loyalty,Bath
C,vip,Bath
"""


def load_events(store, tmp_path: Path, text: str, name: str = "events.csv") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ingest_file(store, "events", path)


def load_customers(store, tmp_path: Path, text: str = CUSTOMERS) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(text, encoding="utf-8")
    ingest_file(store, "customers", path)


def insert_events(store, rows: list[tuple[str, dt.datetime, str, str | None]]) -> None:
    """(customer_id, aware datetime, touchpoint, channel) rows straight into the table, with
    stage and online from the default map: fast enough for property-based tests."""
    frame = pd.DataFrame(rows, columns=["customer_id", "ts", "touchpoint", "channel"])
    frame["stage"] = [DEFAULT_TOUCHPOINTS[t].stage for t in frame.touchpoint]
    frame["online"] = [DEFAULT_TOUCHPOINTS[t].online for t in frame.touchpoint]
    with store.connect() as con:
        con.execute("DELETE FROM events")
        con.register("new_events", frame)
        con.execute(
            "INSERT INTO events (customer_id, ts, touchpoint, channel, stage, online) "
            "SELECT customer_id, ts, touchpoint, channel, stage, online FROM new_events")
        con.unregister("new_events")
        # Ingest keeps the sessions and first_touch tables; rows written past it rebuild them.
        session_table.rebuild(con, store.timezone)
        first_touch.rebuild(con)


# Two weeks of May 2026 for drop-offs and paths: the week of 8-14 May against 1-7 May.
#   previous week: P1 lost at product_view, P2 lost at add_to_cart, P3 bought online,
#                  I lost at product_view (and buys in the current week)
#   current week:  A lost at add_to_cart (views twice in a row), B lost at add_to_cart (cart and
#                  view in the same minute: the view came first), C lost at email_open (the
#                  email_send before it is the shop's, not C's), D views then buys in store,
#                  E only has a delivery and F only an email_send (no journey), G walks in and
#                  buys, H visits late on the last evening, I orders online, K buys in store and
#                  browses afterwards (the browsing comes after the goal: not part of the path)
WEEKS = """customer_id,ts,touchpoint,channel
P1,2026-05-02 10:00,ad_click,instagram
P1,2026-05-02 10:05,product_view,instagram
P2,2026-05-03 09:00,search_result,search
P2,2026-05-03 09:01,website_visit,search
P2,2026-05-03 09:05,add_to_cart,search
P3,2026-05-04 12:00,website_visit,direct
P3,2026-05-04 12:10,order_placed,direct
I,2026-05-07 18:00,product_view,email
A,2026-05-08 10:00,ad_click,instagram
A,2026-05-08 10:05,product_view,instagram
A,2026-05-08 10:07,product_view,instagram
A,2026-05-08 10:10,add_to_cart,instagram
B,2026-05-09 11:00,add_to_cart,search
B,2026-05-09 10:50,search_result,search
B,2026-05-09 11:00,product_view,search
C,2026-05-10 10:00,email_send,email
C,2026-05-10 10:30,email_open,email
D,2026-05-11 08:00,product_view,instagram
D,2026-05-12 08:30,instore_purchase,in_store
E,2026-05-12 14:00,delivery,
F,2026-05-12 10:00,email_send,email
G,2026-05-13 08:15,instore_purchase,in_store
H,2026-05-14 23:30,website_visit,direct
I,2026-05-09 19:00,order_placed,direct
K,2026-05-08 09:00,instore_purchase,in_store
K,2026-05-10 20:00,product_view,direct
"""
