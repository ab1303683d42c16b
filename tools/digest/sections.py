"""The digest's sections that come from other tools' results: the week's funnel, the largest
sentiment move with a quote, the fastest growing theme and the customers newly at risk. Each
returns the line the digest prints, or raises a JourneyError that the digest turns into a note."""

from __future__ import annotations

from typing import Any

import pandas as pd

from tools.analytics.periods import Period
from tools.core.errors import NoDataError
from tools.data.cache import cached
from tools.data.store import JourneyStore

FUNNEL_STAGES = ("awareness", "consideration", "decision", "purchase")
CONTEXT_DAYS = 7  # funnel, sentiment and themes look at the last week in both cadences


def funnel_line(store: JourneyStore, week: Period, sources: list[str], words: str = f"in the last {CONTEXT_DAYS} days",
                monthly: bool = False) -> str:
    """The funnel's line over `week` (`words` say which period that is). On data dated by month
    only (`monthly`) its window in days is not said: the rows have no days to count it in."""
    from tools.analytics.funnel import FunnelParams, funnel
    from tools.analytics.scope import present_stages

    # Up to purchase: the drop into advocacy is always the largest and says little each morning.
    # Only the stages the data has: a shop whose export starts at the order has no awareness.
    with store.connect() as con:
        have = [s for s in FUNNEL_STAGES if s in present_stages(con)]
    if len(have) < 2:
        raise NoDataError(f"the events have {len(have)} of the stages {', '.join(FUNNEL_STAGES)}; "
                          "a funnel needs two")
    params = FunnelParams(stages=have, period=week)  # type: ignore[arg-type]
    result = cached(store, "funnel", params, lambda: funnel(store, params), keep=True)
    sources.append(result.provenance.call_signature())
    within = "" if monthly else f" within {result.window_days} days"
    line = (f"{result.entered:,} customers entered at {result.step_names[0]} {words}; "
            f"{result.overall_conversion:.0%} reached {result.step_names[-1]}{within} (funnel conversion).")
    d = result.biggest_drop
    if d is not None:
        line += (f" Biggest drop-off: {d.from_step} → {d.to_step}, {d.lost_share:.0%} lost "
                 f"({d.lost:,} customers).")
    return line


def sentiment_line(feedback: Any, store: JourneyStore, week: Period, sources: list[str],
                   words: str = f"in the last {CONTEXT_DAYS} days") -> tuple[str, str | None]:
    from tools.feedback.search import quote_from_chunk
    from tools.feedback.sentiment import SentimentParams, sentiment_summary

    result = sentiment_summary(feedback, SentimentParams(by="stage", period=week, compare=True, min_texts=3),
                               store=store)
    sources.append(result.provenance.call_signature())
    groups = result.groups.dropna(subset=["change"])
    if groups.empty:
        mean = "n/a" if result.overall_mean is None else f"{result.overall_mean:+.2f}"
        # Olist's Portuguese reviews have no score offline: "0 texts in the last 7 days" read as
        # no reviews at all, beside a themes note about the same week's texts
        if result.texts > result.scored:
            return (f"{result.scored:,} of {result.texts:,} texts {words} have a sentiment score, mean "
                    f"{mean} (-1 to +1)."), None
        return f"{result.scored:,} texts {words}, mean sentiment {mean} (-1 to +1).", None
    top = groups.loc[groups["change"].abs().idxmax()]
    way = "better" if top["change"] > 0 else "worse"
    line = (f"Largest move: {top['group']} {top['previous_mean']:+.2f} → {top['mean']:+.2f} ({way}), "
            f"{int(top['texts'])} texts {words}.")
    # The quote: the clearest text of that stage in the week, on the side of the move. Read from
    # the stored scores rather than a search by meaning, so the digest loads no language model.
    frame = feedback.frame(period=feedback.resolve_period(week, store), stage=[top["group"]])
    better = top["change"] > 0
    strong = frame[frame["sentiment"] >= 0.2] if better else frame[frame["sentiment"] <= -0.2]
    if strong.empty:
        return line, None
    row = strong.sort_values(["sentiment", "day"], ascending=[not better, False]).iloc[0]
    meta = {k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.to_dict().items()}
    q = quote_from_chunk(meta, str(row["text"]), None, feedback.timezone)
    return line, f'"{short(q.text)}" ({q.citation()})'


def theme_line(feedback: Any, store: JourneyStore, week: Period, sources: list[str]) -> str | None:
    from tools.feedback.themes import ThemesParams, themes

    result = themes(feedback, ThemesParams(period=week, compare=True, max_themes=8), store=store)
    sources.append(result.provenance.call_signature())
    growing = [t for t in result.themes if t.previous is not None and t.size > t.previous]
    if not growing:
        return None
    t = max(growing, key=lambda t: (t.size - (t.previous or 0), t.size))
    return f"{t.label}: {t.change_text()}" + (f' — "{short(t.quotes[0].text)}"' if t.quotes else "")


def at_risk_line(store: JourneyStore, risk: tuple[Any, Any] | None, record: bool, sources: list[str]) -> str:
    from tools.predict.churn import NewlyAtRiskParams, newly_at_risk

    registry, settings = risk if risk is not None else (None, None)
    # Never trained here: training is the retrain job's (after a sync, and nightly), and a
    # digest, dry run or not, reads the scores of the latest model.
    result = newly_at_risk(store, NewlyAtRiskParams(since="previous_scoring", days=7), registry=registry,
                           settings=settings, record=record, train_if_missing=False)
    sources.append(result.provenance.call_signature())
    return result.digest_line()


def short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
