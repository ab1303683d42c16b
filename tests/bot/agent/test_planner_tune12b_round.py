"""Readings added in phase K (lane g-tune12b) by class, from blind8's misses on the customer,
feedback, persona, digest and journey-map tools: each customer tool's settings said in the
owner's words (risk "shooting up", "half as often as before", "the five ... most likely to lose",
"just tipped over into", "never hired us before", "an 80%+ chance", "a 30 day forecast", "top 20
clients", a lifetime horizon as a follow-up); next best actions by the gesture named (ring up,
win back, a freebie, a check-in, one customer's next step); complaint words of other Englishes
and the size of a group said plainly; persona cards listed or a gripe taken off one; the digest's
week and a day said in words; a stage's colour asked about after a map.

Every phrasing here was written for the test, not taken from a bank."""

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
    plan = planner.plan(question, key or "t12b-" + question)
    return (plan.spec.name if plan.spec else None), plan.args


def _conversation(planner, *questions):
    """The last question's plan after the others, in one thread."""
    key = "t12b-conv-" + "|".join(questions)
    planner.reset(key)
    for q in questions[:-1]:
        planner.remember(key, planner.plan(q, key))
    return _plan(planner, questions[-1], key)


# -- 1. the customer tools' settings in the owner's words ----------------------------------

@pytest.mark.parametrize("question", [
    "which gym members have a churn risk going up fastest",
    "whose chance of leaving is climbing the quickest",
    "members whose risk is shooting up",
    "whose odds of quitting have gone up the most lately",
])
def test_risk_rising_is_sorted_by_the_rise(planner, question):
    assert _plan(planner, question) == ("at_risk_customers", {"sort_by": "rising"})


@pytest.mark.parametrize("question", [
    "regulars who now come in about half as often",
    "clients who visit half as often as they did",
    "which customers are ordering a lot less often than they used to",
    "which members are coming in way less than they used to",
    "regulars who've halved how often they come",
    "clients who've stopped coming as often as they used to",
])
def test_buying_at_a_share_of_their_rhythm_is_the_lapsing_tier(planner, question):
    name, args = _plan(planner, question)
    assert name == "at_risk_customers" and args.get("tier") == "lapsing"


@pytest.mark.parametrize(("question", "limit"), [
    ("the three members we're most likely to lose", 3),
    ("the 4 dog walkers we are most likely to lose", 4),
])
def test_the_n_most_likely_to_lose_is_a_list_of_n(planner, question, limit):
    assert _plan(planner, question) == ("at_risk_customers", {"limit": limit})


@pytest.mark.parametrize("question", [
    "which clients have just crossed into high churn risk",
    "who has just tipped over into high risk",
    "members who've only just tipped over the edge into being at risk",
    "who's gone from fine to high risk this month",
    "any clients recently marked as at risk",
])
def test_just_tipped_over_into_risk_is_newly_at_risk(planner, question):
    assert _plan(planner, question)[0] == "newly_at_risk"


@pytest.mark.parametrize("question", [
    "kindly list the customers likely to discontinue",
    "who are our flight risks",
    "which punters have gone missing",
])
def test_leaving_in_other_words_is_the_risk_list(planner, question):
    assert _plan(planner, question)[0] == "at_risk_customers"


def test_a_campaign_gone_cold_is_not_a_customer_at_risk(planner):
    assert _plan(planner, "the email campaign has gone cold")[0] != "at_risk_customers"


def test_the_whole_risk_list_is_not_newly_at_risk(planner):
    assert _plan(planner, "which customers are at high churn risk")[0] == "at_risk_customers"


@pytest.mark.parametrize(("question", "who"), [
    ("which people who never used us before are likely to book", "prospects"),
    ("who's likely to buy, only folk who've never hired us before", "prospects"),
    ("which enquiries are nearly ready to turn into a sale", "prospects"),
    ("former yoga class customers likely to buy again", "customers"),
    ("which past bike buyers are likely to come back and buy soon", "customers"),
    ("people who've never ordered but probably will", "prospects"),
    ("which leads look really keen", "prospects"),
])
def test_who_is_likely_to_buy_reads_prospects_or_customers(planner, question, who):
    name, args = _plan(planner, question)
    assert name == "purchase_propensity" and args.get("who") == who


