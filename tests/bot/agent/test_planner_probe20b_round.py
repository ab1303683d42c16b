"""Readings added in phase V (lane g-probe20b) by class, from the misses of
tests/questions_probe20b.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

OCTOBER = {"start": "2026-10-01", "end": "2026-10-31"}


@pytest.mark.parametrize(("question", "period"), [
    ("how many different people picked up a kebab from us last week", {"name": "last_week"}),
    ("how many separate families grabbed a lolly off us in october", OCTOBER),
])
def test_people_who_grabbed_or_picked_up_something_are_the_buyers(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["buyers"], period=period)


@pytest.mark.parametrize("question", [
    "how many texts from parents are still sitting unanswered",
    "how many dms from riders are still unresolved",
])
def test_anything_still_unresolved_whatever_its_name_is_the_open_tickets(rules, question):
    assert_plans(rules, question, "kpis", metrics=["open_tickets"])


def test_the_spend_per_cover_is_one_orders_worth(rules):
    assert_plans(rules, "what's the spend per cover at the carvery this month", "kpis", metrics=["aov"],
                 period={"name": "this_month"})


@pytest.mark.parametrize(("question", "by"), [
    ("which age group's customers spend the most on one hamper order", "age_band"),
    ("which region's guests spend the most on one booking", "region"),
])
def test_spending_the_most_on_one_order_is_the_average_order_by_group(rules, question, by):
    assert_plans(rules, question, "movers", metric="aov", by=by, rank="value")


@pytest.mark.parametrize(("question", "by"), [
    ("what hour does the door take peak at the comedy club", "hour"),
    ("which night of the week pulls in the most", "weekday"),
])
def test_a_places_take_and_what_pulls_in_the_most_are_the_money(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="revenue", by=by)


def test_a_night_of_the_week_is_a_weekday_pattern(rules):
    assert_plans(rules, "which evening of the week has the highest spend per cover", "time_pattern", metric="aov",
                 by="weekday")


def test_may_after_is_or_was_is_the_month_weighed_against_the_others(rules):
    assert_plans(rules, "was may a slow month for the ice cream van", "time_pattern", by="month", focus="May")


def test_the_additional_buyers_a_group_brought_are_the_buyers(rules):
    assert_plans(rules, "which segment brought in the additional buyers last month", "movers", metric="buyers",
                 by="segment", period={"name": "last_month"})


def test_leaving_a_trades_website_after_one_page_is_the_bounce_rate(rules):
    assert_plans(rules, "what share of people left the salon website after one page last week", "kpis",
                 metrics=["bounce_rate"], period={"name": "last_week"})


def test_a_day_set_beside_the_same_weekday_before(rules):
    assert_plans(rules, "set friday's takings beside the friday before", "compare", metrics=["revenue"],
                 period={"start": "2026-11-13", "end": "2026-11-13"}, against={"start": "2026-11-06", "end": "2026-11-06"})


def test_paying_said_after_then_is_the_purchase_step(rules):
    assert_plans(rules, "checkout, then paying, then the after-sale calls, as a funnel for the bakery", "funnel",
                 stages=["decision", "purchase", "post-purchase"])


def test_losing_people_at_a_stage_said_with_ing(rules):
    assert_plans(rules, "at what stage are we losing the golfers", "dropoffs", level="stage")


def test_buyers_who_drop_off_before_checkout_are_people_not_the_goal(rules):
    assert_plans(rules, "top 3 spots buyers bail before getting to checkout", "dropoffs", goal_stage="decision", top=3)


def test_a_trades_own_range_word_rated_is_satisfaction_by_category(rules):
    assert_plans(rules, "which candle range gets the poorest star ratings", "satisfaction_by", measure="review_score",
                 by="product_category")


def test_suddenly_getting_oddly_few_is_watched_downwards(rules):
    assert_plans(rules, "warn me if any segment suddenly gets oddly few orders", "create_alert_rule", metric="orders",
                 condition="unusual", direction="down", per="segment")


def test_a_takeaways_takeaways_are_its_orders(rules):
    assert_plans(rules, "alert me if takeaways fall 25% week on week", "create_alert_rule", metric="orders",
                 condition="drops_by", value=25.0, window_days=7)


def test_phoning_personally_is_the_personal_follow_up(rules):
    assert_plans(rules, "which members should i be phoning personally", "next_best_actions", action="personal_follow_up")


def test_any_plural_goods_selling_best_is_product_sales(rules):
    assert_plans(rules, "which pasties sell best this month", "product_sales", by="product", period={"name": "this_month"})


def test_a_booking_made_online_is_the_order_placed(rules):
    assert_plans(rules, "usual routes to an online lesson booking", "paths", goal_touchpoint="order_placed")


@pytest.mark.parametrize(("question", "metrics", "period"), [
    ("how many orders did we do last week, chur", ["orders"], {"name": "last_week"}),
    ("how many refunds this month, chur", ["refunded_orders"], {"name": "this_month"}),
])
def test_a_new_zealand_thanks_is_no_churn(rules, question, metrics, period):
    assert_plans(rules, question, "kpis", metrics=metrics, period=period)


def test_how_many_orders_we_did_and_whats_the_average_keeps_both(rules):
    assert_plans(rules, "how many pie orders did we do this week and what's the average bill", "kpis",
                 metrics=["orders", "aov"], period={"name": "this_week"})


@pytest.mark.parametrize(("question", "direction"), [
    ("ping me if the brunch covers suddenly get weirdly few", "down"),
    ("alert me if hires ever spike", "up"),
])
def test_a_trades_units_watched_for_an_odd_day_are_the_orders(rules, question, direction):
    assert_plans(rules, question, "create_alert_rule", metric="orders", condition="unusual", direction=direction)


@pytest.mark.parametrize(("question", "action"), [
    ("who should i be texting personally", "personal_follow_up"),
    ("which guests should we be ringing", None),
])
def test_who_to_be_ringing_or_texting_is_a_next_best_action(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


def test_a_parcel_got_on_the_promised_day_is_on_time_delivery(rules):
    assert_plans(rules, "share of folk who got their hamper on the promised day in october", "kpis",
                 metrics=["on_time_delivery"], period=OCTOBER)


@pytest.mark.parametrize("question", [
    "how many site visits turned into a booking, as a %",
    "share of web visits that became a sale last month",
])
def test_visits_that_turned_into_a_sale_as_a_share_are_session_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["session_conversion"])


def test_any_places_take_watched_is_the_revenue(rules):
    assert_plans(rules, "tell me if the kitchen take drops 20% day on day", "create_alert_rule", metric="revenue",
                 condition="drops_by", value=20.0, window_days=1)


def test_any_plural_goods_shrinking_fastest_is_product_sales_by_change(rules):
    assert_plans(rules, "which fillings are shrinking fastest", "product_sales", by="product", rank="change")
