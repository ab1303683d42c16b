"""Readings added in phase K (lane g-tune12a) by class, from blind8's misses on the analyses:
periods counted back from a named day or from the start of this quarter, "than the fortnight
before" and "how are X doing ... against last" as comparisons; a KPI "per month" or "each week"
as a series; the step or stage a journey is headed for ("on the way to posting a review",
"paths that lead to a referral being sent", "the checkout page"); lists of groups and how many
of them ("the vip and loyalty members", "just the 5 biggest", "skip any group with fewer than
20"); KPI words ("from visiting to buying", "as a rate", "within 48 hours", "crm signup
source", "main numbers"); and follow-ups that change one thing ("same chart but ...", "a segment
thing instead?", "at touchpoint level?", "break that one down by ...").

The sample's data ends on 15 November 2026."""

from __future__ import annotations

import pytest

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


def _plan(planner, question, key=None):
    plan = planner.plan(question, key or "t12a-" + question)
    return (plan.spec.name if plan.spec else None), plan.args


def _conversation(planner, *questions):
    key = "t12a-conv-" + questions[0]
    plan = None
    for q in questions:
        plan = planner.plan(q, key)
        planner.remember(key, plan)
    return (plan.spec.name if plan.spec else None), plan.args


# -- 1. periods ------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "period"), [
    ("how much did we take in the 14 days up to 20 October", {"start": "2026-10-07", "end": "2026-10-20"}),
    ("new customers over the 3 weeks ending on 8 november", {"start": "2026-10-19", "end": "2026-11-08"}),
    ("sessions in the week ending 1 November", {"start": "2026-10-26", "end": "2026-11-01"}),
    ("refunds in the fortnight to the 9th of november", {"start": "2026-10-27", "end": "2026-11-09"}),
])
def test_a_span_counted_back_from_a_named_day(planner, question, period):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["period"] == period


@pytest.mark.parametrize(("question", "period"), [
    ("orders in the month ending 30 september", {"start": "2026-09-01", "end": "2026-09-30"}),
    ("revenue for the 2 months up to 10 november", {"start": "2026-09-11", "end": "2026-11-10"}),
])
def test_months_counted_back_are_calendar_months(planner, question, period):
    assert _plan(planner, question)[1]["period"] == period


def test_the_named_day_alone_is_still_that_day(planner):
    assert _plan(planner, "orders on 20 October")[1]["period"] == {"start": "2026-10-20", "end": "2026-10-20"}


@pytest.mark.parametrize(("question", "period"), [
    ("how many orders since the quarter started", "this_quarter"),
    ("revenue since the month began", "this_month"),
    ("new visitors since the year kicked off", "this_year"),
])
def test_since_a_calendar_period_started_is_that_period_so_far(planner, question, period):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["period"] == {"name": period}


def test_a_weekly_series_since_the_quarter_started(planner):
    name, args = _plan(planner, "weekly orders since the quarter started")
    assert name == "trend" and args["grain"] == "week" and args["period"] == {"name": "this_quarter"}


@pytest.mark.parametrize("question", [
    "was the bounce rate lower over the last 14 days than the fortnight before?",
    "were there more orders over the past 14 days than the fortnight before?",
])
def test_than_the_fortnight_before_is_a_comparison(planner, question):
    assert _plan(planner, question)[0] == "compare"


@pytest.mark.parametrize(("question", "segment"), [
    ("how are the lead customers doing this month against last", "lead"),
    ("how are the loyalty card holders doing this quarter against last", "loyalty"),
])
def test_how_a_group_is_doing_against_another_period_is_a_comparison(planner, question, segment):
    name, args = _plan(planner, question)
    assert name == "compare" and args["filters"] == {"segment": [segment]}


def test_how_a_group_is_doing_in_one_period_stays_its_numbers(planner):
    assert _plan(planner, "how are the lead customers doing this month")[0] == "kpis"


# -- 2. a KPI per month, each week: a series -------------------------------------------------

@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("orders per month this year", "orders", "month"),
    ("monthly refunds for the vip segment", "refunded_orders", "month"),
    ("aov each month since june", "aov", "month"),
    ("how quickly we answered tickets each week this quarter", "first_response_time", "week"),
])
def test_a_kpi_with_a_grain_is_a_series(planner, question, metric, grain):
    name, args = _plan(planner, question)
    assert name == "trend" and (args["metric"], args["grain"]) == (metric, grain)


@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("how are orders tracking month on month this year", "orders", "month"),
    ("sessions week-on-week this quarter", "sessions", "week"),
])
def test_x_on_x_across_a_longer_period_is_a_series(planner, question, metric, grain):
    name, args = _plan(planner, question)
    assert name == "trend" and (args["metric"], args["grain"]) == (metric, grain)


