"""Funnel: hand-computed counts, conversions and step times on small journeys, every edge case
the rules in docs/METRICS.md name, and a cross-check against a plain Python loop."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from journey_fixtures import SHOP, insert_events, load_customers, load_events
from pydantic import ValidationError

from tools.analytics.filters import Filters
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolInputError

MAY = Period(start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 31))
TO_PURCHASE = ["awareness", "consideration", "decision", "purchase"]
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def shop(store, tmp_path):
    load_events(store, tmp_path, SHOP)
    return store


def counts(result) -> list[int]:
    return result.steps.customers.tolist()


def test_stage_funnel_counts_conversions_and_times(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY))
    # A, B, C, D aware; A, B, D consider; A decides; B's walk-in purchase passes decision.
    assert counts(r) == [4, 3, 2, 2]
    assert r.steps.step_conversion.round(4).tolist() == [1.0, 0.75, 0.6667, 1.0]
    assert r.steps.overall_conversion.tolist() == [1.0, 0.75, 0.5, 0.5]
    assert r.steps.lost.tolist() == [0, 1, 1, 0]
    assert (r.entered, r.completed, r.overall_conversion) == (4, 2, 0.5)
    # Days from the step before: consideration A 1, B 3, D 1; decision A 1, B 30 min;
    # purchase A 2 h, B 0 (the same walk-in purchase event).
    cons, dec, pur = r.steps.iloc[1], r.steps.iloc[2], r.steps.iloc[3]
    assert cons.median_days == 1.0 and cons.p90_days == pytest.approx(2.6)  # 1 + 0.8 * (3 - 1)
    assert dec.median_days == pytest.approx((1 + 0.5 / 24) / 2)
    assert pur.median_days == pytest.approx(1 / 24)
    assert r.steps.via_later_step.tolist() == [0, 0, 1, 0]  # B at decision
    assert r.biggest_drop is not None
    assert (r.biggest_drop.from_step, r.biggest_drop.to_step, r.biggest_drop.lost) == (
        "consideration", "decision", 1)


def test_stop_mode_needs_an_event_at_every_step(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, skips="stop"))
    assert counts(r) == [4, 3, 1, 1]
    assert r.biggest_drop.to_step == "decision" and r.biggest_drop.lost == 2
    assert r.steps.via_later_step.sum() == 0


def test_text_reads_like_a_report(shop):
    text = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY)).to_text()
    assert "4 customers entered at awareness" in text
    assert "Funnel conversion: 50.0% (2 of 4 reached purchase within 30 days)." in text
    assert "Biggest drop-off: consideration > decision: 33.3% lost (1 customer)." in text
    lines = text.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("step"))
    table = lines[header:header + 5]
    # Numbers are right-aligned: every row ends at the same column.
    assert len({len(line) for line in table[1:]}) == 1
    assert "decision 1" in text  # the note on steps passed through
    assert "go-on rate: of the customers who reached a step, the share who went on to the next within 30 days" in text


def test_events_out_of_order_in_the_file_give_the_same_funnel(store, tmp_path):
    header, *rows = SHOP.strip().splitlines()
    load_events(store, tmp_path, "\n".join([header, *reversed(rows)]) + "\n")
    assert counts(funnel(store, FunnelParams(stages=TO_PURCHASE, period=MAY))) == [4, 3, 2, 2]


def test_repeated_stages_count_the_customer_once_from_the_first_entry(store, tmp_path):
    load_events(store, tmp_path, """customer_id,ts,touchpoint
R,2026-05-01 10:00,ad_click
R,2026-05-02 10:00,email_open
R,2026-05-03 10:00,product_view
R,2026-05-04 10:00,product_view
R,2026-05-05 10:00,ad_click
R,2026-05-06 10:00,order_placed
""")
    r = funnel(store, FunnelParams(stages=["awareness", "consideration", "purchase"], period=MAY))
    assert counts(r) == [1, 1, 1]
    assert r.steps.median_days.tolist()[1:] == [2.0, 3.0]  # from the first ad_click, first view


def test_steps_before_entering_do_not_count(store, tmp_path):
    load_events(store, tmp_path, """customer_id,ts,touchpoint
