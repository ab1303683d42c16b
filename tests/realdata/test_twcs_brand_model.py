"""(lane real28b) A configured model reaches twcs's tickets by brand too: the tool is in the
catalog, offered in the model's shortlist when the question splits tickets by brand or names a
brand, company or account (or one of the handles), and its rows are the raw threads' (pandas,
tests/realdata/test_twcs_brands.py). The offline planner's readings stay as they were."""

from __future__ import annotations

import pytest
from fakes.chat import call, say, scripted

from bot.agent.agent import JourneyAgent
from bot.agent.tools import ToolContext
from bot.config import load_config
from realdata.test_twcs_brands import MIN, by_brand
from tools.data.store import JourneyStore


def _agent(twcs, model=None) -> JourneyAgent:
    config = load_config(env={"JOURNEYBOT_HOME": str(twcs.home), "JOURNEYBOT_PLANNER_FALLBACK": "off"})
    ctx = ToolContext(store=JourneyStore(twcs.home / "journey.duckdb"), config=config)
    return JourneyAgent(ctx, chat_model=model, model_label="fake", memory_path=None)


def test_the_model_calls_the_brand_split_and_reads_the_raw_threads_numbers(twcs):
    want = by_brand(twcs.raw)
    slowest = want[want["size"] >= MIN]["median"].idxmax()
    model = scripted(call("tickets_by_brand", {"rank": "wait"}), say(f"{slowest}'s customers wait longest."))
    agent = _agent(twcs, model)
    question = "which company keeps its customers waiting longest for an answer?"
    assert "tickets_by_brand" in agent.shortlist(question, "m1").offered
    answer = agent.answer(question, "m1")
    assert answer.mode == "model" and [c.name for c in answer.tool_calls] == ["tickets_by_brand"]
    result = answer.tool_calls[0].result
    assert result.rows[0].brand == slowest and result.brands == len(want)
    assert slowest in model.seen[1][-1].content  # the tool's table went back to the model


@pytest.mark.parametrize("question, first", [
    ("tickets per brand", True),  # the rules split by brand: the model's first candidate
    ("first reply time by company", True),
    ("how many tickets did each account get last month", False),  # named: offered, not necessarily first
    ("is AppleSupport slower to reply than the others?", False),  # a handle itself
])
def test_a_question_naming_a_brand_offers_the_split_to_the_model(twcs, question, first):
    offered = _agent(twcs).shortlist(question, "m2").offered
    assert "tickets_by_brand" in offered, offered
    if first:
        assert offered[0] == "tickets_by_brand", offered


def test_without_brands_or_brand_words_nothing_is_offered(twcs, tmp_path):
    assert "tickets_by_brand" not in _agent(twcs).shortlist("how long do customers wait for a first reply?", "m3").offered
    s = JourneyStore(tmp_path / "journey.duckdb")  # a helpdesk's subjects are sentences, no brand
    s.execute("INSERT INTO tickets (ticket_id, customer_id, created_at, subject) "
              "VALUES ('t1', 'c1', TIMESTAMPTZ '2026-01-02 09:00+00', 'Charged the wrong price')")
    agent = JourneyAgent(ToolContext(store=s, config=load_config(env={})), model_label="fake", memory_path=None)
    assert "tickets_by_brand" not in agent.shortlist("tickets per company", "m4").offered
