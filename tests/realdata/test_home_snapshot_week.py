"""The App Home's KPI snapshot on real exports: it said "as of" the data's last day over a week
that ended days before (Olist: as of 2018-10-22, the week to 10-17, the orders' last day), "-"
for a support desk with tickets alone (twcs), and coloured Olist's CSAT on 4 reviews, "down 75
pp", as bad. Now it names the day the compared week ends and leaves a move on a small sample
uncoloured. The week's figures are checked against pandas over the raw files. A line of a table
that ends on another day (Olist's CSAT counts back from the reviews' last day) now says its own
day (lane real27b), and `journeybot home --dry-run` previews the tab."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd


def _snapshot(shop):
    from bot.config import load_config
    from bot.slack.kpi_snapshot import kpi_snapshot

    os.environ["JOURNEYBOT_HOME"] = str(shop.home)  # monkeypatched back by the autouse fixture
    config = load_config()
    store = config.open_store()
    try:
        return kpi_snapshot(store, config)
    finally:
        store.close()


def test_a_desks_home_names_its_week_and_its_median_first_reply(twcs):
    snap = _snapshot(twcs)
    t = pd.read_csv(twcs.raw / "twcs.csv", lineterminator="\n", dtype={"tweet_id": str})
    t["ts"] = pd.to_datetime(t.created_at, format="%a %b %d %H:%M:%S %z %Y")
    t["id"] = t.tweet_id.astype(float).astype("Int64")
    t["to"] = t.in_response_to_tweet_id.astype(float).astype("Int64")
    parent = dict(zip(t.id, t.to, strict=True))

    def root(x):
        while pd.notna(parent.get(x)) and parent.get(x) in parent:
            x = parent[x]
        return x

    t["root"] = [root(x) for x in t.id]
    starts = t[t.inbound & (t.to.isna() | ~t.to.isin(set(t.id)))].set_index("id")
    starts = starts.join(t[~t.inbound].groupby("root").ts.min().rename("reply"))
    last = dt.date.fromisoformat(snap.as_of)  # a day, no longer "-"
    week = starts[(starts.ts.dt.date > last - dt.timedelta(days=7)) & (starts.ts.dt.date <= last)]
    hours = ((week.reply - week.ts).dt.total_seconds() / 3600).median()
    [line] = [x for x in snap.lines if x.name == "First response (median)"]
    assert line.value == f"{hours:.1f} h" and len(week) < 20 and line.direction == "", (line, len(week))


def test_olists_home_week_ends_on_the_day_it_says_and_small_samples_are_not_coloured(olist):
    snap = _snapshot(olist)
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv")
    day = pd.to_datetime(reviews.review_answer_timestamp).dt.date
    last = dt.date.fromisoformat(snap.as_of)
    # CSAT counts back from the reviews' own last day (a line per table: kpi_scope), not the orders'
    week = reviews[(day > day.max() - dt.timedelta(days=7)) & (day <= day.max())]
    [csat] = [x for x in snap.lines if x.name.startswith("CSAT")]
    share = (week.review_score >= 4).mean() * 100
    assert csat.value == f"{share:.1f}%".replace(".", ",") and len(week) < 20 and csat.direction == "", (csat, len(week))
    orders = pd.read_csv(olist.raw / "olist_orders_dataset.csv")
    assert last == pd.to_datetime(orders.order_purchase_timestamp).dt.date.max()  # the orders' last day
    # the CSAT line says the day it counts back from, the orders' lines the snapshot's own
    assert csat.as_of == str(day.max()) != snap.as_of, (csat, snap.as_of)
    assert all(x.as_of == "" for x in snap.lines if x.name in ("Revenue", "Orders", "Average order value"))


def _home(shop, *args):
    from click.testing import CliRunner

    from bot.cli import main

    out = CliRunner().invoke(main, ["home", "--dry-run", *args], env={"JOURNEYBOT_HOME": str(shop.home)},
                             catch_exceptions=False)
    assert out.exit_code == 0, out.output
    return out.output


def test_the_home_preview_says_each_lines_day_and_what_a_desk_holds(olist, twcs, shoppers):
    reviews = pd.read_csv(olist.raw / "olist_order_reviews_dataset.csv")
    last_review = pd.to_datetime(reviews.review_answer_timestamp).dt.date.max()
    text = _home(olist)
    [csat] = [line for line in text.splitlines() if line.startswith("CSAT")]
    assert csat.endswith(f"(as of {last_review})"), csat
    assert "counts back from its table's last day" in text
    # a desk with tickets alone was told "No journey data loaded yet" above its own KPIs
    t = pd.read_csv(twcs.raw / "twcs.csv", lineterminator="\n")
    end = pd.to_datetime(t.created_at, format="%a %b %d %H:%M:%S %z %Y").dt.date.max()
    desk = _home(twcs)
    assert "No journey data loaded yet" not in desk and f"to {end}, " in desk, desk[:400]
    # UCI's sessions are dated by month: the snapshot names the month, not a day
    months = _home(shoppers)
    assert "*KPIs* as of Dec 2017 (the data is dated by month), compared with the month before (Nov 2017)" in months, months
