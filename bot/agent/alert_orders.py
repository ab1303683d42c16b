"""The words that order an alert rule made, changed or deleted ("let me know if refunds pass 5%",
"pause the refunds alert", "delete that alert"), kept apart from the specs in
bot/agent/alert_tools.py, which had reached the size limit. A rule is made, changed or deleted
only when asked for in so many words, never by resemblance."""

from __future__ import annotations

import re

from bot.agent.alert_advice import ADVICE
from bot.agent.alert_asked import ASKED_RULES
from bot.agent.alert_plain_words import ALERT_ASKED_ABOUT, ALERT_JUDGED, ALERT_OFF, ALERT_WHY_FIRED
from bot.agent.alert_rule_said import RULE_CHANGED, RULE_MADE, RULE_NAMED_FIRST
from bot.agent.alert_wanted_after import WANTED_AFTER
from bot.agent.patterns import lazy

# "Tell me if it drops" asks to be told in future; "tell me if it dropped last week" is a question.
# ("flag it to me should refunds creep past 5%": "should" is the "if" of formal English, not "should we")
_PAST = r"(?!.*\b(?:dropped|fell|rose|went|was|were|did|had|has been|have been|got|grew|shrank|changed)\b)"
# "kindly tell me if Saturdays bring the highest sales", "let me know if that's any good": a
# judgement asked of the data now, not something to watch for (no rule has "best" as a condition)
_JUDGED = (r"(?!.*\b(?:highest|lowest|busiest|quietest|best|worst|strongest|weakest|any good|worth (?:it|opening|having|"
           r"keeping|the)|(?:is|are|'s|was|were) (?:\w+ ){0,2}(?:good|bad|normal|ok|okay|healthy|decent|fine|typical|usual|"
           r"reasonable|about right)(?! (?:and|or) )\b))")
