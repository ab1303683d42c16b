"""(lane ps17) Counts named by how many came, asked as what moved them: "which age group is behind
fewer members coming this month", "which channel explains why fewer riders came" are the people
active with us; "which segment pushed the number of complaints up" the tickets logged; "which
town brought in the extra transactions" the orders. Each is read only with its movement
(fewer, more, extra, pushed up), so a bare "members" or "complaints" keeps its other readings;
(lane ps24) or counted as how many came to what the place runs ("how many riders came to a lesson").
"""

from __future__ import annotations

from bot.agent.patterns import lazy
from bot.agent.trade_words import PEOPLE as TRADE_PEOPLE

_MORE = r"(?:fewer|more|less|extra|additional)"
_WHO = "(?:" + "|".join(sorted({*TRADE_PEOPLE, "people", "folks?", "folk"}, key=len, reverse=True)) + ")"
_CAME = (r"(?:com(?:e|es|ing)|came|turn(?:s|ing|ed)? up|show(?:s|ing|ed)? up|visit(?:s|ing|ed)?|attend(?:s|ing|ed)?|"
         r"(?:walk(?:s|ing|ed)?|coming|came) (?:in|through the door)|through the door)")
_PUSH = r"(?:push\w*|drove|drive[sn]?|driving|brought|bring\w*|sent|send\w*|knock\w*|pull\w*)"

_TERMS: list[tuple[str, str]] = [
    # "fewer members coming this month", "more riders came this week", "fewer regulars turning up",
    # "why fewer students have been coming": the people active with us, how many came
    (rf"\b{_MORE} (?:[\w-]+ )?{_WHO} (?:(?:are|were|have been|has been|had been|been) )?{_CAME}\b|"
     # "members coming to training this month against last month", "riders turning up for lessons":
     # the people who came to what the place runs (not where they came from)
     rf"\b{_WHO} (?:(?:are|were) )?(?:coming|turning up|showing up) (?:to|for) (?:the |our )?(?:training|practice|class(?:es)?|"
     r"sessions?|lessons?|meets?|rehearsals?|gym|club|studio|pool|range|centre|center)\b|"
     # (lane probe21a) "members turning up, week to week", "riders showing up each month": how many came, over time
     # (lane ps28) ... or where they came, first: "members turning up at the pony club, week by week"
     rf"\b{_WHO} (?:(?:are|were) )?(?:turning up|showing up|coming along)\b(?=(?: (?:at|to) (?:the |our |my )?(?:[\w'-]+ ){{0,2}}?[\w'-]+)?,? (?:week|month|day|each|every|per|by|over|this|"
     r"last|past|since)\b)|"
     # (lane ps24) "how many riders actually came to a lesson last week", "how many members turned up for
     # the spin class": a head count of who came to what the place runs
     rf"\bhow many (?:[\w-]+ )?{_WHO} (?:(?:actually|really|even) )?(?:came|come|turned up|showed up|made it) (?:to|for) "
     r"(?:an? |the |our |their )?(?:[\w-]+ ){0,2}?(?:training|practice|class(?:es)?|sessions?|lessons?|meets?|rehearsals?|"
     r"gym|club|studio|pool|range|centre|center|match(?:es)?|games?)\b", "active_customers"),
    # "pushed the number of complaints up", "drove complaints down", "the extra complaints": the tickets logged
    (rf"\b{_PUSH} (?:up |down )?(?:the |our )?(?:(?:number|count|volume|pile|amount) of )?complaints (?:up|down)\b|"
     rf"\b{_PUSH} (?:up |down )?the (?:number|count|volume) of complaints\b|"
     r"\b(?:the |those |these )?(?:extra|additional) complaints\b|"
     # (lane ps22) "more complaints this week than last", "fewer moans in october than september": how many
     # came in, one span against another (or both spans said and blanked), is the tickets logged (never their themes)
     rf"\b{_MORE} (?:[\w-]+ )?(?:complaints|moans|gripes|grumbles|grievances)\b(?=.{{0,40}}\b(?:than|vs|versus|compared|against)\b| {{4,}}[?.!]*$)",
     "tickets"),
    # (lane ps22) "was october busier than september for wraps", "quieter this week than last for haircuts":
    # busier or quieter for the goods named last is how many were ordered (never "busier for us")
    (r"\b(?:busier|quieter)\b(?=.{0,80}\bfor (?:the |our |my )?(?!(?:us|me|you|them|the (?:shop|business|team|club))\b)"
     r"[a-z]{3,}s\s*[?.!]*$)", "orders"),
    # "brought in the extra transactions", "fewer transactions this week", "the number of transactions": orders
    (rf"\b{_MORE} (?:[\w-]+ )?transactions\b|\b(?:number|count|volume) of (?:[\w-]+ )?transactions\b|"
     r"\bhow many (?:[\w-]+ )?transactions\b", "orders"),
]
MOVED_HEAD_PATTERNS = [(lazy(p), code) for p, code in _TERMS]
