"""Readings added in phase Y (lane g-probe23a) by class, from probe23a's misses (a trade's own
units and money in compares, trends, KPIs and movers, and a few journey, persona and feedback
asks), on phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

JUNE = {"start": "2026-06-01", "end": "2026-06-30"}
JULY = {"start": "2026-07-01", "end": "2026-07-31"}
AUGUST = {"start": "2026-08-01", "end": "2026-08-31"}
SEPTEMBER = {"start": "2026-09-01", "end": "2026-09-30"}


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("did the massages slip this week compared with last", "compare", {"metrics": ["orders"]}),
    ("have the guitar lessons slipped at all this month vs last", "compare", {"metrics": ["orders"]}),
    ("in which town have haircuts slid most this month", "movers", {"metric": "orders", "by": "city"}),
    ("which age band is behind the boat hires sagging this quarter", "movers", {"metric": "orders", "by": "age_band"}),
])
def test_a_trade_unit_that_slipped_is_its_orders(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "by"), [
    ("who moved most on boat hires last month, by segment", "segment"),
    ("which region moved the most on dog walks this quarter", "region"),
])
def test_who_moved_most_on_a_trade_unit_is_its_orders(rules, question, by):
    assert_plans(rules, question, "movers", metric="orders", by=by)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("takings per cover at the bistro last month", "kpis", {"metrics": ["aov"], "period": {"name": "last_month"}}),
    ("avg revenue per lesson, week by week", "trend", {"metric": "aov", "grain": "week"}),
    ("what's the typical worth of a tattoo booking this year", "kpis", {"metrics": ["aov"], "period": {"name": "this_year"}}),
    ("average value of one valet since july", "kpis", {"metrics": ["aov"]}),
    ("money per massage, vip against loyalty", "movers", {"metric": "aov", "by": "segment"}),
])
def test_money_per_one_sale_in_the_trades_unit_is_the_average_order(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


def test_money_per_person_is_still_no_average_order(rules):
    plan = rules.plan("takings per head at the bistro last month", "probe23a-per-head")
    assert "aov" not in (plan.args.get("metrics") or []), plan.args


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which region brings in the most individual buyers for the surf lessons", "movers",
     {"metric": "buyers", "by": "region", "rank": "value"}),
    ("did more separate people book a massage this week than last", "compare", {"metrics": ["buyers"]}),
    ("did more distinct folk buy a pie in october than september", "compare", {"metrics": ["buyers"]}),
])
def test_people_counted_once_are_the_buyers(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "by"), [
    ("which segment is behind fewer sales at the florist this month", "segment"),
    ("which town do we blame for fewer bike sales this week", "city"),
])
def test_fewer_sales_is_a_count_of_orders(rules, question, by):
    assert_plans(rules, question, "movers", metric="orders", by=by)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare june and july on bike hire takings", JUNE, JULY),
    ("pls compare august with september for lesson bookings", AUGUST, SEPTEMBER),
])
def test_compare_said_as_a_command_keeps_the_first_month_named_first(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


def test_a_month_named_first_is_the_one_asked_about_with_vs_too(rules):
    # the lead's phase-Y convention (a), merged with tune34: the period named first, always
    assert_plans(rules, "csat in june vs july at the salon, which was better", "compare", period=JUNE, against=JULY)


def test_a_follow_up_lowers_the_repeat_count_said_as_an_ordinal(rules):
    key = "probe23a-min-orders"
    first = rules.plan("how many gym members are on their 5th class pack or more", key)
    rules.remember(key, first)
    assert first.args.get("min_orders") == 5, first.args
    assert_plans(rules, "what about 3rd or more", "kpis", key=key, metrics=["repeat_customers"], min_orders=3)


@pytest.mark.parametrize(("question", "stages"), [
    ("every step from someone first noticing the bakery to paying for a cake",
     ["awareness", "consideration", "decision", "purchase"]),
    ("of people who start checkout for a lamp, how many pay and then collect it", ["decision", "purchase", "post-purchase"]),
])
def test_a_funnel_said_as_a_persons_steps(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)


def test_the_usual_steps_before_booking_online_end_at_the_web_order(rules):
    assert_plans(rules, "usual steps before someone books a kayak online", "paths", goal_touchpoint="order_placed")


def test_those_who_rated_us_n_or_lower_out_of_5_are_a_csat_cap(rules):
    assert_plans(rules, "what did the people who rated the salon 3 or lower out of 5 say", "feedback_search", max_csat=3)


@pytest.mark.parametrize(("question", "segments"), [
    ("rough out three customer types for the gym", 3),
    ("knock together 5 kinds of customer for the florist", 5),
])
def test_roughing_out_customer_types_drafts_personas(rules, question, segments):
    assert_plans(rules, question, "draft_personas", segments=segments)


def test_a_customer_journey_for_a_segment_over_a_period_is_the_map(rules):
    assert_plans(rules, "customer journey for the loyalty segment over the past 30 days", "journey_map",
                 filters={"segment": ["loyalty"]})


def test_drifted_off_but_worth_tempting_back_is_a_win_back(rules):
    assert_plans(rules, "bakery customers who've drifted off that are worth tempting back", "next_best_actions",
                 action="win_back")


@pytest.mark.parametrize("question", [
    "which lapsed swimmers are worth winning back",
    "pottery students who stopped coming but are worth luring back",
])
def test_worth_winning_back_without_their_spend_is_the_plain_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back")


def test_worth_winning_back_with_their_spend_said_is_the_valuable_win_back(rules):
    assert_plans(rules, "big-spending sailors who've drifted off and are worth winning back", "next_best_actions",
                 action="win_back_valuable")


@pytest.mark.parametrize("question", [
    "how many birth chart readings did the psychic fair sell this month",
    "no. of natal chart readings booked last week",
])
def test_a_chart_read_is_the_goods_not_a_chart_drawn(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])


def test_a_month_onwards_runs_to_the_last_day(rules):
    assert_plans(rules, "weekly lesson bookings, august onwards", "trend", metric="orders", grain="week",
                 period={"start": "2026-08-01", "end": "2026-11-15"})


@pytest.mark.parametrize("question", [
    "how many massages have guests backed out of this month",
    "how many boat hires did punters cancel on us in october",
])
def test_goods_the_customers_cancelled_are_cancelled_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["cancelled_orders"])


def test_a_follow_up_throwing_out_step_skippers_stops_at_a_skip(rules):
    key = "probe23a-skips"
    first = rules.plan("full funnel by segment for the bike hires", key)
    rules.remember(key, first)
    assert_plans(rules, "and chuck out any bike customer that jumps over a stage", "funnel", key=key, skips="stop",
                 by="segment")


def test_a_trade_unit_then_a_comma_then_two_spans_is_a_compare_of_its_orders(rules):
    assert_plans(rules, "boat hires, 1st to 14th of oct against 1st to 14th of sep", "compare", metrics=["orders"],
                 period={"start": "2026-10-01", "end": "2026-10-14"}, against={"start": "2026-09-01", "end": "2026-09-14"})


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("is july our biggest month for admission tickets at the farm park", "time_pattern",
     {"metric": "orders", "by": "month", "focus": "July"}),
    ("raffle tickets per day this month", "trend", {"metric": "orders", "grain": "day"}),
])
def test_tickets_named_by_what_they_let_people_into_are_sold(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "which candle scents climbed the most last month",
    "which bike models climbed most in october",
])
def test_goods_that_climbed_most_are_a_sales_ranking_by_change(rules, question):
    assert_plans(rules, question, "product_sales", rank="change")
