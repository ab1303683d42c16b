"""Questions worth asking of the data that is loaded: Slack's suggested prompts when someone
opens an assistant thread.

They are built from the data itself (the first journey stage it has, its busiest channel,
whether there is customer feedback, the newest open alert), so a bakery whose customers come
from Instagram sees "How do Instagram customers convert?", not a generic example, and
nothing is suggested that the data cannot answer. Each one is a question the offline planner
routes to an analysis (tests/bot/agent/test_suggest.py asks every one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
    stages = _present(description.stages, "stage")
    if len(stages) >= 2:
        first = stages[0] if stages[0] != "purchase" else stages[-1]
        out.append(Suggestion("Where we lose people",
                              f"Where do we lose people between {first} and purchase?"))
    channels = _present(description.channels, "channel", by="customers")
    if channels:
        top = channels[0]
        out.append(Suggestion(_cut(f"{top.title()} customers"),
                              f"Show the funnel for {top} customers over the last 30 days"))
    if alerts:
        out.append(Suggestion("The newest alert", f"What is behind the alert \"{alerts[0]}\"? Which channels moved most?"))
    if _rows(description, ("surveys", "tickets")):
        out.append(Suggestion("What customers say", "What are customers complaining about lately?"))
    out.append(Suggestion("What changed last week", "What changed last week compared with the week before?"))
    if len(out) < MAX_PROMPTS:
        out.append(Suggestion("What data is loaded", "What data do you have and how far back does it go?"))
    return out[:MAX_PROMPTS]


def suggestions_for(store: Any, alerts: Sequence[str] = ()) -> list[Suggestion]:
    from tools.analytics.describe import describe_data

    return suggested_questions(describe_data(store), alerts)


def _present(frame: Any, column: str, by: str | None = None) -> list[str]:
    """Values of a describe table that have events: in the table's order (stages follow the
    journey), or most `by` first (the channel most customers came through)."""
    if frame is None or getattr(frame, "empty", True) or column not in frame:
        return []
    rows = frame[frame["events"] > 0] if "events" in frame else frame
    if by and by in rows:
        rows = rows.sort_values([by, column], ascending=[False, True])
    return [str(v) for v in rows[column].dropna()]


def _rows(description: Any, tables: tuple[str, ...]) -> int:
    return sum(t.rows for t in description.tables if t.table in tables)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"
