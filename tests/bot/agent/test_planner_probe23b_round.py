"""Readings added in phase Y (lane g-probe23b) by class, from the misses of
tests/questions_probe23b.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "segments"), [
    ("kite surf school: sketch out 3 types of kiter we get", 3),
    ("yurt camp - draw up 5 kinds of camper we host", 5),
])
def test_an_ask_read_from_its_start_is_read_after_the_business_name_too(rules, question, segments):
    assert_plans(rules, question, "draft_personas", segments=segments)


@pytest.mark.parametrize(("first", "then", "metric", "grain"), [
    ("how many hampers went out last week", "as a chart over time, day by day for the past month", "orders", "day"),
    ("avg spend per bouquet in the past 90 days", "as a graph over time, week by week", "aov", "week"),
])
def test_the_figure_just_shown_drawn_over_time_keeps_its_kpi(rules, first, then, metric, grain):
    key = "probe23b-chart-" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "trend", key=key, metric=metric, grain=grain)


@pytest.mark.parametrize(("first", "then", "metric"), [
    ("cancellation rate on the boat trips last month", "shout if it goes over 8% again", "cancellation_rate"),
    ("new visitors to the florist site per week this quarter", "let me know if they drop by a third week on week", "new_visitors"),
])
def test_an_alert_on_it_watches_the_figure_just_shown(rules, first, then, metric):
    key = "probe23b-alert-" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "create_alert_rule", key=key, metric=metric)


@pytest.mark.parametrize(("first", "then", "period"), [
    ("csat for the bike repair shop over the past 60 days", "show me the complaints behind that", "last_60_days"),
    ("refund rate on the wetsuits last quarter", "pull up the comments about that", "last_quarter"),
])
def test_the_complaints_behind_a_figure_are_searched_over_its_span(rules, first, then, period):
    key = "probe23b-behind-" + then
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan(then, key)
    assert plan.spec is not None and plan.spec.name == "feedback_search", (then, plan.spec and plan.spec.name, plan.args)
    assert plan.args.get("period") == {"name": period} and "query" not in plan.args, plan.args


@pytest.mark.parametrize(("first", "then", "by"), [
    ("return rate for the wetsuit hire last month", "hmm why? which first channel is that down to", "channel"),
    ("tutoring sessions booked this month", "how come? which age band is it due to", "age_band"),
])
def test_a_group_the_figure_is_down_to_is_its_movers(rules, first, then, by):
    key = "probe23b-downto-" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, "movers", key=key, by=by)


@pytest.mark.parametrize(("question", "action"), [
    ("which lapsed climbers are worth tempting back", "win_back"),
    ("walkers who stopped booking but are worth chasing", "win_back"),
    ("big-spending tenants who went quiet, which are worth luring back", "win_back_valuable"),
])
def test_worth_winning_back_is_the_win_back_unless_value_is_said(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare june and july on ferry crossings booked", ("2026-06-01", "2026-06-30"), ("2026-07-01", "2026-07-31")),
    ("put august and september side by side for the takings at the forge", ("2026-08-01", "2026-08-31"),
     ("2026-09-01", "2026-09-30")),
])
def test_the_period_named_first_is_the_one_asked_about(rules, question, period, against):
    assert_plans(rules, question, "compare", period={"start": period[0], "end": period[1]},
                 against={"start": against[0], "end": against[1]})


@pytest.mark.parametrize(("first", "then", "tool", "period"), [
    ("where do we lose kayakers between browsing and booking", "narrow the kayak funnel to last week only", "funnel",
     "last_week"),
    ("where do gardeners drop off before ordering online", "narrow the nursery drop-offs to this month", "dropoffs",
     "this_month"),
])
def test_an_analysis_narrowed_in_the_trades_words_is_that_analysis(rules, first, then, tool, period):
    key = "probe23b-narrow-" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, period={"name": period})


@pytest.mark.parametrize(("first", "then", "metrics"), [
    ("orders at the chippy last week", "and the avg spend too", ["orders", "aov"]),
    ("refunds on the wetsuit hire this month vs last", "n the cancellations as well", ["refunded_orders", "cancelled_orders"]),
])
def test_a_kpi_named_with_too_is_added_to_the_ones_shown(rules, first, then, metrics):
    key = "probe23b-too-" + then
    rules.remember(key, rules.plan(first, key))
    plan = rules.plan(then, key)
    assert sorted(plan.args.get("metrics") or []) == sorted(metrics), (then, plan.args)


@pytest.mark.parametrize(("first", "then", "tool", "kept", "changed"), [
    ("where do we lose climbers between browsing and booking", "split the wall funnel per region", "funnel",
     {"stages": ["consideration", "decision", "purchase"]}, {"by": "region"}),
    ("where do walkers drop off before booking online", "redo the hostel drop-offs for last week", "dropoffs",
     {"goal_touchpoint": "order_placed"}, {"period": {"name": "last_week"}}),
])
def test_the_analysis_just_shown_named_by_its_noun_keeps_its_settings(rules, first, then, tool, kept, changed):
    key = "probe23b-named-" + then
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, then, tool, key=key, **kept, **changed)


@pytest.mark.parametrize(("question", "tool"), [
    ("kayak hire - what do folk go on about, everything we have", "feedback_themes"),
    ("avg spend per pitch, everything we've got", "kpis"),
])
def test_everything_we_have_said_last_is_all_the_data(rules, question, tool):
    assert_plans(rules, question, tool, period={"name": "all"})


def test_a_step_back_alone_after_an_analysis_steps_its_span_back(rules):
    key = "probe23b-step"
    rules.remember(key, rules.plan("what did the campers praise last week", key))
    assert_plans(rules, "what did they praise the week before", "feedback_themes", key=key,
                 period={"start": "2026-10-26", "end": "2026-11-01"}, sentiment="positive")
