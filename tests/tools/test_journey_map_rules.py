"""The rules behind the map's colours and opportunities: thresholds, sentences that cite the
numbers, and a writer that may reword but not invent."""

from __future__ import annotations

import dataclasses

import pytest
from journey_map_fixtures import column, hand_map, kpi, transition

from tools.journey_map.build import compare_maps
from tools.journey_map.rules import RULES, evaluate, numbers_in, phrase
from tools.journey_map.types import Emotion, MapSettings, PainPoint

SETTINGS = MapSettings()


def judged(col):
    return evaluate([col], None, SETTINGS)[0]


def test_the_rule_table_says_when_each_rule_fires():
    assert [r.id for r in RULES] == ["conversion_fell", "kpi_worse", "nps_fell", "unhappy", "mood_fell",
                                     "rising_complaint"]
    assert all(r.when and r.unit for r in RULES)


@pytest.mark.parametrize("before, health", [(0.70, "green"), (0.74, "amber"), (0.79, "red")])
def test_conversion_falling_by_5_points_is_amber_and_by_10_red(before, health):
    # 69 of 100 went on (69%): 1, 5 and 10 points below the period before.
    col = judged(column("decision", to_next=transition(2, 100, 69, before)))
    assert col.health == health
    if health != "green":
        f = col.findings[0]
        assert f.rule == "conversion_fell" and f.severity == health
        assert f.text == (f"Conversion from decision to purchase fell from {before * 100:.1f}% to 69.0% "
                          f"({(before - 0.69) * 100:.1f} points; 69 of 100 customers went on).")


def test_conversion_is_not_judged_while_its_window_is_open_or_on_few_customers():
    assert judged(column("decision", to_next=transition(2, 100, 50, 0.9, still_open=True))).health == "green"
    assert judged(column("decision", to_next=transition(2, 29, 10, 0.9))).health == "green"


@pytest.mark.parametrize("value, health", [(0.32, "green"), (0.34, "amber"), (0.38, "red")])
def test_a_kpi_worse_by_10_percent_is_amber_and_by_25_red(value, health):
    col = judged(column("decision", kpis=(kpi("cart_abandonment", "Cart abandonment", value, 0.30, "worse"),)))
    assert col.health == health
    if health == "red":
        assert col.findings[0].text == ("Cart abandonment got worse: 38.0% against 30.0% the period before "
                                        "(+8.0 pp, +27%; n = 200).")
        assert "test order" in col.findings[0].advice


def test_kpis_that_improved_or_rest_on_small_samples_do_not_fire():
    better = kpi("csat", "CSAT (4-5 of 5)", 0.9, 0.5, "better")
    small = kpi("cart_abandonment", "Cart abandonment", 0.9, 0.3, "worse", n=29)
    assert judged(column("post-purchase", kpis=(better, small))).health == "green"


def test_nps_is_judged_in_points():
    col = judged(column("advocacy", kpis=(kpi("nps", "NPS", 10.0, 32.0, "worse"),)))
    assert (col.health, col.findings[0].rule) == ("red", "nps_fell:nps")
    assert col.findings[0].text == "NPS got worse: 10 against 32 the period before (-22 points; n = 200)."
    assert judged(column("advocacy", kpis=(kpi("nps", "NPS", 25.0, 32.0, "worse"),))).health == "green"


@pytest.mark.parametrize("mean, scored, health", [(-0.05, 10, "green"), (-0.10, 10, "amber"), (-0.30, 10, "red"),
                                                  (-0.90, 4, "green")])
def test_negative_feedback_is_amber_from_minus_0_1_and_red_from_minus_0_25(mean, scored, health):
    col = judged(column("post-purchase", emotion=Emotion(mean, None, scored, scored, 0.1, 0.6)))
    assert col.health == health
    if health == "red":
        assert col.findings[0].text == ("Feedback about post-purchase is negative: mean sentiment -0.30 over "
                                        "10 texts, 60% of them negative.")


def test_a_fall_in_sentiment_is_amber_from_0_15_and_red_from_0_3():
    amber = judged(column("purchase", emotion=Emotion(0.2, 0.4, 12, 12, 0.5, 0.1)))
    red = judged(column("purchase", emotion=Emotion(0.05, 0.4, 12, 12, 0.5, 0.1)))
    assert (amber.health, red.health) == ("amber", "red")
    assert red.findings[0].text == ("Customers feel worse about purchase: mean sentiment +0.05 against +0.40 "
                                    "the period before (-0.35, 12 texts).")


