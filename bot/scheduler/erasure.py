"""Erasure of one person from everything journeybot keeps: the one path `journeybot forget`
(and anything else that erases, such as a request handled by `serve`) calls.

`erase_everywhere` runs tools/privacy/erase.py (journey store, feedback store, persona cards,
the files of the data folder and of every inbox, the erasure ledger), then each operational
store once, with the same matcher (tools/privacy/needles.py: ids and addresses as whole tokens,
so erasing C100 leaves C1000, a@x.com leaves aa@x.com):

| store | where | what goes |
| --- | --- | --- |
| answer log and votes | bot/answer_log.py `AnswerLog.forget` | answers whose question mentions them |
| conversation memory | bot/memory.py `forget_conversations` | those conversations, and any whose memory (model checkpoints, the planner's last analysis) mentions them |
| scheduled messages | bot/scheduler/delivery.py `RunLedger.forget` | the text and files of digests and alerts recorded for sending (unsent ones are abandoned) |
| sources' state | tools/sources/state.py `SourceState.forget` | their words in sync errors, cursors, loaded file names and sync reports |
| alert state | tools/alerts/store.py `AlertStore.forget` | their words in rules, findings and queued alert messages |

The same code covers SQLite and PostgreSQL (tools/core/opsdb.py); the files are then compacted
so no deleted bytes stay, and the caller searches the raw bytes (tools/privacy/files.residue).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answer_log import AnswerLog
from bot.memory import conversations_mentioning, forget_conversations
from bot.scheduler.delivery import RunLedger
from bot.state import StateStore
from tools.alerts.store import AlertStore
from tools.sources.state import SourceState


@dataclass(frozen=True)
class OperationalErasure:
    answers_conversations: int  # conversations whose answers (and memory) were erased
    conversations: int  # conversations erased from memory (also those only memory knew)
    scheduled_messages: int
    scheduled_files: int
    source_records: int  # values in the sources' errors, cursors, file names and reports
    alert_records: int  # values in alert rules, findings and queued messages

    def removed(self) -> dict[str, int]:
        return {"Slack answers and conversations": self.answers_conversations,
                "conversation memory: conversations": self.conversations,
                "scheduled messages": self.scheduled_messages, "scheduled messages: files": self.scheduled_files,
                "sources: errors, cursors, file names and reports": self.source_records,
                "alert rules, findings and queued messages": self.alert_records}


def forget_operational(config: Any, needles: Any) -> OperationalErasure:
    """Each operational store once; `needles`: tools/privacy/needles.Needles (in_text, scrub)."""
    mentions = needles.in_text
    db = config.ops_db()
    state = StateStore(db)
    answered = AnswerLog(state).forget(mentions)
    # Conversations that quote or name them anywhere, not only in the question.
    conversations = sorted(set(answered) | conversations_mentioning(config.memory_url, mentions))
    forget_conversations(config.memory_url, conversations)
    runs, files = RunLedger(state).forget(mentions)
    sources = SourceState(db).forget(mentions, needles.scrub)
    alerts = AlertStore(db).forget(mentions, needles.scrub)
    return OperationalErasure(len(answered), len(conversations), runs, files, sources, alerts)


def erase_everywhere(config: Any, customer_id: str, *, store: Any, fb: Any) -> Any:
    """Erase one person from every store and file, compact, then search the raw bytes of every
    file under the data folder and the inboxes: the Erasure (its `residue` is empty when
    nothing is left). `store`: this process's journey store (with several instances the
    elected writer's is used instead); `fb`: the feedback store or None."""
    from bot.journey_versions import journey_writer
    from tools.privacy.erase import erase_customer
    from tools.privacy.files import residue

    inboxes = inbox_folders(config)
    # With several instances the journey store has one elected writer, and `keep=1` drops every
    # older published version, so no copy in PostgreSQL still holds the rows.
    with journey_writer(config, wait_seconds=600, store=None if config.shared else store, keep=1) as writer:
        result = erase_customer(customer_id, store=writer, fb=fb, home=config.home_path, folders=inboxes)
    removed = forget_operational(config, result.needles).removed()
    rewritten = tuple(compact_operational(config))
    if config.shared:
        removed["published journey store copies"] = drop_old_copies(config)
    roots = {config.home_path, config.store_path.parent, config.feedback_path, *inboxes}
    return result.with_bot(removed, rewritten, tuple(residue(sorted(roots), result.needles)))


def inbox_folders(config: Any) -> list[Path]:
    """The folders inbox sources load from (with their done/ and failed/), wherever they are."""
    return sorted({Path(str(s.path)).expanduser() for s in getattr(config, "sources", []) or []
                   if s.kind == "inbox" and s.path})


def compact_operational(config: Any) -> list[str]:
    """SQLite files VACUUMed with secure_delete and their logs truncated; on PostgreSQL the
    tables that held the customer are rewritten (VACUUM FULL, and ANALYZE so the planner's
    statistics sample no erased value), published copies included."""
    from tools.core.sqlite_wal import compact_sqlite

    done = []
    if config.shared:
        from sqlalchemy import text

        tables = ("slack_answers", "slack_ratings", "runs", "run_files", "planner_state", "checkpoints",
                  "checkpoint_writes", "checkpoint_blobs", "journey_chunks", "source_state", "source_runs",
                  "source_files", "source_requests", "alert_rules", "alerts", "alert_outbox")
        with config.ops_db().engine.connect().execution_options(isolation_level="AUTOCOMMIT") as con:
            for table in tables:
                if con.execute(text("SELECT to_regclass(:t)"), {"t": table}).scalar() is not None:
                    con.execute(text(f'VACUUM (FULL, ANALYZE) "{table}"'))
        done.append(f"PostgreSQL: {', '.join(tables)}")
    # SQLite files of the data folder, in both set-ups (whatever they still hold is compacted).
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
