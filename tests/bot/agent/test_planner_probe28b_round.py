"""Readings added in phase AD (lane g-probe28b) by class, from probe28b's and blind26's misses of
follow-ups, re-cuts, goods one by one and funnels, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _said(rules, key, question, tool):
    """Ask `question` in `key`'s conversation, as a user would, and keep it for the next one."""
    plan = rules.plan(question, key)
    rules.remember(key, plan)
    assert plan.spec is not None and plan.spec.name == tool, f"{question!r}: read {plan.spec and plan.spec.name} {plan.args}"


@pytest.mark.parametrize(("question", "args"), [
    # the goods gone through one at a time, in the trade's own word
    ("candles one by one, which sold the most this month", {"measure": "units", "period": {"name": "this_month"}}),
    ("cheeses one at a time, ranked by revenue last month", {"measure": "revenue", "period": {"name": "last_month"}}),
    ("soap scents scent by scent, by units", {"measure": "units"}),
    ("hat styles, which sold the fewest boxes this week", {"measure": "units", "order": "bottom"}),
    ("jam flavours ranked, worst first", {"order": "bottom"}),
    ("chutneys, worst selling first", {"order": "bottom"}),
    ("cake fillings with the biggest growth in october against september",
     {"rank": "change", "period": {"start": "2026-10-01", "end": "2026-10-31"}}),
])
def test_goods_one_by_one_are_product_sales_by_product(rules, question, args):
    assert_plans(rules, question, "product_sales", by="product", **args)


def test_a_category_ranking_recut_goods_by_goods_is_by_product(rules):
    key = "probe28b-recut"
    _said(rules, key, "bulb ranges, which made the most in q3", "product_sales")
    assert_plans(rules, "now bulb by bulb", "product_sales", key=key, by="product", measure="revenue",
                 period={"start": "2026-07-01", "end": "2026-09-30"})


