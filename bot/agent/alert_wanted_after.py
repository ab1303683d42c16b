"""(lane tune28) An alert asked for after its condition: "sarnie takings down 20% or more on the
previous week? I want an alert", "bookings up by a third in a day - I'd like a warning". The
condition comes first, said like a question, and the order to watch for it follows; the create
rule's order words (bot/agent/alert_orders.py's CREATE_EXPLICIT) expect the ask first."""

from __future__ import annotations

_MOVE = (r"(?:down|up|drops?|dropped|dropping|falls?|fell|falling|rises?|rose|rising|jumps?|jumped|spikes?|spiked|climbs?|"
         r"climbed|slips?|slipped|dips?|dipped|below|above|under|over)")
WANTED_AFTER = (rf"\b{_MOVE}\b.{{0,60}}[?.!;,-]\s*(?:then |so |if so,? |and )?(?:(?:i|we)(?:'d| would)? (?:want|like|need)|"
                r"(?:please )?(?:give|send|get) (?:me|us)|(?:can|could) (?:i|we) (?:get|have)) (?:an? |to (?:get|have|set up) an? )?"
                r"(?:alert|alarm|warning|heads[- ]up|notification)\b")
# (lane probe18a) "i wanna get an alert if race bookings fall 30%", "we'd like to have a warning
# when refunds jump": the ask first, said as wanting to get one ("wanna" is read as "want to")
WANTED_AFTER += (r"|^(?:[\w' &-]{1,30}: )?(?:i|we)(?:'d| would)? (?:want|like|need) to (?:get|have|receive|be sent) (?:an? )?"
                 r"(?:alert|alarm|warning|heads[- ]up|notification) (?:if|when|whenever|once|as soon as|the moment)\b")
# "if class bookings fall 25% i want to get an alert": the condition first, no comma before the ask
WANTED_AFTER += (r"|^(?:[\w' &-]{1,30}: )?(?:if|whenever|should|the moment|as soon as)\b.*\b(?:i|we)(?:'d| would)? (?:want|like|need) "
                 r"to (?:get|have|receive|be sent) (?:an? )?(?:alert|alarm|warning|heads[- ]up|notification)\b")
# (lane probe19c) the ask said as the alert's name, with no verb: "alert for revenue falling 10% over
# four weeks", "high priority alarm on bookings dropping below 20 a day" (one alert, not "alerts for
# ... last month", a question about those that fired)
_MOVING = (r"(?:falling|dropping|dipping|sliding|slipping|sinking|rising|climbing|jumping|spiking|surging|going (?:up|down|above|"
           r"below|over|under)|(?:goes|gets|drops|falls|rises) (?:above|below|over|under|by)|below|above|under|over)")
WANTED_AFTER += (r"|^(?:[\w' &-]{1,30}: )?(?:please |pls |just |ok,? |so )*(?:an? |the )?(?:(?:high|low|medium)[- ](?:priority|severity) "
                 rf"|urgent )?(?:alert|alarm|warning|heads[- ]up|notification) (?:for|on) (?:[\w'-]+ ){{1,4}}?{_MOVING}\b")
# (lane ps23) the people to be told named instead of "me": "ping the collective if nps falls by a
# quarter", "let the whole team know when refunds jump" (an order to watch, told to a group)
TOLD_GROUP = (r"^(?:[\w' &-]{1,30}: )?(?:please |pls |kindly |just |ok,? )*(?:ping|tell|alert|message|text|notify|warn|buzz|email|"
              r"let|give) (?:the (?:whole )?(?:team|collective|crew|staff|group|gang|lads|girls|squad|office|partners|committee|"
              r"board|co-?op|family|volunteers)|everyone|everybody|all of us|the lot of us)(?: know| a shout| a heads[- ]up)? "
              r"(?:if|when|whenever|as soon as|the moment)\b")
WANTED_AFTER += "|" + TOLD_GROUP
# "kindly set alert: ...", "add an alarm: ...": a new rule ordered in so many words (never "set the
# revenue alert to 20%", a change of one that exists)
NEW_ALERT_SAID = r"\b(?:set|create|add|make|start) (?:up )?(?:me |us )?(?:an? |a new |one |new )?(?:alert|alarm)s?\b\s*[:,-]"
