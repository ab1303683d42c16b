"""Reading an alert rule out of a request: "tell me if checkout conversion drops 10% week on
week", "alert me when CSAT falls below 80%", "warn me about unusual order days".

The metric, stage and channel come from bot/agent/slots.py like for any question; this adds
the condition, the value, the window, the severity, which way an unusual move counts
("spikes" = up) and whether each channel or segment is watched on its own ("any channel"),
and finds which existing rule a "change" or "delete" request means.
"""

from __future__ import annotations

from typing import Any

from bot.agent.alert_one_way import one_way
from bot.agent.alert_plain_words import OFF_SAID
from bot.agent.patterns import lazy, rx
from bot.agent.word_fragments import DAY_WEEK_MONTH

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_CONDITIONS: list[tuple[str, str]] = [
    (rf"\b(?:drops?|dropp(?:ed|ing)|falls?|fell|falling|decreases?|goes down|down|declines?|dips?|slides?|slid|sliding|slips?|"
     rf"slipped|sinks?|sank|slumps?|slumped|tumbles?|tumbled|shrinks?|shrank|plunges?|plunged)\s+(?:by\s+)?(?:more than\s+|over\s+)?{_NUMBER}\s*(?:%|percent|per cent)", "drops_by"),
    (rf"\b(?:rises?|rising|increases?|goes up|up|jumps?|grows?|climbs?)\s+(?:by\s+)?(?:more than\s+|over\s+)?{_NUMBER}\s*(?:%|percent|per cent)", "rises_by"),
    # "10% down on the previous week", "5 percent up on last month": the share said first
    # "20 percent or more under the previous week": the share, at least that much
    (rf"\b{_NUMBER}\s*(?:%|percent|per cent)\s+(?:(?:or|and) (?:more|worse|over|above)\s+)?(?:down|lower|below|less|worse|under)\b", "drops_by"),
    (rf"\b{_NUMBER}\s*(?:%|percent|per cent)\s+(?:(?:or|and) (?:more|over|above)\s+)?(?:up|higher|above|more|over)\b", "rises_by"),
    # "a 15% rise in average job value", "a 10 percent fall in takings": the move named after its share
    (rf"\b{_NUMBER}\s*(?:%|percent|per cent)\s+(?:rise|increase|jump|climb|growth|uptick|gain|hike)\b", "rises_by"),
    (rf"\b{_NUMBER}\s*(?:%|percent|per cent)\s+(?:drop|fall|dip|decline|slump|slide|decrease|drop-?off|loss|plunge)\b", "drops_by"),
    (rf"\b(?:below|under|less than|fewer than|lower than|no more than|drops? below|falls? below|goes below|"
     rf"dips? below|sinks? below|shorter than|quicker than|faster than|(?:drops?|falls?|dips?|sinks?|slips?) past)\s+[£$€]?{_NUMBER}", "below"),
    (rf"\b(?:above|over|more than|higher than|greater than|exceeds?|goes above|rises? above|tops?|longer than|slower than|beyond|"
     # "climbs past 75%", "goes past 8 hours" (not "the past 30 days")
     rf"(?:climbs?|rises?|goes|gets?|creeps?|jumps?|moves?|shoots?|runs?) past|pass(?:es|ed)?|breaks?|breach(?:es)?|cross(?:es|ed)?(?: over)?)\s+[£$€]?{_NUMBER}",
     "above"),
]
_UNUSUAL = lazy(r"\b(?:unusual|anomal\w*|abnormal|strange|weird|odd|spikes?|out of the ordinary)\b")
# Sudden moves without a number are unusual days in one direction: "a channel's new visitors
# spike", "orders dry up". A percentage ("jumps by 20%") is a rises_by rule instead.
_UP = lazy(r"\b(?:spik(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|jump(?:s|ed|ing)?|shoots? up|shot up|"
                 r"takes off|taking off|took off|soar\w*|boom\w*|lots of|loads of|"
                 # "a channel goes mad with new visitors", "bookings go wild": a sudden rise
                 r"(?:go|goes|going|gone|went) (?:mad|crazy|wild|nuts|bonkers|mental|haywire)\b|"
                 # "a flood of newcomers", "a rush of orders", "an influx"
                 r"(?:a |an )?(?:flood|rush|wave|surge|deluge|influx|spate)(?:s|ed|ing)?(?: of| in)?|floods? in|"
                 # "new visitors start pouring in", "enquiries come streaming in": arriving in numbers
                 r"(?:pour|stream|teem|roll)(?:s|ed|ing)? in\b(?! (?:a |an )?(?:trickle|dribs?)\b)|"
                 # "refunds go through the roof", "bookings double out of nowhere", "complaints balloon"
                 r"(?:way|far|massively|hugely|right) up\b|through the roof|(?:doubl|tripl)(?:e|es|ed|ing)(?! (?:check|up as)\b)|explod\w*|balloon\w*|mushroom\w*|skyrocket\w*|"
                 # "an unusual pile of support tickets", "when complaints pile up"
                 r"(?:a |an )?(?:pile|heap|mountain|stack|glut|barrage|avalanche)s? of|pil(?:e|es|ed|ing) up|"
                 # (lane probe20b) not "suddenly brings weirdly few": what it brings is said after the verb
                 r"suddenly (?:(?:sends?|brings?|gets?)(?! (?:in )?(?:(?:weirdly|strangely|oddly|unusually|very|really|far|way|much) )?"
                 r"(?:few|fewer|less|little|low|hardly|barely|no)\b)|more|rises?|grows?|climbs?)|unusually (?:high|many|much|busy)|"
                 # "a weirdly busy day", "a mad week"
                 r"(?:weirdly|strangely|oddly|suspiciously|abnormally|crazy|insanely) (?:high|many|much|busy|big)|"
                 r"(?:a |an )?(?:mad|crazy|manic|mental|rammed|heaving) (?:day|week)s?|"
                 # "way more newbies than normal", "shoots way above normal"
                 r"(?:way|far|much|a lot|loads|lots) (?:more|higher|busier|bigger)(?: [\w-]+){0,3} than (?:normal|usual|average)|"
                 r"(?:way|far|well|much) (?:above|over) (?:the )?(?:normal|usual|average)|"
                 # (lane probe26b) "starts pouring way more new visitors onto the site", "sends heaps more"
                 r"(?:send|bring|pour|push|driv|get|throw|pull)\w* (?:in |us )?(?:way|far|massively|hugely|vastly|loads|heaps|lots|a lot) more)\b")
