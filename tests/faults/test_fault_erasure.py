"""Fault: erasure is incomplete (issue 20 item 2).

A customer with a CRM name and email, surveys and a ticket is loaded through `journeybot
ingest`, indexed, drafted into personas (and saved), named in Slack answers, in the agent's
memory (model and offline planner), in a recorded digest and in the terminal history, and
sits in the sample files. After `journeybot forget` the raw bytes of every file under the data
folder are searched for their id, name, email and texts: nothing may be left, while every
other customer is still there."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import persona_fixtures
import pytest
from click.testing import CliRunner
from fakes.chat import say, scripted

from bot.cli import main

TARGET = "CUST-7Q4K9"  # the tiny shop's P1, under an id as distinctive as real ones
NAME = "Zephyrine Quillfeather"
EMAIL = "zephyrine.q@quill-mail.example"
TEXT = ("Waited 40 minutes at pickup for the rye sourdough; nobody at the counter knew where "
        "my order had gone and the app still said ready")
TICKET = "The pickup locker code from the order email never worked, three Saturdays running now"
OTHER_TEXT = "Lovely buns, the pickup slot was fine"  # written by P2, must stay


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _files(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file())


def _raw_hits(home: Path, needles: dict[str, str]) -> list[tuple[str, str]]:
    """Every (file, what) whose raw bytes hold a needle; XLSX files are also read unzipped."""
    hits = []
    for path in _files(home):
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # a server's own scratch file (PostgreSQL's pg_internal.init)
            continue               # removed between the listing and the read holds nothing now
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                data += b"".join(z.read(n) for n in z.namelist())
        for what, needle in needles.items():
            if needle.encode() in data or json.dumps(needle)[1:-1].encode() in data:
                hits.append((str(path.relative_to(home)), what))
    return hits


def _tiny_shop_with_target(store) -> None:
    """persona_fixtures.tiny_shop with P1 renamed to TARGET and without P1's survey (the
    target's texts are ingested below, so they are redacted as real ones are)."""
    def swap(rows):
        return [tuple(TARGET if v == "P1" else v for v in row) for row in rows]

    saved = {k: getattr(persona_fixtures, k) for k in ("CUSTOMERS", "ORDERS", "EVENTS", "SURVEYS")}
    try:
        persona_fixtures.CUSTOMERS = swap(saved["CUSTOMERS"])
        persona_fixtures.ORDERS = swap(saved["ORDERS"])
        persona_fixtures.EVENTS = swap(saved["EVENTS"])
        persona_fixtures.SURVEYS = [r for r in saved["SURVEYS"] if r[1] != "P1"]
        persona_fixtures.tiny_shop(store)
    finally:
        for k, v in saved.items():
            setattr(persona_fixtures, k, v)


