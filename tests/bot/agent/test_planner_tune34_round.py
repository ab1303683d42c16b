"""Readings settled in phase Y (lane tune34): the six conventions the banks disagreed on (now stated
in the banks' headers and docs/ARCHITECTURE.md), then open misses of blind15-22 and probes 21c-22c
by class, on phrasings written for this round in other trades (rules only: the `rules` fixture)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

_SEP = {"start": "2026-09-01", "end": "2026-09-30"}
_OCT = {"start": "2026-10-01", "end": "2026-10-31"}
_AUG = {"start": "2026-08-01", "end": "2026-08-31"}


# -- a. two named periods: the one named first is the period, whichever came first ------------------
@pytest.mark.parametrize(("question", "period", "against"), [
    ("compare september and october takings at the bike shop", _SEP, _OCT),
    ("kennel bookings in august vs september", _AUG, _SEP),
    ("september against august for the florist's orders", _SEP, _AUG),
])
def test_the_period_named_first_is_the_one_asked_about(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


# -- b. worth winning back without a value word is the plain win-back ----------------------------------
@pytest.mark.parametrize("question", [
    "which lapsed pottery students are worth coaxing back",
    "lapsed dog walkers worth luring back to the park runs",
    "which old climbing members are worth winning back",
])
def test_worth_winning_back_alone_is_the_plain_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back")


@pytest.mark.parametrize("question", [
    "which lapsed big spenders at the wine bar are worth winning back",
    "lapsed high-value gym members worth luring back",
])
def test_worth_winning_back_with_value_said_is_the_valuable_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back_valuable")


# -- c. the checkout page not reached is the decision stage, starting checkout the step ---------------
@pytest.mark.parametrize("question", [
    "where do tile shoppers give up before they get to the checkout page",
    "drop-offs for folk who never made it to the checkout screen at the print shop",
])
def test_the_checkout_page_not_reached_is_the_decision_stage(rules, question):
    assert_plans(rules, question, "dropoffs", goal_stage="decision", goal_touchpoint=None)


def test_starting_checkout_said_as_a_deed_stays_the_step(rules):
    assert_plans(rules, "where do candle shoppers drop off before they start checkout", "dropoffs",
                 goal_touchpoint="checkout_start")


# -- d. the NPS per segment or channel is satisfaction_by's, as most banks read it (the lead reversed
# the movers reading after it cost ~35 older items); "best first" ranks them in movers (probe23c) --
@pytest.mark.parametrize(("question", "by"), [
    ("net promoter score by channel for the hair salon", "channel"),
    ("the would-recommend score per crm segment, vet clinic", "segment"),
    ("recommend score by client segment at the opticians", "segment"),
])
def test_the_nps_per_group_is_satisfaction_by(rules, question, by):
    assert_plans(rules, question, "satisfaction_by", measure="nps", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("which segment of the tea room's guests is least satisfied", "segment"),
    ("do late parcels of soap hurt our reviews", "delivery"),
])
def test_satisfaction_across_a_trait_stays_satisfaction_by(rules, question, by):
    assert_plans(rules, question, "satisfaction_by", by=by)


# -- e. people's buying rate by hour or weekday is the purchase conversion ------------------------------
@pytest.mark.parametrize(("question", "by"), [
    ("what hour of the day is the buying rate best for the cheese counter", "hour"),
    ("which weekday do window shoppers turn into buyers most at the gallery", "weekday"),
])
def test_the_buying_rate_by_time_is_purchase_conversion(rules, question, by):
    assert_plans(rules, question, "time_pattern", metric="purchase_conversion", by=by)


def test_visits_converting_by_hour_stay_session_conversion(rules):
    assert_plans(rules, "which hour do site visits convert best for the florist", "time_pattern",
                 metric="session_conversion", by="hour")


# -- f. how many of a group bought is the buyers; how many goods sold the orders ------------------------
@pytest.mark.parametrize("question", [
    "how many 45-54 year olds booked a ferry crossing last month",
    "how many of the loyalty crowd bought a print this month",
])
def test_how_many_of_a_group_bought_is_the_buyers(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


def test_how_many_goods_sold_stays_the_orders(rules):
    assert_plans(rules, "how many tickets did the theatre sell last month", "kpis", metrics=["orders"])


# -- follow-ups that keep the thread while changing one thing --------------------------------------------
def _thread(rules, key, *questions):
    plan = None
    for q in questions:
        plan = rules.plan(q, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("first", "then", "tool", "kept"), [
    ("churn at the climbing gym if a member counts as gone after 30 days without a session",
     "stretch that to 90 days instead", "kpis", {"metrics": ["churn_rate"], "churn_window_days": 90}),
    ("average order value for the loyalty lot at the deli, last 60 days",
     "drop the loyalty bit, everyone please", "kpis", {"metrics": ["aov"], "period": {"name": "last_60_days"}, "filters": None}),
    ("what are the bike shop's customers grumbling about this month",
     "cut it to the biggest 4 themes", "feedback_themes", {"sentiment": "negative", "period": {"name": "this_month"}, "max_themes": 4}),
    ("draw me the customer journey map for the garden centre this quarter",
     "dig deeper into the checkout step of that map", "journey_map", {"period": {"name": "this_quarter"}, "stage": "decision"}),
    ("how bad was cart abandonment last week on the candle site",
     "cart abandonment again but only count one as dumped after 12 hours", "kpis",
     {"metrics": ["cart_abandonment"], "cart_window_hours": 12, "period": {"name": "last_week"}}),
    ("how much did customers in Clifton spend at the bakery last month",
     "do the same sum for the Redland regulars", "kpis",
     {"metrics": ["revenue"], "period": {"name": "last_month"}, "filters": {"city": ["Redland"]}}),
])
def test_a_follow_up_that_changes_one_thing_keeps_the_rest(rules, first, then, tool, kept):
    plan = _thread(rules, "tune34-" + then, first, then)
    assert plan.spec is not None and plan.spec.name == tool, (then, plan.spec and plan.spec.name, plan.args)
    wrong = {k: plan.args.get(k) for k, v in kept.items() if plan.args.get(k) != v}
    assert not wrong, (then, plan.args, wrong)


# -- one month or weekday judged against the rest --------------------------------------------------------
@pytest.mark.parametrize(("question", "by", "focus"), [
    ("is june a standout month for the ice cream van compared with the rest", "month", "June"),
    ("are thursdays a dud for the pottery classes?", "weekday", "Thursday"),
    ("is sunday a dud night for quiz ticket sales", "weekday", "Sunday"),
])
def test_one_month_or_weekday_judged_is_the_time_pattern_focus(rules, question, by, focus):
    assert_plans(rules, question, "time_pattern", by=by, focus=focus)
