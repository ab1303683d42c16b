"""(lane real27b) An occasion asked by name: the answer names it ("Black Friday week 2025 (24-30
Nov)"), says when this year's comes after the data ends and last year's is shown, and refuses
plainly when no year of the data holds it. The run-up said after the occasion ("the christmas
run-up", "the easter lead-up", "the black friday build-up") is the same 7 days before it as "the
run-up to ...", not the whole season. Dates are worked out here, not by bot/agent/holidays.py."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.easter import easter

from bot.agent.occasion_named import occasion_in, occasion_said

DAY = dt.timedelta(days=1)


def _black_friday(year: int) -> dt.date:
    thursdays = [d for d in (dt.date(year, 11, 1) + n * DAY for n in range(30)) if d.weekday() == 3]
    return thursdays[3] + DAY


ENDS = dt.date(2026, 11, 15)  # a shop whose data ends before Black Friday 2026 (27 Nov)


def test_black_friday_week_after_the_data_ends_is_last_years_said_so():
    occ = occasion_in("bike shop: revenue in black friday week", ENDS)
    monday = _black_friday(2025) - 4 * DAY
    assert (occ.year, occ.first, occ.last) == (2025, monday, monday + 6 * DAY)
    assert occ.label() == f"Black Friday week 2025 ({monday.day}-{(monday + 6 * DAY).day} Nov)"
    body, line = occasion_said(f"KPIs for custom period ({monday} to {monday + 6 * DAY})", f"Revenue, {monday} to "
                               f"{monday + 6 * DAY}", occ, ENDS)
    assert body.startswith("Black Friday week 2026 (23-29 Nov) is after your data ends (last day 2026-11-15); "
                           "showing Black Friday week 2025.\n"), body
    assert body.endswith(f"KPIs for {occ.label()}") and line == f"Revenue, {occ.label()}"


@pytest.mark.parametrize(("question", "title"), [
    ("florist: takings over the christmas run-up", "the run-up to Christmas"),
    ("garage bookings in the christmas lead-up", "the run-up to Christmas"),
    ("toy shop orders during the black friday build-up", "the run-up to Black Friday"),
])
def test_the_run_up_said_after_the_occasion_is_the_seven_days_before_it(question, title):
    from bot.agent.when import read_when

    occ = occasion_in(question, ENDS)
    day = dt.date(2025, 12, 25) if "christmas" in question else _black_friday(2025)
    assert (occ.title, occ.first, occ.last) == (title, day - 7 * DAY, day - DAY), occ
    assert read_when(question, ENDS).period == f"{day - 7 * DAY}..{day - DAY}"  # not December as a season


def test_an_occasion_in_no_year_of_the_data_is_refused_plainly():
    occ = occasion_in("sales over easter weekend", ENDS)
    friday = easter(2026) - 2 * DAY
    assert (occ.first, occ.last, occ.after) == (friday, friday + 3 * DAY, None)
    said = occ.refusal(ENDS, dt.date(2026, 5, 20))
    assert said == (f"Easter weekend 2026 ({friday.day}-{(friday + 3 * DAY).day} Apr) is before your data "
                    "starts (2026-05-20): it is not in your data, which runs from 2026-05-20 to 2026-11-15, so there "
                    "is nothing to show for it."), said
    both = occasion_in("cafe: covers on black friday", ENDS).refusal(ENDS, dt.date(2026, 5, 20))
    assert both.startswith("Black Friday 2026 (27 Nov) is after your data ends (last day 2026-11-15), and Black "
                           "Friday 2025 (28 Nov) is before your data starts (2026-05-20): neither is"), both


def test_a_year_written_or_an_occasion_come_by_is_not_noted():
    assert occasion_in("orders on black friday 2025", ENDS).after is None
    assert occasion_in("revenue in halloween week", ENDS).after is None  # 2026's began before the data ends
    assert occasion_in("last year's black friday week", ENDS).after is None
    assert occasion_in("the halloween menu", ENDS) is None  # a topic, no period


def test_the_planner_names_the_occasion_and_refuses_one_outside_the_data(rules):
    """On the banks' sample store: the answer text, not only the plan."""
    as_of = rules.ctx.store.as_of()
    start = min(s.first_day for t in ("events", "orders") if (s := rules.ctx.store.span(t)).first_day)
    text = rules.answer("bakery: revenue on halloween", "occ-halloween").text
    day = dt.date(as_of.year if dt.date(as_of.year, 10, 31) <= as_of else as_of.year - 1, 10, 31)
    if day >= start:
        assert f"Halloween {day.year} (31 Oct)" in text and "custom period" not in text, text
    else:
        assert "is before your data starts" in text and "I tried" not in text, text
