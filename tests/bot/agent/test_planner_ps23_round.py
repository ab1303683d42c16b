"""Readings added in phase W (lane g-ps23) by class, from blind21's persona-safety, null,
alert and product misses, on phrasings written for this round in other trades (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "how do i fold a fitted sheet",
    "what's the best way to fold napkins into swans",
    "how do you join two lengths of rope",
    "when a diner skips three bookings we call them no-shows, how many have we got",
    "if a member hasn't paid in 60 days i call them lapsed, what's churn on that basis",
])
def test_fold_join_or_call_them_said_of_no_card_never_edits_a_persona(rules, question):
    plan = rules.plan(question, "ps23-" + question)
    assert (plan.spec.name if plan.spec else None) != "edit_persona", (question, plan.args)


@pytest.mark.parametrize(("question", "action"), [
    ("fold the last two personas together", "merge"),
    ("join cards 1 and 2 into one", "merge"),
    ("call card 3 Weekend Walkers", "rename"),
])
def test_a_card_named_is_still_edited(rules, question, action):
    assert_plans(rules, question, "edit_persona", action=action)


@pytest.mark.parametrize("question", [
    "what are the rules of petanque",
    "explain the rules on an offside in hockey",
    "reply to the gent who said the chips were cold",
    "write back to the bloke who said our bread was stale",
])
def test_a_game_s_rules_or_a_reply_to_someone_is_no_tool(rules, question):
    assert_plans(rules, question, None)


def test_alert_rules_asked_for_are_still_listed(rules):
    assert_plans(rules, "list my alert rules", "list_alert_rules")


@pytest.mark.parametrize("question", [
    "pottery kiln alarms - the ones still live and the closed ones too",
    "bike shop alerts please, the cleared ones as well",
])
def test_alerts_named_then_their_state_are_the_alerts_raised(rules, question):
    assert_plans(rules, question, "open_alerts", include_resolved=True)


@pytest.mark.parametrize(("question", "days"), [
    ("make the lesson bookings alert look month on month instead of weekly", 28),
    ("make the van hire alarm check week on week, not day on day", 7),
])
def test_an_alert_given_its_new_window_as_a_verb_is_a_change(rules, question, days):
    assert_plans(rules, question, "change_alert_rule", window_days=days)


@pytest.mark.parametrize(("question", "args"), [
    ("which of the candles made us the most money last quarter",
     {"by": "product", "measure": "revenue", "period": {"name": "last_quarter"}}),
    ("takings by department, last 30 days",
     {"by": "product_category", "measure": "revenue", "period": {"name": "last_30_days"}, "top": None}),
    ("which kinds of teas are growin", {"by": "product_category", "rank": "change"}),
    ("which lines of wetsuits are slippin", {"by": "product_category", "rank": "change", "order": "bottom"}),
])
def test_the_goods_by_what_they_made_or_how_they_move(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize("question", [
    "which studios that used to book heaps have dried up",
    "which families that used to visit every week have gone quiet",
])
def test_an_old_rhythm_then_have_and_the_slowing_is_the_lapsing_tier(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize(("question", "args"), [
    ("which pupils have slid into high risk over the past fortnight", {}),
    ("which bakers have drifted into the danger zone lately", {}),
    ("since you last ran the scores, who is newly at risk among the dog walkers", {"since": "previous_scoring"}),
])
def test_slid_into_risk_or_since_the_last_run_is_newly_at_risk(rules, question, args):
    assert_plans(rules, question, "newly_at_risk", **args)


def test_a_weekday_then_its_date_dates_the_digest_whatever_follows(rules):
    assert_plans(rules, "the yoga class recap for tuesday the 10th, pal", "digest", date="2026-11-10")


@pytest.mark.parametrize(("question", "args"), [
    ("add an alarm: van hires down 20% on the previous day", {"condition": "drops_by", "value": 20.0, "window_days": 1}),
    ("let the whole team know when refunds jump by 30% week on week", {"condition": "rises_by", "value": 30.0, "window_days": 7}),
    ("tell everyone if csat drops below 70", {"metric": "csat", "condition": "below", "value": 70.0}),
])
def test_a_new_alert_said_with_a_colon_or_for_a_group_is_made(rules, question, args):
    assert_plans(rules, question, "create_alert_rule", **args)


def test_an_alert_named_then_set_is_still_a_change(rules):
    assert_plans(rules, "set the revenue alert to 20%", "change_alert_rule", value=20.0)
