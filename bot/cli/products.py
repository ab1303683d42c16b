"""`journeybot products`: what sells best, by product or product category (revenue, orders,
units), ranked, or which ones grew or shrank against the period before."""

from __future__ import annotations

from typing import Any

import click

from bot.cli.common import Ctx, friendly_errors, pass_ctx, print_json
from bot.cli.kpis import build_filters, filter_options
from tools.analytics.periods import Period


@click.command("products")
@click.option("--by", type=click.Choice(["product_category", "category", "product"]), default="product_category",
              show_default=True, help="product_category (or category): the categories of what was bought; "
              "product: the products.")
@click.option("--measure", type=click.Choice(["revenue", "orders", "units"]), default="revenue", show_default=True,
              help="revenue of completed orders (an order's total shared among what it lists), orders, or units sold.")
@click.option("--period", default="last_30_days", show_default=True,
              help="Orders placed in this period: all, this_month, last_90_days, ... or 2026-01-01..2026-03-31.")
@click.option("--change", is_flag=True, help="Rank by the change against the period before (growing or shrinking).")
@click.option("--bottom", is_flag=True, help="Worst sellers (or biggest falls) first.")
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True, help="How many to list.")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (every product or category).")
@pass_ctx
@friendly_errors
def products(ctx: Ctx, by: str, measure: str, period: str, change: bool, bottom: bool, top: int, as_json: bool,
             **filters: Any) -> None:
    """What sells best: revenue, orders and units by product or category, ranked, or growing and shrinking.

    \b
    Example:
      journeybot products                                top categories by revenue, last 30 days
      journeybot products --by product --measure units --period this_month
      journeybot products --change --bottom --period last_90_days   which ranges are shrinking
    """
    from tools.analytics.product_sales import ProductSalesParams, product_sales

    by = "product_category" if by == "category" else by  # the word an owner types
    params = ProductSalesParams(by=by, measure=measure, period=Period.parse(period),  # type: ignore[arg-type]
                                rank="change" if change else "value", order="bottom" if bottom else "top",
                                top=top, filters=build_filters(filters))
    result = product_sales(ctx.store, params)
    if as_json:
        print_json(result)
    else:
        ctx.console.print(result.to_text(), markup=False)
