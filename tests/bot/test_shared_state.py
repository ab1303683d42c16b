"""Operational state on both backends, through the same code: SQLite files (the default) and a
real PostgreSQL server (`[state] url`). Each store is opened twice, on separate connection
pools, the way two journeybot instances open it: what one writes, the other sees, and the
races that must have one winner have one."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from fakes.poster import RecordingPoster

from bot.answer_log import AnswerLog, AnswerRecord
from bot.render.message import Message
from bot.scheduler.delivery import RunLedger
from bot.state import StateStore
from tools.alerts.evaluate import Finding
from tools.alerts.lifecycle import AlertPolicy
from tools.alerts.rules import AlertRule
from tools.alerts.store import AlertStore
from tools.core.opsdb import OpsDB
from tools.privacy.needles import Needles

RULE = AlertRule(id="conv", kind="anomaly", metric="conversion_rate", severity="high")
DAY = dt.date(2026, 6, 1)
NOW = dt.datetime(2026, 6, 2, 7, tzinfo=dt.UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.sqlite'}"
    return request.getfixturevalue("pg_url")


def instance(url: str) -> OpsDB:
    """A database handle with its own pool, as a second process would have."""
    return OpsDB(url)


def _finding() -> Finding:
    return Finding(
        rule_id="conv", condition="conversion moves the bad way", metric="conversion_rate",
        label="Checkout conversion", unit="%", day=DAY, window_days=1, kind="anomaly", breach=True,
        judged=True, value=30.0, expected=41.0, lower=35.0, upper=47.0, z=-6.7, change_pct=-26.8, n=64,
        since=DAY, reason="broken", severity="high",
        history=({"date": DAY.isoformat(), "value": 30.0, "expected": 41.0, "lower": 35.0, "upper": 47.0,
                  "breach": True},),
    )


def _race(n: int, work) -> list:
    """`work(i)` on n threads released together; their results."""
    barrier = threading.Barrier(n)
    out: list = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        out[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return out


def test_an_event_claimed_by_eight_racing_instances_has_one_winner(url):
    stores = [StateStore(instance(url)) for _ in range(8)]
    wins = _race(8, lambda i: stores[i].claim("slack_event", "Ev0RACE", owner=f"instance {i}"))
    assert sum(wins) == 1
    assert stores[0].owner("slack_event", "Ev0RACE") == f"instance {wins.index(True)}"
    assert stores[3].forget_claims_older_than("slack_event", -1) == 1
    assert stores[5].claim("slack_event", "Ev0RACE")


def test_answers_and_votes_recorded_on_one_instance_count_on_the_other(url):
    one, two = AnswerLog(StateStore(instance(url))), AnswerLog(StateStore(instance(url)))
    for aid, tools in (("a1", ["funnel"]), ("a2", ["funnel", "kpis"])):
        one.record(AnswerRecord(aid, "T1", "C1", "1.1", "U1", "mention", f"T1:C1:{aid}",
                                "what about jane@example.com?", tools=[{"name": t, "args": {}} for t in tools],
                                seconds=2.0))
    two.rate("a1", "U1", 1)
    one.rate("a2", "U2", -1)
    two.rate("a2", "U2", 1)  # changed their mind on the other instance: one vote
    s = two.stats(days=30)
    assert (s.answers, s.rated, s.up, s.down) == (2, 2, 2, 0)
    assert [(t.tool, t.answers, t.up) for t in s.by_tool] == [("funnel", 2, 2), ("kpis", 1, 1)]
    assert two.knows_thread("C1", "1.1")
    # Erasure: the answers that mention a person go, with their votes.
    jane = Needles("C1", (("email", "JANE@example.com"),))
    assert one.forget(jane.in_text) == ["T1:C1:a1", "T1:C1:a2"]
    assert two.stats(days=30).answers == 0 and two.get("a1") is None


def test_a_digest_raced_by_two_instances_is_posted_once(url, tmp_path):
    slack = tmp_path / "slack.sqlite"
    ledgers = [RunLedger(StateStore(instance(url)), owner=f"instance {i}") for i in range(2)]
    outcomes = _race(2, lambda i: ledgers[i].deliver("digest:daily:C1:2026-06-01", "C1",
                                                    Message(f"digest from {i}"),
                                                    RecordingPoster(slack, delay=0.2)).outcome)
    assert sorted(outcomes) == ["busy", "posted"]
    assert len(RecordingPoster(slack).posts()) == 1


def test_an_alert_judged_by_two_instances_fires_once_and_an_ack_on_one_shows_on_the_other(url):
    one, two = AlertStore(instance(url)), AlertStore(instance(url))
    kinds = _race(2, lambda i: [e.kind for e in (one, two)[i].apply(RULE, _finding(), NOW, AlertPolicy())])
    assert sorted(kinds, key=len) == [[], ["fire", "escalate"]]
    assert len(two.undelivered()) == 2
    one.acknowledge("conv@2026-06-01", "U1", NOW)
    [seen] = two.alerts()
    assert seen.acked_by == "U1"
    two.snooze(seen.id, NOW + dt.timedelta(days=400))
    assert one.get(seen.id).snoozed_until is not None


def test_the_planners_last_analysis_is_seen_by_the_other_instance(url):
    from bot.agent.slots import Slots
    from bot.memory import PlannerMemory, forget_conversations

    PlannerMemory(url).put("T1:C1:1.1", "funnel", Slots())
    assert PlannerMemory(url).get("T1:C1:1.1")["tool"] == "funnel"
    assert forget_conversations(url, ["T1:C1:1.1"]) == 1
    assert PlannerMemory(url).get("T1:C1:1.1") is None


def test_the_model_loops_memory_follows_the_thread_to_the_other_instance(pg_url):
    """LangGraph's own Postgres checkpointer, set up by two instances at once."""
    from langchain_core.messages import AIMessage, HumanMessage
    from langgraph.graph import START, MessagesState, StateGraph

    from bot.memory import make_checkpointer

    savers = _race(2, lambda i: make_checkpointer(pg_url))

    def respond(state: MessagesState) -> dict:
        return {"messages": [AIMessage(f"I have seen {len(state['messages'])} message(s)")]}

    def graph(saver):
        g = StateGraph(MessagesState)
        g.add_node("respond", respond)
        g.add_edge(START, "respond")
        return g.compile(checkpointer=saver)

    thread = {"configurable": {"thread_id": "T1:C1:1.1"}}
    graph(savers[0]).invoke({"messages": [HumanMessage("we sell sourdough")]}, thread)
    out = graph(savers[1]).invoke({"messages": [HumanMessage("what do we sell?")]}, thread)
    assert [m.content for m in out["messages"]] == [
        "we sell sourdough", "I have seen 1 message(s)", "what do we sell?", "I have seen 3 message(s)"]
    savers[1].delete_thread("T1:C1:1.1")
    assert savers[0].get_tuple(thread) is None