P,2026-05-01 10:00,order_placed
P,2026-05-02 10:00,ad_click
""")
    r = funnel(store, FunnelParams(stages=["awareness", "purchase"], period=MAY))
    assert counts(r) == [1, 0]
    assert r.biggest_drop.lost == 1


def test_same_timestamp_counts_as_in_order(store, tmp_path):
    # Exports that date a whole session once (the UCI data dates by month).
    load_events(store, tmp_path, """customer_id,ts,touchpoint
S,2026-05-01 00:00,purchase
S,2026-05-01 00:00,product_view
S,2026-05-01 00:00,website_visit
""")
    for skips in ("stop", "pass_through"):
        r = funnel(store, FunnelParams(touchpoints=["website_visit", "product_view", "purchase"],
                                       period=MAY, skips=skips))
        assert counts(r) == [1, 1, 1]
        assert r.steps.median_days.tolist()[1:] == [0.0, 0.0]


def test_window_is_elapsed_time_from_entering_across_a_clock_change(store, tmp_path):
    # Clocks go forward on 29 March 2026: 30 days after 1 March 12:00 GMT is 31 March 13:00 BST.
    load_events(store, tmp_path, """customer_id,ts,touchpoint
IN,2026-03-01T12:00:00+00:00,ad_click
IN,2026-03-31T12:59:00+01:00,order_placed
OUT,2026-03-01T12:00:00+00:00,ad_click
OUT,2026-03-31T13:01:00+01:00,order_placed
""")
    r = funnel(store, FunnelParams(stages=["awareness", "purchase"],
                                   period=Period(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 1))))
    assert counts(r) == [2, 1]
    assert r.steps.median_days.iloc[1] == pytest.approx(30 - 1 / 24 / 60)


def test_later_steps_may_fall_after_the_period_within_the_window(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE,
                                  period=Period(start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 1))))
    assert counts(r) == [2, 2, 2, 2]  # A and B entered on 1 May, bought on 3 and 4 May
    short = funnel(shop, FunnelParams(stages=TO_PURCHASE, window_days=2,
                                      period=Period(start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 1))))
    # B's visit on 4 May is after the 2-day window; A's cart exactly 2 days after entering
    # counts (the window includes its end), A's order 2 hours later does not.
    assert counts(short) == [2, 1, 1, 0]


def test_period_days_are_business_days_in_the_business_time_zone(store, tmp_path):
    # 23:30 on 31 May in London is in May; 23:30 UTC on 31 May is 00:30 on 1 June in London.
    load_events(store, tmp_path, """customer_id,ts,touchpoint
