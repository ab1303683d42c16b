"""Readings added in phase L (lane g-tune15b) by class, from the ninth blind bank's remaining
misses outside the analyses: persona cards named by their number ("turn card three into ...",
"open persona number 2"), feedback after buying and the feeling by week or channel, customers
likely to buy or to leave, next best actions asked by the gesture, a journey map's stage
explained by its colour, alerts in words, the weekly digest and requests that are not analysis.
The phrasings are this lane's own (not the bank's), from several trades and Englishes."""

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


def _after(planner: OfflinePlanner, first: str, question: str, key: str):
    planner.remember(key, planner.plan(first, key))
    return planner.plan(question, key)


# -- persona cards by their number ------------------------------------------------------------

@pytest.mark.parametrize(("question", "args"), [
    ("change card two into the weekday lunchtime lot",
     {"action": "refocus", "which": [2], "focus": ["weekday", "lunchtime"]}),
    ("turn persona 1 into our evening regulars", {"action": "refocus", "which": [1], "focus": ["evening", "frequent"]}),
    ("scrub the price pain point off the second card", {"action": "remove_pain_point", "which": [2], "text": "price"}),
    ("make the second one just the big spenders who pick up",
     {"action": "narrow", "which": [2], "focus": ["high_value", "pickup"]}),
    ("now make the last persona only the online bookers", {"action": "narrow", "which": [-1], "focus": ["online"]}),
])
def test_a_card_named_by_its_number_or_place_is_edited(planner, question, args):
    plan = _after(planner, "draft some personas of our bakery customers", question, "card-" + question)
    assert plan.spec is not None and plan.spec.name == "edit_persona"
    assert plan.args == args


@pytest.mark.parametrize(("question", "which"), [
    ("bring up card number 3 in full", 3), ("open card 2", 2), ("expand persona #4 for me", 4),
])
def test_a_card_opened_by_its_number_is_shown_not_drafted_again(planner, question, which):
    plan = _after(planner, "rough out a few member personas for the climbing wall", question, "show-" + question)
    assert plan.spec is not None and plan.spec.name == "show_persona"
    assert plan.args == {"which": which}


@pytest.mark.parametrize("question", [
    "put together client profiles from how they book with us, let the numbers decide how many",
    "could you sketch guest profiles for the b&b",
    "give me patient profiles based on their behaviour",
])
def test_customer_profiles_asked_for_are_persona_cards(planner, question):
    plan = planner.plan(question, "profiles-" + question)
    assert plan.spec is not None and plan.spec.name == "draft_personas"
    assert "segments" not in plan.args  # no count said: the segmentation picks it


@pytest.mark.parametrize("question", [
    "make the first order of the day a coffee", "turn the second oven on", "make the last one count",
])
def test_an_edit_is_never_reached_by_likeness_alone(planner, question):
    plan = _after(planner, "draft personas for the cafe", question, "likeness-" + question)
    assert plan.spec is None or plan.spec.name != "edit_persona"


# -- a journey map's stage, explained by its colour ----------------------------------------------

@pytest.mark.parametrize(("question", "stage"), [
    ("the purchase box looks amber, what gives?", "purchase"),
    ("awareness stage still red, talk me through it", "awareness"),
    ("consideration column was orange, why", "consideration"),
])
def test_a_stage_said_to_be_red_after_a_map_is_that_stage_of_the_same_map(planner, question, stage):
    plan = _after(planner, "journey map for last quarter", question, "colour-" + question)
    assert plan.spec is not None and plan.spec.name == "journey_map"
    assert plan.args == {"period": {"name": "last_quarter"}, "stage": stage}


# -- feedback: after buying, and the feeling by week, by channel, against last month ----------------

@pytest.mark.parametrize(("question", "tool"), [
    ("what do people moan about after buying from us", "feedback_themes"),
    ("main gripes once the order has arrived", "feedback_themes"),
    ("how do diners feel after they've paid", "feedback_sentiment"),
])
def test_feedback_after_buying_is_the_post_purchase_stage(planner, question, tool):
    plan = planner.plan(question, "after-" + question)
    assert plan.spec is not None and plan.spec.name == tool
    assert plan.args["stage"] == ["post-purchase"]


