"""Readings added in phase AE (lane g-probe29b) by class, from probe29b's and blind28's misses of
compares, funnels, drop-offs, paths and goods ranked, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

OCT = {"start": "2026-10-01", "end": "2026-10-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}
NOV1 = {"start": "2026-11-01", "end": "2026-11-15"}
OCT1 = {"start": "2026-10-01", "end": "2026-10-15"}


def _asked(planner, question, key):
    plan = planner.plan(question, key)
    planner.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "period", "against"), [
    ("hoof trims: did we do more in october than september", OCT, SEP),
    ("kite repairs, did we do fewer in september than october", SEP, OCT),
    ("did more candles go out in september or in october", SEP, OCT),
    ("did more hampers get sold in october or september", OCT, SEP),
    ("tile jobs done: did november's first half beat october's first half", NOV1, OCT1),
])
def test_goods_asked_more_or_fewer_of_two_periods_are_the_orders_compared(rules, question, period, against):
    assert_plans(rules, question, "compare", metrics=["orders"], period=period, against=against)


@pytest.mark.parametrize(("question", "period"), [
    ("bagel tubs, this week compared with the week before", {"name": "this_week"}),
    ("ferry crossings: this quarter against last", {"name": "this_quarter"}),
    ("gazebo hires: did we sell more last month than the month before", {"name": "last_month"}),
])
def test_goods_said_as_a_heading_before_their_periods_are_the_orders_compared(rules, question, period):
    assert_plans(rules, question, "compare", metrics=["orders"], period=period)


@pytest.mark.parametrize(("first", "again", "metric"), [
    ("did more wreaths go out in october or in september", "righto, now buyers instead, same comparison", "buyers"),
    ("did more wreaths go out in october or in september", "now di money instead, same two months", "revenue"),
])
def test_a_metric_swapped_after_a_goods_compare_keeps_both_periods(rules, first, again, metric):
    key = "probe29b-swap-" + again
    _asked(rules, first, key)
    plan = _asked(rules, again, key)
    assert plan.spec is not None and plan.spec.name == "compare", plan
    assert plan.args.get("metrics") == [metric] and plan.args.get("period") == OCT and plan.args.get("against") == SEP, \
        plan.args


@pytest.mark.parametrize(("question", "metric"), [
    ("site conversion this month dip or not", "purchase_conversion"),
    ("buying rate this week drop or not", "purchase_conversion"),
])
def test_a_change_asked_yes_or_no_is_a_compare(rules, question, metric):
    assert_plans(rules, question, "compare", metrics=[metric])


def test_the_average_sale_value_is_the_average_order(rules):
    assert_plans(rules, "avg sale value at the kiosk last month vs september", "compare", metrics=["aov"],
                 period={"name": "last_month"}, against=SEP)
    assert_plans(rules, "total sale value of the cumin last month", "kpis", metrics=["revenue"])  # the money, as ever


@pytest.mark.parametrize(("question", "touchpoints"), [
    ("tyre shop: site visit, tyre page, basket, checkout, booked - where are we losing folks",
     ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"]),
    ("kayak hire: site visit, then kayak page, then basket, then order placed - where do we lose people",
     ["website_visit", "product_view", "add_to_cart", "order_placed"]),
    ("vape shop site visit, product page, basket, checkout, order - where do people drop",
     ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"]),
])
def test_steps_listed_then_where_people_are_lost_are_the_funnel_over_every_step(rules, question, touchpoints):
    assert_plans(rules, question, "funnel", touchpoints=touchpoints)


def test_a_listed_funnel_keeps_its_split(rules):
    assert_plans(rules, "bike shop: product page, basket, checkout - where do ppl drop, split by first channel", "funnel",
                 touchpoints=["product_view", "add_to_cart", "checkout_start"], by="channel")


@pytest.mark.parametrize(("question", "args"), [
    ("where do ppl give up before a lamp reaches the basket", {"goal_touchpoint": "add_to_cart"}),
    ("where di folk drop off before a tin reach di basket", {"goal_touchpoint": "add_to_cart"}),
    ("where do cake orderers drop off before checkout", {"goal_stage": "decision"}),
    ("pub quiz: where do ppl stop before they even started checkout", {"goal_touchpoint": "checkout_start"}),
    ("where do the vape people stop before ordering online", {"goal_touchpoint": "order_placed"}),
])
def test_drop_offs_before_a_step(rules, question, args):
    assert_plans(rules, question, "dropoffs", **args)


def test_what_people_click_before_an_order_is_the_paths(rules):
    assert_plans(rules, "what do the candle people click before they place an order online, just the last 3 steps", "paths",
                 goal_touchpoint="order_placed", max_steps=3)


@pytest.mark.parametrize(("question", "args"), [
    ("which mugs barely sold last month", {"order": "bottom", "period": {"name": "last_month"}}),
    ("which garden gnomes hardly shifted this quarter", {"order": "bottom", "period": {"name": "this_quarter"}}),
    ("which linen tea towels sold the fewest, past 3 months",
     {"order": "bottom", "measure": "units", "period": {"name": "last_90_days"}}),
    ("honey and the other jars: which shift the most units", {"measure": "units"}),
    ("in september, which hats jumped the most from the month before", {"rank": "change", "period": SEP}),
    ("which wool scarves bring in the maist cash", {"measure": "revenue"}),
])
def test_goods_ranked_in_an_owners_words(rules, question, args):
    assert_plans(rules, question, "product_sales", by="product", **args)


@pytest.mark.parametrize(("first", "again", "top"), [
    ("which mugs barely sold last month", "ok now the top 3 instead", 3),
    ("which fudge flavours sell worst", "flip it, show me the best 5", 5),
])
def test_the_top_asked_after_the_bottom_flips_the_order(rules, first, again, top):
    key = "probe29b-flip-" + first
    _asked(rules, first, key)
    plan = _asked(rules, again, key)
    assert plan.spec is not None and plan.spec.name == "product_sales", plan
    assert plan.args.get("order") == "top" and plan.args.get("top") == top and plan.args.get("by") == "product", plan.args


def test_the_bottom_asked_after_the_top_keeps_the_measure(rules):
    key = "probe29b-worst"
    _asked(rules, "which soap bars shift the most units this month", key)
    plan = _asked(rules, "now the worst 5 instead please", key)
    assert plan.args.get("order") == "bottom" and plan.args.get("top") == 5 and plan.args.get("measure") == "units", plan.args


@pytest.mark.parametrize(("first", "again", "args"), [
    ("glass shop: product page, then basket, then checkout, then order placed - where do we lose people",
     "those same steps please, but split by first channel", {"by": "channel"}),
    ("yoga studio: looking us over, then paying, then writing a review - where do folks drop out",
     "same three steps, but drop anybody who skips a step", {"skips": "stop"}),
    ("climbing wall: from first hearing of us to booking a session, every step - where do we lose people",
     "keep it to folk who went on to book inside 7 days", {"window_days": 7}),
])
def test_a_funnels_follow_up_keeps_its_steps(rules, first, again, args):
    key = "probe29b-steps-" + first
    before = _asked(rules, first, key)
    assert before.spec is not None and before.spec.name == "funnel", before
    plan = _asked(rules, again, key)
    assert plan.spec is not None and plan.spec.name == "funnel", plan
    steps = {k: before.args[k] for k in ("stages", "touchpoints") if before.args.get(k)}
    assert steps and all(plan.args.get(k) == v for k, v in {**steps, **args}.items()), plan.args


def test_with_said_wi_apostrophe_keeps_the_second_period(rules):
    assert_plans(rules, "cobble jobs last month compared wi' september", "compare", metrics=["orders"],
                 period={"name": "last_month"}, against=SEP)
