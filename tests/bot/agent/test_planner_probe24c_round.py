"""Readings added in phase Z (lane g-probe24c) by class, from probe24c's misses (cart abandonment
said short and its window said before the comma, people counted once by a trade's verb, goods
gone through one by one or named in two words, a funnel's span said at the head of a clause or
with where they looked, a chain of web steps listed with commas, and a few follow-up, drop-off,
path and feedback asks), on phrasings written for this round in other trades (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

SEPTEMBER = {"start": "2026-09-01", "end": "2026-09-30"}
AUGUST = {"start": "2026-08-01", "end": "2026-08-31"}
FUNNEL = ["consideration", "decision", "purchase"]


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("what's the abandon rate on the candle site this month", "kpis",
     {"metrics": ["cart_abandonment"], "period": {"name": "this_month"}}),
    ("abandoned rate for the kite shop last week", "kpis", {"metrics": ["cart_abandonment"], "period": {"name": "last_week"}}),
])
def test_an_abandon_rate_is_the_cart_abandonment(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("counting a basket as dumped once it has sat 3 hrs, what was the bike shop's abandon rate", "kpis",
     {"metrics": ["cart_abandonment"], "cart_window_hours": 3}),
    ("treating a trolley as abandoned after 12 hours, how has basket abandonment looked week by week", "trend",
     {"metric": "cart_abandonment", "grain": "week", "cart_window_hours": 12}),
])
def test_a_cart_window_said_before_the_comma_is_kept(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("how many different families rented a canoe in august", {"metrics": ["buyers"], "period": AUGUST}),
    ("how many separate parents enrolled a child in swimming lessons", {"metrics": ["buyers"]}),
    ("how many clients are on their 2nd boiler service or more", {"metrics": ["repeat_customers"], "min_orders": 2}),
])
def test_people_counted_by_a_trades_verb_or_from_their_second_order(rules, question, args):
    assert_plans(rules, question, "kpis", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("cheese shop: item by item, by units, last month",
     {"by": "product", "measure": "units", "period": {"name": "last_month"}}),
    ("candle maker: range by range turnover", {"by": "product_category", "measure": "revenue"}),
    ("which wool blanket designs bring in the most cash", {"by": "product", "measure": "revenue"}),
    ("cheese flavours that shifted the most wheels in september", {"by": "product", "measure": "units", "period": SEPTEMBER}),
    ("candle lines growing fastest this month", {"by": "product_category", "rank": "change", "period": {"name": "this_month"}}),
])
def test_goods_one_by_one_or_named_in_two_words_are_product_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("bike hire: looking to renting by town", {"stages": FUNNEL, "by": "city"}),
    ("pottery: from looking at the web shop to buying, per segment", {"stages": FUNNEL, "by": "segment"}),
    ("pottery classes: browsing to booking, only counting ones who booked within 14 days", {"stages": FUNNEL, "window_days": 14}),
    ("mug shop: landed on the site, looked at a mug, basket, checkout, order placed",
     {"touchpoints": ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"]}),
])
def test_a_funnels_span_at_a_clauses_head_or_steps_listed_with_commas(rules, question, args):
    assert_plans(rules, question, "funnel", **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("the top 3 points where shoppers go missing before checking out, no need for the comparison", "dropoffs",
     {"top": 3, "compare": False}),
    ("last spot folk were seen before never booking online", "dropoffs", {"goal_touchpoint": "order_placed"}),
    ("candle shop: stage by stage, what road do buyers take before buying", "paths", {"level": "stage"}),
    ("how often does the road to a wedding booking involve a phone call", "paths", {}),
])
def test_where_people_go_missing_and_the_road_they_take(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("does june jump out from the other months for ice cream takings", "time_pattern",
     {"metric": "revenue", "by": "month", "focus": "June"}),
    ("big talking points in the bakery reviews this month", "feedback_themes", {"period": {"name": "this_month"}}),
    ("dormant regulars worth going after at the barber shop", "next_best_actions", {"action": "win_back"}),
    ("lapsed top spenders we should chase at the wine bar", "next_best_actions", {"action": "win_back_valuable"}),
    ("which members are a good bet to book again next month", "purchase_propensity", {}),
])
def test_a_month_standing_out_talking_points_lapsed_people_chased_and_a_good_bet(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("gig tickets per town in september", "do that for regions", "movers", {"metric": "orders", "by": "region"}),
    ("nps per segment, worst to best", "order them by the size of each one's change", "movers",
     {"metric": "nps", "by": "segment", "rank": "change"}),
    ("bakery: show me the journey map for this quarter", "go in close on the checkout bit", "journey_map", {"stage": "decision"}),
    ("what are people moaning about this month", "keep it to the survey cards only", "feedback_themes",
     {"sentiment": "negative", "source": ["survey"]}),
    ("draft 3 personas for the bakery", "card 1: trim it to weekday folk who order via the app", "edit_persona",
     {"action": "narrow", "which": [1], "focus": ["weekday", "online"]}),
    ("who's likely to stop coming to the gym, biggest spenders first", "only those whose first touch was facebook",
     "at_risk_customers", {"sort_by": "value", "filters": {"channel": ["facebook"]}}),
])
def test_follow_ups_that_split_sort_zoom_keep_a_source_narrow_a_card_or_filter(rules, first, then, tool, args):
    key = "probe24c-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, **args)
