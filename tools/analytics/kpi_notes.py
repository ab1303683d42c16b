"""The notes under a period's KPI values: what a value counts that its number alone does not say
(open tickets counted at a moment, buyers by their number of orders, rows left out, small samples,
a churn window reaching before the data). tools/analytics/kpi_scope.py measures; this words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tools.analytics.kpi_catalog import SPECS
from tools.analytics.kpi_contacts import contacts_line
from tools.analytics.kpi_request import Scope
from tools.analytics.kpi_result import KpiValue
from tools.core.text import counted, plural

__all__ = ["ROUGH_TOTALS", "kpi_notes", "times_line"]

ROUGH_TOTALS = "totals marked rough"  # the note's opening; compare says its own, over both periods


def kpi_notes(scope: Scope, values: list[KpiValue], first_day: dt.date,
              undelivered: list[dict[str, Any]] | None = None, last_day: dt.date | None = None,
              answers: dict[str, int] | None = None, times: list[dict[str, int]] | None = None) -> list[str]:
    notes = []
    by = {v.metric: v for v in values}
    if "repeat_customers" in by and times:
        notes.append(times_line(scope, times, last_day))
    on_time = by.get("on_time_delivery")
    if on_time and on_time.excluded:
        parts = ([f"{scope.numbers.number(int(r['orders']))} {r['what']}" for r in undelivered if r["orders"]]
                 if undelivered is not None else [])
        notes.append(f"on-time delivery: {counted(on_time.excluded, 'delivery order', scope.numbers)} due in "
                     "the period never arrived" + (f" ({'; '.join(parts)})" if parts else "")
                     + "; they are counted apart, not as late")
    if "survey_responses" in by and answers and answers["answers"]:
        num = scope.numbers.number
        notes.append(f"survey answers: {num(answers['answers'])}, of which {num(answers['csat'])} with a CSAT "
                     f"score and {num(answers['nps'])} with an NPS score (an answer can hold both, or only text)")
    notes += ticket_flow_lines(scope, by, first_day, last_day)
    notes += contacts_line(scope, by)
    open_now = by.get("open_tickets")
    if open_now and not open_now.no_data:
        # a count at a moment, not over the period: said, so it is not read as tickets opened in it
        notes.append(f"open tickets: counted at the end of {last_day or 'the period'}: tickets opened by then "
                     "and not resolved by then")
    if "churn_rate" in by:
        reach = first_day - dt.timedelta(days=scope.churn_days)
        if reach < scope.data_start:
            notes.append(
                f"churn: the {scope.churn_days}-day window reaches back to {reach}, before the data "
                f"starts ({scope.data_start}); customers whose last order was before then are missing, "
                "so churn may be understated")
    cart = by.get("cart_abandonment")
    if cart and cart.excluded:
        notes.append(f"cart abandonment: {counted(cart.excluded, 'cart', scope.numbers)} from the last {scope.cart_hours} h of "
                     "data are not counted yet (their outcome is not known)")
    length = by.get("session_length")
    if length and length.excluded and length.n:
        notes.append(f"session length: the median of the {counted(length.n, 'session', scope.numbers)} with web "
                     f"events at two or more times; {counted(length.excluded, 'session', scope.numbers)} with one "
                     "time stamp (a single event) are left out, not counted as 0 minutes")
    elif length and length.excluded:
        notes.append(f"session length: none of the {counted(length.excluded, 'web session', scope.numbers)} has "
                     "events at two different times (the export gives one time per visit, or dates events by day "
                     "or month), so there is no visit length to measure")
    notes += unpaged_lines(scope, by)
    for m, noun, what in (("first_response_time", "ticket", "without a reply"),
                          ("resolution_time", "ticket", "not resolved"),
                          ("delivery_time", "delivery event", "with no earlier order found")):
        v = by.get(m) or by.get(m + "_p90")
        if v and v.excluded:
            notes.append(f"{v.label.split(' (')[0].lower()}: {counted(v.excluded, noun, scope.numbers)} {what} "
                         f"{plural('is', v.excluded)} not counted")
    if not scope.filters.is_empty() and any(SPECS[m].family in ("surveys", "tickets") for m in by):
        notes.append("with a customer filter, anonymous survey answers and tickets are not counted")
    empty = [v.label for v in values if v.n == 0 and SPECS[v.metric].kind != "total" and not v.no_data
             and not (v.excluded and v.metric in UNPAGED)]
    if empty:
        notes.append("nothing to measure in this period for: " + ", ".join(empty))
    if any(v.small_sample for v in values):
        notes.append(f"values marked (small sample) rest on fewer than {scope.settings.min_sample} "
                     "customers, orders, answers or tickets: read them as rough")
    rough = " or ".join(dict.fromkeys(v.n_label for v in values if v.rough))  # orders, tickets, answers
    if rough:
        notes.append(f"{ROUGH_TOTALS} count fewer than {scope.settings.min_sample} {rough}: exact for the "
                     f"period, but too few to say how the shop is doing (a few {rough} more or less is chance)")
    return notes


UNPAGED = ("pages_per_session", "bounce_rate", "exit_rate")
UNPAGED_WHY = ("events are dated by month only, one time for the whole visit, so they cannot say how many "
               "pages a visit saw or which page it ended on (an export that sums up each visit gives one event "
               "per kind of page, not one per page)")


def unpaged_lines(scope: Scope, by: dict[str, KpiValue]) -> list[str]:
    """Pages per session, bounce and exit rates over events dated by month only: not measured
    (tools/analytics/kpi_sessions.py's PAGED), and said why instead of a number."""
    left = [by[m] for m in UNPAGED if m in by and by[m].excluded]
    if not left:
        return []
    out = (f"{', '.join(v.label.lower() for v in left)}: not measured for "
           f"{counted(max(v.excluded for v in left), 'web session', scope.numbers)}: their {UNPAGED_WHY}")
    if not all(v.n for v in left):
        out += "; the export's own page counts, bounce and exit rates, if it has them, are not loaded"
    return [out]


def ticket_flow_lines(scope: Scope, by: dict[str, KpiValue], first_day: dt.date,
                      last_day: dt.date | None) -> list[str]:
    """What the resolution KPIs count that their number does not say: resolved tickets are dated
    by their resolution (every other ticket KPI by the opening), the rate's last tickets had
    little time, and the backlog's change is opened minus resolved."""
    num = scope.numbers.number
    out = []
    done = by.get("resolved_tickets")
    if done and not done.no_data:
        out.append(f"resolved tickets: dated by the day each was resolved, not opened: a ticket opened "
                   f"before {first_day} and resolved in the period counts")
    rate = by.get("resolution_rate")
    if rate and not rate.no_data and rate.denominator:
        end = last_day or first_day
        running = end >= scope.as_of
        out.append(f"resolution rate: {num(rate.numerator or 0)} of the {num(rate.denominator)} tickets opened in "
                   f"{scope.period.label} were resolved by the end of {min(end, scope.as_of)}"
                   + ("; the period runs to the last day of data, so tickets opened in its last days have "
                      "had little time: the rate reads low (it understates, it never flatters)"
                      if running else "; tickets opened near its end had less time than the others"))
    net = by.get("backlog_change")
    if net and not net.no_data and net.value is not None:
        opened, closed = (net.n + net.value) / 2, (net.n - net.value) / 2
        verdict = ("closed faster than they came in: the open tickets went down" if net.value < 0 else
                   "came in faster than they were closed: the open tickets went up" if net.value > 0 else
                   "as many closed as came in: the open tickets held")
        out.append(f"ticket backlog: {num(opened)} opened - {num(closed)} resolved = {net.value:+,.0f}; "
                   f"tickets {verdict}")
    return out


MAX_TIMES = 6  # thresholds shown under repeat customers: 2 or more ... 6 or more


def times_line(scope: Scope, times: list[dict[str, int]], last_day: dt.date | None) -> str:
    """'repeat customers: of the 852 customers who bought in ..., by their completed orders up to
    2026-10-31: 781 have 2 or more, ...': each count of at least k orders, so "more than 3 times"
    (4 or more) is read off the line, never estimated from the rate."""
    num = scope.numbers.number
    buyers = sum(t["customers"] for t in times)
    most = max(t["times"] for t in times)
    parts = []
    for k in range(2, min(most, MAX_TIMES) + 1):
        parts.append(f"{num(sum(t['customers'] for t in times if t['times'] >= k))} with {k} or more")
    if not parts:
        return (f"repeat customers: all {num(buyers)} customers who bought in {scope.period.label} have one "
                "completed order")
    return (f"repeat customers: of the {num(buyers)} customers who bought in {scope.period.label}, by their "
            f"completed orders up to {last_day or 'its end'}: {', '.join(parts)}"
            + (f" (the most: {num(most)})" if most > MAX_TIMES else ""))
