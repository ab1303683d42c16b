"""The digest's opening lines without a language model: the moves the alert engine finds
unusual (bad first), else the largest move, the open alerts and the drop-off (tools/digest/
compose.py builds the lines they are read from)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tools.core.text import counted

KpiLine = Any  # tools/digest/compose.py's KpiLine (imported from there would be a cycle)


def opening_lines(kpis: tuple[KpiLine, ...], funnel: str | None, alerts: tuple[str, ...], period: str,
             previous: str, day: dt.date | None = None) -> str:
    """The opening lines without a language model: the moves the alert engine finds unusual
    (bad first), else the largest move and that it is within its usual range; the open alerts
    and the drop-off, all from the sections below."""
    judged = [k for k in kpis if k.relative is not None and not k.small_sample and k.assessment in ("better", "worse")]
    parts = []
    if day is not None and any(k.unusual is not None for k in kpis):
        odd = [k for k in judged if k.unusual]
        worse = sorted((k for k in odd if k.assessment == "worse"), key=lambda k: -abs(k.relative or 0))
        better = sorted((k for k in odd if k.assessment == "better"), key=lambda k: -abs(k.relative or 0))
        if worse:
            parts.append(f"{_moved(worse[0])}: unusual for a {day:%A} (usual {worse[0].usual}), "
                         f"{period} against {previous}.")
        if len(worse) > 1:  # every move the alerts would flag is named, not only the largest
            parts.append("Also unusual: " + ", ".join(f"{k.label} {k.now} ({k.change})" for k in worse[1:]) + ".")
        if better:
            parts.append(f"Good news: {_moved(better[0])}, unusually for a {day:%A}.")
        if not odd and judged:
            top = max(judged, key=lambda k: abs(k.relative or 0))
            usual = f" (usual {top.usual})" if top.usual else ""
            parts.append(f"Nothing is outside its usual range for a {day:%A}. Largest change: {_moved(top)} "
                         f"against {previous}, within its usual range{usual}.")
    else:
        worse = sorted((k for k in judged if k.assessment == "worse"), key=lambda k: -abs(k.relative or 0))
        better = sorted((k for k in judged if k.assessment == "better"), key=lambda k: -abs(k.relative or 0))
        if worse:
            parts.append(f"{_moved(worse[0])}: the biggest move the wrong way, {period} against {previous}.")
        if better:
            parts.append(f"Best news: {_moved(better[0])}.")
    if not parts and kpis:
        # A move on a handful of rows is left out of the judgement, but never hidden behind
        # "nothing moved" (twcs: one Saturday's first reply 8.8 h against 0.5 h, from 3 tickets).
        rough = [k for k in kpis if k.small_sample and k.relative is not None and k.assessment in ("better", "worse")]
        if rough:
            top = max(rough, key=lambda k: abs(k.relative or 0))
            also = f" (and {len(rough) - 1} more)" if len(rough) > 1 else ""
            parts.append(f"No KPI on enough data moved much, {period} against {previous}; {_moved(top)}{also}, "
                         f"from a small sample: read it as rough.")
        elif not any(k.change for k in kpis):
            empty = [k.label for k in kpis if k.now == "no data"]
            if len(empty) * 2 >= len(kpis):
                # Olist's last day holds 2 reviews and no order: the day itself is empty, not only
                # the day it is set against (the notes name the latest days that have data)
                parts.append(f"Little to report: {period} has no data for {_listed(empty)}, and "
                             f"{previous} has none to compare with; the notes say where the latest data is.")
            else:
                # nothing to set against (UCI's sessions are all on the 1st of a month): not "no move"
                parts.append(f"No KPI can be compared: {previous} has no data for them.")
        else:
            parts.append(f"No KPI moved much, {period} against {previous}.")
    if alerts:
        parts.append(f"{len(alerts)} open alert{'s' if len(alerts) > 1 else ''}: {alerts[0]}"
                     + (" and more below." if len(alerts) > 1 else "."))
    if funnel and "Biggest drop-off:" in funnel:
        parts.append(funnel[funnel.index("Biggest drop-off:"):])
    return " ".join(parts) or "Not enough data for a summary yet."


def _moved(k: KpiLine) -> str:
    verb = {"up": "rose to", "down": "fell to"}.get(k.direction or "", "is")
    pending = f" ({counted(k.pending, 'more order')} still pending)" if k.pending else ""
    pending += f" ({k.day_of})" if k.day_of else ""  # a table reported on its own last day says so
    if k.small_sample and k.direction in ("up", "down"):
        return f"{k.label} {verb} {k.now} from {k.before}{pending}"
    return f"{k.label} {verb} {k.now}, {k.change}{pending}"


def _listed(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