@pytest.mark.parametrize("question", ["aov week on week"])
def test_x_on_x_alone_is_a_weekly_series(planner, question):
    # the lead's phase-Z convention (h): "week on week" with no two periods named is a series by week
    # (it was a comparison here before)
    name, args = _plan(planner, question)
    assert name == "trend" and (args["metric"], args["grain"]) == ("aov", "week")


def test_month_on_month_alone_is_a_monthly_series(planner):
    # (lane probe24a) the lead's phase-Z convention: "month on month" with no two periods named is a
    # trend by month (it was a comparison here before)
    name, args = _plan(planner, "refunds month-on-month")
    assert name == "trend" and args["grain"] == "month"


# -- 3. the step or stage a journey is headed for --------------------------------------------

@pytest.mark.parametrize(("question", "tool", "goal"), [
    ("where do visitors fall away on their way to leaving a testimonial", "dropoffs", "testimonial"),
    ("which steps lead to a referral being sent", "paths", "referral_sent"),
    ("the routes that lead up to a review being posted", "paths", "review_posted"),
    # (phase Y, convention c: the checkout page not reached is goal_stage decision; tune34's round test)
    ("where do shoppers bail before they start checkout", "dropoffs", "checkout_start"),
])
def test_the_step_headed_for_is_the_goal(planner, question, tool, goal):
    name, args = _plan(planner, question)
    assert name == tool and args.get("goal_touchpoint") == goal


@pytest.mark.parametrize(("question", "goal"), [
    ("journeys which end with somebody sharing us on social media", "social_share"),
    ("the steps taken before a customer collects their order", "order_pickup"),
])
def test_journeys_that_end_in_a_step_are_paths_to_it(planner, question, goal):
    name, args = _plan(planner, question)
    assert name == "paths" and args.get("goal_touchpoint") == goal


@pytest.mark.parametrize(("question", "tool", "stage"), [
    ("what do people do before they reach the post-purchase stage", "paths", "post-purchase"),
    ("where do we lose people who never reach the post-purchase stage", "dropoffs", "post-purchase"),
])
def test_a_stage_named_with_purchase_in_it_is_still_the_goal(planner, question, tool, stage):
    name, args = _plan(planner, question)
    assert name == tool and args.get("goal_stage") == stage
    assert args.get("level") != "stage"  # "the post-purchase stage" names the goal, not the level


# -- 4. lists of groups and how many of them -------------------------------------------------

@pytest.mark.parametrize(("question", "segments"), [
    ("funnel showing the newsletter and loyalty members", ["newsletter", "loyalty"]),
    ("orders from the lead, vip and loyalty shoppers this month", ["lead", "vip", "loyalty"]),
])
def test_a_list_of_groups_keeps_every_group(planner, question, segments):
    assert _plan(planner, question)[1]["filters"]["segment"] == segments


def test_a_segment_in_a_list_is_not_also_its_channel(planner):
    # "newsletter" is also a word for the email channel: in a list of groups it is the segment
    args = _plan(planner, "funnel for the newsletter, vip and lead groups")[1]
    assert args["filters"] == {"segment": ["newsletter", "vip", "lead"]}


@pytest.mark.parametrize(("question", "segment"), [
    ("did the loyalty climbers order more this month than last", "loyalty"),
    ("have the vip golfers spent more this quarter than the one before", "vip"),
])
def test_a_group_named_with_the_trades_word_for_its_people(planner, question, segment):
    assert _plan(planner, question)[1].get("filters") == {"segment": [segment]}


def test_a_group_before_a_thing_is_no_filter(planner):
    assert "filters" not in _plan(planner, "how many orders came through the loyalty vouchers this month")[1]


def test_the_biggest_groups_of_a_split_funnel(planner):
    name, args = _plan(planner, "funnel broken down by channel, only the top 3")
    assert name == "funnel" and (args["by"], args["max_groups"]) == ("channel", 3)


@pytest.mark.parametrize(("question", "least"), [
    ("which channel drove the drop in orders this month, skip any group with fewer than 20", 20),
    ("revenue change by city last month, ignore towns under 10 customers", 10),
    ("which segment moved revenue most, only groups with more than 15", 16),
])
def test_the_least_group_size_a_question_sets(planner, question, least):
    name, args = _plan(planner, question)
    assert name == "movers" and args["min_n"] == least
    assert args.get("top") != least  # the size is not how many groups to list


@pytest.mark.parametrize(("question", "metrics"), [
    ("complaints and first response time, last month vs the month before", ["tickets", "first_response_time"]),
    ("tickets and average resolution time this quarter", ["tickets", "resolution_time"]),
])
def test_a_ticket_count_first_in_a_list_of_kpis(planner, question, metrics):
    assert _plan(planner, question)[1]["metrics"] == metrics


