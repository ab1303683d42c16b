""""What's our busiest day of the week?" in Slack: the answer in the thread on the business's
clock, and its chart (one column per weekday) uploaded from the button."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from fakes.slack_harness import CHANNEL, buttons_of, text_of
from matplotlib.image import imread


@pytest.fixture
def shop(store, tmp_path):
    from tools.data.ingest import ingest_file

    # Four weeks of orders stamped in UTC; the store's clock is London (BST until 25 Oct 2026).
    # Saturdays are busiest: 6 orders each; the 23:30 UTC Friday orders are Saturday 00:30 in
    # London summer time, so a UTC reading would count them on Friday.
    days = pd.date_range("2026-09-07", "2026-10-04", freq="D", tz="UTC")
    per_day = {0: 2, 1: 2, 2: 3, 3: 3, 4: 3, 5: 6, 6: 1}
    rows = []
    for day in days:
        stamps = [day + pd.Timedelta(hours=11 + i) for i in range(per_day[day.weekday()])]
        if day.weekday() == 4:  # one late Friday order in UTC that is Saturday in London
            stamps[-1] = day + pd.Timedelta(hours=23, minutes=30)
        rows += [(f"O{len(rows) + i}", f"C{(len(rows) + i) % 7}", s.strftime("%Y-%m-%dT%H:%M:%SZ"), 20)
                 for i, s in enumerate(stamps)]
    frame = pd.DataFrame(rows, columns=["order_id", "customer_id", "ts", "amount"])
    frame.to_csv(tmp_path / "orders.csv", index=False)
    (tmp_path / "customers.csv").write_text("customer_id\n" + "\n".join(f"C{i}" for i in range(7)) + "\n")
    ingest_file(store, "customers", tmp_path / "customers.csv")
    ingest_file(store, "orders", tmp_path / "orders.csv")
    # The independent count, on the London clock, per weekday occurrence.
    local = pd.to_datetime(frame.ts, utc=True).dt.tz_convert("Europe/London")
    store.expected = local.dt.day_name().value_counts() / 4
    return store


def test_busiest_weekday_is_answered_in_the_thread_with_its_chart(make_slack, shop):
    slack = make_slack(store=shop)
    body, status = slack.mention("what's our busiest day of the week for orders?")
    assert status == 200
    root = body["event"]["ts"]
    update = slack.answer_in(root)
    text = text_of(update)
    expected = shop.expected
    assert expected.idxmax() == "Saturday" and expected["Saturday"] == 7.0  # 6 + the late Friday one
    assert "Saturday" in text and "time_pattern(" in text
    assert "Saturday, 7.00 orders a day on average over 4 Saturdays" in text, text
    # The data ended weeks ago: the default "last 90 days" is said to be counted back from its last day.
    # the orders end months after the fixture's journey events: the answer names the table it read
    assert "The orders end on 2026-10-04 (the journey events on" in text and "“last 90 days”, the period used when none is named, is counted back from that day" in text
    buttons = buttons_of(update)
    assert "show_chart" in buttons
    slack.click("show_chart", buttons["show_chart"], message_ts=update.params["ts"], thread_ts=root)
    done = slack.fake.wait_for("files.completeUploadExternal")[0]
    assert (done.params["channel_id"], done.params["thread_ts"]) == (CHANNEL, root)
    png = slack.fake.calls_to("upload")[0].body
    assert imread(io.BytesIO(png), format="png").shape[1] > 500
