"""(lane probe25b) An alert rule switched off, re-windowed or asked about in plain words: "the
takings alert, shut it off for a bit", "give the refunds alert a rest for now", "judge the
cancellations alert week on week, not day on day", "what does the takings alert keep an eye on?",
"why did the cancellations alert go off". Kept apart from bot/agent/alert_orders.py, which is
near the size limit; a change still needs an alert named in so many words."""

from __future__ import annotations

_LEAD = r"^(?:please |kindly |pls |ok,? |okay,? |now |just |so |can you |could you |actually,? |then |right,? )*"
_ALERT = r"(?:alerts?|alarms?|warnings?)"
_NAMED = r"(?:the|my|our|that|this) (?:[\w'-]+ ){0,4}" + _ALERT
_BREAK = r"(?:a (?:rest|break|breather|holiday|pause)|the (?:night|week|weekend|month) off|some time off)"
_OFF_WORD = r"(?:switch|turn|shut|knock|flick|power)"

# switched off: "shut the gumbo takings alert off", "shut off the refund alarm", "give the guava
# takings alert a rest for now", "the bounce rate alert, switch it off for the time being"
ALERT_OFF = (_LEAD + r"(?:" + _OFF_WORD + r" (?:off )?" + _NAMED + r"(?: off)?\b|give " + _NAMED + " " + _BREAK + r"\b)|"
             r"\b" + _ALERT + r"\b\s*[,:;-]+ ?(?:(?:just|please|pls|so|and|then),? )*(?:" + _OFF_WORD +
             r"|pause|mute|silence|snooze|disable) (?:it|that|this|that one|this one)(?: off)?\b|"
             r"\b" + _ALERT + r"\b\s*[,:;-]+ ?(?:(?:just|please|pls|so|and|then),? )*give (?:it|that|this|that one|this one) "
             + _BREAK + r"\b")
# the enabled=False reading of the words above that alert_slots' own switch-off words miss
OFF_SAID = (r"\bshut (?:[\w'-]+ ){0,6}off\b|\bshut off\b|\b(?:give|gave) (?:[\w'-]+ ){1,6}" + _BREAK + r"\b|"
            r"\b(?:knock|flick|power) (?:[\w'-]+ ){0,6}off\b")

# its window judged another way: "judge the cancellations alert week on week, not day on day",
# "the refund rate alert: judge it week on week", "measure the bookings alarm month on month"
_WINDOW = (r"(?:(?:on a |by |over |at )?(?:day|week|month|fortnight)[- ](?:on|over|by|to)[- ](?:day|week|month|fortnight)|"
           r"(?:on a )?(?:daily|weekly|monthly|fortnightly)(?: basis)?)\b")
_JUDGE = r"(?:judge|judging|measure|assess|compare|check|run|score|look at|go by)"
ALERT_JUDGED = (_LEAD + _JUDGE + " " + _NAMED + " " + _WINDOW + "|"
                r"\b" + _ALERT + r"\b\s*[,:;-]+ ?(?:(?:just|please|pls|so|and|then),? )*" + _JUDGE +
                r" (?:it|that|this|them) " + _WINDOW)

# a question about a rule, never an order: "what does the dal takings alert actually keep an eye
# on?", "what's the refunds alarm for" -> the rules listed
# (lead, phase AB) asked of each or all of them: "what does each of our alerts keep an eye on",
# "what do all our alarms watch", "what does every alert we have cover"
_EACH = (r"(?:(?:(?:each|every one|any|all|one|some) of |all )?" + _NAMED +
         r"|(?:each|every|any|all) (?:[\w'-]+ ){0,3}?" + _ALERT + r")")
ALERT_ASKED_ABOUT = (r"^(?:[\w' &-]{1,30}: )?(?:(?:ok|okay|so|and|quick one|sorry|remind me),? )*"
                     r"(?:what (?:does|do|did|is|'s)|what'?s) " + _EACH +
                     r" (?:\w+ ){0,2}?(?:do|watch|check|cover|track|measure|look at|look for|keep an eye on|keep tabs on|mean|for|about)\b")
# why a rule fired: "why did the cancellations alert go off", "what set the refunds alarm off" -> the alerts raised
ALERT_WHY_FIRED = (r"\b(?:why|how come|what made) (?:did |has |is |was )?" + _NAMED +
                   r" (?:\w+ )?(?:go off|gone off|going off|fire|fired|firing|trigger|triggered|trip|tripped|ping|pinged)\b|"
                   r"\bwhat (?:set|tripped|triggered) (?:off )?" + _NAMED + r"(?: off)?\b")
