"""Readings added in phase M (lane g-tune17c) by class, from misreads found on real data (a
support desk's export, a web shop's sessions). The phrasings are this lane's own (different
trades and Englishes)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None, (question, plan.args)
    return plan


@pytest.mark.parametrize(("question", "period"), [
    ("how many chats did the bike shop's team close yesterday?", "yesterday"),
    ("number of live chats resolved last week at the dental practice", "last_week"),
    ("how many threads did our agents close this week", "this_week"),
    ("how many DMs did the salon resolve last week", "last_week"),
    ("closed conversations yesterday, please", "yesterday"),
])
def test_conversations_closed_are_the_resolved_tickets(rules, question, period):
    assert_plans(rules, question, "kpis", metrics=["resolved_tickets"], period={"name": period})


@pytest.mark.parametrize(("question", "group"), [
    ("which brand is slowest to get back to customers?", "brand"),
    ("which agent takes the longest to answer our clients", "agent"),
    ("which rep replies the slowest at the plumbing firm", "rep"),
    ("which advisor is quickest to respond to enquiries", "advisor"),
])
def test_who_replies_slowest_is_the_reply_time_with_the_absent_group_said(rules, question, group):
    assert_plans(rules, question, "kpis", metrics=["first_response_time"])
    answer = rules.answer(question, "a-" + question)
    assert f"“{group}” is not in the loaded data" in answer.text


@pytest.mark.parametrize("question", [
    "which region is quickest to respond to complaints",
    "which channel gets back to people the slowest?",
])
def test_who_replies_slowest_by_a_group_the_data_has_ranks_that_group(rules, question):
    assert_plans(rules, question, "movers", metric="first_response_time", rank="value")


@pytest.mark.parametrize("question", [
    "how many people put something in the cart but never bought?",
    "how many shoppers added plants to their basket and didn't check out last month",
    "number of customers who filled a trolley but never paid at the butcher's webshop",
    "how many punters popped a cake in the basket without buying",
])
def test_carts_filled_but_not_bought_are_the_cart_abandonment(rules, question):
    assert_plans(rules, question, "kpis", metrics=["cart_abandonment"])


def _follow(rules, key, *questions):
    plan = None
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "by"), [
    ("can you split the fall in appointments by channel, last week vs the week before", "channel"),
    ("break the dip in bookings down by age group, this month against the month before", "age_band"),
    ("could you split up the rise in revenue across regions, q3 vs q2", "region"),
])
def test_a_change_split_by_group_between_two_periods_is_movers(rules, question, by):
    assert_plans(rules, question, "movers", by=by)


@pytest.mark.parametrize(("follow_up", "by"), [
    ("and do the regions likewise", "region"),
    ("same for the age bands", "age_band"),
    ("now the segments too", "segment"),
])
def test_a_follow_up_naming_other_groups_changes_the_split(rules, follow_up, by):
    plan = _follow(rules, "split-" + follow_up,
                   "split the drop in class bookings by channel, last week vs the week before", follow_up)
    assert plan.spec.name == "movers", (plan.spec.name, plan.args)
    assert plan.args["by"] == by
    assert plan.args["period"] == {"name": "last_week"}


@pytest.mark.parametrize("question", [
    "which age group's clients got unhappier",
    "which age groups got grumpier with the gym this quarter",
    "which age group of customers got less satisfied at the vet this month",
])
def test_which_age_group_got_unhappier_is_the_review_score_change_by_age(rules, question):
    assert_plans(rules, question, "movers", metric="csat", by="age_band")


@pytest.mark.parametrize(("question", "period"), [
    ("give me the lay of the land for the bakery this week", "this_week"),
    ("how do things stand at the garage this week?", "this_week"),
    ("where do we stand this month at the florist", "this_month"),
    ("what's the state of play this week", "this_week"),
])
def test_the_lay_of_the_land_is_the_headline_numbers(rules, question, period):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis", (plan.spec.name, plan.args)
    assert plan.args["period"] == {"name": period}
    assert "metrics" not in plan.args  # the headline set, as "how are we doing this week"


def test_the_lay_of_the_land_of_a_named_analysis_stays_that_analysis(rules):
    assert _plan(rules, "lay of the land for the funnel").spec.name == "funnel"


@pytest.mark.parametrize(("question", "metric", "asked"), [
    ("how many visits ended in a purchase in May?", "session_conversion", "how many visits"),
    ("how many web sessions converted to an order last month", "session_conversion", "how many web sessions"),
    ("how many people put something in the cart but never bought?", "cart_abandonment", "how many people"),
    ("how many shoppers added plants to their basket and didn't check out last month", "cart_abandonment",
     "how many shoppers"),
])
def test_how_many_said_of_a_share_says_it_is_a_share_and_how_to_count(rules, question, metric, asked):
    assert_plans(rules, question, "kpis", metrics=[metric])
    answer = rules.answer(question, "a-" + question)
    assert f"not the head count “{asked}” asks for" in answer.text
    assert "the rate times its n is about how many" in answer.text


@pytest.mark.parametrize("question", [
    "what share of support tickets never got a reply last month?",
    "how many enquiries at the letting agency never got a reply",
    "percentage of customer emails that never got answered this week",
    "what proportion of complaints have not had a response yet",
])
def test_tickets_never_answered_are_said_to_be_no_kpi_not_the_resolution_rate(rules, question):
    assert_plans(rules, question, "kpis", metrics=["first_response_time"])
    answer = rules.answer(question, "a-" + question)
    assert "its note those still without a reply" in answer.text


def test_tickets_resolved_stay_the_resolution_rate_and_those_waiting_the_open_ones(rules):
    plan = _plan(rules, "what share of tickets got resolved last month")
    assert plan.args["metrics"] == ["resolution_rate"]
    plan = _plan(rules, "how many enquiries are still waiting for an answer")
    assert plan.args["metrics"] == ["open_tickets"]


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which region gives the guest house the lowest review scores?", "csat_mean", "region"),
    ("which city has the lowest average order value for the wine club", "aov", "city"),
    ("which channel brings the tattoo studio the least revenue", "revenue", "channel"),
])
def test_the_lowest_group_is_listed_with_every_group_and_said_to_be_last(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "movers", (plan.spec.name, plan.args)
    assert (plan.args["metric"], plan.args["by"], plan.args["rank"], plan.args["top"]) == (metric, by, "value", 50)
    answer = rules.answer(question, "a-" + question)
    assert "the lowest is the last" in answer.text


def test_the_highest_group_keeps_the_short_list(rules):
    plan = _plan(rules, "which region gives the guest house the best review scores?")
    assert "top" not in plan.args