MAYBST,2026-05-31T23:30:00+01:00,ad_click
JUNE,2026-05-31T23:30:00+00:00,ad_click
""")
    r = funnel(store, FunnelParams(stages=["awareness", "purchase"], period=MAY))
    assert r.entered == 1
    assert r.provenance.period_label == "custom period (2026-05-01 to 2026-05-31)"
    assert r.provenance.period_start.isoformat() == "2026-05-01T00:00:00+01:00"


def test_empty_period_says_what_is_missing(shop):
    with pytest.raises(NoDataError, match=r"nobody had a 'awareness' stage event in custom period "
                                          r"\(2026-06-01 to 2026-06-30\).*cover 2026-05-01 to 2026-05-07"):
        funnel(shop, FunnelParams(period=Period(start=dt.date(2026, 6, 1), end=dt.date(2026, 6, 30))))


def test_no_events_at_all(store):
    with pytest.raises(NoDataError, match="No journey events are loaded"):
        funnel(store, FunnelParams())


def test_one_customer(store, tmp_path):
    load_events(store, tmp_path, "customer_id,ts,touchpoint\nX,2026-05-02 10:00,ad_click\n")
    r = funnel(store, FunnelParams(stages=TO_PURCHASE, period=Period(name="all")))
    assert counts(r) == [1, 0, 0, 0]
    assert r.overall_conversion == 0.0
    assert r.biggest_drop.from_step == "awareness"
    assert any("only 1 customer entered" in n for n in r.provenance.notes)
    assert "Funnel conversion: 0.0% (0 of 1 reached purchase within 30 days)." in r.to_text()


def test_relative_periods_end_on_the_last_day_of_data(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=Period(name="last_7_days")))
    assert r.provenance.period_label == "last 7 days (2026-05-01 to 2026-05-07)"
    assert r.entered == 4
    # Everyone entered less than 30 days before the data ends.
    assert any("4 of 4 customers entered less than 30 days" in n for n in r.provenance.notes)


def test_touchpoint_funnel(shop):
    r = funnel(shop, FunnelParams(touchpoints=["Ad click", "product-view", "order_placed"], period=MAY))
    assert r.kind == "touchpoint"
    assert r.step_names == ("ad_click", "product_view", "order_placed")
    assert counts(r) == [2, 2, 1]


def test_filters_select_customers_by_first_touch_and_crm(shop, tmp_path):
    load_customers(shop, tmp_path)
    by_channel = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY,
                                           filters=Filters(channel=["Instagram"])))
    assert counts(by_channel) == [2, 2, 1, 1]  # A and D
    assert by_channel.provenance.filters == {"channel": ["instagram"]}
    vip = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, filters=Filters(segment=["VIP"])))
    assert counts(vip) == [2, 1, 1, 1]  # A and C; D is in no CRM segment
    with pytest.raises(ToolInputError, match="Unknown first-touch channel 'tiktok'; known values: "):
        funnel(shop, FunnelParams(filters=Filters(channel=["tiktok"])))


def test_typed_rows_and_the_frames_made_from_them_agree(shop, tmp_path):
    """The text reads FunnelResult's rows; charts and the agent read the frames made from them on
    first use: same numbers, the column types they always had, and --json under the old names."""
    load_customers(shop, tmp_path)
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, by="channel"))
    assert [s.customers for s in r.step_rows] == counts(r) == [4, 3, 2, 2]
    assert str(r.steps.customers.dtype) == "int64" and str(r.steps.step_conversion.dtype) == "float64"
    assert list(r.steps.columns) == ["step", "name", "customers", "step_conversion", "overall_conversion",
                                     "lost", "median_days", "p90_days", "via_later_step"]
    # Largest group first, ties by name (email and search have one customer each).
    assert [g.group for g in r.group_rows] == r.group_summary.group.tolist() == ["instagram", "email", "search"]
    assert list(r.groups.columns)[:2] == ["group", "step"] and len(r.groups) == 3 * 4
    data = r.to_dict()
    assert {"steps", "groups", "group_summary"} <= set(data) and "step_rows" not in data
    assert [s["customers"] for s in data["steps"]] == [4, 3, 2, 2]
    assert data["groups"][0]["group"] == r.groups.group.iloc[0]
    assert data["group_summary"][0] == {"group": "instagram", "entered": 2, "completed": 1, "overall_conversion": 0.5,
                                        "biggest_drop": r.group_rows[0].biggest_drop,
                                        "drop_lost_share": r.group_rows[0].drop_lost_share}


def test_breakdown_by_channel_and_segment(shop, tmp_path):
    load_customers(shop, tmp_path)
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, by="channel"))
    summary = r.group_summary.set_index("group")
    assert summary.entered.to_dict() == {"instagram": 2, "email": 1, "search": 1}
    assert summary.completed.to_dict() == {"instagram": 1, "email": 1, "search": 0}
    assert summary.loc["search", "biggest_drop"] == "awareness > consideration"
    insta = r.groups[r.groups.group == "instagram"]
    assert insta.customers.tolist() == [2, 2, 1, 1]
    # The groups add up to the whole.
    assert r.groups.groupby("step").customers.sum().tolist() == counts(r)
    seg = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, by="segment"))
    assert seg.group_summary.set_index("group").entered.to_dict() == {
        "vip": 2, "(unknown)": 1, "loyalty": 1}
    text = seg.to_text()
    assert "By segment (CRM):" in text and "(no segment)" in text and "(unknown)" not in text
    frame = seg.to_frame()
    assert set(frame.group) == {"all customers", "vip", "(unknown)", "loyalty"}


def test_breakdown_text_shows_the_largest_groups(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, by="channel", max_groups=1))
    assert "instagram" in r.to_text() and "2 smaller groups not shown" in r.to_text()
    assert len(r.group_summary) == 3


def test_result_is_json_ready_with_provenance(shop):
    r = funnel(shop, FunnelParams(stages=TO_PURCHASE, period=MAY, by="channel"))
    data = json.loads(json.dumps(r.to_dict()))
    assert data["provenance"]["tool"] == "funnel"
    assert data["provenance"]["params"]["stages"] == TO_PURCHASE
    assert data["provenance"]["row_counts"] == {"events": 10}
    assert data["steps"][0]["median_days"] is None
    assert "later step also passes" in data["provenance"]["definition"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"stages": ["purchase", "awareness"]}, "Stages must be in journey order"),
        ({"stages": ["awareness", "awareness"]}, "listed twice"),
        ({"touchpoints": ["ad_click", "teleport"]}, "Unknown touchpoint 'teleport'; touchpoints in the data: "),
        ({"stages": ["awareness", "purchase"], "touchpoints": ["ad_click", "order_placed"]}, "not both"),
    ],
)
def test_bad_steps_are_refused_with_the_valid_values(shop, params, message):
    with pytest.raises(ToolInputError, match=message):
        funnel(shop, FunnelParams(**params))


def test_params_are_validated_before_anything_runs():
    with pytest.raises(ValidationError):
        FunnelParams(window_days=0)
    with pytest.raises(ValidationError):
        FunnelParams(stages=["awareness", "checkout"])
    with pytest.raises(ValidationError):
        FunnelParams(stages=["awareness"])  # a funnel needs two steps
    with pytest.raises(ValidationError):
        FunnelParams(conversion="30d")  # unknown argument
    for name, spec in FunnelParams.model_fields.items():
        assert spec.description, name


def test_persona_breakdown_without_personas_says_so(shop):
    with pytest.raises(ToolInputError, match="No personas are saved yet"):
        funnel(shop, FunnelParams(by="persona", period=MAY))


# -- the same numbers from a plain Python loop ------------------------------------------------

STEP_TOUCHPOINTS = ["ad_click", "product_view", "add_to_cart", "order_placed"]  # one per stage
BASE = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)


def reference(events, n_steps, p0, p1, window, skips):
    """The funnel rules written as a loop over each customer's events, following the chain
    step by step (the SQL takes a shortcut for pass-through; both must agree)."""
    by_customer: dict[str, list[tuple[dt.datetime, int]]] = {}
    for c, ts, tp, _ch in events:
        by_customer.setdefault(c, []).append((ts, STEP_TOUCHPOINTS.index(tp) + 1))
    reached = [0] * n_steps
    gaps: list[list[float]] = [[] for _ in range(n_steps)]
    for evs in by_customer.values():
        entries = [t for t, s in evs if s == 1 and p0 <= t < p1]
        if not entries:
            continue
        t1 = prev = min(entries)
        reached[0] += 1
        for k in range(2, n_steps + 1):
            ok = [t for t, s in evs
                  if (s == k or (skips == "pass_through" and k < s <= n_steps))
                  and prev <= t <= t1 + window]
            if not ok:
                break
            t = min(ok)
            reached[k - 1] += 1
            gaps[k - 1].append((t - prev) / dt.timedelta(days=1))
            prev = t
    return reached, gaps


def quantile(values, q):
    values = sorted(values)
    pos = q * (len(values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (pos - lo) * (values[hi] - values[lo])


events_strategy = st.lists(
    st.tuples(
        st.sampled_from(["c1", "c2", "c3"]),
        # Whole days (and a few half days) over six weeks, so that ties with the entry and events
        # exactly at the end of the window, both common in exports, come up often.
        st.integers(min_value=0, max_value=84).map(lambda h: BASE + dt.timedelta(hours=12 * h))
        | st.integers(min_value=0, max_value=30).map(lambda d: BASE + dt.timedelta(days=d)),
        st.sampled_from(STEP_TOUCHPOINTS),
        st.sampled_from(["instagram", "search", None]),
    ),
    min_size=1, max_size=40,
)


def day(d: float) -> dt.datetime:
    return BASE + dt.timedelta(days=d)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    events=events_strategy,
    n_steps=st.integers(min_value=2, max_value=4),
    first_day=st.integers(min_value=0, max_value=14),
    days=st.integers(min_value=1, max_value=30),
    window=st.integers(min_value=1, max_value=20),
    skips=st.sampled_from(["pass_through", "stop"]),
)
@example(  # a later step at the very moment of entering
    events=[("c1", day(1), "ad_click", None), ("c1", day(1), "product_view", None)],
    n_steps=2, first_day=0, days=5, window=5, skips="pass_through")
@example(  # the last moment of the window
    events=[("c1", day(1), "ad_click", None), ("c1", day(6), "product_view", None)],
    n_steps=2, first_day=0, days=5, window=5, skips="pass_through")
@example(  # step 3 before step 2: in order only from step 2 on
    events=[("c1", day(1), "ad_click", None), ("c1", day(2), "add_to_cart", None),
            ("c1", day(3), "product_view", None)],
    n_steps=3, first_day=0, days=5, window=9, skips="stop")
@example(  # pass-through: a later step's event passes the skipped step
    events=[("c1", day(1), "ad_click", None), ("c1", day(2), "add_to_cart", None)],
    n_steps=3, first_day=0, days=5, window=5, skips="pass_through")
@example(  # the window runs from entering, not from the step before
    events=[("c1", day(1), "ad_click", None), ("c1", day(4), "product_view", None),
            ("c1", day(7), "add_to_cart", None)],
    n_steps=3, first_day=0, days=5, window=5, skips="stop")
def test_funnel_matches_a_plain_loop(store, events, n_steps, first_day, days, window, skips):
    insert_events(store, events)
    start = dt.date(2026, 5, 1) + dt.timedelta(days=first_day)
    end = start + dt.timedelta(days=days - 1)
    p0 = dt.datetime.combine(start, dt.time(), tzinfo=LONDON)
    p1 = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=LONDON)
    expected, gaps = reference(events, n_steps, p0, p1, dt.timedelta(days=window), skips)
    params = FunnelParams(touchpoints=STEP_TOUCHPOINTS[:n_steps], period=Period(start=start, end=end),
                          window_days=window, skips=skips)
    if expected[0] == 0:
        with pytest.raises(NoDataError):
            funnel(store, params)
        return
    r = funnel(store, params)
    assert counts(r) == expected
    for k in range(2, n_steps + 1):
        row = r.steps.iloc[k - 1]
        if gaps[k - 1]:
            assert row.median_days == pytest.approx(quantile(gaps[k - 1], 0.5), abs=1e-9)
            assert row.p90_days == pytest.approx(quantile(gaps[k - 1], 0.9), abs=1e-9)
        else:
            assert row.customers == 0


# -- real data: figures computed independently from the raw files ---------------------------


@pytest.mark.realdata
def test_uci_session_funnel_matches_the_raw_csv(store):
    import pandas as pd
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe

    folder = external("online_shoppers_intention")
    ingest_recipe(store, REPO / "examples" / "uci_online_shoppers" / "recipe.toml", data_dir=folder)
    raw = pd.read_csv(folder / "online_shoppers_intention.csv", sep=";")
    viewed = raw.ProductRelated > 0
    steps = ["website_visit", "product_view", "purchase"]
    # Every session is a visitor with its events dated on the first of its month: all at one
    # moment, so order comes from the steps alone.
    strict = funnel(store, FunnelParams(touchpoints=steps, period=Period(name="all"), skips="stop"))
    assert counts(strict) == [len(raw), int(viewed.sum()), int((viewed & raw.Revenue).sum())]
    assert counts(strict) == [12330, 12292, 1902]  # 6 buying sessions saw no product page
    passing = funnel(store, FunnelParams(touchpoints=steps, period=Period(name="all")))
    assert counts(passing) == [len(raw), int((viewed | raw.Revenue).sum()), int(raw.Revenue.sum())]
    assert passing.steps.median_days.iloc[1:].tolist() == [0.0, 0.0]
    # One month, broken down by traffic type (the recipe's channel).
    may = funnel(store, FunnelParams(touchpoints=steps, skips="stop", by="channel",
                                     period=Period(start=dt.date(2017, 5, 1), end=dt.date(2017, 5, 31))))
    in_may = raw[raw.Month == "May"]
    assert may.entered == len(in_may) == 3364
    got = may.group_summary.set_index("group")
    want = in_may.groupby("TrafficType").agg(
        entered=("Revenue", "size"),
        completed=("Revenue", lambda s: int((s & (in_may.loc[s.index, "ProductRelated"] > 0)).sum())))
    want.index = [f"traffic_type_{t}" for t in want.index]
    assert got.entered.to_dict() == want.entered.to_dict()
    assert got.completed.to_dict() == want.completed.to_dict()


@pytest.mark.realdata
def test_olist_order_delivery_review_funnel_and_delivery_times(store):
    import pandas as pd
    from conftest import REPO, external

    from tools.data.ingest import ingest_recipe

    folder = external("olist_sample")
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=folder)
    people = pd.read_csv(folder / "olist_customers_dataset.csv")[["customer_id", "customer_unique_id"]]
    orders = pd.read_csv(folder / "olist_orders_dataset.csv").merge(people, on="customer_id")
    reviews = pd.read_csv(folder / "olist_order_reviews_dataset.csv").merge(
        orders[["order_id", "customer_unique_id"]], on="order_id")

    def local(col: pd.Series) -> pd.Series:
        return pd.to_datetime(col).dt.tz_localize("America/Sao_Paulo", nonexistent="shift_forward",
                                                  ambiguous=False)

    window = pd.Timedelta(days=60)
    who = "customer_unique_id"
    placed = pd.DataFrame({who: orders[who], "t": local(orders.order_purchase_timestamp)})
    delivered = pd.DataFrame({who: orders[who], "t": local(orders.order_delivered_customer_date)}).dropna()
    answered = pd.DataFrame({who: reviews[who], "t": local(reviews.review_answer_timestamp)})
    # The rules by hand, with merges: entry at the first order, then each step's first event
    # at or after the step before and within 60 days of the first order.
    t1 = placed.groupby(who).t.min().rename("t1").reset_index()
    d = delivered.merge(t1, on=who)
    t2 = d[(d.t >= d.t1) & (d.t <= d.t1 + window)].groupby(who).agg(t1=("t1", "first"), t2=("t", "min"))
    r = answered.merge(t2.reset_index(), on=who)
    t3 = r[(r.t >= r.t2) & (r.t <= r.t1 + window)].groupby(who).t.min()

    result = funnel(store, FunnelParams(touchpoints=["order_placed", "delivery", "survey_response"],
                                        period=Period(name="all"), window_days=60, skips="stop"))
    assert counts(result) == [len(t1), len(t2), len(t3)]
    delivery_days = (t2.t2 - t2.t1) / pd.Timedelta(days=1)
    assert result.steps.median_days.iloc[1] == pytest.approx(delivery_days.median(), abs=1e-6)
    assert result.steps.p90_days.iloc[1] == pytest.approx(delivery_days.quantile(0.9), abs=1e-6)
    assert 5 < result.steps.median_days.iloc[1] < 15  # Olist deliveries take one to two weeks


def test_a_breakdown_names_its_highest_and_lowest_groups_of_enough_customers(store, tmp_path):
    """"Which traffic source converts best?" showed a table ordered by size and named no group;
    the answer now names the highest and lowest conversion among groups of 30 or more entrants,
    so 5 customers who all bought do not top it."""
    from kpi_fixtures import load

    rows = []
    for channel, entered, bought in (("search", 40, 20), ("instagram", 35, 7), ("email", 5, 5)):
        for i in range(entered):
            cid = f"{channel}-{i}"
            rows.append(f"{cid},2026-05-04 10:00,product_view,{channel}")
            if i < bought:
                rows.append(f"{cid},2026-05-04 10:05,purchase,{channel}")
    load(store, tmp_path / "f", {"events": "customer_id,ts,touchpoint,channel\n" + "\n".join(rows) + "\n"})
    r = funnel(store, FunnelParams(stages=["consideration", "purchase"], period=MAY, by="channel"))
    text = r.to_text()
    assert ("Highest funnel conversion: search, 50.0% (20 of 40); lowest: instagram, 20.0% (7 of 35); "
            "of the 2 first-touch channels with 30 or more entrants; 1 smaller group left out.") in text
