"""What owners say when they want personas drafted ("sketch out 4 kinds of customer", "who are our
typical clients"): weighted patterns that bot/agent/ranking.py adds up for the draft spec in
bot/agent/persona_tools.py. Split out of persona_tools.py, which had reached the size limit."""

from __future__ import annotations

# A card by its place: "the first", "the 2nd", "the last"
NTH = r"(?:first|second|third|fourth|fifth|sixth|last|final|[1-6](?:st|nd|rd|th))"
DRAFT_CUES = (
    (r"\bpersonas?\b", 0.25),
    (r"(?:^|[?.!]\s+)(?:please |can you |could you |would you |will you |let'?s |now |ok,? |i'?d like you to |i want you to )?"
     r"(?:draft|create|make|build|write|draw|come up with|generate|produce|give me|profile|put together|sketch|suggest|propose|brainstorm|dream up|"
     r"design|work out)\b.*\bpersonas?\b|\b(?:can|could) (?:we|i) (?:have|get)\b.*\bpersonas?\b|\bpersonas? (?:drawn|drafted|written|made|built|done)\b|"
     r"\b(?:split|segment|group|divide|cluster|sort|break)\w* (?:up )?(?:our |the |my |all )?(?:customers|customer base|"
     r"shoppers|buyers) (?:into|as|by)\b|\bpersonas (?:from|for) (?:our|the|my)\b|"
     # "write me up a profile of each type": a card per kind of customer
     r"\bprofiles? (?:of|for) (?:each|every|the (?:main|different)) (?:type|kind|sort|group)s?\b|"
     r"^(?:please |can you |could you |now |just )?(?:draft|sketch|draw|work|map|lay|give me|describe|outline|come up with|rough|knock|whip|mock)(?: out| up| together)? "  # (probe22a)
     # (lane probe25c) "rough out a few kinds of pelican tour customer": no count said, a few
     r"(?:\d|two|three|four|five|six|the main|the different|a few|a couple of|some|several|a handful of|the various) "
     r"(?:kinds?|types?|sorts?) of (?:[\w'-]+ ){1,3}?(?:customers?|clients?|shoppers?|buyers?|people|regulars|guests|members)\b|"
     # "sketch out 4 types of adopter", "draw up three kinds of rider": the trade's own word for a customer
     r"^(?:please |can you |could you |now |just )?(?:draft|sketch|draw|work|map|lay|give me|describe|outline|come up with|rough|knock|whip|mock)(?: out| up| together)? "
     r"(?:\d|two|three|four|five|six|a few|a couple of|several|a handful of) (?:kinds?|types?|sorts?) of (?:[\w'-]+ )?[a-z]+(?:ers?|ors?|ists?|ants?|ents?|ees?|ians?)\b|"
     r"\b(?:kinds?|types?|sorts?) of (?:customers?|shoppers?|buyers?|people|clients?|regulars)\b|\bas personas\b|"
     # "customer profiles based on how they behave": the cards by another name (not one customer's profile)
     r"^(?:please |can you |could you |now |just )?(?:draft|create|make|build|write|draw|come up with|generate|produce|"
     r"give me|put together|sketch|work out)\b.*\b(?:customer|client|shopper|buyer|guest|member|patient|student) "
     r"profiles\b(?!.*\b(?:saved|stored|on file|already)\b)|"
     # "draw up 4 customer types from the data", "who are our typical clients", "describe our usual customer"
     # (lane probe23a) "rough out three customer types", "knock up 4 customer types": drafted by any verb of making
     r"^(?:please |can you |could you |now |just )?(?:draft|create|make|build|write|draw(?: up)?|come up with|generate|produce|"
     r"give me|put together|sketch|work out|rough(?: out)?|knock (?:up|together)|whip up|mock up)\b.*\b(?:customer|client|shopper|buyer|guest|member|patient|student) (?:types|kinds|"
     r"archetypes)\b|\b(?:who (?:are|is)|describe|picture|sketch) (?:our|my|the) (?:typical|average|usual|main) (?:customers?|"
     r"clients?|shoppers?|buyers?|guests?|members?|patients?|students?)\b",
     0.9),
    # "let the data pick how many": no count given, the segmentation chooses it
    (r"\blet (?:the )?(?:data|numbers|model|algorithm) (?:pick|decide|choose|work out|say) how many\b", 0.4),
    (r"^(?:please |pls |plz |can you |could you |would you |can u |could u |now )?(?:profile|segment|cluster|group|categori[sz]e|classify|"
     r"bucket) (?:our |the |my |all |all our )?(?:customers|customer base|shoppers|buyers|clients|"
     # "can u profile our customer types"
     r"(?:customer|client|shopper|buyer|guest|member) (?:types|kinds|sorts|groups))\b", 0.9),
    (r"\b(?:saved|stored|on file|have we saved|so far|already)\b", -0.6),
    # "now make the last persona only the online bookers": one card of the draft, edited
    (r"\bthe " + NTH + r" (?:one|persona|card)\b", -0.5),
    # "what persona cards exist at the moment": the ones there are, not new ones
    (r"\b(?:personas|persona cards|cards) (?:\w+ )?(?:exist|are there|are (?:saved|stored|kept|on file))\b", -0.6),
)
