"""People named by when they come, asked if they buy more readily: "are weekend shoppers more
likely to buy?", "do saturday visitors convert better?", "are evening browsers likelier to
order?". That is the buying rate set out by weekday (or hour): the time_pattern tool
(bot/agent/time_peaks.py, time_pattern_tool.py), not a score of who will buy next
(purchase_propensity), which no weekday enters."""

from __future__ import annotations

from bot.agent.when_words import WEEKDAY_NAMES

_DAY = r"(?:weekend|weekday|week-?day|" + "|".join(WEEKDAY_NAMES) + r")s?"
_HOUR = r"(?:morning|early-?morning|lunchtime|lunch-?time|afternoon|evening|night|late-?night|overnight|after-?hours|daytime)s?"
_PEOPLE = (r"(?:shoppers|visitors|browsers|customers|clients|users|buyers|guests|punters|traffic|crowd|people|folks?|"
           r"callers|diners|walk-?ins|trade|sessions|visits)")
_BUY = r"(?:buy|order|book|purchase|convert|pay|check ?out|spend|sign up)"
_MORE = (rf"(?:(?:more|less|any more|any less|much more|a lot more) likely to {_BUY}|likelier to {_BUY}|"
         rf"(?:{_BUY}|converts?|buys?|books?|orders?) (?:better|worse|more (?:often|readily)|less (?:often|readily)))\b")
_WHO_COMES = (r"(?:who|that) (?:come|comes|came|visit|visits|shop|shops|browse|browses|drop in|pop in|turn up|get in touch) "
              r"(?:(?:in|on|at|over|during|of an|late at|in the|round|around) ){0,2}(?:the |a )?")


def likelier(when: str) -> str:
    return (rf"\b{when}\b(?: [\w'-]+)? {_PEOPLE} (?:are |is |do |does )?(?:really |actually |generally )?{_MORE}|"
            rf"\b{_PEOPLE} {_WHO_COMES}{when}\b(?: [\w'-]+){{0,3}}? (?:are |is |do |does )?{_MORE}")


WEEKDAY_LIKELIER = likelier(_DAY)
HOUR_LIKELIER = likelier(_HOUR)
# The KPI such a question asks for (time_pattern_tool.py reads it before "visitors" is sessions)
# "which day of the week are brow clients most likely to actually book": the time asked for, the
# people after it (lane g-probe13b)
_WHICH_TIME_LIKELIEST = (r"\b(?:which|what) (?:day of the week|weekday|day|hour|time of (?:the )?day|month)s?\b.{0,40}?"
                         rf"\b(?:most|more|least) likely to (?:actually |really )?{_BUY}\b")
LIKELIER_METRIC = (rf"(?:{WEEKDAY_LIKELIER}|{HOUR_LIKELIER}|{_WHICH_TIME_LIKELIEST})", "purchase_conversion")
