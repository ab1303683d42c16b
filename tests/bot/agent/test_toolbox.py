"""What goes over the wire to the model: a shortlist of tools with compact schemas, a way to
ask for more, and the reply streamed as it is written. Checked on the requests a local
OpenAI-compatible server received from the official openai client."""

from __future__ import annotations

import json

import jsonschema
import pytest
from fakes.openai_stub import openai_stub, text_reply, tool_call_reply

from bot.agent.agent import JourneyAgent
from bot.agent.catalog import all_tools
from bot.agent.schemas import compact_schema, schema_size, tool_description
from bot.agent.toolbox import MORE_TOOLS, shortlist
from bot.answer import AnswerEvents
from bot.config import load_config
from tools.data.ingest import ingest_file


@pytest.fixture
def loaded_store(store, tmp_path):
    (tmp_path / "events.csv").write_text(
        "customer_id,ts,touchpoint,channel\nC1,2026-05-01 10:00,website_visit,instagram\n"
        "C1,2026-05-01 10:05,product_view,instagram\nC2,2026-05-02 11:00,website_visit,search\n"
        "C2,2026-05-02 11:03,add_to_cart,search\nC2,2026-05-02 11:09,order_placed,search\n"
    )
    ingest_file(store, "events", tmp_path / "events.csv")
    return store


def model_agent(stub, store, tmp_path, extra: str = "") -> JourneyAgent:
    cfg = tmp_path / "journeybot.toml"
    cfg.write_text(f'[model]\nprovider = "openai"\nname = "stub-model"\nbase_url = "{stub.base_url}"\n'
                   f"max_retries = 0\ntimeout_seconds = 10\n{extra}")
    return JourneyAgent.from_config(load_config(cfg, env={"OPENAI_API_KEY": "sk-test"}), store=store)


def offered(request) -> list[str]:
    return [t["function"]["name"] for t in request["body"].get("tools") or []]


def test_the_model_sees_a_shortlist_not_every_tool(loaded_store, tmp_path):
    with openai_stub([tool_call_reply("funnel", {}), text_reply("Two people started; one bought.")]) as stub:
        answer = model_agent(stub, loaded_store, tmp_path).answer("where do we lose people in the funnel?", "s1")
    assert answer.text == "Two people started; one bought." and [c.name for c in answer.tool_calls] == ["funnel"]
    first = stub.chat_requests()[0]
    names = offered(first)
    assert "funnel" in names and "describe_data" in names and names[-1] == MORE_TOOLS
    assert len(names) <= 7 < len(all_tools())
    # The escape hatch names every tool that was left out, so the model can still reach it.
    more = next(t for t in first["body"]["tools"] if t["function"]["name"] == MORE_TOOLS)["function"]
    left_out = {t.name for t in all_tools()} - set(names)
    assert left_out and all(name in more["description"] for name in left_out)
    assert len(json.dumps(first["body"]["tools"])) < 20_000  # all 28 tools were 71 kB


def test_more_tools_adds_the_asked_for_schemas_to_the_next_call(loaded_store, tmp_path):
    replies = [tool_call_reply(MORE_TOOLS, {"names": ["list_alert_rules"]}, "call_1"),
               tool_call_reply("list_alert_rules", {}, "call_2"), text_reply("You have the starter rules.")]
    with openai_stub(replies) as stub:
        answer = model_agent(stub, loaded_store, tmp_path).answer("where do we lose people in the funnel?", "s2")
    first, second, third = stub.chat_requests()
    assert "list_alert_rules" not in offered(first)
    assert "list_alert_rules" in offered(second) and "list_alert_rules" in offered(third)
    reply = [m for m in second["body"]["messages"] if m["role"] == "tool"][-1]["content"]
    assert reply.startswith("Enabled: list_alert_rules")
    # Asking for tools is not a source of the answer's numbers.
    assert [c.name for c in answer.tool_calls] == ["list_alert_rules"]
    assert answer.context_line().startswith("list_alert_rules(")


