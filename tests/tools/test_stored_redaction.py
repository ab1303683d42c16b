"""Texts stored before the redaction rules grew ("Regards, Priya S." at the end of a ticket)
lose the name the first time the store is opened under the new rules, and the feedback index
sees the redacted text; a store already redacted by them is not touched again."""

from __future__ import annotations

from tools.data import stored_redaction
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore
from tools.feedback.status import store_documents


def _old_store(path, tmp_path) -> JourneyStore:
    """A store whose tickets were loaded under the rules before version 2: the names are in."""
    store = JourneyStore(path, timezone="Europe/London")
    people = tmp_path / "customers.csv"
    people.write_text("customer_id\nC1\nC2\n")
    ingest_file(store, "customers", people)
    tickets = tmp_path / "tickets.csv"
    tickets.write_text("ticket_id,customer_id,created_at,text\n"
                       "T1,C1,2026-03-01T09:00:00Z,the loaf was flat\n"
                       "T2,C2,2026-03-02T09:00:00Z,where is my order\n")
    ingest_file(store, "tickets", tickets)
    with store.connect() as con:
        con.execute("UPDATE tickets SET text = text || '. Regards, Priya S.' WHERE ticket_id = 'T1'")
        con.execute("UPDATE tickets SET text = text || '? regards, the team' WHERE ticket_id = 'T2'")
        con.execute("UPDATE meta SET value = '1' WHERE key = ?", [stored_redaction.KEY])
    store.close()
    return store


def test_texts_loaded_under_older_rules_are_redacted_on_the_next_open(tmp_path):
    path = tmp_path / "journey.duckdb"
    before = _old_store(path, tmp_path)
    version = before.data_version()
    store = JourneyStore(path, timezone="Europe/London")
    with store.connect() as con:
        texts = dict(con.execute("SELECT ticket_id, text FROM tickets").fetchall())
        assert con.execute("SELECT value FROM meta WHERE key = ?", [stored_redaction.KEY]).fetchone()[0] == \
            stored_redaction.VERSION
    assert texts == {"T1": "the loaf was flat. Regards, [name].", "T2": "where is my order? regards, the team"}
    assert store.data_version() > version  # results cached from the named texts are stale
    docs = store_documents(store)
    assert "Priya" not in " ".join(docs["text"])


def test_a_store_redacted_by_the_current_rules_is_left_alone(tmp_path):
    path = tmp_path / "journey.duckdb"
    _old_store(path, tmp_path)
    JourneyStore(path, timezone="Europe/London").close()  # redone once
    version = JourneyStore(path, timezone="Europe/London").data_version()
    assert JourneyStore(path, timezone="Europe/London").data_version() == version
