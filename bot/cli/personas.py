"""`journeybot personas`: draft personas from the data, save them, list, show and export.

The command line has its own drafting conversation ("cli"); drafting and editing in words
happens in `journeybot chat` or a Slack thread ("draft personas", "merge the last two", ...).
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, show_result

CLI_CONVERSATION = "cli"


@click.group()
def personas() -> None:
    """Personas from customer behaviour: draft, save, list, show, export.

    \b
    Examples:
      journeybot personas draft                 one card per behavioural segment
      journeybot personas save --all            save the drafted cards
      journeybot personas show "The Regular"
      journeybot personas export --format json --output personas.json
    """


@personas.command("draft")
@click.option("--segments", type=click.IntRange(2, 6), default=None,
              help="How many personas (default: chosen from the data by silhouette).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def draft_cmd(ctx: Ctx, segments: int | None, as_json: bool) -> None:
    """Segment customers on behaviour and draft one persona card per segment.

    \b
    Example:
      journeybot personas draft --segments 3
    """
    from bot.agent.persona_tools import feedback_sentiment
    from bot.cli.feedback import open_feedback
    from tools.personas.draft import draft_personas
    from tools.personas.params import DraftPersonasParams

    show_result(ctx, draft_personas(ctx.store, DraftPersonasParams(segments=segments), conversation=CLI_CONVERSATION,
                              sentiment=feedback_sentiment(lambda: open_feedback(ctx, embedder=False))), as_json)


@personas.command("save")
@click.option("--position", type=click.IntRange(-6, 6), default=None,
              help="Draft card to save (1 = first, -1 = last; default: the first, or the one last edited).")
@click.option("--all", "save_all", is_flag=True, help="Save every drafted card.")
@click.option("--name", default=None, help="Save under this name.")
@pass_ctx
@friendly_errors
def save_cmd(ctx: Ctx, position: int | None, save_all: bool, name: str | None) -> None:
    """Save drafted card(s) so analyses can use them (`--persona NAME`).

    \b
    Example:
      journeybot personas save --position 2 --name "The Regular"
    """
    from tools.personas.params import SavePersonaParams
    from tools.personas.saved import save_persona

    params = SavePersonaParams(which=position, all=save_all, name=name)
    show_result(ctx, save_persona(ctx.store, params, conversation=CLI_CONVERSATION), False)


@personas.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def list_cmd(ctx: Ctx, as_json: bool) -> None:
    """The saved personas: latest version, versions, size and summary.

    \b
    Example:
      journeybot personas list
    """
    from tools.personas.params import ListPersonasParams
    from tools.personas.saved import list_personas

    show_result(ctx, list_personas(ctx.store, ListPersonasParams(), conversation=CLI_CONVERSATION), as_json)


@personas.command("show")
@click.argument("name")
@click.option("--version", type=click.IntRange(1, 10_000), default=None, help="A saved version (default: latest).")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_ctx
@friendly_errors
def show_cmd(ctx: Ctx, name: str, version: int | None, as_json: bool) -> None:
    """One saved persona card in full.

    \b
    Example:
      journeybot personas show "The Regular" --version 1
    """
    from tools.personas.params import ShowPersonaParams
    from tools.personas.saved import show_persona

    show_result(ctx, show_persona(ctx.store, ShowPersonaParams(name=name, version=version)), as_json)


@personas.command("export")
@click.argument("names", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of printing.")
@pass_ctx
@friendly_errors
def export_cmd(ctx: Ctx, names: tuple[str, ...], fmt: str, output: Path | None) -> None:
    """Saved personas (all, or the NAMES given) as Markdown or JSON.

    \b
    Example:
      journeybot personas export "The Regular" --format md --output regular.md
    """
    from tools.personas.saved import export_personas

    text = export_personas(ctx.store, list(names), fmt=fmt)  # type: ignore[arg-type]
    if output is None:
        click.echo(text)
    else:
        output.write_text(text, encoding="utf-8")
        ctx.err.print(f"Wrote {output}", markup=False)
