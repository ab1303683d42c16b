"""Readings added in phase AC (lane g-probe27b) by class, from probe27b's and blind26's misses of
trends, compares and follow-up re-cuts, on phrasings written for this round in other trades (rules
only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning). Dates are the
banks' small sample's: its last day is Sunday 2026-11-15."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

MAY = {"start": "2026-05-01", "end": "2026-05-31"}
JUL = {"start": "2026-07-01", "end": "2026-07-31"}
AUG = {"start": "2026-08-01", "end": "2026-08-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}
OCT = {"start": "2026-10-01", "end": "2026-10-31"}


def _thread(rules, key, *questions):
    """Ask each question in one conversation, as the bank does; the last one's plan."""
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "metric"), [
    ("week on week takings at the cheese van", "revenue"),
    ("month on month orders for the candle stall, cheers", "orders"),
    ("month on month bounce rate on the tile shop's website", "bounce_rate"),
    ("pottery barn month on month avg order value", "aov"),
    ("week on week refunds at the cider press ta", "refunded_orders"),
])
def test_x_on_x_said_before_its_kpi_is_the_one_change(rules, question, metric):
    # convention (h): the step said first, before a bare KPI, however long the rest of the message
    plan = rules.plan(question, "r27b-first-" + question)
    assert plan.spec is not None and plan.spec.name == "compare" and plan.args.get("metrics") == [metric], plan.args


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("bakery takings month on month", "revenue", "month"),
    ("cider buyers week on week please", "buyers", "week"),
    ("month on month revenue at the florist this year", "revenue", "month"),
    ("quarter-over-quarter orders at the print shop", "orders", "quarter"),
    ("visitors through the farm park gate week on week", "active_customers", "week"),
    ("zoo visitors turning up, week by week", "active_customers", "week"),
])
def test_x_on_x_after_its_kpi_or_over_a_long_span_stays_a_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


@pytest.mark.parametrize(("question", "metrics"), [
    ("how many candles sold and for how much last week", ["orders", "revenue"]),
    ("how many buyers and how much money did the bike hire take last week", ["buyers", "revenue"]),
    ("how many cakes wi bake an how much money wi mek last week", ["orders", "revenue"]),
    ("tyre fittings an the takings fae them last week", ["orders", "revenue"]),
    ("pizza boxes and the dosh from them last week", ["orders", "revenue"]),
    ("sourdough loaves and the bakery takings last week", ["orders", "revenue"]),
    ("bike hires reserved and the money for them last week", ["orders", "revenue"]),
])
def test_a_count_beside_its_money_reads_both(rules, question, metrics):
    plan = rules.plan(question, "r27b-both-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec
    assert sorted(plan.args.get("metrics") or []) == sorted(metrics) and plan.args.get("period") == {"name": "last_week"}, plan.args


def test_an_article_before_a_vowel_is_no_and(rules):
    assert_plans(rules, "how many orders came in an hour after opening yesterday", "kpis", metrics=["orders"])


@pytest.mark.parametrize(("question", "period", "against", "metric"), [
    ("compare may and july for the ferry bookings", MAY, JUL, "orders"),
    ("may vs august takings at the cafe", MAY, AUG, "revenue"),
    ("august against may for the ferry bookings", AUG, MAY, "orders"),
    ("candle buyers, compare september and october", SEP, OCT, "buyers"),
])
def test_two_months_named_bare_may_included_are_compared_first_named_first(rules, question, period, against, metric):
    plan = rules.plan(question, "r27b-months-" + question)
    assert plan.spec is not None and plan.spec.name == "compare", plan.spec
    assert plan.args.get("period") == period and plan.args.get("against") == against and plan.args.get("metrics") == [metric], plan.args


def test_may_the_verb_is_no_month(rules):
    assert_plans(rules, "may we see the takings for june at the cafe", "kpis",
                 period={"start": "2026-06-01", "end": "2026-06-30"}, against=None)


@pytest.mark.parametrize(("follow_up", "metric"), [
    ("and the buyers, cheers?", "buyers"),
    ("now the buyers please", "buyers"),
    ("and the buyers?", "buyers"),
    ("swap in the avg order value, same cut mate", "aov"),
    ("the takings, same way", "revenue"),
])
def test_a_trend_followed_by_another_kpi_keeps_its_grain_and_span(rules, follow_up, metric):
    plan = _thread(rules, "r27b-swap-" + follow_up, "cider orders week by week since august", follow_up)
    assert plan.spec is not None and plan.spec.name == "trend", plan.spec
    assert plan.args.get("metric") == metric and plan.args.get("grain") == "week", plan.args
    assert (plan.args.get("period") or {}).get("start") == "2026-08-01", plan.args


@pytest.mark.parametrize(("follow_up", "grain"), [
    ("day by day please", "day"),
    ("month by month for that, cheers", "month"),
    ("day by day for that please", "day"),
])
def test_a_trend_followed_by_its_step_alone_changes_only_the_grain(rules, follow_up, grain):
    plan = _thread(rules, "r27b-grain-" + follow_up, "cake orders week by week over the last 30 days", follow_up)
    assert plan.spec is not None and plan.spec.name == "trend", plan.spec
    assert plan.args.get("grain") == grain and plan.args.get("metric") == "orders", plan.args
    assert plan.args.get("period") == {"name": "last_30_days"}, plan.args


def test_a_step_leading_a_question_of_its_own_is_no_follow_up(rules):
    plan = _thread(rules, "r27b-own", "where do people drop off before checkout",
                   "week by week, how are the cider orders doing")
    assert plan.spec is not None and plan.spec.name == "trend" and plan.args.get("metric") == "orders", plan.args


@pytest.mark.parametrize(("follow_up", "stage"), [
    ("let's see the paying stage up close", "purchase"),
    ("show me the checkout bit close up", "decision"),
])
def test_a_stage_of_the_map_seen_up_close_is_its_drill_down(rules, follow_up, stage):
    plan = _thread(rules, "r27b-map-" + follow_up, "journey map for the florist, october next to september", follow_up)
    assert plan.spec is not None and plan.spec.name == "journey_map", plan.spec
    assert plan.args.get("stage") == stage and plan.args.get("period") == OCT, plan.args


@pytest.mark.parametrize("question", [
    "the week on week change in visitors coming through the zoo gate",
    "month on month visitors through the castle gate",
])
def test_visitors_through_a_gate_are_people_turning_up(rules, question):
    plan = rules.plan(question, "r27b-gate-" + question)
    assert plan.spec is not None and plan.spec.name == "compare" and plan.args.get("metrics") == ["active_customers"], plan.args


@pytest.mark.parametrize("question", [
    "at whit stage o the journey dae the bike hire lookers jack it in",
    "which journey stage do the tea room browsers pack it in at",
])
def test_packing_it_in_at_a_stage_is_a_drop_off_by_stage(rules, question):
    assert_plans(rules, question, "dropoffs", level="stage")


def test_a_drop_off_by_stage_followed_by_a_nearer_goal_keeps_the_stages(rules):
    plan = _thread(rules, "r27b-drop", "which journey stage do the tea room browsers pack it in at",
                   "now only as far as the checkout stage")
    assert plan.spec is not None and plan.spec.name == "dropoffs", plan.spec
    assert plan.args.get("level") == "stage" and plan.args.get("goal_stage") == "decision", plan.args