@pytest.mark.parametrize(("question", "by"), [
    ("week on week, are the reviews getting crankier", "week"),
    ("month on month, are patients' messages getting ruder?", "month"),
    ("which channel brings the angriest comments", "channel"),
    ("which platform do the rudest messages come through", "channel"),
])
def test_the_feeling_compared_over_time_or_by_channel_is_sentiment(planner, question, by):
    plan = planner.plan(question, "mood-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_sentiment"
    assert plan.args["by"] == by


@pytest.mark.parametrize(("question", "source"), [
    ("is survey sentiment better than last month", "survey"),
    ("has ticket sentiment got worse than last week", "ticket"),
    ("is the tone of survey answers nicer than in september", "survey"),
])
def test_a_sources_feeling_against_the_period_before_is_sentiment_not_a_kpi(planner, question, source):
    plan = planner.plan(question, "source-mood-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_sentiment"
    assert plan.args["source"] == [source]


@pytest.mark.parametrize("question", [
    "do customers with delayed parcels leave grumpier comments",
    "when the courier is late are the reviews crankier",
    "are shoppers whose box turned up late writing angrier feedback",
])
def test_late_deliveries_against_a_harsher_tone_is_satisfaction_by_delivery(planner, question):
    plan = planner.plan(question, "late-" + question)
    assert plan.spec is not None and plan.spec.name == "satisfaction_by"
    assert plan.args["by"] == "delivery" and plan.args["measure"] == "sentiment"  # the tone of what they wrote


def test_a_rating_named_keeps_the_channels_ratings(planner):
    plan = planner.plan("which channel has the happiest customers according to nps", "nps-channel")
    assert plan.spec.name == "satisfaction_by" and plan.args["measure"] == "nps"


# -- customers: likely to leave, to buy, and what the current ones will spend ------------------------

@pytest.mark.parametrize("question", [
    "which gym members are unlikely to renew",
    "tutoring families not likely to rebook next term",
    "which of the dog groomer's clients look doubtful to come back",
])
def test_unlikely_to_return_is_the_at_risk_list(planner, question):
    plan = planner.plan(question, "unlikely-" + question)
    assert plan.spec is not None and plan.spec.name == "at_risk_customers"


@pytest.mark.parametrize(("question", "who"), [
    ("which salon clients are likely to rebook in the next fortnight", "customers"),
    ("which current tea subscribers will probably reorder soon", "customers"),
    ("which of our wine club lot are itching to order", None),
    ("who's primed to book a lesson right now", None),
])
def test_primed_to_buy_or_reorder_is_purchase_propensity(planner, question, who):
    plan = planner.plan(question, "primed-" + question)
    assert plan.spec is not None and plan.spec.name == "purchase_propensity"
    assert plan.args.get("who") == who


@pytest.mark.parametrize(("question", "horizon"), [
    ("what are our existing members worth over the coming 3 months", "next_90_days"),
    ("next 30 days, what should our current patients be worth to us", "next_30_days"),
])
def test_current_customers_worth_over_a_horizon_is_the_revenue_forecast(planner, question, horizon):
    plan = planner.plan(question, "worth-" + question)
    assert plan.spec is not None and plan.spec.name == "revenue_forecast"
    assert plan.args["horizon"] == horizon


def test_one_customer_worth_over_years_stays_lifetime_value(planner):
    plan = planner.plan("what's a loyalty member worth over the next 3 years", "clv-years")
    assert plan.spec.name == "customer_lifetime_value"


@pytest.mark.parametrize("question", [
    "loyalty-card holders who recently became at risk",
    "loyalty-scheme tennis members who only just turned high risk",
])
def test_a_group_named_with_its_scheme_and_trade_word_keeps_its_filter(planner, question):
    plan = planner.plan(question, "scheme-" + question)
    assert plan.spec is not None and plan.spec.name == "newly_at_risk"
    assert plan.args["filters"] == {"segment": ["loyalty"]}


# -- next best actions asked by the gesture, customer by customer -----------------------------------

@pytest.mark.parametrize(("question", "action"), [
    ("which lapsed big-spending members are worth a win-back", "win_back_valuable"),
    ("who got a poor service and needs an apology", "service_recovery"),
    ("which regulars would come back without any voucher", "no_discount_needed"),
    ("which cafe customers can we leave be without a discount", "no_discount_needed"),
])
def test_a_gesture_asked_for_is_that_action_customer_by_customer(planner, question, action):
    plan = planner.plan(question, "gesture-" + question)
    assert plan.spec is not None and plan.spec.name == "next_best_actions"
    assert plan.args["action"] == action and plan.args["level"] == "customers"


@pytest.mark.parametrize("question", [
    "suggested next steps per client, including the ones who haven't bought yet",
    "next best move for every member incl people who never bought",
])
def test_each_customer_including_prospects_is_the_customer_level_not_a_breakdown(planner, question):
    plan = planner.plan(question, "prospects-" + question)
    assert plan.spec is not None and plan.spec.name == "next_best_actions"
    assert plan.args == {"level": "customers", "include_prospects": True}


# -- alerts said in words ------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "metric", "value", "window"), [
    ("ping me if takings slip 20% from one week to the next", "revenue", 20, 7),
    ("let me know when bookings tumble by 15 percent week on week", "orders", 15, 7),
    ("text me should basket conversion slump 5% from one day to the next", "conversion_rate", 5, 1),
])
def test_a_slide_from_one_day_to_the_next_is_a_drop_over_that_window(planner, question, metric, value, window):
    plan = planner.plan(question, "slide-" + question)
    assert plan.spec is not None and plan.spec.name == "create_alert_rule"
    assert plan.args["metric"] == metric and plan.args["condition"] == "drops_by"
    assert plan.args["value"] == value and plan.args["window_days"] == window


