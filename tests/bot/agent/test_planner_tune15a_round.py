"""Readings added in phase L (lane g-tune15a) by class, from the ninth blind bank's misses in
the analyses: support work counted as it is logged and timed until it is closed, the slow tenth
said in words, people active with us, the share of visits that order asked around the visits,
a churn window said as "means they've gone", a KPI summary, "same funnel but ..." as a
follow-up, and a ranking's own money words kept over a reading by meaning. The phrasings are
this lane's own (different trades and Englishes), not the bank's."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


@pytest.fixture(scope="module")
def rules() -> OfflinePlanner:
    """The word rules alone: a reading by meaning must not be what makes these pass."""
    from sample_cache import bank_store

    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    return OfflinePlanner(ToolContext(store=bank_store(), config=config), all_tools())


def _kpis(planner: OfflinePlanner, question: str) -> list[str]:
    plan = planner.plan(question, "k-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec
    return plan.args.get("metrics", [])


@pytest.mark.parametrize("question", [
    "how many boiler call-outs got logged as tickets last week",
    "how many warranty issues were raised as support cases this month",
    "how many delivery queries were recorded as tickets in october?",
])
def test_work_logged_as_tickets_is_the_tickets_opened_not_those_closed(rules, question):
    assert _kpis(rules, question) == ["tickets"]


@pytest.mark.parametrize("question", [
    "how long do complaints take us to sort out",
    "how long does a customer query usually take to get resolved",
    "how long do support emails take the team to close, last quarter",
])
def test_how_long_tickets_take_to_close_is_the_resolution_time(rules, question):
    assert _kpis(rules, question) == ["resolution_time"]


@pytest.mark.parametrize(("question", "grain"), [
    ("how long tickets take to close, week by week", "week"),
    ("how long do complaints take us to fix, month by month this year", "month"),
])
def test_the_time_to_close_over_time_is_its_trend(rules, question, grain):
    plan = rules.plan(question, "t-" + question)
    assert plan.spec is not None and plan.spec.name == "trend"
    assert plan.args["metric"] == "resolution_time" and plan.args["grain"] == grain


@pytest.mark.parametrize(("question", "metric"), [
    ("reply time for the slow 10% of emails", "first_response_time_p90"),
    ("how long do deliveries take for our slow ten per cent of orders", "delivery_time_p90"),
    ("resolution time for the slowest tenth of complaints", "resolution_time_p90"),
])
def test_the_slow_tenth_is_the_90th_percentile(rules, question, metric):
    assert _kpis(rules, question) == [metric]


@pytest.mark.parametrize("question", [
    "how many ppl have been active with us this month",
    "how many members were active in q3?",
    "how many clients stayed active over the last 90 days",
])
def test_people_active_with_us_are_the_active_customers(rules, question):
    assert _kpis(rules, question) == ["active_customers"]


@pytest.mark.parametrize("question", [
    "of all the visits to our bakery site, what share turn into an order",
    "of every session on the website last month, what percentage end in a booking?",
    "site visits this week - what fraction convert?",
])
def test_the_share_of_visits_that_order_asked_around_the_visits(rules, question):
    assert _kpis(rules, question) == ["session_conversion"]


def test_visits_across_all_time_are_still_visits(rules):
    # "of all the visits" is every visit (all time) and the visits stay the KPI's words
    plan = rules.plan("of all the visits to the shop's site, what fraction turn into an order", "all-visits")
    assert plan.args["metrics"] == ["session_conversion"] and plan.args["period"] == {"name": "all"}


@pytest.mark.parametrize(("question", "days"), [
    ("churn rate if 60 days with no visit means someone's lapsed", 60),
    ("what's churn if we say 90 days without a lesson means they've gone", 90),
    ("churn, where 8 weeks of no orders means the customer has gone", 56),
])
def test_a_churn_window_said_as_what_it_means(rules, question, days):
    plan = rules.plan(question, "churn-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert plan.args["metrics"] == ["churn_rate"] and plan.args["churn_window_days"] == days


@pytest.mark.parametrize("question", ["kpi summary for last week", "a quick metrics overview for october",
                                      "kpis summary for the past 7 days"])
def test_a_kpi_summary_is_the_headline_numbers_not_feedback_themes(rules, question):
    plan = rules.plan(question, "sum-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"


def test_a_summary_of_what_customers_say_stays_the_themes(rules):
    plan = rules.plan("summary of what customers said last month", "sum-themes")
    assert plan.spec is not None and plan.spec.name == "feedback_themes"


@pytest.mark.parametrize(("first", "follow", "key", "value"), [
    ("funnel for last month", "same funnel but by region", "by", "region"),
    ("drop-offs this quarter", "same drop-offs but for instagram", "filters", {"channel": ["instagram"]}),
])
def test_same_analysis_but_is_a_follow_up_that_keeps_the_period(rules, first, follow, key, value):
    convo = "same-" + follow
    first_plan = rules.plan(first, convo)
    rules.remember(convo, first_plan)
    plan = rules.plan(follow, convo)
    assert plan.spec is not None and plan.spec.name == first_plan.spec.name
    assert plan.args["period"] == first_plan.args["period"] and plan.args[key] == value


@pytest.mark.parametrize(("question", "by"), [
    ("which town's clients spend the most on lessons", "city"),
    ("what segment spends the most on bikes with us", "segment"),
    ("which region's customers spend the most on bathrooms", "region"),
])
def test_spending_the_most_by_group_is_revenue_with_the_fallback_on(planner, question, by):
    # the ranking's own words name the KPI; a reading by meaning of "spend the most on X" must
    # not replace it (it read the trade's goods as orders)
    plan = planner.plan(question, "spend-" + question)
    assert plan.spec is not None and plan.spec.name == "movers"
    assert plan.args["metric"] == "revenue" and plan.args["by"] == by and plan.args["rank"] == "value"
