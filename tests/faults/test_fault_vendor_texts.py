"""Fault: the texts of the newer vendor exports (audit of December 2026).

- A Help Scout rating comment or subject, or a Zendesk subject, that names its own customer
  ("Thanks, Zephyrine Quillfeather") kept the name: the exports carry the customer's name
  (Customer Name, Requester) but journeybot did not read it, so redaction knew no name. The
  name is now read for redaction only: the texts are stored as [name] and the name itself is
  stored nowhere.
- A Google Takeout reviews.json (times with milliseconds) loaded, and then `feedback index`
  (and so search, themes and every load that indexes) stopped with a traceback.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import duckdb
from click.testing import CliRunner

from bot.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vendors"
NAME = "Zephyrine Quillfeather"
EMAIL = "zq.audit@quill-mail.example"


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def _with_row(src: Path, dst: Path, row: dict[str, str]) -> Path:
    with src.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows.insert(1, [row.get(c, "") for c in rows[0]])
    with dst.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return dst


def test_a_help_desk_text_naming_its_own_customer_is_stored_without_the_name(tmp_path: Path, home: Path):
    helpscout = _with_row(FIXTURES / "helpscout/conversations.csv", tmp_path / "conversations.csv", {
        "Conversation ID": "2003039999", "Number": "9999", "Subject": f"Refund for {NAME}",
        "Status": "Closed", "Type": "Email", "Inbox": "Orders", "Customer Name": NAME, "Customer Email": EMAIL,
        "Created At": "2025-06-20T10:00:00Z", "First Response At": "2025-06-20T11:00:00Z",
        "Closed At": "2025-06-21T10:00:00Z", "Rating": "Not Good",
        "Rating Comment": "The marzipan kouign-amann tasted of petrol. Thanks, Zephyrine"})
    zendesk = _with_row(FIXTURES / "zendesk/tickets_csat_off.csv", tmp_path / "tickets.csv", {
        "Id": "999", "Requester": NAME, "Requester id": "77777777777777", "Requester email": EMAIL,
        "Subject": "Quillfeather order never arrived", "Status": "Open", "Via": "Mail",
        "Created at": "2025-05-20 10:00:00 +0100", "Updated at": "2025-05-20 11:00:00 +0100"})
    run("ingest", str(helpscout))
    run("ingest", str(zendesk))

    con = duckdb.connect(str(home / "journey.duckdb"), read_only=True)
    try:
        comment = con.execute("SELECT text FROM surveys WHERE survey_id = 'helpscout-rating-2003039999'").fetchone()
        subjects = {r[0]: r[1] for r in con.execute(
            "SELECT ticket_id, subject FROM tickets WHERE ticket_id IN ('2003039999', '999')").fetchall()}
        # Everyone else's texts load as written: no other subject or comment gained a [name].
        others = con.execute("SELECT count(*) FROM tickets WHERE subject LIKE '%[name]%' "
                             "AND ticket_id NOT IN ('2003039999', '999')").fetchone()[0]
        others += con.execute("SELECT count(*) FROM surveys WHERE text LIKE '%[name]%' "
                              "AND survey_id <> 'helpscout-rating-2003039999'").fetchone()[0]
        untouched = con.execute("SELECT subject FROM tickets WHERE ticket_id = '2003034345'").fetchone()[0]
    finally:
        con.close()
    assert comment == ("The marzipan kouign-amann tasted of petrol. Thanks, [name]",)
    assert subjects == {"2003039999": "Refund for [name]", "999": "[name] order never arrived"}
    assert others == 0
    assert untouched == "Tin arrived dented"
    raw = (home / "journey.duckdb").read_bytes()
    assert b"Quillfeather" not in raw and b"Zephyrine" not in raw


def test_google_reviews_with_millisecond_times_can_be_indexed_and_searched(tmp_path: Path, minilm, monkeypatch):
    reviews = tmp_path / "reviews.json"
    doc = json.loads((FIXTURES / "google_reviews/reviews.json").read_text(encoding="utf-8"))
    assert any("." in r["createTime"] for r in doc["reviews"])  # Google writes milliseconds
    shutil.copy(FIXTURES / "google_reviews/reviews.json", reviews)
    run("ingest", str(reviews))

    indexed = run("feedback", "index")
    assert "Traceback" not in indexed.output
    found = run("feedback", "search", "breakfast burrito")
    assert "Best breakfast burrito in town" in found.output


def test_forgetting_a_customer_whose_name_journeybot_never_kept_says_so(tmp_path: Path, home: Path):
    """A Help Scout customer's name is read for redaction only, so forget cannot look for it in
    anonymous texts (a Google review that names them): it says so instead of claiming every
    such text holds [name]."""
    helpscout = _with_row(FIXTURES / "helpscout/conversations.csv", tmp_path / "conversations.csv", {
        "Conversation ID": "2003039999", "Number": "9999", "Subject": "Refund", "Status": "Closed",
        "Type": "Email", "Inbox": "Orders", "Customer Name": NAME, "Customer Email": EMAIL,
        "Created At": "2025-06-20T10:00:00Z", "First Response At": "2025-06-20T11:00:00Z",
        "Closed At": "2025-06-21T10:00:00Z"})
    run("ingest", str(helpscout))
    con = duckdb.connect(str(home / "journey.duckdb"), read_only=True)
    try:
        cid = con.execute("SELECT customer_id FROM tickets WHERE ticket_id = '2003039999'").fetchone()[0]
    finally:
        con.close()
    out = " ".join(run("forget", cid, "--yes").output.split())
    assert "anonymous texts that named the customer were stored as [name]" not in out
    assert "keeps no name for them" in out and "journeybot feedback search" in out


def test_a_json_file_nested_past_what_python_reads_is_refused_in_words(tmp_path: Path, home: Path):
    """200 KB of "[[[[" inside a reviews.json-shaped document stopped `journeybot ingest` (and an
    inbox sync reading the same way) with a RecursionError traceback."""
    deep = tmp_path / "reviews.json"
    deep.write_text('{"reviews": [{"starRating": "ONE", "createTime": "2025-01-01T00:00:00Z", '
                    '"reviewer": {"displayName": "x"}, "comment": ' + "[" * 100_000 + "]" * 100_000 + "}]}",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(deep)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "not an export journeybot recognises" in result.output
    assert "Nothing was written" in result.output


def test_a_customer_asking_by_email_is_forgotten_though_only_their_key_is_stored(tmp_path: Path, home: Path):
    """Help Scout (like Zendesk, Acuity, Google Forms, Shopify) keys customers by a hash of their
    email. Someone asking to be forgotten gives their address; `forget ADDRESS` answered "Nothing
    is stored for customer ..." and changed nothing, while their tickets and comments stayed."""
    helpscout = _with_row(FIXTURES / "helpscout/conversations.csv", tmp_path / "conversations.csv", {
        "Conversation ID": "2003039999", "Number": "9999", "Subject": "Refund please", "Status": "Closed",
        "Type": "Email", "Inbox": "Orders", "Customer Name": NAME, "Customer Email": EMAIL,
        "Created At": "2025-06-20T10:00:00Z", "First Response At": "2025-06-20T11:00:00Z",
        "Closed At": "2025-06-21T10:00:00Z", "Rating": "Not Good",
        "Rating Comment": "The marzipan kouign-amann tasted of petrol"})
    run("ingest", str(helpscout))

    out = " ".join(run("forget", EMAIL.upper(), "--yes").output.split())
    assert "Nothing is stored" not in out
    assert "journey store: tickets: 1" in out and "journey store: surveys: 1" in out
    con = duckdb.connect(str(home / "journey.duckdb"), read_only=True)
    try:
        left = con.execute("SELECT count(*) FROM tickets WHERE ticket_id = '2003039999'").fetchone()[0]
        others = con.execute("SELECT count(*) FROM tickets").fetchone()[0]
    finally:
        con.close()
    assert left == 0 and others == 131  # everyone else's conversations stay
    assert b"kouign-amann" not in (home / "journey.duckdb").read_bytes()
    again = " ".join(run("ingest", str(helpscout)).output.split())
    assert "1 erased customer left out" in again


