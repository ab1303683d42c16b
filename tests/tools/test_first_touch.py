"""The first_touch table ingest keeps: each customer's earliest event, moved by later loads
with earlier events, untouched by rejected loads, gone when the customer is forgotten, and
built on open for stores made before it."""

from __future__ import annotations

import pytest

from tools.core.errors import IngestError
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore

EVENTS = """customer_id,ts,touchpoint
A,2026-05-02 10:00,website_visit
A,2026-05-01 09:00,instore_visit
B,2026-05-03 12:00,email_open
"""


def firsts(store: JourneyStore) -> dict[str, str]:
    rows = store.query("SELECT customer_id, strftime(first_ts, '%Y-%m-%d %H:%M') AS t FROM first_touch")
    return dict(zip(rows["customer_id"], rows["t"], strict=True))


def load(store, tmp_path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ingest_file(store, "events", path)


@pytest.fixture
def shop(store, tmp_path):
    load(store, tmp_path, "events.csv", EVENTS)
    return store


def test_each_customers_earliest_event_of_any_kind(shop):
    assert firsts(shop) == {"A": "2026-05-01 09:00", "B": "2026-05-03 12:00"}


def test_a_later_load_with_an_earlier_event_moves_it_and_adds_new_customers(shop, tmp_path):
    load(shop, tmp_path, "more.csv", "customer_id,ts,touchpoint\nB,2026-04-30 08:00,ad_click\n"
                                     "C,2026-05-04 08:00,page_view\nA,2026-05-05 08:00,page_view\n")
    assert firsts(shop) == {"A": "2026-05-01 09:00", "B": "2026-04-30 08:00", "C": "2026-05-04 08:00"}


def test_a_rejected_load_and_a_repeated_one_change_nothing(shop, tmp_path):
    with pytest.raises(IngestError):
        load(shop, tmp_path, "bad.csv", "customer_id,ts,touchpoint\nB,2026-04-30 08:00,ad_click\nC,never,page_view\n")
    load(shop, tmp_path, "again.csv", EVENTS)
    assert firsts(shop) == {"A": "2026-05-01 09:00", "B": "2026-05-03 12:00"}


def test_forgetting_a_customer_removes_their_first_event(shop):
    shop.delete_customer("A")
    assert firsts(shop) == {"B": "2026-05-03 12:00"}


def test_an_old_store_gets_the_table_on_open(tmp_path):
    path = tmp_path / "journey.duckdb"
    store = JourneyStore(path, timezone="Europe/London")
    load(store, tmp_path, "events.csv", EVENTS)
    store.execute("DROP TABLE first_touch")
    store.execute("DELETE FROM meta WHERE key = 'first_touch'")
    assert firsts(JourneyStore(path, timezone="Europe/London")) == {"A": "2026-05-01 09:00", "B": "2026-05-03 12:00"}
