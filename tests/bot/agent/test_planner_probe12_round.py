"""Readings added in phase N (lane g-probe12) by class, from the misses of a probe written in new
voices before the work (tests/questions_probe12.yaml), tested on phrasings of yet other trades
and Englishes, with the word rules alone (the `rules` fixture): "tell me if" asking for a
judgement of the data now is a question, never a proposed alert rule; one weekday weighed up
("is Monday even worth opening", "do Saturdays bring the most sales") is a time pattern with
that day in focus."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


# -- "tell me if <a judgement>" is a question, not an alert rule ---------------------------------
@pytest.mark.parametrize(("question", "tool"), [
    ("kindly tell me if Thursdays bring the highest footfall for the tyre fitting", "time_pattern"),
    ("tailor here, just let me know if our October takings were any good", "kpis"),
    ("can you tell me if the refund rate is normal for a bike shop this month", "kpis"),
    ("what was csat last week at the salon, and tell me if that's ok", "kpis"),
])
def test_tell_me_if_a_judgement_is_answered_not_made_an_alert(rules, question, tool):
    answer = rules.answer(question, "judge-" + question)
    assert answer.pending is None  # no rule proposed
    assert_plans(rules, question, tool, key="judge-plan-" + question)


@pytest.mark.parametrize(("question", "metric", "condition"), [
    ("tell me if the refund rate goes above 6%", "refund_rate", "above"),
    ("let me know when takings are unusually low", "revenue", "unusual"),
    ("kindly inform me if csat falls below 75", "csat", "below"),
])
def test_tell_me_if_with_a_condition_still_proposes_a_rule(rules, question, metric, condition):
    assert_plans(rules, question, "create_alert_rule", key="watch-" + question, metric=metric, condition=condition)


# -- one weekday weighed up ---------------------------------------------------------------------
@pytest.mark.parametrize(("question", "focus"), [
    ("is Wednesday even worth opening the florist for", "Wednesday"),
    ("honestly, is tuesday worth staying open at the chippy", "Tuesday"),
    ("sundays are worth it for the car valeting or not?", "Sunday"),
    ("do Fridays bring in the most customers at the barbers", "Friday"),
    ("does saturday get us the most bookings at the nail bar, reckon", "Saturday"),
])
def test_one_weekday_weighed_up_is_a_time_pattern_in_focus(rules, question, focus):
    assert_plans(rules, question, "time_pattern", key="day-" + question, by="weekday", focus=focus)


# -- customers who may stop, said with the trade's own verb; regulars below their old rhythm ------
@pytest.mark.parametrize("question", [
    "which learner drivers are likely to stop booking lessons with me",
    "window cleaning: which households might stop using us this winter",
    "which tenants at the storage units could stop renting from us",
])
def test_likely_to_stop_with_the_trades_verb_is_at_risk(rules, question):
    assert_plans(rules, question, "at_risk_customers", key="stop-" + question)


@pytest.mark.parametrize("question", [
    "yoga members who come to class a lot less than they used to",
    "takeaway regulars that order far less often than they did",
    "which of the allotment shop's customers who visit way less than they once did",
])
def test_less_than_they_used_to_is_the_lapsing_list(rules, question):
    assert_plans(rules, question, "at_risk_customers", key="lapse-" + question, tier="lapsing")


# -- alert rules in other words: how urgent before the condition, un-pausing, a number weighed up --
@pytest.mark.parametrize(("question", "metric", "severity"), [
    ("flag it high priority if cancellations go above 10", "cancelled_orders", "high"),
    ("flag it as urgent if bounce rate climbs over 70%", "bounce_rate", "high"),
    ("flag it low priority if sessions fall 15% week on week", "sessions", "low"),
])
def test_flag_it_with_a_priority_proposes_the_rule(rules, question, metric, severity):
    answer = rules.answer(question, "flag-" + question)
    assert answer.pending is not None and answer.pending.tool == "create_alert_rule"
    assert answer.pending.args["metric"] == metric and answer.pending.args["severity"] == severity


@pytest.mark.parametrize("question", ["un-pause the bookings alert", "unpause the refunds alarm please",
                                      "reactivate the bounce rate alert"])
def test_unpausing_an_alert_switches_it_on(rules, question):
    plan = rules.plan(question, "unpause-" + question)
    assert plan.spec.name == "change_alert_rule" and plan.args.get("enabled") is True


@pytest.mark.parametrize(("follow_up", "value"), [("on reflection, 12 is better", 12), ("go with 18 instead", 18),
                                                   ("thinking about it, 25 would be more realistic", 25)])
def test_a_new_number_weighed_up_changes_the_rule_just_made(rules, follow_up, value):
    key = "weigh-" + follow_up
    rules.remember(key, rules.plan("tell me if new visitors drop 20% week on week", key))
    assert_plans(rules, follow_up, "change_alert_rule", key=key, value=value)


# -- "gone up or down each month": the movement point to point, a series ------------------------
@pytest.mark.parametrize(("question", "metric", "grain"), [
    ("has the average basket gone up or down each week at the deli", "aov", "week"),
    ("plumbing jobs: have bookings gone up or down every month", "orders", "month"),
    ("is our refund rate going up or down week to week?", "refund_rate", "week"),
])
def test_up_or_down_each_period_is_a_series(rules, question, metric, grain):
    assert_plans(rules, question, "trend", key="updown-" + question, metric=metric, grain=grain)


def test_up_or_down_since_a_period_is_still_a_comparison(rules):
    assert_plans(rules, "has revenue gone up or down since last month", "compare", key="updown-pair")


# -- two named periods with the headline words: both periods, side by side ------------------------
@pytest.mark.parametrize(("question", "period", "against"), [
    ("florist: how did July stack up against June, all the numbers please",
     {"start": "2026-07-01", "end": "2026-07-31"}, {"start": "2026-06-01", "end": "2026-06-30"}),
    ("the headline figures, Q3 against Q2, for the bike shop",
     {"start": "2026-07-01", "end": "2026-09-30"}, {"start": "2026-04-01", "end": "2026-06-30"}),
    ("give me all the key stats for September vs August",
     {"start": "2026-09-01", "end": "2026-09-30"}, {"start": "2026-08-01", "end": "2026-08-31"}),
])
def test_two_named_periods_with_headline_words_are_compared(rules, question, period, against):
    plan = rules.plan(question, "pair-" + question)
    assert plan.spec.name == "compare"
    assert plan.args["period"] == period and plan.args["against"] == against
    assert not plan.args.get("metrics")  # every headline KPI


# -- the money the business took, named by its trade ---------------------------------------------
@pytest.mark.parametrize(("question", "period"), [
    ("how much did the ice cream van make in August", {"start": "2026-08-01", "end": "2026-08-31"}),
    ("how much did the hair salon take yesterday, roughly", {"name": "yesterday"}),
    ("how much did our fish and chip shop earn last week", {"name": "last_week"}),
    ("honestly, what did we take in total over the past 6 months at the garden centre", {"name": "last_180_days"}),
])
def test_what_the_business_took_is_its_revenue(rules, question, period):
    assert_plans(rules, question, "kpis", key="took-" + question, metrics=["revenue"], period=period)


def test_how_long_a_delivery_took_is_still_its_time(rules):
    plan = rules.plan("how much did the delivery take to arrive", "took-delivery")
    assert plan.args.get("metrics") == ["delivery_time"]


# -- a weekend or a weekday against the same one a week before -------------------------------------
@pytest.mark.parametrize(("question", "period", "against"), [
    ("last weekend against the weekend before for takings at the garden centre",
     {"start": "2026-11-07", "end": "2026-11-08"}, {"start": "2026-10-31", "end": "2026-11-01"}),
    ("orders this weekend vs the weekend before, reckon we were up?",
     {"start": "2026-11-14", "end": "2026-11-15"}, {"start": "2026-11-07", "end": "2026-11-08"}),
    ("bookings yesterday compared with the saturday before",
     {"name": "yesterday"}, {"start": "2026-11-07", "end": "2026-11-07"}),
])
def test_a_weekend_against_the_weekend_before_is_compared(rules, question, period, against):
    assert_plans(rules, question, "compare", key="wkend-" + question, period=period, against=against)


def test_weekends_against_weekdays_stay_a_pattern_of_the_week(rules):
    assert_plans(rules, "weekends vs weekdays for orders at the chippy", "time_pattern",
                 key="wkend-pattern", by="weekday")


# -- what to do next: person by person, a goal then where to begin, a gesture said with two words --
@pytest.mark.parametrize("question", [
    "what should I do next with each of my piano pupils, one line per person",
    "next steps for every one of our gym members",
    "recommended actions for the vips, one row per customer",
])
def test_person_by_person_next_steps_list_each_customer(rules, question):
    assert_plans(rules, question, "next_best_actions", key="each-" + question, level="customers")


@pytest.mark.parametrize("question", [
    "I want more repeat customers at the bike shop, where do I start?",
    "we need more regulars coming back to the cafe, what should we do",
    "i'd like more people coming back to the salon, any ideas?",
    "how can we get more returning clients at the physio",
])
def test_a_retention_goal_gets_the_next_best_actions(rules, question):
    assert_plans(rules, question, "next_best_actions", key="goal-" + question)


@pytest.mark.parametrize("question", ["which bakery regulars have earned a little loyalty treat",
                                      "who deserves a nice little thank-you from the florist"])
def test_a_gesture_of_thanks_in_two_words_is_the_loyalty_reward(rules, question):
    assert_plans(rules, question, "next_best_actions", key="treat-" + question, action="reward_loyal")


# -- a KPI said in other words: spend weighed per order, the open ticket count ---------------------
@pytest.mark.parametrize(("question", "tool"), [
    ("which weekday do the members spend the most per visit at the climbing wall", "time_pattern"),
    ("which town spends more per booking with the dog groomer", "movers"),
    ("do the loyalty lot spend less per order than everyone else", "kpis"),
])
def test_spend_weighed_per_order_is_the_average_order(rules, question, tool):
    plan = rules.plan(question, "aov-" + question)
    assert plan.spec.name == tool
    assert plan.args.get("metric") == "aov" or plan.args.get("metrics") == ["aov"]


@pytest.mark.parametrize("question", ["alert me when the unresolved ticket total tops 15",
                                      "give me a shout if the open ticket count goes over 30",
                                      "what's the outstanding ticket tally at the locksmiths"])
def test_the_open_ticket_count_is_the_open_tickets(rules, question):
    plan = rules.plan(question, "open-" + question)
    assert plan.args.get("metric") == "open_tickets" or plan.args.get("metrics") == ["open_tickets"]


# -- the rules set (paused ones too) against the alerts that went off and nobody handled -----------
@pytest.mark.parametrize("question", ["every warning you've set for the bakery, the paused ones as well",
                                      "show me the alerts incl. the switched-off ones",
                                      "which alarms have we got, muted ones too"])
def test_paused_ones_too_lists_the_rules(rules, question):
    assert_plans(rules, question, "list_alert_rules", key="paused-" + question)


@pytest.mark.parametrize("question", ["any alarms still ringing that nobody has dealt with?",
                                      "alerts at the car wash no one has looked at yet",
                                      "are there alarms beeping away on the numbers"])
def test_alarms_nobody_handled_are_the_open_alerts(rules, question):
    assert_plans(rules, question, "open_alerts", key="ringing-" + question)


# -- "the fall in sales" is a drop, not autumn; "is one town to blame" the groups that moved --------
@pytest.mark.parametrize(("question", "metric", "by"), [
    ("is one channel to blame for the fall in sales this month at the print shop", "revenue", "channel"),
    ("was a single segment behind the dip in bookings last week", "orders", "segment"),
    ("is one town responsible for the drop in orders this week, the bakery", "orders", "city"),
])
def test_one_group_suspected_of_a_change_is_the_movers(rules, question, metric, by):
    assert_plans(rules, question, "movers", key="blame-" + question, metric=metric, by=by)


@pytest.mark.parametrize("question", ["any reason for the fall in orders at the deli",
                                      "what's the explanation for the fall off in bookings",
                                      "which channel is behind the drop, or rather, for the fall in takings"])
def test_the_fall_in_a_kpi_is_not_the_autumn(rules, question):
    plan = rules.plan(question, "fall-" + question)
    assert plan.args.get("period") != {"start": "2026-09-01", "end": "2026-11-15"}


def test_over_the_fall_is_still_the_autumn(rules):
    plan = rules.plan("orders over the fall at the cider farm", "fall-season")
    assert plan.args.get("period") == {"start": "2026-09-01", "end": "2026-11-15"}


# -- "how did Q2 go": that period's headline numbers; "how do Saturdays compare with Sundays": the week's days
@pytest.mark.parametrize(("question", "period"), [
    ("how did Q2 go for the cattery", {"start": "2026-04-01", "end": "2026-06-30"}),
    ("right, how did last week go", {"name": "last_week"}),
    ("how was October for us at the barbers", {"start": "2026-10-01", "end": "2026-10-31"}),
])
def test_how_did_a_period_go_is_its_headline_numbers(rules, question, period):
    assert_plans(rules, question, "kpis", key="go-" + question, period=period)


@pytest.mark.parametrize("question", ["how does Saturday trade compare with Sunday at the market stall",
                                      "how do fridays compare to saturdays for bookings"])
def test_one_weekday_compared_with_another_is_the_week_pattern(rules, question):
    assert_plans(rules, question, "time_pattern", key="dayvs-" + question, by="weekday")


# -- the wait for a reply is the first response time ----------------------------------------------
@pytest.mark.parametrize(("question", "tool"), [
    ("how long do people wait for a reply from the letting agency on average", "kpis"),
    ("how long are tenants waiting for an answer to their emails these days", "kpis"),
    ("give me a shout if clients wait more than 24 hours for a call back", "create_alert_rule"),
])
def test_the_wait_for_a_reply_is_the_first_response_time(rules, question, tool):
    plan = rules.plan(question, "wait-" + question)
    assert plan.spec.name == tool
    assert plan.args.get("metric") == "first_response_time" or plan.args.get("metrics") == ["first_response_time"]


# -- "as a trend please" after a KPI: that KPI over that period, as a series -----------------------
@pytest.mark.parametrize(("first", "follow_up", "metric", "period"), [
    ("satisfaction score at the opticians last month", "as a trend please", "csat", {"name": "last_month"}),
    ("average order value in October", "can you show it as a graph", "aov", {"start": "2026-10-01", "end": "2026-10-31"}),
    ("takings this year for the tearoom", "ok, as a line chart", "revenue", {"name": "this_year"}),
])
def test_as_a_trend_after_a_kpi_draws_that_kpi(rules, first, follow_up, metric, period):
    key = "asatrend-" + first
    rules.remember(key, rules.plan(first, key))
    assert_plans(rules, follow_up, "trend", key=key, metric=metric, period=period)


# -- the journey in other words: "what steps lead up to ...", "where in the booking process ..." ---
@pytest.mark.parametrize("question", ["which steps usually lead to a booking at the escape room",
                                      "what steps lead shoppers into the checkout on the wool site",
                                      "what steps lead up to someone recommending us to their mates"])
def test_steps_leading_to_a_goal_are_the_paths(rules, question):
    assert_plans(rules, question, "paths", key="lead-" + question)


@pytest.mark.parametrize("question", ["where in the booking process do we lose people at the driving school",
                                      "where along the way do shoppers give up on the candle site",
                                      "where during checkout are customers bailing"])
def test_where_in_the_process_people_leave_is_the_dropoffs(rules, question):
    assert_plans(rules, question, "dropoffs", key="where-" + question)


# -- personas asked as customer types or the typical customer ------------------------------------
@pytest.mark.parametrize(("question", "segments"), [
    ("draw up 4 customer types from the data for the bakery", 4),
    ("who are our typical clients at the beauty salon", None),
    ("describe our usual customer at the surf shop", None),
])
def test_customer_types_and_the_typical_customer_draft_personas(rules, question, segments):
    assert_plans(rules, question, "draft_personas", key="types-" + question, segments=segments)


# -- customers who have not been back in ages; the best selling day of the week --------------------
@pytest.mark.parametrize("question", ["which customers haven't ordered in ages from the butchers",
                                      "clients who haven't booked in months at the nail bar",
                                      "regulars that have not been in for a while"])
def test_not_back_in_ages_is_at_risk(rules, question):
    assert_plans(rules, question, "at_risk_customers", key="ages-" + question)


@pytest.mark.parametrize("question", ["wetin be our best selling day", "what's our best trading day at the market",
                                      "our worst sales day, which one is it"])
def test_the_best_selling_day_is_the_week_pattern(rules, question):
    assert_plans(rules, question, "time_pattern", key="sellday-" + question, by="weekday")


# -- the biggest spenders are the top customers by value; at risk when risk is asked ----------------
@pytest.mark.parametrize("question", ["who are my biggest spenders at the wine shop",
                                      "which clients have spent the most with us ever",
                                      "list our top spenders, the gift shop"])
def test_the_biggest_spenders_are_the_top_customers_by_value(rules, question):
    assert_plans(rules, question, "customer_lifetime_value", key="spenders-" + question)


def test_biggest_spenders_at_risk_stay_the_risk_list(rules):
    assert_plans(rules, "show our biggest spenders who might leave the gym", "at_risk_customers", key="spenders-risk")
