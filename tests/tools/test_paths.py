"""Paths: variants to purchase and to drop-off, first/last touch of buyers and the offline
share, hand-computed on the week of 8-14 May (tests/journey_fixtures.py, WEEKS)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from journey_fixtures import WEEKS, load_events
from pydantic import ValidationError

from tools.analytics.filters import Filters
from tools.analytics.paths import PathParams, paths
from tools.analytics.periods import Period
from tools.core.errors import NoDataError

WEEK = Period(start=dt.date(2026, 5, 8), end=dt.date(2026, 5, 14))


@pytest.fixture
def weeks(store, tmp_path):
    load_events(store, tmp_path, WEEKS)
    return store


def variants(frame):
    return dict(zip(frame.path, frame.customers, strict=True))


def test_paths_to_purchase_and_to_drop_off(weeks):
    r = paths(weeks, PathParams(period=WEEK))
    assert (r.started, r.converted, r.lost) == (8, 4, 4)
    # G and K walked in and bought (K's browsing afterwards is not on the path), I ordered
    # online, D viewed then bought in the shop.
    assert variants(r.to_goal) == {"instore_purchase": 2, "order_placed": 1,
                                   "product_view > instore_purchase": 1}
    assert r.to_goal.path.iloc[0] == "instore_purchase" and r.to_goal.share.iloc[0] == 0.5
    # A's two views in a row are one step; B's view and cart in the same minute: view first;
    # C's path starts at the email C opened, not at the one the shop sent.
    assert variants(r.to_dropoff) == {"ad_click > product_view > add_to_cart": 1, "email_open": 1,
                                      "search_result > product_view > add_to_cart": 1,
                                      "website_visit": 1}
    assert (r.variants_to_goal, r.variants_to_dropoff) == (3, 4)


def test_first_and_last_touch_of_buyers(weeks):
    r = paths(weeks, PathParams(period=WEEK))
    touches = r.touches.set_index("channel")
    assert touches.first_touch.to_dict() == {"in_store": 2, "direct": 1, "instagram": 1}
    # D's last touch is the Instagram view before buying; G, K and I only have the purchase.
    assert touches.last_touch.to_dict() == {"in_store": 2, "direct": 1, "instagram": 1}
    assert touches.first_share.sum() == pytest.approx(1.0)


def test_first_and_last_touch_differ(store, tmp_path):
    load_events(store, tmp_path, """customer_id,ts,touchpoint,channel
X,2026-05-01 10:00,ad_click,instagram
X,2026-05-01 10:01,website_visit,
X,2026-05-03 18:00,email_click,email
X,2026-05-03 18:05,order_placed,direct
Y,2026-05-02 10:00,instore_purchase,
""")
    r = paths(store, PathParams(period=Period(name="all")))
    touches = r.touches.set_index("channel")
    assert touches.first_touch.to_dict() == {"instagram": 1, "(none)": 1, "email": 0}
    assert touches.last_touch.to_dict() == {"instagram": 0, "(none)": 1, "email": 1}


def test_offline_share(weeks):
    o = paths(weeks, PathParams(period=WEEK)).offline
    assert (o.journeys, o.with_offline, o.buyers_with_offline, o.others_with_offline) == (8, 3, 3, 0)
    assert o.share == 3 / 8 and o.buyers_share == 3 / 4 and o.others_share == 0.0


def test_stage_paths_collapse_repeats(weeks):
    r = paths(weeks, PathParams(period=WEEK, level="stage"))
    assert variants(r.to_dropoff) == {"awareness > consideration > decision": 2, "awareness": 1,
                                      "consideration": 1}
    assert variants(r.to_goal) == {"purchase": 3, "consideration > purchase": 1}


def test_long_paths_keep_their_last_steps(store, tmp_path):
    load_events(store, tmp_path, """customer_id,ts,touchpoint