def test_erasure_reaches_the_answer_log_memory_and_scheduled_messages(url, tmp_path):
    from bot.agent.slots import Slots
    from bot.config import load_config
    from bot.memory import PlannerMemory
    from bot.scheduler.erasure import forget_operational

    config = load_config(env={"JOURNEYBOT_HOME": str(tmp_path / "home"), "JOURNEYBOT_STATE_URL": url}) \
        if url.startswith("postgresql") else load_config(env={"JOURNEYBOT_HOME": str(tmp_path / "home")})
    state = StateStore(config.ops_db())
    log = AnswerLog(state)
    log.record(AnswerRecord("a1", "T1", "C1", "1.1", "U1", "mention", "T1:C1:1.1", "what did C00042 buy?"))
    log.record(AnswerRecord("a2", "T1", "C1", "2.2", "U1", "mention", "T1:C1:2.2", "funnel by channel"))
    PlannerMemory(config.memory_url).put("T1:C1:1.1", "orders", Slots())
    ledger = RunLedger(state)
    ledger.record("digest:daily:C1:2026-06-01", "C1", Message("Quote from C00042: late again"))
    ledger.record("digest:daily:C1:2026-06-02", "C1", Message("All quiet"))
    result = forget_operational(config, Needles("C00042", (("id", "C00042"),)))
    assert (result.answers_conversations, result.scheduled_messages) == (1, 1)
    assert log.get("a1") is None and log.get("a2") is not None
    assert PlannerMemory(config.memory_url).get("T1:C1:1.1") is None
    assert ledger.status("digest:daily:C1:2026-06-01")["status"] == "abandoned"  # never posted now
    with state.db.read() as con:
        payloads = [r[0] for r in con.exec_driver_sql("SELECT payload FROM runs")]
    assert not any("C00042" in p for p in payloads)
