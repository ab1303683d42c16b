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
