"""The journey map: its numbers are the analyses' numbers, the planted incidents of the sample
show up in their stages and periods, and bad input is refused with a clear message."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from fakes.embedders import HashEmbedder
from journey_fixtures import SHOP, load_customers, load_events
from pydantic import ValidationError

from tools.analytics.compare import CompareParams, compare
from tools.analytics.describe import describe_data
from tools.analytics.filters import Filters
from tools.analytics.funnel import FunnelParams, funnel
from tools.analytics.periods import Period
from tools.core.errors import NoDataError, ToolInputError
from tools.core.stages import STAGES
from tools.data.ingest import folder_loads, ingest_loads
from tools.data.sample import SampleSpec, generate_sample
from tools.data.store import JourneyStore
from tools.feedback.index import index_store
from tools.feedback.sentiment import SentimentParams, sentiment_summary
from tools.feedback.store import FeedbackStore
from tools.feedback.themes import ThemesParams, themes
from tools.journey_map.build import build_map, cohort_ids
from tools.journey_map.results import JourneyMap, MapComparison
from tools.journey_map.stage import StageDetail
from tools.journey_map.tool import journey_map
from tools.journey_map.types import STAGE_KPIS, JourneyMapParams

FIRST_WEEK = Period(start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 7))


# -- a shop small enough to work out by hand ----------------------------------------------------


@pytest.fixture
def shop(store, tmp_path):
    load_customers(store, tmp_path)
    load_events(store, tmp_path, SHOP)
    return store


def test_a_small_shop_mapped_by_hand(shop):
    m = build_map(shop, FIRST_WEEK)
    # Entered at awareness: A (ad_click), B (email_open), C (search_result), D (ad_click).
    # Consideration: A, B (walks in), D. Decision: A (basket), B (passes through with the walk-in
    # purchase). Purchase: A online, B in the shop. Nobody after that.
    assert m.entered == 4
    assert [s.customers for s in m.stages] == [4, 3, 2, 2, 0, 0]
    aware, consider, decide, buy = (m.stage(s) for s in STAGES[:4])
    assert (aware.to_next.reached, aware.to_next.of, aware.to_next.rate) == (3, 4, 0.75)
    # A took 1 day, B 3 days, D 1 day from awareness to consideration.
    assert aware.to_next.median_days == pytest.approx(1.0)
    assert consider.to_next.rate == pytest.approx(2 / 3) and decide.to_next.rate == 1.0
    # The shop has no post-purchase or advocacy events at all: no conversion into them is shown
    # (a 0% into a stage the data does not have would be made up, not measured).
    assert buy.to_next is None and m.stage("advocacy").to_next is None
    assert [(t.touchpoint, t.customers, t.online) for t in aware.touchpoints] == [
        ("ad_click", 2, True), ("email_open", 1, True), ("search_result", 1, True)]
    assert [(t.touchpoint, t.customers, t.online) for t in consider.touchpoints] == [
        ("product_view", 2, True), ("instore_visit", 1, False)]
    assert consider.touchpoints[1].action == "visited the shop"
    assert consider.online_share == pytest.approx(2 / 3)  # A's and D's views online, B's visit not
    assert (buy.active, buy.events) == (2, 2)
    # Nothing before 1 May: no comparison, so no rule fires; no feedback loaded.
    assert all(s.findings == () for s in m.stages)
    # Four customers are too few to call a stage healthy: grey, saying why (lane surfaces29).
    assert m.stage("post-purchase").health == "grey" and aware.health == "grey"
    assert aware.why_grey.startswith("too few to judge: 4 customers reached it")
    assert m.weakest is not None and (m.weakest.from_stage, m.weakest.to_stage) == ("consideration", "decision")
    assert any("no customer feedback is indexed" in n for n in m.provenance.notes)


def test_a_segment_maps_only_its_customers(shop):
    m = build_map(shop, FIRST_WEEK, Filters(segment=["VIP"]))  # spelled as in the data: vip
    assert m.who == "segment (CRM) vip"
    # vip: A (buys online) and C (only aware).
    assert [s.customers for s in m.stages] == [2, 1, 1, 1, 0, 0]
    assert [t.touchpoint for t in m.stage("awareness").touchpoints] == ["ad_click", "search_result"]
    assert m.provenance.filters == {"segment": ["vip"]}


def test_over_all_data_the_touchpoints_are_those_describe_counts(shop):
    m = build_map(shop, Period(name="all"))
    mapped = {(t.touchpoint, t.customers, t.events) for s in m.stages for t in s.touchpoints}
    described = describe_data(shop).touchpoints
    assert mapped == {(r.touchpoint, r.customers, r.events) for r in described.itertuples()}


def test_bad_input_is_refused_with_what_is_valid(shop):
    with pytest.raises(ToolInputError, match="Unknown segment .CRM. 'gold'; known values: vip, loyalty"):
        build_map(shop, FIRST_WEEK, Filters(segment=["gold"]))
    with pytest.raises(ToolInputError, match="No saved persona named 'The Regular'; saved personas: none yet"):
        build_map(shop, FIRST_WEEK, Filters(persona="The Regular"))
    with pytest.raises(NoDataError, match="No journey events in custom period .2026-04-01 to 2026-04-07."):
        build_map(shop, Period(start=dt.date(2026, 4, 1), end=dt.date(2026, 4, 7)))
    with pytest.raises(ValidationError, match="drill into one stage or compare two maps, not both"):
        JourneyMapParams(stage="decision", compare_period=Period(name="last_month"))
    with pytest.raises(ValidationError, match="compare_filters names no customers"):
        JourneyMapParams(compare_filters=Filters())
    with pytest.raises(ValidationError, match="stage"):
        JourneyMapParams(stage="checkout")
    with pytest.raises(NoDataError, match="No journey events or orders are loaded, so there is no journey to map"):
        build_map(JourneyStore(None), FIRST_WEEK)


def test_the_same_customers_in_the_same_period_are_not_a_comparison(shop):
    with pytest.raises(ToolInputError, match="same customers in the same period"):
        journey_map(shop, JourneyMapParams(period=FIRST_WEEK, compare_period=FIRST_WEEK))


# -- the sample data: numbers from the source tools, incidents where they were planted --------


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    generate_sample(folder, SampleSpec(events=40_000, seed=7))
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(folder))
    fb = FeedbackStore(folder / "fb", embedder=HashEmbedder(), timezone="Europe/London")
    index_store(fb, store)
    incidents = {i["id"]: i for i in json.loads((folder / "incidents.json").read_text())}
    yield store, fb, incidents
    store.close()


def nan_none(value):
    return None if value is None or math.isnan(value) else float(value)


def spell(incidents: dict, key: str) -> Period:
    return Period(start=dt.date.fromisoformat(incidents[key]["start"]),
                  end=dt.date.fromisoformat(incidents[key]["end"]))


@pytest.mark.parametrize("filters", [Filters(), Filters(channel=["instagram"])])
def test_every_number_on_the_map_is_the_source_tools_number(sample, filters):
    store, fb, incidents = sample
    period = spell(incidents, "shipping_delay")
    before = Period(start=dt.date(2026, 9, 11), end=dt.date(2026, 9, 29))  # the 19 days before
    m = build_map(store, period, filters, feedback=fb)
    assert m.previous_label == "previous 19 days (2026-09-11 to 2026-09-29)"

    flow = funnel(store, FunnelParams(period=period, filters=filters))
    flow_before = funnel(store, FunnelParams(period=before, filters=filters))
    assert m.entered == flow.entered
    for i, col in enumerate(m.stages):
        assert col.customers == flow.steps.customers[i]
        if i + 1 < len(STAGES):
            assert col.to_next.rate == pytest.approx(flow.steps.step_conversion[i + 1])
            assert col.to_next.rate_before == pytest.approx(flow_before.steps.step_conversion[i + 1])
            assert col.to_next.median_days == pytest.approx(flow.steps.median_days[i + 1], nan_ok=True)

    kpi = compare(store, CompareParams(metrics=[k for ks in STAGE_KPIS.values() for k in ks], period=period,
                                       against=before, filters=filters)).rows.set_index("metric")
    for col in m.stages:
        assert [k.metric for k in col.kpis] == list(STAGE_KPIS[col.stage])
        for k in col.kpis:
            # approx: the same sums, added in whatever order DuckDB's threads finish
            assert (k.value, k.previous, k.n) == (
                pytest.approx(nan_none(kpi.current[k.metric])), pytest.approx(nan_none(kpi.previous[k.metric])),
                kpi.n_current[k.metric])
            assert k.assessment == (kpi.assessment[k.metric] if isinstance(kpi.assessment[k.metric], str) else None)

    customers = cohort_ids(store, filters)
    mood = sentiment_summary(fb, SentimentParams(by="stage", period=period), store=store,
                             customers=customers).groups.set_index("group")
    for col in m.stages:
        if col.stage in mood.index:
            assert (col.emotion.mean, col.emotion.previous, col.emotion.scored) == (
                pytest.approx(nan_none(mood["mean"][col.stage])), pytest.approx(nan_none(mood.previous_mean[col.stage])),
                mood.scored[col.stage])
        else:
            assert col.emotion is None
    for col in m.stages:
        try:
            said = themes(fb, ThemesParams(period=period, stage=[col.stage], sentiment="negative", max_themes=3),
                          store=store, customers=customers).themes
        except NoDataError:  # fewer complaints than a theme needs
            said = []
        assert [(p.label, p.size, p.quote.id) for p in col.pain_points] == [
            (t.label, t.size, t.quotes[0].id) for t in said]
    assert {"funnel", "compare", "sentiment_summary"} <= set(m.sources)


def test_a_persona_is_mapped_from_its_saved_members(sample):
    store, fb, incidents = sample
    store.execute("CREATE OR REPLACE TABLE persona_members AS SELECT 'Night owls' AS persona, customer_id "
                  "FROM customers WHERE segment = 'newsletter'")
    try:
        m = build_map(store, spell(incidents, "shipping_delay"), Filters(persona="night OWLS"), feedback=fb)
        same = build_map(store, spell(incidents, "shipping_delay"), Filters(segment=["newsletter"]), feedback=fb)
    finally:
        store.execute("DROP TABLE persona_members")
    assert m.who == "persona Night owls"
    assert [s.customers for s in m.stages] == [s.customers for s in same.stages]
    assert [s.emotion and s.emotion.mean for s in m.stages] == [s.emotion and s.emotion.mean for s in same.stages]


def test_the_checkout_breakage_is_red_at_decision_and_purchase_in_its_week(sample):
    store, fb, incidents = sample
    week = spell(incidents, "checkout_breakage")
    m = journey_map(store, JourneyMapParams(period=week), feedback=fb)
    assert isinstance(m, JourneyMap)
    assert m.stage("decision").health == "red" and m.stage("purchase").health == "red"
    decision = {f.rule: f for f in m.stage("decision").findings}
    assert decision["kpi_worse:cart_abandonment"].severity == "red"
    # the failed-payment feedback: a handful of comments at this size, so amber or red by the draw
    assert decision["unhappy"].severity in ("amber", "red")
    assert "Cart abandonment got worse" in decision["kpi_worse:cart_abandonment"].text
    assert "kpi_worse:session_conversion" in {f.rule for f in m.stage("purchase").findings}
    pains = " ".join(p.label + " " + (p.quote.text if p.quote else "") for p in m.stage("decision").pain_points)
    assert {"pay", "payment", "card", "charged", "checkout"} & set(pains.lower().replace("/", " ").split())
    assert m.opportunities[0].stage in ("decision", "purchase") and m.opportunities[0].severity == "red"
    # A quiet week, with the same rules: neither stage is red. (Not the week just before: TikTok's
    # burst of browsers from 18 August still dilutes session conversion then.)
    calm = journey_map(store, JourneyMapParams(period=Period(start=dt.date(2026, 8, 3), end=dt.date(2026, 8, 9))),
                       feedback=fb)
    assert calm.stage("decision").health != "red" and calm.stage("purchase").health != "red"


def test_the_shipping_delay_is_red_at_post_purchase_in_its_spell(sample):
    store, fb, incidents = sample
    m = journey_map(store, JourneyMapParams(period=spell(incidents, "shipping_delay")), feedback=fb)
    post = m.stage("post-purchase")
    assert post.health == "red"
    late = post.findings[0]
    assert (late.rule, late.severity) == ("kpi_worse:delivery_time", "red")
    assert late.text.startswith("Delivery time (median) got worse")
    assert post.kpi("delivery_time").value > 2 * post.kpi("delivery_time").previous
    assert m.opportunities[0].stage == "post-purchase" and "courier" in m.opportunities[0].advice
    assert all(s.health != "red" for s in m.stages if s.stage in ("awareness", "consideration", "decision"))
    july = journey_map(store, JourneyMapParams(period=Period(start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 19))),
                       feedback=fb)
    assert july.stage("post-purchase").health != "red"


def test_this_month_against_last_month_side_by_side(sample):
    store, fb, incidents = sample
    c = journey_map(store, JourneyMapParams(period=Period(start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31)),
                                            compare_period=Period(start=dt.date(2026, 8, 1), end=dt.date(2026, 8, 31))),
                    feedback=fb)
    assert isinstance(c, MapComparison)
    assert c.left_label.startswith("custom period (2026-10-01") and c.right_label.startswith("custom period (2026-08-01")
    late = next(d for d in c.differences if d.stage == "post-purchase" and d.item == "Delivery time (median)")
    assert late.notable and late.verdict == "worse"
    assert late.left == c.left.stage("post-purchase").kpi("delivery_time").formatted()
    # October has 31 days and August 31: their order counts are comparable; the health rows too.
    health = {d.stage: d for d in c.differences if d.item == "health"}
    assert health["post-purchase"].left == c.left.stage("post-purchase").health
    assert "Notable differences" in c.to_text() and "post-purchase, Delivery time (median)" in c.to_text()


def test_periods_of_different_lengths_do_not_compare_totals(sample):
    store, fb, _ = sample
    c = journey_map(store, JourneyMapParams(period=Period(name="this_month"), compare_period=Period(name="last_month")),
                    feedback=fb)
    orders = next(d for d in c.differences if d.item == "Orders")
    assert c.left.days == 15 and c.right.days == 31 and not orders.notable
    # This month's conversion window is still open: its conversions are floors, never judged.
    assert all(s.to_next is None or s.to_next.still_open for s in c.left.stages)
    assert not any(d.notable for d in c.differences if d.item.startswith("conversion to"))
    assert not any(f.rule == "conversion_fell" for s in c.left.stages for f in s.findings)


def test_a_persona_against_another_side_by_side(sample):
    store, fb, incidents = sample
    c = journey_map(store, JourneyMapParams(period=spell(incidents, "shipping_delay"),
                                            filters=Filters(segment=["vip"]),
                                            compare_filters=Filters(segment=["lead"])), feedback=fb)
    assert (c.left_label, c.right_label) == ("segment (CRM) vip", "segment (CRM) lead")
    assert c.left.stage("purchase").customers > c.right.stage("purchase").customers


def test_why_a_stage_is_red_in_detail(sample):
    store, fb, incidents = sample
    d = journey_map(store, JourneyMapParams(period=spell(incidents, "shipping_delay"), stage="post-purchase"),
                    feedback=fb)
    assert isinstance(d, StageDetail)
    text = d.to_text()
    assert text.startswith("Post-purchase for all customers, custom period (2026-09-30 to 2026-10-18): RED")
    assert "Why it is red:" in text and "Delivery time (median) got worse" in text
    assert set(d.kpi_weeks["metric"]) == set(STAGE_KPIS["post-purchase"])
    assert "week of" in " ".join(d.mood_weeks["week"]) and len(d.themes) >= 1
    assert d.into is not None and d.into.to_stage == "post-purchase"
    assert "delivery" in {t.touchpoint for t in d.column.touchpoints}