@pytest.mark.parametrize(("question", "probability"), [
    ("people with a 75%+ chance of buying", 0.75),
    ("who has a 70 percent or higher chance of buying", 0.7),
    ("anyone with better than a 60% chance of buying", 0.6),
])
def test_a_chance_said_with_plus_or_more_is_the_minimum_probability(planner, question, probability):
    name, args = _plan(planner, question)
    assert name == "purchase_propensity" and args.get("min_probability") == probability


@pytest.mark.parametrize(("question", "horizon"), [
    ("a 30-day revenue forecast for Leeds", "next_30_days"),
    ("the 180 day outlook for spend", "next_180_days"),
    ("one year forecast of spend", "next_365_days"),
])
def test_a_forecast_length_said_before_forecast_is_its_horizon(planner, question, horizon):
    name, args = _plan(planner, question)
    assert name == "revenue_forecast" and args["horizon"] == horizon


@pytest.mark.parametrize(("question", "limit"), [
    ("top 15 customers by expected spend next month", 15),
    ("the 5 clients expected to spend most next year", 5),
])
def test_a_forecast_lists_as_many_customers_as_asked(planner, question, limit):
    name, args = _plan(planner, question)
    assert name == "revenue_forecast" and args["limit"] == limit


@pytest.mark.parametrize(("follow_up", "days"), [
    ("and if we look 2 years ahead?", 730),
    ("what about over three years?", 1095),
    ("and 4 years out?", 1460),
])
def test_a_horizon_said_after_lifetime_value_keeps_lifetime_value(planner, follow_up, days):
    name, args = _conversation(planner, "lifetime value by segment", follow_up)
    assert name == "customer_lifetime_value"
    assert args == {"by": "segment", "horizon_days": days}


def test_only_prospects_after_likely_buyers_is_who_not_the_forecast(planner):
    assert _conversation(planner, "who is likely to buy soon", "now only prospects") == \
        ("purchase_propensity", {"who": "prospects"})
    assert _conversation(planner, "who is likely to buy soon", "now only prospects",
                         "what about people who already bought?") == ("purchase_propensity", {"who": "customers"})


def test_sales_prospects_are_still_the_forecast(planner):
    assert _plan(planner, "what are our sales prospects for next quarter") == \
        ("revenue_forecast", {"horizon": "next_quarter"})


def test_revenue_named_after_lifetime_value_is_the_forecast(planner):
    name, _ = _conversation(planner, "lifetime value by segment", "and revenue next year?")
    assert name == "revenue_forecast"


# -- 2. next best actions by the gesture named -----------------------------------------------

@pytest.mark.parametrize(("question", "action"), [
    ("who should we personally phone up?", "personal_follow_up"),
    ("which clients should I give a personal ring", "personal_follow_up"),
    ("lapsed big spenders worth winning back", "win_back_valuable"),
    ("high-spending members who stopped coming, which are worth winning back", "win_back_valuable"),
    ("which regulars deserve a freebie for sticking with us", "reward_loyal"),
    ("who should get a little treat for being loyal", "reward_loyal"),
    ("who just needs a friendly check-in message", "check_in"),
    ("which members could do with a quick hello", "check_in"),
    ("which lapsed regulars should we try to tempt back", "win_back"),
    ("big spenders we should lure back", "win_back_valuable"),
    ("who can we skip giving a discount to", "no_discount_needed"),
    ("who needs a nudge to finish their first order", "convert_prospect"),
])
def test_the_gesture_named_is_the_action(planner, question, action):
    name, args = _plan(planner, question)
    assert name == "next_best_actions" and args.get("action") == action


@pytest.mark.parametrize(("question", "customer"), [
    ("what should the studio do next with client C00077", "C00077"),
    ("what should we try next with customer C00123", "C00123"),
    ("next move for C00042?", "C00042"),
])
def test_what_to_do_next_with_one_customer_is_their_action(planner, question, customer):
    assert _plan(planner, question) == ("next_best_actions", {"customer_id": customer})


