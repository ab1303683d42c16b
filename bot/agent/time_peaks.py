"""Which day or week was highest: "which day last week was busiest?", "what week had the most
orders this quarter?". A day-by-day or week-by-week trend answers it (its text names the highest
and the lowest point). Before, "which <anything> ... most" was read as a group ranking and got
the movers by channel, which answered another question without saying so.

Months of the year, weekdays and hours of the day are a pattern, not a series: such a question
goes to the time_pattern tool (bot/agent/time_pattern_tool.py). So does "what's our busiest
day?" with no period named: the day of the week is meant, not one date.
"""

from __future__ import annotations

from typing import Any

from bot.agent.analytics_cues import DAYS_VS, metrics_from, text_of
from bot.agent.day_hunches import DAY_HUNCH
from bot.agent.likelier_when import HOUR_LIKELIER, WEEKDAY_LIKELIER
from bot.agent.one_vs_rest import DAY_VS_REST, MONTH_VS_REST
from bot.agent.patterns import lazy, rx
from bot.agent.time_hunches import DAY_OURS, MONTH_HUNCH
from bot.agent.visit_pattern_words import WHEN_VISITS
from bot.agent.weekday_money import HOUR_PEAK, WEEKDAY_EARNS
from bot.agent.when_words import MONTH_NAMES, WEEKDAY_NAMES

# "which night this week took the most", "best night's takings last week": a night is a day's trade (lane tune27)
# (lane probe20b) "which night of the week has the highest spend per table": a night of the week is a weekday
_UNIT = r"(day|date|night|evening|week|month|year|weekday|(?:day|night|evening) of (?:the )?week|hour|time of (?:the )?day)(?!'?s? of (?:the )?week)"
# "which single day last week", "what one week this quarter": the same ask with the day singled out
# (lane probe20a: up to 90 characters between, for "which single day in the first half of november did
# the goulash kitchen take the most")
_ONE = r"(?:(?:single|one|particular|exact|specific) )?"
# (lane probe22b) "which month are we flat out with hires", "what day are we rushed off our feet": the
# busiest said as an owner feels it
_PEAK = lazy(rf"\b(?:which|what) {_ONE}{_UNIT}s?\b.{{0,90}}\b(?:most|least|highest|lowest|busiest|quietest|best|worst|"
                   rf"biggest|slowest|fewest|top|peak(?:ed)?|record|flat out|(?:run|rushed) off (?:our|my|their) feet|"
                   rf"slammed|swamped|mobbed|heaving|rammed|packed out|snowed under)\b|"
                   # (lane probe28b) "top date for relish money in september": a date is always one day
                   rf"\b(?:busiest|quietest|slowest|best|worst|biggest|record|peak) {_UNIT}\b|\b(?:top|strongest|highest) (date)\b")
_BUSY = lazy(r"\bbusiest\b|\bquietest\b|\bslowest\b|\bpeak\b")
# The trend's cue: a day or a week asked about by its height is a question about the data even
# with no KPI named ("which day last week was busiest?").
TIME_PEAK_CUES = (
    (r"\b(?:which|what) (?:(?:single|one|particular|exact|specific) )?(?:day|date|week)\b(?! of the week).{0,90}\b(?:most|least|highest|lowest|busiest|quietest|"
     r"best|worst|biggest|slowest|fewest|top|peak(?:ed)?|record)\b|\b(?:busiest|quietest|slowest) (?:day|week)\b(?! of the week)",
     0.3),
    # "which night this week had the biggest door take", "best night's takings last week": one
    # night of a named period (with none, "our best night" is a night of the week)
    (r"^(?=.*\b(?:this|last|past|in|since|during) (?:week|month|fortnight|weekend|\d+ days|quarter|year|[a-z]+ber|"
     r"january|february|march|april|may|june|july|august)\b)(?:.*\b(?:which|what) (?:(?:single|one|particular) )?"
     r"(?:night|evening)\b(?!s|'?s? of (?:the )?week).{0,60}\b(?:most|highest|best|biggest|top|record|busiest|quietest|worst|lowest)\b|"
     r".*\b(?:best|biggest|busiest|top|record|worst|quietest) (?:night|evening)(?:'s)?\b(?!s|'?s? of (?:the )?week))", 0.3),
)


