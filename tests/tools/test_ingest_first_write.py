"""A first load of typed events (Parquet) is written and then checked over the written rows, in
one read of the file. What the owner sees must not change: a bad row is still reported with
its row number and value, nothing is written, and a clean file loads exactly as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tools.core.errors import IngestError
from tools.data.ingest import Load, ingest_file, ingest_loads
from tools.data.mapping import Mapping


def parquet(tmp_path: Path, name: str, **columns) -> Path:
    frame = pd.DataFrame({
        "customer_id": ["C1", " C2 ", "C3"],
        "ts": pd.to_datetime(["2026-05-01 09:00", "2026-05-01 10:00", "2026-05-02 11:00"], utc=True),
        "touchpoint": ["product_view", "add_to_cart", "instore_purchase"],
        "session_id": ["s1", "s2", None],
        **columns,
    })
    path = tmp_path / name
    frame.to_parquet(path)
    return path


def events(store) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in r) for r in store.query(
        "SELECT customer_id, touchpoint, stage, session_id, online, source FROM events ORDER BY ts"
    ).itertuples(index=False)]


def test_a_clean_first_load_lands_as_before_and_loads_once(store, tmp_path):
    path = parquet(tmp_path, "events.parquet", channel=[" Paid Search", "email", None])
    report = ingest_file(store, "events", path)
    assert (report.rows_read, report.inserted, report.updated, report.skipped) == (3, 3, 0, 0)
    assert events(store) == [
        ("C1", "product_view", "consideration", "s1", True, "events.parquet"),
        ("C2", "add_to_cart", "decision", "s2", True, "events.parquet"),  # ids trimmed as ever
        ("C3", "instore_purchase", "purchase", None, False, "events.parquet"),
    ]
    assert store.query("SELECT channel FROM events ORDER BY ts").channel.tolist()[:2] == ["paid_search", "email"]
    assert store.scalar("SELECT count(*) FROM sessions") == 2
    assert store.scalar("SELECT count(*) FROM first_touch") == 3
    assert ingest_file(store, "events", path).inserted == 0  # the same file again adds nothing


@pytest.mark.parametrize("columns, message, row, got", [
    ({"touchpoint": ["product_view", "carrier_pigeon", "instore_purchase"]},
     "touchpoint 'carrier_pigeon' (1 rows) has no journey stage", 2, None),
    ({"customer_id": ["C1", "  ", "C3"]}, "a required value is empty", 2, None),
    ({"ts": pd.to_datetime(["2026-05-01", "2026-05-01", "2099-01-01"], utc=True)}, "dated in the future", 3,
     "2099-01-01"),
])
def test_a_bad_row_is_reported_with_its_row_and_nothing_is_written(store, tmp_path, columns, message, row, got):
    path = parquet(tmp_path, "events.parquet", **columns)
    with pytest.raises(IngestError) as info:
        ingest_file(store, "events", path)
    problem = info.value.problems[0]
    assert message in problem.message
    assert problem.row == row
    if got:
        assert got in str(problem.got)
    assert "Nothing was written" in str(info.value)
    for table in ("events", "sessions", "first_touch", "ingest_log"):
        assert store.scalar(f"SELECT count(*) FROM {table}") == 0
    # The store is as it was: the good file loads afterwards.
    assert ingest_file(store, "events", parquet(tmp_path, "good.parquet")).inserted == 3


def test_a_stage_column_with_an_unknown_stage_still_names_the_row(store, tmp_path):
    path = parquet(tmp_path, "events.parquet", stage=["consideration", "maybe later", None])
    with pytest.raises(IngestError) as info:
        ingest_file(store, "events", path)
    problem = info.value.problems[0]
    assert (problem.message, problem.row, problem.got) == ("could not read this value", 2, "maybe later")
    assert store.scalar("SELECT count(*) FROM events") == 0


def test_a_blank_stage_takes_the_touchpoints_stage(store, tmp_path):
    path = parquet(tmp_path, "events.parquet", stage=["  ", "Decision", None])
    assert ingest_file(store, "events", path).inserted == 3
    assert [r[2] for r in events(store)] == ["consideration", "decision", "purchase"]


def test_a_later_load_failing_undoes_the_first_written_events_of_the_same_call(store, tmp_path):
    good = parquet(tmp_path, "events.parquet")
    bad = parquet(tmp_path, "more.parquet", touchpoint=["product_view", "carrier_pigeon", "product_view"])
    with pytest.raises(IngestError):
        ingest_loads(store, [Load(good, Mapping(table="events")), Load(bad, Mapping(table="events"))])
    assert store.scalar("SELECT count(*) FROM events") == 0
    assert store.scalar("SELECT count(*) FROM sessions") == 0


def test_filtered_and_skipped_rows_are_counted_as_before(store, tmp_path):
    path = parquet(tmp_path, "events.parquet", session_id=["s1", None, "s3"])
    report = ingest_file(store, "events", path, Mapping(table="events", skip_missing=["session_id"]))
    assert (report.rows_read, report.inserted, report.skipped) == (3, 2, 1)
    later = dt.datetime(2026, 5, 1, 9, 30, tzinfo=dt.UTC)
    assert store.scalar("SELECT count(*) FROM events WHERE ts > ?", [later]) == 1