_DOWN = lazy(r"\b(?:unusually (?:low|few|little|quiet)|dr(?:y|ies|ied|ying) up|(?:drops?|falls?|dips?) "
                   # "a weirdly quiet day", "a dead day", "a really slow week"
                   r"unusually|(?:weirdly|strangely|oddly|suspiciously|abnormally|eerily|worryingly|really|very|super|dead) "
                   r"(?:low|few|little|quiet|slow|dead|flat)|(?:a |an )?(?:quiet|slow|dead|flat) (?:day|week|spell|patch)s?|"
                   r"plummet\w*|suddenly (?:drops?|falls?|fewer|less)|(?:way|far|massively|hugely|right) down\b|"
                   # "bookings fall off a cliff", "the buying rate tanks", "sales nosedive": a sudden fall
                   r"(?:falls?|fell|falling|drops?|dropped|dropping|goes|went|going) off a cliff|nose-?div\w*|"
                   r"(?<!fish )(?<!hot )(?<!think )tank(?:s|ed|ing)?(?! (?:of|full|top)\b)|crater(?:s|ed|ing)?|crash(?:es|ed|ing)?(?! (?:course|out)\b)|"
                   r"(?:way|far|much|a lot) (?:fewer|less|lower|quieter|smaller)(?: [\w-]+){0,3} than (?:normal|usual|average)|"
                   r"(?:way|far|well|much) (?:below|under) (?:the )?(?:normal|usual|average))\b")
