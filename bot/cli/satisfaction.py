"""`journeybot satisfaction`: a satisfaction measure compared across an order or journey
attribute (late against on-time deliveries, channels, stages, product categories, segments)."""

from __future__ import annotations

from typing import Any

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from bot.cli.kpis import build_filters, filter_options
from tools.analytics.periods import Period


@click.command("satisfaction")
@click.option("--measure", type=click.Choice(["review_score", "csat", "nps", "sentiment"]),
              default="review_score", show_default=True,
              help="review_score: mean 1-5 score; csat: share of 4-5; nps; sentiment of what customers "
                   "wrote (needs `journeybot feedback index`).")
@click.option("--by", type=click.Choice(["delivery", "channel", "stage", "product_category", "segment"]),
              default="delivery", show_default=True,
              help="delivery: late vs on time (and never arrived); channel: first-touch channel; stage; "
                   "product_category; segment (CRM).")
@click.option("--period", default="all", show_default=True,
              help="Answers given in this period: all, last_90_days, this_year, ... or 2026-01-01..2026-03-31.")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (every group).")
@pass_ctx
@friendly_errors
def satisfaction(ctx: Ctx, measure: str, by: str, period: str, as_json: bool, **filters: Any) -> None:
    """Compare satisfaction across groups, with answers per group and a plain verdict.

    \b
    Example:
      journeybot satisfaction --by delivery            are late deliveries hurting reviews?
      journeybot satisfaction --measure csat --by product_category
      journeybot satisfaction --by delivery --segment vip   only VIP customers' answers
    """
    from tools.analytics.kpi_scope import promise_of
    from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by

    params = SatisfactionParams(measure=measure, by=by, period=Period.parse(period),  # type: ignore[arg-type]
                                filters=build_filters(filters))
    texts = None
    if measure == "sentiment":
        from bot.cli.feedback import open_feedback
        from tools.feedback.sentiment import scored_texts

        texts = scored_texts(open_feedback(ctx).frame())
    promise = promise_of(ctx.store, ctx.config.kpi_settings()).delivery_promise_days
    result = satisfaction_by(ctx.store, params, promise_days=promise, texts=texts)
    if as_json:
        print_json(result)
    else:
        ctx.console.print(result.to_text(), markup=False)


def demo_satisfaction(ctx: Ctx) -> None:
    """The demo's section: late deliveries against reviews, then CSAT by first-touch channel,
    each as its verdict and table (the definitions are in `journeybot satisfaction --help`)."""
    from tools.analytics.kpi_scope import promise_of
    from tools.analytics.satisfaction import SatisfactionParams, satisfaction_by

    promise = promise_of(ctx.store, ctx.config.kpi_settings()).delivery_promise_days
    for question, params in (
        ("Are late deliveries hurting our reviews?", SatisfactionParams(measure="review_score", by="delivery")),
        ("Do some channels' customers rate us lower?", SatisfactionParams(measure="csat", by="channel")),
    ):
        result = satisfaction_by(ctx.store, params, promise_days=promise)
        ctx.console.print(f"> {question}", markup=False, style="bold")
        lines = result.to_text().splitlines()
        ctx.console.print("\n".join(lines[1: lines.index("") + 1 + min(len(result.groups), 6) + 1]),
                          markup=False)
        ctx.console.print()
