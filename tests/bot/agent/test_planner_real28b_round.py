"""Lane real28b's planner round, by class, in other trades' words than the brief's (rules only:
the `rules` fixture of tests/planner_fixtures.py, the banks' sample).

- The reviews said bad as a whole ("what share of reviews are negative", "how many ratings were
  poor") are the share of 1-2 stars (low_review_share), where the answers are scored; the good
  end stays CSAT (bot/agent/kpi_low_ratings.py).
"""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize("question", [
    "hotel: what percentage of our reviews were negative last month",
    "dentist: how many of the patient ratings came out poor this year",
    "cafe: what fraction of the google reviews are bad",
    "garage: how many ratings were unfavourable in october",
    "salon: what proportion of our reviews have been critical this quarter",
])
def test_the_reviews_said_bad_as_a_whole_are_the_low_ratings_share(rules, question):
    assert_plans(rules, question, "kpis", metrics=["low_review_share"])


@pytest.mark.parametrize("question", [
    "florist: what share of reviews are positive",
    "how many of the ratings were good last month",
])
def test_the_good_end_stays_csat(rules, question):
    assert_plans(rules, question, "kpis", metrics=["csat"])


@pytest.mark.parametrize(("question", "tool"), [
    ("what are the negative reviews saying about delivery", None),
    ("what percentage of comments are unhappy?", "feedback_sentiment"),
])
def test_what_bad_reviews_say_and_unscored_comments_are_not_the_low_share(rules, question, tool):
    plan = rules.plan(question, "plans-" + question)
    assert "low_review_share" not in (plan.args.get("metrics") or []), plan.args
    if tool:
        assert plan.spec is not None and plan.spec.name == tool, plan.args
