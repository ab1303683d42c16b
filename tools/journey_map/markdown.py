"""A journey map in Markdown, for a terminal, a chat message or a .md file, and two maps side
by side. `grid="pipe"` gives a Markdown table with the stages as columns; "aligned" a plain
table that keeps its columns in a terminal and in Slack. The cells' lines come from tables.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from tools.analytics.named_rates import GO_ON_RATE
from tools.core.text import count, counted, duration, pct, text_table
from tools.journey_map.tables import (
    emotion_lines,
    entered_text,
    kpi_lines,
    map_grid,
    next_lines,
    quote_text,
    score,
    touchpoint_lines,
)
from tools.journey_map.types import JourneyMapData, MapComparisonData

Grid = Literal["pipe", "aligned"]


def _heading(m: JourneyMapData) -> list[str]:
    against = f", against {m.previous_label}" if m.previous_label else ""
    return [f"# Journey map: {m.who}", "",
            f"{m.period_label}{against}. {entered_text(m)}."]


def summary_rows(m: JourneyMapData) -> list[list[str]]:
    rows = []
    nf = m.numbers  # one locale per answer: the KPIs' (1.234 and 12,5% for a Brazilian shop)
    for col in m.stages:
        t = col.to_next
        e = col.emotion
        rows.append([
            col.stage, col.health.upper(), count(col.customers, nf),
            pct(t.rate, numbers=nf) if t else "-", duration(t.median_days, nf) if t else "-",
            score(e.mean, nf) if e is not None and e.mean is not None else "-",
            str(len(col.pain_points)),
        ])
    return rows


SUMMARY_HEADER = ["stage", "health", "customers", "go-on rate", "median time", "feeling", "pain points"]


def _pipe(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    out = ["| " + " | ".join(cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return out


def map_markdown(m: JourneyMapData, grid: Grid = "pipe", details: bool = True) -> str:
    """The map for a terminal, a chat message or a .md file. `grid="pipe"` gives a Markdown
    table with the stages as columns; "aligned" a plain table that keeps its columns in a
    terminal and in Slack."""
    lines = _heading(m) + [""]
    if grid == "pipe":
        g = map_grid(m)
        keep = ["Health", "Customers", "On to the next stage", "Touchpoints", "Emotion", "KPIs"]
        lines += _pipe(["", *g.columns], [[r, *g.loc[r]] for r in keep])
    else:
        lines += ["```", *text_table(SUMMARY_HEADER, summary_rows(m), align="llrrrrr"), "```"]
    window = m.sources["funnel"].params.get("window_days", 30) if "funnel" in m.sources else 30
    lines.append(GO_ON_RATE.said(window=window) + ".")
    lines += ["", "## Opportunities", ""]
    if m.opportunities:
        lines += [f"{i}. [{o.severity}] {o.stage}: {o.shown}" for i, o in enumerate(m.opportunities, 1)]
    else:
        lines.append("Nothing stands out against the period before.")
    nf = m.numbers
    for col in m.stages:
        lines += ["", f"## {col.stage.capitalize()}: {col.health}", ""]
        for f in col.findings:
            lines.append(f"- {f.text}")
        if col.why_grey:
            lines.append(f"- Not judged: {col.why_grey}")
        lines.append("- Go-on rate: " + "; ".join(next_lines(col, nf)))
        lines.append("- Touchpoints: " + ("; ".join(touchpoint_lines(col, 6, nf)) or "none"))
        lines.append("- Emotion: " + "; ".join(emotion_lines(col, nf)))
        if col.pain_points:
            lines.append("- Pain points (customer words, redacted):")
            for p in col.pain_points:
                change = f", {p.change_text()}" if p.change_text() else ""
                lines.append(f"  - {p.label} ({counted(p.size, 'text', nf)}{change})")
                if p.quote is not None:
                    lines.append(f'    > "{quote_text(p.quote.text)}" ({p.quote.citation()})')
        lines.append("- KPIs: " + ("; ".join(kpi_lines(col, m.numbers)) or "none"))
    lines += ["", m.provenance.to_text(details)]
    return "\n".join(lines)


def comparison_markdown(c: MapComparisonData, grid: Grid = "pipe", details: bool = True) -> str:
    """Both maps' summaries and every notable difference."""
    lines = [f"# Journey maps side by side: {c.left_label} vs {c.right_label}", ""]
    header = ["stage", "health", "customers", "go-on rate", "feeling"]
    rows = []
    for a, b in zip(c.left.stages, c.right.stages, strict=True):
        ea = a.emotion.mean if a.emotion and a.emotion.mean is not None else None
        eb = b.emotion.mean if b.emotion and b.emotion.mean is not None else None
        rows.append([
            a.stage, f"{a.health} | {b.health}", f"{count(a.customers)} | {count(b.customers)}",
            f"{pct(a.to_next.rate) if a.to_next else '-'} | {pct(b.to_next.rate) if b.to_next else '-'}",
            f"{'-' if ea is None else f'{ea:+.2f}'} | {'-' if eb is None else f'{eb:+.2f}'}",
        ])
    lines.append(f"Each cell: {c.left_label} | {c.right_label}.")
    lines.append("")
    if grid == "pipe":
        lines += _pipe(header, rows)
    else:
        lines += ["```", *text_table(header, rows, align="lllll"), "```"]
    lines += ["", "## Notable differences", ""]
    notable = c.notable
    if notable:
        for d in notable:
            change = f" ({d.change})" if d.change else ""
            lines.append(f"- {d.stage}, {d.item}: {d.left} against {d.right}{change}, {d.verdict}")
    else:
        lines.append("No difference past the thresholds (5 points of conversion, 0.15 of sentiment, "
                     "10% of a KPI).")
    for label, m in ((c.left_label, c.left), (c.right_label, c.right)):
        lines += ["", f"## Opportunities, {label}", ""]
        lines += [f"{i}. [{o.severity}] {o.stage}: {o.shown}" for i, o in enumerate(m.opportunities, 1)] or ["none"]
    lines += ["", c.provenance.to_text(details)]
    return "\n".join(lines)
