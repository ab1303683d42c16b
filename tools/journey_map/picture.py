"""A journey map as a picture (PNG), in the shape people draw by hand: the stages as columns
with a red/amber/green header, the touchpoints and what customers do under each, a feeling
line across the stages, pain points as callouts with a customer's words, the stage KPIs and
the opportunities; two maps side by side in one picture with the differences marked.

The picture is laid out from the top in inches and is as tall as its content, so nothing is
cut at the bottom: each row is as high as its fullest cell. Text is wrapped to its column;
anything shortened ends in an ellipsis. Nothing rests on colour alone: every health has its
word, every KPI change says better or worse, every pain point its trend.

Drawing uses matplotlib's object API on the Agg canvas, like tools/charts/, so maps can be
drawn on several threads at once.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from tools.analytics.kpi_catalog import SPECS, Money, format_change, format_value
from tools.charts.base import BAD, BAR, GOOD, MUTED, png
from tools.core.money import NumberFormat
from tools.core.stages import STAGES
from tools.core.text import count, counted, duration, pct
from tools.journey_map.tables import action_lines, map_subtitle, touchpoint_lines
from tools.journey_map.types import JourneyMapData, MapComparisonData, StageColumn

AMBER = "#e0a106"
GREY = "#b8bcc4"
INK = "#222222"
HEALTH_COLOURS = {"red": BAD, "amber": AMBER, "green": GOOD, "grey": GREY}

FIG_W, FIG_DPI = 16.0, 100
LEFT = 1.35  # inches: room for the row labels
COL_W = (FIG_W - LEFT - 0.15) / len(STAGES)  # inches per stage column
LINE = 0.19  # inches per line of 8.5-point text
WRAP = 34  # characters per line in a column
WIDE_WRAP = 190  # characters per line across the page
HEADER_TOP, HEADER_H = 0.85, 0.62  # inches from the top
FEELING_H = 1.7
Op = Callable[[Axes, Figure, float], None]


def wrap(lines: Sequence[str], width: int = WRAP, limit: int | None = None, indent: str = "  ") -> list[str]:
    """Lines wrapped to the column, never breaking a word; past `limit` lines the last ends in …"""
    out: list[str] = []
    for line in lines:
        out += textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False) or [""]
    if limit is not None and len(out) > limit:
        out = out[:limit]
        out[-1] = out[-1][: width - 1].rstrip(" ,;.") + "…"
    return out


class _Sheet:
    """Draw calls collected top-down in inches; the figure is made at the end, as tall as the
    content. Row by row, `y` is the top of the next row."""

    def __init__(self, title: str, subtitle: str):
        self.ops: list[Op] = []
        self.text(0.15, 0.22, title, size=17, weight="bold", va="center")
        self.text(0.15, 0.55, subtitle, size=10, colour="#444444", va="center")
        self.y = HEADER_TOP

    @staticmethod
    def x0(i: int) -> float:
        return LEFT + i * COL_W

    def text(self, x: float, y: float, s: str, *, size: float = 8.5, colour: str = INK, va: str = "top",
             **kw: object) -> None:
        self.ops.append(lambda ax, fig, h: ax.text(x, y, s, fontsize=size, color=colour, va=va, **kw))

    def label(self, text: str, y: float | None = None) -> None:
        self.text(0.15, self.y if y is None else y, text, size=10, weight="bold", colour="#333333")

    def header(self, i: int, name: str, colours: Sequence[str], caption: str) -> None:
        x, w, y = self.x0(i) + 0.04, COL_W - 0.08, HEADER_TOP

        def draw(ax: Axes, fig: Figure, h: float) -> None:
            box = ax.add_patch(FancyBboxPatch((x, y), w, HEADER_H, boxstyle="round,pad=0.02,rounding_size=0.06",
                                              facecolor=colours[0], edgecolor="white", linewidth=1))
            if len(colours) > 1:  # two maps: the right half in the second map's colour, inside the box
                half = ax.add_patch(Rectangle((x + w / 2, y - 0.05), w / 2 + 0.05, HEADER_H + 0.1,
                                              facecolor=colours[1], edgecolor="none"))
                half.set_clip_path(box)
            ax.text(x + w / 2, y + 0.22, name, ha="center", va="center", fontsize=13, weight="bold", color="white")
            ax.text(x + w / 2, y + 0.47, caption, ha="center", va="center", fontsize=9, color="white")
        self.ops.append(draw)

    def cells(self, name: str, cells: Sequence[Sequence[tuple[str, str]]], gap: float = 0.14) -> None:
        """A row of wrapped (line, colour) cells under a bold row label; as high as the fullest."""
        self.label(name)
        for i, lines in enumerate(cells):
            for k, (line, colour) in enumerate(lines):
                self.text(self.x0(i) + 0.06, self.y + k * LINE, line, colour=colour)
        self.y += max((len(c) for c in cells), default=1) * LINE + gap

    def callouts(self, name: str, columns: Sequence[Sequence[tuple[str, list[str], str]]],
                 empty: str = "no complaint theme") -> None:
        """Per column, boxes of (bold title lines, italic body lines, edge colour), stacked."""
        self.label(name)
        tallest = 0.0
        for i, boxes in enumerate(columns):
            y = self.y
            if not boxes:
                self.text(self.x0(i) + 0.06, y, empty, colour=MUTED)
            for title, body, edge in boxes:
                heads = wrap([title], WRAP - 2, 3, indent="")
                height = (len(heads) + len(body)) * LINE + 0.14
                self._box(self.x0(i) + 0.06, y, COL_W - 0.12, height, edge, heads, body)
                y += height + 0.08
            tallest = max(tallest, y - self.y)
        self.y += max(tallest, LINE) + 0.08

    def _box(self, x: float, y: float, w: float, height: float, edge: str, heads: list[str], body: list[str]) -> None:
        def draw(ax: Axes, fig: Figure, h: float) -> None:
            ax.add_patch(FancyBboxPatch((x, y), w, height, boxstyle="round,pad=0.02,rounding_size=0.08",
                                        facecolor="#fff8f0", edgecolor=edge, linewidth=1.2))
            for k, part in enumerate(heads):
                ax.text(x + 0.06, y + 0.07 + k * LINE, part, fontsize=8.5, weight="bold", va="top", color=INK)
            for k, part in enumerate(body):
                ax.text(x + 0.06, y + 0.07 + (len(heads) + k) * LINE, part, fontsize=8, style="italic",
                        va="top", color="#444444")
        self.ops.append(draw)

    def feeling(self, series: Sequence[tuple[Sequence[float | None], Sequence[int], str, str, str]]) -> None:
        """Lines of mean sentiment across the stage columns: (values, texts, colour, style, label)."""
        self.label("Feeling", self.y + 0.05)
        self.text(0.15, self.y + 0.3, "mean sentiment\nof what they\nwrote: -1\nnegative, +1\npositive",
                  size=8, colour="#555555")
        top = self.y

        def draw(ax: Axes, fig: Figure, h: float) -> None:
            box = (LEFT / FIG_W, 1 - (top + FEELING_H) / h, COL_W * len(STAGES) / FIG_W, (FEELING_H - 0.1) / h)
            _feeling_axes(fig.add_axes(box), series)
        self.ops.append(draw)
        self.y += FEELING_H + 0.15

    def footer(self, title: str, lines: Sequence[str]) -> None:
        self.label(title)
        self.y += LINE + 0.04
        for line in wrap(lines, WIDE_WRAP):
            self.text(0.15, self.y, line, size=9)
            self.y += LINE + 0.01

    def figure(self) -> Figure:
        height = self.y + 0.25
        fig = Figure(figsize=(FIG_W, height), dpi=FIG_DPI)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, FIG_W)
        ax.set_ylim(height, 0)  # inches from the top
        ax.axis("off")
        for op in self.ops:
            op(ax, fig, height)
        return fig


def _feeling_axes(ax: Axes, series: Sequence[tuple[Sequence[float | None], Sequence[int], str, str, str]]) -> None:
    ax.set_xlim(-0.5, len(STAGES) - 0.5)
    ax.set_ylim(-1.1, 1.25)
    ax.axhline(0, color=MUTED, linewidth=0.8)
    ax.axhspan(-1.1, 0, color="#fbeaea", zorder=0)
    ax.set_xticks([])
    ax.set_yticks([-1, 0, 1], ["-1", "0", "+1"], fontsize=8)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    drawn = False
    for values, texts, colour, style, label in series:
        xs = [k for k, v in enumerate(values) if v is not None]
        ys = [float(v) for v in values if v is not None]  # type: ignore[arg-type]
        if not xs:
            continue
        drawn = True
        ax.plot(xs, ys, color=colour, linestyle=style, linewidth=2, marker="o", markersize=6, label=label)
        if style != "-":
            continue
        for xv, yv in zip(xs, ys, strict=True):
            n = texts[xv]
            few = n < 30
            if few:  # a small sample: a hollow point and the word, not only a paler colour
                ax.plot([xv], [yv], marker="o", markersize=7, markerfacecolor="white", markeredgecolor=colour)
            ax.annotate(f"{yv:+.2f}, {n:,} text{'s' if n != 1 else ''}" + (" (few)" if few else ""), (xv, yv),
                        textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8.5,
                        color=GOOD if yv >= 0 else BAD)
    if not drawn:
        ax.text(len(STAGES) / 2 - 0.5, 0, "no customer feedback to show how customers feel",
                ha="center", va="center", fontsize=10, color=MUTED)
    elif len(series) > 1:
        ax.legend(loc="lower left", fontsize=8, frameon=False, ncol=len(series))


# -- one map ---------------------------------------------------------------------------------


def _health_caption(col: StageColumn, nf: NumberFormat | None = None) -> str:
    return f"{col.health.upper()} · {counted(col.customers, 'customer', nf)}"


def _next_short(col: StageColumn, nf: NumberFormat | None = None, last: bool = False) -> list[str]:
    t = col.to_next
    if t is None:
        # a stage the data has no events for (Olist's awareness) is not the journey's end
        return ["end of the journey"] if last else ["-"]
    lines = [f"{pct(t.rate, numbers=nf)} went on to {t.to_stage}", f"({count(t.reached, nf)} of {count(t.of, nf)})"]
    if t.still_open:
        lines.append("so far: some may still go on")
    elif t.rate_before is not None:
        lines.append(f"was {pct(t.rate_before, numbers=nf)}")
    lines.append(f"median time {duration(t.median_days, nf)}")
    return lines


def _plain(lines: Sequence[str], colour: str = INK) -> list[tuple[str, str]]:
    return [(line, colour) for line in lines]


def _kpi_lines(col: StageColumn, currency: Money) -> list[tuple[str, str]]:
    """Two lines per KPI, so a value is never split: 'CSAT (4-5 of 5): 72.9%' then its change."""
    out: list[tuple[str, str]] = []
    for k in col.kpis:
        s = SPECS[k.metric]
        colour = BAD if k.assessment == "worse" else GOOD if k.assessment == "better" else INK
        out += [(part, INK) for part in wrap([f"{k.label}: {format_value(s, k.value, currency)}"])]
        if k.change is not None:
            verdict = {"better": ", better ▲", "worse": ", worse ▼"}.get(k.assessment or "", "")
            out.append((f"  {format_change(s, k.change, currency)}{verdict}", colour))
        if k.small_sample:
            out.append(("  small sample", MUTED))
    return out or [("-", INK)]


def _pain_boxes(col: StageColumn, limit: int = 2) -> list[tuple[str, list[str], str]]:
    boxes = []
    for p in col.pain_points[:limit]:
        change = f", {p.change_text()}" if p.change_text() else ""
        body = wrap([f'"{" ".join(p.quote.text.split())}"'], WRAP - 3, 4, indent="") if p.quote else []
        boxes.append((f"{p.label} ({p.size} texts{change})", body, BAD if p.trend in ("new", "rising") else AMBER))
    return boxes


def map_figure(m: JourneyMapData) -> Figure:
    """The map as a matplotlib Figure, 1600 pixels wide and as tall as its content."""
    sheet = _Sheet(f"Journey map: {m.who}", map_subtitle(m))
    for i, col in enumerate(m.stages):
        sheet.header(i, col.stage, [HEALTH_COLOURS[col.health]], _health_caption(col, m.numbers))
    sheet.y = HEADER_TOP + HEADER_H + 0.2
    # the journey ends at the last stage anyone reached, not at every stage without a next one
    last = max((i for i, c in enumerate(m.stages) if c.customers or c.active), default=len(m.stages) - 1)
    sheet.cells("Go-on rate", [_plain(wrap(_next_short(c, m.numbers, i == last), limit=5))
                               for i, c in enumerate(m.stages)])
    sheet.cells("Touchpoints", [_plain(wrap(touchpoint_lines(c, 4, m.numbers), limit=6)) for c in m.stages])
    sheet.cells("Doing", [_plain(wrap(action_lines(c, 2), limit=4), "#555555") for c in m.stages])
    sheet.feeling([([c.emotion.mean if c.emotion else None for c in m.stages],
                    [c.emotion.scored if c.emotion else 0 for c in m.stages], BAR, "-", "this period"),
                   ([c.emotion.previous if c.emotion else None for c in m.stages],
                    [0] * len(m.stages), MUTED, "--", "period before (dashed)")])
    sheet.callouts("Pain points", [_pain_boxes(c) for c in m.stages])
    sheet.cells("KPIs", [_kpi_lines(c, m.numbers) for c in m.stages])
    sheet.footer("Opportunities", [f"{k}. {o.severity.upper()}, {o.stage}: {o.shown}"
                                   for k, o in enumerate(m.opportunities, 1)] or ["None: no rule fired."])
    return sheet.figure()


def map_png(m: JourneyMapData) -> bytes:
    """The map as a picture, 1600 pixels wide and as tall as its content."""
    return png(map_figure(m))


# -- two maps side by side -------------------------------------------------------------------


def comparison_figure(c: MapComparisonData) -> Figure:
    """Two maps in one picture: each stage's header split in the two healths, both values in
    every cell, differences past the thresholds marked with their verdict in words."""
    sheet = _Sheet(f"Journey maps: {c.left_label} vs {c.right_label}",
                   f"Each cell: {c.left_label} | {c.right_label}; worse or better says how the left compares.")
    by = {(d.stage, d.item): d for d in c.differences}
    for i, (a, b) in enumerate(zip(c.left.stages, c.right.stages, strict=True)):
        sheet.header(i, a.stage, [HEALTH_COLOURS[a.health], HEALTH_COLOURS[b.health]],
                     f"{a.health.upper()} | {b.health.upper()} · {a.customers:,} | {b.customers:,}")
    sheet.y = HEADER_TOP + HEADER_H + 0.2
    conv, kpis = [], []
    for a in c.left.stages:
        diffs = [d for d in c.differences if d.stage == a.stage and d.item.startswith("conversion to")]
        conv.append(_verdict_lines(diffs) or [("end of the journey", INK)])
        labels = {k.label for k in a.kpis}
        kpis.append(_verdict_lines([d for d in c.differences if d.stage == a.stage and d.item in labels]) or [("-", INK)])
    sheet.cells("Go-on rate", conv)
    sheet.cells("Touchpoints", [_plain(wrap(touchpoint_lines(a, 3), limit=5)) for a in c.left.stages])
    sheet.feeling([([s.emotion.mean if s.emotion else None for s in c.left.stages],
                    [s.emotion.scored if s.emotion else 0 for s in c.left.stages], BAR, "-", c.left_label),
                   ([s.emotion.mean if s.emotion else None for s in c.right.stages],
                    [0] * len(c.right.stages), MUTED, "--", f"{c.right_label} (dashed)")])
    columns = []
    for a, b in zip(c.left.stages, c.right.stages, strict=True):
        boxes = []
        for side, col in (("left", a), ("right", b)):
            top = _pain_boxes(col, 1)
            boxes += [(f"{side}: {t}", body, BAD if side == "left" else MUTED) for t, body, _ in top] or \
                [(f"{side}: no complaint theme", [], MUTED)]
        columns.append(boxes)
    sheet.callouts("Top pain point", columns)
    sheet.cells("KPIs", kpis)
    emotions = [by.get((a.stage, "emotion")) for a in c.left.stages]
    notable = [f"{d.stage}, {d.item}: {d.left} | {d.right} ({d.verdict})" for d in c.notable]
    if any(e is not None and e.notable for e in emotions):
        notable += [f"{e.stage}, feeling: {e.left} | {e.right} ({e.verdict})" for e in emotions
                    if e is not None and e.notable and e not in c.notable]
    sheet.footer("Notable differences", notable or ["No difference past the thresholds."])
    return sheet.figure()


def comparison_png(c: MapComparisonData) -> bytes:
    return png(comparison_figure(c))


def _verdict_lines(diffs: Sequence[object]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for d in diffs:
        notable = getattr(d, "notable", False)
        verdict = getattr(d, "verdict", "")
        colour = INK if not notable else BAD if verdict == "worse" else GOOD if verdict == "better" else AMBER
        mark = f" ({verdict})" if notable and verdict else ""
        for k, part in enumerate(wrap([f"{getattr(d, 'item', '')}: {getattr(d, 'left', '')} | "
                                       f"{getattr(d, 'right', '')}{mark}"])):
            out.append((part, colour if k == 0 or notable else INK))
    return out

