"""Readings added in phase Y (lane g-probe23c) by class, from the misses of
tests/questions_probe23c.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_SEP = {"start": "2026-09-01", "end": "2026-09-30"}
_OCT = {"start": "2026-10-01", "end": "2026-10-31"}
_AUG = {"start": "2026-08-01", "end": "2026-08-31"}


def _asked(rules, question, tool, key, **args):
    """Ask the question a follow-up continues, check its reading, and let the conversation keep it."""
    assert_plans(rules, question, tool, key=key, **args)
    rules.remember(key, rules.plan(question, key))


@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare september and october bookings at the sauna", _SEP, _OCT),
    ("kindly compare august and september covers", _AUG, _SEP),
    ("compare takings for august and october at the kiosk", _AUG, _OCT),
])
def test_compare_two_months_joined_by_and_keeps_the_order_said(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


# the lead's phase-Y convention (a), merged with tune34: the month named first, whatever joins them
@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare october and september bookings at the sauna", _OCT, _SEP),
    ("csat in september vs october, which was better", _SEP, _OCT),
])
def test_other_month_pairs_keep_the_order_said_too(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("recommend score per channel, highest first", "nps", "channel"),
    ("surf school: satisfaction % per crm segment, worst to best", "csat", "segment"),
    ("net promoter per first channel, best to worst", "nps", "channel"),
])
def test_a_satisfaction_kpi_per_group_in_ranked_order_is_movers_by_value(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by, rank="value")


@pytest.mark.parametrize("question", [
    "sketch me the whole guest trip for the spa",
    "a picture of the whole client road at the climbing wall",
    "red, amber or green for each stage of the dive school journey",
    "take me through every stage a climber goes through with us: touchpoints, mood, pain points",
])
def test_the_whole_trip_drawn_or_its_stages_health_is_the_map(rules, question):
    assert_plans(rules, question, "journey_map")


def test_going_deeper_on_a_stage_after_a_map_is_that_stage(rules):
    key = "deeper-map"
    _asked(rules, "draw me the whole customer journey for the forge", "journey_map", key)
    assert_plans(rules, "go deeper on the forge's checkout bit", "journey_map", key=key, stage="decision")


@pytest.mark.parametrize("question", [
    "the usual road from first enquiry to paying for a kayak",
    "the well-worn trail from seeing a poster to booking a lesson",
    "what do people do between spotting us at the fair and buying a candle",
])
def test_the_usual_road_or_what_people_do_between_two_steps_is_paths(rules, question):
    assert_plans(rules, question, "paths", stages=None)


def test_a_bare_step_count_after_paths_is_its_steps(rules):
    key = "bare-steps"
    _asked(rules, "stage by stage, how do the kayak browsers who never book move about", "paths", key, level="stage")
    assert_plans(rules, "last 4 steps only", "paths", key=key, level="stage", max_steps=4)


@pytest.mark.parametrize(("question", "days"), [
    ("funnel from browsing to a lesson, only the ones who went on to book within a week", 7),
    ("funnel from enquiry to paying, only folk who go on to pay within a fortnight", 14),
])
def test_going_on_to_book_within_a_span_is_the_funnel_window(rules, question, days):
    assert_plans(rules, question, "funnel", window_days=days)


def test_a_bare_skip_rule_after_a_funnel_is_a_strict_funnel(rules):
    key = "bare-skip"
    _asked(rules, "funnel for the loyalty members over all the data, bike shop", "funnel", key)
    assert_plans(rules, "anyone who skipped a step shouldnt count", "funnel", key=key, skips="stop")


@pytest.mark.parametrize(("question", "args"), [
    ("put the late deliveries alert back on", {"enabled": True}),
    ("turn the refunds alarm back on please", {"enabled": True}),
    ("change the takings alert so it compares week to week not day to day", {"window_days": 7}),
])
def test_an_alert_switched_back_on_or_rewindowed_is_a_change(rules, question, args):
    assert_plans(rules, question, "change_alert_rule", **args)


@pytest.mark.parametrize("question", [
    "put the day rate for the van up by 10%",
    "raise the price of a lesson by 5 quid",
])
def test_changing_our_own_prices_is_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which gym members look set to drift away", "at_risk_customers", {}),
    ("what should the bakery do next with its customers, overall", "next_best_actions", {"action": None}),
    ("dog walkers who lapsed, which are worth tempting back", "next_best_actions", {"action": "win_back"}),
    ("current members with over 60% odds of booking again", "purchase_propensity",
     {"who": "customers", "min_probability": 0.6}),
])
def test_predictions_said_in_owner_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "date"), [
    ("the daily digest for friday 13th", "2026-11-13"),
    ("the florist's day roundup for tuesday 10th", "2026-11-10"),
])
def test_a_digest_for_a_weekday_and_date_without_the(rules, question, date):
    assert_plans(rules, question, "digest", date=date)


def test_calling_a_card_a_name_from_now_on_is_a_rename(rules):
    key = "rename-call"
    _asked(rules, "sketch out 3 kinds of customer for the kiln", "draft_personas", key)
    assert_plans(rules, "call card 2 Early Birds from now on", "edit_persona", key=key, action="rename", which=[2])


@pytest.mark.parametrize("question", [
    "bump the hourly rate for the hall up by 5%",
    "cut the delivery fee to 3 quid",
])
def test_setting_a_price_of_our_own_is_no_tool_either(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("which climbers look set to fall away", "at_risk_customers", {}),
    ("current riders with better than 60% odds of hiring another bike", "purchase_propensity",
     {"who": "customers", "min_probability": 0.6}),
    ("what should the snowboard shop do next with its customers", "next_best_actions", {"action": None}),
])
def test_more_predictions_in_trade_words(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


def test_a_trade_word_before_the_card_is_still_the_card(rules):
    key = "rename-trade-card"
    _asked(rules, "sketch out 3 kinds of customer for the kiln", "draft_personas", key)
    assert_plans(rules, "call kiln card 2 Early Birds from now on", "edit_persona", key=key, action="rename", which=[2],
                 text="Early Birds")


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("forge gripes not yet sorted, how many now", "kpis", {"metrics": ["open_tickets"]}),
    ("whit are the bakers girnin aboot this month", "feedback_themes", {"sentiment": "negative"}),
    ("are tuesdays a flop at the climbing wall", "time_pattern", {"by": "weekday", "focus": "Tuesday"}),
    ("where did we shed pottery customers last month", "dropoffs", {"period": {"name": "last_month"}}),
])
def test_owner_words_for_open_gripes_moaning_a_dud_day_and_shedding(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "stages"), [
    ("from eyeing up a sofa to collecting it, how many make each step",
     ["consideration", "decision", "purchase", "post-purchase"]),
    ("step by step, how many people looking round the kayak site get as far as paying",
     ["consideration", "decision", "purchase"]),
])
def test_eyeing_up_or_looking_round_then_collecting_are_funnel_stages(rules, question, stages):
    assert_plans(rules, question, "funnel", stages=stages)
