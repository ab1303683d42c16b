"""Questions worth asking of the data that is loaded: Slack's suggested prompts when someone
opens an assistant thread.

They are built from the data itself (the stretch of the journey it covers, its busiest
channel, whether surveys give a satisfaction score, the newest open alert), so a bakery whose customers come
from Instagram sees "How do Instagram customers convert?", not a generic example, and
nothing is suggested that the data cannot answer. Each one is a question the offline planner
routes to an analysis (tests/bot/agent/test_suggest.py asks every one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tools.core.stages import STAGES

MAX_PROMPTS = 4  # Slack shows up to four suggested prompts
MAX_TITLE = 40


@dataclass(frozen=True)
class Suggestion:
    title: str  # the short label Slack shows
    message: str  # the question sent when it is picked

    def to_slack(self) -> dict[str, str]:
        return {"title": self.title, "message": self.message}


def suggested_questions(description: Any, alerts: Sequence[str] = ()) -> list[Suggestion]:
    """Up to four questions from a `describe_data` result and the titles of open alerts
    (newest first)."""
    out: list[Suggestion] = []
    span = _journey_span(_present(description.stages, "stage"))
    if span:
        first, last = span
        out.append(Suggestion("Where we lose people", f"Where do we lose people between {first} and {last}?"))
    channels = _present(description.channels, "channel", by="customers")
    if channels and span:
        top = channels[0]
        out.append(Suggestion(_cut(f"{top.title()} customers"),
                              f"How do {top} customers convert from {span[0]} to {span[1]}?"))
    if alerts:
        out.append(Suggestion("The newest alert", f"What is behind the alert \"{alerts[0]}\"? Which channels moved most?"))
    kpis = _available_kpis(description)
    if "csat" in kpis:  # a trend over weeks: a survey export rarely has a month of complaints
        out.append(Suggestion("Customer satisfaction", "How has customer satisfaction moved over the last 90 days?"))
    elif "nps" in kpis:
        out.append(Suggestion("NPS", "How has our NPS moved over the last 90 days?"))
    out.append(Suggestion("What changed last week", "What changed last week compared with the week before?"))
    if len(out) < MAX_PROMPTS:
        out.append(Suggestion("What data is loaded", "What data do you have and how far back does it go?"))
    return out[:MAX_PROMPTS]


def suggestions_for(store: Any, alerts: Sequence[str] = ()) -> list[Suggestion]:
    from tools.analytics.describe import describe_data

    return suggested_questions(describe_data(store), alerts)


def _journey_span(stages: Sequence[str]) -> tuple[str, str] | None:
    """The stretch of the journey the data covers that a funnel question can ask about: from
    its first stage to purchase (a shop without ad data starts at consideration), or, when
    nothing before purchase is recorded (an order export), from purchase to the last stage."""
    present = [s for s in STAGES if s in set(stages)]
    if len(present) < 2:
        return None
    if "purchase" in present and present[0] != "purchase":
        return present[0], "purchase"
    return present[0], present[-1]


def _present(frame: Any, column: str, by: str | None = None) -> list[str]:
    """Values of a describe table that have events: in the table's order (stages follow the
    journey), or most `by` first (the channel most customers came through)."""
    if frame is None or getattr(frame, "empty", True) or column not in frame:
        return []
    rows = frame[frame["events"] > 0] if "events" in frame else frame
    if by and by in rows:
        rows = rows.sort_values([by, column], ascending=[False, True])
    return [str(v) for v in rows[column].dropna()]


def _available_kpis(description: Any) -> set[str]:
    frame = getattr(description, "kpis", None)
    if frame is None or getattr(frame, "empty", True) or "available" not in frame:
        return set()
    return set(frame.loc[frame["available"].astype(bool), "metric"])


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"
