"""Mapping features one at a time, and composed: a row filter or a duplicate rule acts before
the checks of the rows it removes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.core.errors import IngestError
from tools.data.ingest import ingest_file
from tools.data.keys import customer_key
from tools.data.mapping import Mapping, ReadOptions
from tools.data.store import JourneyStore

SHOPIFY = Path(__file__).resolve().parents[1] / "fixtures" / "vendors" / "shopify" / "orders_export.csv"


@pytest.fixture
def shop() -> JourneyStore:
    s = JourneyStore(None, timezone="Europe/London")
    yield s
    s.close()


def write(tmp_path: Path, text: str, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def orders(**kw) -> Mapping:
    return Mapping(table="orders", unknown_customers="create", **kw)


HAND_WRITTEN = dict(
    columns={"order_id": "Name", "customer_id": "Email", "ts": "Created at", "amount": "Total",
             "status": "Financial Status"},
    values={"status": {"paid": "completed", "partially_refunded": "completed", "pending": "pending",
                       "authorized": "pending", "partially_paid": "pending", "refunded": "refunded",
                       "voided": "cancelled"}},
    skip_missing=["customer_id"],  # walk-in POS sales without an email
)


def test_a_hand_written_shopify_mapping_with_a_duplicate_rule_loads(shop):
    """The issue's case: line-item rows repeat the order's Name with its other fields empty.
    duplicates = "first" keeps the order's first row and the empty rows are never checked."""
    report = ingest_file(shop, "orders", SHOPIFY, orders(duplicates="first", **HAND_WRITTEN))
    d = pd.read_csv(SHOPIFY, dtype=str, keep_default_na=False)
    first = d[(d["Financial Status"] != "") & (d["Email"] != "")]
    assert report.inserted == len(first)
    assert shop.scalar("SELECT sum(amount) FROM orders") == pytest.approx(first["Total"].astype(float).sum())


def test_a_filter_on_empty_cells_drops_the_line_item_rows_before_the_checks(shop):
    report = ingest_file(shop, "orders", SHOPIFY, orders(where_not={"Financial Status": ""}, **HAND_WRITTEN))
    d = pd.read_csv(SHOPIFY, dtype=str, keep_default_na=False)
    assert report.inserted == ((d["Financial Status"] != "") & (d["Email"] != "")).sum()
    assert report.skipped == len(d) - report.inserted


def test_without_a_rule_the_empty_rows_are_reported(shop):
    with pytest.raises(IngestError) as err:
        ingest_file(shop, "orders", SHOPIFY, orders(**HAND_WRITTEN))
    assert "a required value is empty" in str(err.value)
    assert shop.is_empty()


def test_fold_sums_and_joins_rows_of_one_record(shop, tmp_path):
    path = write(tmp_path, "Order,Who,When,Total,Qty,Item\n"
                           "A1,c1,2026-05-01 10:00,30.00,2,Bread\n"
                           "A1,,,,1,Jam\n"
                           "B2,c2,2026-05-02 11:00,\"$1,200.50\",3,Cake\n")
    m = orders(fold={"by": "Order", "columns": {"n": "sum(Qty)", "what": "join(Item)", "lines": "count(Item)"}},
               columns={"order_id": "Order", "customer_id": "Who", "ts": "When", "amount": "Total",
                        "items": "n", "products": "what"})
    ingest_file(shop, "orders", path, m)
    got = shop.query("SELECT order_id, amount, items, products FROM orders ORDER BY 1")
    assert got.to_dict("records") == [
        {"order_id": "A1", "amount": 30.0, "items": 3, "products": "Bread, Jam"},
        {"order_id": "B2", "amount": 1200.5, "items": 3, "products": "Cake"},
    ]


def test_fold_prefers_the_rows_it_is_told_to(shop, tmp_path):
    # newest first, as exports list them: the refund comes before the payment it refunds
    path = write(tmp_path, "Id,Kind,When,Amount,Who\n"
                           "T1,Refund,2026-05-09 10:00,-5.00,c1\n"
                           "T1,Payment,2026-05-01 10:00,20.00,c1\n")
    m = orders(fold={"by": "Id", "prefer": {"Kind": "Payment"}, "columns": {"net": "sum(Amount)"}},
               columns={"order_id": "Id", "customer_id": "Who", "ts": "When", "amount": "Amount"},
               constants={"status": "completed"},
               cases={"status": [{"when": {"net": "<=0"}, "value": "refunded"}]})
    ingest_file(shop, "orders", path, m)
    row = shop.query("SELECT amount, status, strftime(ts, '%d') AS d FROM orders").iloc[0]
    assert (row["amount"], row["status"], row["d"]) == (20.0, "completed", "01")


