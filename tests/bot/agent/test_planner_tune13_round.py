"""Readings added in phase K (lane g-tune13) by class, from misreads on real data sets: a
question about the last answer's own rows ("how many of those orders were cancelled?") keeps
that answer's period and filters; the open tickets asked for without the word "tickets"; the
share of web sessions that end in a purchase and the price of a basket named in plain words;
a speed asked for "on weekends" is the KPI by weekday, not one number over all days."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.catalog import all_tools
from bot.agent.planner import OfflinePlanner
from bot.agent.tools import ToolContext
from bot.config import load_config


@pytest.fixture(scope="module")
def planner() -> OfflinePlanner:
    from sample_cache import bank_store

    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env={})), all_tools())


@pytest.mark.parametrize(("follow_up", "metric"), [
    ("how many of those orders were cancelled?", "cancelled_orders"),
    ("how many of them came back?", "repeat_customers"),
    ("among those customers how many are repeat buyers?", "repeat_customers"),
    ("and what share of those were from instagram?", None),
])
def test_a_question_about_the_last_answers_rows_keeps_its_period_and_filters(planner, follow_up, metric):
    key = "of-those-" + follow_up
    planner.answer("how many orders did we get in london last month?", key)
    answer = planner.answer(follow_up, key)
    [call] = answer.tool_calls
    assert call.name == "kpis"
    assert call.args["period"]["name"] == "last_month"
    assert call.args["filters"]["city"] == ["London"]
    if metric:
        assert call.args["metrics"] == [metric]


def test_an_order_about_the_last_answer_is_not_read_as_its_rows(planner):
    planner.answer("draft 3 personas", "save-all")
    assert planner.plan("lovely, keep all of them", "save-all").spec.name == "save_persona"


@pytest.mark.parametrize("question", ["how many are still open?", "any tickets still open",
                                      "how many remain still outstanding"])
def test_what_is_still_open_is_the_open_tickets(planner, question):
    assert_plans(planner, question, "kpis", key="open-" + question, metrics=["open_tickets"])


@pytest.mark.parametrize(("question", "metric"), [
    ("what share of sessions in november ended in a purchase?", "session_conversion"),
    ("how many visits during the sale ended in an order?", "session_conversion"),
    ("what is the average price of what people buy?", "aov"),
    ("what's our typical basket?", "aov"),
])
def test_sessions_that_buy_and_the_price_of_a_basket(planner, question, metric):
    assert_plans(planner, question, "kpis", key="kpi-" + question, metrics=[metric])


@pytest.mark.parametrize(("question", "metric"), [
    ("how quickly do we reply on weekends?", "first_response_time"),
    ("how long does it take us to answer tickets at weekends?", "first_response_time"),
])
def test_a_speed_on_weekends_is_the_kpi_by_weekday(planner, question, metric):
    assert_plans(planner, question, "time_pattern", key="wknd-" + question, by="weekday", metric=metric)


def test_last_christmas_of_a_support_desk_is_counted_from_its_tickets(store, tmp_path):
    """A data set with tickets only (no orders or visits, like twcs) still has a last day: the
    period is counted back from it, not from today."""
    from kpi_fixtures import load

    load(store, tmp_path / "desk", {"tickets": "ticket_id,customer_id,created_at,first_response_at,resolved_at\n"
                                               "T1,A,2017-11-20 10:00,2017-11-20 11:00,2017-11-21 10:00\n"
                                               "T2,B,2017-11-28 12:00,2017-11-28 15:00,\n"})
    desk = OfflinePlanner(ToolContext(store=store, config=load_config(env={})), all_tools())
    plan = desk.plan("how many tickets did we get last christmas?", "xmas")
    assert plan.args["period"]["start"] == "2016-12-01" and plan.args["period"]["end"] == "2016-12-31"


@pytest.mark.parametrize(("question", "metric"), [
    ("how long does delivery take in each state?", "delivery_time"),
    ("how quickly do we reply to tickets in each county?", "first_response_time"),
])
def test_a_kpi_in_each_region_is_each_regions_level_not_one_number(planner, question, metric):
    assert_plans(planner, question, "movers", key="each-" + question, by="region", metric=metric, rank="value")


def _reviews(store, tmp_path, header: str, rows: list[str]) -> OfflinePlanner:
    from kpi_fixtures import load

    load(store, tmp_path / "reviews", {"surveys": "\n".join([header, *rows]) + "\n"})
    return OfflinePlanner(ToolContext(store=store, config=load_config(env={})), all_tools())


def test_the_share_of_positive_reviews_without_csat_is_their_sentiment(store, tmp_path):
    """Reviews with texts and no score (the UCI sentences): CSAT would be empty."""
    reviews = _reviews(store, tmp_path, "survey_id,customer_id,ts,text",
                       ["S1,A,2026-05-05 10:00,Lovely cake and kind staff", "S2,B,2026-05-06 10:00,Stale bread"])
    assert reviews.plan("what share of reviews are positive?", "pos").spec.name == "feedback_sentiment"


def test_the_share_of_positive_reviews_with_csat_stays_csat(store, tmp_path):
    reviews = _reviews(store, tmp_path, "survey_id,customer_id,ts,csat,text",
                       ["S1,A,2026-05-05 10:00,5,Lovely cake", "S2,B,2026-05-06 10:00,2,Stale bread"])
    plan = reviews.plan("what share of reviews are positive?", "pos")
    assert plan.spec.name == "kpis" and plan.args["metrics"] == ["csat"]


@pytest.mark.parametrize(("question", "by"), [
    ("are customers in the north east happier than in the south?", "region"),
    ("do customers in devon like us more than in cardiff?", "region"),
    ("were people in Clifton happier than in Bedminster last month?", "city"),
])
def test_places_compared_on_a_feeling_are_each_places_review_score(planner, question, by):
    answer = planner.answer(question, "happier-" + question)
    [call] = answer.tool_calls
    assert call.name == "movers"
    assert call.args["metric"] == "csat_mean" and call.args["by"] == by and call.args["rank"] == "value"
    assert not any((call.args.get("filters") or {}).get(place) for place in ("city", "region"))
    assert answer.text
