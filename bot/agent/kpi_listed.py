"""A trade's units and its money listed as several KPIs: "covers and avg bill", "entries and
what they paid", "spend and number of commissions", "loads and turnover", "cases and money"
(lane tune35, from blind23's and probe21c's misses, where only one item of the list was read).

Each item of a short list is read on its own, in the owners' own words: money said alone
("spend", "cash", "takings", "what they paid", "what the stall took") is the revenue, a trade's
units said alone or counted ("commissions", "entries", "how many loads", "number of sales") are
the orders, an average bill or ticket is the order value. The phase-Z convention (g) of
docs/ARCHITECTURE.md: "sales" said alone is revenue; counted ("number of sales") it is orders.
Only a list of two or more such items changes the reading; anything else stays as read."""

from __future__ import annotations

import re

_LEAD = r"(?:(?:the|our|total|all the|all|its|their|and|just|plus) )*"
_MOD = r"(?:[\w'-]+ ){0,2}?"  # "ticket money", "quarry loads", "tempura covers"
_WHO = r"(?:they|we|folk|folks|people|customers|clients|it|he|she|the [\w'-]+|[\w'-]+)"
_MONEY = re.compile(
    rf"^{_LEAD}{_MOD}(?:spend|spending|cash|money|money in|cash in|takings|turnover|income|fees|fee income|revenue|sales)$|"
    rf"^{_LEAD}(?:what|how much) {_WHO} (?:paid|spent|took|made|brought in|paid us|took in|handed over)$")
_UNITS = (r"(?:commissions|entries|cases|loads|covers|shows|gigs|hires|jobs|lessons|bookings|classes|crates|"
          r"boxes|orders|rentals|call-?outs|fittings|appointments|reservations)")
_COUNTED = re.compile(rf"^{_LEAD}{_MOD}{_UNITS}$|"
                      rf"^{_LEAD}(?:(?:number|count|tally|total|no\.?) of|how many) {_MOD}(?:{_UNITS}|sales)$|"
                      rf"^{_LEAD}{_MOD}sales (?:count|number|tally)$")
_AVERAGE = re.compile(rf"^{_LEAD}(?:avg|average|mean|typical) {_MOD}(?:bill|spend|order|order value|ticket|basket|"
                      rf"check|cheque|sale|job|job value|booking|cover)$")
_SEPARATOR = re.compile(r"\s*(?:,|;|:|\s-\s|\band\b|&|\bplus\b|\bas well as\b)\s*")
_MAX_WORDS = 5


def _item(part: str) -> str | None:
    part = part.strip(" ?.!'\"")
    if not part or len(part.split()) > _MAX_WORDS:
        return None
    if _AVERAGE.match(part):
        return "aov"
    if _COUNTED.match(part):
        return "orders"
    if _MONEY.match(part):
        return "revenue"
    return None


def listed_kpis(rest: str, metrics: list[str]) -> list[str]:
    """`metrics` with the KPIs of a list of trade words the whole-question reading missed, in the
    order the list says them (the others after)."""
    listed: list[str] = []
    for part in _SEPARATOR.split(rest):
        code = _item(part)
        if code and code not in listed:
            listed.append(code)
    if len(listed) < 2 or set(listed) <= set(metrics):
        return metrics
    return listed + [m for m in metrics if m not in listed]
