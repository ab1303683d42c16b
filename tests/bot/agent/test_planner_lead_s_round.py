"""Readings mended by the lead after phase S's merges (rules only: the `rules` fixture of
tests/planner_fixtures.py). The CI run on real data (REES46) asked "how many events do we have?"
and got "Orders, last 30 days (reading “events” as orders)": the trade-unit counting of
bot/agent/counted_units.py took the data's own records for units sold."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "how many events do we have?",
    "how many events do we have in total",
    "how many events do we have for the barbers",
])
def test_the_datas_own_records_counted_are_the_data_description(rules, question):
    assert_plans(rules, question, "describe_data")


@pytest.mark.parametrize("question", [
    "how many kitchens did we fit last month",
    "how many trims did the barbers do last week",
])
def test_units_the_business_worked_on_are_still_orders(rules, question):
    assert_plans(rules, question, "kpis", metrics=["orders"])
