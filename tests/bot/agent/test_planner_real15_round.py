"""What sells best (phase U, lane g-real15): a ranking of products or categories by money,
units or orders, or which ones grow or shrink, is the product_sales tool; phrasings written for
this round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "args"), [
    ("which scent categories earn us the most at the candle shop", {"by": "product_category", "measure": "revenue"}),
    ("top 3 products by takings last month at the deli",
     {"by": "product", "measure": "revenue", "top": 3, "period": {"name": "last_month"}}),
    ("what are the bike shop's best sellers by units this year",
     {"by": "product", "measure": "units", "period": {"name": "this_year"}}),
    ("which department brings in the most cash for the garden centre", {"by": "product_category", "measure": "revenue"}),
    ("rank our tea categories by revenue", {"by": "product_category", "measure": "revenue"}),
    ("which items make the chandlery the most money", {"by": "product", "measure": "revenue"}),
])
def test_money_or_units_ranked_by_product_or_category(rules, question, args):
    assert_plans(rules, question, "product_sales", **args)


@pytest.mark.parametrize("question", [
    "which ranges are shrinking at the tile showroom",
    "what product lines are declining for the yarn shop this quarter",
    "which categories are losing ground at the florist",
])
def test_shrinking_lines_are_the_biggest_falls(rules, question):
    assert_plans(rules, question, "product_sales", by="product_category", rank="change", order="bottom")


@pytest.mark.parametrize("question", [
    "slowest selling items at the pharmacy",
    "worst sellers at the vape shop",
])
def test_worst_sellers_are_the_bottom_by_units(rules, question):
    assert_plans(rules, question, "product_sales", by="product", measure="units", order="bottom")


@pytest.mark.parametrize("question", [
    "what do customers order most at the taco truck",
    "which flavours move fastest at the gelato cart",
    "what's the most popular treatment at the nail bar",
])
def test_what_is_bought_most_is_ranked_by_product(rules, question):
    assert_plans(rules, question, "product_sales", by="product")


# -- a forecast of something journeybot does not forecast: said, not a revenue forecast ------------
@pytest.mark.parametrize(("question", "what"), [
    ("forecast how many complaints the boiler repair desk will get next month", "support tickets"),
    ("predict enquiry numbers for the wedding venue over the summer", "support tickets"),
    ("projected footfall at the farm shop for the next 4 weeks", "visits"),
    ("how many site visitors should we expect over christmas at the candle shop", "visits"),
])
def test_a_forecast_of_tickets_or_visits_says_there_is_none(rules, question, what):
    answer = rules.answer(question, "fc-" + question)
    assert answer.tool_calls == [] and f"I can't forecast {what}" in answer.text, answer.text


# -- "show me angry customers": who is upset, read in what they wrote -------------------------------
@pytest.mark.parametrize("question", [
    "show me angry customers",
    "list the upset clients at the garage",
    "pull up the frustrated members from the climbing wall",
])
def test_upset_customers_shown_are_their_negative_words(rules, question):
    plan = rules.plan(question, "upset-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan
    assert plan.args.get("max_sentiment") is not None and plan.args["max_sentiment"] < 0
