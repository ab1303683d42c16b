"""Readings added in phase O (lane g-tune21b) by class, from blind12's and probe12's misses on
feedback, predictions, alerts, personas, the digest and follow-ups, on phrasings written for this
round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading
by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _plan(rules, question, key=None):
    return rules.plan(question, "t21b-" + (key or question))


def _conversation(rules, questions):
    """Each question in turn in one conversation; the last one's plan."""
    key = "t21b-conv-" + questions[0]
    plan = None
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


# -- feedback ---------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "locksmith: show client words on the call-out fee being too steep",
    "guests' own words about the hot tub being cold",
    "anyone moaning about the new parking charges?",
    "folks whinging about the queue for the bouncy castle",
    "are people griping about the price of the day passes",
    "abeg find wetin customers talk about our jollof",
])
def test_what_was_said_on_a_topic_is_a_search(rules, question):
    assert _plan(rules, question).spec.name == "feedback_search"


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what's got the dog walking clients so fed up this month", "negative"),
    ("what's been getting our gym members riled up lately", "negative"),
    ("what's got the regulars so chuffed at the deli", "positive"),
])
def test_what_has_people_feeling_something_is_the_themes_of_that_side(rules, question, sentiment):
    assert_plans(rules, question, "feedback_themes", sentiment=sentiment)


@pytest.mark.parametrize("question", [
    "what are customers grumbling about after delivery",
    "what do clients moan about once it's installed, this year",
])
def test_feedback_after_the_handover_is_the_post_purchase_stage(rules, question):
    assert_plans(rules, question, "feedback_themes", stage=["post-purchase"])


def test_a_satisfaction_score_band_filters_the_search(rules):
    plan = _plan(rules, "what did the diners who gave a 4 or 5 satisfaction score write")
    assert plan.spec.name == "feedback_search"
    assert (plan.args.get("min_csat"), plan.args.get("max_csat")) == (4, 5)


# -- predictions ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "regulars who've slowed right down at the barber's",
    "members now coming at half their normal rhythm",
    "clients booking at a third of their usual rate",
])
def test_people_below_their_own_pace_are_the_lapsing_ones(rules, question):
    assert_plans(rules, question, "at_risk_customers", tier="lapsing")


def test_looking_like_leaving_in_the_ing_form_is_at_risk(rules):
    assert_plans(rules, "any facebook clients who look like they're quitting on the gym", "at_risk_customers",
                 filters={"channel": ["facebook"]})


def test_the_last_saved_scoring_is_the_previous_scoring(rules):
    assert_plans(rules, "versus the most recent saved scoring, which patients newly look set to leave", "newly_at_risk",
                 since="previous_scoring")


@pytest.mark.parametrize(("question", "days"), [
    ("what's a pupil worth to the driving school, covering the next three years", 1095),
    ("average member value including the next two years", 730),
])
def test_a_horizon_said_with_including_or_covering(rules, question, days):
    assert_plans(rules, question, "customer_lifetime_value", horizon_days=days)


@pytest.mark.parametrize("question", [
    "typical client value for the bookkeeping firm, spent to date plus what's expected",
    "mean and median patient value please",
])
def test_spend_so_far_plus_to_come_is_lifetime_value(rules, question):
    assert _plan(rules, question).spec.name == "customer_lifetime_value"


@pytest.mark.parametrize("question", [
    "solicitor: enquirers who've never instructed us, who's most likely to",
    "kitchen fitter: people who asked for a quote but never commissioned us, which are likeliest",
    "roofers who asked about a survey but never hired, which of them look ready to go ahead",
])
def test_prospects_said_in_the_trades_words(rules, question):
    assert_plans(rules, question, "purchase_propensity", who="prospects")


# -- alerts, personas, digest -----------------------------------------------------------------

