"""Answers given in Slack and how people rated them, kept in <data folder>/state.sqlite.

A button under an answer ("Show chart", "Show the data", thumbs up/down) carries only the
answer's id; the record here says which tool calls produced it, so the rows or the chart can
be rebuilt later, also after a restart. `journeybot stats` reads the same tables.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from bot.state import StateStore

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS slack_answers (
        answer_id TEXT PRIMARY KEY, created_at REAL, team TEXT, channel TEXT, thread_ts TEXT,
        message_ts TEXT, user_id TEXT, surface TEXT, conversation TEXT, question TEXT,
        mode TEXT, tools TEXT, ok INTEGER, seconds REAL)""",
    """CREATE TABLE IF NOT EXISTS slack_ratings (
        answer_id TEXT, user_id TEXT, rating INTEGER, rated_at REAL,
        PRIMARY KEY (answer_id, user_id))""",
    "CREATE INDEX IF NOT EXISTS slack_answers_thread ON slack_answers (channel, thread_ts)",
]


@dataclass(frozen=True)
class AnswerRecord:
    answer_id: str
    team: str
    channel: str
    thread_ts: str | None  # the thread the answer lives in (None: top level of a DM)
    user_id: str
    surface: str  # mention | dm | thread | command
    conversation: str  # the agent's conversation key
    question: str
    mode: str = "offline"
    tools: list[dict[str, Any]] = field(default_factory=list)  # [{"name", "args"}] of ok calls
    message_ts: str | None = None
    ok: bool = True
    seconds: float | None = None
    created_at: float = 0.0


@dataclass(frozen=True)
class ToolStats:
    tool: str
    answers: int
    up: int
    down: int


@dataclass(frozen=True)
class AnswerStats:
    days: int
    since: dt.datetime
    answers: int
    failed: int
    by_surface: dict[str, int]
    by_mode: dict[str, int]
    rated: int
    up: int
    down: int
    median_seconds: float | None
    by_tool: list[ToolStats]

    @property
    def helpful_share(self) -> float | None:
        return self.up / self.rated if self.rated else None

    def to_text(self) -> str:
        lines = [f"Slack answers in the last {self.days} days (since {self.since:%Y-%m-%d %H:%M}):"]
        if not self.answers:
            lines.append("  none yet. Mention the bot in Slack, DM it, or use /journey ask.")
            return "\n".join(lines)
        surfaces = ", ".join(f"{k} {v:,}" for k, v in sorted(self.by_surface.items()))
        lines.append(f"  answers        {self.answers:>6,}  ({surfaces})")
        lines.append(f"  failed         {self.failed:>6,}")
        if self.median_seconds is not None:
            lines.append(f"  median time    {self.median_seconds:>6.1f} s")
        share = f"  ({self.helpful_share:.0%} helpful)" if self.helpful_share is not None else ""
        lines.append(f"  rated          {self.rated:>6,}  thumbs up {self.up:,}, thumbs down {self.down:,}{share}")
        if self.by_tool:
            lines.append("")
            lines.append(f"  {'tool':<24} {'answers':>7} {'up':>5} {'down':>5}")
            for t in self.by_tool:
                lines.append(f"  {t.tool:<24} {t.answers:>7,} {t.up:>5,} {t.down:>5,}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        from tools.core.results import to_jsonable

        data = to_jsonable(self)
        data["helpful_share"] = self.helpful_share
        return data


class AnswerLog:
    def __init__(self, state: StateStore):
        self.state = state
        con = state.connect()
        with con:
            for sql in _SCHEMA:
                con.execute(sql)

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:16]

    def record(self, rec: AnswerRecord) -> None:
        con = self.state.connect()
        with con:
            con.execute(
                "INSERT OR REPLACE INTO slack_answers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [rec.answer_id, rec.created_at or time.time(), rec.team, rec.channel, rec.thread_ts,
                 rec.message_ts, rec.user_id, rec.surface, rec.conversation, rec.question[:500],
                 rec.mode, json.dumps(rec.tools, default=str), int(rec.ok), rec.seconds],
            )

    def get(self, answer_id: str) -> AnswerRecord | None:
        row = self.state.connect().execute(
            "SELECT answer_id, team, channel, thread_ts, user_id, surface, conversation, question, "
            "mode, tools, message_ts, ok, seconds, created_at FROM slack_answers WHERE answer_id = ?",
            [answer_id],
        ).fetchone()
        if row is None:
            return None
        return AnswerRecord(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                            json.loads(row[9] or "[]"), row[10], bool(row[11]), row[12], row[13])

    def knows_thread(self, channel: str, thread_ts: str) -> bool:
        """True when the bot has answered in this thread (so a reply there is a follow-up)."""
        row = self.state.connect().execute(
            "SELECT 1 FROM slack_answers WHERE channel = ? AND thread_ts = ? LIMIT 1", [channel, thread_ts]
        ).fetchone()
        return row is not None

    def rate(self, answer_id: str, user_id: str, rating: int) -> None:
        """One vote per person per answer; voting again replaces the earlier vote."""
        if rating not in (-1, 1):
            raise ValueError(f"rating must be -1 or 1, got {rating!r}")
        con = self.state.connect()
        with con:
            con.execute("INSERT OR REPLACE INTO slack_ratings VALUES (?,?,?,?)",
                        [answer_id, user_id, rating, time.time()])

    def stats(self, days: int = 30, now: float | None = None) -> AnswerStats:
        now = time.time() if now is None else now
        since = now - days * 86400
        con = self.state.connect()
        answers, failed = con.execute(
            "SELECT count(*), coalesce(sum(ok = 0), 0) FROM slack_answers WHERE created_at >= ?", [since]
        ).fetchone()
        surfaces = dict(con.execute(
            "SELECT surface, count(*) FROM slack_answers WHERE created_at >= ? GROUP BY surface", [since]
        ).fetchall())
        modes = dict(con.execute(
            "SELECT mode, count(*) FROM slack_answers WHERE created_at >= ? GROUP BY mode", [since]
        ).fetchall())
        up, down = con.execute(
            "SELECT coalesce(sum(r.rating > 0), 0), coalesce(sum(r.rating < 0), 0) FROM slack_ratings r "
            "JOIN slack_answers a USING (answer_id) WHERE a.created_at >= ?", [since]
        ).fetchone()
        by_tool = con.execute(
            """WITH used AS (
                 SELECT DISTINCT a.answer_id, json_extract(j.value, '$.name') AS tool
                 FROM slack_answers a, json_each(a.tools) j WHERE a.created_at >= ?)
               SELECT used.tool, count(DISTINCT used.answer_id),
                      coalesce(sum(r.rating > 0), 0), coalesce(sum(r.rating < 0), 0)
               FROM used LEFT JOIN slack_ratings r USING (answer_id)
               GROUP BY used.tool ORDER BY 2 DESC, 1""", [since]
        ).fetchall()
        seconds = [s for (s,) in con.execute(
            "SELECT seconds FROM slack_answers WHERE created_at >= ? AND seconds IS NOT NULL", [since]
        ).fetchall()]
        return AnswerStats(
            days=days,
            since=dt.datetime.fromtimestamp(since),
            answers=int(answers),
            failed=int(failed),
            by_surface=surfaces,
            by_mode=modes,
            rated=int(up + down),
            up=int(up),
            down=int(down),
            median_seconds=statistics.median(seconds) if seconds else None,
            by_tool=[ToolStats(name, int(n), int(u), int(d)) for name, n, u, d in by_tool],
        )
