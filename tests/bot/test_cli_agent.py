"""`journeybot ask` in a terminal: it says what it is looking at, and a model's reply appears
as it streams, once, followed by where its numbers came from."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from fakes.openai_stub import openai_stub, text_reply, tool_call_reply
from journey_fixtures import SHOP

from bot.cli import main


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def load(tmp_path: Path) -> None:
    f = tmp_path / "events.csv"
    f.write_text(SHOP)
    assert run("ingest", "events", str(f)).exit_code == 0


def test_offline_ask_says_what_it_looks_at(tmp_path):
    load(tmp_path)
    out = run("ask", "what data do you have?")
    assert out.exit_code == 0
    assert "(checking what data is loaded…)" in out.stderr
    assert "answering offline" in out.stderr
    assert "— from describe_data()" in out.stdout


def test_a_model_reply_streams_to_the_terminal_once(tmp_path):
    load(tmp_path)
    reply = "Four customers entered the funnel and two of them bought."
    with openai_stub([tool_call_reply("funnel", {}), text_reply(reply)]) as stub:
        (tmp_path / "journeybot.toml").write_text(
            f'[model]\nprovider = "openai"\nname = "stub-model"\nbase_url = "{stub.base_url}"\n'
            "max_retries = 0\ntimeout_seconds = 10\n")
        out = run("ask", "how does our funnel look?", env={"OPENAI_API_KEY": "sk-test"})
    assert out.exit_code == 0, out.output
    assert [r["body"].get("stream") for r in stub.chat_requests()] == [True, True]
    assert out.stdout.count(reply) == 1
    assert out.stdout.index(reply) < out.stdout.index("— from funnel(")
    assert "(looking at the funnel…)" in out.stderr


def test_json_output_is_one_document(tmp_path):
    load(tmp_path)
    out = run("ask", "--json", "what data do you have?")
    data = json.loads(out.stdout)
    assert data["mode"] == "offline" and data["tool_calls"][0]["tool"] == "describe_data"
