"""The conversion rates journeybot shows, each with one name and one definition in plain words.

Several analyses answer "how many went on to buy?" and each is right under its own rules: the
funnel follows customers who entered in the period for a conversion window, the KPI snapshot
counts who did what within the period, drop-offs count who started towards a goal. Their
numbers differ, so they never share a name: wherever one is shown, it is shown with its name,
and the line `said()` explains it where the reader sees the number. docs/METRICS.md uses the
same names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NamedRate:
    name: str
    meaning: str  # completes "<name>: ..."; {window}, {first}, {last}, {goal} are filled in

    def said(self, **values: object) -> str:
        return f"{self.name}: {self.meaning.format(**values)}"


GO_ON_RATE = NamedRate(
    "go-on rate",
    "of the customers who reached a step, the share who went on to the next within {window} days "
    "of entering (the funnel's and the journey map's step rate)")
FUNNEL_CONVERSION = NamedRate(
    "funnel conversion",
    "of the customers who entered at {first} in the period, the share who reached {last} within {window} days")
BUYING_RATE = NamedRate(
    "buying rate",
    "of the customers active in the period, the share who bought in it")
SAME_PERIOD = NamedRate(
    "same-period step rate",
    "of the customers seen at a stage in the period, the share also seen at the next stage or a "
    "later one in the same period, in any order")
GOAL_RATE = NamedRate(
    "goal rate",
    "of the customers who took a step towards {goal} in the period, the share who reached it in the period")

# Not a conversion rate, but a number the owner has seen elsewhere under the same name: the
# UCI shoppers' export carries Google Analytics' own BounceRates, and ours differs from it.
BOUNCE = NamedRate(
    "bounce rate",
    "of the web sessions in the period, the share with a single web event, counted by journeybot "
    "from the events loaded; an analytics tool's own bounce rate (Google Analytics: sessions of "
    "one page, or in GA4 sessions not engaged) is counted from its own hits and can differ")

ALL = (GO_ON_RATE, FUNNEL_CONVERSION, BUYING_RATE, SAME_PERIOD, GOAL_RATE, BOUNCE)


STEP_METRICS = ("conversion_consideration", "conversion_decision", "conversion_purchase",
                "conversion_post_purchase", "conversion_advocacy")


def rate_lines(metrics: list[str] | tuple[str, ...], window_days: int = 30) -> list[str]:
    """What the named rates among these KPIs mean, one line each, for under a KPI table."""
    lines = []
    if "purchase_conversion" in metrics:
        lines.append(BUYING_RATE.said() + ".")
    if any(m in STEP_METRICS for m in metrics):
        lines.append(SAME_PERIOD.said() + f"; the funnel's {GO_ON_RATE.name} follows each customer "
                     f"for {window_days} days instead.")
    if "bounce_rate" in metrics:
        lines.append(BOUNCE.said() + ".")
    return lines
