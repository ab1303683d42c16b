"""`journeybot ask` with the offline planner does not load SQLAlchemy (issue 22: about 0.14 s of
CPU a process): the planner's memory of a conversation is kept in its SQLite file through the
standard library, and a follow-up in another process still finds it; memory files written by
earlier versions (through SQLAlchemy) are read and written as before."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import run_and_list
from click.testing import CliRunner
from journey_fixtures import SHOP

from bot.cli import main


def _ask(*args: str) -> tuple[dict, set[str]]:
    out, modules = run_and_list(None, "ask", "--json", *args)
    return json.loads(out), {m.split(".")[0] for m in modules}


def test_ask_answers_without_sqlalchemy_and_its_conversation_goes_on_in_the_next_process(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(SHOP)
    assert CliRunner().invoke(main, ["ingest", "events", str(events)]).exit_code == 0

    first, loaded = _ask("how does our funnel look?")
    assert first["tool_calls"][0]["tool"] == "funnel"
    assert "sqlalchemy" not in loaded and "langgraph" not in loaded

    # What the first process kept is there for a follow-up in the second, as before.
    from bot.config import load_config
    from bot.memory import PlannerMemory

    kept = PlannerMemory(load_config(None).memory_url).get(first["conversation"])
    assert kept is not None and kept["tool"] == "funnel"
    second, loaded = _ask("--conversation", first["conversation"], "and by channel?")
    assert second["tool_calls"][0]["tool"] == "funnel"
    assert second["tool_calls"][0]["args"].get("by") == "channel"
    assert "sqlalchemy" not in loaded


def test_a_memory_file_made_through_sqlalchemy_is_read_and_written_as_before(tmp_path: Path):
    from sqlalchemy import Column, Float, MetaData, String, Table, Text, text

    from bot.agent.slots import Slots
    from bot.memory import PlannerMemory, forget_conversations
    from tools.core.opsdb import OpsDB

    # The table as earlier versions made it, and a row written their way.
    url = f"sqlite:///{tmp_path / 'memory.sqlite'}"
    old = OpsDB(url)
    meta = MetaData()
    Table("planner_state", meta, Column("conversation", String, primary_key=True), Column("tool", String),
          Column("slots", Text), Column("updated", Float))
    old.create(meta)
    with old.write() as con:
        con.execute(text("INSERT INTO planner_state VALUES ('T1:C1:1.1', 'kpis', :s, 1.0)"),
                    {"s": json.dumps({"metrics": ["revenue"], "_args": {"metrics": ["revenue"]}})})

    memory = PlannerMemory(url)
    assert memory.get("T1:C1:1.1") == {"tool": "kpis", "slots": {"metrics": ["revenue"]},
                                       "args": {"metrics": ["revenue"]}}
    memory.put("T1:C1:2.2", "funnel", Slots(), {"by": "channel"})
    memory.put("T1:C1:1.1", "trend", Slots())
    # ... and what is written now reads back through SQLAlchemy (the erasure job's way in).
    with old.read() as con:
        rows = dict(con.execute(text("SELECT conversation, tool FROM planner_state")).all())
    assert rows == {"T1:C1:1.1": "trend", "T1:C1:2.2": "funnel"}
    assert forget_conversations(url, ["T1:C1:2.2"]) == 1
    assert memory.get("T1:C1:2.2") is None and memory.get("T1:C1:1.1")["tool"] == "trend"
    old.dispose()


def test_a_fresh_memory_file_has_the_table_earlier_versions_made(tmp_path: Path):
    import sqlite3

    from bot.memory import PlannerMemory
    from tools.core.opsdb import OpsDB

    PlannerMemory(tmp_path / "new.sqlite").get("x")
    from sqlalchemy import Column, Float, MetaData, String, Table, Text

    meta = MetaData()
    Table("planner_state", meta, Column("conversation", String, primary_key=True), Column("tool", String),
          Column("slots", Text), Column("updated", Float))
    OpsDB(f"sqlite:///{tmp_path / 'old.sqlite'}").create(meta)

    def columns(name: str) -> list[tuple]:
        con = sqlite3.connect(tmp_path / name)
        try:
            return con.execute("PRAGMA table_info(planner_state)").fetchall()
        finally:
            con.close()

    assert columns("new.sqlite") == columns("old.sqlite")
    assert sqlite3.connect(tmp_path / "new.sqlite").execute("PRAGMA journal_mode").fetchone() == ("wal",)
