"""Answers given in Slack, their ratings, and `journeybot stats`."""

from __future__ import annotations

import json
import time

from click.testing import CliRunner

from bot.answer_log import AnswerLog, AnswerRecord
from bot.cli import main
from bot.config import load_config
from bot.state import StateStore


def _log() -> AnswerLog:
    return AnswerLog(StateStore(load_config().state_path))


def _rec(answer_id: str, surface: str, tools: list[str], *, ok: bool = True, seconds: float = 1.0,
         created_at: float = 0.0) -> AnswerRecord:
    return AnswerRecord(answer_id, "T1", "C1", "1.1", "U1", surface, f"T1:C1:{answer_id}", "q?",
                        mode="offline", tools=[{"name": t, "args": {}} for t in tools], ok=ok, seconds=seconds,
                        created_at=created_at)


def test_records_round_trip_and_threads_are_known():
    log = _log()
    log.record(_rec("a1", "mention", ["funnel"]))
    got = log.get("a1")
    assert got.tools == [{"name": "funnel", "args": {}}] and got.conversation == "T1:C1:a1"
    assert log.knows_thread("C1", "1.1") and not log.knows_thread("C1", "9.9")
    assert log.get("nope") is None


def test_stats_count_answers_ratings_and_tools():
    log = _log()
    log.record(_rec("a1", "mention", ["funnel"], seconds=1.0))
    log.record(_rec("a2", "dm", ["funnel", "kpis"], seconds=3.0))
    log.record(_rec("a3", "command", [], ok=False, seconds=2.0))
    log.record(_rec("old", "dm", ["kpis"], created_at=time.time() - 40 * 86400))
    log.rate("a1", "U1", 1)
    log.rate("a1", "U2", 1)
    log.rate("a2", "U1", 1)
    log.rate("a2", "U1", -1)  # changed their mind: one vote per person
    log.rate("old", "U1", -1)
    s = log.stats(days=30)
    assert (s.answers, s.failed, s.rated, s.up, s.down) == (3, 1, 3, 2, 1)
    assert s.by_surface == {"command": 1, "dm": 1, "mention": 1}
    assert s.median_seconds == 2.0
    assert [(t.tool, t.answers, t.up, t.down) for t in s.by_tool] == [("funnel", 2, 2, 1), ("kpis", 1, 0, 1)]
    assert round(s.helpful_share, 3) == 0.667


def test_journeybot_stats_prints_the_report():
    log = _log()
    log.record(_rec("a1", "mention", ["funnel"]))
    log.rate("a1", "U1", 1)
    result = CliRunner().invoke(main, ["stats"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "answers             1  (mention 1)" in result.output
    assert "rated               1  thumbs up 1, thumbs down 0  (100% helpful)" in result.output
    assert "funnel                         1     1     0" in result.output
    data = json.loads(CliRunner().invoke(main, ["stats", "--json", "--days", "7"]).output)
    assert (data["answers"], data["up"], data["days"]) == (1, 1, 7)


def test_stats_with_nothing_yet_says_how_to_start():
    result = CliRunner().invoke(main, ["stats"], catch_exceptions=False)
    assert "none yet. Mention the bot in Slack" in result.output