@pytest.mark.parametrize("question", [
    "alert me when complaints pile up",
    "tell me if we get a mountain of support requests",
    "warn me about days with an unusual heap of tickets",
])
def test_a_pile_of_tickets_is_an_unusual_rise_in_tickets(planner, question):
    plan = planner.plan(question, "pile-" + question)
    assert plan.spec is not None and plan.spec.name == "create_alert_rule"
    assert plan.args["metric"] == "tickets" and plan.args["condition"] == "unusual" and plan.args["direction"] == "up"


def test_a_ticket_time_named_stays_that_metric(planner):
    plan = planner.plan("alert me when the first reply time on tickets is unusual", "reply-time-alert")
    assert plan.args["metric"] == "first_response_time"


# -- the weekly digest -----------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "the week-long roundup for the bakery please", "give me a seven-day recap", "the 7 day digest for the salon",
])
def test_a_week_long_roundup_is_the_weekly_digest(planner, question):
    plan = planner.plan(question, "week-long-" + question)
    assert plan.spec is not None and plan.spec.name == "digest"
    assert plan.args["cadence"] == "weekly"


# -- not analysis: a new name, or damage --------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "what should I call my new gin", "what should we name the new salon", "what could we call our second van",
])
def test_a_name_for_something_new_is_no_tool_and_said_outside(planner, question):
    assert planner.plan(question, "name-" + question).spec is None
    assert planner.answer(question, "name-answer-" + question).text.startswith("I can't help with that")


@pytest.mark.parametrize("question", [
    "set fire to the database", "please blow up the customer table", "torch the orders", "go and corrupt the data",
])
def test_a_request_to_damage_is_refused_never_routed(planner, question):
    assert planner.plan(question, "harm-" + question).spec is None
    answer = planner.answer(question, "harm-answer-" + question)
    assert answer.text.startswith("I won't do that") and not answer.tool_calls and not answer.alternatives


def test_a_persona_card_named_is_still_a_rename(planner):
    plan = _after(planner, "draft personas for the deli", "call the second persona Lunch Louise", "rename-deli")
    assert plan.spec is not None and plan.spec.name == "edit_persona" and plan.args["action"] == "rename"


# -- the same classes by rules alone (no fallback), in other words -----------------------------------

@pytest.mark.parametrize(("question", "tool", "args"), [
    ("are any of the gym regulars looking a bit wobbly?", "at_risk_customers", {}),
    ("which clients seem like they'll quit on us", "at_risk_customers", {}),
    ("who might order a birthday cake soon", "purchase_propensity", {}),
    ("which patients will book a check-up soon", "purchase_propensity", {}),
    ("which diners don't need any discount", "next_best_actions", {"action": "no_discount_needed"}),
    ("which members would buy anyway, no voucher needed", "next_best_actions", {"action": "no_discount_needed"}),
    ("how valuable is a typical wine customer over their entire relationship with us", "customer_lifetime_value", {}),
])
def test_customer_readings_hold_by_rules_alone(question, tool, args):
    from sample_cache import bank_store

    # the fallback off: the words' rules alone, not the likeness to labelled phrasings

    rules = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})),
                           all_tools())
    plan = rules.plan(question, "rules-" + question)
    assert plan.spec is not None and plan.spec.name == tool
    assert {k: plan.args.get(k) for k in args} == args


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("top 10 hottest prospects who've not ordered yet", "purchase_propensity", {"who": "prospects", "limit": 10}),
    ("show me the journey of the vip segment beside the loyalty segment", "journey_map",
     {"filters": {"segment": ["vip"]}, "compare_filters": {"segment": ["loyalty"]}}),
    ("which stage of the journey is green and which is red", "journey_map", {}),
    ("every bakery alert rule, switched off ones included", "list_alert_rules", {}),
])
def test_other_readings_hold_by_rules_alone(question, tool, args):
    from sample_cache import bank_store

    rules = OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})),
                           all_tools())
    plan = rules.plan(question, "rules-other-" + question)
    assert plan.spec is not None and plan.spec.name == tool
    assert {k: plan.args.get(k) for k in args} == args
