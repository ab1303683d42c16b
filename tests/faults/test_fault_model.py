"""Fault: the model path crashed where it should fall back (issue 20 item 6).

The real openai client (through LangChain) talks to a local OpenAI-compatible server that
misbehaves in one way per test (tests/fakes/openai_faults.py). Every failure must end in an
offline answer whose first note says why, within the answer budget, which is below the Slack
answer timeout; tools the model invents are logged with the answer's tool calls."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from fakes.openai_faults import Hang, Raw, faulty_openai, text, tool_call

from bot.agent.agent import JourneyAgent
from bot.config import load_config
from tools.data.ingest import ingest_file

QUESTION = "what data do you have?"


@pytest.fixture
def loaded(store, tmp_path):
    (tmp_path / "events.csv").write_text("customer_id,ts,touchpoint,channel\n"
                                         "C1,2026-05-01 10:00,product_view,instagram\n"
                                         "C2,2026-05-02 11:00,add_to_cart,search\n")
    ingest_file(store, "events", tmp_path / "events.csv")
    return store


def agent_for(fake, store, monkeypatch, **model: object) -> JourneyAgent:
    settings = {"provider": '"openai"', "name": '"stub"', "base_url": f'"{fake.base_url}"', "max_retries": 2,
                "timeout_seconds": 60, "answer_budget_seconds": 20, **model}
    path = Path.cwd() / "journeybot.toml"
    path.write_text("[model]\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    return JourneyAgent.from_config(load_config(path), store=store)


def assert_offline_because(answer, why: str) -> None:
    assert answer.mode == "offline"
    assert answer.notes[0] == f"The language model did not answer ({why}), so the offline planner answered."
    assert [c.name for c in answer.tool_calls if c.ok] == ["describe_data"]  # and the question is answered
    assert "events" in answer.text


def test_fault_model_server_returns_invalid_json(loaded, monkeypatch):
    with faulty_openai([Raw(b'{"id": "chatcmpl-1", "choices": [')]) as fake:
        answer = agent_for(fake, loaded, monkeypatch).answer(QUESTION, "t")
    assert_offline_because(answer, "the model server sent a reply that is not valid JSON")


def test_fault_model_server_answers_502_with_an_html_page(loaded, monkeypatch):
    with faulty_openai([Raw(b"<html><body>502 Bad Gateway</body></html>", 502, "text/html")]) as fake:
        answer = agent_for(fake, loaded, monkeypatch).answer(QUESTION, "t")
        assert len(fake.requests) == 3  # the first try and max_retries = 2
    assert answer.mode == "offline" and "(HTTP 502)" in answer.notes[0]


def test_fault_model_keeps_calling_tools(loaded, monkeypatch):
    with faulty_openai([tool_call("describe_data", {})]) as fake:
        answer = agent_for(fake, loaded, monkeypatch, max_tool_steps=3).answer(QUESTION, "t")
        assert len(fake.requests) <= 3 * 4 + 10  # bounded by the step limit, not by patience
    assert_offline_because(answer, "the model kept calling tools without giving an answer")


def test_fault_model_server_hangs_and_the_budget_holds(loaded, monkeypatch):
    with faulty_openai([Hang(120)]) as fake:
        agent = agent_for(fake, loaded, monkeypatch, answer_budget_seconds=3)
        started = time.monotonic()
        answer = agent.answer(QUESTION, "t")
        took = time.monotonic() - started
    assert_offline_because(answer, "the model did not finish within the answer budget of 3 s")
    assert took < 3 + 5, took  # the budget plus the offline answer, not three 60 s attempts


def test_fault_model_asks_for_tools_that_do_not_exist(loaded, monkeypatch, caplog):
    caplog.set_level(logging.WARNING)
    with faulty_openai([tool_call("delete_all_customers", {"confirm": True}), text("Done, nothing to report.")]) as fake:
        answer = agent_for(fake, loaded, monkeypatch).answer(QUESTION, "t")
        second = fake.requests[1]["body"]["messages"]
    unknown = [c for c in answer.tool_calls if c.unknown]
    assert [(c.name, c.args) for c in unknown] == [("delete_all_customers", {"confirm": True})]
    assert "delete_all_customers" in caplog.text and "does not have" in caplog.text
    # The model was told the tool does not exist; nothing ran.
    assert any(m["role"] == "tool" and "delete_all_customers" in str(m["content"]) for m in second)


def test_fault_model_invents_tools_until_it_gives_up(loaded, monkeypatch):
    with faulty_openai([tool_call("export_everything", {})]) as fake:
        answer = agent_for(fake, loaded, monkeypatch, max_tool_steps=2).answer(QUESTION, "t")
    assert answer.mode == "offline" and "did not answer" in answer.notes[0]
    assert {c.name for c in answer.tool_calls if c.unknown} == {"export_everything"}


def test_fault_model_sends_tool_arguments_that_are_not_json(loaded, monkeypatch):
    with faulty_openai([tool_call("describe_data", "{table: orders")]) as fake:
        answer = agent_for(fake, loaded, monkeypatch).answer(QUESTION, "t")
    assert_offline_because(answer, "the model sent a tool call whose arguments are not JSON")


def test_fault_answer_budget_stays_below_the_slack_answer_timeout(tmp_path):
    assert load_config(None).answer_budget == 120 < load_config(None).slack.answer_timeout_seconds == 180
    path = tmp_path / "long.toml"
    path.write_text("[model]\nanswer_budget_seconds = 600\n[slack]\nanswer_timeout_seconds = 60\n")
    assert load_config(path).answer_budget == 55  # held 5 s under the Slack timeout


def test_fault_hanging_model_in_slack_still_answers_before_the_timeout(make_slack, slack_store):
    from fakes.slack_harness import text_of

    with faulty_openai([Hang(120)]) as fake:
        slack = make_slack(chat_model=_chat_model(fake, budget=3))
        assert slack.services.agent.answer_budget == 120  # the harness builds the agent with the default
        slack.services.agent.answer_budget = 3
        body, _ = slack.mention(QUESTION)
        started = time.monotonic()
        shown = text_of(slack.answer_in(body["event"]["ts"], timeout=25))
    assert time.monotonic() - started < 20
    assert "did not finish within the answer budget of 3 s" in shown and "offline planner answered" in shown


def _chat_model(fake, budget: float):
    """The chat model a config with this server would build (the harness takes a model)."""
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=fake.base_url, api_key="sk-test", model="stub", timeout=budget, max_retries=2)