@pytest.fixture
def lived_in(request, home: Path, tmp_path: Path, minilm, monkeypatch):
    """A data folder after a few weeks of use, with the target customer everywhere; with
    `postgresql` (indirect parameter) operational state, memory and published journey store
    versions are in a real PostgreSQL server, as with several instances."""
    from bot.agent.agent import JourneyAgent
    from bot.agent.tools import ToolContext
    from bot.answer_log import AnswerLog, AnswerRecord
    from bot.config import load_config
    from bot.render.message import Attachment, Message
    from bot.scheduler.delivery import RunLedger
    from bot.sources import source_state
    from bot.state import StateStore
    from tools.data.store import JourneyStore
    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams, SavePersonaParams
    from tools.personas.saved import save_persona

    home.mkdir(parents=True)
    # An inbox source outside the data folder (an SFTP drop): loaded files are kept in done/,
    # refused ones in failed/ with a note quoting the problem row.
    dropbox = tmp_path / "dropbox"
    shared = ""
    if getattr(request, "param", "sqlite") == "postgresql":
        from real_servers import create_database, drop_database

        server = request.getfixturevalue("pg_server")
        database = create_database(server)
        request.addfinalizer(lambda: drop_database(server, database))
        shared = f'[state]\nurl = "{server.url(database)}"\n'
    (home / "config.toml").write_text(
        f'{shared}[[sources]]\nname = "drop"\nkind = "inbox"\npath = "{dropbox}"\n')
    store = JourneyStore(home / "journey.duckdb", timezone="Europe/London")
    _tiny_shop_with_target(store)
    store.close()
    sample = home / "sample"
    sample.mkdir()
    (sample / "customers.csv").write_text(
        "customer_id,First Name,Last Name,Email\n"
        f"{TARGET},Zephyrine,Quillfeather,{EMAIL}\nP2,Ada,Lovelace,ada@example.org\n", encoding="utf-8")
    (sample / "surveys.csv").write_text(
        "survey_id,customer_id,ts,csat,text\n"
        f'V9,{TARGET},2026-05-06 18:00,1,"{TEXT}. Thanks, Zephyrine"\n'
        f'V10,P2,2026-05-07 18:00,5,"{OTHER_TEXT}"\n', encoding="utf-8")
    (sample / "tickets.csv").write_text(
        "ticket_id,customer_id,created_at,subject,text\n"
        f'T9,{TARGET},2026-05-08 09:00,Locker code,"{TICKET}. {NAME}, {EMAIL}"\n', encoding="utf-8")
    loaded = run("ingest", "--folder", str(sample))
    assert loaded.exit_code == 0, loaded.output
    assert run("feedback", "index").exit_code == 0
    drawn = run("map", "--out", str(home / "maps" / "journey-map.xlsx"), "--out", str(home / "maps" / "journey-map.png"),
                "--period", "2026-05-01..2026-05-10")
    assert drawn.exit_code == 0, drawn.output

    store = JourneyStore(home / "journey.duckdb", timezone="Europe/London")
    drafted = draft_personas(store, DraftPersonasParams(segments=2), conversation="T1:C9:1.0")
    theirs = next(i for i, p in enumerate(drafted.personas, start=1)
                  if TARGET in store.query("SELECT customer_id FROM persona_draft_members WHERE position = ?", [i])
                  ["customer_id"].tolist())
    save_persona(store, SavePersonaParams(name="Pickup Parents", which=theirs), conversation="T1:C9:1.0")
    cards = " ".join(store.query("SELECT card FROM personas UNION ALL SELECT card FROM persona_drafts")["card"])
    assert TEXT[:40] in cards  # the card quotes them, in the draft and the saved version
    store.close()

    config = load_config()
    state = StateStore(config.ops_db())
    answers = AnswerLog(state)
    for i, question in enumerate((f"what did {TARGET} say about pickup?", "where do we lose people?")):
        answers.record(AnswerRecord(f"a{i}", "T1", "C9", f"{i}.0", "U1", "mention", f"T1:C9:{i}.0", question,
                                    tools=[{"name": "feedback_search", "args": {"query": question}}]))
    RunLedger(state).record("digest:daily:C9:2026-05-10", "C9", Message(
        text=f'What customers said: "{TEXT}"', files=(Attachment("quotes.csv", f"quote\n{TEXT}\n".encode()),)))

    ctx = ToolContext(store=JourneyStore(home / "journey.duckdb", timezone="Europe/London"), config=config)
    model = scripted(say(f'{TARGET} wrote: "{TEXT}"'), say("Funnel answer"))
    agent = JourneyAgent(ctx, chat_model=model, model_label="fake", memory_path=config.memory_url)
    agent.answer(f"what did {NAME} ({TARGET}) write?", "T1:C9:0.0")
    agent.answer("where do we lose people?", "T1:C9:1.0")
    offline = JourneyAgent(ctx, memory_path=config.memory_url)
    offline.answer(f"feedback from {TARGET}", "T1:C9:2.0")
    agent.close()
    offline.close()
    # Raw exports a sync left in the data folder keep the customer as the vendor wrote them.
    inbox = home / "inbox"
    inbox.mkdir()
    (inbox / "crm_export.csv").write_text(
        "Customer ID,First Name,Last Name,Email,Note\n"
        f"'{TARGET},Zephyrine,Quillfeather,{EMAIL},\"{TEXT}\"\n'P2,Ada,Lovelace,ada@example.org,\n",
        encoding="utf-8")
    (inbox / "orders.jsonl").write_text(
        f'{{"order": "OZ1", "customer": "{TARGET}", "total": 12.5}}\n{{"order": "OZ2", "customer": "P2", "total": 4}}\n',
        encoding="utf-8")
    for folder in ("done", "failed"):
        (dropbox / folder).mkdir(parents=True)
    (dropbox / "done" / "customers-0507.tsv").write_text(
        f"customer_id\temail\tname\n{TARGET}\t{EMAIL}\t{NAME}\nP2\tada@example.org\tAda Lovelace\n", encoding="utf-8")
    (dropbox / "done" / "responses.json").write_text(json.dumps(
        [{"Email": EMAIL, "answer": TEXT}, {"Email": "ada@example.org", "answer": OTHER_TEXT}]), encoding="utf-8")
    (dropbox / "failed" / "orders-0508.csv").write_text(
        f"order_id,customer_id,total\nOX1,{TARGET},abc\nOX2,P2,3\n", encoding="utf-8")
    problem = f"orders-0508.csv was not loaded; nothing from it was written.\n\nrow 2 ({EMAIL}): total 'abc' is not a number\n"
    (dropbox / "failed" / "orders-0508.csv.reason.txt").write_text(problem, encoding="utf-8")
    sources = source_state(config)  # where the product keeps it: state.sqlite, or PostgreSQL
    run_id = sources.begin("drop", "inbox")
    sources.finish(run_id, "drop", ok=False, rows=0, error=f"orders-0508.csv: row 2 ({EMAIL}): total 'abc' is not a number")
    sources.close()
    (home / "chat_history").write_text(f"\n# 2026-05-10 09:00:00\n+what did {EMAIL} order?\n"
                                       "\n# 2026-05-10 09:01:00\n+how is NPS trending?\n", encoding="utf-8")
    ctx.store.close()
    needles = {"id": TARGET, "name": NAME, "email": EMAIL, "text": TEXT, "ticket": TICKET}
    before = _raw_hits(home, needles)
    # The set-up did put them everywhere (otherwise the test proves nothing).
    places = {f.split("/")[0].removesuffix("-wal") for f, _ in before}
    kept_here = {"journey.duckdb", "feedback", "sample", "chat_history", "inbox"}
    # With PostgreSQL the operational state (sources' errors included) is on the server.
    kept_here |= {"published"} if config.shared else {"memory.sqlite", "state.sqlite"}
    assert kept_here <= places, before
    assert {f for f, _ in _raw_hits(dropbox, needles)} == {
        "done/customers-0507.tsv", "done/responses.json", "failed/orders-0508.csv", "failed/orders-0508.csv.reason.txt"}
    return home, needles


