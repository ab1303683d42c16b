"""Readings added in phase N (lane g-tune19b) by class, from blind11's misses and a probe of other
trades, on phrasings written for this round (rules only: the `rules` fixture of
tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question):
    return rules.plan(question, "t19b-" + question)


@pytest.mark.parametrize("question", [
    "chimney sweep: if enquiries start pouring in out of nowhere on any channel, alert me",
    "hot tub hire: tell me when one of the channels starts streaming in new visitors",
    "archery range: ping me if new faces come pouring in from any channel",
])
def test_arrivals_pouring_in_are_an_upward_unusual_rule(rules, question):
    assert_plans(rules, question, "create_alert_rule", condition="unusual", direction="up", per="channel")


@pytest.mark.parametrize(("question", "hours"), [
    ("hot tub hire: flag when jobs take over 3 days to close", 72),
    ("alert me if complaints take longer than 24 hours to sort out", 24),
    ("bathroom fitter: tell me when support cases take more than 2 days to resolve", 48),
])
def test_tickets_taking_over_a_time_to_close_watch_the_resolution_time(rules, question, hours):
    assert_plans(rules, question, "create_alert_rule", metric="resolution_time", condition="above", value=hours)


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe loyalty stampers who might stop coming", "loyalty"),
    ("which vip bookers are at risk of drifting away", "vip"),
    ("archery range: vip shooters likely to lapse", "vip"),
])
def test_a_group_then_the_trades_word_for_its_people_is_that_group(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "at_risk_customers"
    assert plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe: any fresh churn risks among the loyalty members?", "loyalty"),
    ("the latest flight risks among our vip clients", "vip"),
    ("hot tub hire: brand new churn risks among the vips this week", "vip"),
])
def test_fresh_or_latest_churn_risks_are_the_newly_at_risk(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "newly_at_risk"
    assert plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize("question", ["churn risks among the vips", "who are the churn risks at the cat cafe",
                                      "mattress shop: our biggest churn risks right now"])
def test_churn_risks_in_the_plural_are_people_not_the_churn_rate(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


@pytest.mark.parametrize(("question", "by"), [
    ("which channel brings in the customers worth most over time", "channel"),
    ("archery range: which first channel gives us the highest value members in the long run", "channel"),
    ("cat cafe: which segment has the highest-value regulars over time", "segment"),
])
def test_the_highest_value_people_over_time_is_their_lifetime_value(rules, question, by):
    assert_plans(rules, question, "customer_lifetime_value", by=by)


def test_a_value_course_over_time_is_still_a_trend(rules):
    assert _plan(rules, "revenue over time").spec.name == "trend"


@pytest.mark.parametrize("question", [
    "chimney sweep: how many customers will we get over the next month",
    "cat cafe: how many guests are we likely to welcome in the next few weeks",
    "mattress shop: which past buyers are most likely to order again soon",
    "archery range members likeliest to book again",
])
def test_people_likely_to_buy_soon_are_the_purchase_propensity(rules, question):
    assert _plan(rules, question).spec.name == "purchase_propensity"


@pytest.mark.parametrize("question", ["how much will we take in the coming weeks",
                                      "what should the hot tub hire bring in over the next month"])
def test_money_to_come_stays_the_revenue_forecast(rules, question):
    assert _plan(rules, question).spec.name == "revenue_forecast"


@pytest.mark.parametrize(("question", "segment"), [
    ("cat cafe: what should we do for the loyalty members, a line per person", "loyalty"),
    ("hot tub hire next steps for lapsed vips, client by client", "vip"),
    ("bathroom fitter: recommended moves for the vip clients, one line each", "vip"),
])
def test_one_line_each_lists_the_actions_customer_by_customer(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "next_best_actions"
    assert plan.args["level"] == "customers" and plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize(("question", "metric"), [
    ("how often do clients cancel", "cancellation_rate"),
    ("cat cafe: how often do guests pull out of a booking, as a percentage", "cancellation_rate"),
    ("how often do archery lessons get cancelled", "cancellation_rate"),
    ("how often do mattress buyers ask for their money back", "refund_rate"),
    ("how often do customers send stuff back, this year", "refund_rate"),
])
def test_how_often_people_cancel_or_send_back_is_the_rate(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize("question", ["chimney sweep: how many households booked with us in october",
                                      "how many clients have actually ordered from me this quarter",
                                      "hot tub hire: how many families booked with us last month"])
def test_how_many_people_bought_from_us_is_the_head_count(rules, question):
    assert_plans(rules, question, "kpis", metrics=["buyers"])


def test_how_many_bought_from_us_more_than_n_times_stays_repeat_customers(rules):
    plan = _plan(rules, "how many of our regulars have bought from us more than 3 times")
    assert plan.args["metrics"] == ["repeat_customers"]


@pytest.mark.parametrize("question", [
    "mattress shop: of people who made it as far as the cart, what percentage went on to pay",
    "hot tub hire: of the folks who get as far as the basket, what proportion end up booking",
    "of the shoppers who came as far as the trolley, what fraction actually paid",
])
def test_from_as_far_as_the_basket_to_paying_is_the_checkout_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["conversion_purchase"])


@pytest.mark.parametrize("question", [
    "chimney sweep: how many days between first enquiring and first booking, for new customers",
    "cat cafe: how long from first visit to first paid booking among new guests",
    "bathroom fitter: how long from first visiting to first order, typically, for brand new clients",
])
def test_time_to_first_purchase_for_new_people_is_one_kpi(rules, question):
    assert_plans(rules, question, "kpis", metrics=["time_to_first_purchase"])


@pytest.mark.parametrize(("question", "negative"), [
    ("cat cafe: what's irritating our regulars", True),
    ("chimney sweep: what's bugging the customers this month", True),
    ("what has been winding up our guests lately", True),
    ("mattress shop: the overall buzz in the reviews this year", False),
    ("archery range: what's the general chatter among customers?", False),
])
def test_what_is_bothering_people_or_the_chatter_is_the_themes(rules, question, negative):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_themes"
    assert (plan.args.get("sentiment") == "negative") is negative


@pytest.mark.parametrize(("question", "word"), [
    ("hot tub hire: guests complaining that the water was cold, last month", "cold"),
    ("show me the comments people left about parking at the archery range", "parking"),
    ("bathroom fitter: feedback clients gave on the tiling", "tiling"),
    ("cat cafe regulars moaning that the cakes are stale", "stale"),
])
def test_feedback_on_a_topic_said_around_the_writers_is_a_search(rules, question, word):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_search"
    assert word in plan.args["query"]


# -- classes shown by tests/questions_probe12b.yaml (phrasings of other trades again) --------------

@pytest.mark.parametrize(("question", "metric"), [
    ("cancellations this quarter as a percentage", "cancellation_rate"),
    ("how many bookings got called off this year, as a rate", "cancellation_rate"),
    ("refunded orders last month, as a percentage", "refund_rate"),
])
def test_an_outcome_count_asked_as_a_rate_is_its_rate(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize("question", ["ping me if the takings nosedive", "warn me when orders crater on any channel",
                                      "bathroom fitter: alert me if enquiries fall off a cliff",
                                      "tell me when revenue crashes on a day"])
def test_a_sudden_fall_is_a_downward_unusual_rule(rules, question):
    assert_plans(rules, question, "create_alert_rule", condition="unusual", direction="down")


@pytest.mark.parametrize(("question", "segment"), [
    ("which vip homeowners might not come back", "vip"),
    ("loyalty families who could lapse", "loyalty"),
    ("are any of the vip householders drifting away", "vip"),
])
def test_households_and_families_are_people_of_a_group(rules, question, segment):
    plan = _plan(rules, question)
    assert plan.spec.name == "at_risk_customers"
    assert plan.args["filters"]["segment"] == [segment]


@pytest.mark.parametrize("question", ["which channel's clients end up spending the most over time",
                                      "which first channel brings us the most in the long run"])
def test_spending_the_most_over_the_years_is_lifetime_value(rules, question):
    assert_plans(rules, question, "customer_lifetime_value", by="channel")


@pytest.mark.parametrize(("question", "who"), [
    ("cat cafe: regulars who'll probably need another visit before christmas", "customers"),
    ("hot tub hire leads with a decent chance of converting", "prospects"),
    ("among people who never bought, which ones look keenest", "prospects"),
    ("bathroom fitter: past clients likely to book another job", "customers"),
])
def test_a_purchase_to_come_said_sideways_is_the_propensity(rules, question, who):
    assert_plans(rules, question, "purchase_propensity", who=who)


@pytest.mark.parametrize(("question", "negative"), [
    ("what are the bathroom-fitting clients griping about", True),
    ("what's upsetting the cat cafe regulars lately", True),
    ("what's the word on the grapevine, feedback-wise", False),
])
def test_griping_upsetting_and_the_word_on_the_street_are_the_themes(rules, question, negative):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_themes"
    assert (plan.args.get("sentiment") == "negative") is negative


@pytest.mark.parametrize(("question", "metric"), [
    ("how many distinct households hired us in october", "buyers"),
    ("archery range: how many separate members booked last month", "buyers"),
    ("how many regulars has the cat cafe lost this year", "churn_rate"),
    ("how many clients did we lose last quarter", "churn_rate"),
])
def test_people_counted_once_or_lost_are_buyers_or_churn(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


@pytest.mark.parametrize("question", ["how many days do the parcels that are slowest to arrive take, the worst tenth",
                                      "mattress deliveries in the slowest tenth to turn up: how long is that",
                                      "for the slowest 10% of hampers to arrive, how many days"])
def test_the_slowest_tenth_to_arrive_is_the_delivery_times_90th_percentile(rules, question):
    assert_plans(rules, question, "kpis", metrics=["delivery_time_p90"])


@pytest.mark.parametrize("question", ["of people who open the payment page, what percentage go on to pay",
                                      "chimney sweep: of households that begin a booking, what proportion complete and pay",
                                      "hot tub hire: of guests who fill in the hire form, what fraction actually book"])
def test_from_a_started_checkout_to_paying_is_the_checkout_conversion(rules, question):
    assert_plans(rules, question, "kpis", metrics=["conversion_purchase"])


# -- a second look of the lane's own (wig shop, chandlery, dog hydrotherapy, ceilidh band, letterpress) --

@pytest.mark.parametrize("question", ["chandlery: shout if the average basket drops under 40 quid",
                                      "wig shop: if refunds go above 5 a day, let me know",
                                      "letterpress: alert me on any sudden jump in orders"])
def test_an_alert_order_after_the_trades_name_is_a_rule(rules, question):
    assert _plan(rules, question).spec.name == "create_alert_rule"


@pytest.mark.parametrize("question", ["wig shop: ping me the minute refunds go through the roof",
                                      "tell me if the ceilidh bookings double out of nowhere",
                                      "warn me if complaints balloon on any channel"])
def test_through_the_roof_doubling_or_ballooning_is_an_upward_rule(rules, question):
    assert_plans(rules, question, "create_alert_rule", direction="up")


def test_complaints_ballooning_on_any_channel_watch_the_tickets(rules):
    assert _plan(rules, "warn me if complaints balloon on any channel").args["metric"] == "tickets"


@pytest.mark.parametrize("question", ["who should get a courtesy call this week at the print shop",
                                      "which regulars deserve a goodwill voucher",
                                      "best move for each of the vip wig clients, one by one"])
def test_who_gets_which_gesture_is_the_next_best_actions(rules, question):
    assert_plans(rules, question, "next_best_actions", level="customers")


def test_the_value_of_a_trades_client_by_first_channel_is_lifetime_value(rules):
    assert_plans(rules, "value of a dog hydrotherapy client by where they first found us", "customer_lifetime_value",
                 by="channel")


@pytest.mark.parametrize(("question", "tool"), [
    ("what have the bathers been saying about the cold plunge", "feedback_search"),
    ("what are the ceilidh dancers saying about the sound system", "feedback_search"),
    ("what do printer customers like best about us", "feedback_themes"),
])
def test_what_people_say_about_a_topic_or_like_best(rules, question, tool):
    assert _plan(rules, question).spec.name == tool


@pytest.mark.parametrize(("question", "metric"), [
    ("how often do wig orders come back to us as returns", "refund_rate"),
    ("share of letterpress carts that never get paid for, this quarter", "cart_abandonment"),
    ("on average how many hours till a hydrotherapy enquiry gets a reply", "first_response_time"),
    ("how long before a customer email gets answered", "first_response_time"),
    ("how long do complaints stay open before we close them", "resolution_time"),
])
def test_kpis_said_of_the_things_measured(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


# -- a third look (tattoo removal, farrier, kennels, organ tuner) ---------------------------------

@pytest.mark.parametrize("question", ["tattoo removal clinic: which patients are overdue and may not finish their course",
                                      "which students might not complete their block of lessons",
                                      "physio: clients who could not see out their treatment plan"])
def test_a_course_left_unfinished_is_a_customer_at_risk(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


@pytest.mark.parametrize("question", ["which clients' risk has crept up since last month",
                                      "kennels: customers whose churn risk is creeping up",
                                      "members whose risk has edged up lately"])
def test_a_risk_creeping_up_sorts_the_at_risk_by_its_rise(rules, question):
    assert_plans(rules, question, "at_risk_customers", sort_by="rising")


@pytest.mark.parametrize(("question", "sentiment"), [("what gets praised most at the kennels", "positive"),
                                                     ("what's complained about the most at the farrier's", "negative"),
                                                     ("what got slated most in the organ tuner's reviews", "negative")])
def test_what_gets_praised_or_complained_about_most_is_that_sides_themes(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize(("question", "metric"), [("what % of kennel bookings got refunded", "refund_rate"),
                                                  ("share of farrier appointments that were cancelled", "cancellation_rate"),
                                                  ("what proportion of orders ended up sent back", "refund_rate")])
def test_the_share_of_orders_with_an_outcome_is_that_outcomes_rate(rules, question, metric):
    assert_plans(rules, question, "kpis", metrics=[metric])


def test_how_many_orders_got_refunded_stays_the_count(rules):
    assert _plan(rules, "how many of our bookings got refunded last month").args["metrics"] == ["refunded_orders"]


# -- other Englishes (Indian, American South, Australian/British slang) ----------------------------

@pytest.mark.parametrize(("question", "condition"), [
    ("kindly intimate us when refunds cross 15 in a week", "above"),
    ("do the needful and alert if csat drops under 70", "below"),
    ("please alert when the average order value crosses 60", "above"),
])
def test_indian_english_alert_orders_are_rules(rules, question, condition):
    assert_plans(rules, question, "create_alert_rule", condition=condition)


@pytest.mark.parametrize("question", ["which regulars are fixin' to leave", "any members gonna ditch us",
                                      "which subscribers might do a runner",
                                      "clients likely to clear off to a competitor"])
def test_leaving_in_other_englishes_is_at_risk(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


@pytest.mark.parametrize("question", ["which guests are fixing to book again", "who's bout to buy from the surf shack"])
def test_fixing_to_buy_is_the_propensity(rules, question):
    assert _plan(rules, question).spec.name == "purchase_propensity"


@pytest.mark.parametrize(("question", "by"), [("which segment's clients are most valuable in the long run", "segment"),
                                              ("members who are most valuable over time, by first channel", "channel")])
def test_most_valuable_over_the_long_run_is_lifetime_value(rules, question, by):
    assert_plans(rules, question, "customer_lifetime_value", by=by)


@pytest.mark.parametrize("question", ["who should we be giving vouchers to", "any regulars I should send a treat to?",
                                      "which clients could we offer a discount"])
def test_who_to_send_a_gesture_to_is_the_next_best_actions(rules, question):
    assert _plan(rules, question).spec.name == "next_best_actions"


def test_fresh_faces_are_new_visitors(rules):
    assert_plans(rules, "how many fresh faces came through the climbing wall last month", "kpis",
                 metrics=["new_visitors"])


# -- a fourth look (axe bar, surf school, gin distillery, yoga retreat) ------------------------------

@pytest.mark.parametrize("question", ["axe bar: who went from safe to shaky this week",
                                      "which members have just started to look like they could lapse",
                                      "surf school: anyone gone from fine to wobbly since last week?"])
def test_a_fresh_turn_for_the_worse_is_the_newly_at_risk(rules, question):
    assert _plan(rules, question).spec.name == "newly_at_risk"


@pytest.mark.parametrize("question", ["which of our high-value regulars are wobbling",
                                      "gin club members who are cooling off", "yoga retreat guests starting to waver"])
def test_people_wobbling_or_cooling_off_are_at_risk(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


def test_what_the_average_new_member_spends_in_total_is_lifetime_value(rules):
    assert _plan(rules, "how much will the average new member spend with us in total").spec.name == "customer_lifetime_value"


def test_likely_repeat_buyers_are_the_propensity_of_customers(rules):
    assert_plans(rules, "likely repeat buyers at the distillery in the next month", "purchase_propensity",
                 who="customers")


def test_what_to_do_with_each_of_the_at_risk_is_the_next_best_actions(rules):
    assert_plans(rules, "surf school: what should we do with each of the at-risk members", "next_best_actions")


def test_what_has_been_getting_good_reviews_is_the_positive_themes(rules):
    assert_plans(rules, "what's been getting glowing feedback at the retreat lately", "feedback_themes",
                 sentiment="positive")


@pytest.mark.parametrize(("question", "condition"), [("alert me whenever a vip customer becomes high risk", "unusual"),
                                                     ("tell me if more than 10 customers go high-risk in a week", "above")])
def test_customers_becoming_high_risk_is_an_alert_on_the_high_risk_count(rules, question, condition):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert plan.args["metric"] == "high_risk_customers" and plan.args["condition"] == condition
    assert plan.args.get("severity") != "high"  # "high risk" is who, not how urgent


@pytest.mark.parametrize(("question", "direction"), [("flag any day where tiktok orders are way up", "up"),
                                                     ("tell me if bookings are way down on a day", "down")])
def test_way_up_or_down_is_an_unusual_rule_that_way(rules, question, direction):
    assert_plans(rules, question, "create_alert_rule", direction=direction)


def test_page_me_is_an_alert_order(rules):
    assert_plans(rules, "page me if checkout conversion drops by 30%", "create_alert_rule", condition="drops_by")


# -- a fifth look (what customers said, on things outside the shop's data) --------------------------

@pytest.mark.parametrize(("question", "word"), [("has anyone mentioned the wifi at the retreat", "wifi"),
                                                ("any complaints about the temperature in the studio", "temperature"),
                                                ("what are the swimmers saying about the water temperature", "temperature")])
def test_what_customers_said_about_the_wifi_or_the_temperature_is_searched(rules, question, word):
    plan = _plan(rules, question)
    assert plan.spec.name == "feedback_search" and word in plan.args["query"]


@pytest.mark.parametrize("question", ["what's the weather in galway tomorrow", "reset the wifi router", "tell me a joke"])
def test_the_weather_or_the_router_alone_is_still_off_topic(rules, question):
    assert _plan(rules, question).spec is None


@pytest.mark.parametrize("question", ["the stuff customers keep asking for", "things the guests keep bringing up",
                                      "what do diners wish we did differently", "what do regulars wish we stocked"])
def test_what_keeps_coming_up_or_what_they_wish_is_the_themes(rules, question):
    assert _plan(rules, question).spec.name == "feedback_themes"


@pytest.mark.parametrize("question", ["which members are close to cancelling their plan",
                                      "gym: who hasn't been in for ages",
                                      "regulars we haven't seen since the summer"])
def test_close_to_cancelling_or_unseen_people_are_at_risk(rules, question):
    assert _plan(rules, question).spec.name == "at_risk_customers"


@pytest.mark.parametrize(("question", "tool"), [("which bookers might book again if we nudge them", "purchase_propensity"),
                                                ("who could order again before christmas", "purchase_propensity"),
                                                ("who might not book again", "at_risk_customers")])
def test_might_buy_again_is_the_propensity_and_might_not_the_risk(rules, question, tool):
    assert _plan(rules, question).spec.name == tool
