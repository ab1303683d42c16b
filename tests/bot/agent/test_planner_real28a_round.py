"""Lane real28a's planner round: what a new owner asks first of a real event log or review export.

- Views ranked by product, category or brand ("which brands do people look at the most?",
  "which categories get the most views?") are not in any loaded data: events keep the kind of
  step, not the product. Before, "get the most views" was read as product_sales and answered with
  revenue by category; now no tool is called and the answer says what is missing
  (bot/agent/product_views.py, bot/agent/unmeasured.py). Funnels and paths through a product view
  keep their readings.
- A star rating is not a list's length: "show me the 1 star reviews" listed one review, "the 2
  star reviews" two (bot/agent/slot_readers.py parse_top, bot/agent/feedback_tools.py).

Rules only (the banks' sample), in several trades' words."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "which brands do people look at the most?",
    "what are our most viewed products?",
    "which categories get the most views?",
    "which products get viewed a lot but never bought?",
    "which candle scents do visitors click on most",
    "top 10 items by page views",
    "which bike models get browsed the most?",
    "most viewed tea ranges this month",
])
def test_views_ranked_by_product_are_said_missing(rules, question):
    plan = rules.plan(question, "real28a-" + question)
    assert plan.spec is None, (question, plan.spec.name if plan.spec else None, plan.args)


def test_views_ranked_say_what_is_missing_and_what_else_answers(rules):
    from bot.agent.unmeasured import not_in_data

    said = not_in_data("which brands do people look at the most?")
    assert said and "not which product, category or brand" in said and "which products sell best?" in said


@pytest.mark.parametrize(("question", "tool"), [
    ("what share of sessions looked at a product?", "funnel"),
    ("funnel from viewing a product to the basket to an order placed", "funnel"),
    ("which categories sell best?", "product_sales"),
    ("which product category gets the worst reviews?", "satisfaction_by"),
])
def test_views_in_a_funnel_or_sales_keep_their_reading(rules, question, tool):
    assert_plans(rules, question, tool)


@pytest.mark.parametrize(("question", "stars"), [
    ("show me the 1 star reviews", 1),
    ("show me 1-star reviews", 1),
    ("what do the 2 star reviews say?", 2),
    ("list the one star reviews from the salon", 1),
    ("give me the 5-star comments about the bike repairs", 5),
])
def test_a_star_rating_is_not_how_many_to_show(rules, question, stars):
    plan = rules.plan(question, "real28a-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", (question, plan.spec and plan.spec.name, plan.args)
    assert plan.args.get("min_csat") == stars and plan.args.get("max_csat") == stars, plan.args
    assert plan.args.get("limit") in (None, 0) or plan.args["limit"] > 5, plan.args


def test_a_count_beside_the_stars_is_still_the_list_length(rules):
    plan = rules.plan("show me 10 one-star reviews", "real28a-ten")
    assert plan.spec is not None and plan.spec.name == "feedback_search"
    assert plan.args.get("limit") == 10 and plan.args.get("max_csat") == 1, plan.args
