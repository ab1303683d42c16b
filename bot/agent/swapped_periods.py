"""Two periods set side by side, then asked "the other way round": the same two periods,
swapped (the one compared against becomes the one shown), whatever else the follow-up says
("the other way round, september first" names one of the two again, "flip the two months, just
the web shop" narrows it too).

One vocabulary for every reader (the planner's choice of a follow-up and its merge of slots,
bot/agent/follow_up_args.py, bot/agent/against_again.py): three lanes wrote three lists that
differed at the edges ("the other way about", "in reverse", "switch them over"), so one
follow-up swapped in one reader and not in the next. Not bot/agent/grain_swaps.py: "switch it
to weeks" reshapes a series, it does not turn two periods round."""

from __future__ import annotations

from bot.agent.patterns import lazy, rx

# The arguments that hold the two periods, in the tools that set two side by side
PERIOD_ARGS = ("period", "against", "compare_period")

_UNIT = r"(?:days|weeks|months|quarters|years|periods|dates|sides)"
# what is turned round: the two periods, by a pronoun or by their unit ("the two months", "those weeks");
# "it" or "that" only where the order ends ("flip it, ...", "swap that round"): "switch that one off"
# (lane probe25b) the trade's word may come between: "swap the almond months round"
_PAIR = rf"(?:(?:the|those|these)(?: [\w'-]+)?? two(?: {_UNIT})?|(?:the|those|these)(?: [\w'-]+)?? {_UNIT}|the order|them|those|these)"
_ROUND = r"(?:round|around|over|about)"
# "switch it to weeks", "switch it off", "switch them over to instagram": another setting, not the order
_NOT_THE_ORDER = rf"(?!(?: {_ROUND})? (?:to|into|by|off|on|out|up|down|from)\b)"

# Said as an idiom: "the other way round/about", "vice versa", "same but reversed", "in reverse"
IDIOM = (r"\b(?:the )?other way (?:a?round|about)\b|\bvice versa\b|\b(?:the|in) reverse\b|"
         r"\breversed\b|\breverse order\b|\breverse\s*[?.!]*$")
# Said as an order: "swap them (over)", "flip the two months", "reverse the order", "turn it
# round" (turn only with its particle: "turn it off" is a switch), "swap round"
ORDER = (rf"\b(?:swap|switch|flip|reverse)\w* (?>{_PAIR})\b{_NOT_THE_ORDER}(?: {_ROUND})?\b|"
         rf"\b(?:swap|switch|flip|reverse)\w* (?:it|that)(?=\s*(?:$|[,.;:!?]| (?:{_ROUND}|please|then|again|so|and|now)\b))"
         rf"{_NOT_THE_ORDER}(?: {_ROUND})?\b|"
         rf"\bturn\w* (?:{_PAIR}|it|that) a?round\b|\b(?:swap|switch|flip)\w* {_ROUND}\b{_NOT_THE_ORDER}")
SWAPPED = lazy(f"{IDIOM}|{ORDER}")


def unit_of_the_pair(text: str) -> bool:
    """Whether the swap names the periods by their unit ("flip the two months", "swap the weeks
    round"): that unit is not a grain asked for."""
    m = SWAPPED.search(text)
    return bool(m and rx.search(rf"\b{_UNIT}\b", m.group()))


def sets_two_periods(spec: object) -> bool:
    """Whether a tool sets two periods side by side (compare, movers, journey_map): the only
    analyses a long question's "reversed" can turn round."""
    fields = getattr(getattr(spec, "params", None), "model_fields", {})
    return any(arg in fields for arg in PERIOD_ARGS[1:])


# (lane probe26b) The order said by naming the month to go first: "put september first and october
# second", "now have the october takings first": a swap when that month is the one compared against
_MONTH_NUMBERS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for m in names}
_MONTH = "(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
NAMED_FIRST = lazy(rf"\b(?:put|have|show|list|with|make|keep|start with|lead with)\b[^.?!]{{0,40}}?\b{_MONTH}\b"
                         rf"(?: [\w'-]+){{0,3}}? (?:first|1st|on the left)\b|^(?:[\w'-]+ ){{0,3}}?{_MONTH} first\b")


def _start_month(period: object) -> int | None:
    start = period.get("start") if isinstance(period, dict) else period
    m = rx.match(r"\d{4}-(\d\d)-\d\d", start or "") if isinstance(start, str) else None
    return int(m.group(1)) if m else None


def named_first_swaps(text: str, period: object, against: object) -> bool:
    """Whether the month said to go first is the one the last comparison set against: then the
    two periods swap sides ("put september first and october second" after October against
    September)."""
    m = NAMED_FIRST.search(text)
    if not m or not against:
        return False
    wanted = _MONTH_NUMBERS[m.group(1) or m.group(2)]
    return _start_month(against) == wanted and _start_month(period) != wanted
