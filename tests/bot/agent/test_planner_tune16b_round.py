"""Readings added in phase L (lane g-tune16b) by class, from the tenth blind bank's misses in
feedback, customers, alerts, personas and asks outside the data. The phrasings are this lane's
own (different trades and Englishes), not the bank's."""

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


# -- asks outside the data: copywriting, translation, what a thing of the world is worth ----------

@pytest.mark.parametrize("question", [
    "think up a catchy tagline for our barber shop",
    "give us a few hashtags for the new gelato flavours",
    "come up with a tiktok caption for the spring bridal range",
    "how would we say 'your table is ready' in Polish",
    "what's the Welsh for 'open today'",
    "translate 'thanks for shopping local' into Irish",
    "what's a first edition Harry Potter worth nowadays",
    "how much would a 1970s Rolex be worth at auction",
])
def test_outside_the_data_gets_no_tool(planner: OfflinePlanner, rules: OfflinePlanner, question: str) -> None:
    for which in (planner, rules):
        plan = which.plan(question, "elsewhere-" + question)
        assert plan.spec is None, (question, plan.spec)
    assert planner.answer(question, "elsewhere-answer-" + question).text.startswith("I can't help with that")


@pytest.mark.parametrize(("question", "tool"), [
    ("how much is a vip customer worth to us", "customer_lifetime_value"),
    ("how much would you say our churn is now", "kpis"),
])
def test_worth_and_say_about_the_shop_still_answered(rules: OfflinePlanner, question: str, tool: str) -> None:
    assert_plans(rules, question, tool, key="worth-" + question)


# -- alerts still to deal with are the open alerts, not the list of rules -------------------------

@pytest.mark.parametrize("question", [
    "what alarms are outstanding at the florist",
    "which alerts haven't been dealt with",
    "which alerts are not yet sorted for the chippy",
])
def test_unresolved_alerts_are_open_alerts(rules: OfflinePlanner, question: str) -> None:
    assert_plans(rules, question, "open_alerts", key="open-" + question)


def test_which_alerts_are_set_up_is_still_the_rules(rules: OfflinePlanner) -> None:
    assert_plans(rules, "which alerts do I have set up", "list_alert_rules", key="rules-set-up")


# -- the persona cards kept, asked for by "list them" or as profiles on file -------------------

@pytest.mark.parametrize("question", [
    "the barber's persona cards: list them please",
    "pottery studio personas, show me those",
    "which client profiles do we keep on file",
    "what buyer profiles did we keep on file for the deli",
])
def test_kept_persona_cards_are_listed(rules: OfflinePlanner, question: str) -> None:
    assert_plans(rules, question, "list_personas", key="list-personas-" + question)


def test_making_persona_cards_is_still_a_draft(rules: OfflinePlanner) -> None:
    assert_plans(rules, "make some persona cards for the bakery", "draft_personas", key="draft-personas")


# -- names new to the risk list, said as new/fresh high-risk customers, over the days said ----------

@pytest.mark.parametrize(("question", "days"), [
    ("any new high risk clients since last week", 7),
    ("fresh risky regulars since yesterday at the cafe", 1),
    ("new churn-risk patients compared with three weeks ago", 21),
    ("who became at risk overnight", 1),
])
def test_new_high_risk_names_are_newly_at_risk(rules: OfflinePlanner, question: str, days: int) -> None:
    assert_plans(rules, question, "newly_at_risk", key="newly-" + question, days=days)


def test_high_risk_customers_alone_are_still_the_list(rules: OfflinePlanner) -> None:
    assert_plans(rules, "high-risk customers at the garage", "at_risk_customers", key="at-risk-list")


# -- an alert rule called an alarm, ordered away, is a deletion (which still asks first) -----------

@pytest.mark.parametrize("question", [
    "please scrap the basket size alarm",
    "remove my revenue alarm for the bakery",
    "bin that refunds alarm",
])
def test_removing_an_alarm_deletes_the_rule(rules: OfflinePlanner, question: str) -> None:
    plan = rules.plan(question, "delete-" + question)
    assert plan.spec is not None and plan.spec.name == "delete_alert_rule", plan.spec
    assert plan.spec.changes_state


def test_asking_why_an_alarm_went_off_deletes_nothing(rules: OfflinePlanner) -> None:
    plan = rules.plan("why did the sessions alarm go off", "why-alarm")
    assert plan.spec is None or plan.spec.name != "delete_alert_rule", plan.spec


# -- "what you're keeping an eye on": the alert rules, said with "you're" ------------------------

@pytest.mark.parametrize("question", [
    "what numbers you're keeping tabs on for the salon",
    "tell me what you are monitoring for us",
    "which stuff youre watching for the chippy",
])
def test_what_youre_watching_lists_the_rules(rules: OfflinePlanner, question: str) -> None:
    assert_plans(rules, question, "list_alert_rules", key="watching-" + question)


# -- narrowing a search's comments is the same search again, never a persona card edit -------------

@pytest.mark.parametrize(("first", "then", "query"), [
    ("what did people say about parking", "narrow those reviews to this week", "parking"),
    ("what are customers saying about the delivery drivers", "narrow down the delivery driver complaints to october",
     "delivery driver"),
    ("any mentions of the sourdough", "ok, narrow those sourdough mentions to the past fortnight", "sourdough"),
])
def test_narrowing_search_comments_keeps_the_search(rules: OfflinePlanner, first: str, then: str, query: str) -> None:
    key = "narrow-" + first
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan(then, key)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert plan.args.get("query") == query, plan.args
    assert plan.args.get("period"), plan.args


def test_narrowing_a_card_is_still_a_persona_edit(rules: OfflinePlanner) -> None:
    assert_plans(rules, "narrow the second persona to weekend shoppers", "edit_persona", key="narrow-card")
