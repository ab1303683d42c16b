"""A journey map as a picture (PNG), a spreadsheet (XLSX, CSV) and Markdown.

All renderings read the same JourneyMap and show the same numbers. The picture has the shape
people draw by hand: the stages as columns with a red/amber/green header, the touchpoints and
what customers do under each, an emotion line across the stages, pain points as callouts with
a customer's words, and the stage KPIs. The spreadsheet has the stages as columns and one row
per layer (touchpoints, actions, emotions, pain points, KPIs, opportunities), because that is
how owners keep a journey map.

Drawing uses matplotlib's object API on the Agg canvas, like tools/charts/journey.py (whose colours it
shares), so maps can be drawn on several threads at once.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from tools.analytics.kpi_catalog import SPECS, format_change, format_value
from tools.charts.journey import BAD, BAR, GOOD, MUTED, _png
from tools.core.stages import STAGES
from tools.core.text import count, duration, pct, text_table

if TYPE_CHECKING:
    from tools.journey_map.build import JourneyMap, MapComparison, StageColumn

AMBER = "#e0a106"
GREY = "#b8bcc4"
HEALTH_COLOURS = {"red": BAD, "amber": AMBER, "green": GOOD, "grey": GREY}
HEALTH_FILLS = {"red": "F4CCCC", "amber": "FCE8B2", "green": "D9EAD3", "grey": "EEEEEE"}
VERDICT_FILLS = {"worse": "F4CCCC", "better": "D9EAD3"}
Grid = Literal["pipe", "aligned"]

GRID_ROWS = ("Health", "Customers", "On to the next stage", "Touchpoints", "What customers do",
             "Emotion", "Pain points", "KPIs", "Opportunities")


# -- cells shared by the spreadsheet, the CSV and the picture ---------------------------------


def _touchpoint_lines(col: StageColumn, top: int | None = None) -> list[str]:
    shown = col.touchpoints[:top] if top else col.touchpoints
    lines = [f"{t.touchpoint}: {t.customers:,} customers{'' if t.online else ' (offline)'}" for t in shown]
    hidden = len(col.touchpoints) - len(shown)
    if hidden > 0:
        lines.append(f"+{hidden} more")
    return lines


def _action_lines(col: StageColumn, top: int | None = None) -> list[str]:
    shown = col.touchpoints[:top] if top else col.touchpoints
    return [t.action[:1].upper() + t.action[1:] for t in shown]


def _next_lines(col: StageColumn) -> list[str]:
    t = col.to_next
    if t is None:
        return ["-"]
    lines = [f"{pct(t.rate)} go on to {t.to_stage} ({t.reached:,} of {t.of:,})"]
    if t.still_open:
        lines.append("so far: some may still go on")
    elif t.rate_before is not None:
        lines.append(f"was {pct(t.rate_before)} the period before")
    lines.append(f"median time {duration(t.median_days)}")
    return lines


def _emotion_lines(col: StageColumn) -> list[str]:
    e = col.emotion
    if e is None or e.mean is None:
        return ["no feedback"]
    lines = [f"mean sentiment {e.mean:+.2f} ({e.scored:,} texts)"]
    if e.change is not None:
        arrow = "up" if e.change > 0 else "down" if e.change < 0 else "flat"
        lines.append(f"{arrow} {e.change:+.2f} (was {e.previous:+.2f})")
    return lines


def _pain_lines(col: StageColumn) -> list[str]:
    lines = []
    for p in col.pain_points:
        change = f", {p.change_text()}" if p.change_text() else ""
        lines.append(f"{p.label} ({p.size:,} texts{change})")
        if p.quote is not None:
            lines.append(f'  "{quote_text(p.quote.text)}" ({p.quote.citation()})')
    return lines or ["none found"]


def _kpi_lines(col: StageColumn, currency: str) -> list[str]:
    lines = []
    for k in col.kpis:
        s = SPECS[k.metric]
        line = f"{k.label}: {format_value(s, k.value, currency)}"
        if k.previous is not None:
            line += f" (was {format_value(s, k.previous, currency)}"
            line += f", {k.assessment})" if k.assessment in ("better", "worse") else ")"
        if k.small_sample:
            line += " small sample"
        lines.append(line)
    return lines


def _opportunity_lines(m: JourneyMap, stage: str) -> list[str]:
    return [o.shown for o in m.opportunities if o.stage == stage]


def map_grid(m: JourneyMap) -> pd.DataFrame:
    """Stages as columns, one row per layer of the map; cells hold lines separated by newlines."""
    rows: dict[str, list[str]] = {r: [] for r in GRID_ROWS}
    for col in m.stages:
        rows["Health"].append(col.health)
        rows["Customers"].append(f"{col.customers:,} reached this stage\n{col.active:,} active here in the period"
                                 + (f"\n{pct(col.online_share, 0)} of events online" if col.online_share is not None else ""))
        rows["On to the next stage"].append("\n".join(_next_lines(col)))
        rows["Touchpoints"].append("\n".join(_touchpoint_lines(col)) or "-")
        rows["What customers do"].append("\n".join(_action_lines(col)) or "-")
        rows["Emotion"].append("\n".join(_emotion_lines(col)))
        rows["Pain points"].append("\n".join(_pain_lines(col)))
        rows["KPIs"].append("\n".join(_kpi_lines(col, m.currency)))
        rows["Opportunities"].append("\n".join(_opportunity_lines(m, col.stage)) or "-")
    frame = pd.DataFrame(rows, index=[c.stage for c in m.stages]).T
    frame.index.name = "layer"
    return frame


def map_numbers(m: JourneyMap) -> pd.DataFrame:
    """Every number of the map as one long table: stage, layer, item, value, previous, n, detail."""
    recs: list[dict[str, object]] = []

    def add(stage: str, layer: str, item: str, value: float | None = None, previous: float | None = None,
            n: int | None = None, detail: str = "") -> None:
        recs.append({"stage": stage, "layer": layer, "item": item, "value": value, "previous": previous,
                     "n": n, "detail": detail})

    for col in m.stages:
        s = col.stage
        add(s, "health", col.health, detail="; ".join(f.text for f in col.findings))
        add(s, "funnel", "customers reaching the stage", col.customers)
        add(s, "events", "active customers", col.active, n=col.events)
        if col.to_next is not None:
            t = col.to_next
            add(s, "funnel", f"conversion to {t.to_stage}", t.rate, t.rate_before, t.of)
            add(s, "funnel", f"median days to {t.to_stage}", t.median_days, n=t.reached)
        for tp in col.touchpoints:
            add(s, "touchpoint", tp.touchpoint, tp.customers, n=tp.events,
                detail=("online" if tp.online else "offline") + f"; {tp.action}")
        if col.emotion is not None:
            e = col.emotion
            add(s, "emotion", "mean sentiment", e.mean, e.previous, e.scored)
        for p in col.pain_points:
            add(s, "pain point", p.label, p.size, p.previous, detail=p.quote.id if p.quote else "")
        for k in col.kpis:
            add(s, "kpi", k.metric, k.value, k.previous, k.n, k.assessment or "")
    for o in m.opportunities:
        add(o.stage, "opportunity", o.rule, detail=o.shown)
    frame = pd.DataFrame(recs, columns=["stage", "layer", "item", "value", "previous", "n", "detail"])
    frame["n"] = frame["n"].astype("Int64")
    return frame


def map_csv(m: JourneyMap) -> bytes:
    """The grid (stages as columns) as CSV, UTF-8 with a byte-order mark so spreadsheet
    programs read the accents and arrows right."""
    return map_grid(m).to_csv().encode("utf-8-sig")


# -- Markdown ---------------------------------------------------------------------------------


def _heading(m: JourneyMap) -> list[str]:
    against = f", against {m.previous_label}" if m.previous_label else ""
    return [f"# Journey map: {m.who}", "",
            f"{m.period_label}{against}. {m.entered:,} customers entered the journey at awareness."]


def _summary_rows(m: JourneyMap) -> list[list[str]]:
    rows = []
    for col in m.stages:
        t = col.to_next
        e = col.emotion
        rows.append([
            col.stage, col.health.upper(), count(col.customers),
            pct(t.rate) if t else "-", duration(t.median_days) if t else "-",
            f"{e.mean:+.2f}" if e is not None and e.mean is not None else "-",
            str(len(col.pain_points)),
        ])
    return rows


SUMMARY_HEADER = ["stage", "health", "customers", "on to next", "median time", "emotion", "pain points"]


def _pipe(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    out = ["| " + " | ".join(cell(h) for h in header) + " |",
           "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return out


def map_markdown(m: JourneyMap, grid: Grid = "pipe") -> str:
    """The map for a terminal, a chat message or a .md file. `grid="pipe"` gives a Markdown
    table with the stages as columns; "aligned" a plain table that keeps its columns in a
    terminal and in Slack."""
    lines = _heading(m) + [""]
    if grid == "pipe":
        g = map_grid(m)
        keep = ["Health", "Customers", "On to the next stage", "Touchpoints", "Emotion", "KPIs"]
        lines += _pipe(["", *g.columns], [[r, *g.loc[r]] for r in keep])
    else:
        lines += ["```", *text_table(SUMMARY_HEADER, _summary_rows(m), align="llrrrrr"), "```"]
    lines += ["", "## Opportunities", ""]
    if m.opportunities:
        lines += [f"{i}. [{o.severity}] {o.stage}: {o.shown}" for i, o in enumerate(m.opportunities, 1)]
    else:
        lines.append("Nothing stands out against the period before.")
    for col in m.stages:
        lines += ["", f"## {col.stage.capitalize()}: {col.health}", ""]
        for f in col.findings:
            lines.append(f"- {f.text}")
        lines.append("- Next: " + "; ".join(_next_lines(col)))
        lines.append("- Touchpoints: " + ("; ".join(_touchpoint_lines(col, 6)) or "none"))
        lines.append("- Emotion: " + "; ".join(_emotion_lines(col)))
        if col.pain_points:
            lines.append("- Pain points (customer words, redacted):")
            for p in col.pain_points:
                change = f", {p.change_text()}" if p.change_text() else ""
                lines.append(f"  - {p.label} ({p.size:,} texts{change})")
                if p.quote is not None:
                    lines.append(f'    > "{quote_text(p.quote.text)}" ({p.quote.citation()})')
        lines.append("- KPIs: " + ("; ".join(_kpi_lines(col, m.currency)) or "none"))
    lines += ["", m.provenance.to_text()]
    return "\n".join(lines)


def quote_text(text: str) -> str:
    """A customer's words on one line, whole up to 400 characters: the agent fences exactly
    this as customer text before a model reads it."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= 400 else flat[:397].rstrip() + "..."


