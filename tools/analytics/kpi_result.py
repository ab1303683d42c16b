"""What the KPI tool returns: each value with its sample size and its own period, the orders of
the period by status, the KPIs the data could not answer, and the text a shop owner reads.

Each table's KPIs cover the period as it resolves on that table's data (orders on the last day
with orders, reviews on the last day with reviews), so a value names its dates when they differ
from the headline's. A period with no rows for a value says so ("no data") and the notes offer
the latest period that has rows; it is never shown as 0.

Its small tables (step conversions, exits by touchpoint, orders by status) are typed rows: the
plain `journeybot kpis` prints them without importing pandas (docs/BENCHMARKS.md, issue 22).
The frames the agent, the digest and exports read (`stage_steps`, `exits`, `order_statuses`)
are made from them, with the same columns, the first time one is read; `--json` writes the
rows under those names.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tools.analytics.filters import DIMENSION_LABELS
from tools.analytics.kpi_catalog import SPECS, Money, format_value
from tools.analytics.named_rates import rate_lines
from tools.analytics.order_status import OrderStatusCounts, StatusRow
from tools.core.money import Priced
from tools.core.results import Provenance, ResultMixin

if TYPE_CHECKING:
    import pandas as pd

STAGE_COLUMNS = ["from", "to", "reached", "of", "rate"]
EXIT_COLUMNS = ["touchpoint", "events", "exits", "exit_rate"]

AREAS: dict[str, str] = {
    "stages": "Journey", "arrivals": "Journey", "sessions": "Web", "orders": "Sales",
    "churn": "Sales", "deliveries": "Fulfilment", "on_time": "Fulfilment", "surveys": "Satisfaction", "tickets": "Support",
    "open_tickets": "Support", "ticket_flow": "Support", "contacts": "Support",
}


@dataclass(frozen=True)
class KpiValue:
    metric: str
    label: str
    value: float | None  # rates as fractions (0.123 = 12.3%), NPS in points, money, hours, days
    n: int  # the sample behind the value, counted in `n_label`
    n_label: str
    unit: str
    higher_is_better: bool | None
    numerator: float | None = None
    denominator: float | None = None
    median: float | None = None  # CLV: median lifetime revenue
    excluded: int = 0  # rows in scope left out (unanswered tickets, carts still undecided)
    small_sample: bool = False
    definition: str = ""
    period_label: str = ""  # the period this value covers (its table's data)
    no_data: bool = False  # its table has no rows in the period for the customers asked about
    # A total (orders, revenue) over fewer rows than KpiSettings.min_sample: exact for the period,
    # but a handful of orders says little about how the shop is doing, and moves by chance.
    rough: bool = False

    def formatted(self, currency: Money = "GBP") -> str:
        if self.no_data:
            return "no data"
        return format_value(SPECS[self.metric], self.value, currency)


@dataclass(frozen=True)
class StageStep:
    """One step conversion: customers who reached `to` of those at `from_`."""

    JSON_NAMES: ClassVar[dict[str, str]] = {"from_": "from"}
    from_: str
    to: str
    reached: int
    of: int
    rate: float  # NaN when nobody was at `from_`


@dataclass(frozen=True)
class ExitRow:
    """A web touchpoint: its events in the period and how many were the last of their session."""

    touchpoint: str
    events: int
    exits: int
    exit_rate: float


@dataclass(frozen=True)
class KpiResult(Priced, ResultMixin):
    JSON_NAMES: ClassVar[dict[str, str]] = {"stage_rows": "stage_steps", "exit_rows": "exits",
                                            "status_rows": "order_statuses"}
    values: tuple[KpiValue, ...]
    period_label: str
    first_day: dt.date
    last_day: dt.date
    currency: str
    stage_rows: tuple[StageStep, ...]  # when step conversions were asked
    exit_rows: tuple[ExitRow, ...]  # busiest first, when exit_rate was asked
    provenance: Provenance = field(repr=False)
    locale: str | None = None
    # Orders placed in the sales KPIs' period by kind and raw status (when orders, revenue or
    # AOV were asked).
    status_rows: tuple[StatusRow, ...] = ()
    unavailable: dict[str, str] = field(default_factory=dict)  # metric -> why the data cannot answer it

    @functools.cached_property
    def stage_steps(self) -> pd.DataFrame:
        """from, to, reached, of, rate."""
        import pandas as pd

        return pd.DataFrame([{"from": r.from_, "to": r.to, "reached": r.reached, "of": r.of, "rate": r.rate}
                             for r in self.stage_rows], columns=STAGE_COLUMNS)

    @functools.cached_property
    def exits(self) -> pd.DataFrame:
        """touchpoint, events, exits, exit_rate."""
        import pandas as pd

        return pd.DataFrame([(r.touchpoint, r.events, r.exits, r.exit_rate) for r in self.exit_rows],
                            columns=EXIT_COLUMNS)

    @functools.cached_property
    def order_statuses(self) -> pd.DataFrame:
        """kind, status, orders, amount."""
        return self.orders.to_frame()

    def get(self, metric: str) -> KpiValue:
        for v in self.values:
            if v.metric == metric:
                return v
        raise KeyError(f"{metric!r} was not computed; computed: {', '.join(v.metric for v in self.values)}")

    @property
    def headline(self) -> KpiValue:
        return self.values[0]

    @property
    def orders(self) -> OrderStatusCounts:
        return OrderStatusCounts(self.status_rows)

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([
            {"metric": v.metric, "label": v.label, "value": v.value, "n": v.n, "n_label": v.n_label,
             "unit": v.unit, "numerator": v.numerator, "denominator": v.denominator,
             "median": v.median, "excluded": v.excluded, "small_sample": v.small_sample,
             "rough": v.rough, "period": v.period_label, "no_data": v.no_data}
            for v in self.values
        ])

    def to_text(self, details: bool = False) -> str:
        who = who_text(self.provenance.filters)
        lines = [f"KPIs for {self.period_label}{who}", ""]
        width = max(len(v.label) for v in self.values) + 2
        lines.append(f"  {'':<{width}}{'value':>12}   {'n':>9}")
        area = None
        for v in self.values:
            a = AREAS[SPECS[v.metric].family]
            if a != area and len(self.values) > 1:
                elsewhere = v.period_label and v.period_label != self.period_label
                lines.append(a + (f" ({v.period_label})" if elsewhere else ""))
                area = a
            shown = v.formatted(self.numbers)
            extra = ""
            if v.metric == "clv" and v.median is not None:
                extra = f", median {format_value(SPECS['clv'], v.median, self.numbers)}"
            flag = "  (small sample)" if v.small_sample else ""
            if v.rough:
                flag = "  (rough)"  # its n is on the same line
            lines.append(f"  {v.label:<{width}}{shown:>12}   {self.numbers.number(v.n):>9} {v.n_label}{extra}{flag}")
        if self.exit_rows:
            lines.append("")
            lines.append("Exit rate by web touchpoint (exits / events; of events at the same time, the later "
                         "step of a visit is the exit):")
            for r in self.exit_rows[:8]:
                f = self.numbers
                lines.append(f"  {r.touchpoint:<18}{f.percent(r.exit_rate):>8}   {f.number(r.exits):>8} of "
                             f"{f.number(r.events)}")
        lines.append("")
        lines += rate_lines([v.metric for v in self.values])
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def who_text(filters: dict[str, Any]) -> str:
    if not filters:
        return ", all customers"
    parts = []
    for k, v in filters.items():
        label = DIMENSION_LABELS.get(k, k)
        parts.append(f"{label} {', '.join(v) if isinstance(v, list) else v}")
    return ", customers with " + "; ".join(parts)
