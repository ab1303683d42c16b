"""Ingest: every kind of bad input gets a precise message and leaves the store untouched;
good input lands typed, staged and idempotently."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from tools.core.errors import IngestError
from tools.core.stages import TouchpointMap
from tools.data.ingest import Load, folder_loads, ingest_file, ingest_loads
from tools.data.mapping import Lookup, Mapping, ReadOptions
from tools.data.schema import TABLES

CUSTOMERS = """customer_id,first_seen,city,loyalty_tier
C1,2026-05-01,Bristol,gold
C2,2026-05-02 10:00,Bath,
"""
ORDERS = """order_id,customer_id,ts,amount,status,items
O1,C1,2026-05-03T10:00:00+01:00,12.50,completed,2
O2,C2,2026-05-04 09:00,£8.00,completed,1
"""
EVENTS = """customer_id,ts,touchpoint,channel,session_id
C1,2026-05-01 09:00,Product View,instagram,s1
C1,2026-05-01 09:05,Add to cart,instagram,s1
C9,2026-05-01 09:06,In-Store Visit,in_store,
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def snapshot(store) -> dict[str, pd.DataFrame]:
    return {t: store.query(f'SELECT * FROM "{t}" ORDER BY ALL') for t in TABLES}


def assert_unchanged(store, before: dict[str, pd.DataFrame]) -> None:
    after = snapshot(store)
    for t in TABLES:
        pd.testing.assert_frame_equal(before[t], after[t], obj=t)


@pytest.fixture
def loaded(store, tmp_path):
    ingest_file(store, "customers", write(tmp_path, "customers.csv", CUSTOMERS))
    ingest_file(store, "orders", write(tmp_path, "orders.csv", ORDERS))
    ingest_file(store, "events", write(tmp_path, "events.csv", EVENTS))
    return store


def rejected(store, tmp_path, table: str, name: str, text: str | bytes, **mapping) -> IngestError:
    before = snapshot(store)
    path = write(tmp_path, name, text)
    m = Mapping(table=table, **mapping) if mapping else None
    with pytest.raises(IngestError) as info:
        ingest_file(store, table, path, m)
    assert_unchanged(store, before)
    assert str(path) in str(info.value)
    assert "Nothing was written" in str(info.value)
    return info.value


# -- bad input: precise message, nothing changed ------------------------------------------


def test_missing_required_column_names_the_column_and_what_the_file_has(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "orders", "no_amount.csv",
                   "order_id,customer_id,ts\nO9,C1,2026-05-05 10:00\n")
    p = err.problems[0]
    assert p.column == "amount"
    assert "missing required column 'amount'" in p.message
    assert "'order_id', 'customer_id', 'ts'" in p.message  # what the file does have


def test_unparseable_timestamp_names_row_column_and_value(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "orders", "bad_ts.csv",
                   "order_id,customer_id,ts,amount\nO9,C1,2026-05-05 10:00,3\nO10,C1,next tuesday,4\n")
    (p,) = err.problems
    assert (p.row, p.column, p.got) == (2, "ts", "next tuesday")
    assert "timestamp" in (p.expected or "")


def test_unparseable_timestamp_reports_the_export_column_name_when_mapped(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "orders", "mapped.csv",
                   "Order No,Customer,Placed,Total\nO9,C1,31/02/2026,3\n",
                   columns={"order_id": "Order No", "customer_id": "Customer", "ts": "Placed",
                            "amount": "Total"},
                   options=ReadOptions(timestamp_format="%d/%m/%Y"))
    (p,) = err.problems
    assert (p.row, p.column, p.got) == (1, "Placed", "31/02/2026")


def test_negative_amount_is_refused(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "orders", "neg.csv",
                   "order_id,customer_id,ts,amount\nO9,C1,2026-05-05 10:00,-4.00\n")
    (p,) = err.problems
    assert (p.row, p.column, p.got) == (1, "amount", "-4.00")
    assert "at least 0" in (p.expected or "")
    assert "a negative amount is usually a refund row" in (p.expected or "")


def test_nps_outside_0_to_10_is_refused(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "surveys", "nps.csv",
                   "survey_id,customer_id,ts,nps\nS1,C1,2026-05-05,9\nS2,C1,2026-05-05,11\nS3,C2,2026-05-06,7.5\n")
    by_row = {p.row: p for p in err.problems}
    assert by_row[2].column == "nps" and by_row[2].got == "11" and "0 to 10" in by_row[2].expected
    assert by_row[3].got == "7.5" and "whole number" in by_row[3].expected


