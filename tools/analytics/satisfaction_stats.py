"""The arithmetic behind satisfaction_by: each group's value with a 95% interval, how two groups
(or a group and everyone else) differ, and the plain verdict that says whether a gap is larger
than chance would give with that many answers.

Every measure is a mean of one number per answer: the review score (1-5); 1 or 0 for CSAT (a
4 or 5, or not); +100, 0 or -100 for NPS (promoter, passive, detractor), so the mean is the
NPS; the sentiment score (-1 to +1) of a text. One method then serves all four: Welch's
t-interval for a difference of means (unequal variances, which is what real groups have), and
for a group's own value a t-interval, or Wilson's interval for CSAT's shares, which stays
inside 0-100% with few answers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from tools.core.money import NumberFormat
from tools.core.text import plural

Measure = Literal["review_score", "csat", "nps", "sentiment"]
MIN_GROUP = 10  # fewer answers than this in a group: shown, never judged
SMALL = 30  # fewer than this: judged, but flagged as a small sample


@dataclass(frozen=True)
class MeasureInfo:
    label: str  # "review score"
    unit: str  # what one point of difference is called
    scale: str  # where the value lives, for the definition
    lo: float  # the values the measure can take: intervals are kept inside them
    hi: float
    # How the business writes numbers (2,33 de 5 for a Brazilian shop): satisfaction_by sets the
    # profile's, as the KPIs use, so a score and the KPIs beside it read alike.
    numbers: NumberFormat = NumberFormat()

    def value(self, x: float | None) -> str:
        if x is None or (isinstance(x, float) and math.isnan(x)):
            return "n/a"
        return _VALUE[self.label](self.numbers, x)

    def bare(self, x: float) -> str:
        """A value without its unit words, for interval ends."""
        return _BARE[self.label](self.numbers, x)

    def gap(self, d: float) -> str:
        """The size of a gap, without its sign."""
        return _GAP[self.label](self.numbers, abs(d))

    def signed(self, d: float) -> str:
        """A difference with its sign, for intervals."""
        return ("-" if d < 0 else "+") + _GAP[self.label](self.numbers, abs(d)).split(" ")[0]

    def count(self, n: int) -> str:
        """A number of answers, with the locale's thousands mark."""
        return self.numbers.number(int(n))


MEASURES: dict[str, MeasureInfo] = {
    "review_score": MeasureInfo("review score", "points", "mean score of 1-5", 1.0, 5.0),
    "csat": MeasureInfo("CSAT", "percentage points", "share of answers scoring 4 or 5", 0.0, 1.0),
    "nps": MeasureInfo("NPS", "NPS points", "% promoters (9-10) minus % detractors (0-6)", -100.0, 100.0),
    "sentiment": MeasureInfo("sentiment", "points", "mean sentiment of the texts, -1 to +1", -1.0, 1.0),
}


def _plus(nf: NumberFormat, x: float, decimals: int) -> str:
    text = nf.number(x, decimals)
    return text if text.startswith("-") else "+" + text


_Fmt = Callable[[NumberFormat, float], str]
_VALUE: dict[str, _Fmt] = {
    "review score": lambda nf, x: f"{nf.number(x, 2)} of 5",
    "CSAT": lambda nf, x: f"{nf.percent(x, 0)} rated 4-5",
    "NPS": lambda nf, x: _plus(nf, x, 0),
    "sentiment": lambda nf, x: _plus(nf, x, 2),
}
_BARE: dict[str, _Fmt] = {
    "review score": lambda nf, x: nf.number(x, 2),
    "CSAT": lambda nf, x: nf.percent(x, 0),
    "NPS": lambda nf, x: _plus(nf, x, 0),
    "sentiment": lambda nf, x: _plus(nf, x, 2),
}
_GAP: dict[str, _Fmt] = {
    "review score": lambda nf, d: f"{nf.number(d, 2)} points",
    "CSAT": lambda nf, d: f"{nf.number(d * 100, 0)} percentage points",
    "NPS": lambda nf, d: f"{nf.number(d, 0)} NPS points",
    "sentiment": lambda nf, d: nf.number(d, 2),
}


def group_table(values: pd.DataFrame, measure: str) -> pd.DataFrame:
    """values (grp, x) -> one row per group: n, value, low, high (95%), sd."""
    g = values.groupby("grp")["x"]
    out = pd.DataFrame({"n": g.size(), "value": g.mean(), "sd": g.std(ddof=1)}).reset_index()
    out = out.rename(columns={"grp": "group"})
    low, high = [], []
    info = MEASURES[measure]
    for r in out.itertuples():
        lo, hi = _interval(measure, int(r.n), float(r.value), float(r.sd) if r.n > 1 else math.nan)
        low.append(max(lo, info.lo) if not math.isnan(lo) else lo)
        high.append(min(hi, info.hi) if not math.isnan(hi) else hi)
    out["low"], out["high"] = low, high
    out["small"] = out["n"] < SMALL
    return out[["group", "n", "value", "low", "high", "sd", "small"]]


def _interval(measure: str, n: int, mean: float, sd: float) -> tuple[float, float]:
    if measure == "csat":
        return wilson(mean * n, n)
    if n < 2 or math.isnan(sd):
        return math.nan, math.nan
    from scipy import stats  # on first use: scipy is tens of MB a server may never need

    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return mean - half, mean + half


