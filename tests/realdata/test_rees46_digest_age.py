"""A new owner asks "how are we doing?" of an export that ended years ago: the answer is the daily
digest of the data's last day, headed with that date and nothing else, so it read as this
morning's report. It now says which day it reports on and how long ago that was. The day is
read here from the raw CSV with pandas (the last event_time, UTC)."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def test_the_digest_of_an_old_export_says_it_reports_on_the_last_day_of_data(rees46):
    events = pd.read_csv(rees46.raw / "2019-Oct-sample.csv")
    last = pd.to_datetime(events.event_time.str.replace(" UTC", ""), format="%Y-%m-%d %H:%M:%S").max().date()
    out = rees46.ask("how are we doing?")
    today = dt.datetime.now(dt.UTC).date()
    years = (today - last).days // 365
    text = out["answer"] + "\n" + "\n".join(out.get("notes") or [])
    assert "digest" in text.lower(), text
    assert (f"The daily digest reports on {last}, the data's last day, {years} years before today: "
            f"not on yesterday ({today - dt.timedelta(days=1)})") in text, text