def test_unknown_customer_in_an_order_is_refused(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "orders", "ghost.csv",
                   "order_id,customer_id,ts,amount\nO9,C404,2026-05-05 10:00,3\n")
    (p,) = err.problems
    assert (p.row, p.column, p.got) == (1, "customer_id", "C404")
    assert "unknown customer" in p.message


def test_unknown_customers_can_be_created_on_request(loaded, tmp_path):
    path = write(tmp_path, "ghost.csv", "order_id,customer_id,ts,amount\nO9,C404,2026-05-05 10:00,3\n")
    report = ingest_file(loaded, "orders", path, Mapping(table="orders", unknown_customers="create"))
    assert report.customers_created == 1
    assert loaded.scalar("SELECT count(*) FROM customers WHERE customer_id = 'C404'") == 1
    # One of each, said in the singular ("1 rows read; ... 1 customers created" before)
    text = report.to_text()
    assert "ghost.csv: 1 row read; 1 new," in text and "1 customer created" in text


@pytest.mark.parametrize(
    "content, phrase",
    [
        (b"", "empty (0 bytes)"),
        (b"   \n\n", "only blank space"),
        (b"order_id,customer_id,ts,amount\n", "no data rows"),
        (b"\x00\x01\x02binary\x00junk" * 20, "binary"),
        (b"PK\x03\x04" + b"\x00" * 100, "Excel workbook"),
        ("order_id,customer_id,ts,amount\nO9,C1,2026-05-05,caf\xe9\n".encode("latin-1"), "not UTF-8"),
    ],
    ids=["empty", "blank", "header-only", "binary", "xlsx", "latin-1"],
)
def test_files_that_are_not_usable_text_are_refused(loaded, tmp_path, content, phrase):
    err = rejected(loaded, tmp_path, "orders", "export.csv", content)
    assert phrase in str(err)


def test_wrong_delimiter_is_explained(loaded, tmp_path):
    text = "order_id;customer_id;ts;amount\nO9;C1;2026-05-05 10:00;3\n"
    err = rejected(loaded, tmp_path, "orders", "semi.csv", text, options=ReadOptions(delimiter=","))
    assert "separated by semicolons" in str(err) and "';'" in str(err)


def test_semicolon_files_load_when_the_delimiter_is_sniffed(loaded, tmp_path):
    path = write(tmp_path, "semi.csv", "order_id;customer_id;ts;amount\nO9;C1;2026-05-05 10:00;3,50\n")
    ingest_file(loaded, "orders", path, Mapping(table="orders", options=ReadOptions(decimal_comma=True)))
    assert loaded.scalar("SELECT amount FROM orders WHERE order_id = 'O9'") == 3.5


def test_a_bad_row_rolls_back_every_load_of_the_same_call(store, tmp_path):
    good = write(tmp_path, "customers.csv", CUSTOMERS)
    bad = write(tmp_path, "orders.csv", "order_id,customer_id,ts,amount\nO1,C1,not a time,3\n")
    before = snapshot(store)
    with pytest.raises(IngestError):
        ingest_loads(store, [Load(good, Mapping(table="customers")), Load(bad, Mapping(table="orders"))])
    assert_unchanged(store, before)


def test_problems_are_counted_beyond_the_examples_shown(loaded, tmp_path):
    rows = "\n".join(f"O{i},C1,2026-05-05,-{i}" for i in range(1, 51))
    err = rejected(loaded, tmp_path, "orders", "many.csv", "order_id,customer_id,ts,amount\n" + rows + "\n")
    assert err.total == 50
    assert len(err.problems) < 50
    assert "45 more" in str(err)


def test_unknown_touchpoint_without_a_stage_says_how_to_map_it(loaded, tmp_path):
    err = rejected(loaded, tmp_path, "events", "tp.csv",
                   "customer_id,ts,touchpoint\nC1,2026-05-05,Loyalty App Spin\nC1,2026-05-06,Loyalty App Spin\n")
    (p,) = err.problems
    assert "loyalty_app_spin" in p.message and "[touchpoints]" in p.message
    assert err.total == 2


def test_duplicate_keys_with_different_values_are_refused_unless_told(loaded, tmp_path):
    text = "order_id,customer_id,ts,amount\nO9,C1,2026-05-05,3\nO9,C1,2026-05-05,4\n"
    err = rejected(loaded, tmp_path, "orders", "dup.csv", text)
    assert "rows 1, 2" in str(err)
    path = write(tmp_path, "dup2.csv", text)
    report = ingest_file(loaded, "orders", path, Mapping(table="orders", duplicates="last"))
    assert report.inserted == 1
    assert loaded.scalar("SELECT amount FROM orders WHERE order_id = 'O9'") == 4


