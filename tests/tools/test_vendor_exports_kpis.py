"""The headline numbers an owner asks for, through the KPI tool, on the newer vendor exports
(Etsy, SumUp, Eventbrite, Freshdesk, Trustpilot; main and held-back files), each checked against pandas on
the raw file with the vendor's own meaning of its columns written out here."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
from tools.data.vendors.load import ingest_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
ALL = Period(name="all")


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def headline(path: Path, zone: str, metrics: list[str]) -> dict:
    store = JourneyStore(None, timezone=zone)
    try:
        ingest_export(store, path)
        return {v.metric: v.value for v in kpis(store, KpiParams(period=ALL, metrics=metrics)).values}
    finally:
        store.close()


@pytest.mark.parametrize(("path", "zone"), [(MAIN / "etsy/EtsySoldOrders.csv", "America/New_York"),
                                            (HELDOUT / "etsy/EtsySoldOrders.csv", "Europe/London")],
                         ids=["main", "heldout"])
def test_etsy_revenue_orders_and_aov_are_net_of_refunds(path, zone):
    d = raw(path)
    # Etsy: Adjusted Order Total is what the order is worth after a refund (0: all refunded)
    worth = d["Adjusted Order Total"].where(d["Adjusted Order Total"] != "", d["Order Total"]).astype(float)
    kept = worth[worth > 0]
    got = headline(path, zone, ["revenue", "orders", "aov"])
    assert got["orders"] == len(kept) < len(d)
    assert got["revenue"] == pytest.approx(kept.sum())
    assert got["aov"] == pytest.approx(kept.mean())


@pytest.mark.parametrize(("path", "zone", "tx", "gross"), [
    (MAIN / "sumup/sales_report.csv", "Europe/Zurich", "Transaction ID", "Price (Gross)"),
    (MAIN / "sumup/sales_report_de.csv", "Europe/Berlin", "Transaktionsnummer", "Preis (brutto)"),
    (HELDOUT / "sumup/sales_report.csv", "Europe/Dublin", "Transaction ID", "Price (Gross)"),
    (HELDOUT / "sumup/sales_report_de.csv", "Europe/Vienna", "Transaktionsnummer", "Preis (brutto)"),
], ids=["main-en", "main-de", "heldout-en", "heldout-de"])
def test_sumup_revenue_is_what_each_sale_kept(path, zone, tx, gross):
    d = raw(path)
    # SumUp: item rows and refund rows (negative) of a transaction add up to what it kept
    net = d.assign(g=d[gross].astype(float)).groupby(tx)["g"].sum().round(6)
    kept = net[net > 0]
    got = headline(path, zone, ["revenue", "orders"])
    assert got["orders"] == len(kept)
    assert got["revenue"] == pytest.approx(kept.sum())


@pytest.mark.parametrize(("path", "zone"), [(MAIN / "trustpilot/reviews.csv", "Europe/London"),
                                            (HELDOUT / "trustpilot/reviews.csv", "Europe/Amsterdam")],
                         ids=["main", "heldout"])
def test_trustpilot_stars_give_csat(path, zone):
    stars = raw(path)["Review Stars"].astype(int)
    got = headline(path, zone, ["csat", "csat_mean"])
    assert got["csat"] == pytest.approx((stars >= 4).mean())
    assert got["csat_mean"] == pytest.approx(stars.mean())


@pytest.mark.parametrize(("path", "zone"), [(MAIN / "freshdesk/tickets.csv", "Europe/London"),
                                            (HELDOUT / "freshdesk/tickets.csv", "America/Chicago")],
                         ids=["main", "heldout"])
def test_freshdesk_tickets_and_first_response_time(path, zone):
    d = raw(path)

    def local(col: str) -> pd.Series:
        return pd.to_datetime(d[col].replace("", None), format="%Y-%m-%d %H:%M:%S").dt.tz_localize(
            zone, ambiguous="NaT", nonexistent="NaT")

    # Freshdesk: Initial response time is when the first agent reply went out (local time)
    hours = ((local("Initial response time") - local("Created time")).dt.total_seconds() / 3600).dropna()
    got = headline(path, zone, ["tickets", "first_response_time"])
    assert got["tickets"] == len(d)
    assert got["first_response_time"] == pytest.approx(hours.median(), abs=0.01)


@pytest.mark.parametrize(("path", "zone"), [(MAIN / "eventbrite/attendees.csv", "America/Chicago"),
                                            (HELDOUT / "eventbrite/attendees.csv", "America/Toronto")],
                         ids=["main", "heldout"])
def test_eventbrite_bookings_and_ticket_revenue(path, zone):
    d = raw(path)
    # Eventbrite: one row per ticket; an order all of whose tickets were refunded is not revenue
    d["paid"] = d["Total Paid"].astype(float)
    orders = d.groupby("Order #").agg(paid=("paid", "sum"), refunded=("Attendee Status", lambda s: (s == "Refunded").all()))
    kept = orders[~orders["refunded"]]
    got = headline(path, zone, ["revenue", "orders"])
    assert got["orders"] == len(kept) < len(orders)
    assert got["revenue"] == pytest.approx(kept["paid"].sum())
