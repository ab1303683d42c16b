"""Readings added in the blind4 round (issue 17, phase G), asserted on what the owner gets: a
reminder is answered by no tool (it once read as renaming a persona), "flag any odd days" only
proposes an alert rule (nothing is saved before confirmation) while "flag the at-risk vips"
stays an analysis, a KPI's window said in words reaches the tool, and "week on week" over a long
period is a weekly series, not a comparison."""

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

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


@pytest.mark.parametrize("question", ["remind me to call the wholesaler about flea treatments at 3",
                                      "can you remind me to email the landlord tomorrow",
                                      "set a reminder to chase the printer invoice"])
def test_a_reminder_gets_no_tool_and_changes_nothing(planner, question):
    answer = planner.answer(question, "remind-" + question)
    assert answer.tool_calls == [] and answer.pending is None


def test_remind_me_what_a_kpi_was_is_still_a_question(planner):
    assert_plans(planner, "remind me what the churn rate was last month", "kpis",
                 key="remind-kpi", metrics=["churn_rate"])


def test_flag_odd_days_proposes_a_rule_and_flag_a_group_is_an_analysis(planner):
    answer = planner.answer("flag any odd days for sales", "flag-days")
    assert answer.tool_calls == [] and answer.pending is not None
    assert answer.pending.tool == "create_alert_rule"
    assert (answer.pending.args["metric"], answer.pending.args["condition"]) == ("revenue", "unusual")
    plan = planner.plan("flag all the at-risk vips", "flag-group")
    assert plan.spec is not None and not plan.spec.changes_state


@pytest.mark.parametrize(("question", "window"), [
    ("churn rate if we say 45 days without an order means they're gone", {"churn_window_days": 45}),
    ("churn if anyone with no order for 8 weeks counts as lost", {"churn_window_days": 56}),
    ("cart abandonment if we give people 48 hours to come back and buy", {"cart_window_hours": 48}),
])
def test_a_window_said_in_words_reaches_the_kpi_and_nothing_else(planner, question, window):
    plan = planner.plan(question, "window-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert len(plan.args["metrics"]) == 1 and {k: plan.args[k] for k in window} == window
    assert "period" not in plan.args  # the window's days are not the period asked about


def test_week_on_week_over_a_long_period_is_a_weekly_series(planner):
    plan = planner.plan("has churn been getting worse over the last 180 days, week on week", "series")
    assert plan.spec is not None and plan.spec.name == "trend"
    assert (plan.args["metric"], plan.args["grain"]) == ("churn_rate", "week")
    assert_plans(planner, "compare churn week on week", "compare", key="compare")
