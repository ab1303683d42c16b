"""Readings added in phase N (lane g-tune20a) by class, from the twelfth blind bank's misses,
tested with the word rules alone on this lane's own phrasings (other trades and Englishes, not
the bank's words). The state-changing ones only propose: nothing is saved before confirmation."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("barbershop: mute the bookings alert for a week", "change_alert_rule", {"enabled": False}),
    ("bakery: set the revenue alert to low severity", "change_alert_rule", {"severity": "low"}),
    ("plant nursery: change the aov alert's threshold to 12 percent", "change_alert_rule", {"value": 12.0}),
    ("dog groomers: delete the nps alert rule", "delete_alert_rule", {}),
    ("yoga studio: scrap the churn alert", "delete_alert_rule", {}),
    ("bike shop: flag any days where orders look odd", "create_alert_rule", {"metric": "orders"}),
])
def test_a_trade_heading_before_an_alert_order_still_proposes_it(rules, question, tool, args):
    plan = rules.plan(question, "h-" + question)
    assert plan.spec is not None and plan.spec.name == tool, (plan.spec, plan.args)
    assert all(plan.args.get(k) == v for k, v in args.items()), plan.args


@pytest.mark.parametrize("question", ["scrap the refunds warning",
                                      "plumbing: get rid of the missed calls warning please",
                                      "bin the low stock warning, we don't need it"])
def test_a_warning_is_an_alert_to_delete(rules, question):
    assert_plans(rules, question, "delete_alert_rule", key="w-" + question)


@pytest.mark.parametrize("question", ["bakery: what were orders last week",
                                      "florist: how did revenue do this month"])
def test_a_heading_before_a_question_is_still_an_analysis(rules, question):
    plan = rules.plan(question, "q-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis" and not plan.spec.changes_state


@pytest.mark.parametrize(("question", "tool"), [
    ("yacht charter company: how many bookings last week", "kpis"),
    ("boat charter firm, average spend per booking this year", "kpis"),
    ("where do people drop out before booking the helicopter charter", "dropoffs"),
    ("graphic design studio: orders this month", "kpis"),
])
def test_a_word_that_starts_like_chart_or_graph_is_not_a_series(rules, question, tool):
    assert_plans(rules, question, tool, key="c-" + question)


@pytest.mark.parametrize("question", ["charting repeat rate monthly", "plotting orders by week",
                                      "trendline of bounce rate this year", "graphs of revenue per week please"])
def test_chart_plot_and_graph_as_verbs_are_still_a_series(rules, question):
    assert_plans(rules, question, "trend", key="s-" + question)


@pytest.mark.parametrize("question", ["how do we fix the back office's dripping sink",
                                      "how do I unblock the salon's wash basin drain",
                                      "how can we replace the cafe's broken shop door hinge",
                                      "how much would a van cost to rent for the weekend",
                                      "how much does a coffee machine cost to service these days",
                                      "how much do a generator cost to hire in Lagos"])
def test_a_repair_or_a_price_out_in_the_world_gets_no_tool(rules, question):
    plan = rules.plan(question, "o-" + question)
    assert plan.spec is None, (plan.spec, plan.args)


@pytest.mark.parametrize("question", ["how much does a booking cost us in refunds",
                                      "how much does the average order cost to ship"])
def test_what_the_business_pays_is_still_a_question_about_the_data(rules, question):
    assert_plans(rules, question, "kpis", key="d-" + question)


@pytest.mark.parametrize("question", ["bakery here: are there gaps in what you hold, any whole days missing?",
                                      "first and last date in what you've got for the salon?",
                                      "so what do you actually know about our firm",
                                      "are whole days missing from the till export"])
def test_what_the_data_covers_and_lacks_is_described(rules, question):
    assert_plans(rules, question, "describe_data", key="dd-" + question)


@pytest.mark.parametrize(("question", "period"), [
    ("how many vans did we rent out this month", {"name": "this_month"}),
    ("how many scaffold towers went out in october", {"start": "2026-10-01", "end": "2026-10-31"}),
    ("how many marquees did we deliver last month", {"name": "last_month"}),
    ("how many kayaks have we rented out since may", {"start": "2026-05-01", "end": "2026-11-15"}),
])
def test_things_hired_out_are_counted_as_orders(rules, question, period):
    assert_plans(rules, question, "kpis", key="hire-" + question, metrics=["orders"], period=period)


def test_late_deliveries_are_not_read_as_things_hired_out(rules):
    plan = rules.plan("how many parcels did we deliver on time this week", "hire-late")
    assert plan.args["metrics"] == ["on_time_delivery"]


@pytest.mark.parametrize("question", ["give me the list of our personas", "can I see a list of the persona cards"])
def test_the_list_of_personas_lists_the_saved_cards(rules, question):
    assert_plans(rules, question, "list_personas", key="lp-" + question)


@pytest.mark.parametrize(("question", "count"), [("make three customer profiles", 3),
                                                 ("draft 4 shopper personas for the deli", 4),
                                                 ("build 5 client profiles from the bookings", 5)])
def test_how_many_profiles_said_before_the_noun_is_how_many_cards(rules, question, count):
    plan = rules.plan(question, "dp-" + question)
    assert plan.spec is not None and plan.spec.name == "draft_personas" and plan.args == {"segments": count}


@pytest.mark.parametrize(("question", "days"), [
    ("which patients have switched to high churn risk in the last 3 days", 3),
    ("which gym members flipped over to high risk in the past 7 days", 7),
    ("who tipped into danger of leaving since yesterday", 1),
])
def test_a_crossing_into_risk_over_days_is_the_newly_at_risk(rules, question, days):
    plan = rules.plan(question, "nr-" + question)
    assert plan.spec is not None and plan.spec.name == "newly_at_risk" and plan.args.get("days") == days, \
        (plan.spec, plan.args)


def test_being_at_high_risk_is_still_the_at_risk_list(rules):
    assert_plans(rules, "which clients are at high churn risk", "at_risk_customers", key="nr-list")
