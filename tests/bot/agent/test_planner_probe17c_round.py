"""Readings added in phase S (lane g-probe17c) by class, from the misses of
tests/questions_probe17c.yaml, on phrasings written for this round in other trades (rules only:
the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("first", "tool", "reply", "args"), [
    ("which gym members are at risk, biggest spenders first", "at_risk_customers", "only 4 please",
     {"limit": 4, "sort_by": "value"}),
    ("which clients are likely to book a lesson again", "purchase_propensity", "just 3 pls",
     {"limit": 3, "who": "customers"}),
    ("top 10 complaint themes for the nail bar", "feedback_themes", "6 will do", {"max_themes": 6, "sentiment": "negative"}),
])
def test_a_bare_count_after_a_list_sets_its_length(rules, first, tool, reply, args):
    key = "p17c-count-" + reply
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, reply, tool, key=key, **args)


@pytest.mark.parametrize(("question", "args"), [
    ("send over the week-long digest for the car wash", {"cadence": "weekly"}),
    ("send over the end-of-week digest", {}),
])
def test_a_digest_named_after_a_hyphenated_word_is_sent_not_refused(rules, question, args):
    assert_plans(rules, question, "digest", **args)


@pytest.mark.parametrize("question", [
    "give me a heads up on any odd days for van hire bookings",
    "give us a heads-up about unusual days for boat bookings",
])
def test_a_heads_up_on_unusual_days_is_an_alert(rules, question):
    assert_plans(rules, question, "create_alert_rule", metric="orders", condition="unusual")


@pytest.mark.parametrize(("question", "stage"), [
    ("the common themes in what guests write about the rooms", None),
    ("main topics across what diners write about the checkout", ["decision"]),
])
def test_themes_of_what_people_say_are_themes_not_a_search(rules, question, stage):
    assert_plans(rules, question, "feedback_themes", stage=stage)


@pytest.mark.parametrize(("question", "by"), [
    ("long-run value per segment for the florist", "segment"),
    ("the bakery's long-run value split per channel", "channel"),
])
def test_long_run_value_is_lifetime_value(rules, question, by):
    assert_plans(rules, question, "customer_lifetime_value", by=by)


@pytest.mark.parametrize("question", [
    "what % of boiler services were carried out on the day we promised last month",
    "share of carpet cleans completed when we said we would",
    "how many gutter jobs got done by the date we agreed",
])
def test_a_job_done_on_the_promised_day_is_on_time(rules, question):
    assert_plans(rules, question, "kpis", metrics=["on_time_delivery"])


@pytest.mark.parametrize("question", [
    "how long to get each one closed off at the plumbers",
    "how long to get one fully resolved, start to finish, at the locksmiths",
])
def test_how_long_to_get_one_sorted_is_the_time_to_resolve(rules, question):
    assert_plans(rules, question, "kpis", metrics=["resolution_time"])


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("number of removals last quarter", "kpis", {"metrics": ["orders"]}),
    ("gardening contracts region by region", "movers", {"metric": "orders", "by": "region", "rank": "value"}),
    ("fences built last month", "kpis", {"metrics": ["orders"]}),
    ("driveways laid this quarter", "kpis", {"metrics": ["orders"]}),
])
def test_a_trade_unit_counted_or_done_is_orders(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize("question", [
    "pupils who used to come every week and now barely turn up",
    "members who used to swim daily but now seldom do",
])
def test_a_rhythm_that_barely_holds_is_the_lapsing_tier(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


@pytest.mark.parametrize("question", [
    "days from a couple first finding us to booking their first dance lesson",
    "time between a dog owner first hearing about us and their first walk",
    "how long from a parent first finding us to paying for their child's first swim",
])
def test_from_someone_first_finding_us_to_their_first_purchase(rules, question):
    assert_plans(rules, question, "kpis", metrics=["time_to_first_purchase"])


@pytest.mark.parametrize("question", [
    "where do shoppers give up before anything lands in the cart",
    "where do we lose people before a candle gets into their trolley",
])
def test_the_basket_not_reached_with_the_thing_as_subject(rules, question):
    assert_plans(rules, question, "dropoffs", goal_touchpoint="add_to_cart")


def test_where_they_first_found_the_business_by_name_is_the_channel_split(rules):
    assert_plans(rules, "funnel split by where customers first found the studio", "funnel", by="channel")
    key = "p17c-found-dojo"
    rules.remember(key, rules.plan("lifetime value per segment for the dojo", key))
    assert_plans(rules, "and split by how people heard about our dojo", "customer_lifetime_value", key=key, by="channel")


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("how much trade did the chippy do last week", "kpis", {"metrics": ["revenue"]}),
    ("which weekday do we do the most trade at the market stall", "time_pattern", {"metric": "revenue", "by": "weekday"}),
    ("how many complaints landed at the garage last week", "kpis", {"metrics": ["tickets"]}),
])
def test_trade_done_is_money_and_tickets_that_land_are_tickets(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)
