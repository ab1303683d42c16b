"""The agent with a model: tool calling through LangChain, errors the model can correct,
memory across turns and restarts, provenance, and the fall back to the offline planner."""

from __future__ import annotations

import json

import pytest
from fakes.chat import call, say, scripted
from fakes.openai_stub import openai_stub, text_reply, tool_call_reply

from bot.agent.agent import JourneyAgent, unsupported_numbers
from bot.agent.tools import ToolContext
from bot.config import load_config
from tools.data.ingest import ingest_file


@pytest.fixture
def loaded_store(store, tmp_path):
    (tmp_path / "events.csv").write_text(
        "customer_id,ts,touchpoint,channel\nC1,2026-05-01 10:00,product_view,instagram\n"
        "C2,2026-05-02 11:00,add_to_cart,search\n"
    )
    ingest_file(store, "events", tmp_path / "events.csv")
    return store


def agent_with(model, store, tmp_path, memory=True):
    ctx = ToolContext(store=store, config=load_config())
    return JourneyAgent(ctx, chat_model=model, model_label="fake",
                        memory_path=(tmp_path / "memory.sqlite") if memory else None)


def test_tool_call_runs_and_the_answer_carries_provenance(loaded_store, tmp_path):
    model = scripted(call("describe_data"), say("You have 2 events from 2026-05-01 to 2026-05-02."))
    answer = agent_with(model, loaded_store, tmp_path).answer("what data do you have?", "t1")
    assert answer.mode == "model"
    assert answer.text.startswith("You have 2 events")
    assert [c.name for c in answer.tool_calls] == ["describe_data"]
    assert answer.tool_calls[0].ok and answer.tool_calls[0].result.provenance.tool == "describe_data"
    assert answer.context_line() == "describe_data()"
    assert answer.tokens == {"input_tokens": 50, "output_tokens": 20, "total_tokens": 70}
    # The tool's text and how it was computed went back to the model.
    tool_message = model.seen[1][-1]
    assert "events" in tool_message.content and "[how this was computed]" in tool_message.content


def test_invalid_arguments_go_back_to_the_model_which_corrects_them(loaded_store, tmp_path):
    model = scripted(call("describe_data", {"table": "orders"}), call("describe_data", {}, "call_2"),
                     say("Corrected and answered."))
    answer = agent_with(model, loaded_store, tmp_path).answer("describe the orders", "t2")
    first, second = answer.tool_calls
    assert not first.ok and "Invalid arguments" in first.error and "table" in first.error
    assert second.ok
    assert model.seen[1][-1].content.startswith("Error: Invalid arguments")
    assert answer.context_line() == "describe_data()"  # failed calls are not shown as sources


def test_memory_survives_a_restart(loaded_store, tmp_path):
    first = scripted(say("Noted: you sell bread."))
    agent_with(first, loaded_store, tmp_path).answer("remember that we sell bread", "thread-9")
    second = scripted(say("You sell bread."))
    agent_with(second, loaded_store, tmp_path).answer("what do we sell?", "thread-9")
    seen = [m.content for m in second.seen[0]]
    assert "remember that we sell bread" in seen and "Noted: you sell bread." in seen
    other = scripted(say("No idea."))
    agent_with(other, loaded_store, tmp_path).answer("what do we sell?", "another-thread")
    assert "remember that we sell bread" not in [m.content for m in other.seen[0]]


def test_numbers_not_from_tools_are_flagged(loaded_store, tmp_path):
    model = scripted(call("describe_data"), say("Conversion was 37.5% across 1,234 customers."))
    answer = agent_with(model, loaded_store, tmp_path).answer("how are we doing?", "t4")
    assert any("could not be traced" in n for n in answer.notes)
    assert unsupported_numbers("2 events on 2026-05-01, top 3", ["2 events"]) == []


def test_real_openai_client_against_a_local_compatible_server(loaded_store, monkeypatch):
    with openai_stub([tool_call_reply("describe_data", {}), text_reply("Two events are loaded.")]) as stub:
        (cfg_file := loaded_store_path(monkeypatch)).write_text(
            f'[model]\nprovider = "openai"\nname = "stub-model"\nbase_url = "{stub.base_url}"\n'
            "max_retries = 0\ntimeout_seconds = 5\n"
        )
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        config = load_config(cfg_file)
        agent = JourneyAgent.from_config(config, store=loaded_store)
        answer = agent.answer("what data do you have?", "wire")
    assert answer.mode == "model" and answer.text == "Two events are loaded."
    assert [c.name for c in answer.tool_calls] == ["describe_data"] and answer.tool_calls[0].ok
    assert answer.tokens["total_tokens"] == 300
    first, second = stub.requests
    assert first["auth"] == "Bearer sk-test" and first["body"]["model"] == "stub-model"
    assert first["body"]["tools"][0]["function"]["name"] == "describe_data"
    tool_msgs = [m for m in second["body"]["messages"] if m["role"] == "tool"]
    assert tool_msgs and tool_msgs[0]["tool_call_id"] == "call_abc"
    assert "events" in tool_msgs[0]["content"]


def test_unreachable_model_falls_back_to_the_offline_planner(loaded_store, monkeypatch):
    cfg_file = loaded_store_path(monkeypatch)
    cfg_file.write_text('[model]\nprovider = "openai"\nbase_url = "http://127.0.0.1:9/v1"\n'
                        "max_retries = 0\ntimeout_seconds = 2\n")
    agent = JourneyAgent.from_config(load_config(cfg_file), store=loaded_store)
    answer = agent.answer("what data do you have?", "down")
    assert answer.mode == "offline"
    assert "did not answer" in answer.notes[0]
    assert [c.name for c in answer.tool_calls] == ["describe_data"]


def test_configured_provider_without_a_key_says_so_and_answers_offline(loaded_store, monkeypatch):
    cfg_file = loaded_store_path(monkeypatch)
    cfg_file.write_text('[model]\nprovider = "openai"\n')
    agent = JourneyAgent.from_config(load_config(cfg_file), store=loaded_store)
    answer = agent.answer("what data do you have?", "nokey")
    assert agent.mode == "offline" and "OPENAI_API_KEY is not set" in answer.notes[0]


def test_answer_json_shape(loaded_store, tmp_path):
    model = scripted(call("describe_data"), say("Two events."))
    answer = agent_with(model, loaded_store, tmp_path, memory=False).answer("data?", "j")
    data = json.loads(json.dumps(answer.to_dict()))
    assert data["mode"] == "model" and data["tool_calls"][0]["tool"] == "describe_data"
    assert "provenance" in data["tool_calls"][0]


def loaded_store_path(monkeypatch):
    from pathlib import Path

    return Path.cwd() / "journeybot.toml"
