"""Readings added in phase Z (lane g-probe24a) by class, from the misses of
tests/questions_probe24a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


# A trade's count and its money (or its average bill, or its buyers) in one breath: each is read.
@pytest.mark.parametrize(("question", "metrics"), [
    ("how many bike hires did we do last week and what did they bring in", {"orders", "revenue"}),
    ("surf lessons booked and fees earned this month", {"orders", "revenue"}),
    ("cakes sold, takings and avg ticket yesterday", {"orders", "revenue", "aov"}),
    ("number of hamper orders and total receipts for october", {"orders", "revenue"}),
    ("kayak rentals and rental money from the loyalty lot last month", {"orders", "revenue"}),
    ("how many sales and how much in sales at the chip van this week", {"orders", "revenue"}),
    ("number of sales and sales value for the candle stall last month", {"orders", "revenue"}),
    ("wreaths sold and cash in for the 35-44s this month", {"orders", "revenue"}),
    ("how many gift boxes did folk in Bristol order since june, and what did they pay for them", {"orders", "revenue"}),
    ("soap bars: how many orders, how many different buyers, avg order value this week", {"orders", "buyers", "aov"}),
])
def test_a_count_and_its_money_asked_together_are_both_read(rules, question, metrics):
    plan = rules.plan(question, "p24a-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", (question, plan.spec and plan.spec.name, plan.args)
    assert set(plan.args.get("metrics", [])) == metrics, (question, plan.args)


@pytest.mark.parametrize(("question", "metrics"), [
    ("did we sell more surfboards and take more money in may than april", {"orders", "revenue"}),
    ("canoe hires and what paddlers spent per hire, this month vs last", {"orders", "aov"}),
    ("bakery: what did we take this week and how many loaves went, up or down on last week?", {"orders", "revenue"}),
    ("compare june and july for tea chests shipped and receipts", {"orders", "revenue"}),
])
def test_a_count_and_its_money_compared_are_both_read(rules, question, metrics):
    plan = rules.plan(question, "p24a-" + question)
    assert plan.spec is not None and plan.spec.name == "compare", (question, plan.spec and plan.spec.name, plan.args)
    assert set(plan.args.get("metrics", [])) == metrics, (question, plan.args)


def test_orders_a_measure_is_of_stay_out(rules):
    assert_plans(rules, "how many orders arrived on time?", "kpis", metrics=["on_time_delivery"])


def test_a_count_sold_and_worth_is_no_lifetime_value(rules):
    plan = rules.plan("how many yoga passes did we sell in june and what were they worth", "p24a-worth")
    assert plan.spec.name == "kpis" and set(plan.args["metrics"]) == {"orders", "revenue"}, plan.args


def test_tables_served_are_a_cafe_count_not_the_data_tables(rules):
    plan = rules.plan("tea room today: tables served, money taken and avg spend per table", "p24a-tables")
    assert plan.spec.name == "kpis" and set(plan.args["metrics"]) == {"orders", "revenue", "aov"}, plan.args


def test_a_median_and_its_slow_tail_asked_together_are_both_read(rules):
    plan = rules.plan("median hours to first reply and the slowest 1 in 10", "p24a-tail")
    assert set(plan.args.get("metrics", [])) == {"first_response_time", "first_response_time_p90"}, plan.args
    assert_plans(rules, "the slowest parcels, 90th percentile, this quarter", "kpis", metrics=["delivery_time_p90"])


@pytest.mark.parametrize(("question", "metric"), [
    ("bike hire takings month on month", "revenue"),
    ("yoga class bookings month on month", "orders"),
])
def test_month_on_month_with_no_two_periods_is_a_monthly_trend(rules, question, metric):
    assert_plans(rules, question, "trend", metric=metric, grain="month")


def test_month_on_month_change_stays_a_compare(rules):
    plan = rules.plan("month on month change in hamper orders", "p24a-mom")
    assert plan.spec.name == "compare", plan.args


@pytest.mark.parametrize("question", [
    "the busiest single day in september for the ferry, money wise",
    "our best single trading day last month for takings",
])
def test_the_best_single_day_is_a_daily_series(rules, question):
    plan = rules.plan(question, "p24a-" + question)
    assert plan.spec.name == "trend" and plan.args.get("grain") == "day", plan.args


@pytest.mark.parametrize("question", [
    "where do we shed people before reaching the checkout page, candle shop",
    "where are we bleeding shoppers before checkout",
])
def test_people_shed_before_the_checkout_page_are_the_drop_offs_to_it(rules, question):
    assert_plans(rules, question, "dropoffs", goal_stage="decision")


@pytest.mark.parametrize("question", [
    "lapsed big spenders at the florist i should chase first",
    "the valuable clients who lapsed, who do i go after",
])
def test_lapsed_big_spenders_are_the_valuable_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back_valuable")


def test_lapsed_but_worth_winning_back_says_no_value(rules):
    assert_plans(rules, "lapsed surf students worth winning back", "next_best_actions", action="win_back")


def test_enquirers_who_will_probably_sign_up_soon_are_prospects(rules):
    assert_plans(rules, "which choir enquirers that never joined will probably sign up soon", "purchase_propensity",
                 who="prospects")


def test_only_the_switched_on_rules_hyphenated(rules):
    assert_plans(rules, "list my alert rules, only the switched-on ones", "list_alert_rules", include_disabled=False)


def test_a_rule_named_without_its_article_then_its_threshold_set(rules):
    plan = rules.plan("ferry bookings alert: set the threshold at 30% instead", "p24a-rule")
    assert plan.spec.name == "change_alert_rule" and plan.args.get("value") == 30, plan.args


@pytest.mark.parametrize("question", [
    "big talking points in the choir feedback last month",
    "any hot topics in the reviews this week",
])
def test_talking_points_are_the_themes(rules, question):
    plan = rules.plan(question, "p24a-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.args


def test_complaints_left_hanging_open_are_the_open_tickets(rules):
    assert_plans(rules, "bike shop complaints left hanging open at the mo?", "kpis", metrics=["open_tickets"])
    plan = rules.plan("how many queries were sitting open each day for the last 7 days", "p24a-open-days")
    assert plan.spec.name == "trend" and plan.args.get("grain") == "day", plan.args


def test_browsers_turned_into_buyers_by_first_channel_is_the_funnel_split(rules):
    assert_plans(rules, "which first channel turns browsers into surf school bookers best", "funnel", by="channel")


def test_routes_to_the_checkout_for_the_goods_end_at_the_checkout(rules):
    assert_plans(rules, "top 3 routes to the checkout for candle orders", "paths", goal_stage="decision", top=3)


def test_a_funnel_follow_up_with_a_stage_word_keeps_the_steps(rules):
    key = "p24a-funnel"
    first = rules.plan("florist, between browsing and buying where do folk drop away", key)
    rules.remember(key, first)
    assert_plans(rules, "same but only counting ones who bought within 14 days", "funnel", key=key,
                 stages=["consideration", "decision", "purchase"], window_days=14)


def test_on_that_map_one_stage_in_detail_keeps_the_map(rules):
    key = "p24a-map"
    first = rules.plan("journey map for the ferry this quarter", key)
    rules.remember(key, first)
    assert_plans(rules, "on that map, open up the checkout part in detail", "journey_map", key=key,
                 period={"name": "this_quarter"}, stage="decision")


def test_separate_people_who_bought_the_goods_and_their_spend_are_kpis(rules):
    plan = rules.plan("how many separate people bought soap gift sets this month and what did they spend between them",
                      "p24a-people")
    assert plan.spec.name == "kpis" and set(plan.args["metrics"]) == {"buyers", "revenue"}, plan.args


def test_a_chain_of_steps_said_in_the_trades_words_is_the_touchpoint_funnel(rules):
    assert_plans(rules, "rug shop funnel: came on site, browsed a rug, basket, checkout, order through", "funnel",
                 touchpoints=["website_visit", "product_view", "add_to_cart", "checkout_start", "order_placed"])


@pytest.mark.parametrize("question", [
    "how many separate people bought candle boxes off us in the past fortnight",
    "how many different people ordered cheese boxes in june",
])
def test_a_head_count_of_buyers_gets_no_orders_beside_it(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


def test_a_conversion_of_the_trades_jobs_is_no_count_of_orders(rules):
    plan = rules.plan("from quote request to a paid install, how many boiler jobs convert", "p24a-convert")
    assert plan.spec.name == "funnel", plan.args


def test_two_steps_said_with_to_stay_the_touchpoint_funnel(rules):
    assert_plans(rules, "product page to basket for the loyalty lot", "funnel", touchpoints=["product_view", "add_to_cart"])
