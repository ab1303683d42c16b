"""The sessions table ingest keeps next to the events: its rows worked out by hand, idempotent
re-ingest, all-or-nothing loads, forgetting a customer, old stores migrated on open, and KPIs of
sessions a period boundary cuts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from conftest import external

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.core.errors import IngestError
from tools.core.stages import DEFAULT_TOUCHPOINTS, STAGES, WEB_TOUCHPOINTS
from tools.data.ingest import ingest_file, ingest_recipe
from tools.data.mapping import Mapping, ReadOptions
from tools.data.store import JourneyStore

LONDON = ZoneInfo("Europe/London")

# A: one keyed session with a cart that ends on a purchase. B: a keyed session of one page,
# plus two web events without a session id on 3 May (one session for the day) and an in-store
# visit (not web: no session). C: a cart abandoned, its id also used in a second file below.
EVENTS = """customer_id,ts,touchpoint,session_id
A,2026-05-02 10:00,website_visit,a1
A,2026-05-02 10:05,add_to_cart,a1
A,2026-05-02 10:07,checkout_start,a1
A,2026-05-02 10:09,order_placed,a1
B,2026-05-02 11:00,product_view,b1
B,2026-05-03 09:00,product_view,
B,2026-05-03 21:00,menu_view,
B,2026-05-03 12:00,instore_visit,
C,2026-05-02 12:00,add_to_cart,c1
"""

MORE = """customer_id,ts,touchpoint,session_id
C,2026-05-02 12:30,product_view,c1
D,2026-05-04 08:00,page_view,d1
"""

BAD = """customer_id,ts,touchpoint,session_id
D,2026-05-04 08:00,page_view,d1
E,not a time,page_view,e1
"""


def at(text: str) -> pd.Timestamp:
    return pd.Timestamp(dt.datetime.fromisoformat(text).replace(tzinfo=LONDON))


def sessions(store: JourneyStore) -> pd.DataFrame:
    frame = store.query("SELECT * FROM sessions ORDER BY sid")
    for col in ("first_ts", "last_ts", "first_cart", "last_cart", "last_buy"):
        frame[col] = frame[col].dt.tz_convert(LONDON)
    return frame.set_index("sid")


def load(store, tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ingest_file(store, "events", path)


@pytest.fixture
def shop(store, tmp_path):
    load(store, tmp_path, "events.csv", EVENTS)
    return store


def test_one_row_per_web_session(shop):
    s = sessions(shop)
    # a1, b1, c1 and B's day without a session id; the in-store visit is no web session.
    assert list(s.index) == ["B~2026-05-03", "a1", "b1", "c1"]
    a1 = s.loc["a1"]
    assert (a1.customer_id, a1.keyed, a1.multi, a1.hits, a1.bought) == ("A", True, False, 4, True)
    assert (a1.first_ts, a1.last_ts) == (at("2026-05-02 10:00"), at("2026-05-02 10:09"))
    assert (a1.first_cart, a1.last_cart) == (at("2026-05-02 10:05"), at("2026-05-02 10:07"))
    assert (a1.last_buy, a1.exit_tp) == (at("2026-05-02 10:09"), "order_placed")
    day = s.loc["B~2026-05-03"]
    assert (day.keyed, day.hits, day.bought, day.exit_tp) == (False, 2, False, "menu_view")
    assert pd.isna(day.first_cart) and pd.isna(day.last_buy)
    assert (s.loc["b1", "hits"], s.loc["c1", "exit_tp"]) == (1, "add_to_cart")


def test_reingesting_the_same_file_changes_nothing(shop, tmp_path):
    before = sessions(shop)
    load(shop, tmp_path, "again.csv", EVENTS)
    pd.testing.assert_frame_equal(sessions(shop), before)


def test_new_events_rebuild_their_sessions_only(shop, tmp_path):
    before = sessions(shop)
    load(shop, tmp_path, "more.csv", MORE)
    s = sessions(shop)
    assert list(s.index) == ["B~2026-05-03", "a1", "b1", "c1", "d1"]
    # C came back to the product page after the cart: one more hit, a later end and exit.
    assert (s.loc["c1", "hits"], s.loc["c1", "last_ts"], s.loc["c1", "exit_tp"]) == (
        2, at("2026-05-02 12:30"), "product_view")
    assert s.loc["c1", "first_cart"] == before.loc["c1", "first_cart"]
    pd.testing.assert_frame_equal(s.loc[["B~2026-05-03", "a1", "b1"]], before.loc[["B~2026-05-03", "a1", "b1"]])


def test_a_rejected_file_leaves_the_sessions_as_they_were(shop, tmp_path):
    before = sessions(shop)
    with pytest.raises(IngestError):
        load(shop, tmp_path, "bad.csv", BAD)
    pd.testing.assert_frame_equal(sessions(shop), before)


def test_forgetting_a_customer_removes_their_sessions(shop):
    shop.delete_customer("B")
    assert list(sessions(shop).index) == ["a1", "c1"]


def test_a_session_id_shared_by_two_customers_keeps_the_other(shop, tmp_path):
    load(shop, tmp_path, "shared.csv", "customer_id,ts,touchpoint,session_id\nZ,2026-05-02 12:10,page_view,c1\n")
    assert (sessions(shop).loc["c1", "hits"], sessions(shop).loc["c1", "multi"]) == (2, True)
    shop.delete_customer("C")
    c1 = sessions(shop).loc["c1"]
    assert (c1.customer_id, c1.hits, c1.multi, c1.exit_tp) == ("Z", 1, False, "page_view")


def test_an_old_store_gets_its_sessions_table_on_open(tmp_path):
    path = tmp_path / "journey.duckdb"
    store = JourneyStore(path, timezone="Europe/London")
    load(store, tmp_path, "events.csv", EVENTS)
    built = sessions(store)
    # What a store written before the sessions table looks like.
    store.execute("DROP TABLE sessions")
    store.execute("DELETE FROM meta WHERE key = 'sessions'")
    reopened = JourneyStore(path, timezone="Europe/London")
    pd.testing.assert_frame_equal(sessions(reopened), built)


def test_opening_in_another_time_zone_regroups_events_without_a_session_id(tmp_path):
    path = tmp_path / "journey.duckdb"
    load(JourneyStore(path, timezone="Europe/London"), tmp_path, "events.csv", EVENTS)
    # 21:00 on 3 May in London is 06:00 on 4 May in Tokyo, 09:00 is 17:00 on the 3rd.
    tokyo = sessions(JourneyStore(path, timezone="Asia/Tokyo"))
    assert list(tokyo.index) == ["B~2026-05-03", "B~2026-05-04", "a1", "b1", "c1"]


def test_a_session_cut_by_the_period_counts_only_its_events_inside(store, tmp_path):
    # x1 runs across midnight into the period: within it, only its 00:10 page counts (a bounce).
    load(store, tmp_path, "night.csv", """customer_id,ts,touchpoint,session_id
