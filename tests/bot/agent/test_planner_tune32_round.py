"""Readings added in phase W (lane g-tune32) by class, from the open misses of the tuning banks
(blind20 and the probes), on phrasings written for this round in other trades (rules only: the
`rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("which region is responsible for the slowdown in purchasers this quarter", "region"),
    ("kite shop: which age band drove the downturn in bookers last month", "age_band"),
    ("which channel is to blame for the slide in buyers over the past 30 days", "channel"),
])
def test_buyers_named_by_any_word_of_their_move(rules, question, by):
    assert_plans(rules, question, "movers", metric="buyers", by=by)


@pytest.mark.parametrize("question", [
    "what percentage of people who came to the website went on to book a lesson this month",
    "what % of folk who looked at the website actually booked a fitting session, past 30 days",
    "share of ppl who browsed the catalogue that actually ordered a rug last month",
])
def test_the_share_of_lookers_who_bought_a_thing_is_the_purchase_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["purchase_conversion"])


def _after(rules, first: str, key: str) -> None:
    rules.reset(key)
    rules.remember(key, rules.plan(first, key))


@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("where do instagram customers drop off", "do the same for people who came from facebook",
     "dropoffs", {"filters": {"channel": ["facebook"]}}),
    ("how many orders did we get last week", "run the same thing for october",
     "kpis", {"metrics": ["orders"], "period": {"start": "2026-10-01", "end": "2026-10-31"}}),
    ("revenue by channel last month", "could you do the same for the vip segment",
     "movers", {"metric": "revenue", "by": "channel", "filters": {"segment": ["vip"]}}),
])
def test_do_the_same_for_is_the_last_analysis_again(rules, first, then, tool, args):
    key = "t32-same-" + then
    _after(rules, first, key)
    assert_plans(rules, then, tool, key=key, **args)


@pytest.mark.parametrize(("first", "then", "period", "against"), [
    ("how did bookings this month compare with last month", "and now the other way around",
     {"name": "last_month"}, {"name": "this_month"}),
    ("compare q3 with q2 for takings", "same again the other way round please",
     {"start": "2026-04-01", "end": "2026-06-30"}, {"start": "2026-07-01", "end": "2026-09-30"}),
])
def test_the_other_way_round_swaps_a_comparisons_sides(rules, first, then, period, against):
    key = "t32-swap-" + then
    _after(rules, first, key)
    assert_plans(rules, then, "compare", key=key, period=period, against=against)


@pytest.mark.parametrize(("question", "stage"), [
    ("show the after-sales part of the journey in detail", "post-purchase"),
    ("walk me through the consideration bit of the journey", "consideration"),
    ("kennels: dig deeper into the stage where owners first hear of us", "awareness"),
    ("go deeper on the stage where diners actually pay for their table", "purchase"),
])
def test_one_part_of_the_journey_shown_in_detail_is_that_stage_of_the_map(rules, question, stage):
    assert_plans(rules, question, "journey_map", stage=stage)


def test_after_sales_is_a_stage_never_the_money(rules):
    plan = rules.plan("the after sales stage of the journey, show me", "t32-after-sales")
    assert "revenue" not in plan.args.get("metrics", []) and plan.args.get("stage") == "post-purchase", plan.args


@pytest.mark.parametrize(("question", "tool", "segment"), [
    ("where do the newsletter folk drop out before buying", "dropoffs", "newsletter"),
    ("how much did the vip folk spend last month", "kpis", "vip"),
    ("what did the folk on the loyalty scheme spend last quarter", "kpis", "loyalty"),
    ("how many orders from people in our loyalty club last month", "kpis", "loyalty"),
])
def test_a_group_of_folk_said_the_owners_way_is_the_segment(rules, question, tool, segment):
    assert_plans(rules, question, tool, key="t32-folk-" + question)
    plan = rules.plan(question, "t32-folk2-" + question)
    assert plan.args.get("filters", {}).get("segment") == [segment], plan.args


@pytest.mark.parametrize(("first", "then", "tool", "args"), [
    ("turnover from the loyalty card holders this quarter", "what did the newsletter folk spend over the same period",
     "kpis", {"metrics": ["revenue"], "period": {"name": "this_quarter"}, "filters": {"segment": ["newsletter"]}}),
    ("revenue by channel last month", "how many complaints did we get over the same period",
     "kpis", {"metrics": ["tickets"], "period": {"name": "last_month"}}),
    ("kiln hire bookings last week", "and how much did the vip folk spend in that time",
     "kpis", {"metrics": ["revenue"], "period": {"name": "last_week"}, "filters": {"segment": ["vip"]}}),
])
def test_a_question_over_the_same_period_keeps_the_threads_span(rules, first, then, tool, args):
    key = "t32-span-" + then
    _after(rules, first, key)
    assert_plans(rules, then, tool, key=key, **args)


@pytest.mark.parametrize("question", [
    "how do people who never book make their way thru the journey",
    "how do shoppers who dont order go through the site, stage by stage",
    "what do the bike shop visitors who never buy get up to",
])
def test_the_way_non_buyers_go_about_it_is_their_path(rules, question):
    assert_plans(rules, question, "paths")


@pytest.mark.parametrize(("question", "args"), [
    ("our daily roundup with the top complaints and any new at-risk regulars", {}),
    ("morning briefing please, including the worst drop-off", {}),
    ("weekly recap for the week, covering who's newly at risk", {"cadence": "weekly"}),
])
def test_the_digest_named_then_what_it_holds_is_the_digest(rules, question, args):
    assert_plans(rules, question, "digest", **args)


@pytest.mark.parametrize(("first", "then", "args"), [
    ("roundup for the week", "and the roundup for the week before that one", {"cadence": "weekly", "date": "2026-11-08"}),
    ("the daily digest", "and the day before that?", {"date": "2026-11-14"}),
])
def test_the_digest_one_step_back_is_dated_before_the_last(rules, first, then, args):
    key = "t32-digest-" + then + first
    _after(rules, first, key)
    plan = rules.plan(then, key)
    assert plan.spec is not None and plan.spec.name == "digest", plan
    assert {k: str(plan.args.get(k)) for k in args} == args, plan.args


@pytest.mark.parametrize("question", [
    "which regulars can we bank on next month",
    "how many diners can we rely on coming back next quarter",
])
def test_people_we_can_count_on_ahead_are_the_likely_buyers(rules, question):
    assert_plans(rules, question, "purchase_propensity")


def test_money_we_can_count_on_stays_the_forecast(rules):
    assert_plans(rules, "how much revenue can we count on next month", "revenue_forecast")


@pytest.mark.parametrize("question", [
    "any new pizza complaints compared with last month",
    "what new stall moans came in vs last week",
])
def test_new_gripes_set_against_an_earlier_span_are_the_themes(rules, question):
    assert_plans(rules, question, "feedback_themes", sentiment="negative")


def test_which_bit_of_the_journey_scores_lowest_is_no_map(rules):
    plan = rules.plan("which bit of the booking journey do guests rate lowest", "t32-bit-lowest")
    assert plan.spec is None or plan.spec.name != "journey_map", plan


@pytest.mark.parametrize(("question", "by"), [
    ("is the mood in the reviews better or worse than the quarter before, by channel, last quarter", "channel"),
    ("is the tone of the comments better or worse than the month before, per stage, last month", "stage"),
])
def test_the_feeling_of_the_feedback_against_another_span_is_the_sentiment(rules, question, by):
    assert_plans(rules, question, "feedback_sentiment", by=by)


@pytest.mark.parametrize(("question", "args"), [
    ("which teas shifted the most this quarter", {"by": "product", "measure": "units"}),
    ("what's shrinking among our titles", {"by": "product", "rank": "change", "order": "bottom"}),
    ("which of our candles are selling slower than last month", {"rank": "change", "order": "bottom"}),
    ("which blends are growing", {"rank": "change", "order": None}),
    ("which flavours are on the slide this month", {"order": "bottom"}),
])
def test_the_trades_goods_moving_without_a_ranking_word_are_its_sales(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize("question", ["which numbers are falling this month", "which bookings are growing"])
def test_figures_and_orders_moving_are_no_goods(rules, question):
    plan = rules.plan(question, "t32-notgoods-" + question)
    assert plan.spec is None or plan.spec.name != "product_sales", plan


@pytest.mark.parametrize("question", [
    "how many customers got a refund from us",
    "how many diners were given their money back last month",
])
def test_people_who_got_a_refund_are_the_refunds(rules, question):
    assert_plans(rules, question, "kpis", metrics=["refunded_orders"])


@pytest.mark.parametrize(("first", "then", "args"), [
    ("orders this week vs last week", "what about the refunds, same weeks?",
     {"metrics": ["refunded_orders"], "period": {"name": "this_week"}, "against": {"name": "last_week"}}),
    ("are the kiln bookings down this week compared with the one before", "what about the avg spend, same weeks?",
     {"metrics": ["aov"], "period": {"name": "this_week"}}),
])
def test_same_weeks_after_a_comparison_keeps_the_weeks_compared(rules, first, then, args):
    key = "t32-sameweeks-" + then + first
    _after(rules, first, key)
    assert_plans(rules, then, "compare", key=key, **args)


def test_topics_growing_in_the_feedback_are_no_goods(rules):
    plan = rules.plan("which themes are rising in the reviews lately", "t32-topics-rising")
    assert plan.spec is None or plan.spec.name != "product_sales", plan
