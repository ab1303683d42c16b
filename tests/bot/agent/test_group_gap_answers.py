"""What the owner reads when a question splits by a group the data does not have (or has for
only some customers), through the offline planner, on a shop built from a Shopify customers and
orders export and a Mailchimp activity export (tests/fixtures/vendors): the gap is said in the
answer, never a table of one "(unknown) 100%" row. The numbers behind these answers are checked
against pandas in tests/tools/test_group_gaps.py and tests/tools/test_time_pattern_gaps.py."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config

VENDORS = Path(__file__).resolve().parents[2] / "fixtures" / "vendors"


@pytest.fixture(scope="module")
def agent(tmp_path_factory):
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
        ingest_export(store, VENDORS / export)
    yield JourneyAgent(ToolContext(store=store, config=load_config(env={})),
                       memory_path=tmp_path_factory.mktemp("gaps") / "memory.sqlite")
    store.close()


def _tool(answer) -> str:
    return answer.tool_calls[0].name if answer.tool_calls else ""


def test_orders_by_a_group_no_customer_has_reads_as_a_gap(agent):
    answer = agent.answer("orders by region over all the data")
    assert _tool(answer) == "movers"
    assert "No customer in this data has a region" in answer.text
    assert "Splits it can make here" in answer.text and "(unknown)" not in answer.text


def test_a_group_half_the_orders_lack_says_how_many(agent):
    raw = pd.read_csv(VENDORS / "shopify" / "customers_export.csv", dtype=str)
    assert raw["Tags"].isna().any()  # the export's own blanks: customers without tags
    answer = agent.answer("orders by segment over all the data")
    assert _tool(answer) == "movers"
    assert "(no segment) is the 29 of 58 orders (50%) from customers with no segment" in answer.text


def test_a_funnel_by_a_group_no_customer_has_reads_as_a_gap(agent):
    answer = agent.answer("funnel by region")
    assert _tool(answer) == "funnel"
    assert "No customer in this data has a region" in answer.text and "(unknown)" not in answer.text


def test_a_best_weekday_on_a_handful_of_orders_carries_the_caution(agent):
    answer = agent.answer("which day of the week has the highest cancellation rate over all the data?")
    assert _tool(answer) == "time_pattern"
    assert "Caution:" in answer.text and "fewer than 30" in answer.text
