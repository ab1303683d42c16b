"""Readings of lane probe28c (phase AD): feedback, customers, personas and what the data holds, in
owners' own words. The feeling of what people wrote split in words ("does feedback change with the
channel people arrived through", "the comments, touchpoint by touchpoint", "how do the cafes sound
about the boxes month by month"); a late box knocking the satisfaction % (the split by delivery);
gripes named first, then "what's it about" (the themes); the angriest stuff with no topic (a search);
a service had every week and hardly now (lapsing); getting onto the risk list (newly at risk); a
botched order to put right, enquirers who never went ahead, "next moves for the guests" and "one
customer at a time" (next best actions); value over the long haul and "two more years" (lifetime
value); nothing bought yet but likely (prospects), "book more" (customers); "three ... persona
cards"; "in person" (in_store); what records can be seen, one kind asked after as held at all.
Phrasings of other trades than the questions that showed the misses."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "args"), [
    ("does the tone of bakery feedback change with the channel folk first came in through", {"by": "channel"}),
    ("do the comments differ with the stage people are at", {"by": "stage"}),
    ("pottery class feedback, touchpoint by touchpoint", {"by": "touchpoint"}),
    ("the surgery's comments channel by channel", {"by": "channel"}),
    ("how do the florists sound about the bouquets month by month", {"by": "month"}),
    ("how do diners feel once folk receive their parcel", {"stage": ["post-purchase"]}),
])
def test_the_feeling_of_what_people_wrote_split_in_words(rules, question, args):
    assert_plans(rules, question, "feedback_sentiment", **args)


@pytest.mark.parametrize("question", [
    "what routes do people take, touchpoint by touchpoint",
    "the usual routes to buying, touchpoint by touchpoint",
])
def test_routes_split_by_touchpoint_stay_paths(rules, question):
    assert_plans(rules, question, "paths")


@pytest.mark.parametrize(("question", "args"), [
    ("does a late hamper knock our satisfaction %", {"measure": "csat", "by": "delivery"}),
    ("are overdue cake deliveries denting our net promoter", {"measure": "nps", "by": "delivery"}),
    ("are the facebook finds happier than the tiktok finds, csat %", {"measure": "csat", "by": "channel"}),
])
def test_a_measure_named_split_by_lateness_or_two_channels(rules, question, args):
    assert_plans(rules, question, "satisfaction_by", **args)


def test_the_satisfaction_level_alone_is_still_a_kpi(rules):
    assert_plans(rules, "our satisfaction % this month", "kpis", metrics=["csat"])


@pytest.mark.parametrize(("question", "args"), [
    ("all the moaning from the pool members this month, what's it about", {"sentiment": "negative",
                                                                          "period": {"name": "this_month"}}),
    ("the griping this quarter, what's it all about", {"sentiment": "negative", "period": {"name": "this_quarter"}}),
    ("bike shop riders' grumbling last week, what's that about", {"sentiment": "negative",
                                                                  "period": {"name": "last_week"}}),
    ("what's got the karaoke bar regulars griping this month", {"sentiment": "negative",
                                                                 "period": {"name": "this_month"}}),
])
def test_gripes_named_then_what_they_are_about_are_the_themes(rules, question, args):
    assert_plans(rules, question, "feedback_themes", **args)


def test_the_angriest_stuff_from_the_tickets_is_a_search(rules):
    assert_plans(rules, "the nastiest stuff florist customers sent, only via support tickets", "feedback_search",
                 source=["ticket"])


@pytest.mark.parametrize("question", [
    "clients who had a massage each month and barely book now",
    "folk who hired a kayak every weekend but rarely show these days",
    "bakery regulars who popped in daily but hardly come by now",
])
def test_a_service_had_often_and_rarely_now_is_lapsing(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


def test_getting_onto_the_risk_list_is_newly_at_risk(rules):
    assert_plans(rules, "which gym members landed on the at-risk list over the past 10 days", "newly_at_risk", days=10)


@pytest.mark.parametrize(("question", "action"), [
    ("salon clients whose appointment went wrong and need it sorted first", "service_recovery"),
    ("bike shop customers with a bungled repair who need it put right", "service_recovery"),
    ("people who got a quote for a kitchen but never booked, worth a nudge?", "convert_prospect"),
    ("families who asked about a party but never went ahead, which should we chase", "convert_prospect"),
])
def test_care_actions_said_in_owners_words(rules, question, action):
    assert_plans(rules, question, "next_best_actions", action=action)


def test_next_moves_for_the_people_then_one_at_a_time(rules):
    key = "probe28c-next-moves"
    assert_plans(rules, "next moves for the climbing wall members, with each segment", "next_best_actions",
                 key=key, by="segment")
    plan = rules.plan("next moves for the climbing wall members, with each segment", key)
    rules.remember(key, plan)
    assert_plans(rules, "now one member at a time", "next_best_actions", key=key, level="customers", limit=None)


def test_lapsed_regulars_to_chase_stay_a_win_back(rules):
    assert_plans(rules, "lapsed regulars we should chase", "next_best_actions", action="win_back")


@pytest.mark.parametrize(("question", "args"), [
    ("what's a florist customer's value over the long haul, by first channel", {"by": "channel"}),
    ("what is a bike shop customer worth if we count 5 years", {"horizon_days": 1825}),
])
def test_lifetime_value_in_owners_words(rules, question, args):
    assert_plans(rules, question, "customer_lifetime_value", **args)


def test_two_more_years_after_a_lifetime_value(rules):
    key = "probe28c-two-more-years"
    plan = rules.plan("lifetime value of a typical climbing member", key)
    rules.remember(key, plan)
    assert_plans(rules, "and if we count three more years?", "customer_lifetime_value", key=key, horizon_days=1095)


@pytest.mark.parametrize(("question", "who"), [
    ("leads that haven't ordered a cake yet but likely will", "prospects"),
    ("enquirers with no lesson booked yet who probably will", "prospects"),
    ("climbing members likely to book more sessions soon", "customers"),
])
def test_who_will_likely_buy(rules, question, who):
    assert_plans(rules, question, "purchase_propensity", who=who)


def test_persona_cards_counted_with_the_trades_words_between(rules):
    assert_plans(rules, "make four bike shop persona cards", "draft_personas", segments=4)


def test_narrowed_to_customers_who_buy_in_person(rules):
    key = "probe28c-in-person"
    plan = rules.plan("draft 3 personas", key)
    rules.remember(key, plan)
    assert_plans(rules, "narrow her to morning customers who pay face to face", "edit_persona", key=key,
                 action="narrow", focus=["morning", "in_store"])


@pytest.mark.parametrize("question", [
    "what records of the florist can you actually see",
    "which data on the salon can ye access",
    "do ye even have orders loaded",
    "do you actually have survey answers for the bakery in there",
    "which stages and touchpoints can you see for the pottery",
])
def test_what_the_data_holds(rules, question):
    assert_plans(rules, question, "describe_data")


def test_tickets_about_a_topic_stay_a_search(rules):
    assert_plans(rules, "do you have tickets about the app from last week", "feedback_search")


def test_collecting_in_person_stays_the_pickup(rules):
    key = "probe28c-collect-in-person"
    plan = rules.plan("draft 4 personas", key)
    rules.remember(key, plan)
    assert_plans(rules, "narrow card 2 to weekday folk who collect in person", "edit_persona", key=key,
                 action="narrow", which=[2], focus=["weekday", "pickup"])


@pytest.mark.parametrize("question", ["which customer segment writes the most negative stuff",
                                      "which channel brings the angriest comments"])
def test_the_angriest_texts_split_by_a_group_stay_a_split(rules, question):
    plan = rules.plan(question, "plans-" + question)
    assert plan.spec is not None and plan.spec.name in ("satisfaction_by", "feedback_sentiment"), (question, plan.spec)