@pytest.mark.parametrize(("question", "stages"), [
    ("consideration to decision to advocacy funnel last month", ["consideration", "decision", "advocacy"]),
    ("funnel: awareness -> purchase -> advocacy", ["awareness", "purchase", "advocacy"]),
])
def test_three_stages_named_in_a_row_are_the_funnels_steps(planner, question, stages):
    name, args = _plan(planner, question)
    assert name == "funnel" and args["stages"] == stages


def test_two_stages_are_every_stage_between_them(planner):
    name, args = _plan(planner, "funnel from consideration to advocacy")
    assert args["stages"] == ["consideration", "decision", "purchase", "post-purchase", "advocacy"]


# -- 5. KPI words ------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "metric"), [
    ("can you tell me the average resolution time on complaints last month", "resolution_time"),
    ("first response time to complaints this week please", "first_response_time"),
])
def test_a_ticket_time_for_complaints_is_the_kpi_not_their_themes(planner, question, metric):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "metric"), [
    ("conversion from visiting to buying this month", "purchase_conversion"),
    ("share of web sessions that actually end in an order last week", "session_conversion"),
    ("checkout-to-payment conversion rate last month", "conversion_purchase"),
    ("how many customers ordered twice or more this year, as a percentage", "repeat_purchase_rate"),
])
def test_conversion_words_read_by_what_they_count(planner, question, metric):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "hours"), [
    ("basket abandonment, counting a cart as saved if they buy within 24 hours", 24),
    ("cart abandonment if people come back and pay within 2 days", 48),
])
def test_the_cart_window_said_as_buying_within(planner, question, hours):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["metrics"] == ["cart_abandonment"] and args["cart_window_hours"] == hours


@pytest.mark.parametrize("question", ["bounce rate across the whole website this month",
                                      "exit rate across the site last week"])
def test_across_the_site_is_the_whole_site_not_a_group(planner, question):
    name, args = _plan(planner, question)
    assert name == "kpis" and "by" not in args


def test_the_crm_signup_source_is_the_acquisition_channel(planner):
    name, args = _plan(planner, "revenue last month from customers whose crm signup source is instagram")
    assert name == "kpis" and args["filters"] == {"acquisition_channel": ["instagram"]}


def test_a_channel_without_the_crm_stays_the_first_touch(planner):
    assert _plan(planner, "revenue last month from instagram customers")[1]["filters"] == {"channel": ["instagram"]}


@pytest.mark.parametrize(("question", "period"), [
    ("the main numbers for september please", {"start": "2026-09-01", "end": "2026-09-30"}),
    ("quick stats check for last week", {"name": "last_week"}),
])
def test_the_main_numbers_of_a_period(planner, question, period):
    name, args = _plan(planner, question)
    assert name == "kpis" and args["period"] == period and "metrics" not in args


# -- 6. follow-ups ---------------------------------------------------------------------------

def test_same_chart_but_for_a_group(planner):
    name, args = _conversation(planner, "weekly orders trend", "same graph but only the loyalty members")
    assert name == "trend" and args["grain"] == "week" and args["filters"] == {"segment": ["loyalty"]}


def test_a_segment_thing_instead_splits_by_segment(planner):
    name, args = _conversation(planner, "revenue fell this month, which channel is behind it?",
                               "or is it more of a segment issue?")
    assert name == "movers" and args["by"] == "segment" and args["metric"] == "revenue"


def test_would_it_be_a_group_thing_splits_the_last_kpi_that_way(planner):
    name, args = _conversation(planner, "orders by channel this month", "would it be more of a region thing?")
    assert name == "movers" and args["by"] == "region" and args["metric"] == "orders"


def test_touchpoint_level_after_stages(planner):
    name, args = _conversation(planner, "where do people give up, stage by stage", "and by touchpoint?")
    assert name == "dropoffs" and args["level"] == "touchpoint"


def test_break_that_one_down_keeps_the_funnel(planner):
    name, args = _conversation(planner, "funnel from awareness to purchase this quarter",
                               "could you split that one up by first touch channel")
    assert name == "funnel" and args["by"] == "channel"


def test_drop_offs_against_the_week_before_stay_drop_offs(planner):
    name, args = _plan(planner, "dropoffs last week compared with the week before")
    assert name == "dropoffs" and args["period"] == {"name": "last_week"}


def test_the_weekly_digest_for_the_week_ending_a_day_is_dated_that_day(planner):
    name, args = _plan(planner, "the weekly digest for the week ending 1 November")
    assert name == "digest" and args == {"cadence": "weekly", "date": "2026-11-01"}
