"""Readings added in phase O (lane g-probe13) by class, from the misses of a probe written before
the work (tests/questions_probe13.yaml), on phrasings of other trades written for this round
(rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question, key=None):
    return rules.plan(question, key or "p13-" + question)


def _talk(rules, key, *questions):
    """Ask each question in one conversation; the last one's plan."""
    plan = None
    for q in questions:
        plan = rules.plan(q, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "metric"), [
    # a count said with the business as the subject
    ("how many support tickets has the bakery had this month", "tickets"),
    ("how many complaints did the salon get last week", "tickets"),
    # the share who were happy
    ("what share of clients were happy with the service in october", "csat"),
    ("percentage of patients who were pleased with their treatment last month", "csat"),
    # spend per unit sold
    ("which weekday do diners spend the most per cover", "aov"),
    ("which area spends the most per repair", "aov"),
    # days to the door
    ("how many days does it take to get a box of plants to the customer's door", "delivery_time"),
    # the time to a first purchase, whatever is sold
    ("median days between a client first contacting us and their first lesson", "time_to_first_purchase"),
    # "went ahead and booked" is a decision made, not the future
    ("of everyone who enquired last month, what share went ahead and ordered", "purchase_conversion"),
    # a head count of people who bought, in the trade's word for them
    ("how many swimmers booked last week", "buyers"),
    ("how many people ordered from the bakery yesterday", "buyers"),
    # sessions called off are orders
    ("how many cancelled sessions did the climbing wall have this month", "cancelled_orders"),
])
def test_a_kpi_said_in_owners_words(rules, question, metric):
    plan = _plan(rules, question)
    assert plan.spec is not None and plan.spec.name in ("kpis", "time_pattern", "movers")
    got = plan.args.get("metrics") or [plan.args.get("metric")]
    assert got == [metric]


def test_a_head_count_of_buyers_is_not_their_repeat_buying(rules):
    assert _plan(rules, "how many climbers booked this month").args["metrics"] == ["buyers"]
    plan = _plan(rules, "how many customers bought more than once this year")
    assert plan.args["metrics"] == ["repeat_customers"]


@pytest.mark.parametrize("question", [
    "cart abandonment this month if we give shoppers two days",
    "share of baskets left unpaid last week, if we allow 48 hours",
])
def test_a_grace_the_owner_allows_sets_the_cart_window(rules, question):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"], cart_window_hours=48)


@pytest.mark.parametrize("question", [
    "does the system actually hold last summer",
    "which touchpoints show up in what you've got",
    "are there days missing in the booking records you hold",
    "which channels turn up in what you've got for the salon",
])
def test_what_the_data_holds_in_other_words(rules, question):
    assert _plan(rules, question).spec.name == "describe_data"


@pytest.mark.parametrize(("question", "day"), [
    ("are Tuesdays any good for bike hire bookings", "Tuesday"),
    ("is Sunday much use for the deli takings", "Sunday"),
])
def test_one_weekday_judged_is_the_weekday_pattern(rules, question, day):
    assert_plans(rules, question, "time_pattern", focus=day)


def test_a_kpi_for_each_month_up_or_down_is_its_trend(rules):
    assert_plans(rules, "the refund rate for each month of this year, up or down?", "trend", grain="month")


def test_this_period_against_the_last_said_with_a_comparative_is_a_comparison(rules):
    assert_plans(rules, "are refunds higher this week than they were last week at the bike shop", "compare")


def test_two_places_and_who_books_more_are_the_places_side_by_side(rules):
    assert_plans(rules, "Clifton vs Cotham, who books more rooms", "movers", metric="orders", rank="value")


@pytest.mark.parametrize(("question", "args"), [
    ("which salon clients are lapsing", {"tier": "lapsing"}),
    ("vip pottery regulars who might churn", {"filters": {"segment": ["vip"]}}),
])
def test_at_risk_customers_keep_the_tier_and_group_they_were_asked_for(rules, question, args):
    plan = _plan(rules, question)
    assert plan.spec.name == "at_risk_customers"
    assert {k: plan.args.get(k) for k in args} == args


def test_leaving_for_good_in_a_trades_idiom_is_churn_risk(rules):
    assert _plan(rules, "which members look set to pack it in for good").spec.name == "at_risk_customers"
    assert _plan(rules, "is the shop going to close for good").spec is None


def test_nearest_to_a_first_booking_is_propensity(rules):
    assert_plans(rules, "leads who have never ordered: which are nearest to buying", "purchase_propensity",
                 who="prospects")


def test_a_new_name_given_to_a_card_is_a_rename(rules):
    assert_plans(rules, "give the last bakery persona card a new name", "edit_persona", action="rename", which=[-1])


def test_open_alarms_and_the_ones_closed(rules):
    assert _plan(rules, "any open warnings for the bakery").spec.name == "open_alerts"
    plan = _plan(rules, "open alerts and those we closed last week")
    assert plan.spec.name == "open_alerts" and plan.args == {"include_resolved": True}


def test_a_thing_rated_lower_by_one_group_is_satisfaction_by_that_group(rules):
    assert_plans(rules, "do tiktok people rate our cakes worse than the rest", "satisfaction_by", by="channel")


def test_mood_from_one_feedback_source_to_another_is_by_source(rules):
    assert_plans(rules, "does the tone change from one feedback source to another", "feedback_sentiment", by="source")


def test_never_ordered_something_online_is_the_web_order_missed(rules):
    assert_plans(rules, "people who never bought candles online, where did they stop", "dropoffs",
                 goal_touchpoint="order_placed")


def test_follow_up_in_pounds_is_the_money(rules):
    plan = _talk(rules, "p13-pounds", "how many haircuts last week", "in pounds")
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["revenue"]
    assert plan.args["period"] == {"name": "last_week"}


def test_follow_up_by_member_segment(rules):
    plan = _talk(rules, "p13-member", "deli takings by town last month", "now split those takings by member segment")
    assert plan.spec.name == "movers" and plan.args["by"] == "segment"


def test_follow_up_keeping_every_card_saves_them_all(rules):
    plan = _talk(rules, "p13-keep", "draft personas for the florist", "keep every one of those florist personas")
    assert plan.spec.name == "save_persona" and plan.args == {"all": True}


def test_follow_up_mood_week_by_week_after_stages(rules):
    plan = _talk(rules, "p13-mood", "how do diners feel at each stage", "show that mood week by week instead")
    assert plan.spec.name == "feedback_sentiment" and plan.args["by"] == "week"


@pytest.mark.parametrize("question", [
    "lessons this week vs last week",
    "dog walks yesterday set against the same day a week before",
])
def test_the_trades_units_before_the_periods_compared_are_the_orders(rules, question):
    assert_plans(rules, question, "compare", metrics=["orders"])
