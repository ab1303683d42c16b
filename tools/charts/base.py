"""What every chart shares: the canvas (matplotlib's object API on Agg, safe on several threads,
unlike pyplot), the colours, a title with its subtitle, and the PNG bytes.

Charts are sized for Slack: 880 pixels wide, readable when Slack shows them at about half that
in a thread, with fonts no smaller than 9 points.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tools.charts.axes import wrap_title
from tools.core.errors import ToolInputError

WIDTH_IN = 8.0
DPI = 110
BAR = "#3b6ea8"
LIGHT = "#a9c1de"
GOOD = "#2e8540"
BAD = "#c0392b"
MUTED = "#8a8f98"
PALE_GOOD = "#a8d5b0"
PALE_BAD = "#eab0a8"
SMALL_HATCH = "///"  # bars resting on a small sample: hatched, not only paler
# Font sizes in points. Slack shows a chart about 480 pixels wide in the thread (its thumb_480),
# a little over half its size: 11 points there is still about 9 pixels high.
TITLE, TEXT, NOTE = 14, 11, 10


def figure(height: float, width: float = WIDTH_IN) -> Figure:
    fig = Figure(figsize=(width, min(max(height, 2.5), 12.0)), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def finish(ax: Axes, title: str, subtitle: str = "") -> None:
    """Title on the left above the axes, a grey subtitle under it (the period, a caveat), no
    top and right frame; laid out so nothing falls off the picture."""
    fig = ax.figure
    head = wrap_title(title, 56)
    sub = wrap_title(subtitle, 92) if subtitle else ""
    lines = sub.count("\n") + 1 if sub else 0
    # The title is lifted above the subtitle's lines, which sit just over the axes.
    ax.set_title(head, loc="left", fontsize=TITLE, pad=6 + lines * NOTE * 1.35)
    if sub:
        ax.annotate(sub, xy=(0, 1), xycoords="axes fraction", xytext=(0, 4), textcoords="offset points",
                    fontsize=NOTE, color="#555555", va="bottom", ha="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=TEXT)
    fig.tight_layout()


def png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    # No software/date metadata: the same data gives the same bytes.
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def numbers(values: Sequence[float], name: str) -> list[float]:
    out = []
    for v in values:
        f = float(v)
        if math.isnan(f) or math.isinf(f):
            raise ToolInputError(f"{name} must be finite numbers, got {v!r}")
        out.append(f)
    return out


def same_length(a: Sequence[object], b: Sequence[object], a_name: str, b_name: str) -> None:
    if not a:
        raise ToolInputError(f"nothing to draw: {a_name} is empty")
    if len(a) != len(b):
        raise ToolInputError(f"{a_name} and {b_name} differ in length ({len(a)} vs {len(b)})")
