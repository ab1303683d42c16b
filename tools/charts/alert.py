"""The chart that goes with an alert: the recent series, the expected value and its band, and
the days that broke the rule. Pure: plain numbers in, PNG bytes out (matplotlib, Agg)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pandas as pd

from tools.core.money import unit_label


def alert_chart_png(history: Sequence[dict[str, Any]], *, title: str, unit: str = "") -> bytes:
    """history rows: date, value, expected, lower, upper, breach (as kept with a Finding)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    frame = pd.DataFrame(list(history))
    fig, ax = plt.subplots(figsize=(7.5, 3.2), dpi=110)
    try:
        if frame.empty:
            ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
        else:
            dates = pd.to_datetime(frame["date"])
            values = pd.to_numeric(frame["value"], errors="coerce")
            lower = pd.to_numeric(frame.get("lower"), errors="coerce")
            upper = pd.to_numeric(frame.get("upper"), errors="coerce")
            expected = pd.to_numeric(frame.get("expected"), errors="coerce")
            if lower.notna().any() and upper.notna().any():
                ax.fill_between(dates, lower, upper, color="#9ecae1", alpha=0.35, label="usual range")
            elif lower.notna().any() or upper.notna().any():
                line = lower if lower.notna().any() else upper
                ax.plot(dates, line, color="#de2d26", linestyle=":", linewidth=1, label="threshold")
            if expected.notna().any():
                ax.plot(dates, expected, color="#3182bd", linestyle="--", linewidth=1, label="expected")
            ax.plot(dates, values, color="#252525", linewidth=1.4, marker="o", markersize=2.5, label="actual")
            broken = frame["breach"].astype(bool).to_numpy()
            if broken.any():
                ax.scatter(dates[broken], values[broken], color="#de2d26", zorder=5, s=28, label="alert")
            ax.legend(loc="upper left", fontsize=7, frameon=False, ncol=4)
        ax.set_title(title, fontsize=10, loc="left")
        if unit:
            ax.set_ylabel(unit_label(unit), fontsize=8)
        ax.tick_params(labelsize=7)
        ax.grid(alpha=0.25)
        fig.autofmt_xdate()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(fig)