# -- good input ---------------------------------------------------------------------------


def test_reingesting_the_same_files_adds_nothing(loaded, tmp_path):
    before = snapshot(loaded)
    for table, text in (("customers", CUSTOMERS), ("orders", ORDERS), ("events", EVENTS)):
        report = ingest_file(loaded, table, write(tmp_path, f"{table}.csv", text))
        assert (report.inserted, report.updated) == (0, 0)
        assert report.unchanged == report.rows_read
    assert_unchanged(loaded, before)


def test_a_changed_row_replaces_the_stored_one(loaded, tmp_path):
    changed = ORDERS.replace("O2,C2,2026-05-04 09:00,£8.00,completed", "O2,C2,2026-05-04 09:00,£8.00,refunded")
    report = ingest_file(loaded, "orders", write(tmp_path, "orders2.csv", changed))
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    # the export's word is kept; its kind comes from the business profile
    assert loaded.query("SELECT status, status_raw FROM orders WHERE order_id = 'O2'").iloc[0].tolist() == [
        "returned", "refunded"]
    assert loaded.count("orders") == 2


def test_types_time_zones_and_stages(loaded):
    orders = loaded.query("SELECT order_id, ts, amount FROM orders ORDER BY order_id")
    # An explicit offset is kept as the instant; a naive time is read in the business zone.
    assert orders.ts[0] == pd.Timestamp("2026-05-03T09:00:00Z")
    assert orders.ts[1] == pd.Timestamp("2026-05-04T08:00:00Z")  # 09:00 BST
    assert orders.amount.tolist() == [12.5, 8.0]  # currency symbol stripped
    events = loaded.query("SELECT touchpoint, stage, online FROM events ORDER BY ts")
    assert events.touchpoint.tolist() == ["product_view", "add_to_cart", "instore_visit"]
    assert events.stage.tolist() == ["consideration", "decision", "consideration"]
    assert events.online.tolist() == [True, True, False]


def test_extra_customer_columns_are_kept_as_attributes(loaded):
    attrs = loaded.scalar("SELECT attributes FROM customers WHERE customer_id = 'C1'")
    assert json.loads(attrs)["loyalty_tier"] == "gold"


def test_config_touchpoints_extend_the_map(store, tmp_path):
    tpmap = TouchpointMap.from_config({"Loyalty App Spin": {"stage": "advocacy", "online": True}})
    path = write(tmp_path, "tp.csv", "customer_id,ts,touchpoint\nC1,2026-05-05,Loyalty App Spin\n")
    ingest_file(store, "events", path, touchpoints=tpmap)
    assert store.scalar("SELECT stage FROM events") == "advocacy"


def test_stage_column_wins_and_accepts_aliases(store, tmp_path):
    path = write(tmp_path, "s.csv", "customer_id,ts,touchpoint,stage\nC1,2026-05-05,my_widget,Action\n")
    ingest_file(store, "events", path)
    assert store.scalar("SELECT stage FROM events") == "purchase"


def test_parquet_and_jsonl_load_like_csv(store, tmp_path):
    df = pd.DataFrame({
        "customer_id": ["C1", "C2"],
        "ts": pd.to_datetime(["2026-05-01 09:00", "2026-05-01 10:00"]),  # naive: business zone
        "touchpoint": ["product_view", "instore_purchase"],
    })
    df.to_parquet(tmp_path / "events.parquet")
    r1 = ingest_file(store, "events", tmp_path / "events.parquet")
    lines = [{"customer_id": "C3", "ts": "2026-05-02T12:00:00Z", "touchpoint": "email_open"}]
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    r2 = ingest_file(store, "events", tmp_path / "more.jsonl")
    assert (r1.inserted, r2.inserted) == (2, 1)
    ts = store.query("SELECT ts FROM events ORDER BY ts").ts
    assert ts[0] == pd.Timestamp("2026-05-01T08:00:00Z")
    assert ingest_file(store, "events", tmp_path / "events.parquet").inserted == 0


