"""Fault: erasure over-erases (C100 also took C1000).

Two customers whose identifiers hold one another's: C100 / C1000, a@x.com / aa@x.com, Ann Lee /
Joann Leeds. Both are put in every place journeybot keeps (journey store, feedback store texts
and metadata, answer log, conversation memory, scheduled messages and their files, alert
state, sources' state and errors, an export left in the data folder, an inbox's done/ and
failed/ files and refusal note, a journey map). `journeybot forget C100` must leave no byte
of C100 anywhere, and leave C1000 exactly as it was.

The raw-byte check here is independent of journeybot's matcher: in every file, the number of
occurrences of "C100" must equal the number of "C1000" (each C1000 holds one C100), and so on
for the address and the name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main

TEXT = "The courier left my parcel in the rain twice and the box was soaked through"
OTHER_TEXT = "Delivery was early and the driver carried the crate up three flights of stairs"
# (what, needle, the longer identifier of the other customer that holds it); compared lower-cased.
PAIRS = (("id", b"c100", b"c1000"), ("email", b"a@x.com", b"aa@x.com"), ("name", b"ann lee", b"joann leeds"))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _bytes(path: Path) -> bytes:
    import zipfile

    try:
        data = path.read_bytes()
    except FileNotFoundError:  # a server's scratch file removed between listing and read
        return b""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            data += b"".join(z.read(n) for n in z.namelist())
    return data.lower()


def c100_left(*folders: Path) -> list[tuple[str, str]]:
    """(file, what) wherever C100 is outside C1000's own identifiers, or their text is."""
    hits = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = _bytes(path)
            for what, needle, longer in PAIRS:
                if data.count(needle) != data.count(longer):
                    hits.append((str(path.relative_to(folder)), what))
            if TEXT.lower().encode() in data:
                hits.append((str(path.relative_to(folder)), "text"))
    return hits


def c1000_in(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)).split("/")[0].removesuffix("-wal") for p in folder.rglob("*")
            if p.is_file() and b"c1000" in _bytes(p)}