NOTIFY = lazy(r"\b(?:(?:let me know|tell me|inform me) (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as|the (?:minute|moment|second|day))" + _PAST + _JUDGED +
                     r"|^(?:[\w' &-]{1,30}: )?(?:please |ok,? |now |just )?alert (?:us |me |the team |everyone |the staff )?(?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as)\b|"
                     # "if tiktok sign ups spike, let me know": the condition first
                     r"^(?:[\w' &-]{1,30}: )?(?:(?:abeg|please|pls|kindly|ok|okay|also|oh|hey|and),? )*(?:if|when(?! (?:did|was|were|has|have|had|is|are|do|does)\b)|whenever|should|the moment|as soon as)\b.*\b(?:let (?:me|us) know|tell (?:me|us)|"
                     r"give (?:me|us) a (?:shout|heads[- ]up|ping|nudge|buzz|bell|ring)|(?:ping|buzz|bell|text|whatsapp) (?:me|us)|shout|flag it(?: up)?(?: (?:to|for) (?:me|us))?)\b|alert me|notify me|warn me|ping me|message me|text me|email me|page (?:me|us)|bleep (?:me|us)|keep an eye|"
                     # "i want a heads-up the moment aov dips below 60": "the moment" is a "when" too
                     r"(?:give me |give us |a )?heads[- ]up (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as|the (?:minute|moment|second|instant)|(?:on|about|of|for) (?:any |an? |the )?(?:unusual|unusually|sudden|odd|weird|strange|abnormal|freak)\b)|"
                     r"(?:give|send) (?:me|us) (?:a )?(?:warning|shout|nudge|ping|message|note|buzz|bell|ring|call|text|email|"
                     r"holler|heads[- ]up) (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as|"
                     r"the (?:minute|moment|second|instant))|"
                     r"^(?:[\w' &-]{1,30}: )?(?:just |please |ok,? )?(?:shout|holler|buzz me|ping us|nudge me|nudge us)\b(?: at (?:me|us))? (?:if|when|whenever)|"
                     r"\b(?:and|then) (?:shout|holler|give (?:me|us) a shout) (?:if|when|whenever)\b|"
                     r"\b(?:i|we)(?: want| need|'d like| would like) to be (?:pinged|told|alerted|notified|warned|messaged|emailed|"
                     r"texted|informed|flagged) (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as)|"
                     # "flag it high priority if refunds go above 8%": how urgent, then the condition
                     r"warn us|flag (?:it |this |that )?(?:up )?(?:to (?:me|us) )?(?:(?:as )?(?:high|low|medium|top|urgent)[- ]?"
                     r"(?:priority|severity|urgency)? )?(?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as)" + _PAST + "|"
                     r"send me an alert|set up an alert|"
                     # Indian English "kindly intimate me if ...", "do the needful and alert when ...": an order
                     r"intimate (?:me|us)(?: (?:if|when|whenever|once|as soon as))?|"
                     r"\b(?:and|then|please|kindly|pls) alert (?:me |us )?(?:if|when|whenever|once|as soon as)\b|"
                     # "drop me a message when conversion is down 15%", "shoot us a text if orders dry up"
                     r"(?:drop|send|shoot|flick|fire|bung|ping) (?:me|us|the team) (?:a |an )?(?:quick )?(?:message|line|note|text|email|"
                     r"msg|dm|whatsapp|ping) (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as|once|the (?:minute|moment|second|day))" + _PAST + "|"
                     # "alert on unusually high or low takings", "alert for any sudden jump in refunds": an order
                     r"^(?:[\w' &-]{1,30}: )?(?:please |ok,? |now |just )?alert (?:me |us )?(?:on|for|about) (?:any |an? |the )?(?:unusual|unusually|sudden|"
                     r"big|odd|weird|strange|sharp|spikes?|jumps?|drops?|dips?|falls?)\b|"
                     # "if one of the channels starts pouring in visitors, give me an alert for it": the condition first
                     r"^(?:[\w' -]{1,30}: )?(?:if|when(?! (?:did|was|were|has|have|had|is|are|do|does)\b)|whenever|should|the moment|"
                     r"as soon as)\b.*\b(?:(?:give|send|get) (?:me|us)|(?:i|we)(?: want| need|'d like| would like)) (?:an? )?(?:alert|alarm|warning|notification)\b|"
                     # "send an alert once satisfaction slips below 75%", "fire off a warning if bookings dry up"
                     r"(?:send|fire off|fire|raise|post|drop) (?:me |us |the team )?(?:an? )?(?:alert|alarm|warning|notification|"
                     r"heads[- ]up) (?:if|when|whenever|once|as soon as|the (?:minute|moment|second|day))" + _PAST + "|"
                     r"(?:let me know|tell me|inform me|ping me|warn me|alert me|notify me) once" + _PAST + "|"
                     # "if instagram revenue drops by 25% i want to know": the condition first, then the ask
                     r"^(?:[\w' &-]{1,30}: )?(?:if|when(?! (?:did|was|were|has|have|had|is|are|do|does)\b)|whenever|should|the moment|as soon as)\b.*\b(?:i|we)(?: want| need|'d like| would like| wanna) "
                     r"(?:to )?(?:know|hear|be told|hear about it)\b|"
                     r"\b(?:i|we)(?: want| need|'d like| would like) to (?:know|hear|be told) (?:if|when|whenever|should(?! (?:i|we|you|they|it be)\b)|as soon as)" + _PAST +
                     r")\b", re.I)