# When customers come (the time_pattern tool): what owners say when they want a pattern of the
# week, the day or the year.
_DAYS = "(?:" + "|".join(f"{d}s" for d in WEEKDAY_NAMES) + "|weekends|weekdays)"
_IN_MONTH = "(?:" + "|".join(m for m in MONTH_NAMES if m != "may") + ")"  # "in october": one month's dates
_HIGH = (r"(?:busiest|quietest|slowest|best|worst|biggest|strongest|weakest|peak|most|least|highest|lowest|"
         r"top|fewest)")
_WEEKDAY = (r"\b(?:days?|nights?|evenings?) of (?:the )?week\b|\b(?:by|per|each|every|which|what) weekday\b|\bweekday (?:pattern|split|breakdown)\b|"
            rf"\b(?:are|is) (?:it )?(?:\w+ )?{_DAYS} (?:(?:really|even|actually) )?worth\b|"
            rf"\b(?:busy|quiet|slow|dead) (?:on )?{_DAYS}\b|\b{_DAYS} (?:busier|quieter|slower|better|worse)\b|"
            rf"\bmore (?:[\w-]+ ){{0,3}}?(?:(?:on|at|to|in|through) (?:the |our )?[\w-]+ )?(?:on|at) {_DAYS}\b|"  # "more first-time visitors on the site on mondays"
            # "abandon baskets more on certain weekdays", "do some days of the week get fewer bookings"
            r"\b(?:on|at) (?:certain|some|particular|specific|different) (?:weekdays|days of the week)\b|"
            r"\b(?:certain|some|particular|specific) weekdays\b|"
            r"\bweekends? (?:or|vs\.?|versus|compared (?:to|with)) weekdays?\b|"
            rf"\bweekdays? (?:or|vs\.?|versus|compared (?:to|with)) weekends?\b|"
            # (lanes probe28a/b) never "best day for takings in october, which date was it" or "top day for
            # orders in september, the actual date": one date, of a named month or asked outright
            rf"\b(?<!single ){_HIGH} (?:selling |trading |sales |earning |booking )?day\b(?! (?:last|this|of (?:last|this|the (?:last|past|month|year)))\b)"
            rf"(?![^?!]*\bdates?\b)(?! (?:[\w'-]+ ){{0,3}}?(?:in|during) {_IN_MONTH}\b)"
            r"(?!.*\b(?:the (?:actual|exact|calendar) date|(?:which|what) (?:exact |actual )?date)\b)|"
            # one weekday weighed up: "is it worth staying open on tuesdays", "how do sundays rank?"
            rf"\bworth (?:\w+ ){{0,2}}(?:open|opening|trading|working) (?:on )?{_DAYS}\b|"
            rf"\bhow (?:do|does) (?:our )?{_DAYS} (?:rank|compare|stack up|measure up|do against)\b|"
            rf"\b{_DAYS} (?:are|is) (?:\w+ )?dead\b|\bare (?:the )?{_DAYS} dead\b|"
            # (lane ps24) "are mondays a dead loss for calzones", "are tuesdays a write-off": one weekday written off
            rf"\b(?:are|is) (?:the )?{_DAYS} (?:\w+ )?(?:a |an )?(?:dead loss|write-?off|wash-?out|waste of time|lost cause|"
            r"non-?starter|damp squib|dud|flop|bust|dead day|dead night|quiet one)\b|" + DAYS_VS.pattern)  # (probe23c) a dud
# One weekday or month named and weighed up: "is Sunday a dead day for us", "is friday our
# strongest night for revenue", "should we bother opening on mondays", "is August a slow month?".
_DAY1 = "(?:" + "|".join(WEEKDAY_NAMES) + ")s?"
# not "may": "is may ..." is as often the verb as the month
_MONTH1 = "(?:" + "|".join(m for m in MONTH_NAMES if m != "may") + ")"
_JUDGE = (r"(?:dead|slow|quiet|busy|good|bad|strong|weak|decent|great|ok|okay|solid|worthwhile|profitable|best|worst|busiest|quietest|slowest|strongest|weakest|"
          r"biggest|top|peak|big|huge|massive|poor|lean|small|"
          # (lane tune34) "is july a standout month", "are wednesdays a dud": one month or weekday judged
          r"stand-?out|dud|duff|bumper|banner|flat|rubbish|stellar)")
