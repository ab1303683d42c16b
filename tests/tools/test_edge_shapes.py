"""Stores shaped unlike the sample (one day of orders, every order refunded, refund rows in a till
export, anonymous web visits): what the owner reads is what the data holds, never a zero that
means "no data", and a refused file says how to load it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from kpi_fixtures import T0, store_with

from tools.analytics.periods import Period
from tools.analytics.trends import TrendParams, trend
from tools.core.errors import IngestError
from tools.data.ingest import Load, ingest_loads
from tools.data.mapping import Mapping


def test_weeks_before_a_store_of_one_hour_are_not_listed_and_make_no_jump():
    day = T0.date() + dt.timedelta(days=55)
    hours = (day - T0.date()).days * 24 + 10
    store = store_with([(1, hours, 20.0, "completed"), (2, hours + 1, 30.0, "completed")], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=day - dt.timedelta(days=55), end=day)))
    finally:
        store.close()
    # the data covers an hour of the 8 weeks: the empty weeks before it are not listed as if
    # they were points, and the answer says what the data covers
    assert list(res.series["bucket"]) == [day - dt.timedelta(days=day.weekday())]
    text = res.to_text()
    assert "covers only 60 minutes" in text and "not over 56 days" in text
    assert "£0.00" not in text
    assert "better" not in text and "on the week before" not in text
    assert f"the data starts on {day}" in text
    assert res.latest == 50.0 and res.previous is None


def test_a_week_without_orders_inside_the_data_is_still_zero():
    store = store_with([(1, 10, 20.0, "completed"), (1, 24 * 20, 30.0, "completed")], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=20))))
    finally:
        store.close()
    middle = res.series.iloc[1:-1]
    assert (middle["value"] == 0).all() and not pd.isna(middle["value"]).any()
    assert "the data starts" not in res.to_text()


def test_a_trend_of_refunded_orders_says_none_were_completed():
    store = store_with([(c, 24 * d, 30.0, "returned") for c, d in ((1, 1), (2, 8), (3, 15))], [])
    try:
        res = trend(store, TrendParams(metric="revenue", grain="week",
                                       period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=20))))
    finally:
        store.close()
    assert "0 completed orders (plus 3 returned" in res.to_text()


def _refused(store, path, mapping) -> str:
    with pytest.raises(IngestError) as err:
        ingest_loads(store, [Load(path, mapping)])
    return str(err.value)


def test_a_till_export_with_refund_rows_is_told_how_to_load_it(store, tmp_path):
    path = tmp_path / "till.csv"
    path.write_text("Order No,Client,Date,Total\nT1,C1,2026-12-01 10:00,20\nT2,C1,2026-12-02 10:00,-20\n"
                    "T3,C2,2026-12-02 11:00,30\nT4,C2,2026-12-03 11:00,-5\n")
    columns = {"order_id": "Order No", "customer_id": "Client", "ts": "Date", "amount": "Total"}
    text = _refused(store, path, Mapping(table="orders", columns=columns, unknown_customers="create"))
    assert "got '-20'" in text
    assert text.count('where_not = { "Total" = "<0" }') == 1
    # ... and the mapping it suggests loads the sales.
    ingest_loads(store, [Load(path, Mapping(table="orders", columns=columns, unknown_customers="create",
                                            where_not={"Total": "<0"}))])
    with store.connect() as con:
        assert con.execute("SELECT count(*), sum(amount) FROM orders").fetchone() == (2, 50.0)


def test_web_events_without_a_visitor_id_are_told_how_to_load_them(store, tmp_path):
    path = tmp_path / "web.csv"
    path.write_text("Visitor,Timestamp,Page\nV1,2026-12-01 10:00,product_view\n,2026-12-01 10:05,product_view\n")
    columns = {"customer_id": "Visitor", "ts": "Timestamp", "touchpoint": "Page"}
    text = _refused(store, path, Mapping(table="events", columns=columns))
    assert "column 'Visitor': a required value is empty" in text
    assert 'skip_missing = ["customer_id"]' in text and "session id" in text
    ingest_loads(store, [Load(path, Mapping(table="events", columns=columns, skip_missing=["customer_id"]))])
    with store.connect() as con:
        assert con.execute("SELECT count(*) FROM events").fetchone() == (1,)


def test_personas_of_a_till_export_say_their_visits_are_not_known(store, tmp_path):
    from kpi_fixtures import load

    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams

    rows = "\n".join(f"O{i},C{i % 9},2026-0{1 + i % 5}-{10 + i % 17} 1{i % 9}:00,{5 + (i * 13) % 60}"
                     for i in range(60))
    load(store, tmp_path / "till", {"orders": "order_id,customer_id,ts,amount\n" + rows + "\n"})
    text = draft_personas(store, DraftPersonasParams(segments=2), conversation="t").to_text()
    assert "web sessions per customer" not in text and "n/a of their touchpoints" not in text
    assert "awareness 0%" not in text
    assert "**Online behaviour:** not known: no journey events" in text
    assert "**Typical journey:** not known: no journey events for these customers" in text


def test_kpis_on_a_customer_list_alone_do_not_call_the_store_empty(store, tmp_path):
    from kpi_fixtures import load

    from tools.analytics.kpis import KpiParams, kpis
    from tools.core.errors import NoDataError

    load(store, tmp_path / "crm", {"customers": "customer_id,city\nC1,Leeds\nC2,York\n"})
    with pytest.raises(NoDataError) as err:
        kpis(store, KpiParams())
    assert "empty" not in str(err.value)
    assert str(err.value).startswith("No orders, journey events, survey answers or tickets are loaded")


def test_movers_against_a_month_before_the_data_is_not_a_rise_from_zero(store, tmp_path):
    from kpi_fixtures import load

    from tools.analytics.movers import MoversParams, top_movers

    rows = "\n".join(f"O{i},C{i % 3},2026-05-0{4 + i % 2} 1{i}:00,25" for i in range(8))
    load(store, tmp_path / "two_days", {"orders": "order_id,customer_id,ts,amount\n" + rows + "\n"})
    r = top_movers(store, MoversParams(metric="revenue", period=Period(name="this_month")))
    text = r.to_text()
    assert "is before the data starts (2026-05-04), so there is nothing to compare Revenue with: each" in text
    assert "£0.00" not in text and "better" not in text
    # Each channel's level instead, checked against the rows themselves: 8 orders of £25.
    assert r.rank == "value" and r.groups["current"].sum() == pytest.approx(8 * 25)


def test_a_journey_map_of_survey_answers_alone_does_not_call_the_store_empty(store, tmp_path):
    from kpi_fixtures import load

    from tools.core.errors import NoDataError
    from tools.journey_map.build import build_map

    load(store, tmp_path / "forms", {"surveys": "survey_id,ts,nps,text\nS1,2026-05-04 10:00,9,lovely\n"
                                                "S2,2026-05-05 10:00,3,slow\n"})
    with pytest.raises(NoDataError) as err:
        build_map(store, Period(name="last_30_days"))
    assert "empty" not in str(err.value) and str(err.value).startswith("No journey events or orders are loaded")


def test_totals_on_a_handful_of_orders_are_rough_not_better():
    """A new till: 3 orders one Thursday, 4 the next. compare said revenue "+£60.00 (+100%) better"
    and the KPIs showed £120.00 beside nothing: orders and revenue on 7 orders are chance as often
    as news. Both say rough, against KpiSettings().min_sample, and compare judges neither."""
    from tools.analytics.compare import CompareParams, compare
    from tools.analytics.kpis import KpiParams, KpiSettings, kpis

    before = [(c, 10 + c, 20.0, "completed") for c in range(3)]
    now = [(10 + c, 24 * 7 + 10 + c, 30.0, "completed") for c in range(4)]
    store = store_with(before + now, [])
    day, week_before = T0.date() + dt.timedelta(days=7), T0.date()
    try:
        res = compare(store, CompareParams(metrics=["orders", "revenue"], period=Period(start=day, end=day),
                                           against=Period(start=week_before, end=week_before)))
        one = kpis(store, KpiParams(metrics=["orders", "revenue"], period=Period(start=day, end=day)))
    finally:
        store.close()
    assert len(before) + len(now) < KpiSettings().min_sample
    rows = res.rows.set_index("metric")
    assert (rows.loc["revenue", "current"], rows.loc["revenue", "previous"]) == (4 * 30.0, 3 * 20.0)
    assert rows["rough"].all() and rows["small_sample"].all()
    text = res.to_text()
    table = text.split("\n\n")[1]
    assert "better" not in table and "worse" not in table
    assert table.count("(rough: 4 orders now, 3 before)") == 2
    assert "changes marked rough rest on fewer than 30 orders in both periods together" in text
    k = one.to_text()
    assert k.count("(rough)") == 2
    assert "totals marked rough count fewer than 30 orders" in k


def test_a_trend_writes_its_whole_period_in_the_shops_locale():
    """A Brazilian shop: the series read "1.200" but the line under it "pooled over all 1,200
    answers", Python's comma whatever the locale. Every figure follows the profile, as
    satisfaction's do."""
    answers = [(h, None, 5 if h % 8 else 2) for h in range(1200)]  # 1,050 of 1,200 rate 4-5
    store = store_with([], answers)
    store.set_profile({"currency": "BRL", "locale": "pt_BR"}, "test")
    try:
        res = trend(store, TrendParams(metric="csat", grain="week",
                                       period=Period(start=T0.date(), end=T0.date() + dt.timedelta(days=49))))
    finally:
        store.close()
    assert res.overall == pytest.approx(1050 / 1200)
    assert res.period_line() == "Whole period: 87,5% (pooled over all 1.200 answers, not an average of the weeks)."


