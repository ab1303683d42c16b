"""Notes under any answer about the data behind it (bot/agent/answer_notes.py).

Amounts written in a currency nobody chose. REES46's export does not say which currency its
prices are in, and every answer wrote them as pounds (the default) without a word: now the
KPIs say so beside the amounts, and any other answer that writes an amount (each town's
revenue, a persona's spend) says it once under the answer. Once the owner sets the currency,
or when no amount is shown, nothing is said.

Periods counted back from a last day of data long past. Olist ends in October 2018: "revenue
last month" answered September 2018 under the words "last month", with nothing to say that it
was not last month. The answer now says where the data ends and what the period was counted
back from."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from kpi_fixtures import BAKERY, load

from bot.agent.agent import JourneyAgent
from bot.agent.answer_notes import data_notes
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.analytics.kpis import kpi
from tools.analytics.periods import Period

MAY = Period(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 6))
ASSUMED = "only by assumption"


@pytest.fixture
def bakery(store, tmp_path):
    load(store, tmp_path / "bakery", BAKERY)
    return store


@pytest.fixture
def agent(bakery, tmp_path):
    return JourneyAgent(ToolContext(store=bakery, config=load_config()), memory_path=tmp_path / "memory.sqlite")


def said(answer) -> int:
    return sum(ASSUMED in part for part in [answer.text, *answer.notes])


def test_the_kpis_say_the_currency_is_assumed_beside_amounts_only(bakery):
    assert "currency" in bakery.profile.assumed()
    revenue = kpi(bakery, "revenue", MAY)
    assert revenue.headline.value == 47.0  # O1 20 + O3 15 + O4 12 (worked out in test_kpis.py)
    assert any(ASSUMED in n and "GBP" in n for n in revenue.provenance.notes)
    assert not any(ASSUMED in n for n in kpi(bakery, "orders", MAY).provenance.notes)
    bakery.set_profile({"currency": "EUR"}, "test")
    assert not any(ASSUMED in n for n in kpi(bakery, "revenue", MAY).provenance.notes)


def test_an_answer_with_amounts_says_it_once(agent):
    kpis = agent.answer("how much revenue did we make over all our data?")
    assert "£" in kpis.text and said(kpis) == 1
    towns = agent.answer("what was the revenue by city over all our data?")
    assert towns.tool_calls[0].name == "movers" and "£" in towns.text
    assert said(towns) == 1 and any(ASSUMED in n for n in towns.notes)
    assert said(agent.answer("what is our buying rate over all our data?")) == 0


def test_nothing_is_said_once_the_currency_is_set(agent, bakery):
    bakery.set_profile({"currency": "EUR"}, "test")
    answer = agent.answer("what was the revenue by city over all our data?")
    assert "€" in answer.text and said(answer) == 0


def test_a_period_counted_back_from_data_long_past_says_so(agent, bakery):
    answer = agent.answer("how much revenue did we make this month?")
    call = answer.tool_calls[0]
    assert call.args["period"]["name"] == "this_month"
    # the bakery's orders and events end on 6 May 2026, so this month is 1-6 May 2026
    assert call.result.provenance.period_label == "this month (2026-05-01 to 2026-05-06)"
    old = [n for n in answer.notes if n.startswith("The data ends on")]
    gap = (dt.date.today() - dt.date(2026, 5, 6)).days
    assert gap > 60 and len(old) == 1
    assert old[0].startswith("The data ends on 2026-05-06, ") and "“this month” is counted back from that day" in old[0]
    # a fortnight after the data ends is not old; a period over all the data is never counted back
    assert not [n for n in data_notes(bakery, answer, today=dt.date(2026, 5, 20)) if n.startswith("The data")]
    everything = agent.answer("how much revenue did we make over all our data?")
    assert not [n for n in everything.notes if n.startswith("The data ends")]


def test_a_period_that_ends_after_today_says_so(agent, bakery):
    """Rows dated tomorrow (bookings, or a till's times read in the wrong zone): "this month"
    ends on a day that has not come yet, and the answer says why."""
    answer = agent.answer("how much revenue did we make this month?")
    notes = [n for n in data_notes(bakery, answer, today=dt.date(2026, 5, 5)) if n.startswith("The data")]
    assert notes == ["The data runs to 2026-05-06, after today (2026-05-05): rows dated in the future "
                     "(bookings, or times read in the wrong time zone) make “this month” end on 2026-05-06."]


def test_feedback_results_are_dated_by_their_surveys_and_tickets(bakery):
    """Themes and sentiment read the feedback store, which is no journey table: the last day is
    that of the survey answers and tickets the texts come from (twcs ends on 2017-12-02)."""
    import types

    from bot.answer import Answer, ToolCallRecord

    themes = ToolCallRecord("feedback_themes", {"period": {"name": "last_30_days", "start": None, "end": None}},
                            "feedback_themes()", result=types.SimpleNamespace(
                                provenance=types.SimpleNamespace(tables=("feedback",))))
    notes = data_notes(bakery, Answer("6 themes", "offline", [themes]), today=dt.date(2026, 12, 4))
    assert notes == ["The data ends on 2026-05-06, 7 months before today: “last 30 days” is counted back "
                     "from that day, not from today (2026-12-04)."]


# -- orders that are all worth 0 ----------------------------------------------------------------

ZERO = "orders loaded has an amount of 0"


def test_orders_all_worth_zero_are_said_under_any_answer_with_money(store, tmp_path):
    load(store, tmp_path / "till", {"orders": "order_id,customer_id,ts,amount\n"
                                              "O1,C1,2026-05-04 10:00,0\nO2,C2,2026-05-05 10:00,0\n"
                                              "O3,C1,2026-05-06 10:00,0\n"})
    agent = JourneyAgent(ToolContext(store=store, config=load_config()), memory_path=tmp_path / "m.sqlite")
    answer = agent.answer("how much revenue did we make over all our data?")
    assert "£0.00" in answer.text
    assert [n for n in answer.notes if ZERO in n] == [
        "Every one of the 3 orders loaded has an amount of 0, so revenue, order values, lifetime values "
        "and forecasts are all 0: check which column of the export was loaded as the amount"]


def test_one_paid_order_is_enough_to_say_nothing(agent):
    answer = agent.answer("how much revenue did we make over all our data?")
    assert "£" in answer.text and not any(ZERO in n for n in answer.notes)


# -- one order that makes most of a period's revenue ------------------------------------------------

def _shop(store, tmp_path, big: float):
    rows = "\n".join(f"O{i},C{i % 4},2026-05-{1 + i:02d} 10:00,{big if i == 7 else 50}" for i in range(20))
    load(store, tmp_path / "shop", {"orders": "order_id,customer_id,ts,amount\n" + rows + "\n"})
    return JourneyAgent(ToolContext(store=store, config=load_config()), memory_path=tmp_path / "m.sqlite")


def test_a_hundredfold_order_is_named_under_the_revenue_it_makes(store, tmp_path):
    answer = _shop(store, tmp_path, 5000).answer("how much revenue did we make over all our data?")
    big = [n for n in answer.notes if n.startswith("One order makes")]
    assert big == ["One order makes 84% of the revenue in all data (2026-05-01 to 2026-05-20): O7 on "
                   "2026-05-08, £5,000.00, 100 times the typical order (£50.00); revenue and average order "
                   "value move with it"]


def test_an_order_twice_the_others_is_not_an_outlier(store, tmp_path):
    answer = _shop(store, tmp_path, 100).answer("how much revenue did we make over all our data?")
    assert not any(n.startswith("One order makes") for n in answer.notes)


def test_the_period_a_tool_resolved_is_read_from_its_result_not_its_label(bakery):
    """answer_notes parsed the period's label ("last 90 days (...)") to tell a relative default
    from dates: a label worded otherwise said nothing. The result carries the name, the day it was
    counted back from and whether it was the tool's default, and the note says each."""
    from bot.answer import Answer, ToolCallRecord
    from tools.analytics.time_pattern import PatternParams, time_pattern

    result = time_pattern(bakery, PatternParams(metric="orders", by="weekday"))  # no period: its default
    prov = result.provenance
    assert (prov.period_name, prov.period_anchor, prov.period_defaulted) == \
        ("last_90_days", bakery.as_of("orders"), True)
    relabelled = dataclasses.replace(result, provenance=dataclasses.replace(prov, period_label="the usual 90 days"))
    call = ToolCallRecord("time_pattern", {}, "time_pattern()", result=relabelled)
    notes = data_notes(bakery, Answer("Saturday", "offline", [call]), today=dt.date(2026, 12, 4))
    assert notes == [f"The data ends on {bakery.as_of('orders')}, 7 months before today: “last 90 days”, the "
                     "period used when none is named, is counted back from that day, not from today (2026-12-04)."]
    asked = time_pattern(bakery, PatternParams(metric="orders", by="weekday", period=Period(name="last_90_days")))
    assert asked.provenance.period_defaulted is False
    dated = time_pattern(bakery, PatternParams(metric="orders", by="weekday", period=MAY))
    assert dated.provenance.period_anchor is None and dated.provenance.period_name is None
