"""Every table journeybot writes beside the journey tables is written by column name. A store
made by another version can hold a table's columns in another order (a column added later sits
at the end, ALTER TABLE ADD COLUMN) or a column this version does not write; rows written by
position then landed in the wrong column or failed. Each test below gives a writer such a table
(its columns reversed, one unknown column at the end) and reads the row back by name. The
derived sessions and first_touch tables are made again when rebuilt, in this version's shape.

The journey tables' own upsert has the same test in test_ingest_upgraded_store.py."""

from __future__ import annotations

import datetime as dt
import types

import pandas as pd

from tools.alerts.rules import AlertRule
from tools.alerts.store import AlertStore
from tools.data import erased, saved_results
from tools.data.ingest import ingest_file
from tools.data.store import JourneyStore
from tools.personas import store as persona_store
from tools.predict import churn, registry
from tools.predict.registry import ModelRegistry

LATER = "added_by_a_later_version"


def reshape(con, table: str, create_sql: str | None = None) -> list[str]:
    """Make `table` (created by `create_sql` when given) hold its columns in reverse order with
    an unknown column at the end, keeping its rows; returns the new column order."""
    if create_sql:
        con.execute(create_sql)
    cols = [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()][::-1]
    listed = ", ".join(f'"{c}"' for c in cols)
    con.execute(f'CREATE TABLE reshaped AS SELECT {listed}, CAST(NULL AS VARCHAR) AS {LATER} FROM "{table}"')
    con.execute(f'DROP TABLE "{table}"')
    con.execute(f'ALTER TABLE reshaped RENAME TO "{table}"')
    return [*cols, LATER]


def test_ingest_log_and_hints(store, tmp_path):
    with store.connect() as con:
        reshape(con, "ingest_log")
        from tools.data.hints import CREATE_SQL
        reshape(con, "ingest_hints", CREATE_SQL)
    (tmp_path / "customers.csv").write_text("customer_id,city\nA,Bath\n")
    ingest_file(store, "customers", tmp_path / "customers.csv")
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,ts,amount\nO1,A,2026-05-04 10:00:00+02:00,R$ 12.50\n")
    ingest_file(store, "orders", path)
    log = store.query('SELECT "table", file, rows_read, inserted FROM ingest_log ORDER BY loaded_at')
    assert [tuple(r) for r in log.itertuples(index=False)] == [("customers", str(tmp_path / "customers.csv"), 1, 1),
                                                             ("orders", str(path), 1, 1)]
    hints = store.query('SELECT "table", "column", kind, value, rows FROM ingest_hints ORDER BY kind')
    assert [tuple(r) for r in hints.itertuples(index=False)] == [
        ("orders", "amount", "money_sign", "R$", 1), ("orders", "ts", "offset", "+02:00 2026-05-04", 1)]


def test_saved_results(store):
    version = store.data_version()
    with store.connect() as con:
        reshape(con, saved_results.TABLE,
                f"CREATE TABLE {saved_results.TABLE} (data_version BIGINT, code VARCHAR, profile VARCHAR, "
                "analysis VARCHAR, params VARCHAR, payload BLOB, saved_at TIMESTAMPTZ)")
    assert saved_results.save(store, version, {("funnel", "{}"): {"steps": 3}}) == 1
    row = store.query(f"SELECT data_version, analysis, params FROM {saved_results.TABLE}")
    assert [tuple(r) for r in row.itertuples(index=False)] == [(version, "funnel", "{}")]


def test_erasure_ledger(store):
    with store.connect() as con:
        # Made by hand: the ledger's primary key is what a repeated erasure relies on.
        con.execute(f"CREATE TABLE {erased.TABLE} (erased_at TIMESTAMPTZ, {LATER} VARCHAR, hash VARCHAR PRIMARY KEY)")
        erased.remember(con, "C42")
        erased.remember(con, "C42")
        assert erased.is_erased(con, "C42") and not erased.is_erased(con, "C43")
        assert con.execute(f"SELECT count(*), count(erased_at) FROM {erased.TABLE}").fetchone() == (1, 1)


def test_churn_snapshots(store):
    with store.connect() as con:
        reshape(con, "predict_scores", churn._SNAPSHOT_DDL)
    frame = pd.DataFrame({"has_purchase": [True, False], "churn_risk": [0.25, 0.9], "spend_365d": [40.0, 0.0]},
                         index=pd.Index(["A", "B"], name="customer_id"))
    scores = types.SimpleNamespace(frame=frame, as_of=dt.date(2026, 5, 4),
                                   versions={"churn": types.SimpleNamespace(version=3)})
    churn._record_snapshot(store, scores, dt.datetime(2026, 5, 5, 7, tzinfo=dt.UTC))
    row = store.query("SELECT customer_id, churn_risk, spend_365d, churn_version, as_of FROM predict_scores")
    assert [tuple(r) for r in row.itertuples(index=False)] == [("A", 0.25, 40.0, 3, pd.Timestamp("2026-05-04"))]


def test_model_registry(store, tmp_path):
    reg = ModelRegistry(store, tmp_path / "models")
    with store.connect() as con:
        reshape(con, "predict_models", registry._DDL)
    out = reg.register("churn", {"weights": [1]}, now=dt.datetime(2026, 5, 5, tzinfo=dt.UTC),
                       data_start=dt.date(2026, 1, 1), data_end=dt.date(2026, 5, 4), method="gradient boosting",
                       metric="roc_auc", score=0.8, metrics={"auc": 0.8}, features=["recency_days"])
    v = out.version
    assert (v.name, v.version, v.method, v.metric, v.score, v.features, v.data_end) == (
        "churn", 1, "gradient boosting", "roc_auc", 0.8, ["recency_days"], dt.date(2026, 5, 4))
    assert reg.load(reg.active("churn")) == {"weights": [1]}


