"""Readings added after blind20's score (lane g-ps20) by class, on phrasings written for this
round in other trades (rules only: the `rules` fixture of tests/planner_fixtures.py)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "anything tripping off an alarm at the kiln right now",
    "whats broken, alarm-wise, at the garage",
])
def test_an_alarms_own_verbs_ask_for_the_alerts_raised(rules, question):
    assert_plans(rules, question, "open_alerts", include_resolved=None)


def test_alerts_that_went_off_with_the_resolved_ones(rules):
    assert_plans(rules, "alerts that went off on the grooming side, resolved ones too", "open_alerts", include_resolved=True)


@pytest.mark.parametrize("question", [
    "what client kinds have we saved again",
    "remind me which guest groups we kept",
])
def test_customer_kinds_kept_are_the_saved_personas(rules, question):
    assert_plans(rules, question, "list_personas")


@pytest.mark.parametrize(("question", "which"), [
    ("all of persona 3 for the florist please", 3),
    ("the whole of card three, yoga studio", 3),
])
def test_the_whole_of_a_numbered_card_shows_it(rules, question, which):
    assert_plans(rules, question, "show_persona", which=which)