def test_fold_where_makes_orders_of_the_purchase_events_only(shop, tmp_path):
    """An event log (REES46's shape) whose purchase events carry the price: one order per
    session with purchases, its amount their sum, its time the first; views and carts are no
    part of it, and a session that only looked is no order."""
    text = ("event_time,event_type,product_id,price,user_id,user_session\n"
            "2019-10-01 00:00:01 UTC,view,p1,10.00,u1,s1\n"
            "2019-10-01 00:00:02 UTC,cart,p1,10.00,u1,s1\n"
            "2019-10-01 00:00:03 UTC,purchase,p1,10.00,u1,s1\n"
            "2019-10-01 00:00:04 UTC,view,p2,99.00,u2,s2\n"
            "2019-10-01 00:00:05 UTC,purchase,p3,5.50,u1,s1\n"
            "2019-10-01 00:00:06 UTC,purchase,p4,7.25,u3,s3\n")
    path = write(tmp_path, text)
    m = orders(fold={"by": "user_session", "where": {"event_type": "purchase"},
                     "columns": {"total": "sum(price)", "n": "count(product_id)", "what": "join(product_id)"}},
               columns={"order_id": "user_session", "customer_id": "user_id", "ts": "event_time",
                        "amount": "total", "items": "n", "products": "what"}, constants={"status": "completed"})
    ingest_file(shop, "orders", path, m)
    raw = pd.read_csv(path)
    bought = raw[raw.event_type == "purchase"].groupby("user_session")
    want = [{"order_id": s, "amount": g.price.sum(), "items": len(g), "products": ", ".join(g.product_id),
             "ts": pd.Timestamp(g.event_time.iloc[0].removesuffix(" UTC"), tz="UTC")} for s, g in bought]
    got = shop.query("SELECT order_id, amount, items, products, ts FROM orders ORDER BY 1")
    got["ts"] = got["ts"].dt.tz_convert("UTC")
    assert got.to_dict("records") == want


def test_problems_in_a_folded_record_point_at_its_first_row(shop, tmp_path):
    path = write(tmp_path, "Order,Who,When,Total\nA1,c1,2026-05-01,5\nB2,c2,not a date,7\nB2,,,\n")
    m = orders(fold={"by": "Order"}, columns={"order_id": "Order", "customer_id": "Who", "ts": "When",
                                               "amount": "Total"})
    with pytest.raises(IngestError) as err:
        ingest_file(shop, "orders", path, m)
    assert "row 2, column 'When'" in str(err.value)


def test_cases_the_first_that_holds_wins(shop, tmp_path):
    path = write(tmp_path, "id,who,ts,amt,fin,cancelled\n"
                           "1,c,2026-05-01,5,paid,\n2,c,2026-05-01,5,refunded,2026-05-02\n"
                           "3,c,2026-05-01,5,Refunded,\n4,c,2026-05-01,0,paid,\n")
    m = orders(columns={"order_id": "id", "customer_id": "who", "ts": "ts", "amount": "amt", "status": "fin"},
               # "refunded" alone would be a return (the profile's vocabulary); the map says otherwise
               values={"status": {"paid": "completed", "refunded": "pending"}},
               cases={"status": [{"when": {"cancelled": "*"}, "value": "cancelled"},
                                 {"when": {"amt": "<=0", "fin": "PAID"}, "value": "pending"}]})
    ingest_file(shop, "orders", path, m)
    got = shop.query("SELECT order_id, status FROM orders ORDER BY 1")
    # value maps match exactly first, then ignoring case ("Refunded")
    assert got["status"].tolist() == ["completed", "cancelled", "pending", "pending"]


def test_coalesce_templates_and_email_keys(shop, tmp_path):
    path = write(tmp_path, "Order,Email,Phone,When,Total\n"
                           "1, Ana@Example.com ,,2026-05-01,5\n2,,0700,2026-05-01,5\n3,,,2026-05-01,5\n")
    m = orders(columns={"order_id": "Order", "ts": "When", "amount": "Total"},
               coalesce={"customer_id": ["Email", "phone-{Phone}", "guest-{Order}"]},
               email_keys=["customer_id"])
    ingest_file(shop, "orders", path, m)
    got = shop.query("SELECT customer_id FROM orders ORDER BY order_id")["customer_id"].tolist()
    assert got == [customer_key("ana@example.com"), "phone-0700", "guest-3"]
    assert got[0].startswith("c-") and "@" not in got[0]


def test_after_a_time_and_offsets_written_with_a_space(shop, tmp_path):
    path = write(tmp_path, "Id,Opened,Reply minutes,Solved\n"
                           "7,2025-03-29 23:30:00 +0100,90,2025-03-30 10:00:00 +0200\n8,2025-04-01 09:00:00 +0200,,\n")
    m = Mapping(table="tickets", columns={"ticket_id": "Id", "created_at": "Opened", "resolved_at": "Solved"},
                after={"first_response_at": {"start": "Opened", "minutes": "Reply minutes"}})
    ingest_file(shop, "tickets", path, m)
    got = shop.query("SELECT ticket_id, epoch(created_at) c, epoch(first_response_at) f, epoch(resolved_at) r "
                     "FROM tickets ORDER BY 1")
    opened = pd.Timestamp("2025-03-29 22:30:00", tz="UTC").timestamp()
    assert got.loc[0, "c"] == opened and got.loc[0, "f"] == opened + 90 * 60
    assert got.loc[0, "r"] == pd.Timestamp("2025-03-30 08:00:00", tz="UTC").timestamp()
    assert pd.isna(got.loc[1, "f"])