def test_a_reviews_document_is_unpacked_inside_the_data_folder(tmp_path: Path, home: Path, monkeypatch):
    """A reviews.json is loaded through a flat copy of its rows (names and texts before
    redaction); it was written to the system's /tmp, where a load killed midway left it out of
    `forget`'s reach. It is written under the data folder's tmp/ and gone after the load."""
    from tools.data.vendors import load as vendor_load

    seen: list[Path] = []
    real = vendor_load.ingest_loads

    def watching(store, loads, **kw):
        seen.extend(Path(str(ld.path)) for ld in loads)
        assert all(Path(str(ld.path)).exists() for ld in loads)
        return real(store, loads, **kw)

    monkeypatch.setattr(vendor_load, "ingest_loads", watching)
    reviews = tmp_path / "reviews.json"
    shutil.copy(FIXTURES / "google_reviews/reviews.json", reviews)
    run("ingest", str(reviews))
    assert seen and all(p.is_relative_to(home / "tmp") for p in seen), seen
    assert not any(p.exists() for p in seen)


def test_an_inbox_does_not_read_a_link_to_a_file_elsewhere(tmp_path: Path, home: Path):
    """Whoever can drop files in an inbox (a till's nightly SFTP export) could drop a link to any
    file journeybot can read: it was loaded, or refused with a note in failed/ quoting its first
    line (the header of a file journeybot does not recognise)."""
    secret = tmp_path / "elsewhere" / "secrets.csv"
    secret.parent.mkdir()
    secret.write_text("TOPSECRET_TOKEN_abc123,other\n1,2\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "orders.csv").symlink_to(secret)
    home.mkdir(parents=True)
    (home / "config.toml").write_text(f'[[sources]]\nname = "drop"\nkind = "inbox"\npath = "{inbox}"\n')

    synced = CliRunner().invoke(main, ["sources", "sync", "drop", "--here"], catch_exceptions=False)
    assert "symbolic link" in synced.output
    assert "TOPSECRET" not in synced.output
    notes = list(inbox.rglob("*"))
    assert not any(p.is_symlink() for p in notes)
    assert all(b"TOPSECRET" not in p.read_bytes() for p in notes if p.is_file())
    assert secret.read_text(encoding="utf-8").startswith("TOPSECRET")  # the file itself untouched


def test_a_google_review_signed_by_its_reviewer_is_stored_without_the_name(tmp_path: Path, home: Path):
    """Google gives each review its reviewer's display name; a reviewer who signs the comment
    ("Thanks, Zephyrine") kept the name in the store, the feedback index and every quote. The
    display name is now read for redaction only; an anonymous reviewer ("A Google User") names
    nobody, so their "(Translated by Google)" stays as Google wrote it."""
    doc = json.loads((FIXTURES / "google_reviews/reviews.json").read_text(encoding="utf-8"))
    base = "accounts/1/locations/2/reviews/"
    doc["reviews"][:0] = [
        {"reviewer": {"displayName": NAME}, "starRating": "TWO", "name": base + "audit-signed",
         "comment": "Cold coffee twice this week. Zephyrine Quillfeather, a regular",
         "createTime": "2025-04-03T08:00:00.000Z", "updateTime": "2025-04-03T08:00:00.000Z"},
        {"reviewer": {"displayName": NAME}, "starRating": "FOUR", "name": base + "audit-first",
         "comment": "Lovely scones. Thanks, Zephyrine",
         "createTime": "2025-04-03T09:00:00.000Z", "updateTime": "2025-04-03T09:00:00.000Z"},
        {"reviewer": {"displayName": "A Google User", "isAnonymous": True}, "starRating": "FIVE",
         "name": base + "audit-anon", "comment": "(Translated by Google) Found you on Google Maps, User friendly "
         "menu\n\n(Original)\nTrouvé sur Google Maps",
         "createTime": "2025-04-03T10:00:00.000Z", "updateTime": "2025-04-03T10:00:00.000Z"},
    ]
    reviews = tmp_path / "reviews.json"
    reviews.write_text(json.dumps(doc), encoding="utf-8")
    run("ingest", str(reviews))

    con = duckdb.connect(str(home / "journey.duckdb"), read_only=True)
    try:
        texts = dict(con.execute("SELECT survey_id, text FROM surveys").fetchall())
    finally:
        con.close()
    assert texts[base + "audit-signed"] == "Cold coffee twice this week. [name], a regular"
    assert texts[base + "audit-first"] == "Lovely scones. Thanks, [name]"
    assert texts[base + "audit-anon"].startswith("(Translated by Google) Found you on Google Maps, User friendly")
    # no other review gained a [name] (the fixture's comments name nobody)
    assert [k for k, v in texts.items() if "[name]" in (v or "") and "audit" not in k] == []
    raw = (home / "journey.duckdb").read_bytes()
    assert b"Quillfeather" not in raw and b"Zephyrine" not in raw