# "any channel", "each segment", "a channel's", "per channel": watch every group on its own.
# (lane probe25b) "if a single first channel starts sending ...": the first-touch channel, one by one
_PER = lazy(r"\b(?:any|each|every|a|which|per|one)\s+(?:single\s+|one\s+|individual\s+|particular\s+)?(?:first[- ](?:touch )?)?"
                  r"(channel|segment)(?:s|'s)?\b|"
                  # "if one of the channels suddenly...", "any of our segments"
                  # (lane probe26b) "if one of the first channels starts sending ...": the first-touch ones
                  r"\b(?:any|one|either|each|some) of (?:the|our|my) (?:first[- ](?:touch )?)?(channel|segment)s\b")
# (lane real17) where the customers live, watched place by place: "any city's covers", "each
# town", "per region", "one of our counties": the customers' town (city) or region
_PLACE = r"(city|cities|town|towns|village|villages|suburb|suburbs|neighbou?rhoods?|region|regions|county|counties|province|provinces)"
_PER_PLACE = lazy(rf"\b(?:any|each|every|a|which|per|one)\s+(?:single\s+|one\s+|individual\s+|particular\s+)?{_PLACE}(?:'s|')?(?!\w)|"
                        rf"\b(?:any|one|either|each|some) of (?:the|our|my) {_PLACE}\b")
_TOWN_WORDS = ("cit", "town", "village", "suburb", "neighbo")
_WINDOWS: list[tuple[str, int]] = [
    (r"\bweek[- ](?:on|over|to|by)[- ]week\b|\bwow\b|\bweekly\b|\bper week\b|\b(?:over|in|for|across|within) (?:a|the|one|any) "
     r"week\b|\b(?:look|looks|looking) at (?:a|the|one) (?:whole |full )?week\b|\b7[- ]days?\b|\b(?:the )?(?:week|7 days) before\b|\b(?:the )?(?:previous|prior|preceding) week\b", 7),
    (r"\bmonth[- ](?:on|over|to|by)[- ]month\b|\bmonthly\b|\bper month\b|\b(?:look|looks|looking) at (?:a|the|one) "
     r"(?:whole |full )?month\b|\b(?:over|in|for|across|within) (?:a|the|one|any) month\b|"
     r"\b(?:4|four) weeks\b|\b(?:the )?month before\b|\b(?:the )?(?:previous|prior|preceding) month\b", 28),
    (r"\bday[- ](?:on|over|to|by)[- ]day\b|\bdaily\b|\bper day\b|\bon any day\b|\b(?:in|for|on|over) (?:a|one|any) (?:single )?day\b|"
     r"\b(?:the )?day before\b|\b(?:the )?(?:previous|prior|preceding) day\b", 1),
]
# "from one day to the next", "from one week to the next": the window is that unit
_ONE_TO_NEXT = {"day": 1, "week": 7, "month": 28}


# A threshold's time unit ("above 4 hours", "under 90 minutes"): the plan converts it to the
# unit the metric is kept in (tools/analytics/kpi_catalog.py), so "4 hours" is never 4 days.
_UNIT_WORDS = {"minutes": r"minutes?|mins?", "hours": r"hours?|hrs?|h", "days": r"days?", "weeks": r"weeks?"}
_TIME_UNIT = lazy(r"\s*(" + "|".join(_UNIT_WORDS.values()) + r")\b")
_IN_HOURS = {"minutes": 1 / 60, "hours": 1.0, "days": 24.0, "weeks": 168.0}


def in_unit(value: float, unit: str, target: str) -> float | None:
    """A time threshold in the metric's own unit (hours or days), or None when the metric is
    not a time."""
    if target not in ("hours", "days") or unit not in _IN_HOURS:
        return None
    return round(value * _IN_HOURS[unit] / (_IN_HOURS[target]), 4)


_FRACTIONS = {"a half": "50%", "half": "50%", "a third": "33.3%", "a quarter": "25%", "a fifth": "20%",
              "a tenth": "10%", "two thirds": "66.7%", "three quarters": "75%"}


