"""What `journeybot describe` says of a store's dates."""

from __future__ import annotations

import datetime as dt

from tools.analytics.describe import describe_data
from tools.data.ingest import ingest_file
from tools.data.mapping import Mapping
from tools.data.store import JourneyStore


def test_describe_dates_a_support_desk_by_its_tickets(tmp_path):
    """twcs: 'what data do you have?' began with the customers and no dates at all."""
    desk = JourneyStore(None, timezone="UTC")
    (tmp_path / "tickets.csv").write_text("ticket_id,customer_id,created_at\nT1,A,2011-08-29 10:00\n"
                                          "T2,B,2017-12-02 09:00\n")
    ingest_file(desk, "tickets", tmp_path / "tickets.csv", Mapping(table="tickets", unknown_customers="create"))
    days = (dt.date(2017, 12, 2) - dt.date(2011, 8, 29)).days + 1
    assert describe_data(desk).to_text().splitlines()[0] == f"Data from 2011-08-29 to 2017-12-02 ({days:,} days, UTC)."


def _desk(tmp_path, early: list[str], bulk: int = 300) -> JourneyStore:
    """`bulk` tickets from 1 October 2017 on (300: to 29 December), and `early` ones before."""
    desk = JourneyStore(None, timezone="UTC")
    step = 7 * 300 * 60 // bulk  # minutes: the same three months whatever the count
    bulk_ts = [f"{dt.datetime(2017, 10, 1, 9) + dt.timedelta(minutes=step * i):%Y-%m-%d %H:%M}" for i in range(bulk)]
    rows = [f"T{i},C{i % 40},{ts}" for i, ts in enumerate(early + bulk_ts)]
    (tmp_path / "tickets.csv").write_text("ticket_id,customer_id,created_at\n" + "\n".join(rows) + "\n")
    ingest_file(desk, "tickets", tmp_path / "tickets.csv", Mapping(table="tickets", unknown_customers="create"))
    return desk


def test_one_stray_old_ticket_is_named_not_taken_as_the_start_of_the_data(tmp_path):
    d = describe_data(_desk(tmp_path, ["2011-08-29 10:00"]))
    text = d.to_text()
    assert text.splitlines()[0].startswith("Data from 2017-10-01 to 2017-12-")
    assert "Note: 1 ticket from 2011-08-29; the rest from 2017-10-01 on." in text
    gap = (dt.date(2017, 10, 1) - dt.date(2011, 8, 29)).days
    assert f"The tickets are shown from 2017-10-01: that one lies {gap:,} days before the rest" in text
    [tickets] = [t for t in d.tables if t.table == "tickets"]
    assert (tickets.rows, tickets.first_day, tickets.stray_rows, tickets.stray_first) == \
        (301, dt.date(2017, 10, 1), 1, dt.date(2011, 8, 29))


def test_early_rows_that_are_not_a_handful_or_not_far_off_are_the_start(tmp_path):
    # five of 305 (over 1%) from 2016: a real earlier stretch, however sparse
    many = describe_data(_desk(tmp_path, [f"2016-0{m}-01 10:00" for m in range(1, 6)]))
    assert many.to_text().splitlines()[0].startswith("Data from 2016-01-01")
    assert "the rest from" not in many.to_text()
    # one ticket 40 days before the rest: a quiet start, not a stray
    # 30 tickets of 2016 in a table of 30,000 are under 1%, but a season, not a few strays
    (tmp_path / "season").mkdir()
    season = _desk(tmp_path / "season", [f"2016-05-{d:02d} 10:00" for d in range(1, 31)], bulk=30_000)
    assert describe_data(season).to_text().splitlines()[0].startswith("Data from 2016-05-01")
    (tmp_path / "near").mkdir()
    near = describe_data(_desk(tmp_path / "near", ["2017-08-22 10:00"]))
    assert near.to_text().splitlines()[0].startswith("Data from 2017-08-22")
