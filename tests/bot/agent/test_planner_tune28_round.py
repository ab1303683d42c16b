"""Readings added in phase S (lane g-tune28) by class, from blind16's and the probes' open misses,
on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

LAST_WEEK_BUT_ONE_WEEKEND = {"start": "2026-10-31", "end": "2026-11-01"}


def _follow(rules, first, follow, tool, args):
    key = "t28-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow, tool, key=key, **args)


@pytest.mark.parametrize(("first", "follow", "tool", "args"), [
    # a split by stage kept, narrowed to the stage named
    ("how do pupils feel at every stage", "just the purchase bit",
     "feedback_sentiment", {"by": "stage", "stage": ["purchase"]}),
    # the month weighed against the others changes; the month is no period
    ("is august our busiest month for kayak hire", "what about march?",
     "time_pattern", {"by": "month", "metric": "orders", "focus": "March", "period": None}),
    # the same question asked of the week before
    ("which day last week did the florist take the most money", "same q for the week prior",
     "trend", {"metric": "revenue", "grain": "day", "period": {"start": "2026-10-26", "end": "2026-11-01"}}),
    # the weekend before that, typed short
    ("bookings last weekend", "and the wkend before that?",
     "kpis", {"metrics": ["orders"], "period": LAST_WEEK_BUT_ONE_WEEKEND}),
])
def test_a_follow_up_keeps_the_reading_and_changes_what_it_names(rules, first, follow, tool, args):
    _follow(rules, first, follow, tool, args)


@pytest.mark.parametrize(("question", "args"), [
    ("how do diners feel about getting it delivered versus collecting it", {"by": "touchpoint"}),
    ("are folk happier with home delivery or picking up in store, going by their comments", {"by": "touchpoint"}),
    ("how happy do the climbers sound in their reviews day by day this month",
     {"by": "day", "period": {"name": "this_month"}}),
    ("how cheerful do pupils come across in their survey replies each week", {"by": "week"}),
    ("which bit of the client journey sounds most annoyed", {"by": "stage"}),
])
def test_how_people_sound_in_what_they_wrote_is_the_sentiment(rules, question, args):
    assert_plans(rules, question, "feedback_sentiment", **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("members who used to swim daily and now only show up the odd time", "at_risk_customers", {"tier": "lapsing"}),
    ("which 10 members are most likely to fall off our radar", "at_risk_customers", {"limit": 10}),
    ("enquirers we could coax into their first treatment", "next_best_actions", {"action": "convert_prospect"}),
    ("how much is a member worth to us all told, what they've spent plus what they'll spend",
     "customer_lifetime_value", {}),
])
def test_predictions_said_in_everyday_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    # customers lost to churn are the churn rate
    ("are we losing more riders to churn this quarter", "compare", {"metrics": ["churn_rate"]}),
    # people who may go (or have gone) quiet are at risk, not a drop-off point
    ("which clients are most likely to drop off the radar this winter", "at_risk_customers", {}),
    ("regulars who've dropped off the radar lately, who are they", "at_risk_customers", {}),
])
def test_a_leaving_verb_off_the_journey_is_no_drop_off(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("share of visitors to the florist's site who left after a single page last week",
     {"metrics": ["bounce_rate"], "period": {"name": "last_week"}}),
    ("how many visits did the bakery's website get last week", {"metrics": ["sessions"], "period": {"name": "last_week"}}),
    ("how many faults did the team get dealt with in october",
     {"metrics": ["resolved_tickets"], "period": {"start": "2026-10-01", "end": "2026-10-31"}}),
    ("how many complaints have we got sorted this month", {"metrics": ["resolved_tickets"], "period": {"name": "this_month"}}),
    ("time between a couple first hearing about us and booking, last quarter",
     {"metrics": ["time_to_first_purchase"], "period": {"name": "last_quarter"}}),
    ("how many clients have bought logs off us 3+ times", {"metrics": ["repeat_customers"], "min_orders": 3}),
    ("every single key number for last month, the full set", {"metrics": None, "period": {"name": "last_month"}}),
    ("how many bikes did we fix the week just gone", {"metrics": ["orders"], "period": {"name": "last_week"}}),
    ("takings for the month that's just gone", {"metrics": ["revenue"], "period": {"name": "last_month"}}),
])
def test_kpis_said_as_what_people_did(rules, question, args):
    assert_plans(rules, question, "kpis", **args)


@pytest.mark.parametrize(("question", "args"), [
    ("bike shop revenue this week compared to the week of 12 october",
     {"period": {"name": "this_week"}, "against": {"start": "2026-10-12", "end": "2026-10-18"}}),
    # a day set against its own weekday is the one a week before (the sample ends on a Sunday)
    ("how was yesterdays till compared to last saturday",
     {"metrics": ["revenue"], "period": {"name": "yesterday"}, "against": {"start": "2026-11-07", "end": "2026-11-07"}}),
    # two months offered as a choice: the first set against the second
    ("were bookings at the kennels higher in august or july",
     {"metrics": ["orders"], "period": {"start": "2026-08-01", "end": "2026-08-31"}, "against": {"start": "2026-07-01", "end": "2026-07-31"}}),
    ("friday's takings against the previous friday",
     {"period": {"start": "2026-11-13", "end": "2026-11-13"}, "against": {"start": "2026-11-06", "end": "2026-11-06"}}),
])
def test_a_period_set_against_a_named_week_or_day(rules, question, args):
    assert_plans(rules, question, "compare", **args)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("the week-in-review digest for the week ending 8 november", "digest", {"cadence": "weekly", "date": "2026-11-08"}),
    ("earliest and latest day your files span", "describe_data", {}),
    ("how many years of booking records have you got", "describe_data", {}),
    ("is what you have on the kennels up to date or a few days behind", "describe_data", {}),
    # the condition first, the alert asked for after it
    ("new members down by a quarter on the previous week - I want an alert", "create_alert_rule",
     {"condition": "drops_by", "value": 25.0, "window_days": 7}),
    ("bike hire revenue up 30% on the day before? I'd like a warning", "create_alert_rule",
     {"metric": "revenue", "condition": "rises_by", "value": 30.0}),
])
def test_the_data_held_a_week_named_by_its_end_and_an_alert_asked_after(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)
