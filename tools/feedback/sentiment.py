"""Sentiment aggregates: how customers feel by stage, touchpoint, channel, source or over time.

The per-text scores come from tools/feedback/scoring.py; this module groups them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from tools.analytics.filters import UNKNOWN_GROUP
from tools.analytics.group_gaps import GroupGap, Words, group_gap, shown
from tools.analytics.periods import Period, previous_calendar, provenance_period
from tools.core.errors import NoDataError
from tools.core.results import Provenance, ResultMixin
from tools.core.stages import Stage
from tools.feedback.places import place_cohort, texts_with_customer
from tools.feedback.scoring import METHOD_UNSCORED, NEUTRAL_BAND, unscored_note
from tools.feedback.thin_tail import few_texts

if TYPE_CHECKING:
    from tools.data.store import JourneyStore
    from tools.feedback.store import FeedbackStore


# -- aggregates --------------------------------------------------------------------------------

GroupBy = Literal["stage", "touchpoint", "channel", "source", "day", "week", "month"]
TIME_BUCKETS = ("day", "week", "month")
# A text's own groups, as the owner says them: "channel" is where the text came in (a survey
# by email, a ticket in store), not the customer's first touch.
TEXT_GROUPS: Words = (("stage", "journey stage"), ("touchpoint", "touchpoint"), ("channel", "channel"),
                      ("source", "source"))


class SentimentParams(BaseModel):
    """How customers feel, by journey stage, touchpoint, channel, source or over time.

    Use for "how do people feel about delivery?", "is sentiment getting worse this month?",
    "which stage gets the most negative feedback?". Reads the feedback store (run
    `journeybot feedback index` after loading surveys or tickets)."""

    by: GroupBy = Field(default="stage", description="Group texts by this: a journey dimension or a time bucket.")
    period: Period = Field(default_factory=lambda: Period(name="last_30_days"),
                           description="Which texts, by their date; relative to the last day of data.")
    source: list[str] | None = Field(default=None, description="Only these sources, e.g. ['survey', 'ticket'].")
    stage: list[Stage] | None = Field(default=None, description="Only texts about these journey stages.")
    compare: bool = Field(default=True, description="Add the previous period's mean for each group.")
    min_texts: int = Field(default=1, ge=1, le=1000, description="Hide groups with fewer scored texts.")
    city: list[str] | None = Field(default=None, description="Only texts of customers living in these towns or cities.")
    region: list[str] | None = Field(default=None, description="Only texts of customers living in these regions.")


@dataclass(frozen=True)
class SentimentShares:
    """How many scored texts of the period are positive, negative or neutral, and their shares
    (the same ±NEUTRAL_BAND cut as the groups' pos/neg columns)."""

    scored: int
    positive_n: int
    negative_n: int
    neutral_n: int
    positive: float
    negative: float
    neutral: float

    def to_text(self, period_label: str | None) -> str:
        return (f"Overall{f' in {period_label}' if period_label else ''}: {self.positive:.0%} positive "
                f"({self.positive_n:,}), {self.negative:.0%} negative ({self.negative_n:,}), "
                f"{self.neutral:.0%} neutral ({self.neutral_n:,}) of {self.scored:,} scored texts.")


def overall_shares(scores: pd.Series) -> SentimentShares:
    """Counts and shares of positive, negative and neutral texts among the scored ones (NaN:
    unscored, left out of both)."""
    s = scores.dropna()
    n = int(len(s))
    pos, neg = int((s >= NEUTRAL_BAND).sum()), int((s <= -NEUTRAL_BAND).sum())
    share = (lambda k: k / n) if n else (lambda k: 0.0)
    return SentimentShares(scored=n, positive_n=pos, negative_n=neg, neutral_n=n - pos - neg,
                           positive=share(pos), negative=share(neg), neutral=share(n - pos - neg))


@dataclass(frozen=True)
class SentimentResult(ResultMixin):
    by: str
    groups: pd.DataFrame  # group, texts, scored, mean, positive, negative, previous_mean, change
    overall_mean: float | None
    texts: int
    scored: int
    provenance: Provenance = field(repr=False)
    # the period's texts as a whole: an owner asking "what share of comments are negative?"
    # wants one answer, not one per group
    overall: SentimentShares | None = None
    gap: GroupGap | None = None  # the texts with no value for `by` (all of them: no split)

    def to_frame(self) -> pd.DataFrame:
        return self.groups.copy()

    def to_text(self, details: bool = False) -> str:
        lines = [f"Sentiment by {self.by} ({self.provenance.period_label}): "
                 f"{self.scored:,} of {self.texts:,} texts scored"
                 + (f", mean {self.overall_mean:+.2f}" if self.overall_mean is not None else "")]
        if self.groups.empty:
            # Olist's Portuguese reviews: a table header with no rows under it read as broken;
            # the notes below say why no text has a score.
            lines.append(f"No text in the period has a sentiment score, so there is nothing to show by {self.by}.")
            lines.append(self.provenance.to_text(details))
            return "\n".join(lines)
        if self.gap is not None and self.gap.empty:  # one blank group is no split: said instead
            lines.append(self.gap.note())
            if self.overall is not None and self.overall.scored:
                lines.append(self.overall.to_text(self.provenance.period_label))
            lines.append(self.provenance.to_text(details))
            return "\n".join(lines)
        lines.append(f"  {'group':<22} {'texts':>6} {'mean':>6} {'pos':>5} {'neg':>5}  vs before")
        for r in self.groups.itertuples():
            before = "" if pd.isna(r.previous_mean) else f"{r.previous_mean:+.2f} ({r.change:+.2f})"
            mean = "   n/a" if pd.isna(r.mean) else f"{r.mean:+6.2f}"
            lines.append(f"  {shown(r.group, self.by, TEXT_GROUPS):<22} {r.texts:>6,} {mean} {r.positive:>5.0%} "
                         f"{r.negative:>5.0%}  {before}")
        if self.overall is not None and self.overall.scored:
            lines.append(self.overall.to_text(self.provenance.period_label))
        lines.append("Scores run from -1 (very negative) to +1 (very positive); "
                     f"pos/neg are shares of scored texts beyond ±{NEUTRAL_BAND}.")
        lines.append(self.provenance.to_text(details))
        return "\n".join(lines)


def _bucket(frame: pd.DataFrame, by: str, tz: str) -> pd.Series:
    if by in TIME_BUCKETS:
        local = pd.to_datetime(frame["ts"], unit="s", utc=True).dt.tz_convert(tz)
        if by == "day":
            return local.dt.strftime("%Y-%m-%d")
        if by == "week":
            monday = local.dt.normalize() - pd.to_timedelta(local.dt.day_of_week, unit="D")
            return "week of " + monday.dt.strftime("%Y-%m-%d")
        return local.dt.strftime("%Y-%m")
    return frame[by].fillna(UNKNOWN_GROUP).astype(str)


def _per_document(frame: pd.DataFrame) -> pd.DataFrame:
    """Chunks of one long text count once: the text's score is its chunks' mean."""
    if frame.empty:
        return frame
    agg = {c: "first" for c in frame.columns if c not in ("doc_id", "sentiment")}
    agg["sentiment"] = "mean"
    return frame.groupby("doc_id", as_index=False, sort=False).agg(agg)


def _summarise(frame: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    s = frame["sentiment"]
    g = pd.DataFrame({
        "group": key.to_numpy(),
        "scored": s.notna().to_numpy(),
        "sentiment": s.to_numpy(),
        "pos": (s >= NEUTRAL_BAND).to_numpy(),
        "neg": (s <= -NEUTRAL_BAND).to_numpy(),
    }).groupby("group")
    out = pd.DataFrame({
        "texts": g.size(),
        "scored": g["scored"].sum(),
        "mean": g["sentiment"].mean(),
        "positive_n": g["pos"].sum(),
        "negative_n": g["neg"].sum(),
    })
    denom = out["scored"].where(out["scored"] > 0)
    out["positive"] = (out["positive_n"] / denom).fillna(0.0)
    out["negative"] = (out["negative_n"] / denom).fillna(0.0)
    return out.drop(columns=["positive_n", "negative_n"])


def sentiment_summary(
    fb: FeedbackStore, params: SentimentParams, *, store: JourneyStore | None = None,
    customers: Collection[str] | None = None,
) -> SentimentResult:
    """Mean sentiment and shares of positive and negative texts per group, with the change
    against the previous period of the same length. `customers` (ids of a persona, segment or
    channel's customers, from the caller) keeps only their texts."""
    as_of = fb.as_of(store)
    period = fb.resolve_period(params.period, store)
    place = place_cohort(store, params.city, params.region)
    if place:  # "how do customers in Leeds feel?": only theirs, with the place said
        customers = place.within(customers)
    frame = fb.frame(period=period, source=params.source, stage=params.stage, customers=customers)
    if frame.empty and place:
        raise place.nothing_written(period.label, texts_with_customer(fb, period))
    if frame.empty:
        raise NoDataError(
            f"No customer texts in {period.label}"
            + (f" for source {params.source}" if params.source else "")
            + ". Widen the period, or index feedback with `journeybot feedback index`."
        )
    docs = _per_document(frame)
    table = _summarise(docs, _bucket(docs, params.by, fb.timezone))
    gap = _text_gap(fb, docs, table, params.by)
    table = table[table["scored"] >= params.min_texts]
    table["previous_mean"] = np.nan
    # "all" and open-ended periods have no previous period to compare with.
    comparable = params.period.name not in (None, "all") or params.period.start is not None
    # "last 30 days" read as the month over texts dated by month only: said, as kpis says it
    notes: list[str] = [period.note] if period.note else []
    if params.compare and comparable and params.by not in TIME_BUCKETS:
        # read in months as the period was (texts dated by month only): Dec before Jan, not the
        # 30 days before the last 30
        prev = previous_calendar(params.period, as_of, fb.timezone, "month" if period.months else "time")
        before = _per_document(fb.frame(period=prev, source=params.source, stage=params.stage,
                                        customers=customers))
        if not before.empty:
            prev_table = _summarise(before, _bucket(before, params.by, fb.timezone))
            table["previous_mean"] = prev_table["mean"].reindex(table.index)
        else:
            # An empty "vs before" column read as "no change" (UCI's sentences, all dated on one
            # day, answered "are reviews getting more negative?"): said, with where texts begin.
            first = pd.Timestamp(float(docs["ts"].min()), unit="s", tz="UTC").tz_convert(fb.timezone).date()
            notes.append(f"no customer texts in {prev.label} to compare with, so nothing is said about a change "
                         f"(the earliest text of this period is from {first})")
    if gap is not None and gap.blank and not gap.empty:  # all blank: the text says it instead of a table
        notes.append(gap.note())
    table["change"] = table["mean"] - table["previous_mean"]
    table = table.sort_values(["mean", "texts"], ascending=[True, False]) \
        if params.by not in TIME_BUCKETS else table.sort_index()
    table = table.reset_index(names="group")
    scored = docs["sentiment"].notna()
    notes += [n for n in [_unscored_frame_note(docs)] if n]
    notes += few_texts(fb, period, len(docs), "treat differences as", source=params.source, stage=params.stage,
                       customers=customers)
    if place:
        notes.append(place.note())
    elif customers is not None:
        notes.append(f"only the texts of {len(customers):,} selected customers; anonymous texts are left out")
    prov = Provenance(
        tool="feedback_sentiment",
        definition=("mean sentiment score per text (offline: VADER and an embedding head, English "
                    "only; long texts averaged over their chunks), grouped by " + params.by),
        params=params.model_dump(mode="json"),
        **provenance_period(period, params),
        tables=("feedback",), row_counts={"feedback texts": int(len(docs))}, notes=tuple(notes),
    )
    return SentimentResult(
        by=params.by, groups=table, texts=int(len(docs)), scored=int(scored.sum()),
        overall_mean=float(docs["sentiment"].mean()) if scored.any() else None, provenance=prov,
        overall=overall_shares(docs["sentiment"]), gap=gap,
    )


def _text_gap(fb: FeedbackStore, docs: pd.DataFrame, table: pd.DataFrame, by: str) -> GroupGap | None:
    """The texts of the period with no value for `by` (a stage, touchpoint, channel or source),
    counted over the groups' own texts as the table shows them, with the splits these texts do
    have; None for a time bucket (every text has a date). Read once more over every text of the
    store only when none of the period's has one, to tell "none here" from "none at all"."""
    if by in TIME_BUCKETS:
        return None
    held = tuple(d for d, _ in TEXT_GROUPS if docs[d].notna().any())
    gap = group_gap(table["texts"].items(), by, held, "texts")
    if gap is None:
        return None
    stored = held
    if gap.empty:
        every = fb.frame()
        stored = tuple(d for d, _ in TEXT_GROUPS if every[d].notna().any())
    return replace(gap, stored=stored, subject="text", words=TEXT_GROUPS)


def _unscored_frame_note(docs: pd.DataFrame) -> str | None:
    if "lang" not in docs:
        return None
    frame = pd.DataFrame({"lang": docs["lang"], "method": np.where(docs["sentiment"].isna(),
                                                                   METHOD_UNSCORED, "scored")})
    return unscored_note(frame)


def customer_sentiment(frame: pd.DataFrame) -> pd.Series:
    """customer_id -> mean sentiment of that customer's texts (chunks of a text weigh as one
    text each), from a feedback frame (`FeedbackStore.frame()`); anonymous and unscored texts
    are left out."""
    known = frame[frame["customer_id"].notna() & frame["sentiment"].notna()]
    return known.groupby("customer_id")["sentiment"].mean().rename("sentiment")


def scored_texts(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per text of a feedback frame (`FeedbackStore.frame()`), chunks averaged: source,
    record_id, customer_id, ts (UTC), stage, score, lang. Unscored texts keep score NaN, so a
    caller can say how many were left out and why."""
    cols = ["source", "record_id", "customer_id", "ts", "stage", "score", "lang"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    docs = frame.groupby("doc_id", sort=False).agg(
        source=("source", "first"), record_id=("record_id", "first"), customer_id=("customer_id", "first"),
        ts=("ts", "first"), stage=("stage", "first"), score=("sentiment", "mean"), lang=("lang", "first"),
    ).reset_index(drop=True)
    docs["ts"] = pd.to_datetime(pd.to_numeric(docs["ts"], errors="coerce"), unit="s", utc=True)
    return docs[cols]
