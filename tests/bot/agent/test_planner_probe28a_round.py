"""Readings added in phase AD (lane g-probe28a) by class, from probe28a's misses of counts, people
and money said in a trade's own words, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

OCT = {"start": "2026-10-01", "end": "2026-10-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}


@pytest.mark.parametrize(("question", "period", "filters"), [
    ("how many punters parted with their cash for a tattoo last month", {"name": "last_month"}, None),
    ("how many clients coughed up for a dog groom this week", {"name": "this_week"}, None),
    ("how many customers in Clifton bought a candle last week", {"name": "last_week"}, {"city": ["Clifton"]}),
    ("how many folk from Bristol paid for a pottery class in october", OCT, {"region": ["Bristol"]}),
])
def test_people_who_paid_said_as_a_head_count_are_the_buyers(rules, question, period, filters):
    assert_plans(rules, question, "kpis", metrics=["buyers"], period=period, filters=filters)


@pytest.mark.parametrize(("question", "metrics", "period"), [
    ("boiler jobs done this week and the average bill", ["orders", "aov"], {"name": "this_week"}),
    ("gravel loads out the yard and takings last month", ["orders", "revenue"], {"name": "last_month"}),
    ("how many cake orders came in and from how many different customers this month", ["orders", "buyers"],
     {"name": "this_month"}),
])
def test_units_done_beside_another_measure_are_both(rules, question, metrics, period):
    assert_plans(rules, question, "kpis", metrics=metrics, period=period)


def test_jobs_taken_on_last_month_are_that_months(rules):
    assert_plans(rules, "how many roofing jobs did we take on last month", "kpis", metrics=["orders"],
                 period={"name": "last_month"})
    # "down on last month" still sets this month against the last
    assert_plans(rules, "is revenue down on last month", "compare", period={"name": "this_month"})


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how many visitors popped into the gallery yesterday", "kpis",
     {"metrics": ["active_customers"], "period": {"name": "yesterday"}}),
    ("garden centre visitors month by month this year", "trend",
     {"metric": "active_customers", "grain": "month", "period": {"name": "this_year"}}),
    ("visitors to the aquarium week by week since september", "trend",
     {"metric": "active_customers", "grain": "week", "period": {"start": "2026-09-01", "end": "2026-11-15"}}),
    ("diners thru the door at the curry house, day by day over the past 2 weeks", "trend",
     {"metric": "active_customers", "grain": "day", "period": {"name": "last_14_days"}}),
    ("guests through the door at the hotel bar this month vs last", "compare",
     {"metrics": ["active_customers"], "period": {"name": "this_month"}}),
    ("drop in visitors by town at the farm park this month", "movers",
     {"metric": "active_customers", "by": "city", "period": {"name": "this_month"}}),
    ("visitors per town at the museum, most first", "movers",
     {"metric": "active_customers", "by": "city", "rank": "value"}),
    ("alert me if visitors at the zoo dry up", "create_alert_rule",
     {"metric": "active_customers", "condition": "unusual", "direction": "down"}),
])
def test_a_places_visitors_are_the_active_customers(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    # the website's visitors, where they leave and what they buy keep their own readings
    ("at which stage do instagram visitors give up", "dropoffs", {"level": "stage"}),
    ("where do visitors drop off", "dropoffs", {}),
])
def test_visitors_asked_about_something_else_keep_its_reading(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("loaves today vs yesterday", {"name": "today"}, {"name": "yesterday"}),
    ("sourdough batches this week v last", {"name": "this_week"}, None),
    ("firewood sacks october versus september", OCT, SEP),
])
def test_goods_said_before_two_periods_are_the_orders_compared(rules, question, period, against):
    assert_plans(rules, question, "compare", metrics=["orders"], period=period, **({"against": against} if against else {}))


def test_headline_numbers_and_themes_are_no_goods(rules):
    assert_plans(rules, "headline numbers this month vs last", "compare", metrics=None)
    assert_plans(rules, "complaint themes this month", "feedback_themes", period={"name": "this_month"})


@pytest.mark.parametrize("question", [
    "which day in the week does the salon money come in strongest",
    "wah gwaan, which day inna di week di jerk chicken money strongest",
])
def test_which_day_in_the_week_is_the_weekday_pattern(rules, question):
    assert_plans(rules, question, "time_pattern", by="weekday", metric="revenue")


@pytest.mark.parametrize(("question", "metric", "period"), [
    ("top day for cake orders in october, the actual date", "orders", OCT),
    ("the one day last month when the florist's till was fullest, which date", "revenue", {"name": "last_month"}),
])
def test_the_best_day_asked_by_its_date_is_a_daily_trend(rules, question, metric, period):
    assert_plans(rules, question, "trend", metric=metric, grain="day", period=period)


@pytest.mark.parametrize(("question", "hours"), [
    ("wool shop carts ditched this week if 10 hours left alone counts as abandoned", 10),
    ("basket abandonment at the tea shop, treating 8 hours as gone", 8),
])
def test_cart_windows_said_as_what_counts_as_abandoned(rules, question, hours):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"], cart_window_hours=hours)


def _asked(planner, question, key):
    plan = planner.plan(question, key)
    planner.remember(key, plan)
    return plan


@pytest.mark.parametrize(("first", "metric", "by", "again", "by_again"), [
    ("in what town has the bakery's revenue slipped hardest", "revenue", "city", "an cut it by age brackets", "age_band"),
    ("which first channel is behind the fall in pottery class bookings this month", "orders", "channel",
     "an by region rather, mate", "region"),
    ("drop in visitors by town at the farm park this month", "active_customers", "city", "an by age band, same thing",
     "age_band"),
])
def test_in_what_town_a_kpi_slipped_and_a_bare_recut_keep_the_change(rules, first, metric, by, again, by_again):
    key = "probe28a-recut-" + first
    plan = _asked(rules, first, key)
    assert plan.spec is not None and plan.spec.name == "movers", plan
    assert plan.args.get("metric") == metric and plan.args.get("by") == by, plan.args
    plan = _asked(rules, again, key)
    assert plan.spec is not None and plan.spec.name == "movers", plan
    assert plan.args.get("metric") == metric and plan.args.get("by") == by_again, plan.args
    assert plan.args.get("rank", "change") == "change", plan.args
