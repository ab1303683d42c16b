"""Readings added in phase L (lane g-tune15c) by class, asked with the rules only (the fallback
off): the trade's own nouns counted ("how many call-outs", "new pupils", "covers and takings")
are the orders, the newcomers and the buyers, while a support ticket, a web session and the
data's tables stay what they were."""

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

    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=bank_store(), config=load_config(env=env)), all_tools())


def _metrics(plan) -> list[str]:
    return list(plan.args.get("metrics") or [plan.args.get("metric")])


# -- the trade's units and people ----------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "how many call-outs did the plumbing van do last week",  # plumber
    "number of haircuts yesterday",  # barber
    "how many kayak rentals in october",  # kayak hire
    "massage treatments count this month",  # spa
    "how many room nights did we sell last month",  # B&B
    "tickets sold for the comedy nights this week",  # venue: box-office tickets
    "how many pt sessions were booked this week",  # personal trainer: class sessions
    "how many tables did we serve last friday",  # restaurant
    "how many dog walks did we do this week",  # dog walker
    "how many lessons did the driving school give last month",  # driving school
    "how many tickets did the theatre sell last week",  # theatre: box-office tickets
    "how many eye tests did the optician do this week",  # optician
    "how many pitches did the campsite book in august",  # campsite
])
def test_the_trades_units_counted_are_its_orders(planner, question):
    plan = planner.plan(question, "unit-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert _metrics(plan) == ["orders"]


def test_an_answer_in_the_trades_units_says_it_counted_orders(planner):
    answer = planner.answer("how many bike repairs did we finish last month", "unit-answer")
    [call] = answer.tool_calls
    assert call.name == "kpis" and call.args["metrics"] == ["orders"]
    assert "orders" in answer.understood.lower() and "last month" in answer.understood.lower()


@pytest.mark.parametrize("question", [
    "facials and takings, this month vs last",  # beauty salon
    "covers alongside revenue for october against september",  # restaurant
])
def test_the_trades_units_next_to_the_money_are_two_kpis(planner, question):
    plan = planner.plan(question, "two-" + question)
    assert plan.spec is not None and plan.spec.name == "compare"
    assert sorted(_metrics(plan)) == ["orders", "revenue"]


@pytest.mark.parametrize(("question", "tool"), [
    ("how many new pupils signed up this term", "kpis"),  # tutoring
    ("how many climbers joined last month", "kpis"),  # climbing wall
    ("new diners per week this quarter", "trend"),  # restaurant
    ("how many new yogis came on board this month", "kpis"),  # yoga
])
def test_the_trades_new_people_are_newcomers(planner, question, tool):
    plan = planner.plan(question, "new-" + question)
    assert plan.spec is not None and plan.spec.name == tool
    assert _metrics(plan) == ["new_visitors"]


@pytest.mark.parametrize("question", [
    "number of clients who paid this week",  # accountant
    "member count that bought anything last month",  # gym shop
    "headcount of guests who spent money yesterday",  # hotel bar
])
def test_a_head_count_of_the_people_who_paid_is_the_buyers(planner, question):
    plan = planner.plan(question, "buy-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert _metrics(plan) == ["buyers"]


@pytest.mark.parametrize("question", [
    "what share of hampers turned up when we promised last month",  # hamper shop
    "percentage of veg boxes that arrived as promised this month",  # veg box round
    "how many of the cakes arrived the day we promised",  # bakery
])
def test_arriving_as_promised_is_on_time_delivery(planner, question):
    plan = planner.plan(question, "ontime-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert _metrics(plan) == ["on_time_delivery"]


@pytest.mark.parametrize(("question", "metric"), [
    ("how many support tickets this week", "tickets"),
    ("how many tickets came in last week", "tickets"),
    ("how many sessions did we get on the site last week", "sessions"),
])
def test_support_tickets_and_web_sessions_stay_what_they_were(planner, question, metric):
    plan = planner.plan(question, "stay-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis"
    assert _metrics(plan) == [metric]


def test_the_datas_tables_and_events_are_not_orders(planner):
    assert planner.plan("which tables came through from the booking system", "t").spec.name == "describe_data"
    assert planner.plan("how many events are in the data", "e").spec.name == "describe_data"


# -- a shorter step back than the period ----------------------------------------------------------
@pytest.mark.parametrize(("first", "then", "period"), [
    ("revenue this year", "and the week before?", {"start": "2025-12-25", "end": "2025-12-31"}),
    ("how many orders in the last 30 days", "what about the week prior", {"start": "2026-10-10", "end": "2026-10-16"}),
    ("takings last month", "and the day before that?", {"start": "2026-09-30", "end": "2026-09-30"}),
])
def test_a_step_shorter_than_the_period_is_the_stretch_just_before_it(planner, first, then, period):
    key = "step-" + first
    planner.remember(key, planner.plan(first, key))
    assert_plans(planner, then, "kpis", key=key, period=period)


def test_a_week_stepped_back_a_week_is_still_the_week_before(planner):
    planner.remember("wk", planner.plan("orders last week", "wk"))
    assert planner.plan("and the week before that?", "wk").args["period"] == {"start": "2026-10-26", "end": "2026-11-01"}


# -- a forecast horizon the model does not have ---------------------------------------------------
@pytest.mark.parametrize(("question", "horizon", "said"), [
    ("60 day forecast", "next_90_days", "no 60-day horizon"),
    ("how much will the regulars spend in the next 2 months", "next_90_days", "no 2-month horizon"),
    ("a 9 month revenue outlook please", "next_180_days", "no 9-month horizon"),
])
def test_a_horizon_the_forecast_lacks_is_the_nearest_one_said(planner, question, horizon, said):
    answer = planner.answer(question, "hz-" + question)
    [call] = answer.tool_calls
    assert call.name == "revenue_forecast" and call.args["horizon"] == horizon
    assert said in answer.text.splitlines()[0]


def test_a_horizon_the_forecast_has_is_not_remarked_on(planner):
    answer = planner.answer("what will customers spend over the next 90 days", "hz-90")
    assert answer.tool_calls[0].args["horizon"] == "next_90_days"
    assert "horizon" not in answer.text.splitlines()[0]


# -- a week's digest asked by its period ----------------------------------------------------------
@pytest.mark.parametrize(("question", "date"), [
    ("the digest for last week", "2026-11-08"),
    ("can I get last week's digest for the salon", "2026-11-08"),
    ("roundup of last week for the chippy, digest please", "2026-11-08"),
    ("the week-long roundup for the bakery", None),
])
def test_a_digest_for_a_week_is_the_weekly_one(planner, question, date):
    assert_plans(planner, question, "digest", key="dg-" + question, cadence="weekly", date=date)


def test_a_digest_for_a_day_stays_daily(planner):
    plan = planner.plan("the digest for yesterday please", "dg-day")
    assert plan.args.get("cadence", "daily") == "daily" and plan.args["date"] == "2026-11-14"


# -- a weekend as a period (the sample's last day, 2026-11-15, is a Sunday) -----------------------
@pytest.mark.parametrize(("question", "period"), [
    ("takings over the weekend", {"start": "2026-11-14", "end": "2026-11-15"}),
    ("how many bookings did the salon get last weekend", {"start": "2026-11-07", "end": "2026-11-08"}),
    ("orders the weekend just gone, how many", {"start": "2026-11-14", "end": "2026-11-15"}),
])
def test_a_weekend_named_is_its_saturday_and_sunday(planner, question, period):
    assert_plans(planner, question, "kpis", key="we-" + question, period=period)


def test_this_weekend_against_last_weekend_compares_the_two(planner):
    assert_plans(planner, "were sales up this weekend compared with last weekend?", "compare",
                 key="we-cmp", period={"start": "2026-11-14", "end": "2026-11-15"},
                 against={"start": "2026-11-07", "end": "2026-11-08"})


def test_weekends_as_a_habit_or_a_plan_are_no_period(planner):
    assert planner.plan("do we sell more at weekends?", "we-h").spec.name == "time_pattern"
    assert planner.plan("draw up a staff roster for the weekend", "we-r").spec is None


# -- "how long did we take to reply" ---------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "how long did we take to reply last week?",
    "how long do we take to answer folk, on average",
    "how long did we take to respond to the lads this month",
])
def test_how_long_we_took_to_reply_is_the_first_response_time(planner, question):
    plan = planner.plan(question, "frt-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis" and _metrics(plan) == ["first_response_time"]


# -- the risk list after another analysis -----------------------------------------------------------
@pytest.mark.parametrize(("first", "then"), [
    ("revenue last month", "now what's our churn risk"),
    ("what did customers spend last month", "and now the churn risk"),
    ("revenue by channel this month", "now who's at risk of leaving"),
])
def test_the_risk_list_after_a_money_question_is_in_order_of_risk(planner, first, then):
    key = "risk-" + first
    planner.remember(key, planner.plan(first, key))
    plan = planner.plan(then, key)
    assert plan.spec is not None and plan.spec.name == "at_risk_customers"
    assert "sort_by" not in plan.args


def test_a_risk_list_asked_by_value_keeps_its_order_through_a_follow_up(planner):
    planner.remember("risk-v", planner.plan("our most valuable customers at risk", "risk-v"))
    plan = planner.plan("only the vips among those", "risk-v")
    assert plan.args["sort_by"] == "value"


# -- a feeling asked of a store whose surveys hold NPS only -----------------------------------------
@pytest.fixture()
def nps_only(store, tmp_path) -> OfflinePlanner:
    from kpi_fixtures import load

    load(store, tmp_path / "nps", {
        "customers": "customer_id,segment\nA,vip\nB,regular\nC,vip\n",
        "surveys": "survey_id,customer_id,ts,nps,text\nS1,A,2026-05-05 10:00,9,Lovely staff\n"
                   "S2,B,2026-05-06 10:00,3,Cold coffee\nS3,C,2026-05-07 10:00,10,Great\n"
                   "S4,A,2026-04-10 10:00,8,Fine\n"})
    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=store, config=load_config(env=env)), all_tools())


@pytest.mark.parametrize("question", [
    "how satisfied are customers?",
    "how satisfied were guests last month",
    "customer satisfaction this quarter",
])
def test_a_feeling_on_nps_only_surveys_is_the_nps_and_says_so(nps_only, question):
    answer = nps_only.answer(question, "nps-" + question)
    [call] = answer.tool_calls
    assert call.name == "kpis" and call.args["metrics"] == ["nps"]
    assert "no CSAT scores, only NPS" in answer.text.splitlines()[0]
    assert "did not work" not in answer.text


def test_csat_asked_by_name_on_nps_only_surveys_is_not_swapped(nps_only):
    assert nps_only.plan("what's our csat this year", "nps-csat").args["metrics"] == ["csat"]


def test_a_feeling_on_surveys_with_csat_stays_csat(planner):
    assert_plans(planner, "how satisfied are customers?", "kpis", key="csat-kept", metrics=["csat"])


# -- "busiest" on a support desk's data (tickets, no orders) ----------------------------------------
@pytest.fixture()
def desk(store, tmp_path) -> OfflinePlanner:
    from kpi_fixtures import load

    load(store, tmp_path / "desk", {"tickets": "ticket_id,customer_id,created_at,first_response_at,resolved_at\n"
                                               "T1,A,2017-11-20 10:00,2017-11-20 11:00,2017-11-21 10:00\n"
                                               "T2,B,2017-11-28 12:00,2017-11-28 15:00,\n"})
    env = {"JOURNEYBOT_PLANNER_FALLBACK": "off"}
    return OfflinePlanner(ToolContext(store=store, config=load_config(env=env)), all_tools())


@pytest.mark.parametrize(("question", "by"), [
    ("which day of the week is busiest?", "weekday"),
    ("what time of day are we flat out", "hour"),
    ("what's our quietest month of the year", "month"),
])
def test_busiest_on_a_support_desks_data_counts_its_tickets(desk, question, by):
    answer = desk.answer(question, "desk-" + question)
    [call] = answer.tool_calls
    assert call.name == "time_pattern" and call.args["metric"] == "tickets" and call.args["by"] == by
    assert answer.text.lower().startswith("support tickets by")


def test_busiest_on_a_shops_data_counts_its_orders(planner):
    assert_plans(planner, "which day of the week is busiest?", "time_pattern", key="shop-busy", metric="orders")


# -- a part of the country the data does not have ---------------------------------------------------
@pytest.mark.parametrize(("question", "places"), [
    ("are customers in the north east happier than in the south?", ["north east", "south"]),
    ("orders from the midlands vs the north, last month", ["midlands", "north"]),
    ("how's revenue in the south west this month", ["south west"]),
])
def test_a_compass_place_the_data_lacks_is_said_not_dropped(planner, question, places):
    answer = planner.answer(question, "place-" + question)
    first = answer.text.splitlines()[0]
    for place in places:
        assert f"“{place}” is not a region or town in the loaded data" in first


def test_a_region_with_compass_words_in_its_name_is_no_unknown_place(planner):
    answer = planner.answer("revenue in bath and north east somerset last month", "place-banes")
    [call] = answer.tool_calls
    assert call.args["filters"]["region"] == ["Bath and North East Somerset"]
    assert "is not a region or town" not in answer.text


# -- a review site the data does not hold -------------------------------------------------------------
@pytest.mark.parametrize(("question", "sites"), [
    ("amazon review scores against yelp", ["Amazon", "Yelp"]),
    ("what are folk saying about us on tripadvisor", ["Tripadvisor"]),
    ("what's our trustpilot rating these days", ["Trustpilot"]),
])
def test_a_review_site_the_data_lacks_is_said(planner, question, sites):
    answer = planner.answer(question, "site-" + question)
    for site in sites:
        assert f"{site}'s own reviews are not in the loaded data" in answer.text.splitlines()[0]


def test_a_review_site_whose_export_was_loaded_is_not_remarked_on(store, tmp_path):
    from kpi_fixtures import load

    load(store, tmp_path / "yelp", {"surveys": "survey_id,customer_id,ts,csat,text,channel\n"
                                               "S1,A,2026-05-05 10:00,5,Lovely,yelp\nS2,B,2026-05-06 10:00,2,Cold,yelp\n"})
    yelp = OfflinePlanner(ToolContext(store=store, config=load_config(env={})), all_tools())
    assert "own reviews are not in the loaded data" not in yelp.answer("what do people say on yelp", "y").text


# -- days the data has no calendar for ----------------------------------------------------------------
@pytest.mark.parametrize(("question", "words"), [
    ("sessions on special days", "on special days"),
    ("how much do we take on bank holidays", "on bank holidays"),
    ("orders on our promo days vs normal", "on our promo days"),
])
def test_days_the_data_has_no_calendar_for_are_said_not_dropped(planner, question, words):
    answer = planner.answer(question, "days-" + question)
    assert f"I can't read “{words}” as dates" in answer.text.splitlines()[0]