def test_this_year_so_far_against_all_of_last_year_is_not_called_better():
    """Olist: "how did revenue this year compare with last year?" set 1 January to 17 October
    against the whole of the year before and called +34% "better"; and R$ 480.898,49 ran into the
    next column. Totals over periods of different lengths are set per day instead, not judged."""
    from tools.analytics.compare import CompareParams, compare

    orders = [(c, 24 * d + 10, 1200.0 if d >= 50 else 1000.0, "completed")
              for c, d in enumerate(range(0, 100, 2))]  # an order every other day
    store = store_with(orders, [])
    store.set_profile({"currency": "BRL", "locale": "pt_BR"}, "test")
    now = Period(start=T0.date() + dt.timedelta(days=50), end=T0.date() + dt.timedelta(days=99))    # 50 days
    before = Period(start=T0.date() - dt.timedelta(days=50), end=T0.date() + dt.timedelta(days=49))  # 100 days
    try:
        res = compare(store, CompareParams(metrics=["revenue"], period=now, against=before))
    finally:
        store.close()
    row = res.row("revenue")
    assert (row["current"], row["previous"]) == (25 * 1200.0, 25 * 1000.0)  # +20% on twice the days
    text = res.to_text()
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("Revenue"))
    assert "R$ 30.000,00  " in line  # a gap between the columns, however wide the amounts
    assert "better" not in line and "worse" not in line
    assert "the two periods differ in length (50 days against 100)" in text
    assert "revenue R$ 600,00 a day against R$ 250,00" in text


