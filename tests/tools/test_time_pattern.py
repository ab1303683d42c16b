"""When customers come and buy (tools/analytics/time_pattern.py): small vendor-shaped exports
loaded through ingest (UTC stamps in a London business across a clock change, a dates-only
export, a shop closed on Sundays, five Mondays against four Tuesdays), and the public data sets
checked against pandas over the raw files, written here."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import REPO, external
from kpi_fixtures import load

from tools.analytics.periods import Period
from tools.analytics.time_pattern import PatternParams, time_pattern
from tools.core.errors import NoDataError, ToolInputError
from tools.data.ingest import ingest_recipe
from tools.data.store import JourneyStore

D = dt.date
LONDON = "Europe/London"


def orders_csv(stamps: list[str], amounts: list[float] | None = None) -> str:
    """A shop export as downloaded: id, customer, timestamp as the vendor wrote it, total."""
    amounts = amounts or [10.0] * len(stamps)
    rows = [f"o{i},c{i % 7},{ts},{a},completed" for i, (ts, a) in enumerate(zip(stamps, amounts, strict=True))]
    return "order_id,customer_id,ts,amount,status\n" + "\n".join(rows) + "\n"


def loaded(store, tmp_path, stamps, amounts=None, name="shop"):
    load(store, tmp_path / name, {"orders": orders_csv(stamps, amounts)})
    return store


def row(result, label):
    return result.table.set_index("label").loc[label]


# -- the business's clock -------------------------------------------------------------------

def test_utc_stamps_land_on_the_london_clock_across_the_clock_change(store, tmp_path):
    # Every day at 12:00 UTC from 16 March to 12 April 2026: noon in London until the clocks go
    # forward on Sunday 29 March, 13:00 after. One more order at 23:30 UTC on Sunday 5 April,
    # which is Monday 00:30 in London.
    days = pd.date_range("2026-03-16", "2026-04-12", freq="D")
    stamps = [f"{d:%Y-%m-%d}T12:00:00Z" for d in days] + ["2026-04-05T23:30:00Z"]
    loaded(store, tmp_path, stamps)
    period = Period(start=D(2026, 3, 16), end=D(2026, 4, 12))
    r = time_pattern(store, PatternParams(metric="orders", by="hour", period=period))
    assert r.timezone == LONDON
    totals = r.table.set_index("bucket")["total"]
    assert totals[12] == 13 and totals[13] == 15 and totals[0] == 1  # 16-28 March; 29 March on; 00:30
    assert totals.sum() == len(stamps)
    hours = r.table.set_index("bucket")["occurrences"]
    # The data runs from 16 March 12:00 to 12 April 13:00: 28 noons, 27 nights, and 01:00-02:00
    # did not happen on 29 March in London
    assert hours[12] == 28 and hours[2] == 27 and hours[1] == 26
    assert "the clocks went forward on Sun 29 Mar 2026: 01:00-02:00 did not happen that day and is not counted " \
           "for it" in r.provenance.notes
    w = time_pattern(store, PatternParams(metric="orders", by="weekday", period=period))
    assert row(w, "Monday").total == 4 + 1  # four Mondays at noon, and Sunday 23:30 UTC
    assert row(w, "Sunday").total == 4  # four Sundays at noon; the Sunday 23:30 UTC one is Monday
    assert int(w.table["total"].sum()) == len(stamps)


def test_a_dates_only_export_cannot_give_hours_and_says_which_column(store, tmp_path):
    stamps = [f"{d:%Y-%m-%d}" for d in pd.date_range("2026-05-04", "2026-05-31", freq="D")]
    loaded(store, tmp_path, stamps)
    with pytest.raises(NoDataError, match=r"no time of day \(orders\.ts") as err:
        time_pattern(store, PatternParams(metric="orders", by="hour", period=Period(name="all")))
    assert "by weekday or month can be answered" in str(err.value)
    w = time_pattern(store, PatternParams(metric="orders", by="weekday", period=Period(name="all")))
    assert int(w.table["total"].sum()) == len(stamps)


def test_a_closed_sunday_counts_as_zero_days_and_is_said(store, tmp_path):
    days = [d for d in pd.date_range("2026-06-01", "2026-08-30", freq="D") if d.day_of_week != 6]
    stamps = [f"{d:%Y-%m-%d}T{h:02d}:15:00+01:00" for d in days for h in (9, 11, 15)]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="weekday", period=Period(name="all")))
    sunday = row(r, "Sunday")
    assert (sunday.total, sunday.occurrences) == (0, 12)  # the data covers 12 Sundays, none with orders
    assert "No orders on Sundays in 12 weeks" in r.to_text()
    assert r.lowest == "Sunday" and r.verdict in ("clear", "tied")
    assert "quietest: Sunday, with none" in r.summary()


def test_five_mondays_against_four_tuesdays_rank_by_the_average_per_day(store, tmp_path):
    # June 2026 has five Mondays (1, 8, 15, 22, 29) and five Tuesdays; stop on the 29th: four
    # Tuesdays. 10 orders every Monday (50), 11 every Tuesday (44): Tuesday is the busier day.
    mondays = [D(2026, 6, d) for d in (1, 8, 15, 22, 29)]
    tuesdays = [D(2026, 6, d) for d in (2, 9, 16, 23)]
    stamps = [f"{d}T10:{k:02d}:00+01:00" for d in mondays for k in range(10)] + \
             [f"{d}T10:{k:02d}:00+01:00" for d in tuesdays for k in range(11)]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="weekday",
                                          period=Period(start=D(2026, 6, 1), end=D(2026, 6, 29))))
    mon, tue = row(r, "Monday"), row(r, "Tuesday")
    assert (mon.total, mon.occurrences, mon.value) == (50, 5, 10.0)
    assert (tue.total, tue.occurrences, tue.value) == (44, 4, 11.0)
    assert r.highest == "Tuesday" and r.runner_up == "Monday"
    assert "Busiest: Tuesday" in r.summary() and "11.0 orders a day on average over 4 Tuesdays" in r.summary()
    # "are Mondays worth opening?": where Monday ranks is said
    asked = time_pattern(store, PatternParams(metric="orders", by="weekday", focus="Monday",
                                              period=Period(start=D(2026, 6, 1), end=D(2026, 6, 29))))
    assert "Monday: 10.0 orders a day on average over 5 Mondays; 2nd of 7, 9% below the highest." in asked.to_text()


def test_a_difference_within_day_to_day_noise_crowns_no_winner(store, tmp_path):
    rng = np.random.default_rng(3)
    days = pd.date_range("2026-03-02", "2026-05-31", freq="D")
    counts = rng.poisson(6, len(days))  # every weekday alike
    stamps = [f"{d:%Y-%m-%d}T{10 + k % 8:02d}:00:00+01:00" for d, n in zip(days, counts, strict=True) for k in range(n)]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="weekday", period=Period(name="all")))
    assert r.verdict == "noise"
    assert r.summary().startswith("No clear busiest day:")
    assert "Busiest:" not in r.to_text()


def test_rates_pool_each_weekdays_rows_not_its_daily_rates(store, tmp_path):
    # Two Mondays: one with a £100 order, one with nine £10 orders. The Monday AOV is
    # £190 / 10 = £19, not the mean of the two days' AOVs (£55).
    stamps = ["2026-06-01T10:00:00+01:00"] + [f"2026-06-08T1{k}:00:00+01:00" for k in range(9)]
    loaded(store, tmp_path, stamps, [100.0] + [10.0] * 9)
    r = time_pattern(store, PatternParams(metric="aov", by="weekday", period=Period(name="all")))
    mon = row(r, "Monday")
    assert mon.value == pytest.approx(19.0) and mon.n == 10


def test_month_pattern_over_less_than_a_year_says_it_is_a_trend(store, tmp_path):
    stamps = [f"{d:%Y-%m-%d}T12:00:00Z" for d in pd.date_range("2026-03-01", "2026-06-30", freq="D")]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="month"))  # default: all data
    assert list(r.table["label"]) == ["March", "April", "May", "June"]
    assert list(r.table["occurrences"]) == [31, 30, 31, 30]
    assert any("covers 4 months" in n and "month-by-month trend" in n for n in r.provenance.notes)
    assert any("not in the data: January, February" in n for n in r.provenance.notes)


def test_an_export_dated_by_month_only_counts_whole_months_and_refuses_weekdays(store, tmp_path):
    # A monthly summary export: every order on the 1st of its month, 31 a month for 14 months.
    months = pd.date_range("2025-10-01", "2026-11-01", freq="MS")
    stamps = [f"{m:%Y-%m-%d}" for m in months for _ in range(31)]
    loaded(store, tmp_path, stamps)
    with pytest.raises(NoDataError, match="dated by month only"):
        time_pattern(store, PatternParams(metric="orders", by="weekday", period=Period(name="all")))
    r = time_pattern(store, PatternParams(metric="orders", by="month", period=Period(name="all")))
    nov = row(r, "November")  # two Novembers, the last one whole: 62 orders over 60 days
    assert (nov.total, nov.occurrences) == (62, 60) and nov.value == pytest.approx(62 / 60)
    assert not any("month-by-month trend" in n for n in r.provenance.notes)  # 14 months
    # every month alike (31 orders): judged month against month, not by the 1st against the 30th
    assert r.verdict in ("noise", "few") and "Busiest" not in r.summary()


def test_kpis_without_a_moment_of_their_own_are_refused_with_the_valid_ones(store, tmp_path):
    loaded(store, tmp_path, ["2026-06-01T10:00:00Z"])
    with pytest.raises(ToolInputError, match="orders, revenue"):
        time_pattern(store, PatternParams(metric="churn_rate", by="weekday"))


def test_hours_after_the_last_row_are_not_counted_as_empty(store, tmp_path):
    # An export taken at 10:20 on its last day says nothing about that afternoon.
    stamps = ["2026-06-01T09:05:00+01:00", "2026-06-01T10:10:00+01:00", "2026-06-02T09:30:00+01:00",
              "2026-06-02T10:20:00+01:00"]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="hour", period=Period(name="all")))
    hours = r.table.set_index("bucket")["occurrences"]
    assert (hours[8], hours[9], hours[10], hours[11], hours[15]) == (1, 2, 2, 1, 1)


def test_empty_hours_are_said_as_spans_across_midnight(store, tmp_path):
    # Orders only from 09:00 to 12:00 over three days: the empty hours are two spans (12:00 to
    # the night, and the night to 09:00 joined across midnight), not fifteen labels in a row.
    stamps = [f"2026-06-0{d}T{h:02d}:15:00+01:00" for d in (1, 2, 3) for h in (9, 10, 11)] + ["2026-06-04T23:45:00+01:00"]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="hour", period=Period(name="all")))
    said = [n for n in r.provenance.notes if n.startswith("No orders at")]
    assert said == ["No orders at 00:00-09:00 and 12:00-23:00 in 4 days"], r.provenance.notes


# -- public data, checked against pandas over the raw files ---------------------------------------

@pytest.mark.realdata
def test_olist_orders_by_weekday_hour_and_month_match_the_purchase_timestamps():
    data = external("olist_sample")
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "olist" / "recipe.toml", data_dir=data)
    raw = pd.read_csv(data / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    ts = raw.loc[raw.order_status == "delivered", "order_purchase_timestamp"]  # Sao Paulo time, as written
    for by, key in (("weekday", ts.dt.day_of_week), ("hour", ts.dt.hour), ("month", ts.dt.month)):
        r = time_pattern(store, PatternParams(metric="orders", by=by, period=Period(name="all")))
        got = r.table.set_index("bucket")["total"].astype(int)
        assert got.to_dict() == key.value_counts().reindex(got.index, fill_value=0).to_dict(), by
    every = raw.order_purchase_timestamp  # the days the export covers: its orders of any status
    days = pd.date_range(every.min().normalize(), every.max().normalize(), freq="D")
    w = time_pattern(store, PatternParams(metric="orders", by="weekday", period=Period(name="all")))
    assert w.table.set_index("bucket")["occurrences"].to_dict() == pd.Series(days.day_of_week).value_counts().to_dict()
    store.close()


@pytest.mark.realdata
def test_twcs_tickets_by_hour_on_a_new_york_clock_match_the_tweets(tmp_path):
    data = external("twcs_sample")
    store = JourneyStore(None, timezone="America/New_York")  # tweets are stamped in UTC
    # The recipe's [profile] keeps the tweets' UTC as the business's zone (a recipe's profile
    # is applied at load and wins over the store's); this test is about a business on New York's
    # clock, so it loads the same recipe without that section.
    recipe = (REPO / "examples" / "twcs" / "recipe.toml").read_text(encoding="utf-8")
    assert '[profile]\ntimezone = "UTC"\n' in recipe
    (tmp_path / "recipe.toml").write_text(recipe.replace('[profile]\ntimezone = "UTC"\n', ""), encoding="utf-8")
    ingest_recipe(store, tmp_path / "recipe.toml", data_dir=data)
    assert store.timezone == "America/New_York"
    raw = pd.read_csv(data / "twcs.csv", lineterminator="\n")
    raw["ts"] = pd.to_datetime(raw.created_at, format="%a %b %d %H:%M:%S %z %Y")
    # A ticket is a customer's tweet that starts a conversation: it answers no tweet in the file.
    starts = raw[raw.inbound & (raw.in_response_to_tweet_id.isna() | ~raw.in_response_to_tweet_id.isin(raw.tweet_id))]
    local = starts.ts.dt.tz_convert("America/New_York")
    period = Period(start=D(2017, 10, 1), end=D(2017, 12, 2))  # over the change back to EST on 5 November
    local = local[(local.dt.date >= period.start) & (local.dt.date <= period.end)]
    for by, key in (("hour", local.dt.hour), ("weekday", local.dt.day_of_week)):
        r = time_pattern(store, PatternParams(metric="tickets", by=by, period=period))
        got = r.table.set_index("bucket")["total"].astype(int)
        assert got.to_dict() == key.value_counts().reindex(got.index, fill_value=0).to_dict(), by
    store.close()


@pytest.mark.realdata
def test_rees46_sessions_by_hour_match_the_log_and_say_it_is_too_short():
    data = external("rees46_events_sample")
    store = JourneyStore(None)
    ingest_recipe(store, REPO / "examples" / "rees46" / "recipe.toml", data_dir=data)
    raw = pd.read_csv(data / "2019-Oct-sample.csv")
    raw["ts"] = pd.to_datetime(raw.event_time.str.replace(" UTC", ""), utc=True)
    first = raw.groupby("user_session").ts.min()
    r = time_pattern(store, PatternParams(metric="sessions", by="hour", period=Period(name="all")))
    got = r.table.set_index("bucket")["total"].astype(int)
    assert got.to_dict() == first.dt.hour.value_counts().reindex(got.index, fill_value=0).to_dict()
    # 17 minutes of events: one hour of one day, not a pattern; no hour is crowned
    assert list(got.index) == [0] and r.verdict == "few" and "Busiest" not in r.to_text()
    store.close()


def test_the_hour_the_clocks_repeat_counts_as_two_hours(store, tmp_path):
    """An order every real hour from 19 October to 1 November 2026 (London): 01:00-02:00 came
    twice on 25 October when the clocks went back. Both copies land in the 01:00 bucket; counted
    as one hour, 01:00 read as the busiest hour (15 orders over 14 "hours") without a word."""
    utc = pd.date_range("2026-10-18T23:00Z", "2026-11-01T23:59Z", freq="h") + pd.Timedelta(minutes=30)
    loaded(store, tmp_path, [f"{t:%Y-%m-%dT%H:%M:%SZ}" for t in utc])
    period = Period(start=D(2026, 10, 19), end=D(2026, 11, 1))
    r = time_pattern(store, PatternParams(metric="orders", by="hour", period=period))
    local_hours = utc.tz_convert(LONDON).hour
    assert row(r, "01:00-02:00")["total"] == (local_hours == 1).sum() == 15
    assert row(r, "01:00-02:00")["occurrences"] == 15 and row(r, "02:00-03:00")["occurrences"] == 14
    assert (r.table["value"] == 1.0).all()  # one order in every hour that happened
    assert r.highest != "01:00-02:00" or r.verdict != "clear"
    said = " ".join(r.provenance.notes)
    assert "the clocks went back on Sun 25 Oct 2026: 01:00-02:00 came twice that day and is counted as two " \
           "hours" in said


def test_a_help_desk_asked_for_its_busiest_day_counts_its_tickets(store, tmp_path):
    """twcs: "which day of the week is busiest for support?" names no KPI; the default, orders,
    is not loaded, and the answer was "Orders cannot be answered". It counts the tickets, saying
    so."""
    days = pd.date_range("2026-03-02", "2026-03-29", freq="D")  # four of each weekday
    stamps = [f"{d:%Y-%m-%d}T1{i}:00:00Z" for d in days for i in range(3 if d.weekday() == 0 else 1)]
    rows = [f"T{i},C{i % 5},{ts},{ts}" for i, ts in enumerate(stamps)]
    load(store, tmp_path / "desk", {"tickets": "ticket_id,customer_id,created_at,first_response_at\n"
                                               + "\n".join(rows) + "\n"})
    r = time_pattern(store, PatternParams(by="weekday", period=Period(start=D(2026, 3, 2), end=D(2026, 3, 29))))
    assert r.metric == "tickets"
    expected = pd.Series([pd.Timestamp(t).tz_convert(LONDON).day_name() for t in stamps]).value_counts()
    assert row(r, "Monday").total == expected["Monday"] == 12 and row(r, "Tuesday").total == expected["Tuesday"]
    assert r.provenance.notes[0] == ("no KPI was named and no orders are loaded, so this counts support tickets")
    # orders asked for by name (the planner's default, the command line's) are not swapped: the
    # refusal says what the data holds instead
    with pytest.raises(NoDataError, match="Orders cannot be answered.* The data holds support tickets: ask when "
                                          r"they come \(metric tickets\)"):
        time_pattern(store, PatternParams(metric="orders", by="weekday"))


def test_a_pattern_made_by_one_day_says_so(store, tmp_path):
    """twcs: 902 of its 1,288 tickets came on 31 October 2017; by hour the answer said "no clear
    busiest hour" between 4.62 tickets an hour and 0.03, with nothing to say why."""
    days = pd.date_range("2026-03-02", "2026-03-15", freq="D")
    stamps = [f"{d:%Y-%m-%d}T09:00:00Z" for d in days] + [f"2026-03-10T{h:02d}:30:00Z" for h in range(8, 23)] * 2
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="hour",
                                          period=Period(start=D(2026, 3, 2), end=D(2026, 3, 15))))
    on_the_day = sum(s.startswith("2026-03-10") for s in stamps)
    assert on_the_day == 31 and on_the_day > len(stamps) / 2
    assert f"{on_the_day} of the {len(stamps)} orders came on one day (Tue 10 Mar 2026): the pattern is mostly " \
           "that day's, not a habit" in r.provenance.notes
    w = time_pattern(store, PatternParams(metric="orders", by="weekday",
                                          period=Period(start=D(2026, 3, 2), end=D(2026, 3, 15))))
    assert any(n.startswith(f"{on_the_day} of the {len(stamps)} orders came on one day") for n in w.provenance.notes)


def test_a_month_without_rows_in_month_dated_data_may_be_missing(store, tmp_path):
    """UCI's sessions (every row on the 1st of its month) have no April: "No web sessions on
    April in 334 days" read as a month the shop was shut. It may be missing from the export."""
    months = ["2017-02", "2017-03", "2017-05", "2017-06"]  # no April
    stamps = [f"{m}-01T00:00:00" for m in months for _ in range(30)]
    loaded(store, tmp_path, stamps)
    r = time_pattern(store, PatternParams(metric="orders", by="month", period=Period(name="all")))
    assert row(r, "April")["total"] == 0 and row(r, "March")["total"] == 30
    assert "No orders in April: the data is dated by month only, so that month may be missing from the export " \
           "rather than empty" in r.provenance.notes
