"""Alert rules and persona cards in plain words (lane probe27c, from its probe's misses): "what's
each of our alerts watching", "which alarm would go off if refunds jumped" (the rules set, never
a change); "scrap the one that watches bounce rate" (that rule deleted); "have the takings alert
judge week on week" (a change); "put card 3 away with the saved ones", "card 2 we keep for good"
(that card saved); "what persona cards we keep so far" (the saved ones); "give us four of them
customer cards" (a draft)."""

from __future__ import annotations

_ALARM = r"(?:alerts?|alarms?|warnings?|alert rules?)"
_WATCH = r"(?:watch\w*|monitor\w*|track\w*|keep\w* an eye on|keep\w* tabs on|look\w* (?:at|out for)|check\w*|cover\w*)"
# Cues of list_alert_rules: what each rule watches, or which one would go off for a change named
RULES_WATCHING_CUES = (
    (r"\b(?:what(?:'s| is| does| do)?|which (?:things?|numbers?|metrics?))\b (?:each|every|all|any) (?:one )?(?:of )?"
     r"(?:our |my |the )?" + _ALARM + r" (?:is |are |does |do )?(?:actually |currently |now )?" + _WATCH + r"\b|"
     r"\b(?:which|what) " + _ALARM + r" (?:would|will|could|might|should) (?:\w+ )?(?:go off|fire|trigger|ring|trip|sound|"
     r"ping (?:me|us)|warn (?:me|us))\b.{0,20}\b(?:if|when|should)\b", 2.0),
)
_ORDER = (r"^(?:[\w' &-]{1,30}[:,] )?(?:please |kindly |pls |plz |ok,? |okay,? |now |then |so |right,? |can you |could you |"
          r"just |and |actually,? )*")
# A rule named by what it watches, deleted: "scrap the one that watches bounce rate"
DELETE_ONE_WATCHING = (_ORDER + r"(?:delete|remove|get rid of|scrap|bin|axe|kill|drop) (?:the|that) (?:one|rule) (?:that|which) "
                       r"(?:watches|monitors|tracks|keeps an eye on|keeps tabs on|checks|covers|looks at)\b")
# A rule told how to work from now on: "have the takings alert judge week on week"
CHANGE_HAVE_IT = (_ORDER + r"(?:have|get|let) (?:the|my|our|that|this) (?:[\w'-]+ ){0,3}(?:alert|alarm|warning) (?:to )?(?:only )?"
                  r"(?:judge|compare|look|check|go off|fire|trigger|watch|measure|count|work|run|use)\b")
_NUMBERED = r"(?:persona |customer )?(?:card|persona) (?:number |no\.? |#)?(?:[1-6]|one|two|three|four|five|six)\b"
# A card put away with the saved ones, or kept for good with the card named first
SAVE_CARD_SAID = (_ORDER + r"(?:put|file|tuck|stash|add|move) " + _NUMBERED + r" (?:away )?(?:with|in|into|among|to|on) "
                  r"(?:the )?(?:saved|kept|stored) (?:ones|cards|personas|lot|pile|list)\b|"
                  r"^(?:[\w'&-]+ ){0,2}?" + _NUMBERED + r",? (?:we|i)(?:'ll| will| should)? (?:keep|save|store)"
                  r"(?: (?:it|her|him|that|this|that one))?(?: for (?:good|keeps|later))?\b(?!,? (?:but|(?:and )?(?:just|only))\b)")
# Cue of list_personas: the cards kept so far, "what persona cards (do) we keep so far"
CARDS_KEPT_CUES = (
    (r"\b(?:what|which) (?:persona |customer )?(?:cards|personas) (?:(?:do|have|did) )?(?:we|i|you)(?:'ve)? (?:got |have |don )?"
     r"(?:keep|kept|save|saved|store|stored)\b", 1.5),
)
# Cue of draft_personas: cards of customers asked for by number, "give us four of them customer cards"
DRAFT_CARDS_CUES = (
    (r"\b(?:give|make|draw|sketch|write|do) (?:us|me) (?:(?:\d|two|three|four|five|six) (?:of )?(?:them |those |the )?)?"
     r"(?:customer|persona|buyer|shopper|client) cards\b", 1.2),
)
# Cue of show_persona: a numbered card named first, then shown whole ("draft card 1, show it all")
SHOWN_WHOLE_CUES = (
    (r"\b" + _NUMBERED + r"\s*[,:;-]+\s*(?:please |pls |just )?(?:show|open|give|let me see|bring up|pull up) (?:me |us )?"
     r"(?:it|her|him|the lot|everything)(?: all| in full| whole| fully)?\b", 1.5),
)
