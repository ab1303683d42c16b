"""Journey maps built by hand, for the rule and rendering tests: every number is chosen, so
each rule's threshold and each cell of the picture and the spreadsheet can be checked."""

from __future__ import annotations

import datetime as dt

from tools.core.results import Provenance
from tools.core.stages import STAGES
from tools.feedback.search import Quote
from tools.journey_map.results import JourneyMap
from tools.journey_map.rules import evaluate, opportunities
from tools.journey_map.types import (
    Emotion,
    MapSettings,
    PainPoint,
    StageColumn,
    StageKpi,
    TouchpointUse,
    Transition,
)

QUOTE = Quote(id="ticket:T9", source="ticket", record_id="T9",
              text="Card declined three times at checkout, mail me at [email]", date=dt.date(2026, 9, 1),
              customer_id="C1", similarity=0.9, sentiment=-0.6, sentiment_label="negative", stage="decision",
              touchpoint="checkout_start", channel="web", csat=None, nps=None)


def kpi(metric: str, label: str, value: float | None, previous: float | None, assessment: str | None,
        n: int = 200, n_previous: int = 200) -> StageKpi:
    change = None if value is None or previous is None else value - previous
    rel = None if change is None or not previous else change / abs(previous)
    return StageKpi(metric, label, value, previous, change, rel, assessment, n, n_previous, False)


def transition(i: int, of: int, reached: int, before: float | None, *, median: float = 0.5,
               still_open: bool = False) -> Transition:
    return Transition(STAGES[i], STAGES[i + 1], of, reached, reached / of if of else None, before, median,
                      median * 3, still_open)


def column(stage: str, **kw) -> StageColumn:
    base = dict(stage=stage, customers=100, active=120, events=300, online_share=0.8,
                touchpoints=(TouchpointUse("product_view", True, 90, 200, "looked at a product page"),
                             TouchpointUse("instore_visit", False, 30, 40, "visited the shop")),
                to_next=None, emotion=None, pain_points=(), kpis=())
    base.update(kw)
    return StageColumn(**base)


def hand_map(*, checkout_broken: bool = True, days: int = 7, first: dt.date = dt.date(2026, 8, 31)) -> JourneyMap:
    """Six stages; with `checkout_broken` the decision stage has a broken checkout: cart
    abandonment 30% -> 72%, feedback at -0.40 (was +0.30) over 40 texts, a new payment theme of
    30 texts, and conversion to purchase 88% -> 70%."""
    settings = MapSettings()
    bad = checkout_broken
    cols = [
        column("awareness", customers=400, to_next=transition(0, 400, 360, 0.9),
               kpis=(kpi("sessions", "Web sessions", 600, 610, "worse"),)),
        column("consideration", customers=360, to_next=transition(1, 360, 250, 0.70),
               emotion=Emotion(0.4, 0.38, 10, 10, 0.8, 0.0),
               kpis=(kpi("bounce_rate", "Bounce rate", 0.33, 0.32, "worse"),)),
        column("decision", customers=250, to_next=transition(2, 250, 175 if bad else 220, 0.88),
               emotion=Emotion(-0.40 if bad else 0.3, 0.30, 40, 40, 0.05, 0.75),
               pain_points=(PainPoint("pay / payment / card", 30, -0.5, 0 if bad else 30, "new" if bad else "steady",
                                      dt.date(2026, 8, 31), dt.date(2026, 9, 6), QUOTE),),
               kpis=(kpi("cart_abandonment", "Cart abandonment", 0.72 if bad else 0.31, 0.30,
                         "worse" if bad else "worse"),)),
        column("purchase", customers=175, to_next=transition(3, 175, 150, 0.85),
               emotion=Emotion(0.2, 0.25, 12, 12, 0.5, 0.1),
               kpis=(kpi("session_conversion", "Session conversion", 0.24, 0.25, "worse"),
                     kpi("orders", "Orders", 650, 690, "worse"), kpi("aov", "Average order value", 12.0, 12.1, "worse"))),
        column("post-purchase", customers=150, to_next=transition(4, 150, 15, 0.11),
               emotion=Emotion(0.2, 0.15, 20, 20, 0.5, 0.15),
               kpis=(kpi("delivery_time", "Delivery time (median)", 1.0, 0.95, "worse", n=40),
                     kpi("csat", "CSAT (4-5 of 5)", 0.75, 0.74, "better"),
                     kpi("first_response_time", "First response (median)", 3.0, 3.2, "better", n=20))),
        column("advocacy", customers=15, kpis=(kpi("nps", "NPS", 30.0, 33.0, "worse", n=12),
                                               kpi("repeat_purchase_rate", "Repeat purchase rate", 0.9, 0.9, "same"))),
    ]
    judged = evaluate(cols, cols[4].to_next, settings)
    last = first + dt.timedelta(days=days - 1)
    prov = Provenance("journey_map", "built by hand for the tests", period_label=f"custom period ({first} to {last})",
                      notes=("a note",))
    return JourneyMap(who="all customers", period_label=f"custom period ({first} to {last})",
                      previous_label="previous 7 days", first_day=first, last_day=last, entered=400,
                      stages=tuple(judged), weakest=cols[4].to_next, opportunities=tuple(opportunities(judged, cols[4].to_next)),
                      currency="GBP", sources={"funnel": Provenance("funnel", "customers through the stages")},
                      provenance=prov)