def test_new_or_rising_complaints_are_amber_and_red_when_large_and_tripled():
    from journey_map_fixtures import QUOTE

    def pain(size, previous, trend):
        return PainPoint("late / courier", size, -0.5, previous, trend, None, None, QUOTE)

    assert judged(column("post-purchase", pain_points=(pain(4, 0, "new"),))).health == "green"
    assert judged(column("post-purchase", pain_points=(pain(20, 10, "rising"),))).health == "amber"
    assert judged(column("post-purchase", pain_points=(pain(30, 30, "steady"),))).health == "green"
    red = judged(column("post-purchase", pain_points=(pain(15, 5, "rising"),)))
    assert red.health == "red"
    # No customer words in a finding: findings may go to a model to be reworded.
    assert red.findings[0].text == (
        'Complaints about "late / courier" at post-purchase are rising: 15 texts, 5 the period before.')


def test_a_stage_without_numbers_is_grey():
    empty = column("advocacy", active=0, customers=0, touchpoints=(), kpis=(kpi("nps", "NPS", None, None, None, n=0),))
    assert judged(empty).health == "grey"


def test_one_opportunity_per_stage_worst_first_then_the_weakest_step():
    m = hand_map()
    assert [s.health for s in m.stages] == ["green", "green", "red", "green", "green", "green"]
    rules = [f.rule for f in m.stage("decision").findings]
    assert set(rules) == {"conversion_fell", "kpi_worse:cart_abandonment", "unhappy", "mood_fell",
                          "rising_complaint"}
    assert rules[0] == "kpi_worse:cart_abandonment"  # +140%, the furthest past its threshold
    assert [(o.stage, o.severity) for o in m.opportunities] == [("decision", "red"), ("post-purchase", "info")]
    first = m.opportunities[0]
    assert first.text.startswith("Cart abandonment got worse: 72.0% against 30.0%")
    assert first.shown.endswith("Suggestion: " + first.advice + ".")
    assert m.opportunities[1].text == ("The weakest step of the journey is post-purchase to advocacy: 10.0% went "
                                       "on (15 of 150; 135 did not); median time to get there: 12.0 hours.")
    calm = hand_map(checkout_broken=False)
    assert [o.rule for o in calm.opportunities] == ["weakest_step"]


def test_the_writer_may_reword_but_not_bring_in_numbers():
    m = hand_map()
    opps = list(m.opportunities)

    def inventive(texts):
        return ["Cart abandonment doubled to 72.0%, costing about £1,200 a week."] + texts[1:]

    worded, note = phrase(opps, lambda texts: ["Fix checkout: abandonment is 72.0% against 30.0%.",
                                               "Ask happy customers for reviews: only 10.0% go on."])
    assert note is None and worded[0].shown == "Fix checkout: abandonment is 72.0% against 30.0%."
    worded, note = phrase(opps, inventive)
    assert worded[0].phrased is None and worded[0].shown == opps[0].shown  # £1,200 is nobody's number
    assert worded[1].phrased is not None
    assert note == "1 reworded opportunity brought in numbers of their own and were replaced by the rule's sentence"
    worded, note = phrase(opps, lambda texts: texts[:1])
    assert worded == opps and "different number" in note
    worded, note = phrase(opps, lambda texts: 1 / 0)
    assert worded == opps and "ZeroDivisionError" in note
    assert numbers_in("72.0% of 1,200 and -3") == {72.0, 1200.0, 3.0}


def test_differences_between_two_maps_are_highlighted_past_the_thresholds():
    broken, calm = hand_map(), hand_map(checkout_broken=False, first=dt_date(2026, 8, 24))
    c = compare_maps(broken, calm, "this week", "last week")
    by = {(d.stage, d.item): d for d in c.differences}
    assert by[("decision", "health")].verdict == "worse" and by[("decision", "health")].notable
    cart = by[("decision", "Cart abandonment")]
    assert (cart.left, cart.right, cart.change, cart.verdict, cart.notable) == ("72.0%", "31.0%", "+41.0 pp",
                                                                             "worse", True)
    conv = by[("decision", "conversion to purchase")]
    assert (conv.change, conv.verdict, conv.notable) == ("-18.0 pts", "worse", True)
    assert by[("decision", "emotion")].notable and by[("decision", "emotion")].left == "-0.40"
    assert not by[("awareness", "Web sessions")].notable
    assert {d.stage for d in c.notable} == {"decision"}


def test_totals_of_periods_of_different_lengths_are_not_highlighted():
    week = hand_map(checkout_broken=False)
    other = dataclasses.replace(hand_map(checkout_broken=False, days=30, first=dt_date(2026, 8, 1)))
    stages = list(other.stages)
    conversion, _, aov = stages[3].kpis
    stages[3] = dataclasses.replace(stages[3], kpis=(conversion, kpi("orders", "Orders", 2600, 2700, "worse"), aov))
    other = dataclasses.replace(other, stages=tuple(stages))
    orders = next(d for d in compare_maps(week, other, "a", "b").differences if d.item == "Orders")
    assert orders.verdict == "worse" and not orders.notable


def dt_date(y, m, d):
    import datetime as dt

    return dt.date(y, m, d)
