"""The demo's look at Slack's assistant thread: what someone opening journeybot's side panel
sees (greeting, prompts drawn from the data), the status line while the first prompt is
answered, and how lean the request to a language model would be."""

from __future__ import annotations

import json

from bot.answer import AnswerEvents
from bot.cli.common import Ctx


class _Status(AnswerEvents):
    def __init__(self) -> None:
        self.lines: list[str] = []

    def tool_started(self, name: str) -> None:
        from bot.render.progress import status_for

        self.lines.append(f"journeybot {status_for(name)}")


def demo_assistant_thread(ctx: Ctx) -> None:
    from bot.agent.agent import JourneyAgent
    from bot.agent.schemas import compact_schema, tool_description
    from bot.agent.suggest import suggestions_for
    from bot.slack.home import coverage_line

    out = ctx.console
    out.print(f"Hi! I answer questions about {ctx.config.business.name}'s customers from your own data. "
              f"{coverage_line(ctx.store)}", markup=False)
    prompts = suggestions_for(ctx.store)
    out.print("Try asking:  " + "  |  ".join(f"[{p.title}] {p.message}" for p in prompts), markup=False)
    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    question = prompts[0].message
    status = _Status()
    answer = agent.answer(question, "demo-assistant", events=status)
    out.print(f"\n> {question}", markup=False, style="bold")
    for line in status.lines:
        out.print(f"  ({line})", markup=False, style="dim")
    out.print("  " + (answer.text.splitlines() or [""])[0], markup=False)
    offer = agent.shortlist(question, "demo-assistant-model")
    sent = [t for t in agent.tools if t.name in offer.offered]
    size = sum(len(tool_description(t)) + len(json.dumps(compact_schema(t.params))) for t in sent)
    out.print(f"  With a language model this question would offer {len(sent)} of {len(agent.tools)} tools "
              f"({', '.join(offer.offered)}; the rest on request): {size / 1000:.1f} kB of schemas.",
              markup=False)
