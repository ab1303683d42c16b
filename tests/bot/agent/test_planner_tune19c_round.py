"""Readings added in phase N (lane g-tune19c) by class, from misreads found on real data (issue
17): orders said to be late are the on-time delivery and "how fast do we deliver" its time; asks
no loaded data answers (what people buy most) are said to be so; how long visits last is the
session_length KPI since phase P. The
phrasings are this lane's own (other trades and Englishes)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    plan = rules.plan(question, "k-" + question)
    assert plan.spec is not None, (question, plan.args)
    return plan


@pytest.mark.parametrize("question", [
    "how many orders were late last quarter at the print shop?",
    "what share of orders were late?",
    "what percentage of our parcels arrived late in october",
    "how many hampers turned up late this christmas?",
    "were the veg boxes delivered a bit late more often last month",
])
def test_orders_said_to_be_late_are_the_on_time_delivery(rules, question):
    plan = _plan(rules, question)
    assert plan.spec.name in ("kpis", "compare", "trend"), (plan.spec.name, plan.args)
    metrics = plan.args.get("metrics") or [plan.args.get("metric")]
    assert metrics == ["on_time_delivery"]


def test_orders_placed_late_at_night_are_still_orders(rules):
    plan = _plan(rules, "how many orders came in late at night?")
    assert "on_time_delivery" not in (plan.args.get("metrics") or [plan.args.get("metric")])


@pytest.mark.parametrize("question", [
    "how fast do we deliver on average?",
    "how quickly does the bakery usually ship?",
    "how soon do our parcels arrive, typically?",
    "how fast do we get orders out to customers",
])
def test_how_fast_we_deliver_is_the_delivery_time(rules, question):
    assert_plans(rules, question, "kpis", metrics=["delivery_time"])


def test_how_fast_we_reply_stays_the_first_response_time(rules):
    plan = _plan(rules, "how fast do we reply to emails?")
    assert plan.args["metrics"] == ["first_response_time"]


@pytest.mark.parametrize("question", [
    "how long do sessions last?",
    "what's the average session length at the ski hire webshop?",
    "how long do punters hang around on our online shop",
    "average visit duration on the app, please",
])
def test_how_long_visits_last_is_the_session_length(rules, question):
    # said to be missing until phase P (lane g-real9) added the session_length KPI
    plan = _plan(rules, question)
    assert (plan.spec.name, plan.args["metrics"]) == ("kpis", ["session_length"])


@pytest.mark.parametrize("question", [
    "what did people buy most often?",
    "what do the regulars order the most at the chippy?",
    "what gets booked most at the salon?",
    "what's our most popular dish?",
])
def test_what_people_buy_most_is_ranked_by_product(rules, question):
    # said to be missing until phase U (lane g-real15) added the product_sales tool
    plan = _plan(rules, question)
    assert (plan.spec.name, plan.args["by"]) == ("product_sales", "product")


@pytest.mark.parametrize(("question", "metric"), [
    ("how many sessions did the web shop have last week?", "sessions"),
    ("what share of customers bought more than once last year?", "repeat_purchase_rate"),
])
def test_counts_and_repeat_buying_are_still_answered(rules, question, metric):
    plan = _plan(rules, question)
    assert plan.args["metrics"] == [metric]


@pytest.mark.parametrize(("question", "by", "metric"), [
    ("are weekend shoppers more likely to buy at the garden centre?", "weekday", "purchase_conversion"),
    ("are saturday visitors more likely to book a table?", "weekday", "purchase_conversion"),
    ("are people who come in at weekends more likely to pay?", "weekday", "purchase_conversion"),
    # phase Y, convention e: people's buying rate by hour is the purchase conversion too
    ("are evening browsers more likely to order from the deli?", "hour", "purchase_conversion"),
    ("is the after-hours crowd any more likely to book?", "hour", "purchase_conversion"),
])
def test_people_named_by_when_they_come_buying_more_is_the_conversion_pattern(rules, question, by, metric):
    plan = _plan(rules, question)
    assert plan.spec.name == "time_pattern", (plan.spec.name, plan.args)
    assert (plan.args["by"], plan.args["metric"]) == (by, metric)


def test_who_is_likely_to_buy_stays_the_propensity(rules):
    assert _plan(rules, "which customers are most likely to buy?").spec.name == "purchase_propensity"


@pytest.mark.parametrize("question", [
    "what percentage of the comments were negative last month?",
    "how many of the guest comments were glowing at the B&B?",
    "share of support tickets that are negative this week",
])
def test_how_many_comments_are_positive_is_the_sentiment(rules, question):
    assert_plans(rules, question, "feedback_sentiment")


@pytest.mark.parametrize("question", [
    "how many reviews are positive?",
    "how many of the ratings were favourable last month at the garage?",
    "number of reviews that were good this quarter",
])
def test_how_many_reviews_are_positive_is_the_happy_share(rules, question):
    assert_plans(rules, question, "kpis", metrics=["csat"])


def test_how_many_unscored_reviews_are_positive_is_their_sentiment(store, tmp_path):
    from kpi_fixtures import load

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    load(store, tmp_path / "reviews", {"surveys": "survey_id,customer_id,ts,text\n"
                                       "S1,A,2026-05-05 10:00,Lovely cake and kind staff\nS2,B,2026-05-06 10:00,Stale bread\n"})
    planner = OfflinePlanner(ToolContext(store=store, config=load_config(env={})), all_tools())
    assert planner.plan("how many reviews are positive?", "pos").spec.name == "feedback_sentiment"


@pytest.mark.parametrize(("question", "metric"), [
    ("how many reviews did we get last month?", "survey_responses"),
    ("share of happy reviews, 4 or 5 out of 5, at the dentist", "csat"),
])
def test_review_counts_and_happy_ratings_stay_kpis(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "place"), [
    ("what do customers in São Paulo think of us?", "São Paulo"),
    ("what do people in Rio de Janeiro say about us?", "Rio de Janeiro"),
    ("what do the diners in Málaga think of us these days?", "Málaga"),
])
def test_a_place_named_with_what_people_think_is_no_search_text(rules, question, place):
    from bot.agent.reading import reasons
    from bot.agent.understood import understood

    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_themes", (plan.spec.name, plan.args)
    assert plan.slots.filters.get("city") == [place]
    # the place filters the texts by where their writers live, and the reading says so
    assert plan.args["city"] == [place]
    assert f"themes in feedback from customers in {place}" in understood(plan.spec.name, plan.args, plan.slots, plan.spec)
    assert not any("not tied to a town or region" in r for r in reasons(rules, plan))


@pytest.mark.parametrize(("question", "query"), [
    ("what do customers in Zürich think of the service?", "think service"),
    ("what do clients in Leeds say about delivery?", "delivery"),
])
def test_a_search_leaves_the_place_out_of_its_words(rules, question, query):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_search" and plan.args["query"] == query, (plan.spec.name, plan.args)
    assert plan.args["city"] == plan.slots.filters["city"]  # the place is a filter instead


def test_a_place_with_an_accent_filters_a_kpi(rules):
    plan = _plan(rules, "revenue from customers in Málaga this year")
    assert plan.args["filters"] == {"city": ["Málaga"]}


TUESDAY = __import__("datetime").date(2026, 11, 17)  # data ending mid-week


@pytest.mark.parametrize(("question", "period"), [
    ("daily sessions over the last two weeks", "last_14_days"),  # web shop
    ("covers day by day for the past 3 weeks", "2026-10-28..2026-11-17"),  # restaurant, IE
    ("how many bookings per day in the last 2 weeks at the kennels", "last_14_days"),  # kennels, AU
])
def test_a_daily_series_over_the_last_weeks_keeps_the_newest_days(question, period):
    from bot.agent.when import parse_period

    assert parse_period(question, TUESDAY) == period


@pytest.mark.parametrize(("question", "period"), [
    ("weekly sessions over the last 2 weeks", "2026-11-02..2026-11-15"),
    ("orders per day over the last 2 full weeks", "2026-11-02..2026-11-15"),
])
def test_weekly_or_full_weeks_stay_whole_weeks(question, period):
    from bot.agent.when import parse_period

    assert parse_period(question, TUESDAY) == period


def test_daily_over_weeks_is_a_daily_trend(rules):
    assert_plans(rules, "daily sessions over the last two weeks", "trend", grain="day")


@pytest.fixture
def quiet_shop(store, tmp_path):
    """A shop whose last 30 days hold only a cancelled order (Olist's last weeks)."""
    from kpi_fixtures import load

    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config

    load(store, tmp_path / "shop", {
        "customers": "customer_id,city,region\nA,Bath,Somerset\nB,Bristol,Avon\n",
        "orders": "order_id,customer_id,ts,amount,status\n"
                  "O1,A,2026-03-01 10:00,20.00,completed\nO2,B,2026-05-20 10:00,35.00,cancelled\n"})
    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    return OfflinePlanner(ToolContext(store=store, config=config), all_tools())


@pytest.mark.parametrize("question", [
    "which state brings the most revenue?",
    "which county spends the most with us?",
    "revenue by region please",
])
def test_a_period_without_completed_orders_offers_the_latest_one_with_them(quiet_shop, question):
    answer = quiet_shop.answer(question, "quiet-" + question)
    assert "did not work" not in answer.text, answer.text
    assert "No completed orders in last 30 days" in answer.text, answer.text
    assert answer.alternatives and answer.alternatives[0].args["period"] == {"start": "2026-01-31", "end": "2026-03-01"}
    again = quiet_shop.run_reading(answer.alternatives[0].tool, answer.alternatives[0].args, "quiet-again")
    assert "Somerset" in again.text and "did not work" not in again.text, again.text
