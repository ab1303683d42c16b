"""Help Scout conversations and a Zendesk export with CSAT off load through `journeybot ingest` as
downloaded (the shop's own export in tests/fixtures/vendors and a held-back one of another made-up
shop in tests/fixtures/vendors_heldout), and what an owner asks of support (how many tickets, how
fast the first reply and the resolution, how satisfied) agrees with pandas on the raw file here,
with the vendor's meaning of its columns written out."""

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
HELPSCOUT = [(MAIN / "helpscout/conversations.csv", "Europe/London"),
             (HELDOUT / "helpscout/conversations.csv", "America/Denver")]
ZENDESK_OFF = [(MAIN / "zendesk/tickets_csat_off.csv", "Europe/Lisbon"),
               (HELDOUT / "zendesk/tickets_csat_off.csv", "America/Chicago")]


def run(*args: str) -> str:
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


def when(d: pd.DataFrame, col: str, zone: str) -> pd.Series:
    """Help Scout writes UTC with a Z, or the account's local time without an offset."""
    s = d[col].replace("", None)
    if s.dropna().str.endswith("Z").all():
        return pd.to_datetime(s, format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    return pd.to_datetime(s, format="%Y-%m-%d %H:%M:%S").dt.tz_localize(zone, ambiguous="NaT", nonexistent="NaT")


def headline(store: JourneyStore, metrics: list[str]) -> dict:
    return {v.metric: v.value for v in kpis(store, KpiParams(period=Period(name="all"), metrics=metrics)).values}


@pytest.mark.parametrize(("path", "recipe"), [*((p, "helpscout_conversations") for p, _ in HELPSCOUT),
                                              *((p, "zendesk_tickets") for p, _ in ZENDESK_OFF)],
                         ids=["helpscout-main", "helpscout-heldout", "zendesk-off-main", "zendesk-off-heldout"])
def test_each_export_is_recognised_by_its_recipe_alone(path, recipe):
    assert [r.recipe.name for r in recognitions(read_header(path)) if r.complete] == [recipe]


@pytest.mark.parametrize(("path", "zone"), HELPSCOUT, ids=["main", "heldout"])
def test_helpscout_conversations_become_tickets_as_help_scout_counts_them(path, zone, home):
    out, store = load(path, zone, home)
    assert "as a Help Scout conversations export (Help Scout): loading tickets and surveys" in out
    d = raw(path)
    status = d["Status"].str.lower()
    spam = status == "spam"
    assert spam.any()  # Help Scout's reports leave spam out, and so does the load
    kept = d[~spam]
    assert store.count("tickets") == len(kept)
    # Help Scout: resolved = closed with at least one reply; closed without one stays closed
    replied = kept["First Response At"] != ""
    want = status[~spam].map({"active": "open", "pending": "pending", "closed": "closed"}).where(
        ~(status[~spam].eq("closed") & replied), "resolved")
    got = store.query("SELECT status, count(*) AS n FROM tickets GROUP BY 1")
    assert dict(zip(got["status"], got["n"], strict=True)) == want.value_counts().to_dict()
    assert {"resolved", "closed"} <= set(got["status"])
    created, first, closed = (when(kept, c, zone) for c in ("Created At", "First Response At", "Closed At"))
    hours = ((first - created).dt.total_seconds() / 3600).dropna()
    to_close = ((closed - created).dt.total_seconds() / 3600).dropna()
    ratings = kept.loc[kept["Rating"] != "", "Rating"].map({"Great": 5, "Okay": 3, "Not Good": 1})
    got = headline(store, ["tickets", "first_response_time", "resolution_time", "csat", "csat_mean"])
    assert got["tickets"] == len(kept)
    assert got["first_response_time"] == pytest.approx(hours.median(), abs=0.01)
    assert got["resolution_time"] == pytest.approx(to_close.median(), abs=0.01)
    assert store.count("surveys") == len(ratings) > 0
    assert got["csat_mean"] == pytest.approx(ratings.mean())
    assert got["csat"] == pytest.approx((ratings >= 4).mean())
    # the comment a customer left with a rating is kept as its text
    comments = kept.loc[(kept["Rating"] != "") & (kept["Rating Comment"] != ""), "Rating Comment"]
    assert sorted(store.query("SELECT text FROM surveys WHERE text IS NOT NULL")["text"]) == sorted(comments)
    chats = (kept["Type"] == "Chat").sum()
    assert store.scalar("SELECT count(*) FROM tickets WHERE channel = 'chat'") == chats
    with_email = kept.loc[kept["Customer Email"] != "", "Customer Email"]
    customers = set(store.query("SELECT customer_id FROM tickets WHERE customer_id IS NOT NULL")["customer_id"])
    assert customers == {key(e) for e in with_email}
    store.close()


@pytest.mark.parametrize(("path", "zone"), ZENDESK_OFF, ids=["main", "heldout"])
def test_zendesk_export_without_satisfaction_score_loads_its_tickets_and_says_csat_is_off(path, zone, home):
    d = raw(path)
    assert "Satisfaction Score" not in d.columns
    out, store = load(path, zone, home)
    assert "as a Zendesk tickets export (Zendesk): loading tickets." in out
    assert "No Satisfaction Score column" in out and "cannot be answered" in out
    assert store.count("tickets") == len(d)
    assert store.count("surveys") == 0
    minutes = pd.to_numeric(d["First reply time in minutes"].replace("", None)).dropna()
    got = headline(store, ["tickets", "first_response_time"])
    assert got["tickets"] == len(d)
    assert got["first_response_time"] == pytest.approx((minutes / 60).median(), abs=0.01)
    store.close()


def test_zendesk_export_with_satisfaction_score_still_loads_its_ratings(home):
    path = MAIN / "zendesk/tickets.csv"
    out, store = load(path, "Europe/Amsterdam", home)
    assert "loading tickets and surveys" in out and "No Satisfaction Score" not in out
    assert store.count("surveys") == raw(path)["Satisfaction Score"].isin(["Good", "Bad"]).sum() > 0
    store.close()


SHOPIFY = [(MAIN / "shopify/orders_export.csv", "Europe/Oslo"), (HELDOUT / "shopify/orders_export.csv", "America/Toronto")]
# Shopify's financial statuses and what each means for the shop's money
SHOPIFY_KIND = {"paid": "completed", "partially_refunded": "completed", "pending": "pending",
                "authorized": "pending", "partially_paid": "pending", "refunded": "returned",
                "voided": "cancelled", "expired": "cancelled"}


@pytest.mark.parametrize(("path", "zone"), SHOPIFY, ids=["main", "heldout"])
def test_shopify_orders_keep_shopifys_own_status_and_say_how_each_was_counted(path, zone, home):
    out, store = load(path, zone, home)
    d = raw(path)
    first = d[(d["Financial Status"] != "") & (d["Payment Method"] != "bogus")]
    cancelled = (first["Cancelled at"] != "") & ~first["Financial Status"].isin(["voided", "expired"])
    word = first["Financial Status"].where(~cancelled, "cancelled")
    kind = first["Financial Status"].map(SHOPIFY_KIND).where(~cancelled, "cancelled")
    got = store.query("SELECT order_id, status_raw, status FROM orders")
    assert dict(zip(got["order_id"], got["status_raw"], strict=True)) == dict(zip(first["Name"], word, strict=True))
    assert dict(zip(got["order_id"], got["status"], strict=True)) == dict(zip(first["Name"], kind, strict=True))
    # the load says what was counted as what, in Shopify's words
    note = next(line for line in out.splitlines() if line.startswith("Order statuses, as counted:"))
    for w, n in word.value_counts().items():
        assert f"{w.replace('_', ' ')} {n}" in note
    if (first["Financial Status"] == "voided").any():
        assert "cancelled = voided" in note
    # an unrelated change to the profile's statuses does not undo what the export's words mean
    run("profile", "set", "--status", "backordered=cancelled")
    assert store.scalar("SELECT count(*) FROM orders WHERE status_raw = 'partially_refunded' AND status <> 'completed'") == 0
    revenue = store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'")
    sold = first[kind == "completed"]
    assert revenue == pytest.approx(sold["Total"].astype(float).sum() - sold["Refunded Amount"].astype(float).sum())
    # the owner can still move a Shopify word: theirs wins
    run("profile", "set", "--status", "partially_refunded=returned")
    assert store.scalar("SELECT count(*) FROM orders WHERE status_raw = 'partially_refunded' AND status <> 'returned'") == 0
    store.close()


@pytest.mark.parametrize(("path", "zone", "says"), [
    (MAIN / "toast/OrderDetails.csv", "America/Chicago", "Refunds cannot be netted from this file"),
    (HELDOUT / "toast/OrderDetails.csv", "America/New_York", "Refunds cannot be netted from this file"),
    (MAIN / "eventbrite/attendees.csv", "America/Chicago", "Partial refunds cannot be netted from this file"),
    (HELDOUT / "eventbrite/attendees.csv", "America/Toronto", "Partial refunds cannot be netted from this file"),
], ids=["toast-main", "toast-heldout", "eventbrite-main", "eventbrite-heldout"])
def test_exports_without_refund_amounts_say_refunds_are_not_netted(path, zone, says, home):
    out, store = load(path, zone, home)
    assert says in out
    d = raw(path)
    if "Amount" in d.columns:  # Toast: every order at its Amount, whatever was refunded later
        sold = d[(d["Voided"].str.lower() != "true") & (d["Paid"] != "")]
        assert store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'") == \
            pytest.approx(sold["Amount"].astype(float).sum())
    else:  # Eventbrite: a partly refunded order at its full Total Paid
        by_order = d.assign(paid=d["Total Paid"].astype(float)).groupby("Order #").agg(
            paid=("paid", "sum"), refunded=("Attendee Status", lambda s: (s == "Refunded").all()))
        assert store.scalar("SELECT sum(amount) FROM orders WHERE status = 'completed'") == \
            pytest.approx(by_order.loc[~by_order["refunded"], "paid"].sum())
    store.close()


def test_helpscout_export_without_ratings_loads_conversations_and_says_so(home, tmp_path):
    d = raw(HELPSCOUT[0][0]).drop(columns=["Rating", "Rating Comment"])
    path = tmp_path / "conversations.csv"
    d.to_csv(path, index=False)
    out, store = load(path, "Europe/London", home)
    assert "loading tickets." in out and "No Rating column" in out
    assert store.count("tickets") == (d["Status"].str.lower() != "spam").sum()
    assert store.count("surveys") == 0
    store.close()


def test_a_helpscout_export_missing_a_column_is_named_as_a_near_miss(tmp_path):
    from tools.core.errors import IngestError
    from tools.data.vendors.load import recognise_file

    path = tmp_path / "conversations.csv"
    raw(HELPSCOUT[0][0]).drop(columns=["First Response At"]).to_csv(path, index=False)
    with pytest.raises(IngestError) as caught:
        recognise_file(path)
    assert "looks like a Help Scout conversations export (Help Scout)" in str(caught.value)
    assert "'First Response At'" in str(caught.value)
