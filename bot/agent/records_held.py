"""(lane tune28) What the data holds, asked as how far it reaches: "what's the first and last day
your records cover", "how many months of call-out records have you got", "is what you hold on the
shop up to date or a few weeks stale". Cues of describe_data (bot/agent/catalog.py)."""

from __future__ import annotations

from bot.agent.word_fragments import DAYS_WEEKS_MONTHS

_HELD = r"(?:records|data|files|books|history|logs|uploads?|exports?|figures|numbers)"
_YOU = r"(?:you|u|ye|ya|it|the bot|journeybot)"
RECORDS_HELD_CUES = (
    # the two ends of what is held
    (rf"\b(?:first|earliest|oldest) and (?:the )?(?:last|latest|newest|most recent) (?:date|day|record|entry|month)s?\b.{{0,30}}"
     rf"\b(?:(?:your|the|our|my) {_HELD}|{_YOU} (?:have|hold|'ve got|have got|can see))\b|"
     rf"\b(?:your|the|our|my) {_HELD} (?:actually |really )?(?:cover|span|start and end|run from)\b", 1.0),
    # how much of it: "how many months of call-out records have you got"
    (rf"\bhow (?:many|much) (?:days|weeks|months|years|time) (?:of|worth of) (?:[\w'-]+ ){{0,3}}?(?:{_HELD}|orders|sales|"
     rf"bookings|jobs|call-?outs|history)\b (?:have|do|did|has|are) (?:{_YOU}|we) (?:got|have|hold|kept|loaded|in there)\b", 1.0),
    # whether it is current: "is what you hold up to date or a few weeks stale"
    (rf"\bwhat {_YOU} (?:hold|have|'ve got|have got|can see|know)\b.{{0,40}}\b(?:up to date|current|stale|out of date|"
     rf"behind|old)\b|\b(?:up to date|current)\b.{{0,30}}\bor (?:is it |it's )?(?:a (?:few|couple of) {DAYS_WEEKS_MONTHS} )?"
     r"(?:stale|out of date|behind|old)\b", 1.0),
    # (lane ps14) what is recorded at all: "what touchpoints are being tracked", "which channels do you
    # log", "how many rows are in each table"
    (r"\b(?:what|which) (?:touchpoints|channels|stages|tables|event types|sources)\b (?:are |do (?:you|we) |does it )?"
     r"(?:being |even |actually )?(?:tracked|recorded|logged|captured|kept|track|record|log|capture|keep)\b|"
     r"\bhow many (?:rows|records|lines|entries) (?:are |is |have you got |do you have )?(?:there )?(?:in|per|for) "
     r"(?:each|every|the|your) (?:table|file|sheet|dataset)s?\b|\brow counts?\b", 1.0),
    # where it starts: "from which date does the sales data start", "when do your records begin"
    (rf"\b(?:from )?(?:which|what) (?:date|day|month|year)\b.{{0,40}}\b{_HELD}\b.{{0,10}}\b(?:start|starts|begin|begins|go back to)\b|"
     rf"\bwhen (?:do|does) (?:the |your |our |my )?(?:[\w'-]+ ){{0,2}}?{_HELD} (?:start|begin)\b", 1.0),
    # (lane tune31) which kinds are held, two named: "have you got the till records and the survey stuff
    # both", "do ye have our booking data and the reviews as well" (never one KPI's figures for a period)
    (rf"^(?:so |and |ok,? )?(?:have|has|do|does|did) {_YOU} (?:got|get|have|hold) (?:the |our |my |any )?(?:[\w'-]+ ){{0,2}}?"
     rf"(?:{_HELD}|stuff|info|details|answers|surveys?|tickets|reviews)\b,? (?:and|&|plus|n) (?:the |our |my |any )?(?:[\w'-]+ ){{0,2}}?"
     rf"(?:{_HELD}|stuff|info|details|answers|surveys?|tickets|reviews)\b(?: (?:both|too|as well|in there|loaded))?\s*[?.!]*$", 1.0),
    # (lane probe26a) what is known about the business at all, in pidgin, patois and slang: "abeg
    # wetin you sabi about our business", "wah yuh know bout wi shop", "what do you know about us",
    # "what info you get on us" (never about its customers, orders or a topic)
    (r"^(?!.*\b(?:customers?|clients?|members?|orders?|sales|complaints?|feedback|reviews?|say|said)\b).*?"
     r"\b(?:what|wetin|wat|wot) (?:do |does |did |can )?(?:you|yuh|u|ya|ye|una) (?:actually |already |even |really )?"
     r"(?:know|sabi|get|got|have|hold) (?:about|bout|'bout|on|of) (?:us|we|wi|me|(?:my|our|the|wi|mi|we) (?:[\w'-]+ ){0,2}?"
     r"(?:business|company|shop|firm|store|practice|place|outfit|biz|setup|set-up|operation|ting|data))\b|"
     r"\b(?:what|wetin|wat|wot) (?:info|information|data|details|records) (?:do |have )?(?:you|yuh|u|ya|ye|una) (?:get|got|have|hold)"
     r" (?:on|about|bout) (?:us|we|wi|me)\b", 1.2),
)
# (lane probe28c) what can be seen of the business, asked straight: "what records of the tractor yard can
# you actually see", "which data on the salon can ye access"; one kind of record asked after as held at
# all: "do you actually have support tickets in there", "have you got any survey answers loaded"
# (never their count or content over a period: "do you have tickets about the app from last week")
RECORDS_HELD_CUES += (
    (rf"\b(?:what|which) (?:{_HELD}|info|information|stuff|details)\b(?: (?:of|on|for|about|from) (?:the |our |my )?"
     rf"(?:[\w'-]+ ){{0,3}}?[\w'-]+)? (?:can|could|do) {_YOU} (?:actually |really |even |already )?(?:see|access|read|get at|look at|view)\b", 1.2),
    (rf"^(?:so |and |ok,? )?(?:do|does|have|has|did|can) {_YOU} (?:actually |really |even |already )?(?:got |get |have |hold |see )"
     rf"(?:any |the |our |my )?(?:[\w'-]+ ){{0,2}}?(?:{_HELD}|tickets|support tickets|surveys?|survey (?:answers|responses|forms)|"
     rf"reviews|orders|events|web(?:site)? (?:data|visits)|crm|till (?:data|records))\b(?: (?:data|info))?"
     rf"(?: (?:for|from|of) (?:the |our |my )?(?:[\w'-]+ ){{0,3}}?[\w'-]+)? (?:in there|loaded|on file|"
     rf"to hand|at all|in the system|uploaded|in your (?:data|system|records))\b(?: (?:for|from|of) (?:the |our |my )?(?:[\w'-]+ ){{0,3}}?[\w'-]+)?"
     rf"\s*[?.!]*$", 1.2),
    # "which journey stages and touchpoints can you see for the plush shop": what is recorded, seen
    (rf"\b(?:what|which) (?:journey )?(?:stages|touchpoints|channels|tables|sources|steps|event types)(?: and (?:the )?(?:journey )?"
     rf"(?:stages|touchpoints|channels|tables|sources|steps|event types))? (?:can|do|could) {_YOU} (?:actually |really |even )?"
     rf"(?:see|access|track|read|view)\b", 1.2),
)