def test_a_weekly_trend_of_data_dated_by_month_is_read_month_by_month(store, tmp_path):
    """UCI's sessions are all dated on the 1st of their month. "Is our conversion going up or
    down?" drew 14 weeks, 11 of them empty, and called December "-12.8 pp on the week before
    (worse)": the week before was November. The trend is month by month and says why."""
    from kpi_fixtures import load

    rows = []
    for month, (visits, buys) in {"2017-10": (20, 4), "2017-11": (30, 9), "2017-12": (25, 3)}.items():
        for i in range(visits):
            who = f"V{month}-{i}"
            rows.append(f"{who},{month}-01 00:00,website_visit,direct")
            if i < buys:
                rows.append(f"{who},{month}-01 00:00,purchase,direct")
    load(store, tmp_path / "uci", {"events": "customer_id,ts,touchpoint,channel\n" + "\n".join(rows) + "\n"})
    res = trend(store, TrendParams(metric="purchase_conversion", grain="week",
                                   period=Period(start=dt.date(2017, 10, 1), end=dt.date(2017, 12, 1))))
    assert res.grain == "month"
    assert res.series["value"].tolist() == pytest.approx([4 / 20, 9 / 30, 3 / 25])
    text = res.to_text()
    assert "on the month before" in text and "week" not in text.split("Period:")[0]
    assert "dated by month only (every row on the 1st), so the trend is month by month, not week by week" in text


def test_nobody_lapsing_is_not_said_to_have_spent_nothing(tmp_path):
    """REES46: 9 buyers of one order each. "Which customers are at risk?" answered "0 of 9
    customers (0%) are lapsing ... They spent £0.00 in the last 12 months": a spend of nobody."""
    from tools.predict.churn import AtRiskParams, at_risk_customers
    from tools.predict.registry import ModelRegistry

    store = store_with([(c, 24 * c, 40.0, "completed") for c in range(9)], [])
    try:
        res = at_risk_customers(store, AtRiskParams(), registry=ModelRegistry(store, tmp_path / "models"),
                                train_if_missing=False)
    finally:
        store.close()
    assert (res.tier, res.count, res.buyers) == ("lapsing", 0, 9)
    text = res.to_text()
    assert "0 of 9 customers (0%) are lapsing" in text and "spent" not in text


def test_a_rough_change_in_tickets_is_said_in_tickets(store, tmp_path):
    """twcs: 8 tickets against 8 was "rough", with a note about "fewer than 30 orders"."""
    from kpi_fixtures import load

    from tools.analytics.compare import CompareParams, compare

    rows = [f"T{i},C{i},2026-03-0{1 + i % 2} 10:00" for i in range(5)] + \
           [f"U{i},D{i},2026-02-0{1 + i % 2} 10:00" for i in range(3)]
    load(store, tmp_path / "desk", {"tickets": "ticket_id,customer_id,created_at\n" + "\n".join(rows) + "\n"})
    res = compare(store, CompareParams(metrics=["tickets"], period=Period(start="2026-03-01", end="2026-03-02"),
                                       against=Period(start="2026-02-01", end="2026-02-02")))
    text = res.to_text()
    assert "(rough: 5 tickets now, 3 before)" in text
    assert "fewer than 30 tickets in both periods together: a few tickets more or less is chance" in text
    assert "orders" not in text
