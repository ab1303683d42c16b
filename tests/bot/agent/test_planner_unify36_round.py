"""One rule for a split on a customer dimension the loaded store has no values for (lane unify36;
it replaces the age-only "ageless" guard of bot/agent/slot_readers.py): the split is read as
said, for every dimension, so the answer says no customer has one and names the splits the data
can make (the tools' gap, tools/analytics/group_gaps.py), never a reading swapped for another
group or a silent total. On a store whose customers have no ages, regions, acquisition channels
or saved personas (the Shopify + Mailchimp exports of tests/fixtures/vendors) and on the banks'
sample, where the same words still split. Rules only; phrasings written for this round."""

from __future__ import annotations

from pathlib import Path

import pytest
from planner_fixtures import assert_plans

VENDORS = Path(__file__).resolve().parents[2] / "fixtures" / "vendors"


@pytest.fixture(scope="module")
def vendor():
    from bot.agent.catalog import all_tools
    from bot.agent.planner import OfflinePlanner
    from bot.agent.tools import ToolContext
    from bot.config import load_config
    from tools.data.store import JourneyStore
    from tools.data.vendors.load import ingest_export

    store = JourneyStore(None, timezone="Europe/Berlin")
    for export in ("shopify/customers_export.csv", "shopify/orders_export.csv", "mailchimp/email_activity.csv"):
        ingest_export(store, VENDORS / export)
    config = load_config(env={"JOURNEYBOT_PLANNER_FALLBACK": "off"})
    yield OfflinePlanner(ToolContext(store=store, config=config), all_tools())
    store.close()


def test_the_vendor_store_has_none_of_these_groups(vendor):
    known = vendor._known()
    assert not (known.age_bands or known.regions or known.personas) and known.segments and known.cities


@pytest.mark.parametrize(("question", "by", "said"), [
    ("pottery studio: takings split by customer age range", "age_band", "No customer in this data has an age band"),
    ("bike repairs: how do sales differ between age brackets", "age_band", "No customer in this data has an age band"),
    ("tile shop: which county brings in the most orders", "region", "No customer in this data has a region"),
    ("average basket per acquisition source for the florist", "acquisition_channel",
     "No customer in this data has an acquisition channel"),
    ("candle maker: orders by persona", "persona", "No persona is saved yet"),
])
def test_a_split_the_store_has_no_values_for_is_read_and_said(vendor, question, by, said):
    plan = vendor.plan(question, "unify36-" + question)
    assert plan.spec is not None and plan.args.get("by") == by, (question, plan.spec and plan.spec.name, plan.args)
    answer = vendor.answer(question, "unify36-answer-" + question)
    assert said in answer.text and "(unknown)" not in answer.text, answer.text
    assert "Splits it can make here" in answer.text and "segment" in answer.text.split("Splits it can make here")[1]


def test_a_filter_on_a_group_the_store_has_none_of_is_said(vendor):
    answer = vendor.answer("knitting shop: how many orders from customers aged 35-44", "unify36-filter")
    assert "No customer in this data has an age band" in answer.text, answer.text


@pytest.mark.parametrize(("question", "by"), [
    ("pottery studio: takings split by customer age range", "age_band"),
    ("tile shop: which county brings in the most orders", "region"),
    ("average basket per acquisition source for the florist", "acquisition_channel"),
])
def test_on_the_sample_the_same_split_is_read(rules, question, by):
    assert_plans(rules, question, "movers", by=by)
