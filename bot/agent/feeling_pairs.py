"""(lane probe15c) Two feelings set against each other are not two periods: "positive vs negative
feedback by channel", "good versus bad reviews by month", "happy vs unhappy comments per stage"
ask how the feedback splits (feedback_sentiment), while compare's "vs" is one period against
another. Hooked into compare's cues (bot/agent/analytics_tools.py) and feedback_sentiment's."""

from __future__ import annotations

_GOOD = r"(?:positive|good|happy|nice|kind|glowing|pleased|praise|upbeat)"
_BAD = r"(?:negative|bad|unhappy|nasty|angry|critical|grumpy|complaints?|moans?)"
FEELING_PAIR = (rf"\b(?:{_GOOD} (?:vs\.?|versus|v|against|compared (?:to|with)|or|and|to) {_BAD}|"
                rf"{_BAD} (?:vs\.?|versus|v|against|compared (?:to|with)|or|and|to) {_GOOD})\b")
# (tune32) "is the feeling in feedback better or worse than the month before": the feedback's own
# feeling set against another span is the sentiment over time, not a KPI comparison (no KPI is named)
FEELING_OF_FEEDBACK = (r"\b(?:feeling|feelings|mood|tone|sentiment|vibes?|temperature)s? (?:in|of|across|from) (?:the |our |all the )?"
                       r"(?:[\w'-]+ )?(?:feedback|comments|reviews|remarks|messages|surveys?|texts?|tickets|notes)\b")
# compare's "vs" taken back; feedback_sentiment's reading of the split given
FEELING_PAIR_COMPARE_CUES = ((FEELING_PAIR, -0.9), (FEELING_OF_FEEDBACK, -0.9))
FEELING_PAIR_SENTIMENT_CUES = ((FEELING_PAIR + r"(?=.{0,40}\b(?:feedback|comments|reviews|remarks|messages|surveys?|texts?|"
                                r"tickets|by|per|each|across)\b)", 0.6),
                               (FEELING_OF_FEEDBACK + r"(?=.{0,60}\b(?:better|worse|than|compared|vs\.?|versus|against|before)\b)"
                                r"(?=.*\b(?:month|week|quarter|year|before|previous|prior|earlier|last)\b)"
                                r"(?!.*\bthan (?:an)?other\b)", 0.4))
