"""Readings added in phase J (lane g-tune10) by class, with the rules only (the nearest-phrasing
fallback off, so a rule is what is tested): short follow-ups that change one thing of the last
answer (a rule's value, a list's order, a split, the 90th percentile, "the seven before that"),
changes of mind that delete or change the alert rule just proposed (confirmed, never run), days of
the week set side by side, and words of owners' trades for KPIs and groups. The phrasings are
written for these tests, not taken from a question bank or a probe."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


def _conversation(planner: OfflinePlanner, key: str, *questions: str):
    plan = None
    for question in questions:
        plan = planner.plan(question, key)
        planner.remember(key, plan)
    return plan


def test_a_change_of_mind_is_a_deletion_asked_for_in_so_many_words_and_never_run_unasked(planner):
    first = planner.answer("let me know if weekly orders fall by 15%", "mind")
    assert first.pending is not None and first.pending.tool == "create_alert_rule"
    plan = planner.plan("hmm, actually delete that alert", "mind")
    assert plan.spec.name == "delete_alert_rule"
    answer = planner.answer("hmm, actually delete that alert", "mind")
    assert answer.tool_calls == [] and answer.pending is None  # nothing was kept, so nothing to delete or confirm
    assert answer.text.startswith("There is nothing to delete: the rule I proposed (")
    assert "orders" in answer.text and "never confirmed" in answer.text and "(which rule?)" not in answer.text
    assert planner.plan("hmm, actually that alert", "mind-vague").spec is None or \
        not planner.plan("hmm, actually that alert", "mind-vague").spec.changes_state


def test_a_bare_number_changes_the_rule_just_proposed(planner):
    plan = _conversation(planner, "num", "warn me when the average order value goes under 40", "on second thoughts set it at 35")
    assert plan.spec.name == "change_alert_rule" and plan.args["value"] == 35
    planner.answer("warn me when the average order value goes under 40", "num-answer")
    answer = planner.answer("on second thoughts set it at 35", "num-answer")
    assert answer.pending is not None and answer.tool_calls == []  # proposed again, confirmed before anything is kept
    assert answer.pending.tool == "create_alert_rule" and answer.pending.args["value"] == 35
    window = _conversation(planner, "win", "warn me when the average order value goes under 40", "make it 4 weeks")
    assert window.args.get("window_days") == 28 and "value" not in window.args  # a window, not a value of 4


def test_a_customer_list_is_reordered_by_spend_as_a_follow_up(planner):
    plan = _conversation(planner, "order", "which regulars might we lose", "now rank them by what they've spent with us")
    assert plan.spec.name == "at_risk_customers" and plan.args["sort_by"] == "value"


def test_a_split_said_alone_keeps_the_analysis_that_can_split_by_it(planner):
    plan = _conversation(planner, "clv", "lifetime value per segment", "and by first-touch channel?")
    assert plan.spec.name == "customer_lifetime_value" and plan.args["by"] == "channel"
    heard = _conversation(planner, "heard", "lifetime value per segment", "split that by how customers found us")
    assert heard.spec.name == "customer_lifetime_value" and heard.args["by"] == "channel"


def test_the_slowest_tenth_after_a_median_is_its_90th_percentile_over_the_same_days(planner):
    plan = _conversation(planner, "p90", "median first reply time this month", "what about the worst 10 per cent?")
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["first_response_time_p90"]
    assert plan.args["period"] == {"name": "this_month"}


def test_as_many_days_again_before_that(planner):
    plan = _conversation(planner, "back", "orders over the last 14 days", "and the fourteen before that?")
    assert plan.args["period"] == {"start": "2026-10-19", "end": "2026-11-01"}


@pytest.mark.parametrize("question, metric", [
    ("tuesday mornings or thursday mornings, which brings in more money?", "revenue"),
    ("orders on a weekday compared with the weekend", "orders"),
])
def test_days_of_the_week_side_by_side_are_the_weekly_pattern(planner, question, metric):
    assert_plans(planner, question, "time_pattern", key="days-" + question, by="weekday", metric=metric)


@pytest.mark.parametrize("question, tool, args", [
    ("what did the online shop bring in last week", "kpis", {"metrics": ["revenue"]}),
    ("how many gift boxes did we sell in October", "kpis", {"metrics": ["orders"]}),
    ("how many people dropped by for the first time this month", "kpis", {"metrics": ["new_visitors"]}),
    ("how many support tickets are still sitting unanswered", "kpis", {"metrics": ["open_tickets"]}),
    ("which crm segment is pulling in the most revenue", "movers", {"metric": "revenue", "by": "segment", "rank": "value"}),
    ("which town's delivery time has got worse", "movers", {"metric": "delivery_time", "by": "city"}),
    ("which area spends the most per order", "movers", {"metric": "aov", "by": "region", "rank": "value"}),
    ("which people might never come back for another lesson", "at_risk_customers", {}),
    ("what should we expect to turn over next quarter", "revenue_forecast", {}),
    ("what's a member worth three years out", "customer_lifetime_value", {"horizon_days": 1095}),
    ("pull up complaints about the car park", "feedback_search", {}),
    ("are email customers scoring us lower than instagram ones", "satisfaction_by", {"by": "channel"}),
    ("which warnings do I have set up", "list_alert_rules", {}),
    ("list the bakery's personas", "list_personas", {}),
])
def test_trade_words_read_as_the_analysis_they_mean(planner, question, tool, args):
    plan = planner.plan(question, "words-" + question)
    assert plan.spec is not None and plan.spec.name == tool, plan.spec
    assert {k: plan.args.get(k) for k in args} == args


def test_two_goal_steps_of_one_stage_joined_by_or_are_that_stage(planner):
    plan = planner.plan("which paths end in an add to cart or a checkout", "either")
    assert plan.spec.name == "paths" and plan.args.get("goal_stage") == "decision" and "goal_touchpoint" not in plan.args


@pytest.mark.parametrize(("question", "metric"), [
    ("refund rate by channel", "refund_rate"),
    ("Refund rate per segment last month?", "refund_rate"),
])
def test_a_measure_named_after_an_order_verb_is_a_measure_not_an_order(planner, question, metric):
    # "refund ..." at the start reads as an order to refund someone, unless a measure follows
    plan = planner.plan(question, f"m-{question}")
    assert plan.spec is not None and plan.args.get("metric", plan.args.get("metrics")) in (metric, [metric])


@pytest.mark.parametrize("question", ["refund the customer who complained", "book a table for friday",
                                      "pay the supplier invoice"])
def test_orders_to_act_are_still_never_answered_with_an_analysis(planner, question):
    assert planner.plan(question, f"c-{question}").spec is None


@pytest.mark.parametrize(("question", "period"), [
    ("what did we make last month", "last_month"),
    ("what have we made in the past 3 months?", "last_90_days"),
])
def test_what_we_made_is_the_revenue(planner, question, period):
    assert_plans(planner, question, "kpis", key=f"r-{question}", metrics=["revenue"], period={"name": period})


def test_what_we_made_of_something_is_not_money(planner):
    plan = planner.plan("what did we make of the survey results", "made-of")
    assert plan.spec is None or plan.args.get("metrics") != ["revenue"]


@pytest.mark.parametrize("question", ["what will the next three months bring in",
                                      "how will the next couple of months look for revenue"])
def test_the_months_to_come_said_in_words_are_a_forecast(planner, question):
    assert planner.plan(question, f"f-{question}").spec.name == "revenue_forecast"


@pytest.mark.parametrize("question", ["who's gonna buy in the next few weeks?", "who'll buy in the next two weeks"])
def test_who_will_buy_soon_is_the_likely_buyers_not_the_forecast(planner, question):
    assert planner.plan(question, f"p-{question}").spec.name == "purchase_propensity"
