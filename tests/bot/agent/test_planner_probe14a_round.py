"""Readings added in phase P (lane g-probe14a) by class, from a probe of new trades
(tests/questions_probe14a.yaml), on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest


def _plan(rules, question, key=None):
    return rules.plan(question, key or "p14a-" + question)


@pytest.mark.parametrize(("question", "metric"), [
    # what a business named by its trade took, and the money in Pidgin
    ("what did the bakery take on the tills yesterday", "revenue"),
    ("what did our ice cream van make in august", "revenue"),
    ("how much cash we don make this week", "revenue"),
    # a trade's own verb for what it sells, lets or serves
    ("how many boilers have we fitted this quarter", "orders"),
    ("pints sold last weekend at the pub", "orders"),
    # support calls are tickets; the days between an order and its arrival
    ("how many helpdesk calls came in at the vet clinic last week", "tickets"),
    ("how many days between a sofa order and it arriving at the house", "delivery_time"),
    # customers back for a second job; the average receipt by another name
    ("how many families have had us back for a second party this year", "repeat_customers"),
    ("average receipt value at the bike shop this quarter", "aov"),
    ("what's the average check at the diner lately", "aov"),
])
def test_a_kpi_in_everyday_trade_words_is_read(rules, question, metric):
    plan = _plan(rules, question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("buyers per region at the florist last month", "buyers", "region"),
    ("kindly share city wise orders for the bakery this month", "orders", "city"),
    ("segment-wise takings at the barbers last quarter", "revenue", "segment"),
])
def test_each_groups_count_or_a_wise_split_is_ranked_by_value(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "movers"
    assert (plan.args["metric"], plan.args["by"], plan.args["rank"]) == (metric, by, "value")


@pytest.mark.parametrize(("question", "focus"), [
    ("are mondays slow for haircuts", "Monday"),
    ("is thursday usually quiet at the tattoo studio?", "Thursday"),
])
def test_one_weekday_judged_without_the_word_day_is_a_weekday_pattern(rules, question, focus):
    plan = _plan(rules, question)
    assert plan.spec.name == "time_pattern"
    assert plan.args["by"] == "weekday" and plan.args["focus"] == focus


def test_the_night_of_the_week_is_the_weekday_pattern(rules):
    plan = _plan(rules, "which night of the week does the pizza place sell the most")
    assert plan.spec.name == "time_pattern" and plan.args["by"] == "weekday"


@pytest.mark.parametrize("question", ["whats in yesterdays summary for the salon", "today's quick report please"])
def test_a_days_summary_is_the_digest(rules, question):
    assert _plan(rules, question).spec.name == "digest"


@pytest.mark.parametrize(("first", "then", "rate"), [
    ("how many appointments got cancelled at the physio last month", "and as a % of all appointments?",
     "cancellation_rate"),
    ("how many refunds did the shoe shop do in october", "what % of orders is that", "refund_rate"),
])
def test_a_count_asked_again_as_a_share_is_its_rate_over_the_same_days(rules, first, then, rate):
    key = "p14a-rate-" + first
    before = _plan(rules, first, key)
    rules.remember(key, before)
    plan = _plan(rules, then, key)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == [rate]
    assert plan.args["period"] == before.args["period"]


def test_n_said_for_and_leads_a_follow_up(rules):
    key = "p14a-n-florist"
    first = _plan(rules, "what did the florist take last week", key)
    rules.remember(key, first)
    plan = _plan(rules, "n the wk before?", key)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["revenue"]
    assert plan.args["period"] == {"start": "2026-10-26", "end": "2026-11-01"}


def test_n_and_the_nice_things_after_the_gripes_are_the_praise_themes(rules):
    key = "p14a-n-cafe"
    first = _plan(rules, "what are cafe customers moaning about this month", key)
    rules.remember(key, first)
    plan = _plan(rules, "n the nice things ppl said?", key)
    assert plan.spec.name == "feedback_themes" and plan.args["sentiment"] == "positive"


@pytest.mark.parametrize("question", ["how satisfied is each segment of dog owners",
                                      "how satisfied are the vet's clients by channel"])
def test_how_satisfied_each_group_is_satisfaction_by(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "satisfaction_by" and plan.args["measure"] == "csat"


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which clients have gone from monthly to hardly ever booking", "at_risk_customers", {"tier": "lapsing"}),
    ("barbers: which old regulars should we try n lure back", "next_best_actions", {"action": "win_back"}),
    ("what should i prioritise with my tenants this week", "next_best_actions", {}),
    ("which channel brings in students worth the most over their lifetime", "customer_lifetime_value", {"by": "channel"}),
])
def test_who_to_act_on_in_owners_words(rules, question, tool, args):
    plan = _plan(rules, question)
    assert plan.spec.name == tool
    assert {k: plan.args.get(k) for k in args} == args


def test_the_persona_cards_in_owners_words(rules):
    key = "p14a-personas-bakery"
    draft = _plan(rules, "draft some customer personas for the bakery", key)
    assert draft.spec.name == "draft_personas"
    rules.remember(key, draft)
    edit = _plan(rules, "add slow queues at lunch as a pain point to the third one", key)
    assert edit.spec.name == "edit_persona"
    assert edit.args["action"] == "add_pain_point" and edit.args["which"] == [3]
    assert edit.args["text"] == "slow queues at lunch"
    rules.remember(key, edit)
    save = _plan(rules, "ok, keep number 2", key)
    assert save.spec.name == "save_persona" and save.args["which"] == 2
    assert _plan(rules, "bring up the saved persona Lunchtime Larry").spec.name == "show_persona"
    assert _plan(rules, "which shopper personas did we store for the deli").spec.name == "list_personas"


def test_a_price_out_in_the_world_is_no_tool_but_the_shops_own_is_read(rules):
    assert _plan(rules, "how much is a bag of cement in leeds these days").spec is None
    assert _plan(rules, "how much is a flat white in melbourne").spec is None
    plan = _plan(rules, "how much are refunds costing the bakery these days")
    assert plan.spec is not None and plan.spec.name == "kpis"


@pytest.mark.parametrize("question", ["alert me if tattoo bookings come in 15% or more below the week before",
                                      "ping me when bakery takings are 10 percent and more down on the previous day"])
def test_a_share_or_more_down_is_a_drop_rule(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["condition"] == "drops_by"


@pytest.mark.parametrize(("question", "by"), [
    ("are the florist's reviews mostly upbeat or moany, month by month", "month"),
    ("is feedback from each channel happy or fed up at the vet", "channel"),
])
def test_happy_or_grumpy_texts_are_their_mood(rules, question, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_sentiment" and plan.args["by"] == by
