"""Bare "visits" and "visitors" counted, on data whose only visits are web sessions (lane real25).

"How many visits in April?", "visitors in march", "the number of visits last month": bare, a
visit may be a salon's appointment or a walk-in (bot/agent/kpi_moved_counts.py reads it only
with a word for the web or a movement). On data that holds web visits and no visits in person
(the UCI online shoppers export, a web shop's analytics) there is nothing else it can be: the
visits are the sessions, the visitors the people seen. Read only when no other KPI was read,
and never when the visitors are asked about buying, coming back or leaving (other KPIs)."""

from __future__ import annotations

from bot.agent.patterns import lazy

_WEB = "website_visit"
_IN_PERSON = ("instore_visit",)
_LEAD = r"(?:(?:and|so|ok|okay|what about|how about|then)\s+)?"
_WHOSE = r"(?:(?:the|our|my|all|all the|total|site|web|website|online)\s+)?"
_COUNTED = lazy(
    rf"\b(?:how many|number of|count of|total|tally of|total number of)\s+{_WHOSE}(?P<a>visits|visitors)\b"
    rf"(?=\s*(?:did|have|has|had|were|was|are|is|we|in|on|over|during|for|last|this|so far|altogether|overall|in total|[?.!,]|$))|"
    rf"^\s*{_LEAD}{_WHOSE}(?P<b>visits|visitors)\s*[?.!]*\s*$")
# the visitors doing something another KPI counts ("visitors who bought", "visitors that bounced")
_OTHER = lazy(r"\b(?:buy|buys|bought|buying|purchas\w*|convert\w*|order\w*|book\w*|return\w*|came back|come back|"
                    r"left|leave|bounce\w*|per|new|first[- ]time|repeat|cart|basket|checkout|pages?|long|time)\b")


def web_visits_counted(rest: str, metrics: list[str], touchpoints: tuple[str, ...] | list[str]) -> list[str]:
    """The sessions (visits) or the people seen (visitors) for a bare count of visits, on data
    whose visits are all web visits; `metrics` as read otherwise."""
    if metrics or _WEB not in touchpoints or any(t in touchpoints for t in _IN_PERSON):
        return metrics
    m = _COUNTED.search(rest)
    if m is None or _OTHER.search(rest):
        return metrics
    return ["sessions"] if (m.group("a") or m.group("b")) == "visits" else ["active_customers"]
