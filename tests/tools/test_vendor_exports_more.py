"""Etsy orders, Freshdesk tickets, Trustpilot reviews and HubSpot contacts load through `journeybot ingest` as
downloaded, the shop's own export (tests/fixtures/vendors) and a held-back one from another
made-up shop (tests/fixtures/vendors_heldout: other currency, zone, column order, statuses),
and the numbers an owner asks for agree with pandas reading the raw file here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from bot.cli import main
from tools.data.store import JourneyStore
from tools.data.vendors.catalogue import read_header, recognitions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MAIN, HELDOUT = FIXTURES / "vendors", FIXTURES / "vendors_heldout"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def load(path: Path, zone: str, home: Path) -> tuple[str, JourneyStore]:
    run("profile", "set", f"timezone={zone}")
    out = run("ingest", str(path))
    return out, JourneyStore(home / "journey.duckdb")


def raw(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def key(email: str) -> str:
    return "c-" + hashlib.md5(email.strip().lower().encode()).hexdigest()[:16]


@pytest.mark.parametrize(("file", "recipe"), [
    ("etsy/EtsySoldOrders.csv", "etsy_orders"),
    ("freshdesk/tickets.csv", "freshdesk_tickets"),
    ("trustpilot/reviews.csv", "trustpilot_reviews"),
    ("hubspot/hubspot-crm-exports-all-contacts.csv", "hubspot_contacts"),
    ("sumup/sales_report.csv", "sumup_sales"),
    ("sumup/sales_report_de.csv", "sumup_sales_de"),
    ("eventbrite/attendees.csv", "eventbrite_attendees"),
    ("squarespace/orders.csv", "squarespace_orders"),
])
@pytest.mark.parametrize("root", [MAIN, HELDOUT], ids=["main", "heldout"])
def test_each_new_export_is_recognised_by_its_recipe_alone(root, file, recipe):
    header = read_header(root / file)
    assert [r.recipe.name for r in recognitions(header) if r.complete] == [recipe]


ETSY = [(MAIN / "etsy/EtsySoldOrders.csv", "America/New_York", "USD"),
        (HELDOUT / "etsy/EtsySoldOrders.csv", "Europe/London", "GBP")]


@pytest.mark.parametrize(("path", "zone", "currency"), ETSY, ids=["main", "heldout"])
def test_etsy_orders_revenue_is_net_of_refunds_as_etsy_adjusts_it(path, zone, currency, home):
    out, store = load(path, zone, home)
    assert "as an Etsy sold orders export (Etsy)" in out and f"amounts in {currency}" in out
    d = raw(path)
    adjusted = d["Adjusted Order Total"]
    refunded = adjusted.ne("") & adjusted.astype(str).replace("", "nan").astype(float).eq(0)
    worth = adjusted.where(adjusted != "", d["Order Total"]).astype(float)
    assert refunded.any() and (adjusted.ne("") & ~refunded).any()  # full and partial refunds are both there
    assert store.count("orders") == d["Order ID"].nunique() == len(d)
    assert store.scalar("SELECT count(*) FROM orders WHERE status = 'returned'") == refunded.sum()
    revenue = store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'")
    assert revenue == pytest.approx(worth[~refunded].sum())
    # a partly refunded order is worth what Etsy kept, not what was first paid
    partial = d[adjusted.ne("") & ~refunded].iloc[0]
    assert store.scalar("SELECT amount FROM orders WHERE order_id = ?", [partial["Order ID"]]) == \
        pytest.approx(float(partial["Adjusted Order Total"]))
    assert store.scalar("SELECT sum(items) FROM orders") == d["Number of Items"].astype(int).sum()
    assert store.scalar("SELECT count(DISTINCT customer_id) FROM orders") == d["Buyer User ID"].nunique()
    assert store.query("SELECT DISTINCT currency FROM orders")["currency"].tolist() == [currency]
    # Sale Date is month first with a two-digit year, the shop's own day
    days = store.query(f"SELECT order_id, strftime(timezone('{zone}', ts), '%Y-%m-%d') AS day FROM orders")
    want = dict(zip(d["Order ID"], pd.to_datetime(d["Sale Date"], format="%m/%d/%y").dt.strftime("%Y-%m-%d"), strict=True))
    assert dict(zip(days["order_id"], days["day"], strict=True)) == want
    in_person = (d["Order Type"] == "in_person").sum()
    assert store.scalar("SELECT count(*) FROM orders WHERE channel = 'in_store'") == in_person
    store.close()


FRESHDESK = [(MAIN / "freshdesk/tickets.csv", "Europe/London"), (HELDOUT / "freshdesk/tickets.csv", "America/Chicago")]
FD_STATUS = {"Open": "open", "Pending": "pending", "Waiting on Customer": "pending",
             "Waiting on Third Party": "pending", "Resolved": "resolved", "Closed": "closed"}


def local(series: pd.Series, zone: str) -> pd.Series:
    return pd.to_datetime(series.replace("", None), format="%Y-%m-%d %H:%M:%S").dt.tz_localize(
        zone, ambiguous="NaT", nonexistent="NaT")


@pytest.mark.parametrize(("path", "zone"), FRESHDESK, ids=["main", "heldout"])
def test_freshdesk_tickets_statuses_and_reply_times(path, zone, home):
    out, store = load(path, zone, home)
    assert "as a Freshdesk tickets export (Freshdesk): loading tickets" in out
    d = raw(path)
    assert store.count("tickets") == len(d)
    got = store.query("SELECT status, count(*) AS n FROM tickets GROUP BY 1")
    assert dict(zip(got["status"], got["n"], strict=True)) == d["Status"].map(FD_STATUS).value_counts().to_dict()
    created, replied = local(d["Created time"], zone), local(d["Initial response time"], zone)
    minutes = ((replied - created).dt.total_seconds() / 60).dropna()
    stored = store.query("SELECT ticket_id, epoch(first_response_at) - epoch(created_at) AS s FROM tickets "
                         "WHERE first_response_at IS NOT NULL")
    assert len(stored) == d["Initial response time"].ne("").sum()
    assert (stored["s"] / 60).median() == pytest.approx(minutes.median())
    # opened at the helpdesk's local time, read in the business zone
    epochs = store.query("SELECT ticket_id, epoch(created_at) AS t FROM tickets")
    want = {tid: t.timestamp() for tid, t in zip(d["Ticket ID"], created, strict=True) if not pd.isna(t)}
    assert {k: v for k, v in zip(epochs["ticket_id"], epochs["t"], strict=True) if k in want} == want
    resolved = d["Resolved time"].ne("") | d["Closed time"].ne("")
    assert store.scalar("SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL") == resolved.sum()
    with_email = d.loc[d["Email"] != "", "Email"]
    customers = set(store.query("SELECT customer_id FROM tickets WHERE customer_id IS NOT NULL")["customer_id"])
    assert customers == {key(e) for e in with_email}
    assert store.scalar("SELECT count(*) FROM tickets WHERE customer_id IS NULL") == (d["Email"] == "").sum()
    store.close()


TRUSTPILOT = [(MAIN / "trustpilot/reviews.csv", "Europe/London"), (HELDOUT / "trustpilot/reviews.csv", "Europe/Amsterdam")]


@pytest.mark.parametrize(("path", "zone"), TRUSTPILOT, ids=["main", "heldout"])
def test_trustpilot_reviews_become_ratings_with_their_text(path, zone, home):
    out, store = load(path, zone, home)
    assert "as a Trustpilot service reviews export (Trustpilot): loading surveys" in out
    d = raw(path)
    stars = d["Review Stars"].astype(int)
    assert store.count("surveys") == len(d)
    assert store.scalar("SELECT avg(csat) FROM surveys") == pytest.approx(stars.mean())
    assert store.scalar("SELECT count(*) FROM surveys WHERE csat <= 2") == (stars <= 2).sum()
    when = pd.to_datetime(d["Review Created (UTC)"], utc=True, format="ISO8601")
    got = store.query("SELECT survey_id, epoch(ts) AS t, order_id, text FROM surveys").set_index("survey_id")
    assert got["t"].to_dict() == {i: t.timestamp() for i, t in zip(d["Review Id"], when, strict=True)}
    invited = d[d["Reference Id"] != ""]
    assert got["order_id"].dropna().to_dict() == dict(zip(invited["Review Id"], invited["Reference Id"], strict=True))
    first = d.iloc[0]
    assert first["Review Title"] in got.loc[first["Review Id"], "text"]
    assert first["Review Content"].split(",")[0] in got.loc[first["Review Id"], "text"]
    store.close()


HUBSPOT = [(MAIN / "hubspot/hubspot-crm-exports-all-contacts.csv", "America/Los_Angeles"),
           (HELDOUT / "hubspot/hubspot-crm-exports-all-contacts.csv", "Europe/Oslo")]


@pytest.mark.parametrize(("path", "zone"), HUBSPOT, ids=["main", "heldout"])
def test_hubspot_contacts_become_customers_with_stage_and_source(path, zone, home):
    out, store = load(path, zone, home)
    assert "as a HubSpot contacts export (HubSpot): loading customers" in out
    d = raw(path)
    assert store.count("customers") == len(d)
    ids = set(store.query("SELECT customer_id FROM customers")["customer_id"])
    no_email = d[d["Email"] == ""]
    assert len(no_email) and ids == {key(e) for e in d.loc[d["Email"] != "", "Email"]} | \
        {f"hubspot-{r}" for r in no_email["Record ID"]}
    got = store.query("SELECT segment, count(*) AS n FROM customers GROUP BY 1")
    assert dict(zip(got["segment"], got["n"], strict=True)) == d["Lifecycle Stage"].value_counts().to_dict()
    sources = d["Original Source"].str.lower().str.replace(" ", "_").value_counts().to_dict()
    got = store.query("SELECT acquisition_channel AS c, count(*) AS n FROM customers GROUP BY 1")
    assert dict(zip(got["c"], got["n"], strict=True)) == sources
    # Create Date is the portal's local time to the minute, read in the business zone
    created = local(d["Create Date"] + ":00", zone)
    cid = d["Email"].map(lambda e: key(e) if e else "").where(d["Email"] != "", "hubspot-" + d["Record ID"])
    want = {c: t.timestamp() for c, t in zip(cid, created, strict=True) if not pd.isna(t)}
    first = store.query("SELECT customer_id, epoch(first_seen) AS t FROM customers")
    assert {c: t for c, t in zip(first["customer_id"], first["t"], strict=True) if c in want} == want
    # names and phone numbers stay out of the store
    stored = " ".join(store.query("SELECT attributes FROM customers")["attributes"].dropna())
    assert not any(n in stored for n in d["Last Name"]) and "+1 555" not in stored
    store.close()


SUMUP = [(MAIN / "sumup/sales_report.csv", "Europe/Zurich", "en"), (MAIN / "sumup/sales_report_de.csv", "Europe/Berlin", "de"),
         (HELDOUT / "sumup/sales_report.csv", "Europe/Dublin", "en"),
         (HELDOUT / "sumup/sales_report_de.csv", "Europe/Vienna", "de")]
SUMUP_COLUMNS = {"en": ("Transaction ID", "Type", "Sales", "Price (Gross)", "SumUp sales report"),
                 "de": ("Transaktionsnummer", "Typ", "Verkauf", "Preis (brutto)", "SumUp Verkaufsbericht")}


@pytest.mark.parametrize(("path", "zone", "lang"), SUMUP, ids=["main-en", "main-de", "heldout-en", "heldout-de"])
def test_sumup_sales_report_folds_items_and_nets_refunds_in_either_language(path, zone, lang, home):
    tx, kind, sale, gross, title = SUMUP_COLUMNS[lang]
    out, store = load(path, zone, home)
    assert f"as a {title}" in out and "(SumUp): loading orders" in out
    d = raw(path)
    d["gross"] = d[gross].astype(float)
    net = d.groupby(tx)["gross"].sum().round(6)
    refunded = net[net <= 0].index
    assert store.count("orders") == d[tx].nunique()
    assert store.scalar("SELECT count(*) FROM orders WHERE status = 'returned'") == len(refunded) > 0
    assert store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'") == \
        pytest.approx(net[net > 0].sum())
    partly = d[d[kind] != sale][tx]
    partly = [t for t in partly.unique() if t not in refunded]
    assert partly, "the fixture has partial refunds"
    got = store.query("SELECT order_id, amount FROM orders").set_index("order_id")["amount"]
    assert got[partly[0]] == pytest.approx(net[partly[0]])
    # the sale's local time, day first, read in the business zone
    sales = d[d[kind] == sale].drop_duplicates(tx).set_index(tx)
    text = sales["Date"] + " " + sales["Time"] if lang == "en" else sales["Datum"]
    fmt = "%d.%m.%y %H:%M" if lang == "en" else "%d.%m.%Y, %H:%M"
    when = pd.to_datetime(text, format=fmt).dt.tz_localize(zone)
    epochs = store.query("SELECT order_id, epoch(ts) AS t FROM orders").set_index("order_id")["t"]
    assert epochs.sort_index().tolist() == [t.timestamp() for t in when.sort_index()]
    assert store.scalar("SELECT count(*) FROM orders WHERE channel = 'in_store'") == store.count("orders")
    store.close()


EVENTBRITE = [(MAIN / "eventbrite/attendees.csv", "America/Chicago"),
              (HELDOUT / "eventbrite/attendees.csv", "America/Toronto")]


@pytest.mark.parametrize(("path", "zone"), EVENTBRITE, ids=["main", "heldout"])
def test_eventbrite_attendees_fold_into_bookings(path, zone, home):
    out, store = load(path, zone, home)
    assert "as an Eventbrite attendee summary export (Eventbrite): loading orders" in out
    d = raw(path)
    d["paid"] = d["Total Paid"].astype(float)
    orders = d.groupby("Order #").agg(paid=("paid", "sum"), tickets=("Quantity", lambda q: q.astype(int).sum()),
                                      all_refunded=("Attendee Status", lambda s: (s == "Refunded").all()))
    assert store.count("orders") == len(orders)
    assert store.scalar("SELECT count(*) FROM orders WHERE status = 'returned'") == orders["all_refunded"].sum() > 0
    kept = orders[~orders["all_refunded"]]
    assert store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'") == pytest.approx(kept["paid"].sum())
    assert store.scalar("SELECT sum(items) FROM orders") == orders["tickets"].sum()
    assert store.scalar("SELECT count(DISTINCT customer_id) FROM orders") == d.groupby("Order #")["Email"].first().nunique()
    first = d.drop_duplicates("Order #").set_index("Order #")
    when = pd.to_datetime(first["Order Date"], format="%m/%d/%y %H:%M").dt.tz_localize(zone, ambiguous="NaT")
    epochs = store.query("SELECT order_id, epoch(ts) AS t FROM orders").set_index("order_id")["t"]
    want = {k: t.timestamp() for k, t in when.items() if not pd.isna(t)}
    assert {k: epochs[k] for k in want} == want
    store.close()


def test_a_uk_eventbrite_export_with_localised_headers_is_named_as_a_near_miss(tmp_path):
    """A UK account writes "Order no." and "Surname": not loaded as something else, but named."""
    d = raw(MAIN / "eventbrite/attendees.csv").rename(columns={"Order #": "Order no.", "Last Name": "Surname"})
    f = tmp_path / "attendees.csv"
    d.to_csv(f, index=False)
    result = CliRunner().invoke(main, ["ingest", str(f)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "looks like an Eventbrite attendee summary export (Eventbrite) but the header lacks 'Order #'" in result.output


SQUARESPACE = [(MAIN / "squarespace/orders.csv", "America/Los_Angeles"),
               (HELDOUT / "squarespace/orders.csv", "Europe/London")]


@pytest.mark.parametrize(("path", "zone"), SQUARESPACE, ids=["main", "heldout"])
def test_squarespace_line_items_fold_and_statuses(path, zone, home):
    out, store = load(path, zone, home)
    assert "as a Squarespace orders export (Squarespace): loading orders" in out
    d = raw(path)
    first = d[d["Email"] != ""].set_index("Order ID")  # the order's fields are on its first row only
    status = first["Financial Status"].str.upper().map(
        {"PAID": "completed", "PARTIALLY_REFUNDED": "completed", "PENDING": "pending", "REFUNDED": "returned"})
    status[first["Cancelled at"] != ""] = "cancelled"
    got = store.query("SELECT status, count(*) AS n FROM orders GROUP BY 1")
    assert dict(zip(got["status"], got["n"], strict=True)) == status.value_counts().to_dict()
    assert "returned" in set(status)
    # Squarespace: Amount Refunded is what was given back, partial refunds too; revenue is what was kept
    kept = first["Total"].astype(float) - first["Amount Refunded"].replace("", "0").astype(float)
    completed = kept[status == "completed"]
    assert store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'") == pytest.approx(completed.sum())
    partial = first[first["Financial Status"].str.upper() == "PARTIALLY_REFUNDED"].index
    assert len(partial) and store.scalar("SELECT amount FROM orders WHERE order_id = ?", [partial[0]]) == \
        pytest.approx(kept[partial[0]]) and kept[partial[0]] < float(first.loc[partial[0], "Total"])
    items = d.groupby("Order ID")["Lineitem quantity"].apply(lambda q: q.astype(int).sum())
    stored = store.query("SELECT order_id, items FROM orders").set_index("order_id")["items"]
    assert stored.to_dict() == items.to_dict()
    when = pd.to_datetime(first["Created at"], format="%m/%d/%Y %H:%M").dt.tz_localize(zone, ambiguous="NaT")
    epochs = store.query("SELECT order_id, epoch(ts) AS t FROM orders").set_index("order_id")["t"]
    want = {k: t.timestamp() for k, t in when.items() if not pd.isna(t)}
    assert {k: epochs[k] for k in want} == want
    assert store.scalar("SELECT count(DISTINCT customer_id) FROM orders") == first["Email"].str.lower().nunique()
    store.close()


def test_etsy_sales_without_a_buyer_id_are_one_off_guests_not_one_customer(tmp_path, home):
    d = raw(MAIN / "etsy/EtsySoldOrders.csv")
    walk_ins = d.index[:3]
    d.loc[walk_ins, "Buyer User ID"] = ""
    f = tmp_path / "EtsySoldOrders2025-1.csv"
    d.to_csv(f, index=False)
    _, store = load(f, "America/New_York", home)
    guests = store.query("SELECT customer_id FROM orders WHERE order_id IN (SELECT unnest(?))",
                         [d.loc[walk_ins, "Order ID"].tolist()])["customer_id"]
    assert sorted(guests) == sorted(f"guest-etsy-{o}" for o in d.loc[walk_ins, "Order ID"])
    store.close()
