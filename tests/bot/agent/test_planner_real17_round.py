"""Readings added in phase W (lane real17) by class, on phrasings written for this round in other
trades than the owners' questions that showed the miss (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "dog groomer: how many owners had to ring the salon more than once last month",
    "plumbing firm: how many householders got in touch with us again this quarter",
    "bike shop: how many riders had to chase the workshop twice",
    "vet practice: how many clients emailed us a second time last week",
    "yoga studio: which members contacted the front desk repeatedly this month",
    "bookshop: how many readers came back to customer service in october",
    "locksmith: how many callers phoned in more than once",
    "garden centre: number of shoppers with more than one complaint this month",
    "hair salon: same clients opening several tickets",
    "tattoo studio: how many repeat callers did we have last month",
])
def test_a_customer_contacting_the_business_more_than_once_is_a_repeat_contact(rules, question):
    assert_plans(rules, question, "kpis", metrics=["repeat_contacts"])


@pytest.mark.parametrize("question", [
    "florist: what's our recontact rate",
    "campsite: what percentage of campers messaged us more than once",
    "dentist: what share of patients had to get back to the practice again last quarter",
    "joinery: how many customers complained more than once, as a rate",
])
def test_the_share_of_them_asked_is_the_repeat_contact_rate(rules, question):
    assert_plans(rules, question, "kpis", metrics=["repeat_contact_rate"])


@pytest.mark.parametrize(("question", "metric"), [
    ("cafe: how many regulars came back to us last month", "repeat_customers"),
    ("b&b: how many guests came back for a second stay", "repeat_customers"),
    ("how quick do we get back to customer queries", "first_response_time"),
    ("how many support tickets did we get last month", "tickets"),
])
def test_coming_back_to_us_or_getting_back_to_them_is_not_a_contact(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize(("question", "per"), [
    ("bike hire: warn me if any town's rentals fall by a quarter week on week", "city"),
    ("pet shop: let me know when revenue in one of our suburbs drops 30%", "city"),
    ("tell me if takings in each county slide 15% week on week", "region"),
    ("cleaning firm: alert me if bookings drop 20% per region", "region"),
    ("piano tuner: tell me if any village's jobs drop by a third", "city"),
])
def test_a_place_watched_place_by_place_is_a_rule_per_town_or_region(rules, question, per):
    assert_plans(rules, question, "create_alert_rule", per=per)


def test_a_channel_watched_on_its_own_is_still_per_channel(rules):
    assert_plans(rules, "alert if any channel's covers drop 25% week on week", "create_alert_rule", per="channel")


@pytest.mark.parametrize("question", [
    "guesthouse: guests raised several complaints about the noise, what are they saying",
    "we've had a few queries about gift cards this week",
    "what did people complain about again",
    "farm shop: how many villagers called in more than twice this month",  # a visit, not a call
])
def test_a_count_of_gripes_is_not_who_came_back(rules, question):
    plan = rules.plan(question, "real17-" + question)
    assert not {"repeat_contacts", "repeat_contact_rate"} & set(plan.args.get("metrics") or []), plan.args
