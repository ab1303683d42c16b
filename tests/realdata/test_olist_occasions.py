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
