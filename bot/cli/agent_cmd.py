"""`journeybot ask` and `journeybot chat`: the agent in the terminal."""

from __future__ import annotations

import click

from bot.answer import Answer, AnswerEvents
from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from bot.render.progress import doing
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


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print answer, mode and tool calls as JSON.")
@click.option("--conversation", default=None, metavar="KEY",
              help="Continue a conversation (default: a fresh one per call).")
@pass_ctx
@friendly_errors
def ask(ctx: Ctx, question: tuple[str, ...], as_json: bool, conversation: str | None) -> None:
    """Answer one question about your customers.

    \b
    Examples:
      journeybot ask "where do we lose people between consideration and purchase?"
      journeybot ask --json "what is our NPS this month?"
    """
    import uuid

    agent = _agent(ctx)
    key = conversation or f"ask-{uuid.uuid4().hex[:12]}"
    if as_json:
        answer = agent.answer(" ".join(question), key)
        data = answer.to_dict()
        data["conversation"] = key
        print_json(data)
        return
    ctx.err.print(mode_line(agent.mode, agent.model_label), markup=False, style="dim")
    events = TerminalEvents(ctx)
    answer = agent.answer(" ".join(question), key, events=events)
    if answer.mode != agent.mode:  # the model failed and the planner answered
        ctx.err.print(mode_line(answer.mode, answer.model or agent.model_label), markup=False, style="dim")
    events.finish(answer)


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
        events = TerminalEvents(ctx)
        events.finish(agent.answer(line, TERMINAL_CONVERSATION, events=events))
        ctx.console.print()
    if history is not None:
        try:
            import readline

            readline.write_history_file(str(history))
        except OSError:
            pass