# A new rule is made only when asked for in so many words; a change or a delete only when the
# request names an alert (bot/agent/ranking.py never picks them by resemblance).
CREATE_EXPLICIT = (NOTIFY.pattern + r"|\b(?:set up|set (?:me |us )?up(?: with)?|set|create|add|make|new|start) (?:me |us )?"
                   r"(?:an? |the |one |a new )?"
                   # "set up a high severity alert if ...", "create an urgent alarm for ...", "a weekly alert for ..."
                   r"(?:(?:high|low|medium|top)[- ](?:severity|priority) |urgent |critical |new |quick )?"
                   r"(?:alerts?|alarms?)\b|"
                   # "create a weekly alert for ..." (not "make the weekly alert high priority": a change)
                   r"\b(?:set up|set (?:me |us )?up(?: with)?|set|create|add|make|start) (?:me |us )?(?:an? |one |a new )"
                   r"(?:daily|weekly|monthly) (?:alerts?|alarms?)\b|"
                   r"\bwatch (?:out )?for\b|\bemail me (?:if|when)\b|\btext me (?:if|when)\b|"
                   # "flag any weird days for takings": an order to watch from now on
                   r"^(?:please |can you |could you |just )?flag (?:up )?(?:any|every|all|each) (?:\w+ ){0,2}(?:days?|weeks?|drops?|dips?|"
                   r"spikes?|jumps?|falls?|changes?|moves?)\b|"
                   # "flag a 15% rise in average job value", "warn us about a 10 percent drop in bookings"
                   r"^(?:please |can you |could you |just )?(?:flag(?: up)?|warn (?:me|us) (?:of|about)|ping (?:me|us) (?:about|on)) "
                   r"(?:a|an|any) (?:sudden |big |sharp )?\d+(?:\.\d+)?\s*(?:%|percent|per cent) (?:rise|increase|jump|climb|growth|drop|"
                   r"fall|dip|decline|slump|slide|decrease)\b|"
                   # "high-priority alert if on-time delivery falls below 90%", "set an alarm for spikes in ..."
                   # (not a musing: "an alert if revenue drops would be nice, what do you think?")
                   r"^(?!.*\b(?:would be (?:nice|good|useful|handy|great)|what do you think|worth (?:it|having)|"
                   r"should (?:i|we)|do you think)\b)"
                   r"(?:please |can you |could you |i want |i'?d like |give me |send me |just |ok,? |so |"
                   # "can i get an alert when nps falls under 30"
                   r"(?:can|could) (?:i|we) (?:get|have) |(?:i|we) need |get me |set me up with )*(?:an? |the )?"
                   r"(?:high|low|medium)?[- ]?(?:priority |severity )?(?:alert|alarm|warning|notification) (?:me |us )?"
                   r"(?:if|when|whenever|the moment|as soon as)\b|"
                   r"\b(?:set|put|create|add|make) (?:up )?(?:me |us )?(?:an? |the )?(?:alarm|warning|notification)s? (?:for|on|if|when)\b|"
                   # "put an alert on orders dropping below 15 a day" (not "put the revenue alert on hold")
                   r"\b(?:set|put|create|add|make) (?:up )?(?:me |us )?an alert (?:for|on|if|when)\b(?! hold\b)|" + WANTED_AFTER + "|" + RULE_MADE)
# An order, not a question: "should I delete the revenue alert?" is answered, not acted on.
_ORDER = (r"^(?:please |kindly |pls |plz |ok,? |okay,? |now |then |so |right,? |can you |could you |would you |will you |i want to |"
          # a change of mind said first: "actually, delete that alert", "on second thoughts scrap it"
          r"actually,? |on second thoughts?,? |in fact,? |no,? |nah,? |hmm+,? |wait,? |sorry,? |"
          r"i'?d like to |i would like to |let'?s |go ahead and |just |and )*")
# "the revenue alert should be 25% not 20%", "the orders alert should compare week by week": the
# alert named, then how it should work
ALERT_SHOULD = (r"(?:\b(?:the|my|our|that|this) (?:[\w-]+ ){0,3}(?:alert|alarm) (?:should|needs to|must|ought to|has to)|"
                # "i want the aov alarm to compare month on month", "i'd like the orders alert to only fire below 20"
                r"\b(?:i|we)(?: want| need|'d like| would like|'d prefer| would prefer) (?:the|my|our|that|this) (?:[\w-]+ ){0,3}"
                r"(?:alert|alarm) to) (?:only )?"
                r"(?:be|only|fire|go off|trigger|start|wait|compare|look|check|use|run|work|watch|measure|count|go by)\b")
# (lane probe23c) "change the takings alert so it compares week to week": the alert named, then
# how it should work from now on
ALERT_SO_IT = (r"\b(?:the|my|our|that|this) (?:[\w'-]+ ){0,3}(?:alert|alarm) so (?:that )?it(?:'ll| will| would)? (?:only )?"
               r"(?:compar|look|check|fir|go|trigger|wait|watch|measur|count|us|run)\w*\b")
