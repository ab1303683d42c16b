"""(lane ps12) An alert called a "rule": "make a high priority rule: resolution time above 48
hours", "change the lessons rule to week on week". bot/agent/alert_tools.py's order words
expect "alert" or "alarm"; a rule counts only when what it watches or how it changes follows
at once (not "the lapsing rule", the at-risk reading)."""

from __future__ import annotations

_LEAD = r"^(?:please |kindly |ok,? |okay,? |now |just |so |can you |could you |actually,? |then |right,? )*"
# made: the rule, then its condition ("rule: ...", "rule if ...", "rule for ...")
RULE_MADE = (_LEAD + r"(?:set up|create|add|make|start|put in|give me) (?:me |us )?(?:an? |a new |one |another )"
             r"(?:(?:high|low|medium|top)[- ](?:severity|priority) |urgent |critical |new |quick )?rule"
             r"(?:\s*[:,-]|\s+(?:if|when|whenever|for|that fires|to (?:flag|warn|tell)))")
# changed: the rule named, then its new window, threshold or severity (lane ps17: or the alert,
# "switch the class bookings alert to week on week instead of day on day", which "week on week" alone would read as a comparison)
RULE_CHANGED = (_LEAD + r"(?:change|switch|set|make|move|turn|update|put|bump|flip) (?:the|my|our|that|this) "
                r"(?!(?:lapsing|churn|risk|scoring|action|persona)\b)(?:[\w-]+ ){0,3}(?:rule|alert|alarm) "
                # (lane ps23) or its new way said as a verb: "make the takings alert look week on week"
                r"(?:(?:to|so it|over to|onto|into) (?:compare |fire |check |look |go |run )?|(?:compare|fire|check|look|go|run|work)s? "
                r"(?:at |on |by )?)(?:(?:day|week|month|year) (?:on|over|by|to) (?:day|week|month|year)|"
                r"daily|weekly|monthly|fortnightly|\d+(?:\.\d+)?\s*(?:%|percent|per cent|hours?|hrs?|days?|mins?|minutes?)?|"
                r"high|low|medium|urgent)\b")
# (lane ps15) the rule named first, then how it should work from now on: "on the refunds alert,
# only warn me when they go up", "for that rule, just ping me on drops", "the bookings alarm: only
# rises", "the door-count alarm, bump it up to high priority" (lane ps17). It speaks of a rule that exists, so it is a change of it, never a new rule.
RULE_NAMED_FIRST = (_LEAD + r"(?:(?:on|for|about|with|re|regarding|as for|as to|in) (?:the|my|our|that|this) "
                    # (lane probe24a) the article may go: "panini takings alert: set the threshold at 25%"
                    r"(?:[\w'-]+ ){0,3}(?:alert|alarm|rule|warning)s?\b\s*[,:;-]?|(?:(?:the|my|our|that|this) )?"
                    r"(?:[\w'-]+ ){0,3}(?:alert|alarm|rule|warning)\s*[,:;-]) ?(?:(?:so|and|but|please|then|from now on),? )*"
                    r"(?:(?:only|just|no longer)\b|(?:don'?t|do not|never|stop) (?:warn|tell|alert|ping|flag|bother|message|"
                    r"notify|send|fire)\w*\b|(?:make|set|change|raise|lower|switch|turn|bump|push|kick|knock|move) (?:it|that|this|"
                    r"(?:the|its) (?:threshold|limit|level|trigger|value|number|figure|severity|priority|window))\b|"
                    # (lane tune35) "the entries alert - compare against the week before rather than yesterday": its window in words
                    r"(?:compare|check|measure|judge|look)s? (?:it |them |that )?(?:against|with|to|on|at) (?:the )?"
                    r"(?:day|week|fortnight|month|year) (?:before|prior|earlier)\b)")
RULE_CHANGED = RULE_CHANGED + "|" + RULE_NAMED_FIRST

# (lane tune35) an alert named, then its yardstick said as a comparison ("the entries alert - compare against
# the week before rather than yesterday"): a change of that alert, not two periods compared (compare's cue against)
ALERT_YARDSTICK_SAID = (_LEAD + r"(?:(?:the|my|our|that|this) )?(?:[\w'-]+ ){0,3}(?:alert|alarm|rule)\s*[,:;-]+ ?"
                        r"(?:(?:so|and|but|please|then),? )*(?:compare|check|measure|judge|look)s? (?:it |them |that )?"
                        r"(?:against|with|to|on|at) (?:the )?(?:day|week|fortnight|month|year) (?:before|prior|earlier)\b")
