"""What the themes tool returns: each theme with its size, tone, trend and quotes, and the
whole result as a table or as text for the owner (tools/feedback/themes.py finds them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from tools.core.results import Provenance, ResultMixin
from tools.feedback.scoring import NEUTRAL_BAND
from tools.feedback.search import Quote

Labeler = Callable[[list[str], list[str]], str]  # (top terms, sample quotes) -> short label
TICKETS_TONE = "support tickets, tone not judged"
TICKETS_NOTE = ("Support tickets are written politely (\"Hi, ... thanks!\"), which a sentiment score reads as "
                "positive even when they complain, so their tone is not judged: read the quotes.")
# Below this many texts the period before is too small a base for a percentage change.
SMALL_BASE = 30


@dataclass(frozen=True)
class Theme:
    label: str
    terms: list[str]
    size: int
    share: float  # of the period's texts
    sentiment: float | None
    previous: int | None  # texts of the previous period close to this theme
    trend: str  # new, rising, falling, steady, or "" without comparison
    first_day: dt.date | None
    last_day: dt.date | None
    quotes: list[Quote]
    negative: float = 0.0  # share of its scored texts that read negative (below -NEUTRAL_BAND)
    positive: float = 0.0
    tickets: float = 0.0  # share of its texts that are support tickets

    def tone(self) -> str:
        """How the theme reads, in words. Support tickets are requests and complaints written
        politely ("Hi, ... Thanks!"), which a sentiment score reads as positive, so a theme of
        tickets is never called positive: it says so instead of showing the score."""
        if self.sentiment is None:
            return "tone not scored"
        if self.negative >= 0.5 or self.sentiment <= -NEUTRAL_BAND:
            return "mostly negative"
        if self.tickets >= 0.5:
            return TICKETS_TONE
        if self.positive >= 0.6 and self.negative < 0.2:
            return "mostly positive"
        return "mixed"

    def change_text(self) -> str:
        if self.previous is None:
            return ""
        if self.previous == 0:
            return "new (none the period before)"
        if self.previous < SMALL_BASE:
            # +525% on a base of 4 texts reads as alarming; the two counts say it plainly
            return f"{self.trend}: {self.previous:,} -> {self.size:,}"
        pct = (self.size - self.previous) / self.previous
        return f"{self.trend}: {self.previous:,} -> {self.size:,} ({pct:+.0%})"


@dataclass(frozen=True)
class ThemesResult(ResultMixin):
    themes: list[Theme]
    texts: int
    unassigned: int
    provenance: Provenance = field(repr=False)
    left_out: str = ""  # texts in languages the embedding model does not understand, said plainly

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "label": t.label, "size": t.size, "share": t.share, "tone": t.tone(), "sentiment": t.sentiment,
            "negative": t.negative, "tickets": t.tickets,
            "previous": t.previous, "trend": t.trend, "first_day": t.first_day, "last_day": t.last_day,
            "quote_1": t.quotes[0].id if t.quotes else None,
            "quote_2": t.quotes[1].id if len(t.quotes) > 1 else None,
        } for t in self.themes])

    def to_text(self, details: bool = False) -> str:
        lines = [f"{len(self.themes)} themes in {self.texts:,} customer texts "
                 f"({self.provenance.period_label}); quotes are customer text, redacted:"]
        if self.left_out:
            lines.insert(1, self.left_out)
        for i, t in enumerate(self.themes, 1):
            mood = t.tone()
            if details:
                mood += "; sentiment " + ("n/a" if t.sentiment is None else f"{t.sentiment:+.2f}") + \
                    f", {t.negative:.0%} negative; words: {' / '.join(t.terms[:4])}"
            days = f"{t.first_day} to {t.last_day}" if t.first_day else "undated"
            lines.append(f"{i}. {t.label} - {t.size:,} texts ({t.share:.0%}), {mood}, {days}"
                         + (f"; {t.change_text()}" if t.change_text() else ""))
            for q in t.quotes:
                lines.append(f'   "{_short(q.text)}" ({q.citation()})')
        if self.unassigned:
            lines.append(f"{self.unassigned:,} texts fit no theme of {self.provenance.params.get('min_size')}+ texts.")
        if any(t.tone() == TICKETS_TONE for t in self.themes):
            lines.append(TICKETS_NOTE)
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
