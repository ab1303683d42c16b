"""The rules behind a journey map's colours and opportunities, in one table an owner can read.

Each rule looks at one stage's numbers, fires at an amber or a red threshold, and writes a
sentence that cites the numbers it fired on, followed by what the data suggests doing. A stage
is red when any red rule fires, amber when any amber rule fires, grey when it cannot be judged
(no numbers, nobody reached it, or too few customers, answers and texts: `grey_reason`), and
green otherwise. Opportunities are the findings, worst first, plus the
weakest transition of the journey.

With a language model configured, a `writer` may reword the opportunities; a wording that
brings in a number of its own is refused and the rule's sentence is kept.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from tools.analytics.kpi_catalog import SPECS, format_change, format_value
from tools.core.money import NumberFormat
from tools.core.text import counted, duration, pct, plural
from tools.journey_map.types import (
    Difference,
    Finding,
    JourneyMapData,
    MapSettings,
    Opportunity,
    StageColumn,
    Transition,
    Writer,
)


@dataclass(frozen=True)
class Rule:
    id: str
    when: str  # the condition in words
    amber: float
    red: float
    unit: str  # what the thresholds count


RULES: tuple[Rule, ...] = (
    Rule("conversion_fell", "conversion into the next stage fell against the period before, with at "
         "least 30 customers at the stage in both periods", amber=5, red=10, unit="percentage points"),
    Rule("kpi_worse", "a KPI of the stage got worse against the period before, both periods with at "
         "least the minimum sample", amber=10, red=25, unit="% of its previous value"),
    Rule("nps_fell", "NPS fell against the period before, both periods with at least the minimum "
         "sample of answers", amber=10, red=20, unit="NPS points"),
    Rule("unhappy", "the mean sentiment of the stage's feedback is negative, over at least 5 texts",
         amber=-0.10, red=-0.25, unit="mean sentiment (-1..+1), at or below"),
    Rule("mood_fell", "the mean sentiment of the stage's feedback fell against the period before, "
         "over at least 5 texts", amber=0.15, red=0.30, unit="sentiment points (-1..+1 scale)"),
    Rule("rising_complaint", "a complaint theme of the stage is new or rising; red when it is also "
         "at least three times its size the period before", amber=5, red=15, unit="texts"),
)
RULE = {r.id: r for r in RULES}
MIN_TRANSITION = 30
MIN_TEXTS = 5
WEAKEST = "weakest_step"

# What the data suggests doing, per stage. Plain advice a small shop can act on this week.
STAGE_ADVICE: dict[str, str] = {
    "awareness": "put more into the channels whose visitors go on to browse, and check that ads "
                 "and posts link to a page that works",
    "consideration": "make the pages people land on answer their questions (prices, allergens, "
                     "delivery and pickup times) with a clear next step to the basket",
    "decision": "place a test order end to end, check every payment method, and remind customers "
                "who left a full basket",
    "purchase": "make paying easy and offer another way to order (phone, pickup) when online "
                "payment fails",
    "post-purchase": "contact customers with late or unready orders first, give realistic "
                     "delivery and pickup times, and answer tickets faster",
    "advocacy": "ask customers right after a good experience for a review or a referral, and "
                "follow up on low scores",
}
METRIC_ADVICE: dict[str, str] = {
    "cart_abandonment": "place a test order end to end and check every payment method; remind "
                        "customers who left a full basket",
    "session_conversion": "check that checkout and payment work on phones and computers",
    "bounce_rate": "check the pages people land on: speed, prices and a clear next step",
    "delivery_time": "ask the courier what changed, tell waiting customers, and promise realistic dates",
    "first_response_time": "answer tickets within the day: a holding reply helps while the cause is fixed",
    "csat": "read the low scores and call back the unhappiest customers",
    "nps": "follow up on detractors and ask promoters for a review",
    "orders": "see which channel or product lost orders in `movers`, and check ordering works",
    "aov": "check which products customers stopped adding, and whether online baskets failed",
    "sessions": "see which channel brought fewer visitors (`movers sessions --by channel`)",
    "repeat_purchase_rate": "bring recent first-time buyers back with a reason to return",
}


def _sig(value: float, digits: int = 2) -> str:
    return f"{value:+.{digits}f}"


# -- the rules -------------------------------------------------------------------------------


def _severity(size: float, rule: Rule) -> str | None:
    if size >= rule.red:
        return "red"
    if size >= rule.amber:
        return "amber"
    return None


def _conversion_fell(col: StageColumn, settings: MapSettings) -> list[tuple[str, str, str, float]]:
    t = col.to_next
    rule = RULE["conversion_fell"]
    if t is None or t.change is None or t.of < MIN_TRANSITION or t.still_open:
        return []
    drop = -t.change * 100
    sev = _severity(drop, rule)
    if sev is None:
        return []
    nf = _numbers(settings)
    text = (f"Conversion from {t.from_stage} to {t.to_stage} fell from {pct(t.rate_before, numbers=nf)} to "
            f"{pct(t.rate, numbers=nf)} ({nf.number(drop, 1)} points; {nf.number(t.reached)} of "
            f"{nf.number(t.of)} customers went on).")
    return [(rule.id, sev, text, drop / rule.amber)]


def _kpis_worse(col: StageColumn, settings: MapSettings) -> list[tuple[str, str, str, float]]:
    out = []
    cur = NumberFormat.of(settings.kpi.currency or "GBP", settings.kpi.locale)
    floor = settings.kpi.min_sample
    for k in col.kpis:
        if k.assessment != "worse" or k.change is None or k.n < floor or (k.n_previous or 0) < floor:
            continue
        s = SPECS[k.metric]
        if k.metric == "nps":
            rule = RULE["nps_fell"]
            size = abs(k.change)
        elif k.relative_change is not None and not math.isnan(k.relative_change):
            rule = RULE["kpi_worse"]
            size = abs(k.relative_change) * 100
        else:
            continue
        sev = _severity(size, rule)
        if sev is None:
            continue
        rel = (f", {'-' if k.relative_change < 0 else '+'}{cur.number(abs(k.relative_change) * 100)}%"
               if rule.id == "kpi_worse" and k.relative_change is not None else "")
        text = (f"{k.label} got worse: {format_value(s, k.value, cur)} against "
                f"{format_value(s, k.previous, cur)} the period before "
                f"({format_change(s, k.change, cur)}{rel}; n = {cur.number(k.n)}).")
        out.append((rule.id + ":" + k.metric, sev, text, size / rule.amber))
    return out


def _unhappy(col: StageColumn, settings: MapSettings) -> list[tuple[str, str, str, float]]:
    e = col.emotion
    rule = RULE["unhappy"]
    if e is None or e.mean is None or e.scored < MIN_TEXTS or e.mean > rule.amber:
        return []
    sev = "red" if e.mean <= rule.red else "amber"
    nf = _numbers(settings)
    text = (f"Feedback about {col.stage} is negative: mean sentiment {_sig(e.mean)} over "
            f"{counted(e.scored, 'text', nf)}, {pct(e.negative, 0, nf)} of them negative.")
    return [(rule.id, sev, text, e.mean / rule.amber)]


def _mood_fell(col: StageColumn, settings: MapSettings) -> list[tuple[str, str, str, float]]:
    e = col.emotion
    rule = RULE["mood_fell"]
    if e is None or e.change is None or e.scored < MIN_TEXTS:
        return []
    sev = _severity(-e.change, rule)
    if sev is None:
        return []
    text = (f"Customers feel worse about {col.stage}: mean sentiment {_sig(e.mean or 0.0)} against "
            f"{_sig(e.previous or 0.0)} the period before ({_sig(e.change)}, "
            f"{counted(e.scored, 'text', _numbers(settings))}).")
    return [(rule.id, sev, text, -e.change / rule.amber)]


def _rising_complaints(col: StageColumn, settings: MapSettings) -> list[tuple[str, str, str, float]]:
    rule = RULE["rising_complaint"]
    out = []
    for p in col.pain_points:
        if p.trend not in ("new", "rising") or p.size < rule.amber:
            continue
        tripled = p.previous is not None and p.size >= 3 * p.previous
        sev = "red" if p.size >= rule.red and tripled else "amber"
        nf = _numbers(settings)
        before = "none" if not p.previous else nf.number(p.previous)
        # No quote here: findings go to a language model to be reworded, customer words do not.
        text = (f'Complaints about "{p.label}" at {col.stage} are {p.trend}: {counted(p.size, "text", nf)}, '
                f"{before} the period before.")
        out.append((rule.id, sev, text, p.size / rule.amber))
    return out


CHECKS = (_conversion_fell, _kpis_worse, _unhappy, _mood_fell, _rising_complaints)


def _advice(rule_id: str, stage: str) -> str:
    metric = rule_id.split(":", 1)[1] if ":" in rule_id else None
    return METRIC_ADVICE.get(metric or "", STAGE_ADVICE[stage])


def evaluate(columns: list[StageColumn], weakest: Transition | None, settings: MapSettings) -> list[StageColumn]:
    """Each stage with its findings (worst first) and its health."""
    out = []
    for col in columns:
        found = [Finding(col.stage, rid, sev, text, _advice(rid, col.stage), weight)  # type: ignore[arg-type]
                 for check in CHECKS for rid, sev, text, weight in check(col, settings)]
        found.sort(key=lambda f: (f.severity != "red", -f.weight))
        why = ""
        if any(f.severity == "red" for f in found):
            health = "red"
        elif found:
            health = "amber"
        else:
            why = grey_reason(col, settings)
            health = "grey" if why else "green"
        out.append(replace(col, findings=tuple(found), health=health, why_grey=why))
    return out


def grey_reason(col: StageColumn, settings: MapSettings) -> str:
    """Why a stage no rule fired on is not called healthy, or "" when it is green.

    Green says "checked, and fine": a stage nobody reached or was active at (Olist's advocacy,
    whose repeat-purchase KPI is about the purchase stage's customers), or one whose every
    number rests on a handful (7 customers of Olist's last 30 days, a 0.0% go-on rate with its
    window still open), was not checked, so it is grey and says why."""
    if col.customers == 0 and col.active == 0:
        if col.emotion is None and all(k.n == 0 for k in col.kpis):
            return "there are no numbers for this stage in the period"
        return "nobody reached this stage or was active at it in the period, so it is not judged"
    floor = settings.kpi.min_sample
    # a KPI counts when the kpi_worse rule could have fired on it: both periods on enough rows
    enough = (max(col.customers, col.active) >= MIN_TRANSITION
              or any(k.assessment is not None and k.n >= floor and (k.n_previous or 0) >= floor
                     for k in col.kpis)
              or (col.emotion is not None and col.emotion.scored >= MIN_TEXTS))
    if enough:
        return ""
    nf = _numbers(settings)
    return (f"too few to judge: {counted(col.customers, 'customer', nf)} reached it and "
            f"{nf.number(col.active)} {'was' if col.active == 1 else 'were'} active at it (a colour needs "
            f"{MIN_TRANSITION} customers, a KPI on {floor} in both periods or {MIN_TEXTS} scored texts)")


def _numbers(settings: MapSettings) -> NumberFormat:
    """The business's way of writing numbers (1.234 and 12,5% in Brazil), as the map's KPIs."""
    return NumberFormat.of(settings.kpi.currency or "GBP", settings.kpi.locale)


def weakest_sentence(t: Transition, numbers: NumberFormat | None = None) -> str:
    nf = numbers or NumberFormat()
    took = f"; median time to get there: {duration(t.median_days, nf)}" if t.median_days is not None else ""
    return (f"The weakest step of the journey is {t.from_stage} to {t.to_stage}: {pct(t.rate, numbers=nf)} went on "
            f"({nf.number(t.reached)} of {nf.number(t.of)}; {nf.number(t.lost)} did not){took}.")


def opportunities(columns: list[StageColumn], weakest: Transition | None, limit: int = 5,
                  numbers: NumberFormat | None = None) -> list[Opportunity]:
    """One opportunity per stage with findings (its worst three sentences and the worst one's
    suggestion), red stages first, then by how far past its threshold the worst finding is;
    then the weakest step of the journey."""
    flagged = [c for c in columns if c.findings]
    flagged.sort(key=lambda c: (c.findings[0].severity != "red", -c.findings[0].weight))
    out = [Opportunity(c.stage, c.findings[0].rule, c.findings[0].severity,
                       " ".join(f.text for f in c.findings[:3]), c.findings[0].advice)
           for c in flagged[:limit]]
    if weakest is not None:
        out.append(Opportunity(weakest.from_stage, WEAKEST, "info", weakest_sentence(weakest, numbers),
                               STAGE_ADVICE[weakest.to_stage]))
    return out


# -- a model's wording, checked ------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def numbers_in(text: str) -> set[float]:
    return {round(abs(float(t.replace(",", ""))), 6) for t in _NUMBER.findall(text)}


def phrase(opps: list[Opportunity], writer: Writer) -> tuple[list[Opportunity], str | None]:
    """The writer's wording of each opportunity, kept only when every number in it is one of
    the rule's numbers; otherwise the rule's own sentence stays. Returns a note when any
    wording was refused or the writer failed."""
    try:
        worded = list(writer([o.shown for o in opps]))
    except Exception as exc:  # a model hiccup must not lose the map
        return opps, f"the opportunities are the rules' own sentences (the writer failed: {type(exc).__name__})"
    if len(worded) != len(opps):
        return opps, "the opportunities are the rules' own sentences (the writer returned a different number)"
    out = []
    refused = 0
    for o, text in zip(opps, worded, strict=True):
        text = " ".join(str(text).split())
        if text and numbers_in(text) <= numbers_in(o.shown):
            out.append(replace(o, phrased=text))
        else:
            refused += 1
            out.append(o)
    note = (f"{refused} reworded {plural('opportunity', refused)} brought in numbers of "
            "their own and were replaced by the rule's sentence") if refused else None
    return out, note


# -- two maps: what differs ------------------------------------------------------------------------

# A difference is highlighted when it is at least this big (and its samples are not small).
NOTABLE_CONVERSION = 5.0  # percentage points
NOTABLE_EMOTION = 0.15  # sentiment points
NOTABLE_KPI = 10.0  # % of the right-hand value (NPS: points)
NOTABLE_MIN_N = 30  # customers, orders, answers or tickets on both sides


def differences(left: JourneyMapData, right: JourneyMapData) -> list[Difference]:
    cur = left.numbers
    out: list[Difference] = []
    for a, b in zip(left.stages, right.stages, strict=True):
        stage = a.stage
        out.append(Difference(stage, "health", a.health, b.health, "",
                              _health_verdict(a.health, b.health), a.health != b.health))
        share_a = a.customers / left.entered if left.entered else None
        share_b = b.customers / right.entered if right.entered else None
        out.append(Difference(stage, "customers", f"{a.customers:,}", f"{b.customers:,}",
                              f"{a.customers - b.customers:+,}",
                              _verdict(None if share_a is None or share_b is None else share_a - share_b, True),
                              False))
        if a.to_next is not None and b.to_next is not None and a.to_next.rate is not None \
                and b.to_next.rate is not None:
            d = (a.to_next.rate - b.to_next.rate) * 100
            big = (abs(d) >= NOTABLE_CONVERSION and min(a.to_next.of, b.to_next.of) >= MIN_TRANSITION
                   and not (a.to_next.still_open or b.to_next.still_open))
            out.append(Difference(stage, f"conversion to {a.to_next.to_stage}", pct(a.to_next.rate),
                                  pct(b.to_next.rate), f"{d:+.1f} pts", _verdict(d, True), big))
            out.append(Difference(stage, f"median time to {a.to_next.to_stage}",
                                  duration(a.to_next.median_days), duration(b.to_next.median_days), "",
                                  "same" if a.to_next.median_days == b.to_next.median_days else "different", False))
        ea, eb = a.emotion, b.emotion
        if ea is not None and eb is not None and ea.mean is not None and eb.mean is not None:
            d = ea.mean - eb.mean
            big = abs(d) >= NOTABLE_EMOTION and min(ea.scored, eb.scored) >= MIN_TEXTS
            out.append(Difference(stage, "emotion", _sig(ea.mean), _sig(eb.mean), _sig(d), _verdict(d, True), big))
        # The KPIs each side's data can answer (a side with no data for one leaves it out).
        theirs = {k.metric: k for k in b.kpis}
        for ka in a.kpis:
            kb = theirs.get(ka.metric)
            s = SPECS[ka.metric]
            if kb is None or ka.value is None or kb.value is None:
                continue
            d = ka.value - kb.value
            size = abs(d) if ka.metric == "nps" else (abs(d) / abs(kb.value) * 100 if kb.value else math.inf)
            # Totals (sessions, orders) of periods of different lengths are not comparable.
            comparable = s.kind != "total" or left.days == right.days
            big = size >= NOTABLE_KPI and min(ka.n, kb.n) >= NOTABLE_MIN_N and d != 0 and comparable
            better = s.higher_is_better
            out.append(Difference(stage, ka.label, format_value(s, ka.value, cur), format_value(s, kb.value, cur),
                                  format_change(s, d, cur), _verdict(d, better), big))
        tops = ", ".join(p.label for p in a.pain_points[:1]) or "-"
        topb = ", ".join(p.label for p in b.pain_points[:1]) or "-"
        out.append(Difference(stage, "top pain point", tops, topb, "", "same" if tops == topb else "different", False))
    return out


def _verdict(delta: float | None, higher_is_better: bool | None) -> str:
    if delta is None or higher_is_better is None:
        return "different" if delta else "same"
    if abs(delta) < 1e-9:
        return "same"
    return "better" if (delta > 0) == higher_is_better else "worse"


_RANK = {"green": 0, "amber": 1, "red": 2, "grey": -1}


def _health_verdict(a: str, b: str) -> str:
    if a == b:
        return "same"
    if "grey" in (a, b):
        return "different"
    return "better" if _RANK[a] < _RANK[b] else "worse"