# ("is sunday a slow one": the day said again as "one")
_NAMED_DAY = (rf"\b(?:is|are|was|were) (?:\w+ )?{_DAY1} (?:\w+ ){{0,2}}{_JUDGE} (?:day|night|evening|trading day|one)s?\b|"
              rf"\b(?:bother|worth) (?:\w+ ){{0,2}}(?:open|opening|trading|working) (?:on )?{_DAY1}\b|"
              # (lane probe20a) "worth keeping the shutters up on a monday", "worth having the doors open on a sunday"
              rf"\bworth (?:\w+ ){{1,3}}(?:open|up|going|running|lit) (?:on )?(?:a |the )?{_DAY1}\b|"
              # "is it worth me coaching on mondays", "worth us running classes on sundays": any
              # work said, on one weekday
              rf"\bworth (?:it )?(?:(?:me|us|my|our|the|\w+ing) ){{1,3}}on {_DAY1}\b|"
              # "is Monday even worth opening for", "tuesdays are worth it?", "do Saturdays bring the
              # highest sales", "does friday get us the most bookings": one weekday weighed against the rest
              rf"\b(?:is|are) (?:it )?(?:\w+ )?{_DAY1} (?:(?:really|even|actually|ever) )?worth\b|"
              # "are Fridays any good for bookings", "is Sunday much use to us": one weekday judged
              rf"\b(?:is|are) (?:\w+ )?{_DAY1} (?:any|much|even|actually|really) (?:good|use|cop|busy)\b|"
              rf"\b{_DAY1} (?:is|are) (?:(?:really|even|actually|ever) )?worth (?:it|opening|trading|staying|the)\b|"
              # (lane tune33) "yuh think wednesdays worth putting a gig on", "mondays really worth running a class"
              rf"\b{_DAY1} (?:(?:really|even|actually|ever) )?worth (?:it|the|[\w-]+ing)\b|"
              rf"\b{_DAY1} (?:bring|get|see|do|make|take|pull|draw)s? (?:in )?(?:us )?(?:the )?{_HIGH}\b")
# "are sundays slow for lesson bookings", "is monday usually quiet?": one weekday judged, said
# without a "day" after the judgement
_NAMED_DAY += (rf"|\b(?:is|are) (?:\w+ )?{_DAY1} (?:(?:usually|always|normally|generally|really|typically|a bit|too|that|so|"
               rf"any|often|still|the|our|a|an) )?{_JUDGE}(?:er)?(?: (?:for|at|on|with|in|by|to)\b|\s*[?.!]*$)")
# "how do thursdays do for bakery orders", "how are wednesdays for the takings": a weekday said
# in the plural is every one of them, weighed against the other days (one date is singular)
_NAMED_DAY += (rf"|\bhow (?:do|are) (?:our |the )?{_DAYS}(?: (?:do|doing|fare|faring|go|going|look|looking|shaping up))?"
               r"(?: (?:for|with|on|in terms of)\b|\s*[?.!]*$)")
# (lane probe25c) "reckon friday's our big day for takings", "thursday, our big night ... or a
# flop?", "is saturday the chestnut stall's big day": one weekday held up as the week's top, said
# with a possessive, a comma or the trade's own name in between (never "last friday, our best day")
_TOP_DAY = r"(?:big|biggest|busiest|best|top|main|peak|strongest|quietest|slowest|worst)"
_NAMED_DAY += (rf"|(?<!last )(?<!this )(?<!next )\b{_DAY1}(?:'s|,| is| are)? (?:(?:really|still|usually|always|even) )?"
               rf"(?:our|the) (?:[\w'-]+ ){{0,2}}?{_TOP_DAY} (?:day|night|evening)\b(?! (?:last|this|ever)\b)"
               rf"|\b(?:is|are) {_DAY1} (?:the|our) (?:[\w'-]+ ){{0,3}}?{_JUDGE} (?:day|night|evening)s?\b")