@pytest.mark.parametrize(("question", "tool", "args"), [
    # "X by X" stays a town, a week, a quarter or a step when X is one
    ("candle orders town by town last month", "movers", {"by": "city", "rank": "value"}),
    ("cider takings week by week", "trend", {"grain": "week"}),
    ("table covers quarter by quarter", "trend", {"metric": "orders", "grain": "quarter"}),
    ("bakery funnel step by step from browsing to buying", "funnel",
     {"stages": ["consideration", "decision", "purchase"]}),
])
def test_x_by_x_of_a_group_time_or_step_keeps_its_reading(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("how many bakery shoppers get from browsing to buying, one town at a time",
     {"stages": ["consideration", "decision", "purchase"], "by": "city"}),
    ("bike shop funnel, product page to basket to checkout, one channel at a time",
     {"touchpoints": ["product_view", "add_to_cart", "checkout_start"], "by": "channel"}),
    ("cat rescue: between browsing and adopting a cat, where do we lose folk",
     {"stages": ["consideration", "decision", "purchase"]}),
    ("from browsing to commissioning a portrait, how many make it", {"stages": ["consideration", "decision", "purchase"]}),
    ("landed on site, looked at a scarf page, basket, checkout, order placed",
     {"touchpoints": ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"]}),
    ("landed on the site, opened a lamp page, basket, checkout, order placed - how many lamp shoppers get thru each step",
     {"touchpoints": ["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"], "skips": None}),
])
def test_funnels_by_town_trade_sale_and_goods_page(rules, question, args):
    assert_plans(rules, question, "funnel", **args)


def test_only_people_who_went_through_every_step_still_skip(rules):
    assert_plans(rules, "browsing to buying, only count people who went through every step", "funnel", skips="stop")


@pytest.mark.parametrize(("question", "args"), [
    ("whaur dae the shortbread lookers drift aff afore they order", {}),
    ("where do cake buyers go quiet before they write us a review", {"goal_stage": "advocacy"}),
    ("mug customers who never write a review, where do they stop", {"goal_stage": "advocacy"}),
    ("kite buyers, last spot before they fail to reach after-sales", {"goal_stage": "post-purchase"}),
    ("where do bike buyers drop away before the after-sales stage", {"goal_stage": "post-purchase"}),
    ("lamp shoppers who never even began checking out, where were they last seen", {"goal_touchpoint": "checkout_start"}),
])
def test_drop_off_goals_said_as_deeds(rules, question, args):
    assert_plans(rules, question, "dropoffs", **args)


def test_gone_quiet_alone_stays_the_lapsing_customers(rules):
    assert_plans(rules, "mug buyers who used to order loads and have gone quiet", "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize(("first", "tool", "follow", "args"), [
    ("where do kite browsers bail before the checkout", "dropoffs", "mate, now only for the newsletter lot",
     {"goal_stage": "decision", "filters": {"segment": ["newsletter"]}}),
    ("lamp orders per age group", "movers", "bro keep that but only the loyalty mob",
     {"by": "age_band", "rank": "value", "filters": {"segment": ["loyalty"]}}),
    ("how many visitors came thru the zoo gate last week", "kpis", "sasa, now only the ones from Bristol",
     {"metrics": ["active_customers"], "period": {"name": "last_week"}, "filters": {"region": ["Bristol"]}}),
    ("cider takings week by week since august", "trend", "lah, same but tiktok finds only",
     {"metric": "revenue", "grain": "week", "filters": {"channel": ["tiktok"]}}),
    ("wah gwaan, what di bakery customers dem griping bout this month", "feedback_themes", "jus di support tickets dem now",
     {"sentiment": "negative", "period": {"name": "this_month"}, "source": ["ticket"]}),
    ("which town moved scarf orders most last month", "movers", "lads, do that one again region by region",
     {"by": "region", "metric": "orders", "rank": "change", "period": {"name": "last_month"}}),
    ("which segment drove the drop in kite takings this month", "movers", "an cut kites by the buyers' age brackets",
     {"by": "age_band", "metric": "revenue", "rank": "change"}),
    ("any alerts going off for the kite shop", "open_alerts", "show the ones that got cleared too lah",
     {"include_resolved": True}),
])
def test_filter_and_split_follow_ups_after_a_particle_keep_the_rest(rules, first, tool, follow, args):
    key = "probe28b-" + first
    _said(rules, key, first, tool)
    plan = rules.plan(follow, key)
    rules.remember(key, plan)
    read = plan.spec.name if plan.spec else None
    wrong = {k: plan.args.get(k) for k, v in args.items() if plan.args.get(k, "change" if k == "rank" else None) != v}
    assert read == tool and not wrong, f"{follow!r}: read {read} {plan.args}; wrong: {wrong}"


@pytest.mark.parametrize(("question", "tool", "args"), [
    # a date is one day of the period named; a weekday is the week's pattern
    ("top date for cider money in september", "trend",
     {"metric": "revenue", "grain": "day", "period": {"start": "2026-09-01", "end": "2026-09-30"}}),
    ("the bakery's best day for takings in october, which date was it", "trend",
     {"metric": "revenue", "grain": "day", "period": {"start": "2026-10-01", "end": "2026-10-31"}}),
    ("what's our best day for takings", "time_pattern", {"metric": "revenue", "by": "weekday"}),
    ("best weekday for takings at the cafe", "time_pattern", {"metric": "revenue", "by": "weekday"}),
])
def test_best_date_is_a_daily_trend_and_best_weekday_a_pattern(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metrics"), [
    ("how many separate people buy cakes from us each week", None),
    ("how many feedback forms did the kayak hire customers send back last month", ["survey_responses"]),
])
def test_counts_of_people_and_forms(rules, question, metrics):
    plan = rules.plan(question, "plans-" + question)
    assert plan.spec is not None
    got = plan.args.get("metrics") or [plan.args.get("metric")]
    assert got == (metrics or ["buyers"]), f"{question!r}: read {plan.spec.name} {plan.args}"
