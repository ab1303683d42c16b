"""Readings added in phase P (lane g-tune24) by class, from blind13's and the probes' remaining
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest


def _plan(rules, question, key=None):
    plan = rules.plan(question, "t24-" + (key or question))
    rules.remember("t24-" + (key or question), plan)
    return plan


def _after(rules, first, then):
    _plan(rules, first, key=first + then)
    return _plan(rules, then, key=first + then)


# -- other Englishes: tone particles and Pidgin's "pass" are no topic ------------------------------

@pytest.mark.parametrize("question", [
    "wetin clients dey vex about pass this week",
    "wetin people dey grumble about pass for di salon, last month",
    "what guests complain about most lah",
    "what customers moan about most ah",
])
def test_what_people_complain_about_most_in_other_englishes_is_the_themes(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_themes"
    assert plan.args["sentiment"] == "negative"


@pytest.mark.parametrize(("question", "query"), [
    ("find complaints about the parking lah", "parking"),
    ("show me moans about the wee waiting room, ken", "waiting room"),
    ("wetin di customers dey talk about di delivery abeg", "delivery"),
])
def test_fillers_of_other_englishes_are_not_searched_for(rules, question, query):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_search"
    assert plan.args["query"] == query


def test_pass_is_the_most_in_pidgin_only(rules):
    assert _plan(rules, "wetin buyers dey vex about pass").spec.name == "feedback_themes"
    plan = _plan(rules, "find reviews about the bus pass")
    assert plan.spec.name == "feedback_search" and plan.args["query"] == "bus pass"


# -- a persona draft again, with a new number of cards ----------------------------------------------

@pytest.mark.parametrize(("then", "segments"), [
    ("draft them again, 4 this time", 4),
    ("ok redo them with 3", 3),
    ("again but 2 this time", 2),
    ("how about six?", 6),
])
def test_a_redraft_after_personas_takes_the_new_count(rules, then, segments):
    plan = _after(rules, "make me some personas for the bike shop", then)
    assert plan.spec.name == "draft_personas" and plan.args["segments"] == segments


def test_a_count_after_another_analysis_is_no_redraft(rules):
    plan = _after(rules, "draft personas for the garden centre", "redo them, 3 this time")
    assert plan.spec.name == "draft_personas" and plan.args["segments"] == 3
    plan = _after(rules, "revenue by segment", "redo them, 3 this time")
    assert plan.spec is None or plan.spec.name != "draft_personas"


# -- prospects to work on are the next-best action, not only who is likely to buy ------------------

@pytest.mark.parametrize("question", [
    "which leads should the dog groomer try to turn into paying clients",
    "which enquiries are worth converting",
    "should we try to convert any of the browsers",
    "which window shoppers should the bakery work on turning into buyers",
])
def test_prospects_to_convert_are_the_convert_action(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "next_best_actions"
    assert plan.args["action"] == "convert_prospect" and plan.args["include_prospects"] is True


def test_prospects_likely_to_buy_stay_the_propensity(rules):
    assert _plan(rules, "which leads are most likely to book").spec.name == "purchase_propensity"
    assert _plan(rules, "which prospects should the florist turn into customers").spec.name == "next_best_actions"


# -- groups that have gone off us: the change split by that group, never an alert ------------------

@pytest.mark.parametrize(("question", "metric", "by"), [
    ("which suburbs have soured on us, satisfaction-wise", "csat", "city"),
    ("which segments have gone off us on nps this quarter", "nps", "segment"),
    ("what towns have cooled on us for takings this month", "revenue", "city"),
])
def test_groups_that_went_off_us_are_movers(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "movers"
    assert plan.args["metric"] == metric and plan.args["by"] == by


def test_an_alarm_going_off_is_still_an_alert(rules):
    assert _plan(rules, "any alarms gone off overnight").spec.name == "open_alerts"
    assert _plan(rules, "which neighbourhoods have gone off us on satisfaction").spec.name == "movers"


# -- "narrow it to ..." narrows the last analysis unless it was a persona ---------------------------

@pytest.mark.parametrize(("first", "tool"), [
    ("weekly covers for the bistro over the past 3 months", "trend"),
    ("tattoo parlour clients at risk of leaving", "at_risk_customers"),
    ("funnel for the garden centre last month", "funnel"),
])
def test_narrowing_after_an_analysis_filters_it(rules, first, tool):
    plan = _after(rules, first, "narrow it to the loyalty-card holders")
    assert plan.spec.name == tool and plan.args["filters"] == {"segment": ["loyalty"]}


def test_narrowing_after_personas_still_edits_the_card(rules):
    plan = _after(rules, "draft personas for the yoga studio", "narrow it to weekend buyers")
    assert plan.spec.name == "edit_persona" and plan.args["action"] == "narrow"
    plan = _after(rules, "yoga studio revenue by channel", "narrow it to the vip clients")
    assert plan.spec.name == "movers" and plan.args["filters"] == {"segment": ["vip"]}


# -- a KPI "per customer segment" is split by the segment, not divided by customers ---------------

@pytest.mark.parametrize(("question", "metric", "by"), [
    ("orders per customer segment last month", "orders", "segment"),
    ("takings per customer town this quarter", "revenue", "city"),
    ("lessons per customer region", "orders", "region"),
])
def test_per_customer_group_is_a_split(rules, question, metric, by):
    plan = _plan(rules, question)
    assert plan.spec.name == "movers" and plan.args["metric"] == metric and plan.args["by"] == by


# -- whole words, not stems: "forecastle" is no forecast, "bailey" no bail-out ----------------------

@pytest.mark.parametrize(("question", "tool"), [
    ("takings at the forecastle bar last week", "kpis"),
    ("how many orders came from bailey road", "kpis"),
])
def test_words_that_merely_start_like_a_cue_are_not_that_cue(rules, question, tool):
    assert _plan(rules, question).spec.name == tool


# -- people told apart by how they shop are said not to be a group ---------------------------------

@pytest.mark.parametrize(("question", "who"), [
    ("recommend-to-a-friend score for our regulars", "regulars"),
    ("takings from the tourists last month", "tourists"),
])
def test_a_group_the_data_cannot_filter_by_is_said(rules, question, who):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and "filters" not in plan.args
    assert ("who", who) in plan.slots.unknown


# -- the buying rate: its KPI name in an alert; by hour the sessions' rate, said -------------------

def test_an_alert_on_the_buying_rate_keeps_its_kpi(rules):
    plan = _plan(rules, "ping me if any channel's buying rate behaves oddly")
    assert plan.spec.name == "create_alert_rule" and plan.args["metric"] == "purchase_conversion"
    plan = _plan(rules, "warn me if checkout conversion drops 10% week on week")
    assert plan.args["metric"] == "conversion_rate" and plan.args["stage"] == "decision"


def test_the_buying_rate_by_hour_is_the_purchase_conversion(rules):
    # phase Y, convention e: time_pattern answers the buying rate by hour itself (lane real20), so
    # the reading stays the purchase conversion, no longer the sessions' rate
    plan = _plan(rules, "what hour of the day has the best buying rate at the bike shop")
    assert plan.args == {**plan.args, "by": "hour", "metric": "purchase_conversion"}


# -- feedback that brings up a topic is a search for it --------------------------------------------

@pytest.mark.parametrize(("question", "query"), [
    ("show me gripes that bring up the booking app", "booking app"),
    ("pull up gripes which talk about the changing rooms", "changing rooms"),
    ("survey answers that refer to the waiting time", "waiting time"),
])
def test_feedback_that_brings_up_a_topic_is_searched(rules, question, query):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_search" and plan.args["query"] == query


# -- the way to an online order, with the thing ordered named --------------------------------------

@pytest.mark.parametrize("question", [
    "usual steps before an online candle order",
    "most common routes to an online cheese order last month",
    "journeys towards an online flower order",
])
def test_routes_to_an_online_order_of_a_thing_end_at_the_order(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "paths" and plan.args["goal_touchpoint"] == "order_placed"


# -- follow-ups: text-speak "n", "what about <KPI>", a split turned down ----------------------------

def test_text_speak_n_leads_a_follow_up(rules):
    plan = _after(rules, "how much did the bakery take last wk", "n how did the bakery do the wk before that?")
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["revenue"]
    assert plan.args["period"] == {"start": "2026-10-26", "end": "2026-11-01"}


@pytest.mark.parametrize(("then", "metric"), [
    ("wat about returns", "refunded_orders"),
    ("how about cancellations", "cancelled_orders"),
])
def test_what_about_a_kpi_swaps_the_kpi(rules, then, metric):
    plan = _after(rules, "weekly bookings for the spa over the past 3 months", then)
    assert plan.spec.name == "trend" and plan.args["metric"] == metric and plan.args["grain"] == "week"


def test_a_kpi_turned_down_is_not_read(rules):
    plan = _after(rules, "takings by segment for the florist", "bookings, not takings")
    assert plan.spec.name == "movers" and plan.args["metric"] == "orders"


def test_a_split_turned_down_is_not_kept(rules):
    plan = _after(rules, "satisfaction % for late vs on-time deliveries at the pharmacy",
                  "by first-touch channel then, not late vs on time")
    assert plan.spec.name == "satisfaction_by" and plan.args["by"] == "channel"


# -- the alerts raised, asked for as a list: open ones, and the sorted ones when asked -------------

@pytest.mark.parametrize(("question", "resolved"), [
    ("show me all the alarms", False),
    ("show every alert for the bakery, even the ones we dealt with", True),
    ("give me the alerts including the fixed ones", True),
])
def test_a_list_of_alerts_is_the_alerts_raised(rules, question, resolved):
    plan = _plan(rules, question)
    assert plan.spec.name == "open_alerts" and plan.args.get("include_resolved", False) is resolved
    assert _plan(rules, "show me the alerts we set up for the bakery").spec.name == "list_alert_rules"


# -- what someone "got through" is a count, not the funnel ------------------------------------------

@pytest.mark.parametrize("question", [
    "how many orders did the food truck get through last week",
    "how many orders did the bakery get through on saturday",
])
def test_what_someone_got_through_is_a_count(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["orders"]
    assert _plan(rules, "how many visitors got through to the basket").spec.name == "funnel"