def parse_rule_request(text: str) -> dict[str, Any]:
    """condition, value, window_days and severity, as far as the text says them."""
    t = text.lower()
    for words, percent in _FRACTIONS.items():  # "drops by more than a third" is 33.3%
        t = rx.sub(rf"\b(by|than|over|under|least|almost|nearly|about) {words}\b", rf"\1 {percent}", t)
        # (lane probe20a) "orders fall a fifth", "if bookings drop a quarter": the share said straight after the move
        t = rx.sub(rf"\b((?:drop|fall|rise|climb|jump|grow|sink|slide|shrink|dip|slip|plunge|tumble|soar|surge|go (?:up|down)|"
                   rf"goes (?:up|down))(?:s|ped|ed|ping|ing)?|fell|rose|grew|sank|slid|shrank|went (?:up|down)|"
                   # (lane probe22c) "takings down a fifth on the week before": the move said as where it is
                   rf"(?<!\bcome )(?<!\bbe )(?:down|up)) {words}\b",
                   rf"\1 by {percent}", t)
    out: dict[str, Any] = {}
    threshold = (0, 0)  # where the condition's number is, so "over 2 days" there is no window
    # "change the refund alert to check over 7 days": a span to look over, not a threshold of 7
    # (blanked to the same length, so the other places in the text hold)
    span = rx.search(r"\b(?:check|look|measure|judge|watch|average|assess|count|work (?:it )?out|evaluate)(?:s|ed|ing)? "
                     r"(?:it |things |them )?over (?:the |a )?(?:last |past )?(\d+)[- ]days?\b", t)
    if span:
        out["window_days"] = max(1, min(90, int(span.group(1))))
        t = t[:span.start()] + " " * (span.end() - span.start()) + t[span.end():]
    for pattern, condition in _CONDITIONS:
        m = rx.search(pattern, t)
        if m:
            threshold = m.span()
            out["condition"], out["value"] = condition, _float(m.group(1))
            unit = _TIME_UNIT.match(t, m.end())
            if unit and condition in ("above", "below"):
                out["unit"] = next(u for u, w in _UNIT_WORDS.items() if rx.fullmatch(w, unit.group(1)))
                threshold = (m.start(), unit.end())
            break
    up, down = bool(_UP.search(t)), bool(_DOWN.search(t))
    both = bool(rx.search(r"\b(?:either|both) (?:direction|way)s?\b|\bup or down\b|\bhigh or low\b", t))
    if "condition" not in out and (up or down or both or _UNUSUAL.search(t)):
        out["condition"] = "unusual"
    if out.get("condition") == "unusual" and (up or down or both):
        out["direction"] = "both" if both or (up and down) else ("up" if up else "down")
    elif out.get("condition", "unusual") == "unusual" and one_way(t):  # "only when they go up, not down"
        out["direction"] = one_way(t)
    m = _PER.search(t)
    if m:
        out["per"] = m.group(1) or m.group(2)
    elif m := _PER_PLACE.search(t):
        out["per"] = "city" if (m.group(1) or m.group(2)).startswith(_TOWN_WORDS) else "region"
    if "value" not in out:  # "make it 15%", "change it to 500": a new value for a rule
        m = rx.search(rf"[£$€]?{_NUMBER}\s*(?:%|percent|per cent)|\bto\s+[£$€]?{_NUMBER}\b|"
                      # "the nps alert should be 15 not 20": the new value, then the old
                      rf"\b(?:should|needs to|must) be\s+[£$€]?{_NUMBER}\b|"
                      # "on reflection, 15 is better", "go with 25 instead": the new number weighed up
                      rf"[£$€]?{_NUMBER}\s*(?:%|percent|per cent)? (?:is|would be|'d be|will be|sounds|feels|seems) "
                      r"(?:a (?:bit |lot )?|much |way )?(?:better|fine|best|safer|saner|more like it|about right|more sensible|"
                      rf"more realistic)\b|\bgo (?:with|for) [£$€]?{_NUMBER}\b|"
                      # "actually make that 80", "set it at 50 quid": a bare number for the rule just named
                      # (not "make it 4 weeks", a window)
                      # (lane probe28b) "the takings alert, set its threshold at 150": the rule's own threshold
                      rf"\b(?:make|set|put|change|move|raise|lower|bump|drop) (?:it|that|this|that one|this one|its (?:threshold|limit|level|trigger)|the "
                      rf"(?:threshold|limit|level|value|number|figure|trigger))(?: (?:up |down )?(?:to|at))?\s+[£$€]?{_NUMBER}\b"
                      r"(?!\s*(?:days?|weeks?|months?|sds?|standard deviations?)\b)|"
                      # "make the nps alert 35 not 40", "set my refunds alert at 5": the rule named, then its number
                      rf"\b(?:make|set|put|change|move|raise|lower|bump|drop) (?:the|that|this|my|our) (?:[\w'-]+ ){{1,3}}?"
                      rf"(?:alert|alarm|warning|rule|trigger)(?: rule)?(?: (?:up |down )?(?:to|at))?\s+[£$€]?{_NUMBER}\b"
                      r"(?!\s*(?:days?|weeks?|months?|sds?|standard deviations?)\b)|"
                      # (lane probe22b) "raise the money alert so it trips at 25": the number it goes off at
                      # (lane probe27c) "make the bounce alarm go off at 55 instead": the alarm named, then the number it goes off at
                      rf"\b(?:so (?:that )?it|(?:alert|alarm|warning|rule)) (?:only )?(?:trips?|fires?|go(?:es)? off|kicks? in|triggers?|pings?(?: me)?|rings?) "
                      rf"(?:at|on|from|over|under|below|above)\s+"
                      rf"[£$€]?{_NUMBER}\b(?!\s*(?:days?|weeks?|months?|sds?|standard deviations?)\b)", t)
        if m:
            out["value"] = _float(next(g for g in m.groups() if g))
    m = rx.search(r"\bfrom (?:one|a|any) (day|week|month) to the next\b", t)
    if m:
        out["window_days"] = _ONE_TO_NEXT[m.group(1)]
    # "week by week, not day by day": the window said is the one kept, not the one turned down
    # (blanked to the same length, so the threshold's place in the text still holds)
    said_window = rx.sub(rf"\b(?:not|rather than|instead of|and not|but not)\s+(?:a |the )?(?:{DAY_WEEK_MONTH}[- ](?:on|over|to|by)"
                         rf"[- ]{DAY_WEEK_MONTH}|daily|weekly|monthly|(?:a |one )?{DAY_WEEK_MONTH})\b", lambda m: " " * len(m.group(0)), t)
    for pattern, days in _WINDOWS if "window_days" not in out else ():
        w = rx.search(pattern, said_window)
        if w and not threshold[0] <= w.start() < threshold[1]:
            out["window_days"] = days
            break
    m = rx.search(r"\bover (?:the )?(?:last )?(\d+) days\b|\b(\d+)[- ]days? window\b|\bwindow (?:of|to) (\d+) days?\b", t)
    if m and "window_days" not in out and not threshold[0] <= m.start() < threshold[1]:
        out["window_days"] = max(1, min(90, int(next(g for g in m.groups() if g))))
    # "change the revenue alert to a 4 week window", "a two-week window"
    m = rx.search(r"\b(\d+|one|two|three|four|six|eight)[- ]weeks?(?:'s?)? window\b|\bwindow (?:of|to) (\d+|one|two|three|four) weeks?\b", t)
    if m and "window_days" not in out and not threshold[0] <= m.start() < threshold[1]:
        said = next(g for g in m.groups() if g)
        weeks = int(said) if said.isdigit() else {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8}[said]
        out["window_days"] = max(1, min(90, 7 * weeks))
    # "make it wait for 5 SDs before it fires": how unusual a day must be (robust SDs, 2 to 12)
    m = rx.search(r"\b(\d+(?:\.\d+)?)\s*(?:sds?|s\.d\.s?|standard deviations?|std\.? devs?|sigmas?)\b|"
              # "less jumpy, sensitivity 5", "set the sensitivity to 4"
              r"\bsensitivity (?:level )?(?:(?:up |down )?to |of |at |=\s*)?(\d+(?:\.\d+)?)\b|"
              # "make it less sensitive, 5", "less twitchy please, say 6"
              r"\b(?:less|more) (?:sensitive|jumpy|twitchy|trigger-happy|touchy)\b[^\d.?!]{0,25}(\d+(?:\.\d+)?)\b(?!\s*%)", t)
    if m:
        out["sensitivity"] = max(2.0, min(12.0, float(next(g for g in m.groups() if g))))
    if rx.search(r"\b(?:urgent|critical|(?<!unusually )(?<!unusual )high(?! or low\b)(?![- ]risk)(?: severity| priority)?|page me|immediately)\b", t):
        out["severity"] = "high"
    # Not a bare "low": "deliveries are unusually low" is the condition, not the severity.
    elif rx.search(r"\b(?:low (?:severity|priority)|severity (?:to )?low|make (?:it|that|this) low|fyi|"
                   r"no rush)\b", t):
        out["severity"] = "low"
    # "un-pause the takings alert" is switching it back on
    if rx.search(r"\b(?:switch(?:ed)? off|turn(?:ed)? off|disable|(?<!un-)(?<!un)pause|(?<!un-)(?<!un)mute|silence|snooze|stop|"
                 r"on hold)\b|"
                 # (lane probe19a) "switch the silver basket abandonment alert off": a long rule name between
                 r"\b(?:switch|turn)\w* (?:[\w'-]+ ){0,6}off\b(?! (?:the |a |an |our )?(?:[\w-]+ )?(?:sale|price|peak|season|list|menu|site|page)s?\b)", t) or rx.search(OFF_SAID, t):
        out["enabled"] = False
    elif rx.search(r"\b(?:switch(?:ed)? on|turn(?:ed)? on|enable|resume|un-?mute|un-?pause|re-?activate)\b|\b(?:switch|turn)\w* (?:\w+ ){0,4}on\b|"
                   # (lane probe25b) "switch the aquarium open complaints alert on again": a longer name, then on again
                   r"\b(?:switch|turn)\w* (?:[\w'-]+ ){0,6}(?:alert|alarm|warning) on again\b|"
                   # "turn the csat alert for the studio back on"
                   r"\b(?:switch|turn|put)\w* (?:[\w'-]+ ){0,6}back on\b", t):
        out["enabled"] = True
    return out


