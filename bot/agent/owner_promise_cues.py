"""(lane probe15c) What the owner said or promised is no customer feedback: "what % of log loads
arrived on the day we said", "did the kits land when I told them", "orders ready by the time we
quoted". feedback_search reads "said" and "told" as words customers wrote; here they are the
owner's own promise (a delivery date, a price), so that cue is taken back; and a quote for a
job ("asking for a wrap quote", "request a drilling quote") is a step of the journey, as the
price quote already is (bot/agent/feedback_cues.py). Hooked into
feedback_search's cues in bot/agent/feedback_tools.py."""

from __future__ import annotations

OWNER_SAID_CUES = (
    (r"\b(?:we|i|the team|our (?:driver|fitter|staff)s?)(?: had| have|'d|'ve)? (?:said|promised|told (?:them|him|her|the customers?|"
     r"people|everyone|customers)|quoted|agreed|committed to|gave them)\b(?! (?:about|regarding|on the subject of)\b)", -0.45),
    (r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|wants?|wanted|gets?|getting) (?:us |me )?(?:for )?(?:an? |the )"
     r"(?!price\b)[a-z-]+ (?:quotes?|estimates?|quotations?)\b", -0.5),
)
