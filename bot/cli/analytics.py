"""Journey analyses on the command line: funnel, dropoffs, paths.

Each command builds the tool's params model from its options, calls the tool and prints the
result's text (or JSON with --json). Filters are the same for all three.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from bot.cli.args import build as _build
from bot.cli.args import parse_period
from bot.cli.common import Ctx, friendly_errors, pass_ctx, show_result
from tools.analytics.filters import DIMENSIONS, Filters
from tools.core.stages import STAGES

F = TypeVar("F", bound=Callable[..., Any])

_FILTER_OPTIONS = (
    ("channel", "First-touch channel(s), e.g. instagram."),
    ("acquisition_channel", "Acquisition channel(s) from the CRM."),
    ("segment", "CRM segment(s)."),
    ("city", "City or town(s)."),
    ("region", "Region(s)."),
    ("age_band", "Age band(s), e.g. 25-34."),
)


def _split(values: tuple[str, ...]) -> list[str]:
    """Repeated options and comma-separated lists both work: --stages a,b --stages c."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def common_options(fn: F) -> F:
    """--period, the filters and --json, shared by the three commands."""
    for name, text in reversed(_FILTER_OPTIONS):
        fn = click.option(f"--{name.replace('_', '-')}", name, multiple=True, metavar="VALUE",
                          help=text + " Repeat or separate with commas.")(fn)
    fn = click.option("--persona", default=None, metavar="NAME", help="A saved persona's customers.")(fn)
    fn = click.option("--period", default="last_30_days", show_default=True,
                      help="last_7_days, last_30_days, this_month, last_month, all, ... "
                           "or dates: 2026-05-01..2026-05-31.")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(fn)
    return fn


def _filters(options: dict[str, Any]) -> Filters:
    values: dict[str, Any] = {name: _split(options.pop(name)) or None for name, _ in _FILTER_OPTIONS}
    values["persona"] = options.pop("persona")
    return Filters(**values)


@click.command()
@click.option("--stages", multiple=True, metavar="STAGE,...",
              help=f"Ordered stages (default all six: {', '.join(STAGES)}).")
@click.option("--touchpoints", multiple=True, metavar="TOUCHPOINT,...",
              help="Ordered touchpoints instead of stages, e.g. website_visit,add_to_cart,order_placed.")
@click.option("--window", "window_days", type=click.IntRange(1, 365), default=None,
              help="Conversion window in days (default: [analytics] conversion_window_days, 30).")
@click.option("--strict", is_flag=True,
              help="Every step needs its own event (by default a later step passes skipped ones).")
@click.option("--by", type=click.Choice(list(DIMENSIONS)), default=None,
              help="Break down by a customer dimension (channel = first-touch channel).")
@click.option("--groups", "max_groups", type=click.IntRange(1, 50), default=10, show_default=True,
              help="Breakdown groups shown.")
@common_options
@pass_ctx
@friendly_errors
def funnel(ctx: Ctx, stages: tuple[str, ...], touchpoints: tuple[str, ...], window_days: int | None,
           strict: bool, by: str | None, max_groups: int, period: str, as_json: bool, **options: Any) -> None:
    """Customers reaching each journey step in order, the biggest drop-off and step times.

    \b
    Examples:
      journeybot funnel
      journeybot funnel --stages consideration,decision,purchase --period this_month --by channel
      journeybot funnel --touchpoints website_visit,add_to_cart,order_placed --channel instagram
    """
    from tools.analytics.funnel import FunnelParams
    from tools.analytics.funnel import funnel as run

    params = _build(
        FunnelParams,
        stages=_split(stages) or None,
        touchpoints=_split(touchpoints) or None,
        period=parse_period(period),
        window_days=window_days or ctx.config.analytics.conversion_window_days,
        skips="stop" if strict else "pass_through",
        filters=_filters(options),
        by=by,
        max_groups=max_groups,
    )
    show_result(ctx, run(ctx.store, params), as_json)


@click.command()
@click.option("--goal", "goal_stage", type=click.Choice(list(STAGES[1:])), default="purchase",
              show_default=True, help="Converting means reaching this stage.")
@click.option("--goal-touchpoint", default=None, metavar="TOUCHPOINT",
              help="Converting means this touchpoint instead, e.g. order_placed.")
@click.option("--level", type=click.Choice(["touchpoint", "stage"]), default="touchpoint",
              show_default=True, help="Report the last touchpoint or the last stage.")
@click.option("--no-compare", is_flag=True, help="Skip the comparison with the period before.")
@click.option("--top", type=click.IntRange(1, 50), default=10, show_default=True,
              help="Drop-off points shown.")
@common_options
@pass_ctx
@friendly_errors
def dropoffs(ctx: Ctx, goal_stage: str, goal_touchpoint: str | None, level: str, no_compare: bool,
             top: int, period: str, as_json: bool, **options: Any) -> None:
    """Where customers who did not buy were last, ranked, against the period before.

    \b
    Examples:
      journeybot dropoffs
      journeybot dropoffs --period last_month --goal-touchpoint order_placed
      journeybot dropoffs --level stage --channel tiktok
    """
    from tools.analytics.dropoffs import DropoffParams
    from tools.analytics.dropoffs import dropoffs as run

    params = _build(DropoffParams, period=parse_period(period), goal_stage=goal_stage,
                    goal_touchpoint=goal_touchpoint, level=level, compare=not no_compare,
                    filters=_filters(options), top=top)
    show_result(ctx, run(ctx.store, params), as_json)


@click.command()
@click.option("--goal", "goal_stage", type=click.Choice(list(STAGES[1:])), default="purchase",
              show_default=True, help="Paths lead to this stage.")
@click.option("--goal-touchpoint", default=None, metavar="TOUCHPOINT",
              help="Paths lead to this touchpoint instead, e.g. order_placed.")
@click.option("--level", type=click.Choice(["touchpoint", "stage"]), default="touchpoint",
              show_default=True, help="Path steps are touchpoints or stages.")
@click.option("--max-steps", type=click.IntRange(2, 12), default=6, show_default=True,
              help="Longer paths keep their last steps.")
@click.option("--top", type=click.IntRange(1, 50), default=10, show_default=True,
              help="Path variants listed per outcome.")
@common_options
@pass_ctx
@friendly_errors
def paths(ctx: Ctx, goal_stage: str, goal_touchpoint: str | None, level: str, max_steps: int,
          top: int, period: str, as_json: bool, **options: Any) -> None:
    """The most common routes to buying and to leaving, first/last touch, offline share.

    \b
    Examples:
      journeybot paths
      journeybot paths --level stage --period last_90_days
      journeybot paths --goal-touchpoint order_placed --segment newsletter --json
    """
    from tools.analytics.paths import PathParams
    from tools.analytics.paths import paths as run

    params = _build(PathParams, period=parse_period(period), goal_stage=goal_stage,
                    goal_touchpoint=goal_touchpoint, level=level, max_steps=max_steps, top=top,
                    filters=_filters(options))
    show_result(ctx, run(ctx.store, params), as_json)