_NAMED_MONTH = rf"\b(?:is|are|was|were) (?:\w+ )?{_MONTH1} (?:\w+ ){{0,2}}{_JUDGE} (?:months?|times? of (?:the )?year|ones?)\b"
# (lane probe20b) "is may our big month for flower takings": after "is" or "was", "may" is the month
MAY_MONTH = r"\b(?:is|was) may (?=(?:\w+ ){0,2}" + _JUDGE + r" (?:months?|times? of (?:the )?year|ones?)\b)"
_NAMED_MONTH += "|" + MAY_MONTH
# (lane probe24c) "does october stand out from the other months", "did march stick out against the rest
# of the year": one month set against the others (never a day that stood out, the digest's)
_NAMED_MONTH += (rf"|\b(?:does|did|do|is|was) {_MONTH1} (?:\w+ ){{0,3}}?(?:stand|stands|stick|sticks|jump|jumps) out\b"
                 r"(?=.{0,50}\b(?:other|rest|every|all)\b)")
_WEEKDAY += "|" + _NAMED_DAY + "|" + DAY_HUNCH + r"|\b" + _HIGH + r" weekdays?\b"
# "how quickly do we reply on weekends?": a KPI's weekdays set side by side is the nearest honest
# reading (one number over all days would answer it without saying weekends were not separated)
_WEEKEND_SPEED = r"\bhow (?:quick(?:ly)?|fast|long|soon|slow(?:ly)?) (?:[\w']+ ){0,8}(?:on|at|over|during) (?:the )?weekends\b"
_WEEKDAY += "|" + _WEEKEND_SPEED + "|" + DAY_VS_REST + "|" + WEEKDAY_LIKELIER
# "what time of the evening do most orders come through", "how fast do we answer depending on
# the hour they arrive": the hours of the day set side by side, whatever KPI is named
_HOUR_ASKED = (r"\b(?:what|which) times? of (?:the )?(?:evening|morning|afternoon|night)\b|"
               r"\b(?:depending on|according to|varies? (?:by|with)) (?:the )?(?:hour|time of (?:the )?day)\b")
_HOUR = (r"\btimes? (?:of|o'?|a) (?:the )?day\b|\bwhat o'?clock\b|"
         # (lane probe27a) "sock orders by the hour since october", "gin sales by the clock hour", "what's the
         # hour kaftan orders come in the most" (never a price or a hire "by the hour": "do we charge by the hour")
         r"(?<!\bcharge )(?<!\bcharged )(?<!\bcharging )(?<!\bpaid )(?<!\bpay )(?<!\bbilled )(?<!\bbill )(?<!\bhired )"
         r"(?<!\bhire )(?<!\brented )(?<!\brent )(?<!\bpriced )(?<!\bprice )(?<!\bbooked )(?<!\blet )\bby the (?:clock )?hours?\b|"
         r"\bwhat(?:'s| is) the (?:busiest |peak |top |usual |main )?hour\b|\bhour of (?:the )?day\b|\b(?:by|per|each|every) hour\b|\bhourly\b|"
         # "hour-by-hour orders", "when in the day do tickets come in"
         r"\bhour[- ]by[- ]hour\b|\b(?:when|what point|what time|where) (?:in|of|during) the day\b|"
         # "what time in the arvo do most bookings come through"
         r"\bwhat times? in the (?:arvo|afternoon|morning|evening|night)\b|"
         rf"\b(?:which|what) (?:clock )?hours?\b(?! (?:do|does|are|is) (?:\w+ )?(?:open|close|shut))|\b{_HIGH} (?:hours?|times?)\b|"
         r"\bwhat times? (?:of day )?(?:do|does|did|are|is)\b(?!.{0,40}\b(?:open|close|shut|it)\b)|"
         r"\bmornings? or (?:the )?(?:afternoons?|evenings?)\b|\b(?:afternoons?|evenings?) or (?:the )?mornings?\b|"
         # "lunch or dinner, when do we sell more": two meal times set side by side are hours of the day
         r"\b(?:breakfast|brunch|lunch|lunchtime|dinner|dinnertime|supper|tea ?time)s? (?:or|vs\.?|versus) (?:the )?"
         r"(?:breakfast|brunch|lunch|lunchtime|dinner|dinnertime|supper|tea ?time|evening)s?\b|"
         r"\bwhen do (?:\w+ ){0,3}(?:buy|order|shop|send|complain|visit|come|book|write|raise|open|get in touch|check out)\b|"
         r"\bwhen (?:are|is) (?:we|it|the shop|the site|our \w+) (?:busiest|quietest)\b|" + WHEN_VISITS + "|" + _HOUR_ASKED + "|" + HOUR_LIKELIER)