L,2026-05-01 10:00,ad_click
L,2026-05-01 10:01,website_visit
L,2026-05-01 10:02,menu_view
L,2026-05-01 10:03,product_view
L,2026-05-01 10:04,add_to_cart
L,2026-05-01 10:05,checkout_start
L,2026-05-01 10:06,order_placed
""")
    r = paths(store, PathParams(period=Period(name="all"), max_steps=3))
    assert r.to_goal.path.tolist() == ["... > add_to_cart > checkout_start > order_placed"]
    assert r.to_goal.steps.tolist() == [3]


def test_top_limits_the_variants_listed(weeks):
    r = paths(weeks, PathParams(period=WEEK, top=1))
    assert r.to_goal.path.tolist() == ["instore_purchase"]
    assert r.to_dropoff.path.tolist() == ["ad_click > product_view > add_to_cart"]  # ties: by name
    assert r.variants_to_dropoff == 4


def test_text_and_json(weeks):
    r = paths(weeks, PathParams(period=WEEK))
    text = r.to_text()
    assert "8 customers; 4 reached purchase, 4 did not." in text
    assert "Most common paths to purchase (of 4 customers, 3 different paths):" in text
    assert "        2  50.0%  instore_purchase" in text
    assert "Journeys with an offline touchpoint: 37.5% (3 of 8); buyers 75.0%, others 0.0%." in text
    data = json.loads(json.dumps(r.to_dict()))
    assert data["provenance"]["tool"] == "paths"
    assert data["offline"]["with_offline"] == 3
    frame = r.to_frame()
    assert set(frame.outcome) == {"converted", "did not convert"} and len(frame) == 7


def test_filters_and_empty_period(weeks):
    r = paths(weeks, PathParams(period=WEEK, filters=Filters(channel=["instagram"])))
    assert (r.started, r.converted) == (2, 1)  # A and D
    with pytest.raises(NoDataError, match="No customer started a journey"):
        paths(weeks, PathParams(period=Period(start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 2))))
    with pytest.raises(ValidationError):
        PathParams(max_steps=1)
    for name, spec in PathParams.model_fields.items():
        assert spec.description, name


@pytest.mark.realdata
def test_uci_session_paths_match_the_raw_csv(store):
    import pandas as pd
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe

    folder = external("online_shoppers_intention")
    ingest_recipe(store, REPO / "examples" / "uci_online_shoppers" / "recipe.toml", data_dir=folder)
    raw = pd.read_csv(folder / "online_shoppers_intention.csv", sep=";")
    r = paths(store, PathParams(period=Period(name="all"), top=4))
    # A session's path is the page types it saw, in the touchpoint map's order.
    pages = (raw.Administrative > 0).map({True: " > page_view", False: ""}) + \
        (raw.ProductRelated > 0).map({True: " > product_view", False: ""})
    path = "website_visit" + pages
    want_buy = (path[raw.Revenue] + " > purchase").value_counts()
    want_left = path[~raw.Revenue].value_counts()
    assert variants(r.to_goal) == want_buy.head(4).to_dict()
    assert variants(r.to_dropoff) == want_left.head(4).to_dict()
    assert (r.variants_to_goal, r.variants_to_dropoff) == (len(want_buy), len(want_left))
    assert r.offline.with_offline == 0  # web sessions only
    # The recipe gives every event of a session its traffic type as channel.
    firsts = r.touches.set_index("channel").first_touch
    want_first = raw[raw.Revenue].TrafficType.map(lambda t: f"traffic_type_{t}").value_counts()
    assert firsts.to_dict() == want_first.to_dict()


def test_a_brazilian_shop_reads_its_shares_with_a_decimal_comma(tmp_path):
    from tools.data.store import JourneyStore

    store = JourneyStore(None, timezone="Europe/London", profile={"currency": "BRL", "locale": "pt_BR"})
    load_events(store, tmp_path, WEEKS)
    text = paths(store, PathParams(period=WEEK)).to_text()
    store.close()
    assert "        2  50,0%  instore_purchase" in text
    assert "Journeys with an offline touchpoint: 37,5% (3 of 8); buyers 75,0%, others 0,0%." in text