def test_a_shortlist_of_zero_offers_every_tool(loaded_store, tmp_path):
    with openai_stub([text_reply("Hello.")]) as stub:
        model_agent(stub, loaded_store, tmp_path, "tool_shortlist = 0\n").answer("hello", "s3")
    assert sorted(offered(stub.chat_requests()[0])) == sorted(t.name for t in all_tools())


def test_shortlist_keeps_close_candidates_and_always_describe_data():
    names = ["describe_data", "funnel", "dropoffs", "paths", "kpis", "trend", "compare"]
    clear = shortlist([("funnel", 0.9), ("dropoffs", 0.3), ("paths", 0.2), ("kpis", 0.1), ("trend", 0.05)],
                      names, size=5)
    assert clear.offered == ["funnel", "dropoffs", "paths", "describe_data"]
    vague = shortlist([("kpis", 0.5), ("trend", 0.45), ("compare", 0.4), ("funnel", 0.3), ("paths", 0.25),
                       ("dropoffs", 0.2)], names, size=5)
    assert vague.offered == ["kpis", "trend", "compare", "funnel", "paths", "describe_data"]
    assert vague.others == ["dropoffs"]


@pytest.mark.parametrize("spec", all_tools(), ids=lambda s: s.name)
def test_compact_schemas_are_valid_smaller_and_keep_what_calls_need(spec):
    full, small = spec.params.model_json_schema(), compact_schema(spec.params)
    jsonschema.Draft202012Validator.check_schema(small)
    text = json.dumps(small)
    assert '"title"' not in text.replace('"title": {', "") and "$ref" not in text and "$defs" not in text
    assert small.get("required", []) == full.get("required", [])
    assert set(small.get("properties", {})) == set(full.get("properties", {}))
    for name in full.get("properties", {}):  # every enum value the model may pick survives
        assert _enums(full["properties"][name], full.get("$defs", {})) == _enums(small["properties"][name], {})
    if not full.get("required"):  # what the tool accepted before it still accepts: its defaults
        jsonschema.validate(json.loads(spec.params().model_dump_json(exclude_none=True)), small)
    assert schema_size(spec) < 0.75 * schema_size(spec, compact=False)
    assert 20 <= len(tool_description(spec)) <= 400


def _enums(node, defs) -> set[str]:
    if isinstance(node, dict):
        if "$ref" in node:
            return _enums(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        found = set(map(str, node.get("enum", [])))
        for v in node.values():
            found |= _enums(v, defs)
        return found
    if isinstance(node, list):
        return set().union(*(_enums(v, defs) for v in node)) if node else set()
    return set()


class Recorder(AnswerEvents):
    def __init__(self) -> None:
        self.tools: list[str] = []
        self.deltas: list[str] = []

    def tool_started(self, name: str) -> None:
        self.tools.append(name)

    def text(self, delta: str) -> None:
        self.deltas.append(delta)


def test_the_reply_streams_as_it_is_written(loaded_store, tmp_path):
    events = Recorder()
    reply = "Two customers started the funnel and one of them bought something."
    with openai_stub([tool_call_reply("funnel", {}), text_reply(reply)]) as stub:
        answer = model_agent(stub, loaded_store, tmp_path).answer("funnel please", "s4", events=events)
    assert all(r["body"].get("stream") is True for r in stub.chat_requests())
    assert len(events.deltas) > 3 and "".join(events.deltas) == reply == answer.text
    assert events.tools == ["funnel"]
    assert answer.tokens["input_tokens"] == 240  # usage still arrives with a streamed reply


def test_offline_answers_report_their_tool_too(loaded_store):
    events = Recorder()
    agent = JourneyAgent.from_config(load_config(env={}), store=loaded_store)
    answer = agent.answer("what data do you have?", "s5", events=events)
    assert answer.mode == "offline" and events.tools == ["describe_data"] and events.deltas == []