def wilson(successes: float, n: int, z: float = 1.959964) -> tuple[float, float]:
    if n == 0:
        return math.nan, math.nan
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


@dataclass(frozen=True)
class Difference:
    """a minus b, with its interval; `clear` when the interval leaves out zero."""

    a: str
    b: str
    diff: float
    low: float
    high: float
    p_value: float
    n_a: int
    n_b: int

    @property
    def clear(self) -> bool:
        return not (self.low <= 0 <= self.high)


def difference(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str, level: float = 0.95) -> Difference | None:
    """Welch's interval for mean(a) - mean(b); None when either side has too few answers."""
    na, nb = len(a), len(b)
    if na < MIN_GROUP or nb < MIN_GROUP:
        return None
    va, vb = float(np.var(a, ddof=1)), float(np.var(b, ddof=1))
    diff = float(np.mean(a) - np.mean(b))
    se2 = va / na + vb / nb
    if se2 == 0:  # every answer the same on both sides
        return Difference(name_a, name_b, diff, diff, diff, 0.0 if diff else 1.0, na, nb)
    df = se2 ** 2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1)) if va or vb else na + nb - 2
    from scipy import stats

    half = stats.t.ppf(1 - (1 - level) / 2, df) * math.sqrt(se2)
    p = float(2 * stats.t.sf(abs(diff) / math.sqrt(se2), df))
    return Difference(name_a, name_b, diff, diff - half, diff + half, p, na, nb)


def verdict_two(d: Difference | None, info: MeasureInfo, worse: str, better: str,
                values: pd.DataFrame, question: str) -> str:
    """The verdict for a two-way comparison, e.g. late (worse) against on time (better)."""
    counts = values.groupby("grp").size()
    n_w, n_b = int(counts.get(worse, 0)), int(counts.get(better, 0))
    if d is None:
        short = worse if n_w < MIN_GROUP else better
        return (f"Cannot tell {question}: only {info.count(int(counts.get(short, 0)))} "
                f"{plural('answer', int(counts.get(short, 0)))} about {short} "
                f"orders; at least {MIN_GROUP} on each side are needed to compare.")
    mean = values.groupby("grp")["x"].mean()
    both = (f"{info.label} {info.value(mean[worse])} for {worse} ({info.count(n_w)} answers) against "
            f"{info.value(mean[better])} for {better} ({info.count(n_b)})")
    span = f"95% interval {info.signed(d.low)} to {info.signed(d.high)}"
    if d.clear and d.diff < 0:
        return (f"Yes: {both}, {info.gap(d.diff)} lower ({span}). With this many answers a gap "
                "this size is not chance.")
    if d.clear and d.diff > 0:
        return (f"No, the opposite: {both}, {info.gap(d.diff)} higher ({span}); not chance with "
                "this many answers.")
    return (f"No clear difference: {both}. A gap of {info.gap(d.diff)} is within what chance gives "
            f"with these answers ({span}).")


def against_rest(values: pd.DataFrame, groups: list[str]) -> dict[str, Difference]:
    """Each group against all other answers, at a level that allows for comparing several
    groups at once (Bonferroni), so one of twenty groups is not called different by luck."""
    level = 1 - 0.05 / max(len(groups), 1)
    out: dict[str, Difference] = {}
    x, grp = values["x"].to_numpy(dtype=float), values["grp"].to_numpy()
    for g in groups:
        d = difference(x[grp == g], x[grp != g], g, "the rest", level)
        if d is not None:
            out[g] = d
    return out


def verdict_many(table: pd.DataFrame, diffs: dict[str, Difference], info: MeasureInfo, what: str) -> str:
    """The verdict across several groups: lowest and highest judged group, and which stand out."""
    judged = table[table["n"] >= MIN_GROUP].sort_values("value")
    if len(table) < 2:
        only = table["group"].iloc[0] if len(table) else "none"
        return f"All answers fall in one {what} ({only}): there is nothing to compare."
    if len(judged) < 2:
        return (f"Too few answers per {what} to compare: a {what} needs at least {MIN_GROUP} answers "
                f"and {len(judged)} of {len(table)} have that many.")
    low, high = judged.iloc[0], judged.iloc[-1]
    lower = [g for g, d in diffs.items() if d.clear and d.diff < 0]
    higher = [g for g, d in diffs.items() if d.clear and d.diff > 0]
    text = (f"Lowest {info.label}: {low['group']} at {info.value(low['value'])} ({info.count(low['n'])} answers); "
            f"highest: {high['group']} at {info.value(high['value'])} ({info.count(high['n'])}).")
    if not lower and not higher:
        return text + (f" No {what} differs from the rest by more than chance would give with these "
                       f"answers (95%, allowing for the {len(diffs)} groups compared).")
    parts = []
    if lower:
        parts.append(f"clearly below the rest: {', '.join(_order(lower, table))}")
    if higher:
        parts.append(f"clearly above: {', '.join(_order(higher, table, reverse=True))}")
    joined = "; ".join(parts)
    return text + " " + joined[0].upper() + joined[1:] + (
        f" (95%, allowing for the {len(diffs)} groups compared; the others are within chance).")


def _order(groups: list[str], table: pd.DataFrame, reverse: bool = False) -> list[str]:
    vals = table.set_index("group")["value"]
    return sorted(groups, key=lambda g: float(vals[g]), reverse=reverse)
