"""A named occasion whose date this year falls after the data ends (Olist's orders stop in October
2018; "black friday week" is then 2017's): the answer read last year's silently under bare dates.
Now it says this year's is after the data ends, shows last year's, and its period line names the
occasion. The dates are worked out here (Black Friday: the day after the 4th Thursday of
November), the revenue from the raw files with pandas (completed = delivered, the sum of each
order's payments, dated by the purchase's local day)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from realdata.test_olist import completed

DAY = dt.timedelta(days=1)


def _black_friday(year: int) -> dt.date:
    thursdays = [d for d in (dt.date(year, 11, 1) + n * DAY for n in range(30)) if d.weekday() == 3]
    return thursdays[3] + DAY


def _money(v: float) -> str:  # the profile's Brazilian way: R$ 24.440,39
    return "R$ " + f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def test_black_friday_week_after_the_data_ends_shows_last_years_and_says_so(olist):
    out = olist.ask("revenue in black friday week")
    text = out["answer"]
    bf = _black_friday(2017)
    monday = bf - bf.weekday() * DAY
    o = completed(olist.raw)
    day = o.order_purchase_timestamp.dt.date
    week = o[(day >= monday) & (day <= monday + 6 * DAY)]
    this_year = _black_friday(2018) - _black_friday(2018).weekday() * DAY
    assert (f"Black Friday week 2018 ({this_year.day}-{(this_year + 6 * DAY).day} Nov) is after your data ends "
            "(last day 2018-10-22); showing Black Friday week 2017.") in text, text
    label = f"Black Friday week 2017 ({monday.day}-{(monday + 6 * DAY).day} Nov)"
    assert f"Period: {label}" in text and text.startswith(f"Revenue, {label}:"), text
    assert _money(week.payment_value.sum()) in text and f"{len(week)} orders" in text, (text, len(week))


def test_a_day_said_by_its_occasion_in_a_year_with_data_is_named_without_a_note(olist):
    out = olist.ask("how many orders on black friday 2017?")
    text = out["answer"]
    bf = _black_friday(2017)
    o = completed(olist.raw)
    n = int((o.order_purchase_timestamp.dt.date == bf).sum())
    assert f"Period: Black Friday 2017 ({bf.day} Nov)" in text and "after your data ends" not in text, text
    assert pd.notna(n) and f"{n} orders" in text, (text, n)


def test_an_occasion_against_last_year_names_both_years(olist):
    """(lane real28b) "black friday week vs last year": the earlier period is Black Friday week 2016
    by name, never "custom period (...)"; its orders are the raw files' of that week."""
    out = olist.ask("black friday week vs last year")
    text = out["answer"]
    weeks = []
    for year in (2017, 2016):
        bf = _black_friday(year)
        monday = bf - bf.weekday() * DAY
        weeks.append((f"Black Friday week {year} ({monday.day}-{(monday + 6 * DAY).day} Nov)", monday))
    (now, this_monday), (before, monday) = weeks
    assert "custom period" not in text, text
    assert f"{now} against {before}" in text and f"vs {before}" in text, text
    o = completed(olist.raw)
    day = o.order_purchase_timestamp.dt.date
    counts = [int(((day >= m) & (day <= m + 6 * DAY)).sum()) for m in (this_monday, monday)]
    [call] = [c for c in out["tool_calls"] if c["tool"] == "compare"]
    against = call["args"]["against"]
    assert (against["start"], against["end"]) == (str(monday), str(monday + 6 * DAY))
    shown = f"Orders {counts[0]} " + (str(counts[1]) if counts[1] else "no data")
    assert shown in " ".join(text.split()), (shown, text)
