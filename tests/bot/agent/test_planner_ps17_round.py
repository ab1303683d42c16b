"""Readings added in phase U (lane g-ps17) by class, from blind19's alert, persona and movers
misses, on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "metric", "value"), [
    ("gie me a shout if csat falls under 40", "csat", 40.0),
    ("tattoo studio: gie us a shout if nps dips under 25", "nps", 25.0),
])
def test_a_scots_shout_asked_for_is_an_alert(rules, question, metric, value):
    assert_plans(rules, question, "create_alert_rule", metric=metric, condition="below", value=value, filters=None)


@pytest.mark.parametrize(("question", "metric"), [
    ("has nps dropped under 30 this month", "nps"),
    ("bakery: did csat fall under 40 last week", "csat"),
])
def test_a_threshold_after_a_fall_is_never_an_age_band(rules, question, metric):
    plan = rules.plan(question, "ps17-" + question)
    assert metric in plan.args.get("metrics", []) and not (plan.args.get("filters") or {}).get("age_band"), plan.args


def test_an_age_band_said_plainly_is_still_read(rules):
    assert_plans(rules, "surf school: nps for the under 30s", "kpis", metrics=["nps"])
    plan = rules.plan("surf school: nps for the under 30s", "ps17-age")
    assert plan.args.get("filters", {}).get("age_band")


@pytest.mark.parametrize(("question", "per"), [
    ("alert if any channel's covers drop 25% week on week", "channel"),
    ("let me know if lessons fall 20% week on week, per segment", "segment"),
])
def test_a_trade_unit_falling_by_a_share_is_watched_as_orders(rules, question, per):
    assert_plans(rules, question, "create_alert_rule", metric="orders", condition="drops_by", per=per)


@pytest.mark.parametrize(("question", "args"), [
    ("switch the lesson bookings alert to week on week", {"window_days": 7}),
    ("the refunds alarm, push it to low priority", {"severity": "low"}),
    ("the florist's takings alert, bump it up to high priority", {"severity": "high"}),
])
def test_an_alert_named_then_its_new_window_or_priority_is_a_change(rules, question, args):
    assert_plans(rules, question, "change_alert_rule", **args)


@pytest.mark.parametrize(("question", "which", "text"), [
    ("remove 'price' from persona 1's pain points", [1], "price"),
    ("delete ‘queues’ from the second persona's pain points", [2], "queues"),
])
def test_a_quoted_point_taken_off_a_cards_pain_points(rules, question, which, text):
    assert_plans(rules, question, "edit_persona", action="remove_pain_point", which=which, text=text)


@pytest.mark.parametrize(("question", "metric"), [
    ("climbing gym: which channel is behind fewer climbers coming this month", "active_customers"),
    ("which city explains why more students turned up this term", "active_customers"),
    ("pet shop: which channel drove complaints up this month", "tickets"),
    ("which age band brought in the additional transactions last week", "orders"),
])
def test_what_moved_a_count_of_comers_complaints_or_transactions(rules, question, metric):
    assert_plans(rules, question, "movers", metric=metric)


@pytest.mark.parametrize("question", [
    "what has tripped that no one's cleared",
    "anything tripped overnight that nobody has looked at",
])
def test_what_tripped_and_nobody_cleared_is_the_open_alerts(rules, question):
    assert_plans(rules, question, "open_alerts", include_resolved=None)


@pytest.mark.parametrize("question", [
    "show me every alert we're watching",
    "give me each rule you are tracking",
    "all the alarms we're keeping tabs on",
])
def test_every_rule_being_watched_is_the_rules_list(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize(("question", "metric"), [
    ("typical print value last week vs the week before", "aov"),
    ("kitchen fitter: average build value this month", "aov"),
    ("swimmers turning up for lessons this week vs last week", "active_customers"),
])
def test_a_comparison_keeps_the_kpi_said_in_the_trades_words(rules, question, metric):
    plan = rules.plan(question, "ps17-" + question)
    assert plan.spec is not None and plan.spec.name in ("kpis", "compare") and plan.args.get("metrics") == [metric], plan.args


def test_a_scots_funnel_from_one_step_to_another(rules):
    assert_plans(rules, "funnel fae basket tae paid", "funnel", touchpoints=["add_to_cart", "order_placed"])


@pytest.mark.parametrize("question", [
    "which members will no come back",
    "which subscribers might no renew wi us",
])
def test_scots_not_after_a_helping_verb_asks_who_may_leave(rules, question):
    assert_plans(rules, question, "at_risk_customers")
