"""Readings of lane ps29 (phase Y), from blind23's misses by class, on phrasings written for this
round in other trades and words (rules only: the `rules` fixture)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


# -- a venue's "entries" are the admissions it sells: orders, wherever a KPI is wanted -----------------
@pytest.mark.parametrize("question", [
    "let me know if pool entries spike out of nowhere",
    "warn me if museum entries spike out of nowhere",
])
def test_a_venues_entries_are_its_orders_in_an_alert(rules, question):
    assert_plans(rules, question, "create_alert_rule", metric="orders")


def test_a_venues_entries_counted_are_orders(rules):
    assert_plans(rules, "how many castle entries last month", "kpis", metrics=["orders"])


# -- half a year ahead is the six-month horizon, not the year its words contain ------------------------
@pytest.mark.parametrize("question", [
    "forge takings, half a year out, what's the forecast",
    "campsite: the forecast half a year ahead",
])
def test_half_a_year_ahead_is_the_six_month_forecast(rules, question):
    assert_plans(rules, question, "revenue_forecast", horizon="next_180_days")


# -- alarms "which ones are set" are the rules in force ----------------------------------------------
@pytest.mark.parametrize("question", [
    "cattery warnings - which ones have we got in place",
    "bakery alarms, which ones are switched on",
])
def test_which_alarms_are_set_lists_the_rules(rules, question):
    assert_plans(rules, question, "list_alert_rules")


# -- "sold the fewest", goods named as kits -----------------------------------------------------------
@pytest.mark.parametrize("question", [
    "which fudge flavours shifted the least last week",
    "which jam flavours sold the fewest jars this month",
])
def test_sold_the_fewest_is_units_from_the_bottom(rules, question):
    assert_plans(rules, question, "product_sales", measure="units", order="bottom")


@pytest.mark.parametrize("question", [
    "which wood carving kits are growing fastest this month",
    "which cross stitch kits are growing fastest this quarter",
])
def test_a_makers_kits_are_its_products(rules, question):
    assert_plans(rules, question, "product_sales", rank="change")


# -- the comparison turned down in short: "no need for the vs-before bit" -------------------------------
@pytest.mark.parametrize("question", [
    "bakery drop-off points, skip the versus last time",
    "top 3 places cyclists bail, no need for the vs previous",
])
def test_the_vs_before_bit_turned_down_is_no_comparison(rules, question):
    assert_plans(rules, question, "dropoffs", compare=False)


# -- the resolved alerts asked for besides the open ones -----------------------------------------------
def test_the_resolved_ones_as_well_after_not_cleared(rules):
    assert_plans(rules, "kiln alarms not yet cleared, plus the cleared ones", "open_alerts", include_resolved=True)


def test_not_cleared_alone_is_the_open_ones(rules):
    assert_plans(rules, "alerts still not cleared", "open_alerts", include_resolved=None)


# -- the journey's span in everyday verbs, with a group, is the funnel -------------------------------
@pytest.mark.parametrize(("question", "by"), [
    ("kite sales from considering to buying, by channel", "channel"),
    ("bike hire bookings from window shopping to paying, by region", "region"),
    ("pie tins: browsing to buying, which channel they first found us through does it best", "channel"),
])
def test_browsing_to_buying_by_a_group_is_the_funnel(rules, question, by):
    assert_plans(rules, question, "funnel", by=by, stages=["consideration", "decision", "purchase"])


# -- whom to act on, said as the deed ------------------------------------------------------------------
@pytest.mark.parametrize(("question", "action"), [
    ("pottery leads who never had a class, which to nudge over the line", "convert_prospect"),
    ("lapsed gym members who spent the most with us, who to chase", "win_back_valuable"),
    ("lapsed dog groomers, who to chase", "win_back"),
])
def test_who_to_chase_or_nudge_is_the_next_best_action(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


# -- about to walk; regulars in other words gone quiet ---------------------------------------------------
def test_about_to_walk_is_at_risk(rules):
    assert_plans(rules, "yoga members about to walk, top spenders first", "at_risk_customers", sort_by="value")


def test_came_to_loads_and_gone_quiet_is_lapsing(rules):
    assert_plans(rules, "climbers who booked loads of sessions and went quiet", "at_risk_customers", tier="lapsing")


# -- the regular report named by its rhythm beside "how are we doing overall" ----------------------------
@pytest.mark.parametrize("question", [
    "how are we doing overall at the bike shop, the morning rundown",
    "how are we doing overall at the deli, the daily roundup",
])
def test_a_daily_roundup_beside_the_status_question_is_the_digest(rules, question):
    assert_plans(rules, question, "digest")


# -- "likely X bookers from a town": the buyers to come, filtered by the place --------------------------
@pytest.mark.parametrize("question", ["likely zorbing bookers from Leeds", "probable pottery class bookers from Leeds"])
def test_likely_bookers_from_a_town_is_propensity(rules, question):
    assert_plans(rules, question, "purchase_propensity", filters={"city": ["Leeds"]})


# -- a game's rules explained to a person: no question about the data -----------------------------------
@pytest.mark.parametrize("question", [
    "explain the rules of croquet to a new customer",
    "explain the rules of bowls to our new members",
])
def test_a_games_rules_explained_to_someone_is_answered_by_no_tool(rules, question):
    assert_plans(rules, question, None)
