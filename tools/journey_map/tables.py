"""A journey map as tables: the grid owners keep (the stages as columns, one row per layer:
touchpoints, actions, emotions, pain points, KPIs, opportunities), every number of the map in
one long table, and both as CSV. The lines of each cell are made here once and shared by the
grid, the Markdown (markdown.py), the spreadsheet (spreadsheet.py) and the picture (picture.py),
so all renderings show the same numbers in the same words.
"""

from __future__ import annotations

import pandas as pd

from tools.analytics.kpi_catalog import SPECS, Money, format_value
from tools.core.cells import csv_bytes
from tools.core.money import NumberFormat
from tools.core.text import count, counted, duration, pct, words
from tools.journey_map.types import JourneyMapData, MapComparisonData, StageColumn

GRID_ROWS = ("Health", "Customers", "On to the next stage", "Touchpoints", "What customers do",
             "Emotion", "Pain points", "KPIs", "Opportunities")


# -- cells shared by the grid, the CSV, the Markdown, the spreadsheet and the picture ------


def touchpoint_lines(col: StageColumn, top: int | None = None, nf: NumberFormat | None = None) -> list[str]:
    shown = col.touchpoints[:top] if top else col.touchpoints
    lines = [f"{words(t.touchpoint)}: {counted(t.customers, 'customer', nf)}{'' if t.online else ' (offline)'}"
             for t in shown]
    hidden = len(col.touchpoints) - len(shown)
    if hidden > 0:
        lines.append(f"+{hidden} more")
    return lines


def action_lines(col: StageColumn, top: int | None = None) -> list[str]:
    shown = col.touchpoints[:top] if top else col.touchpoints
    return [t.action[:1].upper() + t.action[1:] for t in shown]


def next_lines(col: StageColumn, nf: NumberFormat | None = None) -> list[str]:
    t = col.to_next
    if t is None:
        return ["-"]
    lines = [f"{pct(t.rate, numbers=nf)} go on to {t.to_stage} ({count(t.reached, nf)} of {count(t.of, nf)})"]
    if t.still_open:
        lines.append("so far: some may still go on")
    elif t.rate_before is not None:
        lines.append(f"was {pct(t.rate_before, numbers=nf)} the period before")
    lines.append(f"median time {duration(t.median_days, nf)}")
    return lines


def score(value: float | None, nf: NumberFormat | None = None) -> str:
    """A sentiment (-1..+1) with its sign, in the business's decimals: +0.25, -0,28 (pt_BR)."""
    if value is None:
        return "-"
    return ("-" if round(value, 2) < 0 else "+") + (nf or NumberFormat()).number(abs(value), 2)


def emotion_lines(col: StageColumn, nf: NumberFormat | None = None) -> list[str]:
    e = col.emotion
    if e is None or e.mean is None:
        if e is not None and e.texts:
            # Olist's Portuguese reviews: texts there are, but the offline model scores none
            return [f"no sentiment score: none of the {counted(e.texts, 'text', nf)} is in a language "
                    "the model reads"]
        return ["no feedback"]
    lines = [f"mean sentiment {score(e.mean, nf)} ({counted(e.scored, 'text', nf)}" + (" scored)" if e.texts > e.scored else ")")]
    if e.texts > e.scored:
        # a mean of 1 text among 4,223 must not read as the stage's mood: the rest are unscored
        lines.append(f"{count(e.texts - e.scored, nf)} of {counted(e.texts, 'text', nf)} not scored: not in a "
                     "language the model reads")
    if e.change is not None:
        arrow = "up" if e.change > 0 else "down" if e.change < 0 else "flat"
        lines.append(f"{arrow} {score(e.change, nf)} (was {score(e.previous, nf)})")
    return lines


