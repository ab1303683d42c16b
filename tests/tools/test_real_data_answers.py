"""The shared public data sets, loaded through the examples/ recipes, answered in the business's
own terms: money in its currency, days in its zone, periods that end where each table's data
ends, orders named by status, and only what the data can answer. Every number is checked against
pandas over the raw files, written here, not through journeybot's code."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from conftest import REPO, external

from tools.analytics.describe import describe_data
from tools.analytics.dropoffs import DropoffParams, dropoffs
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.core.errors import NoDataError
from tools.core.money import NumberFormat
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore

pytestmark = pytest.mark.realdata
BRL = NumberFormat.of("BRL")


def load(name: str, folder: str) -> tuple[JourneyStore, object]:
    data = external(folder)
    store = JourneyStore(None)  # no config: the recipe's profile is all there is
    ingest_recipe(store, REPO / "examples" / name / "recipe.toml", data_dir=data)
    return store, data


@pytest.fixture(scope="module")
def olist():
    store, data = load("olist", "olist_sample")
    orders = pd.read_csv(data / "olist_orders_dataset.csv")
    orders["day"] = orders.order_purchase_timestamp.str[:10]  # Sao Paulo local time, as written
    pay = pd.read_csv(data / "olist_order_payments_dataset.csv").groupby("order_id").payment_value.sum()
    orders["amount"] = orders.order_id.map(pay)
    reviews = pd.read_csv(data / "olist_order_reviews_dataset.csv")
    reviews["day"] = reviews.review_answer_timestamp.str[:10]
    yield store, orders, reviews
    store.close()


def _window(last: str, days: int) -> tuple[str, str]:
    end = dt.date.fromisoformat(last)
    return str(end - dt.timedelta(days=days - 1)), str(end)


def test_olist_profile_comes_from_the_recipe_and_money_is_in_reais(olist):
    store, orders, _ = olist
    assert (store.profile.currency, store.timezone, store.profile.effective_locale) == (
        "BRL", "America/Sao_Paulo", "pt_BR")
    r = kpis(store, KpiParams(metrics=["revenue"], period=Period(name="all")))
    delivered = orders[orders.order_status == "delivered"]
    assert r.headline.value == pytest.approx(delivered.amount.sum())
    assert BRL.money(delivered.amount.sum()) in r.to_text() and "£" not in r.to_text()


def test_olist_orders_are_counted_in_full_by_status(olist):
    store, orders, _ = olist
    r = kpis(store, KpiParams(metrics=["orders", "revenue", "aov"], period=Period(name="all")))
    raw = orders.order_status.value_counts()
    assert r.get("orders").value == raw["delivered"] == 5_172
    assert r.get("aov").value == pytest.approx(orders[orders.order_status == "delivered"].amount.mean())
    words = r.order_statuses.set_index("status")["orders"]
    assert words.to_dict() == raw.to_dict()  # every raw word, with its own count
    kinds = r.orders.by_kind()
    assert kinds == {"completed": raw["delivered"],
                     "pending": raw[["shipped", "invoiced", "processing", "created", "approved"]].sum(),
                     "cancelled": raw[["canceled", "unavailable"]].sum(), "returned": 0}
    note = next(n for n in r.provenance.notes if "count completed orders" in n)
    en = NumberFormat.of("USD")  # the same phrase, numbers written in English
    # Each kind's total first ("how many were cancelled?"), then the export's own words.
    assert (f"{BRL.number(raw['delivered'])} completed orders (plus {BRL.number(kinds['pending'])} pending, "
            f"not yet delivered: {BRL.number(raw['shipped'])} shipped, {BRL.number(raw['invoiced'])} invoiced, "
            f"{BRL.number(raw['processing'])} processing") in note
    assert (f"; {BRL.number(kinds['cancelled'])} cancelled: {BRL.number(raw['canceled'])} cancelled, "
            f"{BRL.number(raw['unavailable'])} unavailable)") in note
    assert r.orders.phrase(en).startswith(f"{raw['delivered']:,} completed orders (plus {kinds['pending']:,} pending")
    assert r.to_dict()["order_statuses"]  # in JSON too
    # The n column is written like the values: one way of writing numbers in one table.
    assert f"{BRL.number(raw['delivered'])} orders" in r.to_text() and f"{raw['delivered']:,}" not in r.to_text()


def test_olist_last_30_days_end_on_the_last_order_and_offer_the_latest_with_sales(olist):
    store, orders, _ = olist
    first, last = _window(orders.day.max(), 30)
    r = kpis(store, KpiParams(metrics=["orders", "revenue"], period=Period(name="last_30_days")))
    assert (str(r.first_day), str(r.last_day)) == (first, last)  # the last order, not the last review
    inside = orders[(orders.day >= first) & (orders.day <= last)]
    assert (inside.order_status == "delivered").sum() == 0  # only cancelled orders in it
    assert r.get("orders").no_data and r.get("orders").value is None and "no data" in r.to_text()
    latest = orders[orders.order_status == "delivered"].day.max()
    a, b = _window(latest, 30)
    assert any(f"no completed orders in last 30 days ({first} to {last}); the latest 30 days with completed "
               f"orders are {a} to {b}" in n for n in r.provenance.notes)
    assert any(f"0 completed orders (plus {len(inside)} cancelled" in n for n in r.provenance.notes)
    then = kpis(store, KpiParams(metrics=["orders", "revenue"], period=Period(start=a, end=b)))
    sold = orders[(orders.day >= a) & (orders.day <= b) & (orders.order_status == "delivered")]
    assert then.get("orders").value == len(sold) > 0
    assert then.get("revenue").value == pytest.approx(sold.amount.sum())


def test_olist_satisfaction_ends_on_the_last_review(olist):
    store, _, reviews = olist
    first, last = _window(reviews.day.max(), 30)
    v = kpis(store, KpiParams(metrics=["csat"], period=Period(name="last_30_days"))).headline
    inside = reviews[(reviews.day >= first) & (reviews.day <= last)]
    assert v.period_label.endswith(f"({first} to {last})")
    assert (v.n, v.value) == (len(inside), pytest.approx((inside.review_score >= 4).mean()))


def test_olist_has_no_web_sessions_and_says_so(olist):
    store, _, _ = olist
    assert store.scalar("SELECT count(*) FROM sessions") == 0  # order and review events are not visits
    r = kpis(store, KpiParams(period=Period(name="all")))
    assert {"bounce_rate", "session_conversion", "sessions"} <= set(r.unavailable)
    assert "bounce_rate" not in {v.metric for v in r.values}
    with pytest.raises(NoDataError, match="no web sessions"):
        kpis(store, KpiParams(metrics=["bounce_rate"]))


def test_olist_funnel_starts_where_the_data_starts_and_dropoffs_say_why_not(olist):
    store, orders, _ = olist
    f = funnel(store, FunnelParams(period=Period(name="all")))
    assert f.step_names == ("purchase", "post-purchase")
    people = pd.read_csv(external("olist_sample") / "olist_customers_dataset.csv")
    assert f.entered == orders.merge(people, on="customer_id").customer_unique_id.nunique()
    with pytest.raises(NoDataError, match="no events before it"):
        dropoffs(store, DropoffParams(period=Period(name="all")))


def test_olist_describe_lists_what_it_can_and_cannot_answer(olist):
    store, orders, _ = olist
    text = describe_data(store).to_text()
    can, cannot = text.split("What it cannot answer, and why:")
    assert "What this data can answer:" in can and "Orders" in can and "CSAT" in can
    assert "drop-offs" in cannot and "Bounce rate" in cannot and "no web sessions" in cannot
    assert "currency BRL (recipe" in text and "R$ 1.234,50" in text
    # counted the Brazilian way, as every number of this shop (5.172, not 5,172)
    from tools.core.money import NumberFormat

    brl = NumberFormat.of("BRL", "pt_BR")
    assert f"delivered {brl.number((orders.order_status == 'delivered').sum())} -> completed" in text


# -- UCI online shoppers: dated by month only -------------------------------------------------------

@pytest.fixture(scope="module")
def shoppers():
    store, data = load("uci_online_shoppers", "online_shoppers_intention")
    raw = pd.read_csv(data / "online_shoppers_intention.csv", sep=";")
    yield store, raw
    store.close()


def test_shoppers_last_7_days_is_read_as_the_last_month(shoppers):
    store, raw = shoppers
    assert store.span("events").granularity == "month"
    r = kpis(store, KpiParams(metrics=["active_customers", "purchase_conversion"], period=Period(name="last_7_days")))
    dec = raw[raw.Month == "Dec"]
    assert (r.first_day, r.last_day) == (dt.date(2017, 12, 1), dt.date(2017, 12, 31))
    assert r.get("active_customers").value == len(dec)  # every row is one visitor
    assert r.get("purchase_conversion").value == pytest.approx(dec.Revenue.mean())
    assert any("dated by month only" in n and "last 7 days" in n for n in r.provenance.notes)
    quarter = kpis(store, KpiParams(metrics=["active_customers"], period=Period(name="last_90_days")))
    assert quarter.headline.value == raw.Month.isin(["Oct", "Nov", "Dec"]).sum()


def test_shoppers_which_traffic_type_converts_best(shoppers):
    store, raw = shoppers
    f = funnel(store, FunnelParams(period=Period(name="all"), by="channel", max_groups=30))
    assert f.step_names == ("consideration", "purchase")  # no awareness stage in this data
    got = f.group_summary.set_index("group")["overall_conversion"]
    want = raw.groupby("TrafficType").Revenue.mean()
    want.index = [f"traffic_type_{t}" for t in want.index]
    pd.testing.assert_series_equal(got.sort_index(), want.sort_index(), check_names=False)
    best = got[f.group_summary.set_index("group")["entered"] >= 100].idxmax()
    assert best == want[raw.groupby("TrafficType").size().set_axis(want.index) >= 100].idxmax()


def test_shoppers_lost_last_week_is_the_last_month_not_everyone_lately(shoppers):
    store, raw = shoppers
    d = dropoffs(store, DropoffParams(period=Period(name="last_7_days")))
    dec = raw[raw.Month == "Dec"]
    assert (d.current.started, d.current.converted) == (len(dec), int(dec.Revenue.sum()))
    assert not any("were last seen in the last" in n for n in d.provenance.notes)
    assert any("dated by month only" in n for n in d.provenance.notes)


# -- REES46: UTC event log -------------------------------------------------------------------------

def test_rees46_days_are_utc_and_sessions_match_the_log():
    store, data = load("rees46", "rees46_events_sample")
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    assert store.timezone == "UTC"
    r = kpis(store, KpiParams(metrics=["sessions", "session_conversion", "cart_abandonment"],
                              period=Period(name="last_7_days")))
    assert r.last_day == dt.date(2019, 10, 1)
    bought = raw[raw.event_type == "purchase"].user_session.nunique()
    assert (r.get("sessions").value, r.get("session_conversion").numerator) == (raw.user_session.nunique(), bought)
    f = funnel(store, FunnelParams(period=Period(name="all")))
    assert f.step_names == ("consideration", "decision", "purchase")
    assert f.entered == raw[raw.event_type == "view"].user_id.nunique()


def test_uci_sentences_describe_says_only_feedback_can_be_answered():
    store, data = load("uci_sentences", "uci_sentiment_labelled")
    d = describe_data(store)
    text = d.to_text()
    can, cannot = text.split("What it cannot answer, and why:")
    assert "what customers say" in can and "funnels" in cannot
    # the one KPI review sentences can give is their count; every other KPI says why not
    from tools.analytics.kpi_catalog import SPECS

    assert f"KPIs (1 of {len(SPECS)}): Survey answers" in can and "no support tickets are loaded" in cannot
    assert "all 3,000 surveys are dated 2015-01-01" in text
    assert d.analyses.set_index("analysis")["available"].to_dict()["feedback"]


def test_twcs_describe_lists_what_it_can_answer():
    recipe = REPO / "examples" / "twcs" / "recipe.toml"
    if not recipe.exists():
        pytest.skip("examples/twcs/recipe.toml is written under issue 16b")
    store = JourneyStore(None)
    ingest_recipe(store, recipe, data_dir=external("twcs_sample"))
    text = describe_data(store).to_text()
    assert "What this data can answer:" in text and "support response and resolution times" in text.split(
        "What it cannot answer")[0]


def test_rees46_without_a_profile_describe_suggests_utc_from_the_offsets():
    from tools.data.ingest import ingest_file
    from tools.data.mapping import Mapping

    data = external("rees46_events_sample")
    store = JourneyStore(None)  # London assumed: 1 October 2019 was summer time there (+01:00)
    ingest_file(store, "events", data / "2019-Oct-sample.csv", Mapping(table="events", columns={
        "customer_id": "user_id", "ts": "event_time", "touchpoint": "event_type", "session_id": "user_session"}))
    text = describe_data(store).to_text()
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    assert raw.event_time.str.endswith(" UTC").all()
    assert f"the timestamps carry the UTC offset +00:00 ({len(raw):,} values seen)" in text
    assert "Europe/London (+01:00 on 2019-10-01)" in text and "Assumed: time zone Europe/London" in text


def test_rees46_last_30_days_says_the_data_covers_only_its_minutes():
    """17 minutes of events answered as "last 30 days" say so: the figures are exact for those
    minutes, and read as a month they would be wrong by three orders of magnitude."""
    store, data = load("rees46", "rees46_events_sample")
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    ts = pd.to_datetime(raw.event_time.str.replace(" UTC", ""))
    minutes = round((ts.max() - ts.min()).total_seconds() / 60)
    r = kpis(store, KpiParams(period=Period(name="last_30_days")))
    assert r.first_day == dt.date(2019, 9, 2)
    want = (f"the data in {r.period_label} covers only {minutes} minutes ({ts.min():%Y-%m-%d %H:%M} to "
            f"{ts.max():%H:%M}): every figure is over those {minutes} minutes, not over 30 days")
    assert want in r.provenance.notes and want in r.to_text()
    # revenue reads the orders alone (9 orders over 12 of those minutes): the data's span is said,
    # not the orders', which a quiet shop's few orders would make look short
    rev = kpis(store, KpiParams(metrics=["revenue"], period=Period(name="last_30_days")))
    assert want in rev.provenance.notes
    # the funnel, drop-offs, paths and a comparison over the same period say it too
    events = f"the data in last 30 days (2019-09-02 to 2019-10-01) covers only {minutes} minutes"
    f = funnel(store, FunnelParams(period=Period(name="last_30_days")))
    assert any(n.startswith(events) for n in f.provenance.notes) and events in f.to_text()
    d = dropoffs(store, DropoffParams(period=Period(name="last_30_days")))
    assert any(n.startswith(events) for n in d.provenance.notes)
    from tools.analytics.paths import PathParams, paths

    pt = paths(store, PathParams(period=Period(name="last_30_days")))
    assert any(n.startswith(events) for n in pt.provenance.notes)
    from tools.analytics.compare import CompareParams, compare

    c = compare(store, CompareParams(period=Period(name="last_30_days")))
    assert any(n.startswith(events) for n in c.provenance.notes)
    # a day asked about is not compared with its hours (a shop open 9 to 5 would hear it daily)
    day = kpis(store, KpiParams(metrics=["orders"], period=Period(name="today")))
    assert not any("covers only" in n for n in day.provenance.notes)
    store.close()


def test_shoppers_bounce_rate_says_how_journeybot_counts_a_bounce(shoppers):
    """The export carries Google Analytics' own BounceRates, and its events (one per kind of
    page, dated by month) cannot count pages: no bounce rate of ours (it read 0.1%), the answer
    says why, what journeybot counts, and that an analytics tool counts its own way."""
    store, raw = shoppers
    r = kpis(store, KpiParams(metrics=["bounce_rate"], period=Period(name="all")))
    assert r.headline.value is None and r.headline.excluded == len(raw)
    text = r.to_text()
    assert "bounce rate: not measured for 12,330 web sessions: their events are dated by month only" in text
    assert "bounce rate: of the web sessions in the period, the share with a single web event" in text
    assert "Google Analytics" in text
    # dated by month only: the month's 1st stands for the month, not "covers only 1 day"
    assert not any("covers only" in n for n in r.provenance.notes)
    month = kpis(store, KpiParams(metrics=["sessions"], period=Period(name="last_30_days")))
    assert not any("covers only" in n for n in month.provenance.notes)


def test_names_customers_wrote_into_real_reviews_and_tweets_are_not_kept(olist):
    """Olist and twcs have no name column, so no name is known; the reviews and tweets that say
    "meu nome correto é ...", "em nome de ..." or "my name is ..." are stored without the name
    (and the tweet's street address in small letters without the address)."""
    store, _, reviews = olist
    written = reviews.review_comment_message.fillna("")
    for name in ("Maria Faraildes Santos", "Vinicius Silva"):
        assert written.str.contains(name).any()  # in the raw file
        assert store.scalar("SELECT count(*) FROM surveys WHERE text LIKE ?", [f"%{name.split()[-1]}%"]) == 0
    assert store.scalar("SELECT count(*) FROM surveys WHERE text LIKE '%meu nome correto é [name]%'") == 1
    twcs = JourneyStore(None)
    ingest_recipe(twcs, REPO / "examples" / "twcs" / "recipe.toml", data_dir=external("twcs_sample"))
    assert twcs.scalar("SELECT count(*) FROM tickets WHERE text LIKE '%my name is [name]%'") == 1
    assert twcs.scalar("SELECT count(*) FROM tickets WHERE lower(text) LIKE '%charles martin%'") == 0
    assert twcs.scalar("SELECT count(*) FROM tickets WHERE lower(text) LIKE '%columbine%'") == 0  # his street
    twcs.close()


def test_shoppers_buying_rate_by_month_says_april_may_be_missing_from_the_export(shoppers):
    """UCI's file has no April sessions at all: with data dated by month only, the rate's empty
    month is said as possibly missing from the export, as the counts already said it."""
    from tools.analytics.time_pattern import PatternParams, time_pattern

    store, raw = shoppers
    assert "Apr" not in set(raw.Month)
    r = time_pattern(store, PatternParams(metric="purchase_conversion", by="month", period=Period(name="all")))
    assert ("Nothing to measure for April: the data is dated by month only, so that month may be missing from "
            "the export rather than empty; left out of highest and lowest") in r.provenance.notes


def test_olist_quiet_weeks_are_not_said_to_be_short_data(olist):
    """Olist's last weeks have few completed orders, but the data (its orders, reviews and events)
    runs through the whole period: nothing is said about coverage."""
    store, orders, _ = olist
    for name in ("last_30_days", "last_90_days", "this_year"):
        r = kpis(store, KpiParams(metrics=["orders", "revenue", "csat"], period=Period(name=name)))
        assert not any("covers only" in n for n in r.provenance.notes), (name, r.provenance.notes)
