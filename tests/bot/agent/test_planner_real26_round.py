"""Readings added in phase AB (lane real26) by class: lifetime value asked per town, region or
age band keeps the split (it kept only segment, channel and persona, and "by city" was answered
with the overall value, saying nothing of the split); rules only, phrasings in other trades."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "by"), [
    ("florist: what are our customers worth over their lifetime, per town", "city"),
    ("lifetime value of the gym's members by region", "region"),
    ("clv by age band for the barber shop", "age_band"),
    ("tile shop customer lifetime value split by city", "city"),
])
def test_lifetime_value_per_place_or_age_keeps_the_split(rules, question, by):
    assert_plans(rules, question, "customer_lifetime_value", by=by)


@pytest.mark.parametrize(("question", "by"), [
    ("bike repairs: lifetime value by the channel they first came through", "channel"),
    ("ltv per crm segment for the dog groomer", "segment"),
])
def test_the_splits_it_read_before_still_read(rules, question, by):
    assert_plans(rules, question, "customer_lifetime_value", by=by)
