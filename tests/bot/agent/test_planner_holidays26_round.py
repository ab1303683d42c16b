"""Readings added in phase AB (lane holidays26) by class: the span that holds an occasion ("<occasion>
week", "the week of <occasion>", "<occasion> weekend", "<occasion> fortnight", "the run-up to
<occasion>"), set against the span before it or last year's, and periods said by an event no rule
reads, which the answer must name rather than answer the default period silently. Phrasings are
written for this round in other trades (rules only: the `rules` fixture). The dates are worked out
here, not by bot/agent/holidays.py: Black Friday the day after the 4th Thursday of November,
Easter by dateutil, a week the Monday-Sunday week holding the day."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.easter import easter
from planner_fixtures import assert_plans

DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def as_of(rules) -> dt.date:
    return rules.ctx.store.as_of()


def _black_friday(year: int) -> dt.date:
    thursdays = [d for d in (dt.date(year, 11, 1) + n * DAY for n in range(30)) if d.weekday() == 3]
    return thursdays[3] + DAY


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - day.weekday() * DAY
    return monday, monday + 6 * DAY


def _latest(days_of, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The span in the latest year it has begun by the data's last day."""
    first, last = days_of(as_of.year)
    return (first, last) if first <= as_of else days_of(as_of.year - 1)


def _span(first: dt.date, last: dt.date, as_of: dt.date) -> dict[str, str]:
    return {"start": first.isoformat(), "end": min(last, as_of).isoformat()}


def _halloween_week(y: int) -> tuple[dt.date, dt.date]:
    return _week(dt.date(y, 10, 31))


def _bf_week(y: int) -> tuple[dt.date, dt.date]:
    return _week(_black_friday(y))


def _bf_weekend(y: int) -> tuple[dt.date, dt.date]:
    return _black_friday(y), _black_friday(y) + 3 * DAY  # Friday to Cyber Monday


def _valentines_week(y: int) -> tuple[dt.date, dt.date]:
    return _week(dt.date(y, 2, 14))


@pytest.mark.parametrize(("question", "days_of"), [
    ("how did covers at the bistro do in halloween week?", _halloween_week),
    ("dog groomer: bookings the week of black friday", _bf_week),
    ("florist takings over valentine's week", _valentines_week),
    ("bike shop: orders over the black friday weekend", _bf_weekend),
])
def test_the_span_that_holds_an_occasion_is_its_week_or_weekend(rules, as_of, question, days_of):
    plan = rules.plan(question, "h26-" + question)
    assert plan.args.get("period") == _span(*_latest(days_of, as_of), as_of), (question, plan.args)


@pytest.mark.parametrize(("question", "days_of", "back"), [
    ("how did the salon's bookings over halloween week compare to the week before?", _halloween_week, 7),
    ("garden centre: revenue the week of black friday vs the week prior", _bf_week, 7),
])
def test_an_occasions_week_against_the_week_before_is_the_seven_days_before_it(rules, as_of, question, days_of, back):
    first, last = _latest(days_of, as_of)
    assert_plans(rules, question, "compare", period=_span(first, last, as_of),
                 against=_span(first - back * DAY, last - back * DAY, as_of))


def test_an_occasions_week_against_last_years_is_that_occasions_week_a_year_before(rules, as_of):
    first, last = _latest(_bf_week, as_of)
    before = _bf_week(first.year - 1)  # Black Friday moves: not the same dates a year back
    assert_plans(rules, "vet clinic: appointments in black friday week vs last year's", "compare",
                 period=_span(first, last, as_of), against=_span(*before, as_of))


def test_easter_week_and_christmas_fortnight_in_a_year_written(rules):
    monday = _week(easter(2025) - 2 * DAY)[0]  # the week holding Good Friday
    assert_plans(rules, "pottery studio sessions in easter week 2025", "kpis",
                 period={"start": monday.isoformat(), "end": (monday + 6 * DAY).isoformat()})
    monday = _week(dt.date(2025, 12, 25))[0]
    plan = rules.plan("locksmith call-outs over christmas fortnight 2025", "h26-xmas-fortnight")
    assert plan.args.get("period") == {"start": monday.isoformat(), "end": (monday + 13 * DAY).isoformat()}, plan.args


def test_the_run_up_to_an_occasion_is_the_seven_days_before_it_said_so(rules, as_of):
    from bot.agent.when import read_when

    day = _latest(lambda y: (dt.date(y, 10, 31),) * 2, as_of)[0]
    question = "costume hire: takings in the run-up to halloween"
    plan = rules.plan(question, "h26-runup")
    assert plan.args.get("period") == _span(day - 7 * DAY, day - DAY, as_of), plan.args
    assert read_when(question, as_of).assumed == ("in the run-up to halloween", "the 7 days before it")


@pytest.mark.parametrize(("question", "words"), [
    ("brewery taproom: sales the week of the county show", "the week of the county show"),
    ("how were ice cream orders during the clearance sale", "during the clearance sale"),
    ("cafe covers while the roadworks were on", "while the roadworks were on"),
    ("bookings at the hostel over pride weekend", "over pride weekend"),
])
def test_a_period_no_rule_reads_is_said_not_answered_silently(rules, question, words):
    from bot.agent.reading import reasons

    plan = rules.plan(question, "h26-unread-" + question)
    assert ("period", words) in plan.slots.unknown, plan.slots.unknown
    said = reasons(rules, plan)
    assert any(words in r and "default period" in r for r in said), said


@pytest.mark.parametrize("question", [
    "which is the busiest day of the week for the barber",
    "plumber: jobs for each week",
    "how did the bakery do this week",
])
def test_a_pattern_grain_or_period_read_is_never_called_unread(rules, question):
    plan = rules.plan(question, "h26-read-" + question)
    assert not any(kind == "period" for kind, _ in plan.slots.unknown), plan.slots.unknown
