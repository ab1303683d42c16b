"""Readings added in phase M (lane g-tune18b) by class, from blind11's misses, on phrasings of
other trades: "keep that but just X" after an analysis narrows that analysis and never saves a
persona."""

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


def _thread(planner, key, first, then):
    planner.remember(key, planner.plan(first, key))
    return planner.plan(then, key)


@pytest.mark.parametrize(("first", "then", "tool", "segment"), [
    ("funnel for the salon this month", "keep it, but only the loyalty members", "funnel", "loyalty"),
    ("revenue by channel last month", "keep that and just the vips", "movers", "vip"),
    ("average order value by city this quarter", "keep this but just the vip clients", "movers", "vip"),
    ("drop-offs last week", "keep that, only the loyalty customers", "dropoffs", "loyalty"),
])
def test_keep_that_but_just_a_group_narrows_the_last_analysis(planner, first, then, tool, segment):
    plan = _thread(planner, "keep-" + then, first, then)
    assert plan.spec is not None and plan.spec.name == tool
    assert plan.args["filters"]["segment"] == [segment]
    earlier = _thread(planner, "keep0-" + then, first, first)
    assert plan.args.get("period") == earlier.args.get("period")


@pytest.mark.parametrize("then", ["keep that but just the weekend people", "keep it, only the online shoppers",
                                  "keep this and just the wholesale accounts"])
def test_keep_that_but_just_never_saves_a_persona(planner, then):
    plan = _thread(planner, "nosave-" + then, "conversion by stage last month", then)
    assert plan.spec is None or plan.spec.name != "save_persona"


def test_keeping_a_drafted_card_still_saves_it(planner):
    assert _thread(planner, "save-k", "draft personas", "keep that one").spec.name == "save_persona"
    assert _thread(planner, "save-a", "draft personas", "keep them all").args == {"all": True}


@pytest.mark.parametrize("question", ["what is the bot watching on the bakery's numbers, alert-wise",
                                      "which monitors do we have running",
                                      "what checks are running on the salon's figures right now",
                                      "any tripwires set on the takings at the moment?"])
def test_what_the_bot_watches_lists_the_alert_rules(planner, question):
    assert planner.plan(question, "watch-" + question).spec.name == "list_alert_rules"


@pytest.mark.parametrize(("question", "args"), [
    ("the tickets alert is too jumpy, make it less sensitive, 5", {"sensitivity": 5.0}),
    ("the orders alert keeps firing, make it less twitchy, say 6", {"sensitivity": 6.0}),
    ("pause the bounce rate warning", {"enabled": False}),
    ("mute the refunds notification for now", {"enabled": False}),
    ("snooze the late deliveries warning", {"enabled": False}),
])
def test_an_alert_changed_in_other_words(planner, question, args):
    plan = planner.plan(question, "chg-" + question)
    assert plan.spec.name == "change_alert_rule"
    assert {k: plan.args.get(k) for k in args} == args


@pytest.mark.parametrize("question", ["any warnings today?", "what warnings are open"])
def test_warnings_asked_about_are_still_the_open_alerts(planner, question):
    assert planner.plan(question, "open-" + question).spec.name == "open_alerts"


@pytest.mark.parametrize(("question", "args"), [
    ("drop me a line if orders fall below 20 a day", {"metric": "orders", "condition": "below", "value": 20.0}),
    ("shoot us a text when bookings are down 20% on the week before",
     {"condition": "drops_by", "value": 20.0, "window_days": 7}),
    ("alert on unusually high or low takings, either way",
     {"metric": "revenue", "condition": "unusual", "direction": "both", "severity": None}),
    ("florist: if any channel suddenly floods in with orders, get me an alert",
     {"metric": "orders", "condition": "unusual", "direction": "up", "per": "channel"}),
    ("if refunds jump, give me an alert", {"condition": "unusual", "direction": "up"}),
])
def test_an_alert_asked_for_in_other_words_is_made(planner, question, args):
    plan = planner.plan(question, "mk-" + question)
    assert plan.spec.name == "create_alert_rule"
    assert {k: plan.args.get(k) for k in args} == args


def test_a_high_severity_alert_is_still_high(planner):
    assert_plans(planner, "high severity alert if revenue drops 20%", "create_alert_rule", key="sev", severity="high")


@pytest.mark.parametrize("question", ["give me a rundown of it all for this week",
                                      "the kennels: an overview across the whole business, this week",
                                      "this week's snapshot of everything, please"])
def test_a_summary_of_everything_this_week_is_the_weekly_digest(planner, question):
    assert_plans(planner, question, "digest", key="dig-" + question, cadence="weekly")


def test_a_summary_of_everything_said_about_a_subject_is_still_feedback(planner):
    assert planner.plan("summary of everything people said about parking", "fb").spec.name == "feedback_themes"


@pytest.mark.parametrize(("then", "tool", "args"), [
    ("the third card in full, please", "show_persona", {"which": 3}),
    ("give me the whole card for the second persona", "show_persona", {"which": 2}),
    ("persona 3 - only the big spenders", "edit_persona", {"action": "narrow", "which": [3], "focus": ["high_value"]}),
    ("card two: just the weekend people", "edit_persona", {"action": "narrow", "which": [2], "focus": ["weekend"]}),
    ("keep only the big spenders who visit often in card one", "edit_persona", {"action": "narrow", "which": [1]}),
    ("this one's a real keeper, save it", "save_persona", {}),
    ("the second persona is a keeper", "save_persona", {"which": 2}),
])
def test_a_drafted_card_shown_narrowed_or_kept_in_other_words(planner, then, tool, args):
    plan = _thread(planner, "card-" + then, "draft personas", then)
    assert plan.spec.name == tool
    assert {k: plan.args.get(k) for k in args} == args


def test_wondering_whether_a_card_is_a_keeper_saves_nothing(planner):
    plan = _thread(planner, "card-q", "draft personas", "should the first card be a keeper?")
    assert plan.spec is None or plan.spec.name != "save_persona"


def test_drafting_full_cards_is_still_a_draft(planner):
    assert planner.plan("draft personas for the bakery, full cards", "dr").spec.name == "draft_personas"


@pytest.mark.parametrize("question", ["how do we unblock the kitchen sink", "how to bleed a radiator",
                                      "how can I mend a squeaky door"])
def test_a_household_repair_is_not_a_question_about_the_data(planner, question):
    answer = planner.answer(question, "diy-" + question)
    assert answer.tool_calls == []
    assert "your data" in answer.text


@pytest.mark.parametrize(("question", "tool"), [("how do we fix a leaky funnel", "funnel"),
                                                ("how do i fix the checkout drop-off", "dropoffs")])
def test_fixing_the_journey_is_still_the_journey(planner, question, tool):
    assert planner.plan(question, "fix-" + question).spec.name == tool
