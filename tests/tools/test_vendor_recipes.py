"""Each vendor export loads as downloaded (tests/fixtures/vendors, written from the vendors'
documentation, not by journeybot), and what it loads agrees with pandas reading the raw file
here, with the vendor's meaning of each column spelled out in the test."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from tools.core.errors import IngestError
from tools.data.store import JourneyStore
from tools.data.vendors.catalogue import read_header, recognise, recognitions, vendor_recipes
from tools.data.vendors.load import ingest_export

VENDORS = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(VENDORS / name, dtype=str, keep_default_na=False)


def money(series: pd.Series) -> pd.Series:
    return series.str.replace(r"[$£€,]", "", regex=True).astype(float)


def key(email: str) -> str:
    return "c-" + hashlib.md5(email.strip().lower().encode()).hexdigest()[:16]


def by_status(store: JourneyStore, table: str = "orders") -> dict[str, int]:
    frame = store.query(f"SELECT status, count(*) AS n FROM {table} GROUP BY 1")
    return dict(zip(frame["status"], frame["n"].astype(int), strict=True))


@pytest.fixture
def shop() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    yield s
    s.close()


@pytest.mark.parametrize(("file", "recipe"), [
    ("shopify/orders_export.csv", "shopify_orders"),
    ("shopify/customers_export.csv", "shopify_customers"),
    ("square/transactions.csv", "square_transactions"),
    ("stripe/unified_payments.csv", "stripe_payments"),
    ("woocommerce/orders.csv", "woocommerce_orders"),
    ("zendesk/tickets.csv", "zendesk_tickets"),
    ("typeform/responses.csv", "typeform_responses"),
    ("mailchimp/email_activity.csv", "mailchimp_activity"),
])
def test_each_export_is_recognised_from_its_header_alone(file, recipe):
    header = read_header(VENDORS / file)
    found = recognise(header)
    assert found is not None and found.recipe.name == recipe
    # and by no other recipe: each recipe's identifying columns are specific to its export
    assert [r.recipe.name for r in recognitions(header) if r.complete] == [recipe]


def test_shopify_orders_fold_line_items_and_map_statuses(shop):
    report = ingest_export(shop, VENDORS / "shopify/orders_export.csv")
    assert report.recognised and "Shopify orders export" in report.headline()
    d = raw("shopify/orders_export.csv")
    # The order's own fields are on its first row only; test orders went through the Bogus Gateway.
    first = d[d["Financial Status"] != ""]
    first = first[first["Payment Method"] != "bogus"]
    status = first["Financial Status"].map({
        "paid": "completed", "partially_refunded": "completed", "pending": "pending",
        "authorized": "pending", "partially_paid": "pending", "refunded": "returned", "voided": "cancelled"})
    status[first["Cancelled at"] != ""] = "cancelled"
    assert by_status(shop) == dict(Counter(status))
    assert set(by_status(shop)) == {"completed", "pending", "cancelled", "returned"}
    # Refunded Amount is every refund on the order: an order is worth what it kept, a partly
    # refunded one less than its Total, a refunded one nothing
    kept = (first["Total"].astype(float) - first["Refunded Amount"].astype(float)).set_axis(first["Name"])
    assert shop.scalar("SELECT sum(amount) FROM orders") == pytest.approx(kept.sum())
    partial = first.loc[first["Financial Status"] == "partially_refunded", "Name"].iloc[0]
    assert shop.scalar("SELECT amount FROM orders WHERE order_id = ?", [partial]) == pytest.approx(kept[partial])
    assert kept[partial] < float(first.set_index("Name").loc[partial, "Total"])
    items = d.groupby("Name")["Lineitem quantity"].apply(lambda q: q.astype(int).sum())
    got = shop.query("SELECT order_id, items, products FROM orders").set_index("order_id")
    assert got["items"].to_dict() == items[got.index].to_dict()
    multi = d["Name"].value_counts().idxmax()
    assert got.loc[multi, "products"] == ", ".join(d.loc[d["Name"] == multi, "Lineitem name"])
    assert shop.scalar("SELECT DISTINCT currency FROM orders") == "EUR"


def test_shopify_times_keep_their_offset_across_the_summer_time_change(shop):
    ingest_export(shop, VENDORS / "shopify/orders_export.csv")
    d = raw("shopify/orders_export.csv")
    first = d[(d["Financial Status"] != "") & (d["Payment Method"] != "bogus")]
    want = {name: pd.to_datetime(text, format="%Y-%m-%d %H:%M:%S %z").timestamp()
            for name, text in zip(first["Name"], first["Created at"], strict=True)}
    got = shop.query("SELECT order_id, epoch(ts) AS t FROM orders")
    assert dict(zip(got["order_id"], got["t"], strict=True)) == want
    assert any(s.endswith("+0100") for s in first["Created at"]) and any(s.endswith("+0200") for s in first["Created at"])


def test_shopify_customers_meet_their_orders_on_the_email_key(shop):
    ingest_export(shop, VENDORS / "shopify/customers_export.csv")
    ingest_export(shop, VENDORS / "shopify/orders_export.csv")
    customers = raw("shopify/customers_export.csv")
    with_email = customers[customers["Email"] != ""]
    assert shop.count("customers") >= len(customers)
    stored = set(shop.query("SELECT customer_id FROM customers WHERE source = 'shopify_customers'")["customer_id"])
    assert {key(e) for e in with_email["Email"]} <= stored
    no_email = customers[customers["Email"] == ""]["Customer ID"].str.lstrip("'")
    assert {f"shopify-{c}" for c in no_email} <= stored
    # no address is stored: the key is a digest
    assert not shop.scalar("SELECT count(*) FROM customers WHERE contains(customer_id, '@')")
    orders = raw("shopify/orders_export.csv")
    buyer = orders.loc[orders["Email"] != "", "Email"].iloc[0]
    assert shop.scalar("SELECT count(*) FROM orders WHERE customer_id = ?", [key(buyer)]) >= 1


def test_square_refunds_fold_into_their_payment(shop):
    ingest_export(shop, VENDORS / "square/transactions.csv")
    d = raw("square/transactions.csv")
    d["collected"] = money(d["Total Collected"])
    net = d.groupby("Transaction ID")["collected"].sum()
    payments = d[d["Event Type"] == "Payment"].set_index("Transaction ID")
    expected = Counter("returned" if net[t] <= 0 else "completed" for t in payments.index)
    assert by_status(shop) == dict(expected)
    # each payment is worth what its refunds left of it: partly refunded ones less, refunded ones 0
    assert shop.scalar("SELECT sum(amount) FROM orders") == pytest.approx(net[payments.index].sum())
    partly = [t for t in payments.index if 0 < net[t] < payments.loc[t, "collected"]]
    assert partly and shop.scalar("SELECT amount FROM orders WHERE order_id = ?", [partly[0]]) == \
        pytest.approx(net[partly[0]])
    # the payment's local time in the zone the export names, not the refund's
    row = payments.iloc[0]
    zone = ZoneInfo("America/Los_Angeles")
    assert row["Time Zone"] == "Pacific Time (US & Canada)"
    local = pd.Timestamp(f"{row['Date']} {row['Time']}").tz_localize(zone)
    got = shop.scalar("SELECT epoch(ts) FROM orders WHERE order_id = ?", [payments.index[0]])
    assert got == local.timestamp()


def test_a_square_export_without_the_customer_column_loads_every_sale_as_a_guest(shop, tmp_path):
    """Square leaves Customer ID out of the export when no sale had a customer on file (a
    walk-in shop): every transaction is then a one-off guest, not a refused file."""
    d = pd.read_csv(VENDORS / "square/transactions.csv", dtype=str, keep_default_na=False)
    path = tmp_path / "transactions.csv"
    d.drop(columns=["Customer ID"]).to_csv(path, index=False)
    ingest_export(shop, path)
    payments = d[d["Event Type"] == "Payment"]["Transaction ID"]
    assert shop.count("orders") == payments.nunique()
    guests = shop.query("SELECT DISTINCT customer_id FROM orders")["customer_id"]
    assert len(guests) == payments.nunique() and guests.str.contains("guest", case=False).all()


def test_stripe_keeps_refunds_and_leaves_out_declines(shop):
    ingest_export(shop, VENDORS / "stripe/unified_payments.csv")
    d = raw("stripe/unified_payments.csv")
    charges = d[(d["id"] != "") & (d["Status"] != "Failed")]
    expected = charges["Status"].map({"Paid": "completed", "Refunded": "returned"})
    assert by_status(shop) == dict(Counter(expected))
    # Converted Amount Refunded is every refund on the charge: a charge is worth what it kept
    kept = charges["Converted Amount"].astype(float) - charges["Converted Amount Refunded"].astype(float)
    assert shop.scalar("SELECT sum(amount) FROM orders") == pytest.approx(kept.sum())
    assert shop.query("SELECT DISTINCT currency FROM orders")["currency"].tolist() == \
        sorted(charges["Converted Currency"].str.upper().unique())


def test_woocommerce_statuses_and_items(shop):
    ingest_export(shop, VENDORS / "woocommerce/orders.csv")
    d = raw("woocommerce/orders.csv")
    expected = d["status"].map({
        "completed": "completed", "processing": "completed", "on-hold": "pending", "pending": "pending",
        "failed": "cancelled", "cancelled": "cancelled", "refunded": "returned"})
    assert expected.notna().all()
    assert by_status(shop) == dict(Counter(expected))
    cells = d.filter(regex=r"^line_item_\d+$")
    quantities = cells.apply(lambda col: col.str.extract(r"\|quantity:(\d+)")[0].astype(float)).sum(axis=1)
    got = shop.query("SELECT order_id, items FROM orders").set_index("order_id")["items"]
    assert got.sort_index().tolist() == pd.Series(quantities.values, index=d["order_id"]).sort_index().astype(int).tolist()


def test_zendesk_tickets_and_their_satisfaction_ratings(shop):
    report = ingest_export(shop, VENDORS / "zendesk/tickets.csv")
    assert [r.table for r in report.reports] == ["tickets", "surveys"]
    d = raw("zendesk/tickets.csv")
    expected = d["Status"].map({"New": "open", "Open": "open", "Pending": "pending", "Hold": "pending",
                                "Solved": "resolved", "Closed": "closed"})
    assert by_status(shop, "tickets") == dict(Counter(expected))
    rated = d[d["Satisfaction Score"].isin(["Good", "Bad"])]
    assert shop.count("surveys") == len(rated)
    assert shop.scalar("SELECT count(*) FROM surveys WHERE csat = 5") == (rated["Satisfaction Score"] == "Good").sum()
    # first reply = created + the minutes the export gives
    replied = d[d["First reply time in minutes"] != ""].iloc[0]
    created = pd.to_datetime(replied["Created at"], format="%Y-%m-%d %H:%M:%S %z")
    want = (created + pd.Timedelta(minutes=float(replied["First reply time in minutes"]))).timestamp()
    assert shop.scalar("SELECT epoch(first_response_at) FROM tickets WHERE ticket_id = ?", [replied["Id"]]) == want


def test_typeform_loads_submitted_responses_by_question_wording(shop):
    ingest_export(shop, VENDORS / "typeform/responses.csv")
    d = raw("typeform/responses.csv")
    done = d[d["Submit Date (UTC)"] != ""]
    nps_col = next(c for c in d.columns if "recommend" in c.lower())
    assert shop.count("surveys") == len(done)
    assert shop.scalar("SELECT avg(nps) FROM surveys") == pytest.approx(done[nps_col].astype(float).mean())
    promoters = (done[nps_col].astype(int) >= 9).sum()
    assert shop.scalar("SELECT count(*) FROM surveys WHERE nps >= 9") == promoters
    emails = done[done.iloc[:, 6] != ""].iloc[:, 6]
    assert set(shop.query("SELECT customer_id FROM surveys WHERE customer_id IS NOT NULL")["customer_id"]) == \
        {key(e) for e in emails}


def test_mailchimp_opens_and_clicks_become_email_events(shop):
    ingest_export(shop, VENDORS / "mailchimp/email_activity.csv")
    d = raw("mailchimp/email_activity.csv")
    acts = d[d["action"].isin(["open", "click"])].drop_duplicates(["email_address", "timestamp", "action", "campaign_id"])
    got = shop.query("SELECT touchpoint, count(*) AS n FROM events GROUP BY 1")
    assert dict(zip(got["touchpoint"], got["n"], strict=True)) == {
        "email_" + a: n for a, n in acts["action"].value_counts().items()}
    assert set(shop.query("SELECT DISTINCT stage FROM events")["stage"]) == {"awareness", "consideration"}


@pytest.mark.parametrize("file", ["shopify/orders_export.csv", "square/transactions.csv", "zendesk/tickets.csv"])
def test_loading_an_export_again_adds_nothing(shop, file):
    ingest_export(shop, VENDORS / file)
    before = shop.counts()
    again = ingest_export(shop, VENDORS / file)
    assert shop.counts() == before
    assert all(r.inserted == 0 and r.updated == 0 for r in again.reports)


# Refunded Amount: what each order kept is read from it, so an export without it is not taken
# for one that has it (it failed half way through the recipe, naming an internal column).
@pytest.mark.parametrize("column", ["Lineitem quantity", "Refunded Amount"])
def test_a_file_missing_a_column_is_named_as_the_export_it_nearly_is(shop, tmp_path, column):
    d = raw("shopify/orders_export.csv").drop(columns=[column])
    path = tmp_path / "orders_export.csv"
    d.to_csv(path, index=False)
    with pytest.raises(IngestError) as err:
        ingest_export(shop, path)
    assert "looks like a Shopify orders export" in str(err.value) and f"'{column}'" in str(err.value)
    assert "journeybot kept" not in str(err.value)
    assert shop.is_empty()


def test_a_bad_row_in_an_export_changes_nothing(shop, tmp_path):
    text = (VENDORS / "stripe/unified_payments.csv").read_text()
    first_line, second, *rest = text.splitlines()
    bad = second.replace("2025-", "20xx-", 1)
    path = tmp_path / "unified_payments.csv"
    path.write_text("\n".join([first_line, bad, *rest]) + "\n")
    with pytest.raises(IngestError) as err:
        ingest_export(shop, path)
    assert "row 1" in str(err.value) and "Created date (UTC)" in str(err.value)
    assert shop.is_empty()


def test_every_recipe_says_where_the_export_comes_from():
    for recipe in vendor_recipes():
        assert recipe.how and recipe.description and re.match(r"^[a-z_]+$", recipe.name)