def test_fault_erasure_leaves_no_byte_of_the_customer_under_the_data_folder(lived_in):
    home, needles = lived_in
    done = run("forget", TARGET, "--yes")
    assert done.exit_code == 0, done.output
    assert "Checked: no file under the data folder holds" in done.output
    assert _raw_hits(home, needles) == []
    assert _raw_hits(home.parent / "dropbox", needles) == []  # the inbox a source loads from
    # No leftovers of the rewriting either.
    assert not [p for p in _files(home) if p.name.endswith((".old", ".compact", ".erasing"))]


def test_fault_erasure_keeps_everyone_else(lived_in):
    from bot.answer_log import AnswerLog
    from bot.config import load_config
    from bot.state import StateStore
    from tools.data.store import JourneyStore
    from tools.feedback.search import SearchParams, search

    home, _ = lived_in
    done = run("forget", TARGET, "--yes")
    assert done.exit_code == 0, done.output
    store = JourneyStore(home / "journey.duckdb", timezone="Europe/London")
    assert store.scalar("SELECT count(*) FROM customers") == 7
    assert store.scalar("SELECT text FROM surveys WHERE survey_id = 'V10'") == OTHER_TEXT
    assert store.scalar("SELECT count(*) FROM persona_saved_members WHERE name = 'Pickup Parents'") >= 1
    assert store.scalar("SELECT count(*) FROM persona_members WHERE customer_id = ?", [TARGET]) == 0
    config = load_config()
    found = search(config.open_feedback(), SearchParams(query="pickup slot buns", min_similarity=0), store=store)
    assert "survey:V10" in {q.id for q in found.quotes} and all(q.customer_id != TARGET for q in found.quotes)
    stats = AnswerLog(StateStore(config.ops_db())).stats(days=3650)
    assert stats.answers == 1  # the answer about them went with its votes; the other one stays
    history = (home / "chat_history").read_text(encoding="utf-8")
    assert "how is NPS trending?" in history and EMAIL not in history
    assert "Ada,Lovelace" in (home / "inbox" / "crm_export.csv").read_text(encoding="utf-8")
    assert '"OZ2"' in (home / "inbox" / "orders.jsonl").read_text(encoding="utf-8")
    dropbox = home.parent / "dropbox"
    assert "P2\tada@example.org\tAda Lovelace" in (dropbox / "done" / "customers-0507.tsv").read_text(encoding="utf-8")
    assert [r["Email"] for r in json.loads((dropbox / "done" / "responses.json").read_text())] == ["ada@example.org"]
    assert "OX2,P2,3" in (dropbox / "failed" / "orders-0508.csv").read_text(encoding="utf-8")
    assert "total 'abc' is not a number" in (dropbox / "failed" / "orders-0508.csv.reason.txt").read_text()
    from bot.sources import source_state

    status = source_state(config).get("drop")
    assert status.failing and "total 'abc' is not a number" in status.last_error and EMAIL not in status.last_error
    store.close()


