"""Readings added in phase AE (lane g-probe29a) by class, from probe29a's misses (and blind28's of
the same kind) of measures said in a trade's own words and of a count against a trend, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

SEP = {"start": "2026-09-01", "end": "2026-09-30"}
Q3 = {"start": "2026-07-01", "end": "2026-09-30"}


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("what's our typical ticket per boiler service", "kpis", {"metrics": ["aov"]}),
    ("the average brass per chimney sweep", "kpis", {"metrics": ["aov"]}),
    ("what a bouquet order comes to on average, per region, highest first", "movers",
     {"metric": "aov", "by": "region", "rank": "value"}),
    ("tyre fitting job value per town, highest first", "movers", {"metric": "aov", "by": "city", "rank": "value"}),
    ("kiln firing booking value week by week this quarter", "trend",
     {"metric": "aov", "grain": "week", "period": {"name": "this_quarter"}}),
    ("avg sale value for the vinyl shop last month vs september", "compare",
     {"metrics": ["aov"], "period": {"name": "last_month"}, "against": SEP}),
])
def test_one_orders_worth_in_a_trades_words_is_the_average_order(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("kindly share the thali plate count for last week", "kpis", {"metrics": ["orders"], "period": {"name": "last_week"}}),
    ("keys cut per segment, most first", "movers", {"metric": "orders", "by": "segment", "rank": "value"}),
    ("smoothie cups per age group, most first", "movers", {"metric": "orders", "by": "age_band", "rank": "value"}),
    ("how many surfboard and wetsuit sales came from the loyalty lot this year", "kpis",
     {"metrics": ["orders"], "period": {"name": "this_year"}, "filters": {"segment": ["loyalty"]}}),
    ("wreath sales in q3, count and money", "kpis", {"metrics": ["revenue", "orders"], "period": Q3}),
    ("dog washes: this month against last", "compare", {"metrics": ["orders"], "period": {"name": "this_month"}}),
    ("honey jars, this week compared with the week before", "compare",
     {"metrics": ["orders"], "period": {"name": "this_week"}}),
])
def test_a_trades_units_counted_are_its_orders(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("avg minutes per visit on the candle site this month", "kpis",
     {"metrics": ["session_length"], "period": {"name": "this_month"}}),
    ("which age group drove climbing wall turnout down this month", "movers",
     {"metric": "active_customers", "by": "age_band", "period": {"name": "this_month"}}),
    ("bike shop: tickets raised and tickets closed off last week", "kpis",
     {"metrics": ["tickets", "resolved_tickets"], "period": {"name": "last_week"}}),
    ("tickets raised and tickets resolved this month at the spa", "kpis",
     {"metrics": ["tickets", "resolved_tickets"], "period": {"name": "this_month"}}),
])
def test_visit_minutes_turnout_and_tickets_closed_beside_raised(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how many funnel cakes did the fair stall sell yesterday", "kpis",
     {"metrics": ["orders"], "period": {"name": "yesterday"}}),
    ("doily takings past 14 days", "kpis", {"metrics": ["revenue"], "period": {"name": "last_14_days"}}),
    ("ice cream van money this week vs last week", "compare", {"metrics": ["revenue"], "period": {"name": "this_week"}}),
    ("scaffold money this quarter against last quarter", "compare",
     {"metrics": ["revenue"], "period": {"name": "this_quarter"}}),
])
def test_goods_near_a_planner_word_stay_the_trades(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)
    # the funnel itself is still the funnel
    if "funnel" in question:
        assert_plans(rules, "show me the funnel for last week", "funnel", period={"name": "last_week"})


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("surf lessons each week in august and september", "trend",
     {"metric": "orders", "grain": "week", "period": {"start": "2026-08-01", "end": "2026-09-30"}}),
    ("pie shop takings each day through september and october", "trend",
     {"metric": "revenue", "grain": "day", "period": {"start": "2026-09-01", "end": "2026-10-31"}}),
    ("is october head and shoulders above the other months for pumpkin orders", "time_pattern",
     {"metric": "orders", "by": "month", "focus": "October"}),
    ("bakery takings: is july a cut above every other month", "time_pattern",
     {"metric": "revenue", "by": "month", "focus": "July"}),
    ("do tuesdays bring in enough haircuts to bother opening", "time_pattern",
     {"metric": "orders", "by": "weekday", "focus": "Tuesday"}),
    ("do sundays bring in enough to bother opening", "time_pattern",
     {"metric": "revenue", "by": "weekday", "focus": "Sunday"}),
])
def test_spans_and_time_patterns_in_a_trades_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("sandwich orders are down this month - which first channel's dragging them",
     {"metric": "orders", "by": "channel", "period": {"name": "this_month"}}),
    ("which persona explains the pizza order drop last month",
     {"metric": "orders", "by": "persona", "period": {"name": "last_month"}}),
])
def test_a_fall_blamed_on_a_group_is_that_kpis_movers(rules, question, args):
    assert_plans(rules, question, "movers", **args)
