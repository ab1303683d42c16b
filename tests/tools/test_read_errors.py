"""Files the CSV reader cannot read get a message naming the file, the row, the column, the line
and byte offset, and what to do; nothing is written. Files with the twcs quirk load when told how."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tools.core.errors import IngestError
from tools.data.ingest import ingest_file
from tools.data.mapping import Mapping, ReadOptions, Threads


def refused(store, path: Path, table: str = "customers", **opts) -> str:
    mapping = Mapping(table=table, options=ReadOptions(**opts)) if opts else None  # type: ignore[arg-type]
    with pytest.raises(IngestError) as info:
        ingest_file(store, table, path, mapping)
    assert store.count(table) == 0
    text = str(info.value)
    assert str(path) in text and "Nothing was written" in text
    return text


def test_a_bare_carriage_return_inside_a_value_is_found_by_row_and_byte(store, tmp_path):
    body = b"customer_id,city\nA,Bristol\nB,Bath \r\rspa\nC,Leeds\n"
    path = tmp_path / "cr.csv"
    path.write_bytes(body)
    text = refused(store, path)
    offset = body.index(b"\r")
    assert "row 2, column 'city': a carriage return (\\r) alone inside an unquoted value" in text
    assert f"line 3, byte offset {offset:,}" in text and "--newline lf" in text
    report = ingest_file(store, "customers", path, Mapping(table="customers", options=ReadOptions(newline="lf")))
    assert report.inserted == 3
    assert store.scalar("SELECT city FROM customers WHERE customer_id = 'B'") == "Bath \r\rspa"


def test_a_row_with_an_extra_value_is_named(store, tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text("customer_id,city\nA,Bristol\nB,Bath, UK\nC,Leeds\n")
    text = refused(store, path)
    assert "row 2: this row has 3 values where the header has 2" in text and "'B,Bath, UK'" in text


def test_a_five_megabyte_value_is_read_without_options(store, tmp_path):
    """A long free-text field (a pasted e-mail thread) is no reason to refuse a file: the
    reader's line limit follows the file's longest line."""
    path = tmp_path / "big.csv"
    path.write_text("customer_id,city\nA,Bristol\nB," + "x" * 5_000_000 + "\nC,Leeds\n")
    ingest_file(store, "customers", path)
    assert store.scalar("SELECT length(city) FROM customers WHERE customer_id = 'B'") == 5_000_000
    assert store.count("customers") == 3


def test_a_utf16_file_gets_the_hint_to_use_encoding(store, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("customer_id,city\nA,Bristol\nB,Bath\n", encoding="utf-16")
    text = refused(store, path)
    assert "the file is UTF-16 text" in text and "--encoding utf-16" in text
    ingest_file(store, "customers", path, Mapping(table="customers", options=ReadOptions(encoding="utf-16")))
    assert store.count("customers") == 2


def test_conversations_are_rebuilt_from_reply_links(store, tmp_path):
    """A customer's tweet (1) gets a brand reply (2), writes again (3) and the brand answers
    last (4): resolved at 4's time. Tweet 5 is never answered: open, no first response. Tweet 7
    answers a tweet that is not in the file: it starts its own thread. Ids written as floats."""
    path = tmp_path / "tweets.csv"
    pd.DataFrame({
        "tweet_id": [1, 2, 3, 4, 5, 7],
        "author": ["u1", "shop", "u1", "shop", "u2", "u3"],
        "inbound": ["True", "False", "True", "False", "True", "True"],
        "at": ["2026-05-01 10:00", "2026-05-01 11:30", "2026-05-01 12:00", "2026-05-01 15:00",
               "2026-05-02 09:00", "2026-05-03 09:00"],
        "reply_to": [None, 1.0, 2.0, 3.0, None, 6.0],
        "text": ["where is my order", "sorry, checking", "thanks", "sent today", "hello?", "and?"],
    }).to_csv(path, index=False)
    m = Mapping(
        table="tickets",
        threads=Threads(id="tweet_id", reply_to="reply_to", time="at", author="author",
                        business={"inbound": "False"}),
        where={"_starts_thread": "true"},
        columns={"ticket_id": "tweet_id", "customer_id": "author", "created_at": "at",
                 "first_response_at": "_first_reply_at", "resolved_at": "_resolved_at",
                 "status": "_status", "subject": "_replied_by"},
        unknown_customers="create",
    )
    report = ingest_file(store, "tickets", path, m)
    assert (report.rows_read, report.inserted, report.skipped) == (6, 3, 3)
    got = store.query("SELECT ticket_id, status, subject, epoch(first_response_at) - epoch(created_at) AS frt, "
                      "epoch(resolved_at) - epoch(created_at) AS res FROM tickets ORDER BY 1")
    assert got.ticket_id.tolist() == ["1", "5", "7"]
    assert got.status.tolist() == ["resolved", "open", "open"]
    assert got.frt.iloc[0] == 90 * 60 and got.res.iloc[0] == 5 * 3600
    assert got.frt.iloc[1:].isna().all() and got.subject.iloc[0] == "shop"


def test_a_quote_that_is_never_closed_is_named(store, tmp_path):
    path = tmp_path / "open.csv"
    path.write_text('customer_id,city\nA,Bristol\nB,"Bath\nC,Leeds\nD,York\n')
    text = refused(store, path, quote='"')
    assert "row 2, column 'city': a quote opened in this row is never closed" in text and "line 3, byte offset 27" in text


def test_the_column_is_named_by_the_header_in_a_wider_file(store, tmp_path):
    # the quote opens in the third value, on a file whose header is quoted
    path = tmp_path / "wide.csv"
    path.write_text('"customer_id","city","email"\nA,Bristol,a@x\nB,Bath,"b@x\nC,Leeds,c@x\n')
    text = refused(store, path, quote='"')
    assert "row 2, column 'email': a quote opened in this row is never closed" in text


@pytest.mark.realdata
def test_twcs_without_newline_lf_names_the_tweet_its_column_line_and_byte(store):
    from conftest import external

    path = external("twcs_sample") / "twcs.csv"
    body = path.read_bytes()
    at = body.index(b"\r")  # the first bare carriage return, as bytes
    # the record holding it, read the way the file was written (only \n ends a row)
    tweets = pd.read_csv(path, lineterminator="\n", dtype=str)
    row = int(tweets.index[tweets.text.str.contains("\r", regex=False, na=False)][0]) + 1
    mapping = Mapping(table="tickets", options=ReadOptions())
    with pytest.raises(IngestError) as info:
        ingest_file(store, "tickets", path, mapping)
    text = str(info.value)
    assert f"row {row}, column 'text': a carriage return" in text
    line = body.count(b"\n", 0, at) + 1
    assert f"line {line:,}, byte offset {at:,}" in text and "--newline lf" in text
    assert store.count("tickets") == 0
