"""Readings added in phase Q (lane g-tune25) by class, on phrasings written for this round in
trades of their own (rules only: the `rules` fixture of tests/planner_fixtures.py). Dates are
the banks' small sample's: its last day is Sunday 2026-11-15."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

OCT = {"start": "2026-10-01", "end": "2026-10-31"}
SEP = {"start": "2026-09-01", "end": "2026-09-30"}


@pytest.mark.parametrize("question", [
    "what should i tell you to watch for if bookings slow down at the kennels",
    "if you were me what would you keep tabs on at the car wash",
    "cheese shop: which numbers would you suggest i keep an eye on",
    "upholsterer: what's worth setting an alarm for",
    "what do you reckon we should be monitoring at the escape room",
    "can you recommend some alerts for the vintage clothes stall",
    "should we set up an alert for no-shows at the physio?",
    "what kind of alarms should a wine bar have",
    "is it worth having a warning on late deliveries for the flower farm",
])
def test_advice_on_what_to_watch_lists_the_rules_set(rules, question):
    assert_plans(rules, question, "list_alert_rules")


@pytest.mark.parametrize(("question", "period", "against"), [
    ("how did the deli do in october compared to september", OCT, SEP),
    ("how did the kiln get on in october versus september", OCT, SEP),
    ("how did our boatyard fare in october against september", OCT, SEP),
    ("how did we do in october vs september at the tattoo studio", OCT, SEP),
])
def test_how_the_business_did_in_one_month_against_another_is_a_comparison(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "period", "against"), [
    ("was the chip van busier yesterday than the saturday before", {"name": "yesterday"},
     {"start": "2026-11-07", "end": "2026-11-07"}),
    ("were we quieter last tuesday than the tuesday before at the laundrette",
     {"start": "2026-11-10", "end": "2026-11-10"}, {"start": "2026-11-03", "end": "2026-11-03"}),
    ("was the nail bar slower on friday than the friday before",
     {"start": "2026-11-13", "end": "2026-11-13"}, {"start": "2026-11-06", "end": "2026-11-06"}),
])
def test_a_day_busier_than_the_same_day_before_is_a_comparison(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "against"), [
    ("surf school: november so far vs october same days", {"start": "2026-10-01", "end": "2026-10-15"}),
    ("takings at the deli this month against the same days of september",
     {"start": "2026-09-01", "end": "2026-09-15"}),
    ("fishmonger, october same days", {"start": "2026-10-01", "end": "2026-10-15"}),
    ("this month against august, same days, for the bike hire", {"start": "2026-08-01", "end": "2026-08-15"}),
])
def test_a_months_same_days_are_its_first_days_against_this_month_so_far(rules, question, against):
    assert_plans(rules, question, "compare", period={"name": "this_month"}, against=against)


MON = {"start": "2026-11-09", "end": "2026-11-09"}
THU = {"start": "2026-11-12", "end": "2026-11-12"}


@pytest.mark.parametrize("question", [
    "compare last monday and thursday for the pie shop's takings",
    "cake orders last monday and thursday, which was busier",
    "was last monday or last thursday busier at the barbers",
    "last monday and thursday side by side, grooming bookings",
])
def test_two_days_apart_set_against_each_other_are_compared(rules, question):
    assert_plans(rules, question, "compare", period=MON, against=THU)


@pytest.mark.parametrize(("question", "grain", "metric"), [
    ("joinery takings quarter on quarter", "quarter", "revenue"),
    ("quarter-over-quarter orders at the print shop", "quarter", "orders"),
    ("garden centre revenue week over week", "week", "revenue"),
])
def test_x_over_x_alone_is_a_series_at_that_grain(rules, question, grain, metric):
    # the lead's phase-Z convention (h): no two periods named, so a series by that unit (these were
    # this X against the last before); with two periods named it stays a comparison
    assert_plans(rules, question, "trend", metric=metric, grain=grain)


def test_month_over_month_alone_is_a_monthly_series(rules):
    # (lane probe24a) the lead's phase-Z convention: "month on (over) month" with no two periods named
    # is a trend by month (it was this month against the last here before)
    assert_plans(rules, "how are the piano lessons bookings doing month over month", "trend", metric="orders", grain="month")


def test_quarter_on_quarter_over_years_is_a_quarterly_series(rules):
    assert_plans(rules, "is the ferry firm's revenue climbing quarter on quarter this year", "trend",
                 metric="revenue", grain="quarter")


@pytest.mark.parametrize(("question", "period", "against"), [
    ("ice rink takings last weekend against the one before", {"start": "2026-11-07", "end": "2026-11-08"},
     {"start": "2026-10-31", "end": "2026-11-01"}),
    ("food truck orders last saturday vs the one before", {"start": "2026-11-14", "end": "2026-11-14"},
     {"start": "2026-11-07", "end": "2026-11-07"}),
])
def test_the_one_before_a_weekend_or_weekday_is_that_day_a_week_earlier(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize(("question", "period"), [
    ("how di patty shop takings look dis week", {"name": "this_week"}),
    ("rum shack revenue dis month", {"name": "this_month"}),
    ("how much di roti shop mek dis month", {"name": "this_month"}),
])
def test_caribbean_spellings_of_this_week_are_read(rules, question, period):
    assert_plans(rules, question, "kpis", period=period, metrics=["revenue"])


@pytest.mark.parametrize(("question", "date"), [
    ("could i get the morning digest from wednesday the 11th of november", "2026-11-11"),
    ("the briefing from 4 november for the kebab house", "2026-11-04"),
])
def test_a_digest_from_a_date_is_that_days(rules, question, date):
    assert_plans(rules, question, "digest", date=date)


def test_a_trade_noun_typed_without_its_g_is_still_read(rules):
    assert_plans(rules, "surf lesson bookins day by day in the second half of october", "trend", metric="orders",
                 grain="day", period={"start": "2026-10-16", "end": "2026-10-31"})


@pytest.mark.parametrize("question", [
    "what sources are hooked up for the candle shop's orders",
    "which feeds have you got plugged in for the vet practice",
])
def test_which_data_is_connected_describes_the_data(rules, question):
    assert_plans(rules, question, "describe_data")


def test_across_everything_we_have_got_is_all_the_data(rules):
    assert_plans(rules, "pottery class nps across everything we've got", "kpis", metrics=["nps"],
                 period={"name": "all"})