@pytest.mark.parametrize(("question", "metric", "condition", "value", "window"), [
    ("tyre fitter: flag a 20% rise in average job value over four weeks", "aov", "rises_by", 20, 28),
    ("warn me about a 10 percent drop in bookings week on week", "orders", "drops_by", 10, 7),
    ("flag a 25% fall in takings over a month", "revenue", "drops_by", 25, 28),
])
def test_a_move_named_after_its_share_is_a_threshold_rule(rules, question, metric, condition, value, window):
    plan = _plan(rules, question)
    assert plan.spec.name == "create_alert_rule"
    assert (plan.args["metric"], plan.args["condition"], plan.args["value"], plan.args.get("window_days")) == \
        (metric, condition, value, window)


def test_open_alerts_said_with_that_are_and_the_resolved_ones(rules):
    plan = _plan(rules, "list the alarms that are open and any that got resolved recently")
    assert plan.spec.name == "open_alerts"
    assert plan.args.get("include_resolved") is True


@pytest.mark.parametrize("question", [
    "which client profiles were saved before",
    "which shopper profiles are currently kept",
])
def test_profiles_that_are_stored_is_the_list(rules, question):
    assert _plan(rules, question).spec.name == "list_personas"


@pytest.mark.parametrize("question", [
    "a brief snapshot, how's trade",
    "how are things? a quick summary please",
])
def test_an_overview_beside_how_are_we_doing_is_the_digest(rules, question):
    assert _plan(rules, question).spec.name == "digest"


# -- follow-ups -------------------------------------------------------------------------------

def test_the_same_rule_again_for_another_kpi(rules):
    plan = _conversation(rules, ["let me know when lesson bookings drop 15% on the week before",
                                 "do one for takings too"])
    assert plan.spec.name == "create_alert_rule"
    assert (plan.args["metric"], plan.args["condition"], plan.args["value"], plan.args["window_days"]) == \
        ("revenue", "drops_by", 15, 7)


def test_same_split_named_by_its_group_for_another_period(rules):
    plan = _conversation(rules, ["booking funnel for the climbing wall this month",
                                 "now split those steps by channel",
                                 "same channel breakdown for last month please"])
    assert plan.spec.name == "funnel"
    assert plan.args.get("by") == "channel" and plan.args.get("period") == {"name": "last_month"}


@pytest.mark.parametrize(("follow_up", "by"), [("by week instead", "week"), ("monthly instead", "month")])
def test_a_feelings_split_changed_to_a_grain(rules, follow_up, by):
    plan = _conversation(rules, ["how do diners feel at each touchpoint of the supper club", follow_up])
    assert plan.spec.name == "feedback_sentiment"
    assert plan.args.get("by") == by


@pytest.mark.parametrize("follow_up", ["list them one per line", "name them individually"])
def test_the_actions_listed_person_by_person(rules, follow_up):
    plan = _conversation(rules, ["what should I do next with the osteopathy patients", follow_up])
    assert plan.spec.name == "next_best_actions"
    assert plan.args.get("level") == "customers"


def test_prospects_added_to_a_customers_likelihood_is_everyone(rules):
    plan = _conversation(rules, ["which past clients of the sign writer will probably order again",
                                 "add the ones who haven't ordered yet as well"])
    assert plan.spec.name == "purchase_propensity"
    assert plan.args.get("who") == "everyone"


def test_a_monthly_series_over_the_year(rules):
    plan = _conversation(rules, ["lessons booked week by week, past 3 months", "and monthly over the year instead"])
    assert plan.spec.name == "trend"
    assert plan.args.get("grain") == "month" and plan.args.get("period") == {"name": "this_year"}


def test_keeping_every_one_of_the_cards_saves_them_all(rules):
    plan = _conversation(rules, ["make 3 personas from the ice rink's customers", "keep each of those cards"])
    assert plan.spec.name == "save_persona"
    assert plan.args.get("all") is True



def test_customers_added_to_a_prospects_likelihood_is_everyone(rules):
    plan = _conversation(rules, ["which enquirers are closest to booking a first guided walk",
                                 "and existing clients as well"])
    assert plan.spec.name == "purchase_propensity"
    assert plan.args.get("who") == "everyone"
