"""Readings added in phase J (lane g-tune11) by class, from blind8's misses: an alert's
condition said in the owner's words ("creeps past 60%", "slower than 6 hours", "5% down on
last week", "sensitivity 4", "odd days for complaints"); questions outside the shop's data
(currency rates, history, the kitchen, wiping the database, writing a quote) get no tool; the
time pattern reads the KPI named, "hour-by-hour", a weekday weighed up and "and by weekday?"."""

from __future__ import annotations

import pytest

from bot.agent.alert_slots import parse_rule_request
from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def _plan(planner, question, key=None):
    plan = planner.plan(question, key or "t11-" + question)
    return (plan.spec.name if plan.spec else None), plan.args


# -- 1. alert conditions -------------------------------------------------------------------

@pytest.mark.parametrize(("request_text", "condition", "value"), [
    ("ping me if the bounce rate creeps past 60%", "above", 60.0),
    ("tell me when it goes past 500 orders", "above", 500.0),
    ("warn me if replies are slower than 6 hours", "above", 6.0),
    ("let me know if delivery gets shorter than 2 days", "below", 2.0),
    ("if revenue is 5% down on last week, shout", "drops_by", 5.0),
    ("if sessions end up 20 percent up on the week before, tell me", "rises_by", 20.0),
])
def test_an_alert_condition_in_the_owners_words(request_text, condition, value):
    asked = parse_rule_request(request_text)
    assert (asked["condition"], asked["value"]) == (condition, value)


def test_the_past_days_are_a_period_not_a_threshold():
    assert "condition" not in parse_rule_request("alert me about revenue over the past 30 days")


def test_down_on_the_week_before_is_a_week_on_week_drop(planner):
    name, args = _plan(planner, "if bookings are 15% down on the previous week let me know")
    assert name == "create_alert_rule"
    assert (args["condition"], args["value"], args["window_days"]) == ("drops_by", 15.0, 7)


def test_longer_than_hours_is_an_above_rule(planner):
    name, args = _plan(planner, "nudge me when resolving tickets takes longer than 3 days")
    assert name == "create_alert_rule" and args["condition"] == "above"


@pytest.mark.parametrize(("question", "metric"), [
    ("flag any odd days for complaints", "tickets"),
    ("flag any strange weeks for reviews", "survey_responses"),
])
def test_the_metric_named_after_for_is_watched(planner, question, metric):
    name, args = _plan(planner, question)
    assert name == "create_alert_rule" and args["metric"] == metric and args["condition"] == "unusual"


def test_sensitivity_said_plainly_changes_the_rule(planner):
    name, args = _plan(planner, "make the unusual tickets alert calmer, sensitivity 6")
    assert name == "change_alert_rule" and args["sensitivity"] == 6.0


# -- 2. outside the shop's data ------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "what's the rand to euro rate this morning",
    "what's the dollar to naira rate now",
    "what year did streaming sales overtake downloads",
    "in what year did online sales overtake high street sales",
    "how many eggs go in a lemon drizzle",
    "how many teaspoons of yeast go in a focaccia",
    "obliterate all the tables in the database",
    "nuke the customer database",
    "draft me a quote for a garden makeover in Bath",
    "draft up an estimate for the Jones loft conversion",
])
def test_outside_the_shops_data_gets_no_tool(planner, question):
    assert _plan(planner, question)[0] is None


@pytest.mark.parametrize(("question", "tool"), [
    ("what year did our revenue first pass 50k", "kpis"),
    ("how many eggs did we sell last month", "kpis"),
    ("show quotes from unhappy customers this month", "feedback_search"),
])
def test_the_shops_own_questions_are_still_answered(planner, question, tool):
    assert _plan(planner, question)[0] == tool


# -- 3. time patterns ----------------------------------------------------------------------

@pytest.mark.parametrize(("question", "metric", "by"), [
    ("what time do customers message customer service", "tickets", "hour"),
    ("which weekday brings the most new clients", "new_visitors", "weekday"),
    ("hour-by-hour revenue this week", "revenue", "hour"),
    ("where in the day do complaints land", "tickets", "hour"),
])
def test_a_time_pattern_reads_the_kpi_and_the_unit_named(planner, question, metric, by):
    name, args = _plan(planner, question)
    assert name == "time_pattern" and (args["metric"], args["by"]) == (metric, by)


@pytest.mark.parametrize(("question", "day"), [
    ("is it even worth trading on wednesdays", "Wednesday"),
    ("how do mondays stack up for us?", "Monday"),
])
def test_a_weekday_weighed_up_is_the_pattern_focused_on_it(planner, question, day):
    name, args = _plan(planner, question)
    assert name == "time_pattern" and args["by"] == "weekday" and args["focus"] == day


def test_and_by_weekday_after_an_hour_pattern(planner):
    first = planner.plan("revenue by hour of the day", "t11-fu")
    planner.remember("t11-fu", first)
    follow = planner.plan("and by weekday?", "t11-fu")
    assert follow.spec.name == "time_pattern"
    assert (follow.args["by"], follow.args["metric"]) == ("weekday", "revenue")


# -- 4. other classes: an alert named by another word, the data's own extent, new people ----

def test_a_warning_named_then_delete_it_deletes_that_rule(planner):
    name, args = _plan(planner, "we don't want the revenue alarm any more, scrap it")
    assert name == "delete_alert_rule" and args["rule_id"] == "revenue"


def test_a_question_about_deleting_is_not_an_order(planner):
    assert _plan(planner, "the revenue alarm, should I scrap it?")[0] != "delete_alert_rule"


def test_which_numbers_are_watched_lists_the_rules(planner):
    assert _plan(planner, "which of our figures are you keeping an eye on")[0] == "list_alert_rules"


@pytest.mark.parametrize("question", ["what patient details do you keep?",
                                      "what exactly can you see about our bakery"])
def test_what_the_data_holds_is_described(planner, question):
    assert _plan(planner, question)[0] == "describe_data"


@pytest.mark.parametrize("question", ["new diners in the last 30 days",
                                      "how many people came in via tiktok for the first time this month"])
def test_people_new_to_us_are_new_visitors(planner, question):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["metrics"] == ["new_visitors"]


@pytest.mark.parametrize(("question", "scores"), [
    ("comments from the people who gave 5 or lower on nps", {"min_nps": 0, "max_nps": 5}),
    ("comments from anyone with a csat of 4 or above", {"min_csat": 4, "max_csat": 5}),
])
def test_one_end_of_a_score_scale_said_in_words(planner, question, scores):
    name, args = _plan(planner, question)
    assert name == "feedback_search" and {k: args.get(k) for k in scores} == scores
    assert args.get("query") not in ("lower", "above", "less", "more")
