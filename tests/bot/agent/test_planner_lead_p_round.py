"""Comparisons whose second period is named by its unit alone, a current month "so far", and
months spanned with "through" (phase P, the lead, after blind14's one score), on phrasings
written for this round (rules only). The banks' data ends on Sunday 15 November 2026."""

from __future__ import annotations

import pytest
from planner_fixtures import assert_plans

LAST_MONTH = {"name": "last_month"}
SEPTEMBER = {"start": "2026-09-01", "end": "2026-09-30"}
WEEK_BEFORE_LAST = {"start": "2026-10-26", "end": "2026-11-01"}


@pytest.mark.parametrize("question, period, against", [
    # the period named second is kept, as the owner said it (the answer states both)
    ("kennel bookings this month vs last month", {"name": "this_month"}, LAST_MONTH),
    ("bike repair takings this week against last week, up or down", {"name": "this_week"}, {"name": "last_week"}),
    # the unit left unsaid after "vs last"
    ("pottery class refunds this quarter vs last", {"name": "this_quarter"}, {"name": "last_quarter"}),
    ("are we answering emails quicker this month than the last one", {"name": "this_month"}, LAST_MONTH),
    # "the month before", "the week prior": one unit before the first period
    ("florist revenue last month vs the month before", LAST_MONTH, SEPTEMBER),
    ("dog grooming no-shows last week compared with the week prior", {"name": "last_week"}, WEEK_BEFORE_LAST),
])
def test_the_second_period_of_a_comparison_is_kept(rules, question, period, against):
    assert_plans(rules, question, "compare", period=period, against=against)


@pytest.mark.parametrize("question, tool, period", [
    ("bakery orders november so far", "kpis", {"name": "this_month"}),
    ("how's november to date looking for the tattoo studio, revenue", "kpis", {"name": "this_month"}),
    # a past month "so far" is still that month ("October so far" is not asked in November)
    ("garden centre revenue june through august", "kpis", {"start": "2026-06-01", "end": "2026-08-31"}),
    ("surf shop orders july thru september", "kpis", {"start": "2026-07-01", "end": "2026-09-30"}),
])
def test_a_month_so_far_and_months_through_another(rules, question, tool, period):
    assert_plans(rules, question, tool, period=period)


@pytest.mark.parametrize("question", [
    "vet clinic: how is november so far stacking up against october",
    "how's october stacking up against september at the bike shop",
])
def test_stacking_up_against_is_a_comparison(rules, question):
    assert_plans(rules, question, "compare")


def test_months_set_against_each_other_are_not_read_as_a_span(rules):
    """A guard (held before this round too): 'june to august' alone may set one month against another; only 'through' spans them."""
    plan = rules.plan("compare june to august revenue", "lead-p-compare")
    assert plan.spec.name == "compare" and plan.args.get("against"), plan.args


def test_a_year_said_after_vs_last_is_not_the_unit_left_unsaid(rules):
    """A guard (held before this round too): "vs last year" is the year, not the unit left unsaid."""
    assert_plans(rules, "revenue this month vs last year", "compare", against={"start": "2025-11-01", "end": "2025-11-15"})