# "set up a high severity alert if ...", "make a new alert for ...": a rule made, never a change
_NEW_RULE = r"(?! (?:me |us )?up\b| (?:me |us )?(?:an?|one|another|a new|new|a fresh)\b)"
CHANGE_EXPLICIT = (_ORDER + r"(?:change|switch|turn|disable|mute|un-?mute|silence|snooze|pause|un-?pause|re-?activate|resume|re-?enable|"
                   r"enable|set" + _NEW_RULE + r"|make" + _NEW_RULE + r"|raise|lower|increase|decrease|update|edit|adjust|tweak|"
                   r"move|bump|drop)\b.*"
                   # an alert named as such, or a rule's id written out ("csat-7d", "first-response-3d")
                   r"(?:\b(?:alerts?|alarms?)\b|\b[a-z]+(?:-[a-z]+)*-\d+[dwh]\b)|"
                   # "the new visitors alert is too jumpy, make it wait for 5 SDs": the alert named, then the order
                   r"\balerts?\b[^.?!]{0,60}\b(?:make|set|change|raise|lower|turn) (?:it|its|that|this)\b|"
                   # "pause the bounce rate warning", "mute the refunds notification": a rule by another name
                   + _ORDER + r"(?:pause|mute|unmute|silence|snooze|disable|resume|re-?enable|unpause|(?:switch|turn) (?:off|on))\b.*"
                   r"\b(?:warnings?|notifications?|monitors?)\b|"
                   # (lane probe23c) "put the late deliveries alert back on": switched on again
                   + _ORDER + r"put (?:the |my |our |that |this )?(?:[\w'-]+ ){0,4}(?:alerts?|alarms?) back on\b|"
                   # "put the bounce rate alert on hold for a bit"
                   + _ORDER + r"(?:put|place) (?:the |my |our |that |this )?(?:[\w-]+ ){0,3}alerts? on hold\b|"
                   # "the revenue alert should be 25% not 20%": the alert named, then how it should be
                   + ALERT_SHOULD + "|" + RULE_CHANGED + "|" + ALERT_OFF + "|" + ALERT_JUDGED)
DELETE_EXPLICIT = (_ORDER + r"(?:delete|remove|get rid of|drop|scrap|cancel|kill|stop|bin|axe)\b.*"
                   r"\b(?:alerts?|alert rules?|rule)\b|" + _ORDER + r"stop alerting\b|"
                   # "get rid of the sessions alarm", "remove the cart warning": an alarm or warning is an alert too
                   + _ORDER + r"(?:delete|remove|get rid of|scrap|bin|axe) (?:the |that |this |my |our )?(?:[\w-]+ ){0,3}(?:alarms?|warnings?)\b|"
                   r"^(?:permanently|please permanently) (?:delete|remove|get rid of|scrap|bin)\b.*\b(?:alert rules?|rule)\b|"
                   r"\b(?:alert rules?|rule)\b[:,.]? (?:(?!(?:don'?t|do not|never|not|no|should|shall|could|would|can|"
                   r"why|whether|if)\b)[\w'-]+ ){0,3}(?:delete|remove|scrap|bin|get rid of) "
                   r"(?:it|that|this|that one|this one)\b|"
                   # "I don't need the basket warning anymore, delete it": the alert named, then the order
                   r"\b(?:alerts?|alarms?|warnings?|notifications?)\b(?:(?!\b(?:don'?t|do not|never|not|should|shall|could|would|"
                   r"why|whether|if)\b)[^.?!]){0,40}[,;] (?:so |just |please |then |pls )?(?:delete|remove|scrap|bin|get rid of|kill|axe) "
                   r"(?:it|that|this|that one|this one)\b")
# "what alerts have i told you to watch for": the rules asked about, never a new one proposed
CREATE_ORDER = r"^(?!" + ASKED_RULES + "|" + ADVICE + "|" + RULE_NAMED_FIRST + "|" + ALERT_ASKED_ABOUT + "|.*" + ALERT_WHY_FIRED + r")[\s\S]*?(?:" + CREATE_EXPLICIT + ")"