def test_one_customer_after_a_group_drops_the_group(planner):
    assert _conversation(planner, "next best actions for the vip segment", "what about C00077?") == \
        ("next_best_actions", {"customer_id": "C00077"})


def test_what_one_customer_said_is_still_a_search(planner):
    name, args = _plan(planner, "what did customer C00077 write to us")
    assert name == "feedback_search" and args["customer_id"] == "C00077"


def test_what_a_customer_is_worth_is_still_lifetime_value(planner):
    assert _plan(planner, "which customers are worth the most")[0] == "customer_lifetime_value"


# -- 3. feedback: other Englishes, group sizes, comparisons, follow-ups -----------------------

@pytest.mark.parametrize("question", [
    "what are people giving out about lately",
    "wetin people dey vex about",
    "wetin clients dey complain about this month",
    "what are the regulars cribbing about",
    "what are folk grousing about these days",
    "what have people been kicking off about",
    "wetin dey worry our customers",
    "what are people fuming about",
    "what's got everyone's back up",
])
def test_complaint_words_of_other_englishes_are_the_complaint_themes(planner, question):
    name, args = _plan(planner, question)
    assert name == "feedback_themes" and args.get("sentiment") == "negative"


@pytest.mark.parametrize("question", [
    "what do clients keep mentioning in their messages",
    "what do guests keep raising when they email us",
    "what do the gym's members keep asking about",
    "what are people on about in the reviews",
])
def test_what_keeps_coming_up_is_the_themes(planner, question):
    assert _plan(planner, question)[0] == "feedback_themes"


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what did customers complain about last month", "negative"),
    ("what did clients rave about last month", "positive"),
])
def test_what_they_complained_about_in_a_period_is_the_themes(planner, question, sentiment):
    name, args = _plan(planner, question)
    assert name == "feedback_themes"
    assert args == {"period": {"name": "last_month"}, "sentiment": sentiment}


@pytest.mark.parametrize("question", [
    "has anyone complained about the parking",
    "did customers complain about the parking last month",
])
def test_a_topic_asked_about_is_still_a_search(planner, question):
    name, args = _plan(planner, question)
    assert name == "feedback_search" and args["query"] == "parking"


@pytest.mark.parametrize(("question", "size"), [
    ("themes, including ones only 3 people raised", 3),
    ("show the topics, even the ones just 2 customers talk about", 2),
    ("themes with 10 or more mentions", 10),
])
def test_small_themes_asked_for_set_the_smallest_theme(planner, question, size):
    name, args = _plan(planner, question)
    assert name == "feedback_themes" and args.get("min_size") == size and "max_themes" not in args


@pytest.mark.parametrize(("question", "fewest"), [
    ("sentiment by channel, ignore groups with under 10 comments", 10),
    ("feelings by stage but hide any stage with fewer than 4 texts", 4),
])
def test_groups_too_small_to_show_set_min_texts(planner, question, fewest):
    name, args = _plan(planner, question)
    assert name == "feedback_sentiment" and args.get("min_texts") == fewest


@pytest.mark.parametrize("question", [
    "is feedback getting grumpier or nicer week by week",
    "are the reviews turning ruder or friendlier week on week",
])
def test_comments_getting_crankier_week_on_week_is_sentiment_by_week(planner, question):
    assert _plan(planner, question) == ("feedback_sentiment", {"by": "week"})


@pytest.mark.parametrize("question", [
    "how kind are the survey comments compared with the tickets",
    "how negative are support tickets compared to survey responses",
])
def test_two_sources_feeling_side_by_side_is_sentiment_by_source(planner, question):
    name, args = _plan(planner, question)
    assert name == "feedback_sentiment" and args.get("by") == "source"


def test_two_sources_counted_side_by_side_are_still_kpis(planner):
    assert _plan(planner, "tickets compared with surveys this month")[0] == "compare"