X,2026-05-01 23:50,product_view,x1
X,2026-05-01 23:55,add_to_cart,x1
X,2026-05-02 00:10,page_view,x1
Y,2026-05-02 10:00,page_view,y1
Y,2026-05-02 10:01,product_view,y1
""")
    r = kpis(store, KpiParams(period=Period(start=dt.date(2026, 5, 2), end=dt.date(2026, 5, 2)),
                              metrics=["sessions", "bounce_rate", "exit_rate", "cart_abandonment"]))
    v = {x.metric: x for x in r.values}
    assert (v["sessions"].value, v["bounce_rate"].value) == (2, 0.5)
    assert (v["exit_rate"].value, v["exit_rate"].n) == (pytest.approx(2 / 3), 3)
    assert v["cart_abandonment"].n == 0  # the cart was before the period
    whole = kpis(store, KpiParams(period=Period(name="all"), metrics=["sessions", "bounce_rate"]))
    assert [x.value for x in whole.values] == [2, 0.0]


def test_a_file_read_in_another_zone_groups_by_the_store_days(shop, tmp_path):
    # 07:00 in Tokyo on 4 May is 23:00 on 3 May in London: B's day session of the 3rd grows.
    path = tmp_path / "tokyo.csv"
    path.write_text("customer_id,ts,touchpoint\nB,2026-05-04 07:00,page_view\n", encoding="utf-8")
    ingest_file(shop, "events", path, Mapping(table="events", options=ReadOptions(timezone="Asia/Tokyo")))
    s = sessions(shop)
    assert "B~2026-05-04" not in s.index
    assert (s.loc["B~2026-05-03", "hits"], s.loc["B~2026-05-03", "exit_tp"]) == (3, "page_view")


# Events at one moment: the exit is the later stage (t1: the cart, decision, over the product
# page); within a stage, the later step of a visit in the touchpoint map's order, as drop-offs
# order them (t2: product_view over page_view, both consideration; t3: remove_from_cart over
# cart; t5: the product page over the visit, which by name sorts last and was the exit).
# t4 is dated before 1970 (a negative time).
TIES = """customer_id,ts,touchpoint,session_id
T,2026-05-05 10:00,website_visit,t1
T,2026-05-05 10:05,add_to_cart,t1
T,2026-05-05 10:05,product_view,t1
U,2026-05-05 11:00,product_view,t2
U,2026-05-05 11:00,page_view,t2
V,2026-05-05 12:00,remove_from_cart,t3
V,2026-05-05 12:00,cart,t3
V,2026-05-05 11:59,checkout_start,t3
W,1969-12-31 23:59,page_view,t4
W,1969-12-31 23:58,cart,t4
S,2026-05-05 13:00,product_view,t5
S,2026-05-05 13:00,website_visit,t5
"""


def _exits_by_hand(store: JourneyStore) -> dict[str, str]:
    """The exit page as its definition reads, in Python over the stored web events: the greatest
    (time, stage rank, place in the touchpoint map, name) of each session."""
    ev = store.query("SELECT customer_id, session_id, ts, touchpoint, stage FROM events")
    ev = ev[ev.touchpoint.isin(WEB_TOUCHPOINTS)]
    local = ev.ts.dt.tz_convert(store.timezone).dt.strftime("%Y-%m-%d")
    sid = ev.session_id.fillna(ev.customer_id + "~" + local)
    rank = ev.stage.map({s: i for i, s in enumerate(STAGES)}).fillna(-1)
    order = list(DEFAULT_TOUCHPOINTS)
    place = ev.touchpoint.map(lambda t: order.index(t) if t in order else len(order))
    best: dict[str, tuple] = {}
    for key, ts, r, p, tp in zip(sid, ev.ts, rank, place, ev.touchpoint, strict=True):
        best[key] = max(best.get(key, (ts, r, p, tp)), (ts, r, p, tp))
    return {k: v[3] for k, v in best.items()}


def test_the_exit_page_breaks_ties_by_stage_then_the_visits_order(store, tmp_path):
    load(store, tmp_path, "ties.csv", TIES)
    exits = sessions(store).exit_tp.to_dict()
    assert exits == {"t1": "add_to_cart", "t2": "product_view", "t3": "remove_from_cart", "t4": "page_view",
                     "t5": "product_view"}
    assert exits == _exits_by_hand(store)


def test_the_exit_pages_of_a_real_export_match_their_definition(store):
    # REES46 (1,000 events of 17 minutes, 300-odd sessions), loaded through its recipe.
    recipe = Path(__file__).resolve().parents[2] / "examples" / "rees46" / "recipe.toml"
    ingest_recipe(store, recipe, data_dir=external("rees46_events_sample"))
    exits = sessions(store).exit_tp.to_dict()
    by_hand = _exits_by_hand(store)
    assert len(exits) > 100 and len(set(exits.values())) > 1  # views, carts and purchases
    # Sessions without a page seen (a purchase alone) are no session; the others all agree.
    assert exits == {k: v for k, v in by_hand.items() if k in exits}


# A placeholder date far in the future (9999-12-31, loaded with allow_future) does not fit the
# exit key's fast BIGINT form; the sessions are still built, with the same exit pages.
FAR = """customer_id,ts,touchpoint,session_id
X,9999-12-31 10:00,product_view,x1
X,9999-12-31 10:00,page_view,x1
X,9999-12-31 09:00,add_to_cart,x1
Y,2026-05-05 10:00,add_to_cart,y1
Y,2026-05-05 10:02,page_view,y1
"""


def test_a_far_future_placeholder_date_still_gives_sessions_and_exit_pages(store, tmp_path):
    path = tmp_path / "far.csv"
    path.write_text(FAR, encoding="utf-8")
    ingest_file(store, "events", path, Mapping(table="events", allow_future=True))
    rows = store.query("SELECT sid, exit_tp, hits FROM sessions ORDER BY sid")
    assert rows.values.tolist() == [["x1", "product_view", 3], ["y1", "page_view", 2]]
    more = tmp_path / "more.csv"  # a later load rebuilds only its sessions, the same way
    more.write_text("customer_id,ts,touchpoint,session_id\nX,9999-12-31 11:00,cart,x1\n", encoding="utf-8")
    ingest_file(store, "events", more, Mapping(table="events", allow_future=True))
    rows = store.query("SELECT sid, exit_tp, hits FROM sessions ORDER BY sid")
    assert rows.values.tolist() == [["x1", "cart", 4], ["y1", "page_view", 2]]
