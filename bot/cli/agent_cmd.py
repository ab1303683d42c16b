"""`journeybot ask` and `journeybot chat`: the agent in the terminal."""

from __future__ import annotations

import contextlib
from typing import Any

import click

from bot.answer import Answer, AnswerEvents
from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from bot.render.progress import doing
from bot.render.reading import reading_lines
from bot.render.text import answer_text, mode_line, trailer_lines

TERMINAL_CONVERSATION = "terminal"


class TerminalEvents(AnswerEvents):
    """Prints what the agent is doing (dim, on stderr) and the model's reply as it arrives."""

    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        self.streamed: list[str] = []

    def tool_started(self, name: str) -> None:
        self.ctx.err.print(f"({doing(name)})", markup=False, style="dim")

    def text(self, delta: str) -> None:
        self.streamed.append(delta)
        self.ctx.console.print(delta, end="", markup=False, highlight=False, soft_wrap=True)

    def finish(self, answer: Answer) -> None:
        """The rest of the answer: only the trailer when the text already streamed whole."""
        streamed = "".join(self.streamed)
        if streamed and streamed.strip() == answer.text.strip():
            self.ctx.console.print()
            rest = trailer_lines(answer)
            if rest:
                self.ctx.console.print("\n".join(rest), markup=False)
            return
        if streamed:  # the model's text was replaced (e.g. by an offline answer): show it all
            self.ctx.console.print("\n")
        self.ctx.console.print(answer_text(answer), markup=False)


def _agent(ctx: Ctx):
    from bot.agent.agent import JourneyAgent

    return JourneyAgent.from_config(ctx.config, store=ctx.store)


def _held(ctx: Ctx, agent: Any) -> contextlib.AbstractContextManager[None]:
    """The store kept open while the offline planner answers: its reading and the tool open the
    file about fifteen times (20-50 ms each). Not while a language model thinks (up to two
    minutes of another process's sync waiting for the file), nor at the yes/no prompt."""
    return ctx.store.held() if agent.mode == "offline" else contextlib.nullcontext()


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print answer, mode and tool calls as JSON.")
@click.option("--conversation", default=None, metavar="KEY",
              help="Continue a conversation (default: a fresh one per call).")
@click.option("--yes", "-y", "assume_yes", is_flag=True,
              help="Make a change the answer proposes (an alert rule, a saved persona) without asking.")
@pass_ctx
@friendly_errors
def ask(ctx: Ctx, question: tuple[str, ...], as_json: bool, conversation: str | None, assume_yes: bool) -> None:
    """Answer one question about your customers.

    The answer starts with how the question was read; when that is uncertain, other readings
    follow as questions to ask instead. Changes (creating, changing or deleting an alert rule,
    saving a persona) are only made after a yes: at the prompt, or with --yes.

    \b
    Examples:
      journeybot ask "where do we lose people between consideration and purchase?"
      journeybot ask --json "what is our NPS this month?"
      journeybot ask --yes "alert me if csat falls below 80%"
    """
    import uuid

    agent = _agent(ctx)
    key = conversation or f"ask-{uuid.uuid4().hex[:12]}"
    if as_json:
        with _held(ctx, agent):
            answer = agent.answer(" ".join(question), key)
        data = answer.to_dict()
        data["conversation"] = key
        if answer.pending is not None and assume_yes:
            data["confirmed"] = agent.confirm(answer.pending, key).to_dict()
        print_json(data)
        return
    ctx.err.print(mode_line(agent.mode, agent.model_label), markup=False, style="dim")
    events = TerminalEvents(ctx)
    with _held(ctx, agent):
        answer = agent.answer(" ".join(question), key, events=events)
    if answer.mode != agent.mode:  # the model failed and the planner answered
        ctx.err.print(mode_line(answer.mode, answer.model or agent.model_label), markup=False, style="dim")
    events.finish(answer)
    if answer.pending is not None:
        if assume_yes or _asked_yes():
            ctx.console.print(answer_text(agent.confirm(answer.pending, key)), markup=False)
            return
        ctx.console.print("Nothing was changed. To go ahead, ask again with --yes.", markup=False)
    for line in reading_lines(answer):
        ctx.console.print(line, markup=False)


def _asked_yes() -> bool:
    """A yes at the terminal's prompt; never when nobody is there to answer."""
    import sys

    if not sys.stdin.isatty():
        return False
    return click.confirm("Make this change?", default=False, err=True)


@click.command()
@pass_ctx
@friendly_errors
def chat(ctx: Ctx) -> None:
    """Talk to journeybot in the terminal. /reset forgets the conversation, /quit leaves.

    \b
    Example:
      journeybot chat
    """
    agent = _agent(ctx)
    try:  # arrow-key history where the platform has readline
        import readline

        history = ctx.config.home_path / "chat_history"
        if history.exists():
            readline.read_history_file(str(history))
    except (ImportError, OSError):
        history = None
    ctx.console.print(mode_line(agent.mode, agent.model_label), markup=False, style="dim")
    ctx.console.print("Ask about your customers. /reset starts over, /quit leaves.", markup=False)
    picks: list = []
    while True:
        try:
            line = input("you> ").strip()
        except (EOFError, KeyboardInterrupt):
            ctx.console.print()
            break
        if not line:
            continue
        if line in ("/quit", "/exit", "/q"):
            break
        if line == "/reset":
            agent.reset(TERMINAL_CONVERSATION)
            ctx.console.print("(conversation forgotten)", markup=False, style="dim")
            continue
        if picks and line.isdigit() and 1 <= int(line) <= len(picks):
            alt = picks[int(line) - 1]  # the number of another reading of the last question
            answer = agent.choose_reading(alt.tool, alt.args, TERMINAL_CONVERSATION, alt.question)
            ctx.console.print(answer_text(answer), markup=False)
        else:
            events = TerminalEvents(ctx)
            answer = agent.answer(line, TERMINAL_CONVERSATION, events=events)
            events.finish(answer)
        if answer.pending is not None:
            if click.confirm("Make this change?", default=False):
                answer = agent.confirm(answer.pending, TERMINAL_CONVERSATION)
                ctx.console.print(answer_text(answer), markup=False)
            else:
                ctx.console.print("Nothing was changed.", markup=False)
        picks = list(answer.alternatives)
        for text in reading_lines(answer, command="{question}"):
            ctx.console.print(text, markup=False)
        if picks:
            ctx.console.print("(type a number to use that reading instead)", markup=False, style="dim")
        ctx.console.print()
    if history is not None:
        try:
            import readline

            readline.write_history_file(str(history))
        except OSError:
            pass


DEMO_UNSURE = ("which channel changed the purchase ratio most?", "alert me when csat falls below 80%")


def demo_readings(ctx: Ctx) -> None:
    """Demo section: a KPI said in words that are no KPI's name ("purchase ratio") is read by
    meaning, said so, with other readings to pick; a change is proposed, never made unasked."""
    from bot.agent.agent import JourneyAgent

    agent = JourneyAgent.from_config(ctx.config, store=ctx.store)
    for question in DEMO_UNSURE:
        agent.reset("demo-readings")
        answer = agent.answer(question, "demo-readings")
        ctx.console.print(f"> {question}", markup=False, style="bold")
        ctx.console.print(answer.text.splitlines()[0], markup=False)
        if answer.pending is not None:
            ctx.console.print("Nothing was changed: Slack shows a Confirm button, the terminal asks, "
                              "or use `journeybot ask --yes`.", markup=False)
        for line in reading_lines(answer):
            ctx.console.print(line, markup=False)
        ctx.console.print()
