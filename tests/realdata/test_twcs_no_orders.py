"""twcs holds support tickets only. Asked who is at risk, for personas or a forecast, the answer
said "The journey store has no orders or events; load data first." to an owner who had just
loaded them: it now says what is loaded (the tickets, counted here from the raw CSV's reply
threads with pandas, and their customers) and what the question needs."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from bot.cli import main
from realdata.test_twcs import tickets


@pytest.mark.parametrize("question", ["who is at risk of churning?", "describe a typical support customer",
                                      "forecast revenue for next month"])
def test_a_question_needing_orders_names_the_tickets_that_are_loaded(twcs, question):
    answer = twcs.ask(question)["answer"]
    t = tickets(twcs.raw)
    assert "load data first" not in answer
    assert f"Only {len(t):,} support tickets and {t.customer.nunique():,} customers are loaded" in answer, answer
    assert "no orders or journey events" in answer


def test_describe_assumes_no_currency_for_a_store_without_money(twcs):
    """No figure of a tickets-only store is money, so a currency nobody set is no assumption to
    warn about (describe said "Assumed: currency GBP ... set it with ..."); the time zone, which
    cuts every ticket's day, still is what it is."""
    result = CliRunner().invoke(main, ["describe"], env={"JOURNEYBOT_HOME": str(twcs.home)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Assumed: currency" not in result.output
    assert "no amounts are loaded yet" in result.output
