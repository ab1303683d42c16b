"""Drop-offs: lost customers by their last touchpoint or stage, against the period before,
hand-computed on two small weeks (tests/journey_fixtures.py, WEEKS)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from journey_fixtures import CUSTOMERS, WEEKS, load_customers, load_events
from pydantic import ValidationError

from tools.analytics.dropoffs import DropoffParams, dropoffs
from tools.analytics.filters import Filters
from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolInputError

WEEK = Period(start=dt.date(2026, 5, 8), end=dt.date(2026, 5, 14))


@pytest.fixture
def weeks(store, tmp_path):
    load_events(store, tmp_path, WEEKS)
    return store


def by_point(result, column="lost"):
    return dict(zip(result.points.point, result.points[column], strict=True))


def test_lost_customers_by_last_touchpoint_against_the_week_before(weeks):
    r = dropoffs(weeks, DropoffParams(period=WEEK))
    # Started: A B C D G H I K (E has only a delivery, F only an email the shop sent).
    c, p = r.current, r.previous
    assert (c.started, c.converted, c.lost) == (8, 4, 4)
    assert (p.started, p.converted, p.lost) == (4, 1, 3)  # P1 P2 P3 I
    assert r.points.point.tolist() == ["add_to_cart", "email_open", "website_visit", "product_view"]
    assert by_point(r) == {"add_to_cart": 2, "email_open": 1, "website_visit": 1, "product_view": 0}
    assert by_point(r, "lost_previous") == {"add_to_cart": 1, "email_open": 0, "website_visit": 0,
                                            "product_view": 2}
    assert by_point(r, "change") == {"add_to_cart": 1, "email_open": 1, "website_visit": 1,
                                     "product_view": -2}
    assert r.points.share_change.iloc[0] == pytest.approx(2 / 4 - 1 / 3)
    assert dict(zip(r.points.point, r.points.stage, strict=True))["add_to_cart"] == "decision"
    assert c.conversion == 0.5 and p.conversion == 0.25


def test_stage_level(weeks):
    r = dropoffs(weeks, DropoffParams(period=WEEK, level="stage"))
    assert by_point(r) == {"decision": 2, "awareness": 1, "consideration": 1}
    assert by_point(r, "lost_previous") == {"decision": 1, "awareness": 0, "consideration": 2}


def test_touchpoint_goal_counts_other_purchases_as_not_converting(weeks):
    r = dropoffs(weeks, DropoffParams(period=WEEK, goal_touchpoint="Order placed"))
    assert (r.current.started, r.current.converted, r.current.lost) == (8, 1, 7)
    # D and G bought in the shop, not online; K browsed after buying in the shop.
    assert by_point(r) == {"add_to_cart": 2, "instore_purchase": 2, "email_open": 1,
                           "product_view": 1, "website_visit": 1}
    assert "did not get to order_placed" in r.to_text()


def test_text_ranks_points_and_says_what_changed(weeks):
    text = dropoffs(weeks, DropoffParams(period=WEEK)).to_text()
    assert "8 customers took a step towards purchase; 4 reached it (goal rate 50.0%), 4 did not." in text
    assert "Before, previous 7 days (2026-05-01 to 2026-05-07): 4 started, 1 reached it (goal rate 25.0%)" in text
    assert "goal rate: of the customers who took a step towards purchase in the period, the share who reached it" in text
    assert "Most lost at add to cart: 2 customers (50.0% of those lost), +1 on the period before." in text
    rows = [line for line in text.splitlines() if line.startswith(("add to cart", "product view"))]
    assert rows[0].split() == ["add", "to", "cart", "decision", "2", "50.0%", "1", "+1", "+16.7", "pts"]
    assert rows[1].split() == ["product", "view", "consideration", "0", "0.0%", "2", "-2", "-66.7", "pts"]
    # H was last seen on the last evening: the last day of a 7-day period.
    assert "1 of the 4 lost customers was last seen in the last 1 day of the period" in text
    assert "starts before the data (2026-05-02), so its counts are partial" in text


def test_without_comparison_and_for_all_data(weeks):
    alone = dropoffs(weeks, DropoffParams(period=WEEK, compare=False))
    assert alone.previous is None and "lost_previous" not in alone.points
    assert "Before" not in alone.to_text()
    everything = dropoffs(weeks, DropoffParams(period=Period(name="all")))
    assert everything.previous is None
    # Over both weeks I converted (its product view came before its order).
    assert (everything.current.started, everything.current.converted) == (11, 5)


def test_this_month_is_compared_with_the_same_days_of_last_month(weeks):
    r = dropoffs(weeks, DropoffParams(period=Period(name="this_month")))
    assert r.provenance.period_label == "this month (2026-05-01 to 2026-05-14)"
    # the same days of April lie before the data: not a measured "0 started"
    assert r.previous is None
    assert any(n.startswith("not compared with the period before (the month before (2026-04-01 to 2026-04-14))")
               for n in r.provenance.notes)


def test_filters(weeks, tmp_path):
    load_customers(weeks, tmp_path, CUSTOMERS.replace("A,vip,Bristol", "A,vip,Bristol\nH,vip,Leeds"))
    r = dropoffs(weeks, DropoffParams(period=WEEK, filters=Filters(segment=["vip"])))
    assert (r.current.started, r.current.lost) == (3, 3)  # A, C and H
    assert by_point(r) == {"add_to_cart": 1, "email_open": 1, "website_visit": 1}
    insta = dropoffs(weeks, DropoffParams(period=WEEK, filters=Filters(channel=["instagram"])))
    assert (insta.current.started, insta.current.converted) == (2, 1)  # A, and D who bought
    # the answer says whose journeys it counts (funnel and paths share the line)
    assert "Customers: segment=vip" in r.to_text().splitlines()


def test_nobody_lost(store, tmp_path):
    load_events(store, tmp_path, "customer_id,ts,touchpoint\nX,2026-05-02 09:00,instore_visit\n"
                                 "X,2026-05-02 10:00,instore_purchase\n")
    r = dropoffs(store, DropoffParams(period=Period(name="all")))
    assert r.points.empty and r.current.converted == 1
    assert "Nobody was lost" in r.to_text()


def test_data_with_nothing_before_the_goal_is_not_nobody_lost(store, tmp_path):
    # An export that starts at the sale: nobody can be seen leaving, so nobody is said to have.
    load_events(store, tmp_path, "customer_id,ts,touchpoint\nX,2026-05-02 10:00,instore_purchase\n"
                                 "X,2026-05-04 10:00,delivery\n")
    with pytest.raises(NoDataError, match="no events before it .its events are at purchase, post-purchase"):
        dropoffs(store, DropoffParams(period=Period(name="all")))
    assert dropoffs(store, DropoffParams(period=Period(name="all"), goal_stage="post-purchase")).current.converted == 1


def test_empty_period_and_bad_goals(weeks):
    with pytest.raises(NoDataError, match=r"Custom period \(2026-06-01 to 2026-06-07\) holds no data: it starts "
                                          r"after the last event \(2026-05-14\)"):
        dropoffs(weeks, DropoffParams(period=Period(start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 7))))
    with pytest.raises(ToolInputError, match="Unknown touchpoint 'teleport'"):
        dropoffs(weeks, DropoffParams(goal_touchpoint="teleport"))
    with pytest.raises(ToolInputError, match="cannot be awareness"):
        dropoffs(weeks, DropoffParams(goal_stage="awareness"))
    with pytest.raises(ValidationError):
        DropoffParams(level="session")
    for name, spec in DropoffParams.model_fields.items():
        assert spec.description, name


def test_result_renders_as_json_with_provenance(weeks):
    r = dropoffs(weeks, DropoffParams(period=WEEK))
    data = json.loads(json.dumps(r.to_dict()))
    assert data["provenance"]["tool"] == "dropoffs"
    # Both weeks, journey events only: 26 rows less E's delivery and the two email sends.
    assert data["provenance"]["row_counts"] == {"events": 23}
    assert data["current"]["lost"] == 4
    assert list(r.to_frame().columns) == ["point", "stage", "lost", "share", "lost_previous",
                                          "share_previous", "change", "share_change"]


@pytest.mark.realdata
def test_uci_sessions_without_purchase_by_their_last_page_type(store):
    import pandas as pd
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe

    folder = external("online_shoppers_intention")
    ingest_recipe(store, REPO / "examples" / "uci_online_shoppers" / "recipe.toml", data_dir=folder)
    raw = pd.read_csv(folder / "online_shoppers_intention.csv", sep=";")
    r = dropoffs(store, DropoffParams(period=Period(name="all")))
    assert (r.current.started, r.current.converted) == (len(raw), int(raw.Revenue.sum()))
    # A session is dated once, so its events tie; the touchpoint map orders a visit, then
    # account pages, then product pages: the last is the deepest page type the session saw.
    lost = raw[~raw.Revenue]
    want = {
        "product_view": int((lost.ProductRelated > 0).sum()),
        "page_view": int(((lost.ProductRelated == 0) & (lost.Administrative > 0)).sum()),
        "website_visit": int(((lost.ProductRelated == 0) & (lost.Administrative == 0)).sum()),
    }
    assert by_point(r) == want
    assert sum(want.values()) == r.current.lost == 10422


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    folder = tmp_path_factory.mktemp("sample")
    generate_sample(folder, SampleSpec(events=100_000))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    incidents = {i["id"]: i for i in json.loads((folder / "incidents.json").read_text())}
    yield store, incidents
    store.close()


def test_the_planted_checkout_breakage_shows_as_a_new_drop_off_point(sample_store):
    from tools.analytics.funnel import FunnelParams, funnel

    store, incidents = sample_store
    week = incidents["checkout_breakage"]
    period = Period(start=dt.date.fromisoformat(week["start"]), end=dt.date.fromisoformat(week["end"]))
    r = dropoffs(store, DropoffParams(period=period, goal_touchpoint="order_placed"))
    checkout = r.points.set_index("point").loc["checkout_start"]
    # Shoppers still reach checkout but most payments fail: far more are lost right there.
    assert checkout.lost >= 3 * checkout.lost_previous
    assert checkout.change == r.points[r.points.stage == "decision"].change.max()
    assert r.current.conversion < 0.6 * r.previous.conversion
    # The same week as a two-step funnel: checkout to order, within a day.
    steps = ["checkout_start", "order_placed"]
    during = funnel(store, FunnelParams(touchpoints=steps, period=period, window_days=1, skips="stop"))
    before = funnel(store, FunnelParams(touchpoints=steps, window_days=1, skips="stop", period=Period(
        start=period.start - dt.timedelta(days=7), end=period.end - dt.timedelta(days=7))))
    observed = week["observed"]
    assert during.overall_conversion == pytest.approx(observed["order_placed_per_checkout_start_during"], abs=0.1)
    assert before.overall_conversion == pytest.approx(
        observed["order_placed_per_checkout_start_4_weeks_around"], abs=0.1)
    assert during.biggest_drop.to_step == "order_placed"


def test_recently_lost_customers_are_counted_in_business_time(store, tmp_path):
    # The last day of 8-14 May starts at 00:00 BST, which is 23:00 UTC on the 13th.
    load_events(store, tmp_path, """customer_id,ts,touchpoint