def test_persona_drafts_and_saves(store):
    persona_store.ensure_tables(store)
    with store.connect() as con:
        for table in ("persona_drafts", "persona_draft_members", "persona_draft_state", "personas",
                      "persona_saved_members"):
            reshape(con, table)
    members = pd.DataFrame({"position": [1, 1, 2], "customer_id": ["A", "B", "C"]})
    persona_store.write_draft(store, "t1", [{"name": "Regulars"}, {"name": "Newcomers"}], members, {"k": 1})
    cards, focus, info = persona_store.read_draft(store, "t1")
    assert (cards, focus, info) == ([{"name": "Regulars"}, {"name": "Newcomers"}], 1, {"k": 1})
    with store.connect() as con:
        persona_store.merge_members(con, "t1", 1, 2)
    assert persona_store.save_version(store, "Regulars", {"name": "Regulars"}, "t1", 1) == 1
    saved = store.query("SELECT persona, customer_id FROM persona_members ORDER BY customer_id")
    assert [tuple(r) for r in saved.itertuples(index=False)] == [("Regulars", "A"), ("Regulars", "B"),
                                                                 ("Regulars", "C")]
    assert store.scalar("SELECT conversation FROM personas WHERE name = 'Regulars'") == "t1"


def test_alert_rules_and_checks(tmp_path):
    import sqlite3

    from tools.alerts.evaluate import Finding
    from tools.alerts.lifecycle import AlertPolicy

    path = tmp_path / "state.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"CREATE TABLE alert_rules (updated_at FLOAT NOT NULL, created_at FLOAT NOT NULL, created_by VARCHAR, "
                f"source VARCHAR NOT NULL, rule TEXT NOT NULL, id VARCHAR PRIMARY KEY, {LATER} VARCHAR)")
    con.execute(f"CREATE TABLE alert_checks (checked_at FLOAT, breach INTEGER, day VARCHAR, rule_id VARCHAR, "
                f"{LATER} VARCHAR, PRIMARY KEY (rule_id, day))")
    con.commit()
    con.close()
    alerts = AlertStore(path)
    rule = AlertRule(id="conv", kind="anomaly", metric="conversion_rate", severity="high")
    alerts.add_rule(rule, source="slack", created_by="U1")
    [stored] = alerts.stored_rules()
    assert (stored.rule.id, stored.source, stored.created_by) == ("conv", "slack", "U1")
    day = dt.date(2026, 6, 1)
    finding = Finding(rule_id="conv", condition="c", metric="conversion_rate", label="Checkout conversion",
                      unit="%", day=day, window_days=1, kind="anomaly", breach=False, judged=True, value=41.0,
                      expected=41.0, lower=35.0, upper=47.0, z=0.0, change_pct=0.0, n=64, since=None,
                      reason="within bounds", severity="high", history=())
    alerts.apply(rule, finding, dt.datetime(2026, 6, 2, 7, tzinfo=dt.UTC), AlertPolicy())
    assert alerts.was_checked("conv", day)
    con = sqlite3.connect(path)
    assert con.execute("SELECT rule_id, day, breach FROM alert_checks").fetchall() == [("conv", "2026-06-01", 0)]


EVENTS = """customer_id,ts,touchpoint,session_id
A,2026-05-02 10:00,website_visit,a1
A,2026-05-02 10:05,add_to_cart,a1
A,2026-05-02 10:09,order_placed,a1
B,2026-05-02 11:00,product_view,b1
"""
MORE = "customer_id,ts,touchpoint,session_id\nB,2026-05-03 11:00,product_view,b2\nC,2026-05-01 09:00,page_view,c1\n"


def _derived(store: JourneyStore) -> tuple[list, list]:
    sessions = store.query("SELECT sid, customer_id, hits, bought, exit_tp, first_ts FROM sessions ORDER BY sid")
    touch = store.query("SELECT customer_id, first_ts FROM first_touch ORDER BY customer_id")
    return ([tuple(r) for r in sessions.itertuples(index=False)], [tuple(r) for r in touch.itertuples(index=False)])


def test_sessions_and_first_touch_of_another_version(tmp_path):
    """A sessions/first_touch table of another version's shape is made again on open, and a
    table of this version with its columns in another order takes new rows by name."""
    (tmp_path / "events.csv").write_text(EVENTS)
    (tmp_path / "more.csv").write_text(MORE)
    fresh = JourneyStore(tmp_path / "fresh.duckdb", timezone="Europe/London")
    ingest_file(fresh, "events", tmp_path / "events.csv")
    before = _derived(fresh)
    ingest_file(fresh, "events", tmp_path / "more.csv")
    after = _derived(fresh)
    fresh.close()
    assert len(after[0]) == 4 and len(after[1]) == 3

    old = JourneyStore(tmp_path / "old.duckdb", timezone="Europe/London")
    ingest_file(old, "events", tmp_path / "events.csv")
    with old.connect() as con:
        reshape(con, "sessions")
        reshape(con, "first_touch")
        con.execute("UPDATE meta SET value = '1 Europe/London' WHERE key = 'sessions'")
        con.execute("UPDATE meta SET value = '0' WHERE key = 'first_touch'")
    old.close()
    reopened = JourneyStore(tmp_path / "old.duckdb", timezone="Europe/London")
    assert LATER not in reopened.query("SELECT * FROM sessions LIMIT 0").columns
    assert _derived(reopened) == before
    with reopened.connect() as con:  # current, but with its columns in another order
        reshape(con, "sessions")
        reshape(con, "first_touch")
    ingest_file(reopened, "events", tmp_path / "more.csv")
    assert _derived(reopened) == after
