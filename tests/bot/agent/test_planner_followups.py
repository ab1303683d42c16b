"""Follow-ups that lean on the turn before: "and the week before that?" steps the period back;
"actually make that 15%" changes the alert rule the thread just proposed or made, and only
then; nothing changes before the owner confirms."""

from __future__ import annotations

import pytest
from sample_cache import bank_store

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.alerts.rules import MetricInfo
from tools.alerts.series import FrameSeriesProvider


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def given(period: dict) -> dict:
    """A period as the tool call recorded it, without the fields left empty."""
    return {k: str(v) for k, v in period.items() if v is not None}


def test_the_week_before_that_steps_back_from_the_last_period(planner):
    first = planner.answer("how many orders did we get last week", "steps")
    assert given(first.tool_calls[0].args["period"]) == {"name": "last_week"}
    again = planner.answer("and the week before that?", "steps")
    [call] = again.tool_calls
    assert call.name == "kpis" and call.args["metrics"] == ["orders"]
    assert given(call.args["period"]) == {"start": "2026-10-26", "end": "2026-11-01"}
    assert again.text.startswith("Orders, 2026-10-26 to 2026-11-01")
    older = planner.answer("and the one before that?", "steps").tool_calls[0]
    assert given(older.args["period"]) == {"start": "2026-10-19", "end": "2026-10-25"}


@pytest.mark.parametrize("amendment", ["actually make that 15%", "and make it high priority",
                                       "switch that one off for now", "make it weekly"])
def test_an_amendment_without_an_alert_in_the_thread_changes_nothing(planner, amendment):
    planner.answer("what was revenue last month?", f"no-alert-{amendment}")
    for key in (f"no-alert-{amendment}", f"fresh-{amendment}"):
        plan = planner.plan(amendment, key)
        assert plan.spec is None or not plan.spec.changes_state, (amendment, plan.spec.name)
        assert planner.answer(amendment, key).pending is None


def test_an_amendment_to_a_proposed_rule_is_proposed_again_with_the_change(planner):
    proposed = planner.answer("tell me if orders drop 20% week on week", "amend")
    assert proposed.pending.tool == "create_alert_rule" and proposed.pending.args["value"] == 20
    assert planner.plan("actually make that 15%", "amend").spec.name == "change_alert_rule"
    lower = planner.answer("actually make that 15%", "amend")
    # no rule exists yet: the proposal comes back with 15%, still waiting for a yes
    assert lower.pending.tool == "create_alert_rule" and not lower.tool_calls
    assert lower.pending.args["value"] == 15 and lower.pending.args["window_days"] == 7
    assert "nothing has been done yet" in lower.text
    urgent = planner.answer("and make it high priority", "amend")
    assert urgent.pending.args["value"] == 15 and urgent.pending.args["severity"] == "high"


METRICS = [MetricInfo("orders", "Orders", "", "sum", kind="count"), MetricInfo("csat", "CSAT", "%", kind="rate")]


def test_an_amendment_to_a_made_rule_changes_that_rule_after_a_yes(store, home, monkeypatch):
    monkeypatch.setattr("bot.alert_wiring.provider_for", lambda config, store: FrameSeriesProvider(METRICS, {}))
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[alerts]\nstarter_rules = false\n", encoding="utf-8")
    config = load_config(home / "config.toml", env={"JOURNEYBOT_HOME": str(home)})
    planner = OfflinePlanner(ToolContext(store=store, config=config), all_tools())
    asked = planner.answer("ping me if csat falls below 75%", "made")
    made = planner.confirm(asked.pending, "made")
    assert made.tool_calls[0].ok and made.text.startswith("Created alert rule csat-below")
    off = planner.answer("switch that one off for now", "made")
    assert off.pending.tool == "change_alert_rule" and not off.tool_calls
    assert off.pending.args["rule_id"].startswith("csat-below") and off.pending.args["enabled"] is False
    done = planner.confirm(off.pending, "made")
    assert done.tool_calls[0].ok, done.text
    listed = planner.answer("list the alert rules", "made-list").text
    assert "- csat-below: CSAT is below 75.0% on a day — medium [disabled]" in listed