def _one_line(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def comparison_markdown(c: MapComparison, grid: Grid = "pipe") -> str:
    """Both maps' summaries and every notable difference."""
    lines = [f"# Journey maps side by side: {c.left_label} vs {c.right_label}", ""]
    header = ["stage", "health", "customers", "on to next", "emotion"]
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
    lines += ["", c.provenance.to_text()]
    return "\n".join(lines)


# -- spreadsheet ------------------------------------------------------------------------------


def _sheet_grid(ws, title: str, subtitle: str, grid: pd.DataFrame, health: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Font, PatternFill

    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = subtitle
    ws.column_dimensions["A"].width = 22
    top = Alignment(wrap_text=True, vertical="top")
    for j, stage in enumerate(grid.columns, start=2):
        cell = ws.cell(row=4, column=j, value=stage)
        cell.font = Font(bold=True, size=12)
        cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(health[j - 2], "FFFFFF"))
        ws.column_dimensions[cell.column_letter].width = 42
    for i, layer in enumerate(grid.index, start=5):
        label = ws.cell(row=i, column=1, value=layer)
        label.font = Font(bold=True)
        label.alignment = top
        lines = 1
        for j, stage in enumerate(grid.columns, start=2):
            text = str(grid.loc[layer, stage])
            cell = ws.cell(row=i, column=j, value=text)
            cell.alignment = top
            if layer == "Health":
                cell.fill = PatternFill("solid", fgColor=HEALTH_FILLS.get(text, "FFFFFF"))
            lines = max(lines, sum(max(1, math.ceil(len(part) / 40)) for part in text.split("\n")))
        ws.row_dimensions[i].height = min(15 * lines + 4, 409)
    ws.freeze_panes = "B5"


def _sheet_table(ws, frame: pd.DataFrame, fills: Sequence[str | None] | None = None) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font, PatternFill

    for j, name in enumerate(frame.columns, start=1):
        ws.cell(row=1, column=j, value=str(name)).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width = 18 if j > 1 else 16
    for i, row in enumerate(frame.itertuples(index=False), start=2):  # a few hundred cells
        for j, value in enumerate(row, start=1):
            ws.cell(row=i, column=j, value=_cell(value))
        fill = fills[i - 2] if fills else None
        if fill:
            for j in range(1, len(frame.columns) + 1):
                ws.cell(row=i, column=j).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"


def _cell(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value


def _subtitle(m: JourneyMap) -> str:
    against = f"; against {m.previous_label}" if m.previous_label else ""
    return f"{m.period_label}{against}; {m.entered:,} customers entered at awareness"


def map_xlsx(m: JourneyMap) -> bytes:
    """Sheets: "Journey map" (stages as columns, a row per layer, health colours), "Numbers"
    (every number, one per row) and "How" (where each number comes from)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Journey map"
    _sheet_grid(ws, f"Journey map: {m.who}", _subtitle(m), map_grid(m), [c.health for c in m.stages])
    _sheet_table(wb.create_sheet("Numbers"), map_numbers(m))
    _sheet_table(wb.create_sheet("How"), _how(m))
    return _save(wb)


def _how(m: JourneyMap) -> pd.DataFrame:
    rows = [{"source": "journey_map", "what": m.provenance.definition, "period": m.provenance.period_label or ""}]
    rows += [{"source": k, "what": p.definition, "period": p.period_label or ""} for k, p in m.sources.items()]
    rows += [{"source": "note", "what": n, "period": ""} for n in m.provenance.notes]
    return pd.DataFrame(rows, columns=["source", "what", "period"])


def _save(wb) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def comparison_frame(c: MapComparison) -> pd.DataFrame:
    frame = c.to_frame().rename(columns={"left": c.left_label, "right": c.right_label})
    return frame


def comparison_xlsx(c: MapComparison) -> bytes:
    """Sheets: "Differences" (every item of both maps, notable ones filled red when worse and
    green when better on the left), then each map's grid."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Differences"
    fills = [VERDICT_FILLS.get(d.verdict, "FCE8B2") if d.notable else None for d in c.differences]
    _sheet_table(ws, comparison_frame(c), fills)
    for name, m in (("Left map", c.left), ("Right map", c.right)):
        _sheet_grid(wb.create_sheet(name), f"Journey map: {m.who}", _subtitle(m), map_grid(m),
                    [col.health for col in m.stages])
    return _save(wb)


def comparison_csv(c: MapComparison) -> bytes:
    return comparison_frame(c).to_csv(index=False).encode("utf-8-sig")


# -- the picture ------------------------------------------------------------------------------

FIG_W, FIG_H, FIG_DPI = 16.0, 11.0, 100
LEFT = 0.085  # room for the row labels
COL_W = (1.0 - LEFT - 0.01) / len(STAGES)
WRAP = 36  # characters per line in a column


class _Canvas:
    """The map's grid in figure coordinates (0..1), top to bottom."""

    def __init__(self, title: str, subtitle: str):
        self.fig = Figure(figsize=(FIG_W, FIG_H), dpi=FIG_DPI)
        FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, 1)
        self.ax.set_ylim(0, 1)
        self.ax.axis("off")
        self.ax.text(0.01, 0.975, title, fontsize=17, weight="bold", va="center")
        self.ax.text(0.01, 0.948, subtitle, fontsize=10, color="#444444", va="center")

    @staticmethod
    def x0(i: int) -> float:
        return LEFT + i * COL_W

    def label(self, y: float, text: str) -> None:
        self.ax.text(0.01, y, text, fontsize=10, weight="bold", color="#333333", va="top")

    def header(self, i: int, name: str, colours: Sequence[str], caption: str) -> None:
        x = self.x0(i) + 0.004
        w = COL_W - 0.008
        self.ax.add_patch(FancyBboxPatch((x, 0.885), w, 0.048, boxstyle="round,pad=0.002,rounding_size=0.006",
                                         facecolor=colours[0], edgecolor="white", linewidth=1))
        if len(colours) > 1:  # two maps: the right half in the second map's colour
            self.ax.add_patch(Rectangle((x + w / 2, 0.885), w / 2, 0.048, facecolor=colours[1],
                                        edgecolor="white", linewidth=1))
        self.ax.text(x + w / 2, 0.915, name, ha="center", va="center", fontsize=13, weight="bold", color="white")
        self.ax.text(x + w / 2, 0.895, caption, ha="center", va="center", fontsize=8.5, color="white")

    def lines(self, i: int, y: float, lines: Sequence[str], *, size: float = 8.5, colours: Sequence[str] | None = None,
              max_lines: int = 6, step: float = 0.0155) -> float:
        """Wrapped lines from y down; returns the y below the last line."""
        x = self.x0(i) + 0.006
        out: list[tuple[str, str]] = []
        for k, line in enumerate(lines):
            colour = colours[k] if colours else "#222222"
            for part in textwrap.wrap(line, WRAP, subsequent_indent="  ") or [""]:
                out.append((part, colour))
        if len(out) > max_lines:
            out = out[: max_lines - 1] + [("…", "#222222")]
        for part, colour in out:
            self.ax.text(x, y, part, fontsize=size, va="top", color=colour)
            y -= step
        return y

    def callout(self, i: int, y_top: float, height: float, title: str, body: str, edge: str) -> None:
        x = self.x0(i) + 0.006
        w = COL_W - 0.012
        self.ax.add_patch(FancyBboxPatch((x, y_top - height), w, height,
                                         boxstyle="round,pad=0.003,rounding_size=0.008",
                                         facecolor="#fff8f0", edgecolor=edge, linewidth=1.2))
        wrapped = textwrap.wrap(title, WRAP - 2)[:2]
        yy = y_top - 0.008
        for part in wrapped:
            self.ax.text(x + 0.004, yy, part, fontsize=8.5, weight="bold", va="top", color="#222222")
            yy -= 0.0155
        for part in textwrap.wrap(body, WRAP - 4)[: max(0, int((height - 0.012) / 0.0145) - len(wrapped))]:
            self.ax.text(x + 0.004, yy, part, fontsize=8, style="italic", va="top", color="#444444")
            yy -= 0.0145

    def emotion(self, series: Sequence[tuple[Sequence[float | None], str, str, str]], y: float, h: float) -> None:
        """Lines of mean sentiment across the stage columns: (values, colour, style, label)."""
        ax = self.fig.add_axes((LEFT, y, COL_W * len(STAGES), h))
        ax.set_xlim(-0.5, len(STAGES) - 0.5)
        ax.set_ylim(-1.05, 1.05)
        ax.axhline(0, color=MUTED, linewidth=0.8)
        ax.axhspan(-1.05, 0, color="#fbeaea", zorder=0)
        ax.set_xticks([])
        ax.set_yticks([-1, 0, 1], ["-1", "0", "+1"], fontsize=8)
        for side in ("top", "right", "bottom"):
            ax.spines[side].set_visible(False)
        drawn = False
        for values, colour, style, label in series:
            xs = [k for k, v in enumerate(values) if v is not None]
            ys = [float(v) for v in values if v is not None]  # type: ignore[arg-type]
            if not xs:
                continue
            drawn = True
            ax.plot(xs, ys, color=colour, linestyle=style, linewidth=2, marker="o", markersize=6, label=label)
            if style == "-":
                for xv, yv in zip(xs, ys, strict=True):
                    ax.annotate(f"{yv:+.2f}", (xv, yv), textcoords="offset points", xytext=(0, 8),
                                ha="center", fontsize=8.5, color=GOOD if yv >= 0 else BAD)
        if not drawn:
            ax.text(len(STAGES) / 2 - 0.5, 0, "no customer feedback to show how customers feel",
                    ha="center", va="center", fontsize=10, color=MUTED)
        elif len(series) > 1:
            ax.legend(loc="lower left", fontsize=8, frameon=False, ncol=len(series))

    def footer(self, title: str, lines: Sequence[str]) -> None:
        y = 0.098
        self.ax.text(0.01, y, title, fontsize=10, weight="bold", color="#333333", va="top")
        y -= 0.018
        for line in lines:
            parts = textwrap.wrap(line, 215)
            if len(parts) > 2:
                parts = parts[:1] + [parts[1][:-1] + "…"]
            for part in parts:
                if y < 0.006:
                    return
                self.ax.text(0.01, y, part, fontsize=8.5, va="top", color="#222222")
                y -= 0.0155

    def png(self) -> bytes:
        return _png(self.fig)


def _health_caption(col: StageColumn) -> str:
    return f"{col.health.upper()} · {col.customers:,} customers"


def _next_short(col: StageColumn) -> list[str]:
    t = col.to_next
    if t is None:
        return ["end of the journey"]
    lines = [f"{pct(t.rate)} go on ({t.reached:,} of {t.of:,})"]
    if t.still_open:
        lines.append("so far (window still open)")
    elif t.rate_before is not None:
        lines.append(f"was {pct(t.rate_before)}")
    lines.append(f"median {duration(t.median_days)}")
    return lines


def map_png(m: JourneyMap) -> bytes:
    """The map as a picture (about 1600 x 1100 pixels)."""
    cv = _Canvas(f"Journey map: {m.who}", _subtitle(m))
    for i, col in enumerate(m.stages):
        cv.header(i, col.stage, [HEALTH_COLOURS[col.health]], _health_caption(col))
        cv.lines(i, 0.872, _next_short(col), max_lines=3)
        cv.lines(i, 0.80, _touchpoint_lines(col, 4), max_lines=5)
        cv.lines(i, 0.715, _action_lines(col, 2), max_lines=3, colours=["#555555"] * 2)
    for y, text in ((0.872, "Next stage"), (0.80, "Touchpoints"), (0.715, "Doing"),
                    (0.60, "Feeling"), (0.455, "Pain points"), (0.245, "KPIs")):
        cv.label(y, text)
    cv.emotion([([c.emotion.mean if c.emotion else None for c in m.stages], BAR, "-", "this period"),
                ([c.emotion.previous if c.emotion else None for c in m.stages], MUTED, "--", "period before")],
               0.48, 0.16)
    for i, col in enumerate(m.stages):
        _pain_callouts(cv, i, col)
        _kpi_cells(cv, i, col, m.currency)
    cv.footer("Opportunities", [f"{k}. [{o.severity}] {o.stage}: {o.shown}" for k, o in enumerate(m.opportunities, 1)])
    return cv.png()


def _pain_callouts(cv: _Canvas, i: int, col: StageColumn) -> None:
    if not col.pain_points:
        cv.lines(i, 0.455, ["no complaint theme"], colours=[MUTED])
        return
    y = 0.455
    for p in col.pain_points[:2]:
        change = f", {p.change_text()}" if p.change_text() else ""
        body = f'"{_one_line(p.quote.text, 160)}"' if p.quote else ""
        cv.callout(i, y, 0.09, f"{p.label} ({p.size} texts{change})", body,
                   BAD if p.trend in ("new", "rising") else AMBER)
        y -= 0.098


def _kpi_cells(cv: _Canvas, i: int, col: StageColumn, currency: str) -> None:
    lines, colours = [], []
    for k in col.kpis:
        s = SPECS[k.metric]
        line = f"{k.label}: {format_value(s, k.value, currency)}"
        if k.change is not None:
            line += f" ({format_change(s, k.change, currency)})"
        lines.append(line)
        colours.append(BAD if k.assessment == "worse" else GOOD if k.assessment == "better" else "#222222")
    cv.lines(i, 0.245, lines or ["-"], colours=colours or None, max_lines=8)


def comparison_png(c: MapComparison) -> bytes:
    """Two maps in one picture: each stage's header split in the two healths, both values in
    every cell, differences past the thresholds in colour (red: the left is worse)."""
    cv = _Canvas(f"Journey maps: {c.left_label} vs {c.right_label}",
                 f"Each cell: {c.left_label} | {c.right_label}. Red: worse on the left, green: better.")
    by = {(d.stage, d.item): d for d in c.differences}
    for i, (a, b) in enumerate(zip(c.left.stages, c.right.stages, strict=True)):
        cv.header(i, a.stage, [HEALTH_COLOURS[a.health], HEALTH_COLOURS[b.health]],
                  f"{a.customers:,} | {b.customers:,} customers")
        conv = [d for d in c.differences if d.stage == a.stage and d.item.startswith("conversion to")]
        kpis = [d for d in c.differences if d.stage == a.stage and d.item in {k.label for k in a.kpis}]
        cv.lines(i, 0.872, [f"{d.item}: {d.left} | {d.right}" for d in conv] or ["end of the journey"],
                 colours=[_verdict_colour(d) for d in conv] or None, max_lines=3)
        cv.lines(i, 0.80, _touchpoint_lines(a, 3), max_lines=4)
        cv.lines(i, 0.245, [f"{d.item}: {d.left} | {d.right}" for d in kpis] or ["-"],
                 colours=[_verdict_colour(d) for d in kpis] or None, max_lines=8)
        top_a = a.pain_points[0] if a.pain_points else None
        top_b = b.pain_points[0] if b.pain_points else None
        y = 0.455
        for label, p in (("left", top_a), ("right", top_b)):
            if p is None:
                cv.lines(i, y, [f"{label}: no complaint theme"], colours=[MUTED])
                y -= 0.098
                continue
            body = f'"{_one_line(p.quote.text, 140)}"' if p.quote else ""
            cv.callout(i, y, 0.09, f"{label}: {p.label} ({p.size} texts)", body, BAD if label == "left" else MUTED)
            y -= 0.098
        emo = by.get((a.stage, "emotion"))
        if emo is not None and emo.notable:
            cv.lines(i, 0.66, [f"feeling {emo.left} | {emo.right}"], colours=[_verdict_colour(emo)], max_lines=1)
    for y, text in ((0.872, "Next stage"), (0.80, "Touchpoints"), (0.60, "Feeling"),
                    (0.455, "Top pain point"), (0.245, "KPIs")):
        cv.label(y, text)
    cv.emotion([([s.emotion.mean if s.emotion else None for s in c.left.stages], BAR, "-", c.left_label),
                ([s.emotion.mean if s.emotion else None for s in c.right.stages], MUTED, "--", c.right_label)],
               0.48, 0.16)
    notable = [f"{d.stage}, {d.item}: {d.left} | {d.right} ({d.verdict})" for d in c.notable]
    cv.footer("Notable differences", notable or ["No difference past the thresholds."])
    return cv.png()


def _verdict_colour(d: object) -> str:
    notable = getattr(d, "notable", False)
    verdict = getattr(d, "verdict", "")
    if not notable:
        return "#222222"
    return BAD if verdict == "worse" else GOOD if verdict == "better" else AMBER


# -- files ------------------------------------------------------------------------------------

FORMATS = ("png", "xlsx", "csv", "md")


def render_file(result: object, fmt: str) -> bytes:
    """A map, a comparison or a stage detail as the bytes of a .png, .xlsx, .csv or .md file."""
    from tools.core.errors import ToolInputError
    from tools.journey_map.build import JourneyMap, MapComparison
    from tools.journey_map.stage import StageDetail

    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ToolInputError(f"Unknown file type {fmt!r}; a journey map is written as {', '.join(FORMATS)}")
    if isinstance(result, JourneyMap):
        return {"png": map_png, "xlsx": map_xlsx, "csv": map_csv,
                "md": lambda m: map_markdown(m).encode("utf-8")}[fmt](result)
    if isinstance(result, MapComparison):
        return {"png": comparison_png, "xlsx": comparison_xlsx, "csv": comparison_csv,
                "md": lambda c: comparison_markdown(c).encode("utf-8")}[fmt](result)
    if isinstance(result, StageDetail):
        if fmt == "md":
            return result.to_text().encode("utf-8")
        if fmt == "csv":
            return result.kpi_weeks.to_csv(index=False).encode("utf-8-sig")
        raise ToolInputError("One stage in detail is written as .md or .csv; draw the whole map for .png or .xlsx")
    raise ToolInputError(f"Cannot write a {type(result).__name__} as a journey map file")
