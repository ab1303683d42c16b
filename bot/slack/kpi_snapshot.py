"""The short KPI snapshot shown by `/journey kpis` and the App Home: the week against the
week before, from tools.analytics.compare.compare (the numbers and their wording are the KPI tool's)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.slack.services import KpiLine, KpiSnapshot

SNAPSHOT_METRICS = ("revenue", "orders", "purchase_conversion", "aov", "nps", "csat",
                    "first_response_time")


def kpi_snapshot(store: Any, config: Any, *, period: str = "last_7_days") -> KpiSnapshot:
    import math

    from tools.analytics.compare import CompareParams, compare
    from tools.analytics.kpi_catalog import (
        ARROWS,
        SPECS,
        format_change,
        format_relative,
        format_value,
    )
    from tools.analytics.periods import Period
    from tools.data.cache import cached

    params = CompareParams(metrics=list(SNAPSHOT_METRICS), period=Period(name=period))
    settings = config.kpi_settings()
    # Every open of the Home tab and every `/journey kpis` asks this of the same data: computed
    # once per data version (tools/data/cache.py; an ingest or sync makes it stale).
    result = cached(store, "compare", {"params": params, "settings": repr(settings)},
                    lambda: compare(store, params, settings=settings))

    def num(v: Any) -> float | None:
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)

    lines = []
    for r in result.rows.itertuples():
        spec = SPECS[r.metric]
        change, direction = "", ""
        if r.direction == "flat":
            change, direction = f"{ARROWS['flat']} no change", "flat"
        elif isinstance(r.direction, str):
            change = f"{ARROWS[r.direction]} {format_change(spec, num(r.change), result.numbers)}"
            rel = format_relative(num(r.relative_change))
            if rel and spec.unit != "points":
                change += f" ({rel})"
            # a total on a handful of orders, or a rate on a handful of answers (Olist's CSAT of 4
            # reviews "down 75 pp"), moves by chance: not coloured good or bad
            chance = getattr(r, "rough", False) or getattr(r, "small_sample", False)
            direction = "" if chance else {"better": "good", "worse": "bad"}.get(str(r.assessment), "")
        anchor = getattr(r, "anchor", None)
        day = anchor.isoformat()[:10] if hasattr(anchor, "isoformat") else ""
        lines.append(KpiLine(r.label, format_value(spec, num(r.current), result.numbers), change, direction, day))  # type: ignore[arg-type]
    # The day the week compared ends: the data's last day was shown ("as of 2018-10-22") over a
    # week that ended on the orders' last day (10-17), and "-" for a desk with tickets alone.
    as_of = result.provenance.period_anchor or store.digest_day()
    head = str(as_of) if as_of else "-"
    # each line that ends on another day says which (Olist's CSAT counts back from the reviews' last day)
    lines = [dataclasses.replace(x, as_of="" if x.as_of == head else x.as_of) for x in lines]
    if as_of and _by_month(store):  # UCI's sessions, all on the 1st: the week is the month, no day
        head = f"{as_of:%b %Y} (the data is dated by month)"
    return KpiSnapshot(head, result.previous_label, lines)


def _by_month(store: Any) -> bool:
    """Every dated table with rows is dated by month only (tools/data/spans.py)."""
    from tools.data import spans

    found = [s for t in spans.DATED if (s := store.span(t)).rows]
    return bool(found) and all(s.granularity == "month" for s in found)
