"""Charts of the journey as PNG bytes from plain data: the funnel (overall or one small funnel
per group), customers per stage, and sentiment by stage.

Pure functions: lists in, PNG bytes out, so the Slack app, the digest and the terminal draw the
same picture and tests can check it without a display. Each `*_chart` has a `*_figure` twin
that returns the matplotlib Figure, for tests that look at what was drawn.

Rules every picture here keeps: counts from zero, percentages as percentages, names in words
(website visit, not website_visit), long names cut with an ellipsis, small samples marked by a
hatch and a note as well as by a paler colour, and the title free of nested brackets (the
period goes in the subtitle).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from tools.charts.axes import Measure, apply_measure, shorten
from tools.charts.base import (
    BAD,
    BAR,
    GOOD,
    MUTED,
    NOTE,
    PALE_BAD,
    PALE_GOOD,
    SMALL_HATCH,
    TEXT,
    TITLE,
    figure,
    finish,
    numbers,
    png,
    same_length,
)
from tools.core.errors import ToolInputError
from tools.core.text import words

CUSTOMERS = Measure("customers")
LABEL_CHARS = 22  # step and stage names longer than this are cut with an ellipsis
SMALL_TEXTS = 30  # sentiment resting on fewer texts is marked as a small sample


def funnel_chart(steps: Sequence[str], counts: Sequence[float], *, title: str = "Journey funnel",
                 subtitle: str = "") -> bytes:
    """Horizontal bars, first step on top, each labelled with its count and the share of the
    first step that reached it."""
    return png(funnel_figure(steps, counts, title=title, subtitle=subtitle))


def funnel_figure(steps: Sequence[str], counts: Sequence[float], *, title: str = "Journey funnel",
                  subtitle: str = "") -> Figure:
    labels = [shorten(words(s), LABEL_CHARS) for s in steps]
    values = numbers(counts, "counts")
    same_length(labels, values, "steps", "counts")
    if any(v < 0 for v in values):
        raise ToolInputError("funnel counts cannot be negative")
    fig = figure(height=1.6 + 0.55 * len(labels))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]  # first step on top
    ax.barh(y, values, color=BAR)
    ax.set_yticks(y, labels)
    first = values[0] or 1.0
    right = max(values) or 1.0
    for yi, v in zip(y, values, strict=True):
        ax.text(v + right * 0.01, yi, f"{v:,.0f}  ({v / first:.0%})", va="center", fontsize=TEXT)
    apply_measure(ax, CUSTOMERS, values, axis="x")
    ax.set_xlabel(f"customers; each bar: customers and the share of {labels[0]} that reached the step",
                  fontsize=NOTE)
    ax.set_xlim(0, right * 1.35)  # room for the labels right of the longest bar
    finish(ax, title, subtitle)
    return fig


def grouped_funnel_chart(steps: Sequence[str], groups: Sequence[str], counts: Sequence[Sequence[float]], *,
                         title: str, subtitle: str = "") -> bytes:
    return png(grouped_funnel_figure(steps, groups, counts, title=title, subtitle=subtitle))


def grouped_funnel_figure(steps: Sequence[str], groups: Sequence[str], counts: Sequence[Sequence[float]], *,
                          title: str, subtitle: str = "") -> Figure:
    """One small funnel per group (a channel, a segment), side by side on the same 0-100% scale:
    each bar is the share of the group's entrants who reached the step, labelled with it. Each
    panel is named by its group and its entrants, so nothing rests on colour."""
    labels = [shorten(words(s), 16) for s in steps]
    same_length(list(groups), list(counts), "groups", "counts")
    rows = [numbers(c, "counts") for c in counts]
    for r in rows:
        same_length(labels, r, "steps", "counts")
    cols = min(3, len(rows))
    lines = -(-len(rows) // cols)
    fig = figure(height=1.3 + lines * (0.45 * len(labels) + 0.9))
    y = list(range(len(labels)))[::-1]
    share = Measure("share of entrants", "percent", fraction=True)
    for k, (group, row) in enumerate(zip(groups, rows, strict=True)):
        ax = fig.add_subplot(lines, cols, k + 1)
        first = row[0] or 1.0
        shares = [v / first for v in row]
        ax.barh(y, shares, color=BAR)
        ax.set_yticks(y, labels if k % cols == 0 else [""] * len(labels))
        for yi, s in zip(y, shares, strict=True):
            ax.text(min(s, 1.0) + 0.02, yi, f"{s:.0%}", va="center", fontsize=TEXT)
        apply_measure(ax, share, [1.0], axis="x")
        ax.set_xlim(0, 1.35)
        ax.set_xticks([0, 0.5, 1.0])
        ax.set_xlabel("")
        ax.set_title(f"{shorten(words(group), 20)}: {row[0]:,.0f} entered", loc="left", fontsize=10)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=TEXT)
    fig.suptitle(title, x=0.01, ha="left", fontsize=TITLE)
    if subtitle:
        fig.text(0.01, 1 - 0.42 / fig.get_figheight(), subtitle, fontsize=TEXT, color="#555555", va="top")
    fig.supxlabel("share of each group's entrants who reached the step, %", fontsize=TEXT)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.55 / fig.get_figheight()))
    return fig


def stage_counts_chart(stages: Sequence[str], counts: Sequence[float], *, title: str, subtitle: str = "") -> bytes:
    return png(stage_counts_figure(stages, counts, title=title, subtitle=subtitle))


def stage_counts_figure(stages: Sequence[str], counts: Sequence[float], *, title: str, subtitle: str = "") -> Figure:
    """Customers with an event at each stage. Drawn as a funnel only when each stage has no
    more customers than the one before; otherwise as plain columns, saying why, because a
    funnel shape would claim that everyone at a stage came through the one before it."""
    values = numbers(counts, "counts")
    same_length(list(stages), values, "stages", "counts")
    monotone = all(b <= a for a, b in zip(values, values[1:], strict=False))
    if monotone:
        return funnel_figure(stages, values, title=title, subtitle=subtitle)
    fig = figure(height=4.2)
    ax = fig.add_subplot()
    x = list(range(len(values)))
    ax.bar(x, values, color=BAR)
    ax.set_xticks(x, [shorten(words(s), 24).replace("-", "-\n").replace(" ", "\n") for s in stages])
    for xi, v in zip(x, values, strict=True):
        ax.text(xi, v, f"{v:,.0f}", ha="center", va="bottom", fontsize=TEXT)
    apply_measure(ax, CUSTOMERS, values)
    rising = next(words(stages[i + 1]) for i in range(len(values) - 1) if values[i + 1] > values[i])
    why = (f"not a funnel: more customers reached {rising} than the stage before it, because "
           "customers can skip stages (e.g. buy in the shop with no recorded decision)")
    finish(ax, title, "; ".join(p for p in (subtitle, why) if p))
    return fig


def sentiment_by_stage_chart(stages: Sequence[str], means: Sequence[float], counts: Sequence[int],
                             *, title: str = "How customers feel at each stage", subtitle: str = "") -> bytes:
    """Bars from -1 (negative) to +1 (positive) per stage, each labelled with how many texts
    it rests on, so a bar built on three comments is not read like one built on three hundred."""
    return png(sentiment_by_stage_figure(stages, means, counts, title=title, subtitle=subtitle))


def sentiment_by_stage_figure(stages: Sequence[str], means: Sequence[float], counts: Sequence[int],
                              *, title: str = "How customers feel at each stage", subtitle: str = "") -> Figure:
    labels = [shorten(words(s), LABEL_CHARS) for s in stages]
    values = numbers(means, "means")
    ns = [int(n) for n in counts]
    same_length(labels, values, "stages", "means")
    same_length(labels, ns, "stages", "counts")
    if any(v < -1 or v > 1 for v in values):
        raise ToolInputError("sentiment means must lie between -1 and 1")
    small = [n < SMALL_TEXTS for n in ns]
    fig = figure(height=1.9 + 0.55 * len(labels))
    ax = fig.add_subplot()
    y = list(range(len(labels)))[::-1]
    colours = [(PALE_GOOD if s else GOOD) if v >= 0 else (PALE_BAD if s else BAD) for v, s in zip(values, small, strict=True)]
    bars = ax.barh(y, values, color=colours, edgecolor="#555555", linewidth=0.6)
    for bar, s in zip(bars, small, strict=True):
        if s:
            bar.set_hatch(SMALL_HATCH)
    ax.set_yticks(y, labels)
    ax.axvline(0, color=MUTED, linewidth=0.8)
    for yi, v, n, s in zip(y, values, ns, small, strict=True):
        note = f"{v:+.2f}, {n:,} text{'s' if n != 1 else ''}" + (" (few)" if s else "")
        ax.text(v + (0.03 if v >= 0 else -0.03), yi, note, va="center",
                ha="left" if v >= 0 else "right", fontsize=TEXT)
    ax.set_xlim(-1.6, 1.6)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1], ["-1\nnegative", "-0.5", "0", "+0.5", "+1\npositive"])
    ax.set_xlabel("mean sentiment of what customers wrote", fontsize=TEXT)
    caveat = f"hatched and marked (few): fewer than {SMALL_TEXTS} texts, read with care" if any(small) else ""
    finish(ax, title, "; ".join(p for p in (subtitle, caveat) if p))
    return fig