@pytest.fixture
def twins(home: Path, tmp_path: Path, minilm):
    from bot.agent.agent import JourneyAgent
    from bot.agent.tools import ToolContext
    from bot.answer_log import AnswerLog, AnswerRecord
    from bot.config import load_config
    from bot.render.message import Attachment, Message
    from bot.scheduler.delivery import RunLedger
    from bot.sources import source_state
    from bot.state import StateStore
    from tools.alerts.rules import AlertRule
    from tools.alerts.store import AlertStore
    from tools.data.store import JourneyStore

    home.mkdir(parents=True)
    dropbox = tmp_path / "dropbox"
    (home / "config.toml").write_text(f'[[sources]]\nname = "drop"\nkind = "inbox"\npath = "{dropbox}"\n')
    sample = home / "sample"
    sample.mkdir()
    (sample / "customers.csv").write_text(
        "customer_id,First Name,Last Name,Email,segment\n"
        "C100,Ann,Lee,a@x.com,retail\nC1000,Joann,Leeds,aa@x.com,retail\nC7,Bo,Quist,bo@x.org,retail\n")
    (sample / "orders.csv").write_text(
        "order_id,customer_id,ts,amount\nO1,C100,2026-05-02 10:00,20\nO2,C1000,2026-05-02 11:00,35\n"
        "O3,C1000,2026-05-04 09:00,12.5\nO4,C7,2026-05-03 12:00,8\n")
    (sample / "events.csv").write_text(
        "customer_id,ts,touchpoint,channel\nC100,2026-05-02 09:55,checkout,web\n"
        "C1000,2026-05-02 10:55,checkout,web\nC7,2026-05-03 11:55,checkout,web\n")
    (sample / "surveys.csv").write_text(
        f'survey_id,customer_id,ts,csat,text\nV1,C100,2026-05-03 18:00,1,"{TEXT}"\n'
        f'V2,C1000,2026-05-03 19:00,5,"{OTHER_TEXT}"\n')
    (sample / "tickets.csv").write_text(
        "ticket_id,customer_id,created_at,subject,text\n"
        'T1,C100,2026-05-04 09:00,Wet parcel,"Refund please, a@x.com"\n'
        'T2,C1000,2026-05-04 10:00,Invoice,"Send the invoice to aa@x.com please"\n')
    loaded = run("ingest", "--folder", str(sample))
    assert loaded.exit_code == 0, loaded.output
    assert run("feedback", "index").exit_code == 0
    drawn = run("map", "--out", str(home / "maps" / "journey-map.xlsx"), "--period", "2026-05-01..2026-05-10")
    assert drawn.exit_code == 0, drawn.output

    config = load_config()
    state = StateStore(config.ops_db())
    answers = AnswerLog(state)
    for i, question in enumerate(("what did C100 order?", "what did C1000 order?",
                                  "is a@x.com a regular?", "is aa@x.com a regular?")):
        answers.record(AnswerRecord(f"a{i}", "T1", "C9", f"{i}.0", "U1", "mention", f"T1:C9:{i}.0", question))
    ledger = RunLedger(state)
    for cid, text, day in (("C100", TEXT, "01"), ("C1000", OTHER_TEXT, "02")):
        ledger.record(f"digest:daily:C9:2026-05-{day}", "C9", Message(
            text=f"{cid} said: {text}", files=(Attachment("quotes.csv", f"customer,quote\n{cid},{text}\n".encode()),)))
    alerts = AlertStore(config.ops_db())
    for rid, cid in (("watch-one", "C100"), ("watch-two", "C1000")):
        alerts.add_rule(AlertRule(id=rid, metric="orders", segment=f"{cid} regulars", comparison="above", value=5),
                        source="chat")
    sources = source_state(config)
    for name, email in (("drop", "a@x.com"), ("drop-b", "aa@x.com")):
        run_id = sources.begin(name, "inbox")
        sources.record_file(name, f"sha-{name}", f"orders for {email}.csv", 1)
        sources.finish(run_id, name, ok=False, rows=0, error=f"orders.csv: row 2 ({email}): total 'abc' is not a number")
    sources.close()
    ctx = ToolContext(store=JourneyStore(home / "journey.duckdb", timezone="Europe/London"), config=config)
    offline = JourneyAgent(ctx, memory_path=config.memory_url)
    offline.answer("feedback from C100", "T1:C9:0.0")
    offline.answer("feedback from C1000", "T1:C9:1.0")
    offline.close()
    ctx.store.close()

    (home / "inbox").mkdir()
    (home / "inbox" / "crm_export.csv").write_text(
        "Customer ID,Email,Name\n'C100,a@x.com,Ann Lee\n'C1000,aa@x.com,Joann Leeds\n")
    for folder in ("done", "failed"):
        (dropbox / folder).mkdir(parents=True)
    (dropbox / "done" / "customers-0507.tsv").write_text(
        "customer_id\temail\tname\nC100\ta@x.com\tAnn Lee\nC1000\taa@x.com\tJoann Leeds\n")
    (dropbox / "failed" / "orders-0508.csv").write_text(
        "order_id,customer_id,email,total\nOX1,C100,a@x.com,abc\nOX2,C1000,aa@x.com,abc\n")
    (dropbox / "failed" / "orders-0508.csv.reason.txt").write_text(
        "orders-0508.csv was not loaded.\n\nrow 2 (a@x.com): total 'abc' is not a number\n"
        "row 3 (aa@x.com): total 'abc' is not a number\n")

    # The set-up put both of them everywhere (otherwise the test proves nothing).
    everywhere = {"journey.duckdb", "feedback", "sample", "inbox", "memory.sqlite", "state.sqlite"}
    assert everywhere <= {f.split("/")[0].removesuffix("-wal") for f, _ in c100_left(home)}
    assert everywhere <= c1000_in(home)
    assert {f for f, _ in c100_left(dropbox)} == {
        "done/customers-0507.tsv", "failed/orders-0508.csv", "failed/orders-0508.csv.reason.txt"}
    return home, dropbox, _c1000(home, dropbox, feedback=False)


