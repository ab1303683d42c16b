"""Numbers out of journeybot's JSON, the same way for a command's output (`journeybot kpis
--json`: one result) and for an answer (`journeybot ask --json`: the results of its tool
calls). A number is found by what it means (a KPI's value, a table's row count, a group's
mean), never by its place in the text, so a question answered by another tool than expected
still counts when that tool reports the number."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class NotFound(AssertionError):
    pass


def results(data: Any) -> list[Any]:
    """The result objects in a command's JSON or an answer's JSON."""
    if isinstance(data, dict) and "tool_calls" in data:
        calls = data["tool_calls"]
        errors = [c.get("error") for c in calls if c.get("error")]
        found = [c["result"] for c in calls if c.get("result") is not None]
        if not found:
            raise NotFound(f"the answer has no tool result (tools: {[c['tool'] for c in calls]}, "
                           f"errors: {errors}); answer: {data.get('answer', '')[:300]!r}")
        return found
    return [data]


def _walk(value: Any) -> Iterator[dict]:
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def tools(data: Any) -> list[str]:
    return [c["tool"] for c in data.get("tool_calls", [])] if isinstance(data, dict) else []


def kpi(data: Any, metric: str, field: str = "value") -> float:
    """A KPI's value (or n, numerator, excluded) wherever a result lists KPI values."""
    for r in results(data):
        for d in _walk(r):
            if d.get("metric") == metric and field in d and "n" in d:
                return d[field]
    raise NotFound(f"no KPI {metric!r} in the result(s) of {tools(data) or 'the command'}")


def rows(data: Any, table: str) -> int:
    """A journey table's row count: from a data description, else the rows an analysis read
    from it (its provenance), which for a period covering all the data is the same count."""
    for r in results(data):
        for t in r.get("tables", []) if isinstance(r, dict) else []:
            if isinstance(t, dict) and t.get("table") == table and "rows" in t:
                return int(t["rows"])
    for d in _walk(data):
        counts = d.get("row_counts")
        if isinstance(counts, dict) and table in counts:
            return int(counts[table])
    raise NotFound(f"no row count of {table!r} in the result(s) of {tools(data) or 'the command'}")


def conversion_of(data: Any, name: str) -> float:
    """One group's conversion in a funnel broken down by a dimension (its summary row)."""
    for r in results(data):
        for d in _walk(r):
            if str(d.get("group")).lower() == name.lower() and "completed" in d and "overall_conversion" in d:
                return d["overall_conversion"]
    raise NotFound(f"no funnel group {name!r} in the result(s) of {tools(data) or 'the command'}")


def best_group(data: Any, min_entered: int) -> str:
    """The group with the highest conversion among those with at least `min_entered` people."""
    rows_ = [d for r in results(data) for d in _walk(r)
             if "group" in d and "completed" in d and "overall_conversion" in d and "entered" in d]
    rows_ = [d for d in rows_ if d["entered"] >= min_entered and d["overall_conversion"] is not None]
    if not rows_:
        raise NotFound(f"no funnel groups in the result(s) of {tools(data) or 'the command'}")
    return str(max(rows_, key=lambda d: d["overall_conversion"])["group"])


def field(data: Any, key: str) -> Any:
    """A top-level field of a result (describe's customers, first_day, ...)."""
    for r in results(data):
        if isinstance(r, dict) and key in r:
            return r[key]
    raise NotFound(f"no {key!r} in the result(s) of {tools(data) or 'the command'}")


def group(data: Any, name: str, column: str = "value", key: str = "group") -> float:
    """A group's number in a grouped result (satisfaction, sentiment, movers, funnel by ...)."""
    for r in results(data):
        for d in _walk(r):
            if str(d.get(key)).lower() == name.lower() and column in d:
                return d[column]
    raise NotFound(f"no group {name!r} with {column!r} in the result(s) of {tools(data) or 'the command'}")


def order_count(data: Any, kind: str) -> int:
    """Orders of one kind (completed, pending, cancelled, returned) in a result's orders by
    status (`order_statuses`: kind, status, orders), summed over the export's own words."""
    for r in results(data):
        rows = [d for d in _walk(r) if {"kind", "status", "orders"} <= set(d)]
        if rows:
            return sum(int(d["orders"]) for d in rows if d["kind"] == kind)
    raise NotFound(f"no orders by status in the result(s) of {tools(data) or 'the command'}")


def notes(data: Any) -> list[str]:
    """Every note of a command's or an answer's JSON: its provenance notes (a tool call carries
    its own in an answer) and the answer's."""
    return [str(n) for d in _walk(data) for n in d.get("notes", []) or []]


def period_labels(data: Any) -> set[str]:
    """The periods a command's or an answer's results say they cover."""
    return {str(d["period_label"]) for d in _walk(data) if isinstance(d.get("period_label"), str)}


def note_number(data: Any, pattern: str) -> int:
    """A count said in a provenance note or the answer's text, e.g. r'([\\d,]+) ticket\\(s\\) not resolved'."""
    texts = []
    for d in _walk(data):
        texts += [str(n) for n in d.get("notes", []) or []]
    if isinstance(data, dict) and "answer" in data:
        texts.append(data["answer"])
    for t in texts:
        m = re.search(pattern, t)
        if m:
            return int(m.group(1).replace(",", ""))
    raise NotFound(f"no note matching {pattern!r}")


def table_field(data: Any, table: str, key: str) -> Any:
    """A field of one table in a data description (first_day, last_day, rows)."""
    for r in results(data):
        for t in r.get("tables", []) if isinstance(r, dict) else []:
            if isinstance(t, dict) and t.get("table") == table and key in t:
                return t[key]
    raise NotFound(f"no {key!r} of {table!r} in the result(s) of {tools(data) or 'the command'}")