def test_ok_now_the_same_per_channel_keeps_the_period(planner):
    name, args = _conversation(planner, "how do customers feel last month", "ok now the same feelings per channel")
    assert name == "feedback_sentiment"
    assert args == {"period": {"name": "last_month"}, "by": "channel"}


def test_only_tickets_after_dialect_complaints_keeps_the_themes(planner):
    name, args = _conversation(planner, "what are people giving out about this month", "just the ones from tickets")
    assert name == "feedback_themes"
    assert args == {"period": {"name": "this_month"}, "sentiment": "negative", "source": ["ticket"]}


# -- 4. personas, digest, journey map --------------------------------------------------------

@pytest.mark.parametrize("question", [
    "which persona cards exist right now",
    "which personas are there at the moment",
    "show me all our persona cards",
])
def test_which_cards_exist_lists_them_never_drafts(planner, question):
    assert _plan(planner, question)[0] == "list_personas"


@pytest.mark.parametrize(("question", "which", "point"), [
    ("take the queueing gripe off that card", [], "queueing"),
    ("strike the price moan from the second persona", [2], "price"),
    ("get rid of the price worry on the last persona", [-1], "price"),
])
def test_a_gripe_taken_off_a_card_removes_that_pain_point(planner, question, which, point):
    name, args = _conversation(planner, "draft personas", question)
    assert name == "edit_persona"
    assert args == {"action": "remove_pain_point", "which": which, "text": point}


@pytest.mark.parametrize("question", ["the queueing gripe", "take the queueing gripe off the to-do list"])
def test_a_gripe_without_a_card_edits_nothing(planner, question):
    assert _plan(planner, question)[0] != "edit_persona"


@pytest.mark.parametrize("question", [
    "give me the week in review as a digest",
    "a digest of the week gone",
    "sum up the week for me, digest style",
])
def test_the_week_in_review_is_the_weekly_digest(planner, question):
    assert _plan(planner, question) == ("digest", {"cadence": "weekly"})


@pytest.mark.parametrize(("question", "date"), [
    ("the digest as it stood on the fifth of November", "2026-11-05"),
    ("rerun the digest for the twenty-second of October", "2026-10-22"),
])
def test_a_day_said_in_words_is_the_digest_date(planner, question, date):
    assert _plan(planner, question) == ("digest", {"date": date})


def test_a_day_said_in_words_is_that_day_for_a_kpi(planner):
    name, args = _plan(planner, "orders on the third of November")
    assert name == "kpis" and args["period"] == {"start": "2026-11-03", "end": "2026-11-03"}


@pytest.mark.parametrize(("follow_up", "stage"), [
    ("how come purchase is showing red on there?", "purchase"),
    ("what's making consideration amber?", "consideration"),
])
def test_a_stage_colour_asked_after_a_map_is_that_stage(planner, follow_up, stage):
    name, args = _conversation(planner, "show me the journey map", follow_up)
    assert name == "journey_map" and args.get("stage") == stage


# -- 5. the reading names the measure the answer used ----------------------------------------

@pytest.mark.parametrize(("question", "used"), [
    ("review scores by segment", "NPS by segment"),
    ("csat by segment", "NPS by segment"),
])
def test_the_reading_says_the_measure_a_survey_held_not_the_one_asked(store, tmp_path, question, used):
    """A survey that asks only "how likely are you to recommend us?": the answer is in NPS and
    says so; the reading above it said "Review score by segment" all the same."""
    import pandas as pd
    from kpi_fixtures import load
    from satisfaction_fixtures import shop_tables

    data = shop_tables()
    raw = pd.read_csv(pd.io.common.StringIO(data["surveys"]))
    raw["nps"] = (raw["csat"] * 2).clip(upper=10)  # 1-5 -> 2-10
    data["surveys"] = raw.drop(columns="csat").to_csv(index=False)
    load(store, tmp_path / "nps", data)
    planner = OfflinePlanner(ToolContext(store=store, config=load_config(env={})), all_tools())
    answer = planner.answer(question, "nps-only")
    assert answer.understood.startswith(used)
    assert answer.text.startswith(used) and "Answered in NPS: the surveys hold no" in answer.text