def _c1000(home: Path, dropbox: Path, *, feedback: bool = True) -> dict[str, object]:
    """Everything the stores and files hold about C1000, as users and journeybot read it.
    `feedback=False` before the erasure: a Chroma client left open in this process would
    share its system with the one `forget` compacts."""
    from bot.answer_log import AnswerLog
    from bot.config import load_config
    from bot.memory import PlannerMemory
    from bot.scheduler.delivery import RunLedger
    from bot.sources import source_state
    from bot.state import StateStore
    from tools.alerts.store import AlertStore
    from tools.data.store import JourneyStore

    config = load_config()
    store = JourneyStore(home / "journey.duckdb", timezone="Europe/London")
    try:
        rows = {t: store.query(f"SELECT * FROM {t} WHERE customer_id = 'C1000' ORDER BY ALL").to_json(date_format="iso")
                for t in ("customers", "orders", "events", "surveys", "tickets")}
    finally:
        store.close()
    fb = config.open_feedback().get({"customer_id": {"$eq": "C1000"}}, documents=True) if feedback else None
    state = StateStore(config.ops_db())
    log = AnswerLog(state)
    ledger = RunLedger(state)
    with state.db.read() as con:
        files = [(k, bytes(c)) for k, c in con.exec_driver_sql(
            "SELECT run_key, content FROM run_files WHERE run_key LIKE '%-02'")]
    sources = source_state(config)
    status = sources.get("drop-b")
    rules = {s.rule.id: s.rule.segment for s in AlertStore(config.ops_db()).stored_rules()}
    return {
        "journey": rows,
        "feedback": sorted(fb["documents"]) if fb else None,
        "answers": [log.get(a) is not None for a in ("a1", "a3")],
        "memory": PlannerMemory(config.memory_url).get("T1:C9:1.0"),
        "digest": ledger.status("digest:daily:C9:2026-05-02")["status"],
        "digest files": files,
        "alert rule": rules.get("watch-two"),
        "source error": status.last_error,
        "source file": sources.file_loaded("drop-b", "sha-drop-b") is not None,
        "files": {p.name: [ln for ln in p.read_text().splitlines() if "C1000" in ln] for p in
                  (dropbox / "done" / "customers-0507.tsv", dropbox / "failed" / "orders-0508.csv",
                   home / "inbox" / "crm_export.csv")},
    }


def test_fault_erasure_of_the_shorter_id_leaves_no_byte_of_it(twins):
    home, dropbox, _ = twins
    done = run("forget", "C100", "--yes")
    assert done.exit_code == 0, done.output
    assert "Checked: no file under the data folder holds" in done.output
    assert c100_left(home) == []
    assert c100_left(dropbox) == []


def test_fault_erasure_of_the_shorter_id_leaves_the_longer_one_as_it_was(twins):
    home, dropbox, before = twins
    assert before["memory"] is not None and all(before["answers"])  # the set-up holds them
    done = run("forget", "C100", "--yes")
    assert done.exit_code == 0, done.output
    after = _c1000(home, dropbox)
    # Their survey and their ticket are still indexed (the fixture's raw check saw them in feedback/).
    texts = after.pop("feedback")
    assert len(texts) == 2 and OTHER_TEXT in texts  # type: ignore[arg-type]
    before.pop("feedback")
    assert after == before
    # Their bytes are still in every store that held them (the maps quoting C100 were redrawn away).
    assert {"journey.duckdb", "feedback", "sample", "inbox", "memory.sqlite", "state.sqlite"} <= c1000_in(home)
    assert before["files"]["customers-0507.tsv"] == ["C1000\taa@x.com\tJoann Leeds"]  # type: ignore[index]
    assert "C100\t" not in (dropbox / "done" / "customers-0507.tsv").read_text()
    note = (dropbox / "failed" / "orders-0508.csv.reason.txt").read_text()
    assert "row 3 (aa@x.com): total 'abc' is not a number" in note
    assert "row 2 ([erased]): total 'abc' is not a number" in note
    assert after["source error"] == "orders.csv: row 2 (aa@x.com): total 'abc' is not a number"