EARLY,2026-05-13T22:30:00+00:00,product_view
LATE,2026-05-13T23:30:00+00:00,product_view
""")
    r = dropoffs(store, DropoffParams(period=WEEK, compare=False))
    assert (r.current.lost, r.current.recent) == (2, 1)


def test_dates_before_1970_are_handled_like_any_other(store, tmp_path):
    load_events(store, tmp_path, """customer_id,ts,touchpoint
OLD,1969-12-30 10:00,ad_click
OLD,1969-12-31 12:00,add_to_cart
""")
    r = dropoffs(store, DropoffParams(period=Period(start=dt.date(1969, 12, 25), end=dt.date(1969, 12, 31))))
    assert by_point(r) == {"add_to_cart": 1}
    assert (r.current.lost, r.current.recent) == (1, 1)


def test_a_period_before_the_data_says_so_not_0_started(weeks):
    """The events start on 2 May. Asked about 20 April to 3 May, the answer said "Before, previous
    14 days: 0 started, 0 reached it" and "+1 on the period before" for each point: a quiet
    fortnight that was never measured. Asked about April, it said nobody started a journey."""
    r = dropoffs(weeks, DropoffParams(period=Period(start=dt.date(2026, 4, 20), end=dt.date(2026, 5, 3))))
    # P1 (ad click, product view) and P2 (search, visit, add to cart), by hand from WEEKS
    assert (r.current.started, r.current.converted, r.current.lost) == (2, 0, 2)
    assert r.previous is None
    text = r.to_text()
    assert "0 started" not in text and "on the period before" not in text
    assert "not compared with the period before (previous 14 days (2026-04-06 to 2026-04-19)): it lies " \
           "before the data starts (2026-05-02)" in text
    assert "the period starts before the data (2026-05-02)" in text
    with pytest.raises(NoDataError) as err:
        dropoffs(weeks, DropoffParams(period=Period(start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 30))))
    assert "holds no data: it ends before the events start (2026-05-02); the events cover 2026-05-02 to " \
           "2026-05-14" in str(err.value)


def test_a_brazilian_shop_reads_its_shares_with_a_decimal_comma(tmp_path):
    from tools.data.store import JourneyStore

    # The same two weeks for a shop whose profile writes numbers the Brazilian way: the
    # drop-off answer follows the locale as trend and time_pattern do (it printed 50.0%).
    store = JourneyStore(None, timezone="Europe/London", profile={"currency": "BRL", "locale": "pt_BR"})
    load_events(store, tmp_path, WEEKS)
    text = dropoffs(store, DropoffParams(period=WEEK)).to_text()
    store.close()
    assert "8 customers took a step towards purchase; 4 reached it (goal rate 50,0%), 4 did not." in text
    assert "(goal rate 25,0%)" in text
    assert "Most lost at add to cart: 2 customers (50,0% of those lost), +1 on the period before." in text
    rows = [line for line in text.splitlines() if line.startswith("add to cart")]
    assert rows[0].split() == ["add", "to", "cart", "decision", "2", "50,0%", "1", "+1", "+16,7", "pts"]
