"""`journeybot forget CUSTOMER_ID`: erase one customer from everything journeybot keeps.

tools/privacy/erase.py erases from the journey store, the feedback store, persona cards and
the files of the data folder; this command adds the operational stores (Slack answers and
recorded messages, conversation memory: state.sqlite and memory.sqlite, or PostgreSQL with
`[state] url`, through bot/scheduler/erasure.py), compacts them, and finally searches the raw
bytes of every file under the data folder for the customer's id, names, emails and texts.
Anything still found is listed and the exit code is 3. With several instances the journey
store is erased by the elected writer and published as the only version kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from bot.cli.common import (
    EXIT_ENVIRONMENT,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
)
from bot.cli.feedback import open_feedback


@click.command()
@click.argument("customer_id")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--json", "as_json", is_flag=True, help="Print what was removed as JSON.")
@pass_ctx
@friendly_errors
def forget(ctx: Ctx, customer_id: str, yes: bool, as_json: bool) -> None:
    """Erase a customer from every store and file journeybot keeps.

    Their journey rows, texts (also in the vector store's write-ahead log), persona quotes
    and memberships, Slack answers and conversations that name them, and their rows in the
    sample files go; the files are rewritten so no deleted bytes remain, then every file in
    the data folder is searched for them. This cannot be undone. Texts from a file you index
    again (`feedback index --file`) come back: remove them from the file too.

    \b
    Example:
      journeybot forget C00042 --yes
    """
    from bot.journey_versions import journey_writer
    from tools.privacy.erase import erase_customer
    from tools.privacy.files import residue

    if not yes:
        click.confirm(f"Erase everything stored about customer {customer_id!r}? This cannot be undone",
                      abort=True, err=True)
    config = ctx.config
    fb = open_feedback(ctx, embedder=False)
    inboxes = inbox_folders(config)
    # With several instances the journey store has one elected writer, and `keep=1` drops every
    # older published version, so no copy in PostgreSQL still holds the rows.
    with journey_writer(config, wait_seconds=600, store=None if config.shared else ctx.store, keep=1) as store:
        result = erase_customer(customer_id, store=store, fb=fb, home=config.home_path, folders=inboxes)
    removed, rewritten = forget_in_operational_stores(config, result.needles)
    # A second pass over the inboxes' files that also knows vendor ids behind journeybot's
    # prefix ("zendesk-4711" is "Requester id" 4711 in a Zendesk export).
    from tools.sources.erase import forget_in_source_files

    emails = [text for what, text in result.needles.strings if what == "email"]
    kept = forget_in_source_files(getattr(config, "sources", []) or [], customer_id, emails=emails,
                                  mentions=result.needles.in_text)
    removed["sources: rows in kept files"] = sum(kept.rows.values()) + sum(kept.reason_lines.values())
    if config.shared:
        removed["published journey store copies"] = drop_old_copies(config)
    roots = {config.home_path, config.store_path.parent, config.feedback_path, *inboxes}
    left = list(residue(sorted(roots), result.needles))
    left += [(path, ("id",)) for path in kept.still_holding if path not in {p for p, _ in left}]
    result = result.with_bot(removed, rewritten, tuple(left))
    if as_json:
        print_json(result)
    else:
        ctx.console.print(result.to_text(), markup=False)
    if result.residue:
        raise CommandError("erasure is not complete: the files above still hold the customer", EXIT_ENVIRONMENT)


def forget_in_operational_stores(config: Any, needles: Any) -> tuple[dict[str, int], tuple[str, ...]]:
    """The answer log and votes, conversation memory and recorded messages (bot/scheduler/
    erasure.py, the same code for SQLite and PostgreSQL), then compacted."""
    from bot.memory import conversations_mentioning, forget_conversations
    from bot.scheduler.delivery import RunLedger
    from bot.scheduler.erasure import forget_operational
    from bot.state import StateStore

    answers = runs = 0
    for what, needle in needles.variants():
        if what == "id" and len(needle) < 4:
            continue  # "C1" as a substring would erase what mentions C10 too; memory is matched exactly below
        done = forget_operational(config, needle)
        answers += done.answers_conversations
        runs += done.scheduled_messages
    # Conversations that quote or name them anywhere, not only in the question.
    mentioning = conversations_mentioning(config.memory_url, needles.in_text)
    forget_conversations(config.memory_url, sorted(mentioning))
    files = RunLedger(StateStore(config.ops_db())).forget_files(needles.in_text)
    removed = {"Slack answers and conversations": answers, "conversation memory: conversations": len(mentioning),
               "scheduled messages": runs, "scheduled messages: files": files,
               "sources: errors and reports": forget_in_sources(config, needles)}
    return removed, tuple(compact_operational(config))


def inbox_folders(config: Any) -> list[Path]:
    """The folders inbox sources load from (with their done/ and failed/), wherever they are."""
    return sorted({Path(str(s.path)).expanduser() for s in getattr(config, "sources", []) or []
                   if s.kind == "inbox" and s.path})


def forget_in_sources(config: Any, needles: Any) -> int:
    """What the sources remember (state.sqlite, also with PostgreSQL): errors and reports that
    quote the customer lose those words; compact_operational then rewrites the file."""
    if not config.shared and not Path(config.state_path).exists():
        return 0
    from bot.sources import source_state

    state = source_state(config)
    try:
        return int(state.scrub(needles.in_text, needles.scrub))
    finally:
        state.close()  # compact_operational rewrites the file next


def compact_operational(config: Any) -> list[str]:
    """SQLite files VACUUMed with secure_delete and their logs truncated; on PostgreSQL the
    tables that held the customer are rewritten (VACUUM FULL, and ANALYZE so the planner's
    statistics sample no erased value), published copies included."""
    from tools.core.sqlite_wal import compact_sqlite

    if config.shared:
        from sqlalchemy import text

        tables = ("slack_answers", "slack_ratings", "runs", "run_files", "planner_state", "checkpoints",
                  "checkpoint_writes", "checkpoint_blobs", "journey_chunks",
                  "source_state", "source_runs", "source_files", "source_requests")
        db = config.ops_db()
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
            for table in tables:
                if con.execute(text("SELECT to_regclass(:t)"), {"t": table}).scalar() is not None:
                    con.execute(text(f'VACUUM (FULL, ANALYZE) "{table}"'))
        done = [f"PostgreSQL: {', '.join(tables)}"]
    else:
        done = []
    # state.sqlite holds the sources' state in both set-ups.
    for path in (config.state_path, config.memory_path):
        if Path(path).exists():
            compact_sqlite(str(path))
            done.append(Path(path).name)
    return done


def drop_old_copies(config: Any) -> int:
    """This instance's copies of published journey store versions older than the newest (the
    erased one): shredded. Other instances drop theirs when they switch to it."""
    from bot.journey_versions import copies_dir
    from tools.core.files import shred
    from tools.data.published import latest

    newest = latest(config.ops_db())
    dropped = 0
    for old in copies_dir(config).glob("journey-v*.duckdb*"):
        number = old.name.removeprefix("journey-v").split(".")[0]
        if number.isdigit() and newest is not None and int(number) < newest.version:
            shred(old)
            dropped += 1
    return dropped


def demo_privacy(ctx: Ctx) -> None:
    """Demo section: what journeybot keeps out of its stores and spreadsheets, and erasure."""
    import pandas as pd

    from tools.core.cells import csv_bytes
    from tools.core.pii import redact
    from tools.core.pii_names import KnownNames

    ticket = ("Refund to IBAN GB82 WEST 1234 5698 7654 32 please; I'm at 221B Baker Street, London NW1 6XE, "
              "call 07700 900123. Thanks, Marta Krüger")
    names = KnownNames.from_people([("C00042", "Marta", "Krüger", None)])
    ctx.console.print("A ticket as a customer wrote it, and as journeybot stores, embeds and shows it:", markup=False)
    ctx.console.print(f"  {ticket}\n  {redact(ticket, names, 'C00042')}", markup=False)
    cells = csv_bytes(pd.DataFrame({"touchpoint": ['=HYPERLINK("http://evil.example","x")'], "change": [-12.5]}))
    ctx.console.print("A touchpoint named like a formula, as every CSV and spreadsheet writes it (the number "
                      "stays a number):", markup=False)
    ctx.console.print("  " + cells.decode("utf-8-sig").strip().replace("\n", "\n  "), markup=False)
    ctx.console.print("$ journeybot forget C00042 --yes   # every store and file, then a raw-byte check "
                      "(docs/SECURITY.md)", markup=False)