# "what time of year do we get the most bookings": the months of the year set side by side
_YEAR_TIME = r"\b(?:what|which) (?:times?|parts?|point) of (?:the )?year\b"
_MONTH = (rf"\b(?:which|what) months? (?:of the year )?(?:is|are|was|were|do|does|did|has|had|brings?|gets?|sells?)\b"
          rf".{{0,50}}\b{_HIGH}\b|\b{_HIGH} months?\b(?! (?:of|this|last)\b)|\bmonths? of (?:the )?year\b|"
          # "which months were our slow ones", "what month was slow last year"
          r"\b(?:which|what) months? (?:is|are|was|were|tends? to be|used to be) (?:our |the |usually |always |really )?"
          r"(?:quiet|slow|busy|dead|lean|strong|weak|flat|heaving|rammed|good|bad)(?: ones?| for us)?\b|"
          + _YEAR_TIME + r"|\bseasonal(?:ity)?\b|\bby calendar month\b|\bquiet(?:er)? months?\b|\bbusy months?\b" + "|" + _NAMED_MONTH + "|"
          + MONTH_VS_REST)
# "are customers happier on some weekdays", "which month are guests happiest": the satisfaction's
# pattern (bot/agent/time_pattern_tool.py reads the mood as csat), not the sentiment of texts
_MOOD = r"(?:happ(?:y|ier|iest)|unhapp(?:y|ier|iest)|more (?:satisfied|content|pleased)|grump(?:y|ier|iest))"
_MOOD_WHEN = (rf"\b{_MOOD}\b(?:\s+[\w'-]+){{0,3}}?\s+(?:on|at|in|during) (?:certain |some |particular |specific |"
              r"different )?(?:weekdays|weekends|days of the week|(?:times|hours) of (?:the )?day|months of the year)\b|"
              rf"\b(?:which|what) (?:weekday|day of the week|hour|time of (?:the )?day|month of the year)s? (?:\w+ ){{0,3}}{_MOOD}\b")
_WEEKDAY += "|" + _MOOD_WHEN
# (lane tune29) "n wat about mon to sun?", "monday through sunday": the whole week's days side by side
_WEEK_ROUND = r"\bmon(?:day)? (?:to|thru|through|till|until|-) sun(?:day)?\b"
_WEEKDAY += "|" + _WEEK_ROUND
# "which calendar month is the money month": the month that earns most (the revenue, read there)
_MONEY_MONTH = r"\b(?:which|what) (?:calendar )?months? (?:\w+ ){0,3}(?:money|cash|bumper|banner|boom) months?\b"
# (lane ps7) "buying rate per calendar month, which one comes out on top", "which calendar month
# is best for bookings": the months of the year ranked, not a month-by-month line
_CALENDAR_TOP = (r"\b(?:which|what) calendar months?\b|\b(?:per|by|each|every|in each) calendar month\b.{0,40}\b(?:which|what)\b"
                 r".{0,30}\b(?:on top|best|top|strongest|highest|biggest|wins?|busiest|worst|lowest|weakest|quietest)\b")
