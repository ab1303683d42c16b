"""Readings added in phase X (lane g-probe22a) by class, from the misses of
tests/questions_probe22a.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning). Most are follow-ups that
change exactly one setting of the last analysis and keep the rest."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_BROWSE_TO_BOOK = ["consideration", "decision", "purchase"]


def _asked(rules, question, tool, key, **args):
    """Ask the question a follow-up continues, check its reading, and let the conversation keep it."""
    assert_plans(rules, question, tool, key=key, **args)
    rules.remember(key, rules.plan(question, key))


@pytest.mark.parametrize("follow_up", [
    "same again split by the first channel they arrived through",
    "now split it by the first channel people came in on",
    "ok and by their first channel",
])
def test_a_split_by_the_first_channel_keeps_the_funnel(rules, follow_up):
    key = "first-channel-" + follow_up
    _asked(rules, "dog groomer: which step between browsing and booking do we lose most people at", "funnel",
           key, stages=_BROWSE_TO_BOOK)
    assert_plans(rules, follow_up, "funnel", key=key, stages=_BROWSE_TO_BOOK, by="channel")


@pytest.mark.parametrize("follow_up", [
    "and don't count anyone who skipped a stage",
    "but do not include people who missed a step",
])
def test_the_exclusion_said_before_the_skip_is_a_strict_funnel(rules, follow_up):
    key = "strict-" + follow_up
    _asked(rules, "kayak hire funnel from browsing to booking, split by region", "funnel", key,
           stages=_BROWSE_TO_BOOK, by="region")
    assert_plans(rules, follow_up, "funnel", key=key, stages=_BROWSE_TO_BOOK, by="region", skips="stop")


@pytest.mark.parametrize(("first", "tool", "kept"), [
    ("where do people give up before booking online at the climbing wall, last month", "dropoffs",
     {"goal_touchpoint": "order_placed", "period": {"name": "last_month"}}),
    ("what are the spa guests complaining about this month", "feedback_themes",
     {"sentiment": "negative", "period": {"name": "this_month"}}),
])
@pytest.mark.parametrize("follow_up", ["no need to compare with the week before", "there's no need for a comparison with before"])
def test_a_comparison_turned_down_keeps_the_rest(rules, first, tool, kept, follow_up):
    key = "no-compare-" + first + follow_up
    _asked(rules, first, tool, key, **kept)
    assert_plans(rules, follow_up, tool, key=key, compare=False, **kept)


@pytest.mark.parametrize(("follow_up", "hours"), [
    ("only count a cart as abandoned after 24 hours", 24),
    ("just count a trolley as ditched if it sits there 3 days", 72),
])
def test_a_basket_cut_off_after_the_abandonment_figure(rules, follow_up, hours):
    key = "cut-off-" + follow_up
    _asked(rules, "candle shop cart abandonment this month", "kpis", key,
           metrics=["cart_abandonment"], period={"name": "this_month"})
    assert_plans(rules, follow_up, "kpis", key=key, metrics=["cart_abandonment"], period={"name": "this_month"},
                 cart_window_hours=hours)


def test_a_basket_counted_as_dumped_after_hours_in_the_question_itself(rules):
    assert_plans(rules, "basket abandonment for the tile shop last month, counting a basket as dumped after 72 hours",
                 "kpis", metrics=["cart_abandonment"], cart_window_hours=72)


@pytest.mark.parametrize("follow_up", ["break it by region instead", "split that by age group"])
def test_a_new_split_alone_keeps_the_ranking_by_change(rules, follow_up):
    key = "split-" + follow_up
    _asked(rules, "tutoring bookings dropped this month, which channel is to blame", "movers", key, by="channel")
    plan = rules.plan(follow_up, key)
    assert plan.spec is not None and plan.spec.name == "movers", plan
    assert plan.args.get("rank", "change") == "change" and plan.args.get("by") in ("region", "age_band"), plan.args


@pytest.mark.parametrize("follow_up", ["now order them by how much each region moved",
                                       "now rank them by the size of the change"])
def test_ordering_by_how_much_each_group_moved_is_the_ranking_by_change(rules, follow_up):
    key = "by-change-" + follow_up
    first = "florist takings per region last month, biggest first"
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow_up, "movers", key=key, metric="revenue", by="region", rank="change")


@pytest.mark.parametrize("follow_up", ["ok, only look at last month for that", "just the past month please"])
def test_a_period_naming_a_month_keeps_the_weekday_pattern(rules, follow_up):
    key = "weekday-" + follow_up
    rules.remember(key, rules.plan("which weekday do we get the most pottery class bookings", key))
    plan = rules.plan(follow_up, key)
    assert plan.spec is not None and plan.spec.name == "time_pattern", plan
    assert plan.args.get("by") == "weekday" and plan.args.get("period"), plan.args


@pytest.mark.parametrize("question", [
    "what fraction of web sessions on the little candle shop end with an order",
    "what share of sessions on the yoga studio shop end in a booking",
])
def test_sessions_ending_in_an_order_as_a_share_is_session_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["session_conversion"])


@pytest.mark.parametrize(("question", "period", "against"), [
    ("q3 against q2 for the pottery studio", {"start": "2026-07-01", "end": "2026-09-30"},
     {"start": "2026-04-01", "end": "2026-06-30"}),
    ("last month against september for the tattoo parlour", {"name": "last_month"},
     {"start": "2026-09-01", "end": "2026-09-30"}),
])
def test_two_periods_set_against_each_other_alone_are_the_comparison(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "segments"), [
    ("sketch out 3 kinds of bike shop customer", 3),
    ("give me five sorts of dog grooming client", 5),
])
def test_a_number_of_kinds_of_the_trades_customer_is_the_persona_draft(rules, question, segments):
    assert_plans(rules, question, "draft_personas", segments=segments)
