"""Orders counted in full: how many orders of a period were completed, pending, cancelled or
returned, in the export's own words, so that "orders" is never silently "completed orders".

    "5,172 completed orders (plus 1,729 pending, not yet delivered: 1,107 shipped, 314 invoiced,
     301 processing, 7 other; 1,234 cancelled: 625 cancelled, 609 unavailable)"

Each kind is named with its total first (what "how many were cancelled?" asks), then the words.

The kinds come from the business profile (tools/core/profile.py); the words are the raw
statuses kept at ingest (orders.status_raw).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from tools.analytics.kpi_frame import Frame, run_records
from tools.core.money import NumberFormat
from tools.core.profile import ORDER_KINDS
from tools.core.text import counted

if TYPE_CHECKING:  # the counts are a few tuples; a frame only when one is asked for (to_frame)
    import pandas as pd

COLUMNS = ["kind", "status", "orders", "amount"]

# Words that are only a spelling of their kind ("canceled") are shown as the kind.
_SPELLINGS = {"canceled": "cancelled", "complete": "completed", "refund": "refunded"}
# The completed word that says what "not yet" is waiting for ("shipped, not yet delivered").
_DONE_WORDS = ("delivered", "fulfilled", "collected", "paid", "completed")
MAX_WORDS = 4  # per kind; the rest are "other"


@dataclass(frozen=True)
class StatusRow:
    kind: str  # completed, pending, cancelled, returned
    status: str  # the export's own word
    orders: int
    amount: float


@dataclass(frozen=True)
class OrderStatusCounts:
    """Orders of a period by kind and raw status: kind, status, orders, amount. `rows` may be
    given as a frame with those columns (KpiResult.order_statuses, CompareResult's)."""

    rows: tuple[StatusRow, ...]

    def __post_init__(self) -> None:
        rows: Any = self.rows
        if hasattr(rows, "itertuples"):
            rows = [StatusRow(str(k), str(s), int(n), float(a)) for k, s, n, a in rows[COLUMNS].itertuples(index=False)]
        object.__setattr__(self, "rows", tuple(rows))

    def count(self, kind: str | None = None) -> int:
        return sum(r.orders for r in self.rows if kind is None or r.kind == kind)

    def amount(self, kind: str) -> float:
        return float(sum(r.amount for r in self.rows if r.kind == kind))

    @property
    def empty(self) -> bool:
        return self.count() == 0

    def by_kind(self) -> dict[str, int]:
        return {k: self.count(k) for k in ORDER_KINDS}

    def phrase(self, numbers: NumberFormat | None = None) -> str:
        """'5,172 completed orders (plus 1,729 pending, not yet delivered: 1,107 shipped, ...;
        1,234 cancelled: 625 cancelled, 609 unavailable)'; '0 completed orders (plus 7
        cancelled)'; 'no orders'."""
        f = numbers or NumberFormat()
        if self.empty:
            return "no orders"
        done = self.count("completed")
        head = counted(done, "completed order", f)
        parts = []
        for kind in ("pending", "cancelled", "returned"):
            total = self.count(kind)
            if not total:
                continue
            part = f"{f.number(total)} {kind}"
            if kind == "pending":
                part += f", not yet {self._done_word()}"
            words = self._words(kind, f)
            if words:
                part += f": {words}"
            parts.append(part)
        return head + (f" (plus {'; '.join(parts)})" if parts else "")

    def _words(self, kind: str, f: NumberFormat) -> str:
        """The export's words of one kind, largest first; '' when the kind is its only word."""
        rows = sorted((r for r in self.rows if r.kind == kind), key=lambda r: (-r.orders, r.status))
        if not rows or (len(rows) == 1 and _word(rows[0].status, kind) == kind):
            return ""
        out = [f"{f.number(r.orders)} {_word(r.status, kind)}" for r in rows[:MAX_WORDS]]
        rest = sum(r.orders for r in rows[MAX_WORDS:])
        if rest:
            out.append(f"{f.number(rest)} other")
        return ", ".join(out)

    def _done_word(self) -> str:
        done = sorted((r for r in self.rows if r.kind == "completed"), key=lambda r: -r.orders)
        for r in done:
            if r.status in _DONE_WORDS:
                return r.status
        return "completed"

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([(r.kind, r.status, r.orders, r.amount) for r in self.rows],
                            columns=COLUMNS).astype({"orders": "int64", "amount": "float64"})


def _word(status: str, kind: str) -> str:
    if status in ("(none)", kind):
        return kind
    word = _SPELLINGS.get(status, status)
    return word.replace("_", " ")


def order_status_counts(con: duckdb.DuckDBPyConnection, frame: Frame) -> OrderStatusCounts:
    """Orders placed in the frame's period (for the customers in scope), by kind and raw word."""
    sql = f"""
        SELECT * FROM (
            SELECT coalesce(o.status, 'completed') AS kind,
                   coalesce(o.status_raw, coalesce(o.status, '(none)')) AS word,
                   count(*) AS orders, coalesce(sum(o.amount), 0) AS amount
            FROM orders o {frame.join('o')}
            WHERE o.ts >= $start AND o.ts < $end
            GROUP BY ALL) x
        ORDER BY list_position(['completed', 'pending', 'cancelled', 'returned'], kind), orders DESC, word"""
    return OrderStatusCounts(tuple(StatusRow(r["kind"], r["word"], int(r["orders"]), float(r["amount"]))
                                   for r in run_records(con, sql, frame)))
