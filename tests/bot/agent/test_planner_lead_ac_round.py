"""Readings the lead added after blind27's one score (phase AC). A trade whose goods start with
"snow" (snowglobes, snowdrops, snowflake baubles, snowboards) is no talk about the weather: blind27's
snowglobe shop had its persona save, rename, merge and show asks all read as off-topic, because the
weather guard took every word starting with "snow". Snow, snowing, snowfall and a snowstorm are
still the weather. Goods ranked in the trade's own words: named in two words before "grew most" or
"growing fastest" ("velvet cushion colours"), named first and then "that sold the fewest", or the
most money said "di most money". Phrasings in other trades and words than the questions that showed the misses."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("save snowdrop card 3", "save_persona", {"which": 3}),
    ("rename snowflake bauble card 1 to Tree Trimmer", "edit_persona", {"action": "rename", "which": [1]}),
    ("cards 2 and 4 are the same snowglobe collectors, merge them", "edit_persona",
     {"action": "merge", "which": [2, 4]}),
    ("snowboard wax orders week by week", "trend", {"metric": "orders", "grain": "week"}),
    ("how many snowdrop bulb orders last week", "kpis", {"metrics": ["orders"]}),
])
def test_goods_named_snow_something_are_the_trade_not_the_weather(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "will it snow in bristol tomorrow",
    "is it snowing up north",
    "how much snowfall is due this weekend",
    "any snowstorm warnings for friday",
])
def test_snow_as_the_weather_is_still_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "args"), [
    ("which oak garden benches grew most in october", {"by": "product", "rank": "change"}),
    ("which wool rug patterns are growing fastest this quarter", {"by": "product", "rank": "change"}),
    ("pottery mugs that sold the fewest this month", {"by": "product", "order": "bottom"}),
    ("the leather belts which shifted the most", {"by": "product"}),
    ("which jerk sauces bring in di most money", {"by": "product", "measure": "revenue"}),
])
def test_goods_ranked_in_the_trades_words(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize("question", ["which town customers grew most", "which region's shoppers grew most"])
def test_places_ranked_are_not_goods(rules, question):
    assert_plans(rules, question, "movers")