def quote_text(text: str) -> str:
    """A customer's words on one line, whole up to 400 characters: the agent fences exactly
    this as customer text before a model reads it."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= 400 else flat[:397].rstrip() + "..."


def _pain_lines(col: StageColumn, nf: NumberFormat | None = None) -> list[str]:
    lines = []
    for p in col.pain_points:
        change = f", {p.change_text()}" if p.change_text() else ""
        lines.append(f"{p.label} ({counted(p.size, 'text', nf)}{change})")
        if p.quote is not None:
            lines.append(f'  "{quote_text(p.quote.text)}" ({p.quote.citation()})')
    return lines or ["none found"]


def kpi_lines(col: StageColumn, currency: Money) -> list[str]:
    lines = []
    for k in col.kpis:
        s = SPECS[k.metric]
        line = f"{k.label}: {format_value(s, k.value, currency)}"
        if k.value is None:
            line += " (nothing to measure in the period)"
        if k.previous is not None:
            line += f" (was {format_value(s, k.previous, currency)}"
            line += f", {k.assessment})" if k.assessment in ("better", "worse") else ")"
        if k.small_sample:
            line += " small sample"
        lines.append(line)
    return lines


def _opportunity_lines(m: JourneyMapData, stage: str) -> list[str]:
    return [o.shown for o in m.opportunities if o.stage == stage]


def map_subtitle(m: JourneyMapData) -> str:
    """The line under the title of the spreadsheet and the picture."""
    against = f"; against {m.previous_label}" if m.previous_label else ""
    return f"{m.period_label}{against}; {entered_text(m)}"


def entered_text(m: JourneyMapData) -> str:
    """"8.016 customers entered the journey at purchase": at the first stage the data has, not
    at awareness when there are no visits (Olist's events start at the order)."""
    return f"{counted(m.entered, 'customer', m.numbers)} entered the journey at {m.entered_at}"


# -- the tables ------------------------------------------------------------------------------


def map_grid(m: JourneyMapData) -> pd.DataFrame:
    """Stages as columns, one row per layer of the map; cells hold lines separated by newlines."""
    rows: dict[str, list[str]] = {r: [] for r in GRID_ROWS}
    nf = m.numbers
    for col in m.stages:
        rows["Health"].append(col.health + (f"\n{col.why_grey}" if col.why_grey else ""))
        rows["Customers"].append(f"{count(col.customers, nf)} reached this stage\n{count(col.active, nf)} active here "
                                 "in the period"
                                 + (f"\n{pct(col.online_share, 0, nf)} of events online" if col.online_share is not None else ""))
        rows["On to the next stage"].append("\n".join(next_lines(col, nf)))
        rows["Touchpoints"].append("\n".join(touchpoint_lines(col, nf=nf)) or "-")
        rows["What customers do"].append("\n".join(action_lines(col)) or "-")
        rows["Emotion"].append("\n".join(emotion_lines(col, nf)))
        rows["Pain points"].append("\n".join(_pain_lines(col, nf)))
        rows["KPIs"].append("\n".join(kpi_lines(col, m.numbers)))
        rows["Opportunities"].append("\n".join(_opportunity_lines(m, col.stage)) or "-")
    frame = pd.DataFrame(rows, index=[c.stage for c in m.stages]).T
    frame.index.name = "layer"
    return frame


def map_numbers(m: JourneyMapData) -> pd.DataFrame:
    """Every number of the map as one long table: stage, layer, item, value, previous, n, unit,
    detail. `unit` says how to read value and previous (share, count, duration in days,
    sentiment, or a KPI's unit: money, hours, days, points, score); the spreadsheet formats by it."""
    recs: list[dict[str, object]] = []

    def add(stage: str, layer: str, item: str, value: float | None = None, previous: float | None = None,
            n: int | None = None, detail: str = "", unit: str = "") -> None:
        recs.append({"stage": stage, "layer": layer, "item": item, "value": value, "previous": previous,
                     "n": n, "unit": unit, "detail": detail})

    for col in m.stages:
        s = col.stage
        add(s, "health", col.health, detail="; ".join(f.text for f in col.findings) or col.why_grey)
        add(s, "funnel", "customers reaching the stage", col.customers, unit="count")
        add(s, "events", "active customers", col.active, n=col.events, unit="count")
        if col.to_next is not None:
            t = col.to_next
            add(s, "funnel", f"go-on rate to {t.to_stage}", t.rate, t.rate_before, t.of, unit="share")
            add(s, "funnel", f"median time to {t.to_stage}", t.median_days, n=t.reached, unit="duration")
        for tp in col.touchpoints:
            add(s, "touchpoint", words(tp.touchpoint), tp.customers, n=tp.events, unit="count",
                detail=("online" if tp.online else "offline") + f"; {tp.action}")
        if col.emotion is not None:
            e = col.emotion
            add(s, "emotion", "mean sentiment", e.mean, e.previous, e.scored, unit="sentiment")
        for p in col.pain_points:
            add(s, "pain point", p.label, p.size, p.previous, unit="count", detail=p.quote.id if p.quote else "")
        for k in col.kpis:
            add(s, "kpi", k.label, k.value, k.previous, k.n, k.assessment or "", unit=KPI_UNIT[SPECS[k.metric].unit])
    for o in m.opportunities:
        add(o.stage, "opportunity", o.rule, detail=o.shown)
    frame = pd.DataFrame(recs, columns=["stage", "layer", "item", "value", "previous", "n", "unit", "detail"])
    frame["n"] = frame["n"].astype("Int64")
    return frame


# The catalogue's KPI units as the Numbers sheet names them (a rate is a share).
KPI_UNIT = {"rate": "share", "money": "money", "count": "count", "minutes": "minutes", "hours": "hours", "days": "days",
            "points": "points", "score": "score"}


def map_csv(m: JourneyMapData) -> bytes:
    """The grid (stages as columns) as CSV, UTF-8 with a byte-order mark so spreadsheet
    programs read the accents and arrows right."""
    return csv_bytes(map_grid(m), index=True)


def comparison_frame(c: MapComparisonData) -> pd.DataFrame:
    frame = c.to_frame().rename(columns={"left": c.left_label, "right": c.right_label})
    return frame


def comparison_csv(c: MapComparisonData) -> bytes:
    return csv_bytes(comparison_frame(c))
