"""Readings added in phase V (lane g-tune31) by class, from the open misses of the tuning banks
(blind15-19), on phrasings written for this round in other trades (rules only: the `rules`
fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _talk(planner, key, *questions):
    """Ask each question in one conversation; the plan of the last."""
    plan = None
    for q in questions:
        plan = planner.plan(q, key)
        planner.remember(key, plan)
    return plan


@pytest.mark.parametrize("follow", ["out of 5 on average?", "and on average, out of five?"])
def test_the_scale_said_after_a_satisfaction_share_is_the_mean_rating(rules, follow):
    plan = _talk(rules, "t31-scale-" + follow, "csat for the pottery classes last month", follow)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["csat_mean"], plan.args
    assert plan.args["period"] == {"name": "last_month"}, plan.args


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("the kiosk money each week since august", "revenue", "week"),
    ("salon cash per day this month", "revenue", "day"),
])
def test_the_business_money_over_a_grain_is_revenue(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_same_but_the_money_keeps_the_threads_period(rules):
    plan = _talk(rules, "t31-money", "how many clients booked each week since june",
                 "same but grooming parlour money each week")
    assert plan.spec.name == "trend" and plan.args["metric"] == "revenue" and plan.args["grain"] == "week", plan.args
    assert plan.args["period"]["start"] == "2026-06-01", plan.args


@pytest.mark.parametrize("follow", ["what hour of the day then, for the ice cream takings?",
                                    "which month then, for the money?"])
def test_then_mid_question_continues_the_last_analysis(rules, follow):
    plan = _talk(rules, "t31-then-" + follow, "which weekday do we take the most since august", follow)
    assert plan.spec.name == "time_pattern" and plan.follow_up, plan.args
    assert plan.args["period"]["start"] == "2026-08-01", plan.args


def test_a_lead_per_with_instead_switches_the_split(rules):
    plan = _talk(rules, "t31-per", "which region's diners spend the most per visit",
                 "per age band instead for the tapas spend")
    assert plan.spec.name == "movers" and plan.args["by"] == "age_band" and plan.args["metric"] == "aov", plan.args


@pytest.mark.parametrize("question", [
    "how many of the roofing complaints got put to bed last month",
    "how many of the dental complaints did we get squared away in october",
])
def test_complaints_counted_as_resolved_are_tickets_not_themes(rules, question):
    assert_plans(rules, question, "kpis", metrics=["resolved_tickets"])


@pytest.mark.parametrize(("question", "days"), [
    ("if a member who hasn't renewed a pass in 60 days counts as gone, what % have we lost", 60),
    ("if a client who hasn't booked a clean in 120 days has left, what percentage did we lose", 120),
])
def test_a_churn_window_with_the_thing_bought_and_the_share_lost(rules, question, days):
    assert_plans(rules, question, "kpis", metrics=["churn_rate"], churn_window_days=days)


@pytest.mark.parametrize("question", [
    "piercings booked in the back half of september, and what they were worth",
    "how many lessons did we sell last week and what they brought in",
])
def test_orders_counted_and_what_they_came_to(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders", "revenue"])


@pytest.mark.parametrize("follow", ["compared with 5 days ago?", "and the new ones vs a fortnight back"])
def test_newly_at_risk_against_another_day_stays_that_list(rules, follow):
    plan = _talk(rules, "t31-newly-" + follow, "which gym members went high risk in the last 30 days", follow)
    assert plan.spec.name == "newly_at_risk", plan.args
    assert plan.args["days"] == (5 if "5" in follow else 14), plan.args


@pytest.mark.parametrize(("question", "measure"), [
    ("do late parcel deliveries vs on-time ones get different nps", "nps"),
    ("csat on late installs compared with on-time installs", "csat"),
])
def test_late_against_on_time_with_words_between_is_the_delivery_split(rules, question, measure):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by="delivery")


@pytest.mark.parametrize("question", [
    "are wholesale buyers more negative in tone than vip ones",
    "do vip clients sound grumpier than the wholesale lot in their comments",
])
def test_two_segments_compared_on_tone(rules, question):
    assert_plans(rules, question, "satisfaction_by", measure="sentiment", by="segment")


@pytest.mark.parametrize(("question", "sentiment"), [
    ("diners complain about what one, this month", "negative"),
    ("guests rave about what ah", "positive"),
])
def test_the_question_word_left_at_the_end_asks_the_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize("question", [
    "members who trained twice a week and now hardly show up",
    "which clients that booked every month now rarely book",
])
def test_regulars_who_now_barely_come_are_lapsing(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize(("question", "against"), [
    ("refunds last week to the week before that", {"start": "2026-10-26", "end": "2026-11-01"}),
    ("first response time last month to the month before that", {"start": "2026-09-01", "end": "2026-09-30"}),
])
def test_a_period_to_the_one_before_that_is_compared(rules, question, against):
    assert_plans(rules, question, "compare", against=against)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which of our record genres do collectors rate lowest", "satisfaction_by", {"by": "product_category"}),
    ("csat per wine category last month", "satisfaction_by", {"measure": "csat", "by": "product_category"}),
    ("which film genres bring in the most money this year", "product_sales", {"by": "product_category", "measure": "revenue"}),
])
def test_the_trades_own_categories_are_the_product_category(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "how many people got a haircut from us last month",
    "how many families took a hamper off us this winter",
])
def test_people_who_took_goods_from_us_are_the_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


@pytest.mark.parametrize("question", [
    "which folk who haven't joined yet might join soon",
    "who hasn't enrolled yet but might sign up soon",
])
def test_not_yet_bought_but_might_soon_is_the_propensity_of_prospects(rules, question):
    assert_plans(rules, question, "purchase_propensity", who="prospects")


@pytest.mark.parametrize("question", [
    "how many tenant requests are still sitting unanswered and unresolved",
    "how many boiler queries are still unanswered n unresolved",
])
def test_two_words_for_still_open_are_one_kpi(rules, question):
    assert_plans(rules, question, "kpis", metrics=["open_tickets"])


@pytest.mark.parametrize("question", [
    "do ye have our booking data and the reviews as well?",
    "have you got the class records and the feedback stuff both",
])
def test_two_kinds_of_records_asked_after_are_what_the_data_holds(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize("question", [
    "is anything showing amber on the alarms for the salon",
    "anythin gone aff on the kiln that we've no dealt wi",
])
def test_alerts_lit_or_gone_off_and_not_dealt_with_are_the_open_alerts(rules, question):
    assert_plans(rules, question, "open_alerts")


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how the palm readings are going week by week", "trend", {"metric": "orders", "grain": "week"}),
    ("did we do more tarot readings in august than in july?", "compare", {"metrics": ["orders"]}),
])
def test_a_readers_readings_are_orders(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "metric"), [
    ("how long do our rugs take to reach the buyer", "delivery_time"),
    ("how long do the slowest 1 in 10 hampers take to get to the client", "delivery_time_p90"),
])
def test_goods_taking_long_to_reach_whoever_gets_them_is_the_delivery_time(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_a_segment_then_the_trades_word_then_its_people_is_that_segment(rules):
    assert_plans(rules, "the 3 vip pilates clients most at risk", "at_risk_customers", limit=3,
                 filters={"segment": ["vip"]})


@pytest.mark.parametrize("question", [
    "where the shoppers run away before paying, this month",
    "kindly tell where patients leave before a first appointment",
    "the last spot folk were before they gave up on us",
])
def test_where_people_leave_before_a_step_said_without_do_is_the_dropoffs(rules, question):
    assert_plans(rules, question, "dropoffs")


def test_what_people_do_before_they_hire_is_their_paths(rules):
    assert_plans(rules, "what do guests typically do before they rent a kayak", "paths")


@pytest.mark.parametrize(("question", "end"), [
    ("takings prior to october", "2026-09-30"),
    ("how many lessons did we sell before august", "2026-07-31"),
])
def test_before_a_month_ends_the_day_before_it(rules, question, end):
    plan = rules.plan(question, "t31-before-" + question)
    assert plan.spec.name == "kpis" and plan.args["period"].get("end") == end, plan.args
    assert not plan.args["period"].get("start"), plan.args


@pytest.mark.parametrize(("question", "which", "text"), [
    ("take queues off persona 2's pain points", [2], "queues"),
    ("drop 'noise' from the pain points of persona 3", [3], "noise"),
])
def test_a_point_taken_off_a_numbered_cards_pain_points(rules, question, which, text):
    assert_plans(rules, question, "edit_persona", action="remove_pain_point", which=which, text=text)


def test_a_document_named_for_the_quarter_is_no_quarterly_grain(rules):
    assert_plans(rules, "bookings for Q2 please, they're for the quarterly board report", "kpis", metrics=["orders"])


def test_quicker_at_closing_between_two_quarters_is_the_resolution_time_compared(rules):
    assert_plans(rules, "were we any faster fixing boiler faults in Q2 than in Q1", "compare", metrics=["resolution_time"])


@pytest.mark.parametrize("question", ["what share of clients hire us again", "what % of guests book again"])
def test_a_share_who_hire_or_book_again_is_the_repeat_rate(rules, question):
    assert_plans(rules, question, "kpis", metrics=["repeat_purchase_rate"])


def test_more_or_fewer_people_coming_back_for_another_are_the_repeat_customers(rules):
    assert_plans(rules, "are fewer swimmers coming back for another lesson this month than last", "compare",
                 metrics=["repeat_customers"])