def test_mapping_features_build_rows_from_a_foreign_export(store, tmp_path):
    write(tmp_path, "people.csv", "uid,town\nU1,Bristol\nU2,Bath\n")
    write(tmp_path, "pay.csv", "oid,value\nA,5\nA,7.5\nB,3\n")
    orders = write(
        tmp_path, "shop.csv",
        "oid,uid,placed,state\nA,U1,01/05/2026 10:00,delivered\nB,U2,02/05/2026 11:30,canceled\n"
        "C,U2,03/05/2026 12:00,test\n",
    )
    ingest_file(store, "customers", tmp_path / "people.csv",
                Mapping(table="customers", columns={"customer_id": "uid", "city": "town"}))
    m = Mapping(
        table="orders",
        columns={"order_id": "oid", "customer_id": "uid", "ts": "placed", "status": "state"},
        lookups={"amount": Lookup(key="oid", file="pay.csv", match="oid", value="value", agg="sum"),
                 "items": Lookup(key="oid", file="pay.csv", match="oid", value="value", agg="count")},
        values={"status": {"delivered": "completed", "canceled": "cancelled"}},
        where_not={"state": "test"},
        constants={"channel": "online"},
        templates={"products": "order {oid} for {uid}"},
        options=ReadOptions(timestamp_format="%d/%m/%Y %H:%M"),
    )
    report = ingest_file(store, "orders", orders, m)
    assert (report.rows_read, report.inserted, report.skipped) == (3, 2, 1)
    got = store.query("SELECT order_id, amount, items, status, channel, products FROM orders ORDER BY 1")
    assert got.to_dict("list") == {
        "order_id": ["A", "B"], "amount": [12.5, 3.0], "items": [2, 1],
        "status": ["completed", "cancelled"], "channel": ["online", "online"],
        "products": ["order A for U1", "order B for U2"],
    }


def test_lookups_hop_through_several_exports_and_list_distinct_values(store, tmp_path):
    """order -> its items -> each item's product -> the product's category -> its English name:
    distinct categories, comma-separated; a category with no translation keeps its own name
    (missing = "keep"), an item whose product is unknown adds nothing (the default, "drop")."""
    write(tmp_path, "people.csv", "uid\nU1\n")
    write(tmp_path, "items.csv", "oid,pid\nA,p1\nA,p2\nA,p3\nA,p9\nB,p3\nC,p9\n")
    write(tmp_path, "products.csv", "pid,cat\np1,cama_mesa\np2,cama_mesa\np3,pc_gamer\n")
    write(tmp_path, "names.csv", "cat,english\ncama_mesa,bed_bath_table\n")
    write(tmp_path, "orders.csv", "oid,uid,placed\nA,U1,2026-05-01\nB,U1,2026-05-02\nC,U1,2026-05-03\n")
    ingest_file(store, "customers", tmp_path / "people.csv",
                Mapping(table="customers", columns={"customer_id": "uid"}))
    from tools.data.mapping import LookupStep
    m = Mapping(
        table="orders", columns={"order_id": "oid", "customer_id": "uid", "ts": "placed"},
        constants={"amount": 1},
        lookups={"categories": Lookup(key="oid", file="items.csv", match="oid", value="pid", agg="list", then=[
            LookupStep(file="products.csv", match="pid", value="cat"),
            LookupStep(file="names.csv", match="cat", value="english", missing="keep")])},
    )
    ingest_file(store, "orders", tmp_path / "orders.csv", m)
    got = store.query("SELECT order_id, categories FROM orders ORDER BY 1")
    assert got.categories.tolist()[:2] == ["bed_bath_table, pc_gamer", "pc_gamer"]
    assert pd.isna(got.categories.iloc[2])  # C's only product is unknown
    again = ingest_file(store, "orders", tmp_path / "orders.csv", m)
    assert (again.inserted, again.updated) == (0, 0)


def test_skip_missing_skips_rows_instead_of_failing(store, tmp_path):
    path = write(tmp_path, "d.csv", "customer_id,delivered\nC1,2026-05-03 10:00\nC2,\n")
    m = Mapping(table="events", columns={"ts": "delivered"}, constants={"touchpoint": "delivery"},
                skip_missing=["ts"])
    report = ingest_file(store, "events", path, m)
    assert (report.inserted, report.skipped) == (1, 1)


def test_folder_loads_finds_table_files_in_dependency_order(tmp_path):
    for name in ("orders.csv", "customers.csv", "events.parquet", "notes.txt"):
        (tmp_path / name).write_text("x")
    assert [ld.mapping.table for ld in folder_loads(tmp_path)] == ["customers", "events", "orders"]


def test_ingest_log_records_each_load(loaded):
    log = loaded.query('SELECT "table", rows_read, inserted FROM ingest_log ORDER BY loaded_at')
    assert log["table"].tolist() == ["customers", "orders", "events"]
    assert log.inserted.tolist() == [2, 2, 3]


