"""Readings added in phase AB (lane g-probe26b) by class, from probe26b's and blind25's misses of
compares, periods and the tools that change things, on phrasings written for this round in other
trades (rules only: the `rules` fixture of tests/planner_fixtures.py, no reading by meaning)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


def _thread(rules, key, *questions):
    """Ask each question in one conversation, as the bank does; the last one's plan."""
    for question in questions:
        plan = rules.plan(question, key)
        rules.remember(key, plan)
    return plan


@pytest.mark.parametrize(("question", "which"), [
    ("pottery card 3's the keeper, save it", 3),
    ("card four is a real keeper - store it", 4),
    ("bike shop card two, hang on to that one", 2),
    ("card 1 - that's the one we keep", 1),
])
def test_a_numbered_card_named_first_then_kept_in_words_is_saved(rules, question, which):
    plan = _thread(rules, "r26b-keep-" + question, "draft 4 personas for the bike shop", question)
    assert plan.spec is not None and plan.spec.name == "save_persona" and plan.args.get("which") == which, plan.args


@pytest.mark.parametrize("question", [
    "florist cards, store the whole set",
    "file away the full set of them",
    "ok, bank the whole lot",
])
def test_every_card_said_as_a_set_is_saved_all(rules, question):
    plan = _thread(rules, "r26b-set-" + question, "draft 3 personas for the florist", question)
    assert plan.spec is not None and plan.spec.name == "save_persona" and plan.args.get("all") is True, plan.args


@pytest.mark.parametrize(("question", "which"), [
    ("cafe card 2 - remove its pain point", [2]),
    ("card 4: drop its pain point please", [4]),
])
def test_its_pain_point_taken_off_a_numbered_card(rules, question, which):
    plan = _thread(rules, "r26b-pain-" + question, "draft 4 personas for the cafe", question)
    assert plan.spec is not None and plan.spec.name == "edit_persona", plan.args
    assert plan.args.get("action") == "remove_pain_point" and plan.args.get("which") == which, plan.args


@pytest.mark.parametrize(("follow_up", "start", "end"), [
    ("and the week just before that?", "2026-10-26", "2026-11-01"),
    ("ok, the week previous to that", "2026-10-26", "2026-11-01"),
    ("what about the week preceding that", "2026-10-26", "2026-11-01"),
])
def test_a_step_back_said_with_just_previous_or_preceding(rules, follow_up, start, end):
    plan = _thread(rules, "r26b-back-" + follow_up, "how many haircuts last week", follow_up)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.args
    assert plan.args.get("period") == {"start": start, "end": end} and plan.args.get("metrics") == ["orders"], plan.args


def test_a_compare_stepped_back_moves_whole_not_against_itself(rules):
    plan = _thread(rules, "r26b-cmp-back", "tyre fittings last week against the week before",
                   "and the week before that one?")
    assert plan.spec is not None and plan.spec.name == "compare", plan.args
    assert plan.args.get("period") == {"start": "2026-10-26", "end": "2026-11-01"}, plan.args
    assert plan.args.get("against") in (None, {"start": "2026-10-19", "end": "2026-10-25"}), plan.args


@pytest.mark.parametrize(("first", "follow_up", "period", "against"), [
    ("compare tyre fittings in october and september", "put september first and october second",
     ("2026-09-01", "2026-09-30"), ("2026-10-01", "2026-10-31")),
    ("compare kennel bookings in august and september", "now have the september bookings first",
     ("2026-09-01", "2026-09-30"), ("2026-08-01", "2026-08-31")),
])
def test_the_month_said_to_go_first_swaps_a_compare(rules, first, follow_up, period, against):
    plan = _thread(rules, "r26b-first-" + follow_up, first, follow_up)
    assert plan.spec is not None and plan.spec.name == "compare", plan.args
    assert plan.args.get("period") == {"start": period[0], "end": period[1]}, plan.args
    assert plan.args.get("against") == {"start": against[0], "end": against[1]}, plan.args


