"""Answers given in Slack and how people rated them, in the operational database
(<data folder>/state.sqlite, or PostgreSQL with `[state] url`).

A button under an answer ("Show chart", "Show the data", thumbs up/down) carries only the
answer's id; the record here says which tool calls produced it, so the rows or the chart can
be rebuilt later, also after a restart. `journeybot stats` reads the same tables.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text, text

from bot.state import StateStore

METADATA = MetaData()
ANSWERS = Table(
    "slack_answers", METADATA,
    Column("answer_id", String, primary_key=True), Column("created_at", Float), Column("team", String),
    Column("channel", String), Column("thread_ts", String), Column("message_ts", String),
    Column("user_id", String), Column("surface", String), Column("conversation", String),
    Column("question", Text), Column("mode", String), Column("tools", Text), Column("ok", Integer),
    Column("seconds", Float),
    Index("slack_answers_thread", "channel", "thread_ts"),
)
RATINGS = Table(
    "slack_ratings", METADATA,
    Column("answer_id", String, primary_key=True), Column("user_id", String, primary_key=True),
    Column("rating", Integer), Column("rated_at", Float),
)
_COLUMNS = ("answer_id", "team", "channel", "thread_ts", "user_id", "surface", "conversation", "question",
            "mode", "tools", "message_ts", "ok", "seconds", "created_at")


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
        self.db = state.db
        self.db.create(METADATA)

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:16]

    def record(self, rec: AnswerRecord) -> None:
        row = {name: getattr(rec, name) for name in _COLUMNS}
        row.update(created_at=rec.created_at or time.time(), question=rec.question[:500],
                   tools=json.dumps(rec.tools, default=str), ok=int(rec.ok))
        names = ", ".join(_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c != "answer_id")
        with self.db.write() as con:
            con.execute(text(f"INSERT INTO slack_answers ({names}) VALUES ({', '.join(':' + c for c in _COLUMNS)}) "
                             f"ON CONFLICT (answer_id) DO UPDATE SET {updates}"), row)

    def get(self, answer_id: str) -> AnswerRecord | None:
        with self.db.read() as con:
            row = con.execute(text(f"SELECT {', '.join(_COLUMNS)} FROM slack_answers WHERE answer_id = :a"),
                              {"a": answer_id}).mappings().first()
        if row is None:
            return None
        data = dict(row)
        data.update(tools=json.loads(data["tools"] or "[]"), ok=bool(data["ok"]))
        return AnswerRecord(**data)

    def knows_thread(self, channel: str, thread_ts: str) -> bool:
        """True when the bot has answered in this thread (so a reply there is a follow-up)."""
        with self.db.read() as con:
            row = con.execute(text("SELECT 1 FROM slack_answers WHERE channel = :c AND thread_ts = :t LIMIT 1"),
                              {"c": channel, "t": thread_ts}).first()
        return row is not None

    def rate(self, answer_id: str, user_id: str, rating: int) -> None:
        """One vote per person per answer; voting again replaces the earlier vote."""
        if rating not in (-1, 1):
            raise ValueError(f"rating must be -1 or 1, got {rating!r}")
        with self.db.write() as con:
            con.execute(text("INSERT INTO slack_ratings (answer_id, user_id, rating, rated_at) "
                             "VALUES (:a, :u, :r, :t) ON CONFLICT (answer_id, user_id) "
                             "DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at"),
                        {"a": answer_id, "u": user_id, "r": rating, "t": time.time()})

    def forget(self, mentions: Callable[[str], bool]) -> list[str]:
        """Erase the answers whose question `mentions` a customer (tools/privacy/needles.py:
        whole ids and addresses, so C100 leaves C1000's answers) and their ratings; returns
        their conversation keys, so the caller can forget those conversations' memory too."""
        with self.db.read() as con:
            rows = con.execute(text("SELECT answer_id, conversation, question FROM slack_answers")).all()
        doomed = [(a, c) for a, c, q in rows if q and mentions(str(q))]
        if doomed:
            ids = [{"a": a} for a, _ in doomed]
            with self.db.write() as con:
                con.execute(text("DELETE FROM slack_ratings WHERE answer_id = :a"), ids)
                con.execute(text("DELETE FROM slack_answers WHERE answer_id = :a"), ids)
        return sorted({c for _, c in doomed if c})

    def stats(self, days: int = 30, now: float | None = None) -> AnswerStats:
        now = time.time() if now is None else now
        since = now - days * 86400
        with self.db.read() as con:
            answers = pd.DataFrame(con.execute(text(
                "SELECT answer_id, surface, mode, tools, ok, seconds FROM slack_answers WHERE created_at >= :s"),
                {"s": since}).mappings().all(), columns=["answer_id", "surface", "mode", "tools", "ok", "seconds"])
            ratings = pd.DataFrame(con.execute(text(
                "SELECT r.answer_id, r.rating FROM slack_ratings r JOIN slack_answers a "
                "ON a.answer_id = r.answer_id WHERE a.created_at >= :s"), {"s": since}).mappings().all(),
                columns=["answer_id", "rating"])
        up, down = int((ratings["rating"] > 0).sum()), int((ratings["rating"] < 0).sum())
        return AnswerStats(
            days=days,
            since=dt.datetime.fromtimestamp(since),
            answers=len(answers),
            failed=int((answers["ok"] == 0).sum()),
            by_surface={k: int(v) for k, v in answers["surface"].value_counts().items()},
            by_mode={k: int(v) for k, v in answers["mode"].value_counts().items()},
            rated=up + down,
            up=up,
            down=down,
            median_seconds=float(answers["seconds"].median()) if answers["seconds"].notna().any() else None,
            by_tool=_by_tool(answers, ratings),
        )


def _by_tool(answers: pd.DataFrame, ratings: pd.DataFrame) -> list[ToolStats]:
    """Answers and votes per tool an answer used (an answer with two tools counts for both)."""
    if answers.empty:
        return []
    used = answers[["answer_id"]].assign(
        tool=answers["tools"].fillna("[]").map(lambda t: [c.get("name") for c in json.loads(t)])
    ).explode("tool").dropna().drop_duplicates()
    if used.empty:
        return []
    votes = ratings.assign(up=(ratings["rating"] > 0).astype(int), down=(ratings["rating"] < 0).astype(int))
    per_answer = votes.groupby("answer_id")[["up", "down"]].sum()
    table = used.join(per_answer, on="answer_id").fillna({"up": 0, "down": 0})
    grouped = table.groupby("tool").agg(answers=("answer_id", "nunique"), up=("up", "sum"), down=("down", "sum"))
    grouped = grouped.reset_index().sort_values(["answers", "tool"], ascending=[False, True])
    return [ToolStats(str(r.tool), int(r.answers), int(r.up), int(r.down)) for r in grouped.itertuples()]
