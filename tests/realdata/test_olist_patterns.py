""""Which day of the week do we get the most orders?" on Olist counted delivered orders only (81
on Mondays where 130 were placed) and did not say so, where the KPI answers do. The note now
gives the period's completed, pending and cancelled orders, counted here from the raw CSV with
pandas over the period the answer names (Olist's timestamps are Sao Paulo local time)."""

from __future__ import annotations

import re

import pandas as pd


def test_busiest_day_of_orders_says_only_completed_orders_count(olist):
    answer = olist.ask("which day of the week do we get the most orders?")["answer"]
    start, end = re.search(r"Period: [^(]*\((\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)\)", answer).groups()
    o = pd.read_csv(olist.raw / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    day = o.order_purchase_timestamp.dt.normalize()
    o = o[(day >= start) & (day <= end)]
    completed = int((o.order_status == "delivered").sum())
    cancelled = int(o.order_status.isin(["canceled", "unavailable"]).sum())
    pending = len(o) - completed - cancelled
    assert cancelled and pending  # the period holds orders that do not count
    rows = re.findall(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day +(\d+) ", answer, flags=re.M)
    assert sum(map(int, rows)) == completed
    assert (f"{completed} completed orders (plus {pending} pending" in answer
            and f"; {cancelled} cancelled:" in answer), answer
