"""`journeybot map`: the customer journey map in the terminal, as a picture or a spreadsheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from bot.cli.args import parse_period
from bot.cli.common import (
    EXIT_USAGE,
    CommandError,
    Ctx,
    friendly_errors,
    pass_ctx,
    print_json,
    usage_message,
)
from bot.cli.kpis import build_filters, filter_options
from tools.analytics.filters import Filters
from tools.core.results import text_of
from tools.core.stages import STAGES

_PERIOD_HELP = "last_30_days (default), this_month, last_month, all, ... or YYYY-MM-DD..YYYY-MM-DD"


def map_context(ctx: Ctx) -> dict[str, Any]:
    """The feedback store, settings and writer a map needs, from the config."""
    from bot.agent.journey_map_tool import map_settings, map_writer

    try:
        feedback = ctx.config.open_feedback()
    except Exception as exc:  # chromadb or the embedding model missing: a map without feelings
        ctx.err.print(f"Note: no feedback store ({exc}); the map has no emotions or pain points.",
                      markup=False)
        feedback = None
    return {"feedback": feedback, "settings": map_settings(ctx.config), "writer": map_writer(ctx.config)}


def check_outputs(outs: tuple[Path, ...], stage: str | None = None) -> None:
    """Refuse a file type the map cannot be written as before any work is done."""
    from tools.journey_map.render import FORMATS

    for out in outs:
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in FORMATS:
            raise CommandError(f"--out {out}: the map is written as .png, .xlsx, .csv or .md", EXIT_USAGE)
        if stage and fmt not in ("md", "csv"):
            raise CommandError(f"--out {out}: one stage in detail is written as .md or .csv; draw the "
                               "whole map (without --stage) for .png or .xlsx", EXIT_USAGE)


def write_outputs(ctx: Ctx, result: Any, outs: tuple[Path, ...]) -> None:
    from tools.core.files import write_atomic
    from tools.journey_map.render import render_file

    check_outputs(outs)
    for out in outs:
        content = render_file(result, out.suffix.lower().lstrip("."))
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, content)
        ctx.console.print(f"Wrote {out} ({len(content) / 1024:.0f} kB)", markup=False)


@click.command(name="map")
@click.option("--period", default=None, help=f"Period of the map: {_PERIOD_HELP}.")
@filter_options
@click.option("--stage", type=click.Choice(STAGES), help="One stage in detail: why it has its colour.")
@click.option("--compare-period", help="A second map for this period, side by side (e.g. last_month).")
@click.option("--compare-persona", help="A second map for this saved persona, side by side.")
@click.option("--compare-segment", multiple=True, metavar="VALUE", help="A second map for this CRM segment.")
@click.option("--compare-channel", multiple=True, metavar="VALUE", help="A second map for this first-touch channel.")
@click.option("--out", "outs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Write the map to FILE: .png picture, .xlsx spreadsheet, .csv grid or .md (repeatable).")
@click.option("--quiet", is_flag=True, help="With --out: print only where the files went.")
@click.option("--json", "as_json", is_flag=True, help="Print the map as JSON.")
@pass_ctx
@friendly_errors
def map_cmd(ctx: Ctx, period: str | None, stage: str | None, compare_period: str | None,
            compare_persona: str | None, compare_segment: tuple[str, ...], compare_channel: tuple[str, ...],
            outs: tuple[Path, ...], quiet: bool, as_json: bool, **filters: Any) -> None:
    """The customer journey map: per stage the touchpoints, conversion to the next stage and the
    time it takes, how customers feel, pain points with quotes, the stage's KPIs against the
    period before, red/amber/green health and what to improve.

    \b
    Examples:
      journeybot map
      journeybot map --persona "The Regular" --period this_month --out regular.png --out regular.xlsx
      journeybot map --period this_month --compare-period last_month
      journeybot map --segment vip --compare-segment loyalty --out vip-vs-loyalty.xlsx
      journeybot map --period 2026-09-30..2026-10-18 --stage post-purchase
    """
    from tools.journey_map.tool import journey_map
    from tools.journey_map.types import JourneyMapParams

    check_outputs(outs, stage)
    compare_filters = None
    if compare_persona or compare_segment or compare_channel:
        compare_filters = Filters(persona=compare_persona, segment=list(compare_segment) or None,
                                  channel=list(compare_channel) or None)
    try:
        params = JourneyMapParams(
            period=parse_period(period or "last_30_days"), filters=build_filters(filters), stage=stage,
            compare_period=parse_period(compare_period, "--compare-period") if compare_period else None,
            compare_filters=compare_filters,
        )
    except ValidationError as exc:
        raise CommandError(usage_message(exc), EXIT_USAGE) from None
    result = journey_map(ctx.store, params, **map_context(ctx))
    if as_json:
        print_json(result)
    elif not (quiet and outs):
        ctx.console.print(text_of(result, ctx.details), markup=False)
    write_outputs(ctx, result, outs)


def demo_journey_map(ctx: Ctx) -> None:
    """Demo section: the sample's map in the terminal, written as a picture and a spreadsheet,
    and the stage the map colours worst in detail."""
    from tools.journey_map.tool import journey_map
    from tools.journey_map.types import JourneyMapParams

    folder = ctx.config.home_path / "maps"
    outs = (folder / "journey-map.png", folder / "journey-map.xlsx")
    ctx.console.print("$ journeybot map --out maps/journey-map.png --out maps/journey-map.xlsx", markup=False)
    extra = map_context(ctx)
    result = journey_map(ctx.store, JourneyMapParams(), **extra)
    ctx.console.print(text_of(result, ctx.details), markup=False)
    write_outputs(ctx, result, outs)
    ctx.console.print("In Slack, \"show me the journey map\" answers with this text and posts "
                      "journey-map.png with journey-map.xlsx attached in the thread.", markup=False)
    worst = next((s for s in result.stages if s.health == "red"), None) or \
        next((s for s in result.stages if s.health == "amber"), None)
    if worst is not None:
        ctx.console.print()
        ctx.console.print(f"$ journeybot map --stage {worst.stage}     # in Slack: \"why is {worst.stage} "
                          f"{worst.health}?\" in the map's thread", markup=False)
        detail = journey_map(ctx.store, JourneyMapParams(stage=worst.stage), **extra)
        ctx.console.print(text_of(detail, ctx.details), markup=False)