@pytest.mark.parametrize(("question", "period", "against"), [
    ("tyre fittings sep 7 to 13 against aug 31 to sep 6", ("2026-09-07", "2026-09-13"), ("2026-08-31", "2026-09-06")),
    ("kennel bookings october 5th-11th vs september 28th to october 4th", ("2026-10-05", "2026-10-11"),
     ("2026-09-28", "2026-10-04")),
])
def test_two_stretches_of_days_said_month_first_are_compared_whole(rules, question, period, against):
    assert_plans(rules, question, "compare", period={"start": period[0], "end": period[1]},
                 against={"start": against[0], "end": against[1]})


@pytest.mark.parametrize(("question", "period", "against"), [
    ("haircuts from the 5th to the 12th of october versus the same days of august",
     ("2026-10-05", "2026-10-12"), ("2026-08-05", "2026-08-12")),
    ("kennel takings 3-10 november against the same dates in october", ("2026-11-03", "2026-11-10"),
     ("2026-10-03", "2026-10-10")),
])
def test_a_stretch_of_days_against_the_same_days_of_a_month_named(rules, question, period, against):
    assert_plans(rules, question, "compare", period={"start": period[0], "end": period[1]},
                 against={"start": against[0], "end": against[1]})


@pytest.mark.parametrize(("question", "per"), [
    ("ping me if one of the first channels starts bringing heaps more new visitors", "channel"),
    ("kennels: if a single channel starts sending way more first-time visitors, give me a shout", "channel"),
])
def test_a_channel_sending_way_more_is_an_unusual_rise_per_channel(rules, question, per):
    assert_plans(rules, question, "create_alert_rule", metric="new_visitors", condition="unusual", direction="up", per=per)


@pytest.mark.parametrize("question", [
    "tyre centre: reply to the two-star review on facebook for me",
    "respond to that angry comment on our instagram post",
    "pull the nasty reviews about the haircuts off the website",
    "write a short poem about our sourdough for the chalkboard",
    "kennels - write back to the complaint email from mrs jones",
])
def test_a_reply_a_post_taken_down_or_a_poem_is_no_tool(rules, question):
    assert_plans(rules, question, None)


@pytest.mark.parametrize(("question", "tool"), [
    ("which reviews mention the slow replies", "feedback_search"),
    ("tyre centre: how many complaints came in last week", "kpis"),
])
def test_a_question_about_replies_or_a_heading_is_still_read(rules, question, tool):
    plan = rules.plan(question, "r26b-still-" + question)
    assert plan.spec is not None and plan.spec.name == tool, plan.args


@pytest.mark.parametrize(("first", "follow_up"), [
    ("how many kayak hires did we do last week", "kayak rentals for the week prior to that one?"),
    ("how many trims did the barber do last week", "the week just before that, how many cuts"),
])
def test_a_step_back_with_the_trades_word_again_keeps_what_was_counted(rules, first, follow_up):
    plan = _thread(rules, "r26b-word-" + follow_up, first, follow_up)
    assert plan.spec is not None and plan.spec.name == "kpis", plan.args
    assert plan.args.get("period") == {"start": "2026-10-26", "end": "2026-11-01"}, plan.args


@pytest.mark.parametrize("question", [
    "barber clients who've drifted away but are worth coaxing back",
    "kennel customers drifting off that are worth wooing back - who",
])
def test_drifted_off_but_worth_coaxing_back_is_the_win_back(rules, question):
    assert_plans(rules, question, "next_best_actions", action="win_back")


@pytest.mark.parametrize("question", [
    "the top 3 routes to ordering a birthday cake online",
    "usual path to hiring a kayak online",
])
def test_a_route_to_buying_online_ends_at_the_order_placed(rules, question):
    assert_plans(rules, question, "paths", goal_touchpoint="order_placed")
