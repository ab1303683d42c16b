"""Readings added in phase M (lane g-tune17b) by class, from the tenth blind bank's remaining
misses in feedback, satisfaction, customers, alerts and personas. The phrasings are this lane's
own (other trades and Englishes), not the bank's; each is read by the word rules alone."""

from __future__ import annotations

import pytest

from bot.agent.planner import OfflinePlanner


def _plan(planner: OfflinePlanner, question: str, key: str):
    plan = planner.plan(question, key)
    planner.remember(key, plan)
    return plan


# -- a topic named after where or when people wrote is a search, not the themes ---------------------

@pytest.mark.parametrize(("question", "query"), [
    ("what have clients written in their reviews about the waiting room", "waiting room"),
    ("what did guests say in the surveys regarding breakfast", "breakfast"),
    ("what did punters say last month about the new pies", "new pies"),
])
def test_a_topic_after_the_source_is_searched(rules: OfflinePlanner, question: str, query: str) -> None:
    plan = _plan(rules, question, "topic-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert query in plan.args.get("query", ""), plan.args


@pytest.mark.parametrize("question", [
    "what did people say in the support tickets",
    "what are customers saying in the reviews about us",
    "what have guests been saying over the last month",
])
def test_no_topic_is_still_the_themes(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "notopic-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec


@pytest.mark.parametrize(("question", "query"), [
    ("anything about the evening bookings last month?", "evening bookings"),
    ("anything about the weekend deliveries this month", "weekend deliveries"),
    ("anything about the boiler repairs since august?", "boiler repairs"),
])
def test_anything_about_things_of_one_kind_is_searched(rules: OfflinePlanner, question: str, query: str) -> None:
    plan = _plan(rules, question, "kind-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert query in plan.args.get("query", ""), plan.args


@pytest.mark.parametrize("question", ["anything about revenue I should know?", "anything about the total orders last month?"])
def test_anything_about_a_kpi_is_still_the_kpi(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "kpi-" + question)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec


# -- what a business gets blamed (or praised) for, and what everyone is talking about: the themes ---

@pytest.mark.parametrize(("question", "sentiment"), [
    ("what's the salon getting stick for lately", "negative"),
    ("what do customers give us grief over", "negative"),
    ("what do people have a go at us for", "negative"),
    ("what's the garage being praised for?", "positive"),
    ("what do clients give us kudos for", "positive"),
])
def test_blamed_or_praised_for_is_the_themes(rules: OfflinePlanner, question: str, sentiment: str) -> None:
    plan = _plan(rules, question, "blamed-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec
    assert plan.args.get("sentiment") == sentiment, plan.args


def test_the_good_stuff_after_the_blame_is_the_praise(rules: OfflinePlanner) -> None:
    _plan(rules, "what's the barbers getting slated for this month?", "blame-then-praise")
    plan = _plan(rules, "and the good stuff?", "blame-then-praise")
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec
    assert plan.args.get("sentiment") == "positive" and plan.args.get("period") == {"name": "this_month"}, plan.args


@pytest.mark.parametrize(("question", "source"), [
    ("what's everyone talking about in the tickets?", "ticket"),
    ("whats everybody chatting about in the reviews this month", None),
    ("what's everyone talking about?", None),
])
def test_what_everyone_talks_about_is_the_themes(rules: OfflinePlanner, question: str, source: str | None) -> None:
    plan = _plan(rules, question, "talk-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec
    if source:
        assert plan.args.get("source") == [source], plan.args


# -- the feeling of what people write, souring or felt, over time or at each step -------------------

@pytest.mark.parametrize(("question", "by"), [
    ("are the comments turning sour month on month", "month"),
    ("is customer feedback going downhill week by week?", "week"),
    ("is the feedback getting nastier week on week", "week"),
    ("how did the punters feel day by day last week", "day"),
    ("how clients felt at each touchpoint", "touchpoint"),
    ("how upbeat are our customers at each touchpoint", "touchpoint"),
    ("how cheerful are patients at each stage", "stage"),
])
def test_the_feeling_over_time_or_by_step_is_sentiment(rules: OfflinePlanner, question: str, by: str) -> None:
    plan = _plan(rules, question, "felt-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_sentiment", plan.spec
    assert plan.args.get("by") == by, plan.args


def test_a_kpi_going_downhill_is_still_its_trend(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "is revenue going downhill week by week", "kpi-downhill")
    assert plan.spec is not None and plan.spec.name == "trend", plan.spec


# -- satisfaction across groups: lateness said as a noun, and the tone asked next ---------------------

@pytest.mark.parametrize(("question", "measure"), [
    ("does tardiness hurt our review scores?", "review_score"),
    ("do overdue jobs get worse ratings?", "review_score"),
    ("are customers less satisfied when the van is behind schedule", "csat"),
])
def test_lateness_in_other_words_splits_by_delivery(rules: OfflinePlanner, question: str, measure: str) -> None:
    plan = _plan(rules, question, "late-" + question)
    assert plan.spec is not None and plan.spec.name == "satisfaction_by", plan.spec
    assert plan.args.get("by") == "delivery" and plan.args.get("measure") == measure, plan.args


@pytest.mark.parametrize(("first", "follow", "by"), [
    ("which segment would most likely recommend us", "what about the tone of their comments", "segment"),
    ("do late parcels get worse ratings?", "and the mood of what they write?", "delivery"),
    ("nps by first-touch channel", "how about sentiment?", "channel"),
])
def test_the_tone_after_a_measure_by_group_keeps_the_groups(rules: OfflinePlanner, first: str, follow: str,
                                                            by: str) -> None:
    key = "tone-" + first
    _plan(rules, first, key)
    plan = _plan(rules, follow, key)
    assert plan.spec is not None and plan.spec.name == "satisfaction_by", plan.spec
    assert plan.args.get("measure") == "sentiment" and plan.args.get("by") == by, plan.args


# -- the at-risk list again, in the order of spend, said as a past participle or by who leads ---------

@pytest.mark.parametrize(("first", "follow"), [
    ("which members might cancel", "ordered by how much they're worth"),
    ("which patients look unlikely to return", "biggest spenders first please"),
    ("clients at high or medium risk of leaving", "ranked by what they spend"),
])
def test_the_at_risk_list_sorted_by_spend(rules: OfflinePlanner, first: str, follow: str) -> None:
    key = "sorted-" + first
    before = _plan(rules, first, key)
    plan = _plan(rules, follow, key)
    assert plan.spec is not None and plan.spec.name == "at_risk_customers", plan.spec
    assert plan.args.get("sort_by") == "value", plan.args
    assert plan.args.get("tier") == before.args.get("tier"), plan.args


# -- buyers to come, counted; leads becoming the trade's own sale; the N hottest ----------------------

@pytest.mark.parametrize(("question", "args"), [
    ("about how many clients will buy from us in the coming month", {}),
    ("roughly how many paying guests should we expect over the next few weeks", {}),
    ("which quote requests look set to convert into a job", {"who": "prospects"}),
    ("which leads are likely to become a booking", {"who": "prospects"}),
    ("any enquiries set to turn into a kitchen refit?", {"who": "prospects"}),
    ("our 10 hottest prospects", {"limit": 10, "who": "prospects"}),
    ("our twelve keenest enquirers", {"limit": 12, "who": "prospects"}),
])
def test_buyers_to_come_are_the_purchase_propensity(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "prop-" + question)
    assert plan.spec is not None and plan.spec.name == "purchase_propensity", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


def test_money_to_come_is_still_the_revenue_forecast(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "how much revenue can we expect in the next few weeks", "money-to-come")
    assert plan.spec is not None and plan.spec.name == "revenue_forecast", plan.spec


def test_the_n_riskiest_are_the_at_risk_list(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "our 20 riskiest clients", "riskiest")
    assert plan.spec is not None and plan.spec.name == "at_risk_customers", plan.spec
    assert plan.args.get("limit") == 20, plan.args


# -- the next best actions said as the gesture, the next move, or the wrong put right ------------------

@pytest.mark.parametrize(("question", "action"), [
    ("which lapsed members should get a nudge to come back", "win_back"),
    ("who should we send a come-back offer to", "win_back"),
    ("which guests had a bad experience and need us to put it right", "service_recovery"),
    ("patients we let down who we should make amends with", "service_recovery"),
    ("gym regulars who've earned a proper thank-you", "reward_loyal"),
    ("the loyal regulars, what's our next move with them", None),
    ("what should we be doing next for each client", None),
])
def test_gestures_and_next_moves_are_the_next_best_actions(rules: OfflinePlanner, question: str,
                                                           action: str | None) -> None:
    plan = _plan(rules, question, "nba-" + question)
    assert plan.spec is not None and plan.spec.name == "next_best_actions", plan.spec
    assert plan.args.get("action") == action, plan.args


def test_a_share_or_better_chance_to_book_is_the_propensity_floor(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "clients with an 80 percent or better chance to book", "chance-to-book")
    assert plan.spec is not None and plan.spec.name == "purchase_propensity", plan.spec
    assert plan.args.get("min_probability") == 0.8, plan.args


# -- a customer group as the heading of the question ("comedy club vips: ...") is its filter ----------

@pytest.mark.parametrize(("question", "tool"), [
    ("karaoke bar vips: what's the best next move with them", "next_best_actions"),
    ("vips - who might leave us?", "at_risk_customers"),
    ("the newsletter subscribers: who's likely to buy soon", "purchase_propensity"),
])
def test_a_group_as_the_heading_filters(rules: OfflinePlanner, question: str, tool: str) -> None:
    plan = _plan(rules, question, "heading-" + question)
    assert plan.spec is not None and plan.spec.name == tool, plan.spec
    assert plan.args.get("filters", {}).get("segment"), plan.args


# -- alerts: sent once something happens, quiet days, set up (never a change), how a rule compares ----

@pytest.mark.parametrize(("question", "args"), [
    ("fire off a warning if bookings drop below 20 in a day", {"metric": "orders", "condition": "below", "value": 20}),
    ("let me know once the refund rate goes above 5%", {"metric": "refund_rate", "condition": "above", "value": 5}),
    ("tell me if we have a dead day for bookings", {"metric": "orders", "condition": "unusual", "direction": "down"}),
    ("warn me if sessions have a strangely busy day", {"metric": "sessions", "condition": "unusual", "direction": "up"}),
    ("set up a low priority alert if the bounce rate goes above 60%",
     {"metric": "bounce_rate", "condition": "above", "value": 60, "severity": "low"}),
    ("create an urgent alarm for when bookings drop below 10 a day",
     {"metric": "orders", "condition": "below", "value": 10, "severity": "high"}),
])
def test_new_alert_rules_said_other_ways(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "alert-" + question)
    assert plan.spec is not None and plan.spec.name == "create_alert_rule", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


@pytest.mark.parametrize(("question", "window"), [
    ("the bookings alarm should look month on month rather than weekly", 28),
    ("the csat alert should compare daily, not week by week", 1),
    ("our revenue alert should go by week by week instead of day by day", 7),
])
def test_how_a_rule_should_compare_is_its_window(rules: OfflinePlanner, question: str, window: int) -> None:
    plan = _plan(rules, question, "window-" + question)
    assert plan.spec is not None and plan.spec.name == "change_alert_rule", plan.spec
    assert plan.args.get("window_days") == window, plan.args


def test_setting_an_existing_rule_is_still_a_change(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "make the orders alarm high priority", "alarm-change")
    assert plan.spec is not None and plan.spec.name == "change_alert_rule", plan.spec
    assert plan.args.get("severity") == "high", plan.args


@pytest.mark.parametrize("question", ["alarms which still haven't gone away", "alerts still not cleared",
                                      "beauty salon alerts that haven't been sorted yet"])
def test_alerts_not_yet_cleared_are_the_open_ones(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "open-" + question)
    assert plan.spec is not None and plan.spec.name == "open_alerts", plan.spec
    assert not plan.args.get("include_resolved"), plan.args


# -- persona cards: trimmed down to a group, kept after a change of mind, a name asked for -----------

@pytest.mark.parametrize(("question", "which", "focus"), [
    ("cut the second one down to just the weekday lunch crowd", [2], {"weekday", "lunchtime"}),
    ("whittle the first persona down to online buyers", [1], {"online"}),
    ("trim the final card down to people who book at weekends", [-1], {"weekend"}),
])
def test_a_card_trimmed_down_is_narrowed(rules: OfflinePlanner, question: str, which: list[int], focus: set[str]) -> None:
    key = "trim-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "edit_persona", plan.spec
    assert plan.args.get("action") == "narrow" and plan.args.get("which") == which, plan.args
    assert focus <= set(plan.args.get("focus", [])), plan.args


@pytest.mark.parametrize("question", ["on second thoughts, keep them all", "you know what, save the lot",
                                      "come to think of it, store every card"])
def test_saving_every_card_after_a_change_of_mind(rules: OfflinePlanner, question: str) -> None:
    key = "save-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "save_persona", plan.spec
    assert plan.args.get("all") is True, plan.args


@pytest.mark.parametrize(("question", "which"), [
    ("what would you call the third card?", [3]),
    ("what should we name the last one", [-1]),
    ("what shall we call the first persona", [1]),
])
def test_a_name_asked_for_is_a_rename_without_one(rules: OfflinePlanner, question: str, which: list[int]) -> None:
    key = "name-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "edit_persona", plan.spec
    assert plan.args.get("action") == "rename" and plan.args.get("which") == which, plan.args
    assert "text" not in plan.args, plan.args


def test_a_name_given_is_still_the_new_name(rules: OfflinePlanner) -> None:
    key = "name-given"
    _plan(rules, "draft personas", key)
    plan = _plan(rules, "name the first one Brunch Ben", key)
    assert plan.args.get("action") == "rename" and plan.args.get("text") == "Brunch Ben", plan.args


def test_profiling_customer_types_drafts_personas(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "could u profile our client types", "profile-types")
    assert plan.spec is not None and plan.spec.name == "draft_personas", plan.spec


# -- newly at risk, the trade's own people named ------------------------------------------------------

@pytest.mark.parametrize(("question", "days"), [
    ("fresh at-risk dog owners vs 3 weeks back", 21),
    ("new high risk tyre customers compared to 3 weeks ago", 21),
    ("new high-risk golfers compared with 3 weeks ago", 21),
    ("latest risky gym goers since a fortnight ago", 14),
])
def test_new_high_risk_people_of_any_trade_are_newly_at_risk(rules: OfflinePlanner, question: str, days: int) -> None:
    plan = _plan(rules, question, "newly-" + question)
    assert plan.spec is not None and plan.spec.name == "newly_at_risk", plan.spec
    assert plan.args.get("days") == days, plan.args


@pytest.mark.parametrize("question", ["which segment is happiest with us", "which of our crm segments is the happiest"])
def test_the_happiest_group_is_satisfaction_by_group(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "happiest-" + question)
    assert plan.spec is not None and plan.spec.name == "satisfaction_by", plan.spec  # was each segment's revenue
    assert plan.args.get("by") == "segment", plan.args


# -- customers in other words: chased back, on the cusp of buying, wavering ---------------------------

@pytest.mark.parametrize(("question", "tool"), [
    ("who should we be chasing to come back", "next_best_actions"),
    ("which lapsed clients should we chivvy into rebooking", "next_best_actions"),
    ("which punters are gagging to buy", "purchase_propensity"),
    ("who's on the cusp of booking", "purchase_propensity"),
    ("which leads are closest to signing", "purchase_propensity"),
    ("which customers will probably come back soon", "purchase_propensity"),
    ("which members are wavering", "at_risk_customers"),
    ("subscribers on the fence about renewing", "at_risk_customers"),
])
def test_customers_said_in_other_words(rules: OfflinePlanner, question: str, tool: str) -> None:
    plan = _plan(rules, question, "cust-" + question)
    assert plan.spec is not None and plan.spec.name == tool, plan.spec


@pytest.mark.parametrize(("question", "args"), [
    ("kindly save all the cards", {"all": True}),
    ("okay, hold on to all of them", {"all": True}),
    ("can we keep just the first card", {"which": 1}),
    ("hang onto the second one", {"which": 2}),
])
def test_keeping_cards_in_other_words_saves_them(rules: OfflinePlanner, question: str, args: dict) -> None:
    key = "keep-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "save_persona", plan.spec
    assert plan.args == args, plan.args


def test_holding_on_to_a_thought_saves_nothing(rules: OfflinePlanner) -> None:
    key = "thought"
    _plan(rules, "draft personas", key)
    plan = _plan(rules, "hold on to that thought, what was revenue last week", key)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec


@pytest.mark.parametrize(("question", "args"), [
    ("make the csat alert look at a month instead of a week", {"window_days": 28}),
    ("i want the aov alarm to compare month on month", {"window_days": 28}),
    ("i'd like the orders alert to only fire below 20", {"condition": "below", "value": 20}),
])
def test_how_the_owner_wants_a_rule_to_work_is_a_change(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "want-" + question)
    assert plan.spec is not None and plan.spec.name == "change_alert_rule", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


@pytest.mark.parametrize(("question", "sentiment"), [
    ("what are we copping flak for at the moment", "negative"),
    ("what do guests slag us off for", "negative"),
    ("what do diners mark us down for", "negative"),
    ("give me a rundown of what people are saying", None),
])
def test_blame_with_its_verb_and_an_overview_of_what_people_say(rules: OfflinePlanner, question: str,
                                                                sentiment: str | None) -> None:
    plan = _plan(rules, question, "blame-verb-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec
    assert plan.args.get("sentiment") == sentiment, plan.args


def test_the_morning_rundown_is_still_the_digest(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "morning rundown please", "rundown")
    assert plan.spec is not None and plan.spec.name == "digest", plan.spec


@pytest.mark.parametrize(("question", "which"), [
    ("keep only the evening shoppers in the last one", [-1]),
    ("keep just the evening shoppers in the second card", [2]),
])
def test_keeping_only_some_people_in_a_card_is_an_edit_not_a_save(rules: OfflinePlanner, question: str,
                                                                   which: list[int]) -> None:
    key = "keep-only-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "edit_persona", plan.spec
    assert plan.args.get("action") == "narrow" and plan.args.get("which") == which, plan.args


@pytest.mark.parametrize(("question", "args"), [
    ("how did our customers feel last week compared to the week before", {"period": {"name": "last_week"}}),
    ("per touchpoint, how cheerful are the comments", {"by": "touchpoint"}),
    ("how glum are clients at the checkout stage", {"stage": ["decision"]}),
])
def test_feelings_compared_or_at_a_step_are_sentiment(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "feel2-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_sentiment", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


def test_a_kpi_compared_is_still_compare(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "revenue last week compared to the week before", "kpi-compared")
    assert plan.spec is not None and plan.spec.name == "compare", plan.spec


@pytest.mark.parametrize(("question", "action"), [
    ("which customers do we need to make it up to", "service_recovery"),
    ("who should we say sorry to", "service_recovery"),
    ("which clients should get a sorry note", "service_recovery"),
    ("who deserves a little something from us", "reward_loyal"),
])
def test_apologies_and_thanks_are_the_next_best_actions(rules: OfflinePlanner, question: str, action: str) -> None:
    plan = _plan(rules, question, "sorry-" + question)
    assert plan.spec is not None and plan.spec.name == "next_best_actions", plan.spec
    assert plan.args.get("action") == action, plan.args


def test_sorry_said_in_passing_is_not_an_action(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "i'm sorry, what was revenue last week", "sorry-passing")
    assert plan.spec is not None and plan.spec.name == "kpis", plan.spec


@pytest.mark.parametrize(("question", "args"), [
    ("give me a buzz if sessions drop below 100 a day", {"metric": "sessions", "condition": "below", "value": 100}),
    ("put an alert on orders dropping below 15 a day", {"metric": "orders", "condition": "below", "value": 15}),
    ("can i get an alert when nps falls under 30", {"metric": "nps", "condition": "below", "value": 30}),
    ("could we have a warning if refunds pass 20", {"metric": "refunded_orders", "condition": "above", "value": 20}),
])
def test_asking_for_an_alert_in_other_words(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "ask-alert-" + question)
    assert plan.spec is not None and plan.spec.name == "create_alert_rule", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


def test_putting_a_rule_on_hold_is_still_a_change(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "put the revenue alert on hold", "on-hold")
    assert plan.spec is not None and plan.spec.name == "change_alert_rule", plan.spec


@pytest.mark.parametrize("question", ["is the vibe different for late orders", "does the tone change for overdue jobs"])
def test_the_tone_of_late_orders_is_sentiment_by_delivery(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "vibe-late-" + question)
    assert plan.spec is not None and plan.spec.name == "satisfaction_by", plan.spec
    assert plan.args.get("measure") == "sentiment" and plan.args.get("by") == "delivery", plan.args


@pytest.mark.parametrize(("question", "args"), [
    ("slim down persona 2 to the online lot", {"action": "narrow", "which": [2]}),
    ("rename card 3 to The Commuter", {"action": "rename", "which": [3], "text": "The Commuter"}),
    ("call card #1 Early Bird", {"action": "rename", "which": [1], "text": "Early Bird"}),
])
def test_a_card_named_by_its_number(rules: OfflinePlanner, question: str, args: dict) -> None:
    key = "card-number-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is not None and plan.spec.name == "edit_persona", plan.spec
    for k, value in args.items():
        assert plan.args.get(k) == value, plan.args


@pytest.mark.parametrize(("question", "sentiment"), [
    ("top 5 things people love about us", "positive"),
    ("stuff guests can't stand about the place", "negative"),
    ("the three things clients like least about our salon", "negative"),
])
def test_things_people_love_or_hate_about_us_are_the_themes(rules: OfflinePlanner, question: str, sentiment: str) -> None:
    plan = _plan(rules, question, "love-hate-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec
    assert plan.args.get("sentiment") == sentiment, plan.args


@pytest.mark.parametrize("question", ["which customers will likely stop coming", "who's likely to jump ship",
                                      "which members will probably cancel"])
def test_leaving_with_an_adverb_is_at_risk(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "adverb-" + question)
    assert plan.spec is not None and plan.spec.name == "at_risk_customers", plan.spec


@pytest.mark.parametrize(("question", "args"), [
    ("create a weekly alert for conversion dropping 15%", {"condition": "drops_by", "value": 15, "window_days": 7}),
    ("set me up an alert for when aov goes over 80", {"metric": "aov", "condition": "above", "value": 80}),
    ("set us up with an alarm for refunds above 5", {"metric": "refunded_orders", "condition": "above", "value": 5}),
])
def test_a_weekly_alert_or_one_set_up_for_me_is_created(rules: OfflinePlanner, question: str, args: dict) -> None:
    plan = _plan(rules, question, "weekly-alert-" + question)
    assert plan.spec is not None and plan.spec.name == "create_alert_rule", plan.spec
    for key, value in args.items():
        assert plan.args.get(key) == value, plan.args


def test_the_weekly_alert_named_is_changed_not_created(rules: OfflinePlanner) -> None:
    plan = _plan(rules, "make the weekly alert high priority", "the-weekly-alert")
    assert plan.spec is not None and plan.spec.name == "change_alert_rule", plan.spec


@pytest.mark.parametrize(("question", "query"), [
    ("what were clients on about in the tickets regarding invoices", "invoices"),
    ("what are folks complaining about in the surveys about the toilets", "toilets"),
    ("what are people banging on about in the reviews about the car park", "car park"),
])
def test_a_topic_after_the_source_beats_the_open_question(rules: OfflinePlanner, question: str, query: str) -> None:
    plan = _plan(rules, question, "src-topic-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_search", plan.spec
    assert query in plan.args.get("query", ""), plan.args


@pytest.mark.parametrize("question", ["themes in the tickets about delivery", "what are people saying in the reviews about us"])
def test_themes_asked_or_about_us_stay_the_themes(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "themes-stay-" + question)
    assert plan.spec is not None and plan.spec.name == "feedback_themes", plan.spec


@pytest.mark.parametrize("question", ["list the unhappy customers we should reach out to",
                                      "the regulars we need to get in touch with"])
def test_the_people_we_should_contact_are_the_next_best_actions(rules: OfflinePlanner, question: str) -> None:
    plan = _plan(rules, question, "contact-" + question)
    assert plan.spec is not None and plan.spec.name == "next_best_actions", plan.spec


@pytest.mark.parametrize("question", ["save everything except the last one", "store all apart from the second card"])
def test_saving_all_but_one_card_is_never_saving_them_all(rules: OfflinePlanner, question: str) -> None:
    key = "all-but-" + question
    _plan(rules, "draft personas", key)
    plan = _plan(rules, question, key)
    assert plan.spec is None or plan.spec.name != "save_persona", plan.args  # the tool saves one card or all
