"""Readings added in phase S (lane g-real13) from questions asked of real exports (Olist): a
group ranked by how many customers it has was ranked by revenue, because no KPI was named
(rules only: the `rules` fixture of tests/planner_fixtures.py; phrasings written for this round,
in other trades)."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

from bot.agent.reading import question_for


@pytest.mark.parametrize(("question", "by"), [
    ("dog groomer: which town has the most customers", "city"),
    ("which county do most of our clients come from?", "region"),
    ("physio clinic: what city brought us the fewest patients last quarter", "city"),
    ("which channel gets the most shoppers this month", "channel"),
])
def test_a_group_ranked_by_its_customers_counts_customers_not_revenue(rules, question, by):
    assert_plans(rules, question, "movers", metric="active_customers", by=by, rank="value")


def test_the_question_offered_for_a_ranking_names_its_kpi(rules):
    """An empty period offers the same ranking in another period; for buyers it read "which
    region has the most  2018-07-30 to 2018-08-28?" (no word for the KPI)."""
    args = {"metric": "buyers", "by": "region", "rank": "value", "period": {"start": "2018-07-30", "end": "2018-08-28"}}
    assert "has the most buyers" in question_for("movers", args, rules.by_name["movers"])