_NOT_A_NAME = frozenset("on off in at to of for by the a an and or it its is my our this that rule rules alert alerts "
                        "up down over under per".split())


def best_rule_id(text: str, rule_ids: list[str]) -> str | None:
    """The rule a request names: its id written out, or the one sharing most words."""
    t = text.lower()
    for rule_id in sorted(rule_ids, key=len, reverse=True):
        if rule_id in t:
            return rule_id
    # Function words never name a rule: "put the bounce rate alert on hold" is not on-time-delivery.
    words = set(rx.findall(r"[a-z0-9]+", t.replace("checkout", "decision"))) - _NOT_A_NAME
    scored = [(len(words & set(rx.split(r"[-_]", r))), r) for r in rule_ids]
    scored = [s for s in scored if s[0] > 0]
    if not scored:
        return None
    best = max(scored)
    return best[1] if sum(1 for s in scored if s[0] == best[0]) == 1 else None


def _float(text: str) -> float:
    return float(text.replace(",", ""))


# A short turn that sets something on the rule just proposed or changed in the thread:
# "actually make that 15%", "and make it high priority", "switch that one off for now",
# "make it weekly". It leads like a follow-up or points back at the rule.
_AMEND_LEAD = lazy(r"^(?:actually|and|ok|okay|no|nah|sorry|hmm|make|set|change|switch|turn|then|but|can you|"
                         r"on (?:reflection|second thoughts?)|thinking about it|go (?:with|for)|[£$€]?\d+(?:\.\d+)?\s*%? (?:is|would be)|"
                         r"could you|please|pls|raise|lower|bump|drop|put|instead)\b|"
                         r"\b(?:that|it|this|that one|this one|the rule|the alert|instead)\b")
_AMEND_KEYS = ("value", "severity", "enabled", "window_days", "condition")


def amends_rule(text: str) -> bool:
    """Whether a follow-up only changes the alert rule the conversation is about."""
    t = text.lower().strip()
    if len(t.split()) > 9 or not _AMEND_LEAD.search(t):
        return False
    asked = parse_rule_request(t)
    return any(k in asked for k in _AMEND_KEYS)
