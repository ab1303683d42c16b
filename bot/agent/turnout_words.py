"""(lane real18) Which day (hour, month) the people turn up: a time pattern of the customers active
with us (tools/analytics/time_pattern.py counts the different customers of each day or hour),
said three ways, read before the KPI words of a pattern (bot/agent/time_pattern_tool.py):

- the people and their coming, with the most or least: "which day do the riders tend to show up
  most", "what hour do most diners drop in", "which weekday do members dey turn up most";
- the place full of them: "what hour is the gym fullest", "which day is the studio most
  crowded", "when are most folk in the bar" (never the till, the diary or an inbox: those are
  takings, bookings and messages);
- the busiest time for the people, visitors as people and not visits to a website: "busiest
  weekday for visitors", "what hour is the pool busiest with swimmers" (the new ones and the
  site's keep their own readings).
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE

# a word or two an owner puts between the people and their coming: "dey", "tend to", "usually"
_BETWEEN = r"(?:(?:[a-z']+) ){0,2}?"
_CAME = (r"(?:turn(?:s|ed)? up|show(?:s|ed)? up|come(?:s)?(?: (?:in|along|by|round|over|through))?(?! back\b)|"
         r"(?:drop|pop|stop|walk|check)(?:s)? (?:in|by|round)|arriv(?:e|es)|attend)")
_MOST = r"(?:the )?(?:most|least|fewest)\b"
# (lane ps28) the trade's name between: "most tai chi regulars show up", "the fewest yoga members come in"
_TRADE = r"(?:[a-z'-]+ ){0,2}?"
_WHO = rf"(?:{PEOPLE}|regulars|locals|attendees|pupils|trainees)"
# what fills up that is no crowd of people
_NOT_PEOPLE = r"(?:tills?|diary|diaries|calendar|inbox(?:es)?|queue|backlog|basket|cart|order book|book|fridge|tank|stock)"
_FULL = r"(?:fullest|most (?:crowded|packed|rammed|full)|(?:jam-?)?packed(?: out)?|rammed|heaving|crowded)"
_SITE = r"(?:(?:web ?)?site|page|app|online|web ?shop)"

TURNOUT: tuple[tuple[str, str], ...] = (
    # "which day do the riders tend to show up most", "members dey turn up most"
    (rf"\b{_WHO} {_BETWEEN}{_CAME} {_MOST}", "active_customers"),
    # "what hour do most diners drop in", "which weekday do the fewest patients come in"; coming
    # in for their paper (a haircut, some bread) is buying it, the orders
    (rf"\b{_MOST} {_TRADE}{_WHO} {_BETWEEN}{_CAME}\b(?!(?: (?:in|along|by|round|over|through))? for (?:their|his|her|a|an|some|the|my|our|your)\b)", "active_customers"),
    # "what hour is the gym fullest", "which day is the studio most crowded"; not the till's takings
    (rf"^(?!.*\b{_NOT_PEOPLE}\b).*\b[a-z'-]+ (?:(?:is|are|gets?|feels?|looks?|seems?) )?(?:the )?{_FULL}\b", "active_customers"),
    # "what hour are most people in the shop", "when are the most folk at the bar"
    (rf"\b{_MOST} {PEOPLE} (?:are |is )?(?:in|at|inside) (?:the|our|my) (?!{_SITE}\b)", "active_customers"),
    # "busiest weekday for visitors", "what hour is the pool busiest with swimmers" (not visitors to the site)
    (rf"\b(?:busiest|quietest|slowest|peak)\b[\w' ]{{0,40}}? (?:for|with) (?:the |our )?{PEOPLE}\b"
     rf"(?! (?:to|on|at|of) (?:the |our )?(?:[\w'-]+ ){{0,2}}?{_SITE}\b)", "active_customers"),
    # "which month has the most visitors", "fewest visitors" (the site's visitors are its sessions)
    (rf"\b(?:most|fewest|least) visitors\b(?! (?:to|on|at|of) (?:the |our )?(?:[\w'-]+ ){{0,2}}?{_SITE}\b)", "active_customers"),
)
