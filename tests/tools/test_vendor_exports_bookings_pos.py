"""A booking system's appointments export (Acuity Scheduling) and a restaurant POS's orders export
(Toast OrderDetails.csv) load through `journeybot ingest` as downloaded, the business's own
(tests/fixtures/vendors) and a held-back one from another made-up business (other zone, currency,
columns, statuses), and the numbers an owner asks for (bookings and orders, revenue, cancellations,
no-shows, voids, clients) agree with pandas reading the raw file here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.analytics.kpis import KpiParams, kpis
from tools.analytics.periods import Period
from tools.data.store import JourneyStore
from tools.data.vendors.catalogue import read_header, recognitions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"
ACUITY = [(MAIN / "acuity/appointments.csv", "America/Chicago", "USD"),
          (HELDOUT / "acuity/appointments.csv", "Europe/London", "GBP")]


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def key(email: str) -> str:
    return "c-" + hashlib.md5(email.strip().lower().encode()).hexdigest()[:16]


@pytest.mark.parametrize("path", [p for p, _, _ in ACUITY], ids=["main", "heldout"])
def test_an_acuity_export_is_recognised_by_its_recipe_alone(path):
    assert [r.recipe.name for r in recognitions(read_header(path)) if r.complete] == ["acuity_appointments"]


@pytest.mark.parametrize(("path", "zone", "currency"), ACUITY, ids=["main", "heldout"])
def test_acuity_bookings_revenue_cancellations_and_no_shows(path, zone, currency, home):
    run("profile", "set", f"timezone={zone}", f"currency={currency}")
    out = run("ingest", "--no-index", str(path))
    assert "as an Acuity Scheduling appointments export (Acuity Scheduling): loading orders" in out
    d = raw(path)
    # Acuity: a no-show is recorded when cancelling (a No Show column, or a "No Show" label);
    # other canceled appointments say Canceled yes; every other appointment is a booking
    no_show = d["Label"].str.lower().eq("no show")
    if "No Show" in d.columns:
        no_show |= d["No Show"].eq("yes")
    cancelled = d["Canceled"].eq("yes") & ~no_show
    booked = ~no_show & ~cancelled
    assert no_show.any() and cancelled.any()

    store = JourneyStore(home / "journey.duckdb")
    assert store.count("orders") == d["Appointment ID"].nunique() == len(d)
    got = store.query("SELECT status_raw, count(*) AS n FROM orders GROUP BY 1")
    assert dict(zip(got["status_raw"], got["n"], strict=True)) == {
        "completed": booked.sum(), "cancelled": cancelled.sum(), "no_show": no_show.sum()}
    price = d["Appointment Price"].astype(float)
    headline = {v.metric: v.value for v in kpis(store, KpiParams(period=Period(name="all"),
                                                                 metrics=["orders", "revenue"])).values}
    assert headline["orders"] == booked.sum()
    assert headline["revenue"] == pytest.approx(price[booked].sum())
    # each appointment on the day and hour it starts, in the business's zone
    start = pd.to_datetime(d["Start Time"], format="%B %d, %Y %I:%M %p").dt.tz_localize(zone)
    stored = store.query("SELECT order_id, epoch(ts) AS t FROM orders")
    assert dict(zip(stored["order_id"], stored["t"], strict=True)) == \
        dict(zip(d["Appointment ID"], (t.timestamp() for t in start), strict=True))
    # clients by email key (never the address); a booking without an email is a one-off guest
    emails = d.loc[d["Email"] != "", "Email"]
    customers = set(store.query("SELECT DISTINCT customer_id FROM orders")["customer_id"])
    assert customers == {key(e) for e in emails} | {f"guest-acuity-{a}" for a in d.loc[d["Email"] == "", "Appointment ID"]}
    services = store.query("SELECT products, count(*) AS n FROM orders GROUP BY 1")
    assert dict(zip(services["products"], services["n"], strict=True)) == d["Type"].value_counts().to_dict()
    store.close()
    assert "0 new, 0 updated" in run("ingest", "--no-index", str(path))


def test_appointments_after_today_are_kept_as_upcoming_bookings(tmp_path, home):
    """The export lists upcoming appointments; they load on their own day without --allow-future."""
    d = raw(MAIN / "acuity/appointments.csv")
    later = pd.Timestamp.now(tz="America/Chicago").normalize() + pd.Timedelta(days=10, hours=11)
    d.loc[d.index[-1], "Start Time"] = f"{later:%B} {later.day}, {later.year} 11:00 am"
    f = tmp_path / "appointments.csv"
    d.to_csv(f, index=False)
    run("profile", "set", "timezone=America/Chicago")
    run("ingest", "--no-index", str(f))
    store = JourneyStore(home / "journey.duckdb")
    assert store.count("orders") == len(d)
    assert store.scalar("SELECT count(*) FROM orders WHERE ts > now()") == 1
    store.close()


TOAST = [(MAIN / "toast/OrderDetails.csv", "America/Denver", "USD"),
         (HELDOUT / "toast/OrderDetails.csv", "Europe/Dublin", "EUR")]


@pytest.mark.parametrize(("path", "zone", "currency"), TOAST, ids=["main", "heldout"])
def test_toast_orders_net_sales_voids_and_open_checks(path, zone, currency, home):
    assert [r.recipe.name for r in recognitions(read_header(path)) if r.complete] == ["toast_orders"]
    run("profile", "set", f"timezone={zone}", f"currency={currency}")
    out = run("ingest", "--no-index", str(path))
    assert "as a Toast orders data export (Toast): loading orders" in out
    d = raw(path)
    # Toast: Voided True is a void; an order without a Paid time is still open; Amount is the
    # net sale (after discounts, before tax, tip and gratuity)
    voided = d["Voided"].str.lower().eq("true")
    still_open = ~voided & d["Paid"].eq("")
    sold = ~voided & ~still_open
    assert voided.any()
    store = JourneyStore(home / "journey.duckdb")
    got = store.query("SELECT status_raw, count(*) AS n FROM orders GROUP BY 1")
    want = {"completed": sold.sum(), "voided": voided.sum(), "open": still_open.sum()}
    assert dict(zip(got["status_raw"], got["n"], strict=True)) == {k: v for k, v in want.items() if v}
    headline = {v.metric: v.value for v in kpis(store, KpiParams(period=Period(name="all"),
                                                                 metrics=["orders", "revenue"])).values}
    assert headline["orders"] == sold.sum()
    assert headline["revenue"] == pytest.approx(d.loc[sold, "Amount"].astype(float).sum())
    opened = pd.to_datetime(d["Opened"], format="%m/%d/%Y %H:%M:%S").dt.tz_localize(zone)
    stored = store.query("SELECT order_id, epoch(ts) AS t FROM orders")
    assert dict(zip(stored["order_id"], stored["t"], strict=True)) == \
        dict(zip(d["Order Id"], (t.timestamp() for t in opened), strict=True))
    channels = store.query("SELECT channel, count(*) AS n FROM orders GROUP BY 1")
    assert dict(zip(channels["channel"], channels["n"], strict=True)) == \
        d["Order Source"].map({"In store": "in_store", "Online": "online"}).value_counts().to_dict()
    store.close()