_MONTH += "|" + _MONEY_MONTH + "|" + _CALENDAR_TOP + "|" + MONTH_HUNCH  # (lane probe18a) a month weighed
_WEEKDAY += "|" + DAY_OURS
# (lane real25) "do we sell more at the weekend?", "do weekends sell better?", "are we busier at
# weekends": the weekend weighed against the week as a habit, its days side by side with the others
# (never one weekend: "did we sell more last weekend" is that weekend's figures)
_MORE = r"(?:more|better|busier|quieter|slower|less|fewer|worse|stronger|weaker)"
_WEEKENDS_WEIGHED = (r"^(?!.*\b(?:did|was|were|last|this|past|next|coming)\b)(?:"
                     rf".*\b{_MORE} (?:[\w'-]+ ){{0,3}}?(?:at|on|over) (?:the )?weekends?\b|"
                     r".*\b(?:weekends|saturdays and sundays) (?:[\w'-]+ ){0,2}?(?:sell|sells|do|trade|bring|brings|take|takes|earn|earns|get|gets|"
                     rf"make|makes|go|goes)(?: in| us)? (?:[\w'-]+ )?{_MORE}\b)")
_WEEKDAY += "|" + _WEEKENDS_WEIGHED
_WEEKDAY += "|" + WEEKDAY_EARNS  # (lane probe26a) a weekday weighed by its money
_HOUR += "|" + HOUR_PEAK
PATTERN_CUES: tuple[tuple[str, float], ...] = ((_MOOD_WHEN, 1.0), (_MONEY_MONTH, 1.0), (_CALENDAR_TOP, 1.0), (_WEEKDAY, 0.6), (_HOUR, 0.6), (_MONTH, 0.6), (_WEEKEND_SPEED, 1.0),
                                               (_NAMED_DAY, 1.0), (DAY_HUNCH, 1.0), (_NAMED_MONTH, 1.0), (_HOUR_ASKED, 1.0), (_YEAR_TIME, 1.0),
                                               (DAY_VS_REST, 1.0), (MONTH_VS_REST, 1.0), (MONTH_HUNCH, 1.0), (DAY_OURS, 1.0), (_WEEKENDS_WEIGHED, 1.0),
                                               (WEEKDAY_LIKELIER, 1.0), (HOUR_LIKELIER, 1.0),
                                               (WEEKDAY_EARNS, 1.0), (HOUR_PEAK, 1.0))


def pattern_by(text: str) -> str | None:
    """weekday | hour | month when the question asks for a pattern of the week, day or year."""
    if rx.search(_HOUR, text):
        return "hour"
    if rx.search(_MONTH, text):
        return "month"
    if rx.search(_WEEKDAY, text):
        return "weekday"
    return None



def time_peak(slots: Any) -> str | None:
    """day | week | month | year | weekday | hour, when the question asks which one was highest."""
    m = _PEAK.search(text_of(slots))
    if m is None:
        return None
    unit = rx.sub(r"^(?:date|night|evening)$", "day", next((g for g in m.groups() if g), ""))
    if unit == "day" and not getattr(slots, "period", None):
        return "weekday"  # "what's our busiest day?": of the week; one day needs a period
    if unit.startswith(("day of", "night of", "evening of")) or unit == "weekday":
        return "weekday"
    if unit.startswith("time of") or unit == "hour":
        return "hour"
    return unit


def pattern_asked(slots: Any) -> bool:
    """A question about the week's days, the day's hours or the year's months as a pattern
    ("revenue by day of the week"), which the time_pattern tool answers, not a series."""
    return time_peak(slots) in ("weekday", "hour", "month") or pattern_by(text_of(slots)) is not None


def boost_trend_peak(slots: Any) -> float:
    """A day or a week asked about by its height: the trend at that grain."""
    unit = time_peak(slots)
    if unit not in ("day", "week"):
        return 0.0
    return 1.0 if metrics_from(slots) or _BUSY.search(text_of(slots)) else 0.0


def plan_trend_peak(slots: Any, args: dict[str, Any]) -> dict[str, Any]:
    unit = time_peak(slots)
    if unit not in ("day", "week"):
        return args
    out = {**args, "grain": unit}
    if not metrics_from(slots):
        out["metric"] = "orders"  # "which day was busiest?": the orders taken
    return out