def test_date_range_is_in_the_business_time_zone(store, tmp_path):
    # 23:30 UTC on 31 May is 00:30 on 1 June in London.
    path = write(tmp_path, "e.csv", "customer_id,ts,touchpoint\nC1,2026-05-31T23:30:00Z,product_view\n")
    ingest_file(store, "events", path)
    assert store.date_range() == (dt.date(2026, 6, 1), dt.date(2026, 6, 1))


# -- customer text is redacted before it is stored -----------------------------------------

SURVEYS_PII = """survey_id,customer_id,ts,csat,text
S1,C1,2026-05-03 10:00,1,"Card 4111 1111 1111 1111 was charged twice, call 07700 900123"
S2,C2,2026-05-04 10:00,5,Lovely bread and 2 cakes for £12.50
S3,,2026-05-05 10:00,2,write to jane@example.com
"""
TICKETS_PII = """ticket_id,customer_id,created_at,subject,text
T1,C1,2026-05-03 11:00,Refund to 4111-1111-1111-1111,Email me at jane@example.com or +44 20 7946 0958
"""


def test_free_text_columns_are_the_customer_written_ones():
    flagged = {(t.name, c.name) for t in TABLES.values() for c in t.columns if c.free_text}
    assert flagged == {("surveys", "text"), ("tickets", "subject"), ("tickets", "text")}


def test_emails_phones_and_cards_are_redacted_before_they_are_stored(loaded, tmp_path):
    ingest_file(loaded, "surveys", write(tmp_path, "surveys.csv", SURVEYS_PII))
    ingest_file(loaded, "tickets", write(tmp_path, "tickets.csv", TICKETS_PII))
    texts = loaded.query("SELECT survey_id, text FROM surveys ORDER BY 1").set_index("survey_id").text
    assert texts["S1"] == "Card [card] was charged twice, call [phone]"
    assert texts["S2"] == "Lovely bread and 2 cakes for £12.50"
    assert texts["S3"] == "write to [email]"
    ticket = loaded.query("SELECT subject, text FROM tickets").iloc[0]
    assert ticket.subject == "Refund to [card]"
    assert ticket.text == "Email me at [email] or [phone]"
    everything = " ".join(str(v) for t in ("surveys", "tickets")
                          for v in loaded.query(f"SELECT * FROM {t}").to_numpy().ravel())
    for secret in ("4111", "07700", "jane@", "7946"):
        assert secret not in everything


def test_introduced_names_and_postcodes_after_a_town_never_reach_the_store(loaded, tmp_path):
    surveys = ("survey_id,customer_id,ts,csat,text\n"
               'S1,C1,2026-05-03 10:00,1,"Hi, this is Maria Okafor from Toronto, ON M5V 2T6, the cake was late"\n'
               "S2,C2,2026-05-04 10:00,1,I am Very unhappy and this is Terrible\n")
    ingest_file(loaded, "surveys", write(tmp_path, "surveys.csv", surveys))
    texts = loaded.query("SELECT survey_id, text FROM surveys ORDER BY 1").set_index("survey_id").text
    assert texts["S1"] == "Hi, this is [name] from Toronto, ON [postcode], the cake was late"
    assert texts["S2"] == "I am Very unhappy and this is Terrible"


def test_reingesting_a_file_with_pii_adds_and_changes_nothing(loaded, tmp_path):
    path = write(tmp_path, "surveys.csv", SURVEYS_PII)
    first = ingest_file(loaded, "surveys", path)
    again = ingest_file(loaded, "surveys", path)
    assert (first.inserted, again.inserted, again.updated, again.unchanged) == (3, 0, 0, 3)


def test_a_rejected_file_with_pii_leaves_the_store_untouched(loaded, tmp_path):
    bad = SURVEYS_PII + "S4,C1,not a time,1,call 07700 900123\n"
    err = rejected(loaded, tmp_path, "surveys", "bad_surveys.csv", bad)
    assert err.problems[0].row == 4 and err.problems[0].column == "ts"


def test_one_load_reports_one_bar_that_only_moves_forward(store, tmp_path):
    """Reading, checking and writing share one bar per table, so it never falls back to 0%
    at the next step, and it ends full."""
    seen: list[tuple[str, float]] = []
    ingest_file(store, "events", write(tmp_path, "events.csv", EVENTS),
                progress=lambda label, fraction: seen.append((label, fraction)))
    labels = [label for label, _ in seen]
    fractions = [f for _, f in seen]
    assert {label.split(":")[0] for label in labels} == {"events"}
    assert [label.split(": ")[1] for label in labels][0] == "reading" and labels[-1] == "events: done"
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(0.2 <= f < 1.0 for label, f in seen if label.endswith("writing"))
