"""Readings added in phase U (lane g-probe19b) by class, from the misses of its probe
(tests/questions_probe19b.yaml), on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "talked_about"), [
    ("what did the surveying firm bill in september", "find comments about billing mistakes"),
    ("total billings for the bike repair shop this quarter", "send the invoice to the caterers"),
    ("how much have we invoiced so far this month", "any feedback about our billing"),
    ("our gross billing last week", "write an invoice for the wedding party"),
])
def test_billing_and_invoicing_are_the_money_in(rules, question, talked_about):
    assert_plans(rules, question, "kpis", metrics=["revenue"])
    plan = rules.plan(talked_about, "p19b-" + talked_about)  # bills talked about or sent are no money read
    assert plan.spec is None or plan.spec.name != "kpis", (talked_about, plan.args)


@pytest.mark.parametrize("question", [
    "what's a cake order worth on average",
    "how much is a typical grooming appointment worth",
    "what is the average kayak hire worth lately",
    "average project value for the joinery last month",
    "avg contract size this quarter",
])
def test_one_order_worth_is_the_average_order_value(rules, question):
    assert_plans(rules, question, "kpis", metrics=["aov"])
    # a customer's worth stays the lifetime value
    assert_plans(rules, "what's a dog walking client worth to us", "customer_lifetime_value")


@pytest.mark.parametrize("question", [
    "what channels are we tracking",
    "which segments r we tracking",
])
def test_what_is_tracked_is_the_data_held(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize(("question", "args"), [
    ("the bakery's weekly wrap pls", {"cadence": "weekly"}),
    ("today's wrap for the garage", {}),
])
def test_a_wrap_is_the_digest(rules, question, args):
    assert_plans(rules, question, "digest", **args)


def test_a_personal_ring_is_the_owners_follow_up(rules):
    assert_plans(rules, "which gym members should we give a personal ring", "next_best_actions",
                 action="personal_follow_up")


@pytest.mark.parametrize("question", [
    "we want more riders rebooking, where do we begin",
    "i want more members renewing, where do i start",
])
def test_a_goal_and_where_to_begin_is_the_next_best_action(rules, question):
    assert_plans(rules, question, "next_best_actions")


@pytest.mark.parametrize(("question", "metric", "focus"), [
    ("do we sell the most scarves in january", "orders", "January"),
    ("do we take the most money in august", "revenue", "August"),
])
def test_the_most_in_a_month_weighs_that_month(rules, question, metric, focus):
    assert_plans(rules, question, "time_pattern", by="month", metric=metric, focus=focus, period=None)


@pytest.mark.parametrize(("question", "by"), [
    ("which channel brought in the extra lessons this month", "channel"),
    ("which segment pulled in the additional covers last week", "segment"),
])
def test_the_group_that_brought_in_extra_is_movers(rules, question, by):
    assert_plans(rules, question, "movers", metric="orders", by=by)


def test_a_list_of_kept_personas_is_the_saved_cards(rules):
    assert_plans(rules, "give me the list of gym personas we've kept", "list_personas")


@pytest.mark.parametrize(("question", "rank"), [
    ("revenue by crm acquisition channel last month", "value"),
    ("average spend per class per crm acquisition channel, biggest first", "value"),
])
def test_a_split_by_the_crm_acquisition_channel(rules, question, rank):
    assert_plans(rules, question, "movers", by="acquisition_channel", rank=rank)


@pytest.mark.parametrize("question", [
    "the funnel from paid to aftercare to them leaving a rating",
    "from paid thru after-sales to reviews, the funnel",
])
def test_a_funnel_chain_starting_at_the_payment(rules, question):
    assert_plans(rules, question, "funnel", stages=["purchase", "post-purchase", "advocacy"])


@pytest.mark.parametrize(("follow", "period"), [
    ("the month prior then?", {"start": "2026-09-01", "end": "2026-09-30"}),
    ("and the friday prior?", {"start": "2026-11-06", "end": "2026-11-06"}),
])
def test_a_period_prior_is_the_one_before(rules, follow, period):
    key = "p19b-prior-" + follow
    first = "how many classes did we run in october" if "month" in follow else "how many classes did we run on friday the 13th"
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow, "kpis", key=key, metrics=["orders"], period=period)


@pytest.mark.parametrize("opener", ["sasa", "oya", "eish,", "wagwan"])
def test_an_opening_interjection_is_no_topic(rules, opener):
    key = "p19b-open-" + opener
    rules.remember(key, rules.plan("find comments about the changing rooms", key))
    assert_plans(rules, f"{opener} only the ones from surveys", "feedback_search", key=key,
                 query="changing rooms", source=["survey"])
