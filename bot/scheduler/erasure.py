"""Erasure across the operational stores (issue 20 calls this from `journeybot forget`).

What journeybot keeps besides the journey and feedback stores, and what erasing a person
(by customer id, email or name as it was written) does to it:

| store | where | what goes |
| --- | --- | --- |
| answer log and votes | bot/answer_log.py `AnswerLog.forget_text` | answers whose question mentions them |
| conversation memory | bot/memory.py `forget_conversations` | those answers' whole conversations (model checkpoints and the planner's last analysis) |
| scheduled messages | bot/scheduler/delivery.py `RunLedger.forget_text` | the text of digests and alerts recorded for sending (unsent ones are abandoned) |
| sources' state | tools/sources/state.py `SourceState.forget_text` | the details of sync errors that quote them (a refused row; the short reason stays), names of loaded files that name them, reports of requested syncs that mention them |
| Slack event ids, alert state | bot/state.py, tools/alerts/store.py | nothing: ids and aggregates, no customer text |

The same code covers SQLite and PostgreSQL (tools/core/opsdb.py). The journey store itself
is erased through `bot.journey_versions.journey_writer(config, keep=1)` when instances share
PostgreSQL, so that no older published version keeps the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.answer_log import AnswerLog
from bot.memory import forget_conversations
from bot.scheduler.delivery import RunLedger
from bot.state import StateStore
from tools.sources.state import SourceState


@dataclass(frozen=True)
class OperationalErasure:
    answers_conversations: int  # conversations whose answers and memory were erased
    scheduled_messages: int
    source_records: int = 0  # sync errors, loaded file names and sync reports of the sources

    def to_text(self) -> str:
        return (f"operational state: {self.answers_conversations} conversation(s) erased from the answer log "
                f"and memory, {self.scheduled_messages} scheduled message(s) blanked, "
                f"{self.source_records} source record(s) erased")


def forget_operational(config: Any, needle: str) -> OperationalErasure:
    state = StateStore(config.ops_db())
    conversations = AnswerLog(state).forget_text(needle)
    forget_conversations(config.memory_url, conversations)
    runs = RunLedger(state).forget_text(needle)
    sources = SourceState(config.ops_db()).forget_text(needle)
    return OperationalErasure(len(conversations), runs, sources)
