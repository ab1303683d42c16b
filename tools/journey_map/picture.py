"""A journey map as a picture (PNG), in the shape people draw by hand: the stages as columns
with a red/amber/green header, the touchpoints and what customers do under each, an emotion
line across the stages, pain points as callouts with a customer's words, and the stage KPIs;
two maps side by side in one picture with the differences in colour.

Drawing uses matplotlib's object API on the Agg canvas, like tools/charts/journey.py (whose
colours it shares), so maps can be drawn on several threads at once. `_Canvas` is the grid of
the picture; `map_png` and `comparison_png` fill it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from tools.analytics.kpi_catalog import SPECS, Money, format_change, format_value
from tools.charts.journey import BAD, BAR, GOOD, MUTED, _png
from tools.core.stages import STAGES
from tools.core.text import duration, pct
from tools.journey_map.tables import action_lines, map_subtitle, touchpoint_lines
from tools.journey_map.types import JourneyMapData, MapComparisonData, StageColumn

AMBER = "#e0a106"
GREY = "#b8bcc4"
HEALTH_COLOURS = {"red": BAD, "amber": AMBER, "green": GOOD, "grey": GREY}

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


def map_png(m: JourneyMapData) -> bytes:
    """The map as a picture (about 1600 x 1100 pixels)."""
    cv = _Canvas(f"Journey map: {m.who}", map_subtitle(m))
    for i, col in enumerate(m.stages):
        cv.header(i, col.stage, [HEALTH_COLOURS[col.health]], _health_caption(col))
        cv.lines(i, 0.872, _next_short(col), max_lines=3)
        cv.lines(i, 0.80, touchpoint_lines(col, 4), max_lines=5)
        cv.lines(i, 0.715, action_lines(col, 2), max_lines=3, colours=["#555555"] * 2)
    for y, text in ((0.872, "Next stage"), (0.80, "Touchpoints"), (0.715, "Doing"),
                    (0.60, "Feeling"), (0.455, "Pain points"), (0.245, "KPIs")):
        cv.label(y, text)
    cv.emotion([([c.emotion.mean if c.emotion else None for c in m.stages], BAR, "-", "this period"),
                ([c.emotion.previous if c.emotion else None for c in m.stages], MUTED, "--", "period before")],
               0.48, 0.16)
    for i, col in enumerate(m.stages):
        _pain_callouts(cv, i, col)
        _kpi_cells(cv, i, col, m.numbers)
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


def _kpi_cells(cv: _Canvas, i: int, col: StageColumn, currency: Money) -> None:
    lines, colours = [], []
    for k in col.kpis:
        s = SPECS[k.metric]
        line = f"{k.label}: {format_value(s, k.value, currency)}"
        if k.change is not None:
            line += f" ({format_change(s, k.change, currency)})"
        lines.append(line)
        colours.append(BAD if k.assessment == "worse" else GOOD if k.assessment == "better" else "#222222")
    cv.lines(i, 0.245, lines or ["-"], colours=colours or None, max_lines=8)


def comparison_png(c: MapComparisonData) -> bytes:
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
        cv.lines(i, 0.80, touchpoint_lines(a, 3), max_lines=4)
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


def _one_line(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
