""""Show me all the alerts", "every alert including the ones already sorted": the alerts raised
(open ones, and the resolved ones when those are asked for too), not the rules set up, which
are "alert rules", "my alerts" or the alerts someone "set up"."""

from __future__ import annotations

from bot.agent.patterns import lazy

# Cues of open_alerts (weights add up in bot/agent/ranking.py)
SHOWN_ALERTS_CUES = (
    (r"^(?:(?:ok|okay|right|now|so|can you|could you|please|pls|just),? )*(?:show|give|get|pull up|bring up|let me see|see)"
     r"(?: me| us)? (?:all |every |each |the |our |any )?(?:of )?(?:the |our )?(?:single )?(?:alerts?|alarms?)\b"
     r"(?! rules?\b|(?: (?:that|which))? (?:i|we|you)(?:'ve| have)? (?:set|made|created|added)\b)", 0.9),
    # "what's gone off on the alert board and not cleared yet": the board shows the alerts raised
    (r"\b(?:alerts?|alarms?) (?:board|panel|screen|feed|dashboard|page|wall)\b(?!.*\b(?:rules?|set up|settings)\b)", 0.9),
    # (lane ps14) "anything flagged by the alerts this morning", "what did the alarms catch overnight",
    # "alerts: open ones plus the cleared ones": what the alerts raised, not the rules behind them
    (r"\b(?:flagged|raised|caught|picked up|spotted|thrown up|triggered) by (?:the |our |my |any )?(?:alerts?|alarms?)\b|"
     r"\b(?:what|anything|has anything|did) (?:did |have |has )?(?:the |our |my |any )?(?:alerts?|alarms?) "
     r"(?:flag|flagged|catch|caught|raise|raised|pick up|picked up|spot|spotted|throw up|threw up)\b|"
     r"\b(?:alerts?|alarms?)\b(?! rules?\b) ?[:,-]? ?(?:just |only )?(?:the )?(?:open|live|active) ones\b", 1.5),
    # (lane ps23) "kiln alerts pls, the resolved ones as well", "alarms: the ones still live plus any closed":
    # the alerts named, then which of them by their state (a rule has no state of open or cleared)
    (r"\b(?:alerts?|alarms?|warnings?)\b(?! rules?\b)(?: (?:pls|please|plz|ta))? ?[:,;-]? ?(?:just |only |plus |and |with )?"
     r"(?:the |those |any )?(?:(?:ones|alerts|alarms) (?:that are |that |which are )?(?:still )?(?:open|live|active|resolved|"
     r"cleared|closed|sorted)|(?:open|live|active|resolved|cleared|closed|sorted) ones)\b", 1.5),
)
# "including the ones already sorted", "even the ones we dealt with", "the fixed ones too": the
# resolved alerts asked for as well
SORTED_TOO = lazy(r"\b(?:includ\w*|incl\.?|plus|even|as well as|with|and) (?:the |those |any )?(?:ones |alerts |alarms )?"
                        r"(?:already |we(?:'ve| have)? (?:already )?|that (?:were |got |have been )?(?:already )?)?"
                        r"(?:sorted|dealt with|handled|fixed|sorted out|put right|acked|done)\b|"
                        r"\b(?:sorted|dealt-with|handled|fixed|old|finished) (?:ones|alerts|alarms)\b")
# "any alarms still active on the dashboard", "what alerts are live": the alerts raised and not yet
# cleared (a rule is "set up" or "running", an alert that fired is "active" or "live")
STILL_ON_CUES = (
    (r"\b(?:alerts?|alarms?|warnings?)\b(?! rules?\b) (?:that |which )?(?:are |is )?(?:still |currently |now |right now )?"
     r"(?:active|live|ringing|sounding|flashing)\b", 1.2),
)
# "list the alarms you are keeping on our data", "warnings you've got running on the bookings": the
# rules kept, whatever the data they are kept on
KEPT_RULES_CUES = (
    (r"\b(?:alerts?|alarms?|warnings?|monitors?) (?:that |which )?(?:you(?:'re| are)|are you|have you got|you have|you'?ve|we(?:'ve| have) got) "
     r"(?:keeping|running|holding|watching|minding|set|got running|got set)\b|"
     r"\blist (?:my |the |all |every |all the |all my |our |all our )?(?:alarms|warnings)\b"
     r"(?!.*\b(?:open|active|live|firing|going off|gone off|fired|ringing|triggered)\b)|"
     # (lane ps17) "show me every rule we're watching", "all the rules you're keeping an eye on": the rules kept
     r"\b(?:every|each|all(?: the| our| my| of the| of our)?) (?:[\w-]+ )?(?:rules?|alerts?|alarms?) (?:that |which )?(?:i(?:'m| am)|we(?:'re| are)|"
     r"you(?:'re| are)) (?:\w+ )?(?:watching|monitoring|tracking|keeping an eye on|keeping tabs on|minding)\b|"
     # (lane ps29) "kiln alarms, which ones are set", "which warnings have we got in place": being set is
     # a rule's state (an alert raised is open or cleared, and one "set off" fired)
     r"\b(?:alerts?|alarms?|warnings?|monitors?)\b(?: \w+)? ?[:,;-]? ?(?:which|what) (?:ones |of them )?(?:are|have (?:we|i|you) got|"
     r"do (?:we|i|you) have) (?:currently |now )?(?:set(?! off)(?: up)?|in place|switched on|turned on)\b|"
     r"\b(?:which|what) (?:alerts?|alarms?|warnings?|monitors?) (?:are|have (?:we|i|you) got|do (?:we|i|you) have) "
     r"(?:currently |now )?(?:set(?! off)(?: up)?|in place|switched on|turned on)\b", 1.5),
)
# (lane ps17) "what's tripped that nobody's cleared yet", "anything gone off that no one has
# acknowledged": alerts raised and still open, the alarm's own verbs and the clearing not done
TRIPPED_CUES = (
    # (tune31) and in Scots: "anythin gone aff that we've no dealt wi yet"
    (r"\b(?:what(?:'s| is| has)?|anything|anythin|has anything|which|whatever)(?: \w+)? (?:tripped|gone off|gone aff|went off|went aff|fired|gone red|"
     r"been tripped|been triggered)\b.*(?:\b(?:nobody|no one|no-one|not|never|no)|n't)\b.*\b(?:cleared|acked|acknowledged|"
     r"dealt with|dealt wi|looked at|handled|sorted|checked|closed|resolved)\b", 1.5),
)
# (lane ps20) "is anything setting off an alarm at the kiln", "whats broken, alarm wise", "warnings
# that went off at the yard": the alert's own verbs in any tense, or the alerts named as the topic
# ("alert wise"), ask for the alerts raised, not for a rule to be made
FIRED_VERB_CUES = (
    (r"\b(?:setting|sets|set|tripping|trips|triggering|triggers) off (?:an? |any |the |some )?(?:alerts?|alarms?|warnings?)\b|"
     r"\b(?:alerts?|alarms?|warnings?) (?:that |which )?(?:have |has |had )?(?:went|gone) off\b|"
     r"\bwhat'?s (?:been |got )?broken\b.*\b(?:alerts?|alarms?)[- ]?wise\b|\b(?:alerts?|alarms?)[- ]?wise\b.*\bbroken\b", 1.5),
)
