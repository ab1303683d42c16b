"""Requests that are no question about the data and that no tool is chosen for by likeness (the
planner's order patterns use these words): damage ("set fire to the database", "blow up the
orders table"), which journeybot says it does not do, and a name for something new ("what
should I call my new gin?"), which is outside what it answers."""

from __future__ import annotations

# The verb of harm at the start of the request, after a polite lead (bot/agent/planner.py
# anchors it); "burn rate" and "hack" as a noun are not requests.
HARM = (r"(?:set fire to|set (?:\w+ ){1,3}on fire|torch|burn down|burn (?:the|our|my|all|it|everything)\b|blow up|"
        r"smash(?: up)?|wreck|shred|corrupt|sabotage|hack(?: into)?|scramble|mess up)(?= )")
HARM_AT_START = r"^(?:please |can you |could you |just |now |go and |go )?" + HARM
HARM_REFUSAL = ("I won't do that: I only read your data to answer questions about it, and nothing I do damages "
                "or destroys it. Deleting something of mine (an alert rule, a saved persona) is done by naming it, "
                "and I ask before doing it.")
# A name for something new (not a persona card's, which is a rename: "what should we call the
# second persona?")
NAMING = (r"what (?:should|shall|could|can|would) (?:i|we) (?:call|name)(?= (?!(?:\w+ ){0,2}(?:persona|card|one|segment|"
          r"alert|rule|her|him|them)\b))")
# Asks about the world or for copywriting, not about the shop's data (answered by no tool, whatever
# words they share with one): a caption or slogan ("come up with an insta caption for the new
# truffles"), a translation ("how do you say 'welcome' in German"), what a thing of the world is
# worth now ("how much is a gold sovereign worth these days"; never "what's a vip worth to us").
_LANGUAGE = (r"(?:german|french|spanish|italian|portuguese|dutch|polish|irish|welsh|gaelic|japanese|chinese|mandarin|"
             r"cantonese|arabic|hindi|urdu|punjabi|greek|turkish|russian|swedish|norwegian|danish|finnish|korean|latin|"
             r"swahili|yoruba|hausa|igbo|zulu|afrikaans|tagalog|maori|te reo|vietnamese|thai)")
_DATA_NOUN = (r"(?:we|our|us|me|customers?|clients?|members?|subscribers?|buyers?|shoppers?|guests?|patients?|visitors?|"
              r"regulars?|vips?|segments?|cohorts?|personas?|leads?|enquir\w*|prospects?|accounts?|users?|households?|"
              r"orders?|bookings?|baskets?|transactions?|sales|visits?|sessions?|subscriptions?|tickets?|jobs?|"
              r"installs?|base|each|them|they|those|these|ones?)")
ELSEWHERE = (r"(?:come up with|think up|dream up|make up|brainstorm|give (?:me|us)|write (?:me |us )?)(?: a| an| some| a few| \d+)? "
             r"(?:[\w'-]+ ){0,3}(?:captions?|slogans?|taglines?|hashtags?|jingles?|bios?)\b|"
             rf"how (?:do|would|can|should) (?:you|i|we) say (?:.{{1,80}} )?in {_LANGUAGE}\b|"
             rf"translate (?:.{{1,80}} )?(?:into|to|in) {_LANGUAGE}\b|what(?:'s| is) the {_LANGUAGE} (?:word )?for\b|"
             rf"(?:how much (?:is|are|would|will|could|might)|what(?:'s| is| are| would)) (?!(?:(?!worth )[\w'-]+ ){{0,6}}?{_DATA_NOUN}\b)"
             r"(?:[\w'-]+ ){1,6}(?:be )?worth (?:these days|nowadays|today|now|at the moment|at auction|second[- ]?hand|"
             r"on ebay|for scrap|in scrap)\b|"
             # household repairs: "how do I fix a leaky tap", "how to unblock the shop's sink" (not "fix a leaky funnel")
             r"how (?:do|would|can|should|to|does one) (?:you |i |we |one )?(?:fix|repair|mend|unblock|unclog|stop|replace|bleed|"
             r"descale|patch|seal) (?:a |an |the |my |our |this |that )?(?:[\w']+'s? |[\w']+ [\w']+'s )?(?:leaky |leaking |dripping |drippy |broken |"
             r"blocked |clogged |squeaky |squeaking |stuck |cracked |burst |jammed |wobbly )?(?:[\w'-]+ )?(?:taps?|faucets?|sinks?|toilets?|loos?|"
             r"pipes?|boilers?|radiators?|showers?|drains?|gutters?|roofs?|doors?|hinges?|windows?|fences?|tyres?|tires?|"
             r"punctures?|zips?|kettles?|fridges?|dishwashers?|washing machines?)\b|"
             # what a thing costs out there: "how much does a skip cost to hire in Leeds", "how much would
             # a van cost to rent for a day" (never "how much does a new customer cost to win")
             rf"how much (?:does|do|would|will|might|could) (?:it |a |an |one |the )?(?!(?:[\w'-]+ ){{0,3}}{_DATA_NOUN}\b)"
             r"(?:[\w'-]+ ){0,3}(?:cost|set (?:me|us|you) back) (?:to (?:hire|rent|buy|lease|fix|repair|replace|install|service)"
             r"|in [a-z]+|these days|nowadays|second[- ]?hand)\b")