def test_extract_values_from_cells(shop, tmp_path):
    path = write(tmp_path, 'id,who,ts,amt,line_item_1,line_item_2,line_item_3\n'
                           '1,c,2026-05-01,5,"name:Tea|quantity:2","name:Mug|quantity:1",\n')
    m = orders(columns={"order_id": "id", "customer_id": "who", "ts": "ts", "amount": "amt"},
               extract={"items": {"columns": ["~^line_item_"], "pattern": r"quantity:(\d+)", "combine": "sum"},
                        "products": {"columns": "~^line_item_", "pattern": "^name:([^|]+)"}})
    ingest_file(shop, "orders", path, m)
    assert shop.query("SELECT items, products FROM orders").iloc[0].tolist() == [3, "Tea, Mug"]


def test_each_row_in_the_zone_its_column_names(shop, tmp_path):
    path = write(tmp_path, "Date,Time,Time Zone,id,who,amt\n"
                           "2025-07-01,09:00:00,Pacific Time (US & Canada),1,c,5\n"
                           "2025-07-01,09:00:00,Europe/Berlin,2,c,5\n")
    m = orders(columns={"order_id": "id", "customer_id": "who", "amount": "amt"}, templates={"ts": "{Date} {Time}"},
               options=ReadOptions(timezone_column="Time Zone"))
    ingest_file(shop, "orders", path, m)
    got = shop.query("SELECT order_id, epoch(ts) t FROM orders ORDER BY 1")["t"].tolist()
    assert got == [pd.Timestamp("2025-07-01 16:00", tz="UTC").timestamp(),
                   pd.Timestamp("2025-07-01 07:00", tz="UTC").timestamp()]


def test_an_unknown_zone_label_is_refused_by_name(shop, tmp_path):
    path = write(tmp_path, "Date,Time Zone,id,who,amt\n2025-07-01 09:00,Atlantis,1,c,5\n")
    m = orders(columns={"order_id": "id", "customer_id": "who", "amount": "amt", "ts": "Date"},
               options=ReadOptions(timezone_column="Time Zone"))
    with pytest.raises(IngestError) as err:
        ingest_file(shop, "orders", path, m)
    assert "'Atlantis'" in str(err.value) and shop.is_empty()


def test_spreadsheet_guards_are_removed_and_patterns_find_columns(shop, tmp_path):
    path = write(tmp_path, "Customer ID,How likely are you to recommend us?,Submitted\n"
                           "'0042,9,2026-05-01\n")
    m = Mapping(table="surveys", columns={"survey_id": "Customer ID", "nps": "~recommend", "ts": "Submitted"},
                options=ReadOptions(strip_guard=True))
    ingest_file(shop, "surveys", path, m)
    assert shop.query("SELECT survey_id, nps FROM surveys").iloc[0].tolist() == ["0042", 9]


def test_optional_columns_may_be_missing(shop, tmp_path):
    path = write(tmp_path, "id,who,ts,amt\n1,c,2026-05-01,5\n")
    base = dict(columns={"order_id": "id", "customer_id": "who", "ts": "ts", "amount": "amt", "currency": "Currency"})
    with pytest.raises(IngestError) as err:
        ingest_file(shop, "orders", path, orders(**base))
    assert "'Currency' is not in the file" in str(err.value)
    ingest_file(shop, "orders", path, orders(optional=["currency"], **base))
    assert shop.count("orders") == 1


@pytest.mark.parametrize(("mapping", "phrase"), [
    ({"fold": {"by": "x", "columns": {"n": "median(x)"}}}, "should be one of sum(column)"),
    ({"extract": {"items": {"columns": "x", "pattern": "no group"}}}, "exactly one (group)"),
    ({"after": {"first_response_at": {"start": "a"}}}, "exactly one of 'minutes' or 'hours'"),
    ({"cases": {"colour": [{"when": {"a": "*"}, "value": "x"}]}}, "'colour' is not a column"),
])
def test_mistakes_in_a_mapping_are_named(mapping, phrase):
    table = "tickets" if "after" in mapping else "orders"
    with pytest.raises(ValueError) as err:
        Mapping(table=table, **mapping)
    assert phrase in str(err.value)


def test_rows_repeated_exactly_are_loaded_once_and_counted(shop, tmp_path):
    path = write(tmp_path, "order_id,customer_id,ts,amount\nA,c,2026-05-01,5\nA,c,2026-05-01,5\nB,c,2026-05-01,7\n")
    report = ingest_file(shop, "orders", path, orders())
    assert (report.rows_read, report.inserted, report.skipped) == (3, 2, 1)
    assert report.warnings == ("1 rows repeated another row's order_id with the same values; each was loaded once",)