def test_fault_erasure_twice_says_nothing_is_stored(lived_in):
    done = run("forget", TARGET, "--yes")
    assert done.exit_code == 0, done.output
    again = run("forget", TARGET, "--yes")
    assert again.exit_code == 1 and f"Nothing is stored for customer {TARGET!r}" in again.output


def test_fault_erasure_files_left_by_a_killed_run_are_cleaned_up(lived_in):
    home, needles = lived_in
    # A run killed after writing the compacted copy (it holds other customers only) but before the swap.
    (home / "journey.duckdb.compact").write_bytes(b"half a database")
    os.link(home / "journey.duckdb", home / "journey.duckdb.old")  # and one killed before shredding
    done = run("forget", TARGET, "--yes")
    assert done.exit_code == 0, done.output
    assert not (home / "journey.duckdb.compact").exists() and not (home / "journey.duckdb.old").exists()
    assert _raw_hits(home, needles) == []


def _database_files(pg_server, url: str) -> Path:
    """The folder of the database's own files on the server (tables, indexes, TOAST)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CHECKPOINT")  # what the server holds in memory is on disk now
        oid = con.execute("SELECT oid FROM pg_database WHERE datname = current_database()").fetchone()[0]
    return pg_server.folder / "data" / "base" / str(oid)


@pytest.mark.parametrize("lived_in", ["postgresql"], indirect=True)
def test_fault_erasure_with_postgresql_leaves_no_byte_in_the_database_files_or_the_data_folder(lived_in, pg_server):
    from bot.config import load_config
    from tools.data.published import latest

    home, needles = lived_in
    config = load_config()
    assert config.shared
    files = _database_files(pg_server, config.shared_state_url)
    before = {f for f, _ in _raw_hits(files, needles)}
    assert before, "the set-up put nothing of the customer into PostgreSQL"
    published = latest(config.ops_db()).version
    done = run("forget", TARGET, "--yes")
    assert done.exit_code == 0, done.output
    assert _raw_hits(home, needles) == []
    assert _raw_hits(home.parent / "dropbox", needles) == []
    # Raw bytes of the database's files on the server, after a checkpoint: answers, ratings,
    # scheduled messages, memory (LangGraph's checkpoints, the planner) and every published
    # journey store version, old ones included.
    assert _raw_hits(_database_files(pg_server, config.shared_state_url), needles) == []
    newest = latest(config.ops_db())
    assert newest.version == published + 1 and newest.counts["customers"] == 7
    assert sorted(p.name for p in (home / "published").glob("journey-v*")) == [newest.file_name()]
