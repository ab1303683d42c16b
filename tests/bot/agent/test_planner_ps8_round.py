"""Readings added in phase R (lane ps8) by class, from blind16's journey and group misses, on
phrasings written for this round in other trades (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "filters", "compare"), [
    ("journey map comparing instagram and facebook buyers, pottery studio", {"channel": ["instagram"]},
     {"channel": ["facebook"]}),
    ("two maps please, vip clients and the newsletter lot, side by side", {"segment": ["vip"]},
     {"segment": ["newsletter"]}),
])
def test_two_groups_compared_are_two_maps(rules, question, filters, compare):
    assert_plans(rules, question, "journey_map", filters=filters, compare_filters=compare)


@pytest.mark.parametrize("question", [
    "draw the whole dog walking client journey stage by stage with how they feel",
    "draw our full bridal shop customer journey, with how people feel at each step",
])
def test_the_journey_drawn_with_feelings_is_the_map(rules, question):
    assert_plans(rules, question, "journey_map")


@pytest.mark.parametrize("question", [
    "looking to buying funnel for the bike shop, last month",
    "browsing-to-hiring funnel for the van hire",
])
def test_a_span_named_as_the_funnel_sets_its_stages(rules, question):
    assert_plans(rules, question, "funnel", stages=["consideration", "decision", "purchase"])


@pytest.mark.parametrize(("question", "measure"), [
    ("mood of the reviews per customer segment, pottery classes", "sentiment"),
    ("tone of the patients' comments by segment", "sentiment"),
    ("recommend score by client segment for the florist", "nps"),
])
def test_a_feeling_or_recommend_score_by_segment_is_satisfaction_by(rules, question, measure):
    assert_plans(rules, question, "satisfaction_by", measure=measure, by="segment")


@pytest.mark.parametrize(("question", "args"), [
    ("where do shoppers give up before popping a candle into their cart", {"goal_touchpoint": "add_to_cart"}),
    ("which step do the instagram lot ghost us at, plant shop", {"filters": {"channel": ["instagram"]}}),
    ("where do would-be patients disappear before booking a check-up", {}),
    ("folk who never placed a web order for tea, where'd they stop", {"goal_touchpoint": "order_placed"}),
])
def test_people_lost_on_the_way_are_the_dropoffs(rules, question, args):
    assert_plans(rules, question, "dropoffs", **args)


def test_swapping_a_group_keeps_the_last_analysis(rules):
    key = "ps8-swap"
    rules.remember(key, rules.plan("where are vip clients falling away before booking, last 60 days", key))
    assert_plans(rules, "swap vip for the loyalty scheme members", "dropoffs", key=key, filters={"segment": ["loyalty"]},
                 period={"name": "last_60_days"})


@pytest.mark.parametrize(("question", "args"), [
    ("usual route people take before a website order, plant shop", {"goal_touchpoint": "order_placed"}),
    ("where do campers first hear about us and where do they finally book", {}),
])
def test_the_way_there_is_the_paths(rules, question, args):
    assert_plans(rules, question, "paths", **args)


@pytest.mark.parametrize(("question", "metric", "by"), [
    ("lessons took a dip last month, which segment do I blame", "orders", "segment"),
    ("installs took a hit this quarter, which region explains it", "orders", "region"),
    ("sofa drop-offs getting slower, which town is behind it", "delivery_time", "city"),
    ("which town books me the most", "orders", "city"),
    ("which age band of pupils books me most", "orders", "age_band"),
])
def test_a_groups_share_of_the_trades_units_is_movers(rules, question, metric, by):
    assert_plans(rules, question, "movers", metric=metric, by=by)
