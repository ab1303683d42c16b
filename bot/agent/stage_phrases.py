"""Journey stages said as what people do, beyond the words bot/agent/slot_readers.py reads:
"from asking for a quote to paying" starts at the decision, "from looking to a signed quote to
paying" runs consideration, decision, purchase, and "went on to pay for a coach" ends in the
purchase. Positions are returned so the caller keeps the stages in the order they were said."""

from __future__ import annotations

from bot.agent.patterns import rx
from bot.agent.trade_words import UNIT, UNIT_ONE

_NEAR = r"(browsing|looking|window[- ]shopping)"
# (lane probe28b) "between browsing and adopting one", "to commissioning a piece": the trade's own sale
_FAR = r"(booking|buying|ordering|hiring|paying|purchasing|renting|signing up|enrol+ing|adopting|commissioning|reserving)"
_AS_FUNNEL = r"(?=[\w ,'-]{0,40}\bfunnel\b)"
_BARE_SPAN = rf"\b{_NEAR}[- ]?(?:to|->|→|through to|thru to)[- ]?(?:actually )?(?:{_FAR[1:-1]})\b(?:{_AS_FUNNEL})"
_BARE_SPAN_END = rf"\b(?:{_NEAR[1:-1]})[- ]?(?:to|->|→|through to|thru to)[- ]?(?:actually )?{_FAR}\b(?:{_AS_FUNNEL})"
# (lane probe24c) the span said first in its clause or from its near end, where they looked may be
# said: "tiki bar site: looking to paying by region", "from looking at the site to buying, per age
# band", "sax lessons: browsing to booking, only counting ..." (the funnel's ends, as journey_cues.py reads them)
_LOOKED_AT = r"(?: (?:at|round|around|through) (?:the |our |a )?(?:[\w'-]+ ){0,2}?(?:web ?site|site|web ?shop|shop|store|pages?|range|stock|app))?"
_SPAN_TO = r" (?:(?:right )?(?:through|thru|all the way) )?(?:to|till|until|into) (?:actually )?"
_CLAUSE_SPAN = rf"(?:^|[:;,-] ?|\bfrom )(?:just )?{_NEAR}{_LOOKED_AT}(?={_SPAN_TO}(?:{_FAR[1:-1]})\b)"
_CLAUSE_SPAN_END = rf"(?:^|[:;,-] ?|\bfrom )(?:just )?(?:{_NEAR[1:-1]}){_LOOKED_AT}{_SPAN_TO}{_FAR}\b"

# (lane ps19) "paying, then after-sales, then a review": paying that leads on to the care after it
# is the purchase (read below), never also the checkout's decision (bot/agent/slot_readers.py)
BEFORE_THE_CARE = r"(?!,? (?:then |to |thru |through |into |-> |→ )?(?:the |their )?(?:aftercare|after-?care|after care|after-?sales)\b)"

_STAGE_PHRASES = (
    # a quote asked for or signed is the decision being made (the quote request touchpoint, when
    # the data has one, is read as such by bot/agent/fuzzy.py)
    (r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?|get(?:s|ting)?|got) (?:us |me )?for (?:an? |the )?(?:price )?"
     r"(?:quotes?|estimates?|quotations?)\b|\b(?:request(?:s|ed|ing)?|get(?:s|ting)?) (?:an? |the )?(?:price )?"
     r"(?:quotes?|estimates?|quotations?)\b|\bsigned (?:off )?(?:quotes?|estimates?|quotations?|proposals?)\b|"
     r"\bsign(?:s|ed|ing)? (?:off )?(?:on )?(?:an? |the |their )?(?:quotes?|estimates?|quotations?|proposals?)\b|"
     # (lane probe15c) "from asking for a wrap quote to paying": the job named before the quote
     r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?) (?:us |me )?for (?:an? |the )(?!price\b)[a-z-]+ (?:quotes?|estimates?|quotations?)\b|"
     # (lane probe28a) "from folk requesting a joinery quote to ...": the job named, no "for"
     r"\brequest(?:s|ed|ing)? (?:an? |the )(?!price\b)[a-z-]+ (?:quotes?|estimates?|quotations?)\b",
     "decision"),
    # (lane probe28a) "... to them handing over payment", "and actually parting with the cash": paying at the far end
    (r"\b(?:from|between)\b.{1,60}?\b(?:to|and|until|till)\b (?:(?:them|they|folk|people|customers|clients) )?(?:actually )?"
     r"(?:handing over|hand over|handed over|parting with|coughing up|forking out) (?:the |their )?(?:payment|money|cash|dosh)\b",
     "purchase"),
    # "from looking to a signed quote": just looking is the consideration
    # ("from looking round the site to paying": where they looked may be said)
    (r"\bfrom (?:just )?(?:looking|having a look|window[- ]shopping)(?: a?round| about)?(?: (?:the |our )?(?:web ?site|site|shop|store|"
     r"showroom|pages?|range|stock))? (?:to|through|into|until)\b", "consideration"),
    # "how many went on to pay", "who then paid for a lesson"
    (r"\b(?:go|goes|went|going|gone) on to (?:actually )?pay\b|\bthen (?:actually )?paid\b|"
     # (lane probe25a) "once they've paid, how many get thru the after-sales bit", "once folk have
     # bought, how many make it past aftercare": the paying the chain starts from is the purchase
     r"\bonce (?:[\w'-]+ ){0,2}?(?:(?:have|has|had|'ve|'d) )?(?:actually )?(?:paid|bought|ordered|booked|purchased)\b(?=.{0,60}?\b(?:after-?sales|aftercare|after-?care|after care|post-purchase)\b)|"
     # (lane ps19) "how many end up paying for a cask": where the people counted end up (a share that
     # ends up paying is the purchase conversion, a KPI: "what proportion end up paying")
     r"\bhow many (?:[\w'-]+ ){0,6}?end(?:s|ed|ing)? up (?:actually )?(paying|buying|booking|ordering|hiring|purchasing|signing up|enrol+ing)\b",
     "purchase"),
    # (lane probe16b) "from quote request through to a paid deck", "from a quote to the paid job":
    # the quote is the decision and the paid piece of work at the far end the purchase (never
    # "to paid ads", a channel, nor a bare "to paid", the order placed in a chain of touchpoints)
    # (lane probe19c) "quote requests into a paid install", "estimate requests to paid jobs": said without "from"
    (r"\b(?:from )?(?:an? |the |their )?(?:[a-z-]+ )?(?:quote|estimate|quotation) (?:requests?|forms?)\b"
     r"(?= (?:all the way |right )?(?:through )?(?:to|until|till|into|turning into)\b)", "decision"),
    (r"\b(?:to|until|till|into) (?:an? |the |their )(?:actually |properly )?paid (?!(?:ads?|adverts?|search|social|media|"
     r"traffic|campaigns?|clicks?|listings?|promotions?)\b)[a-z-]+\b", "purchase"),
    # "between browsing and booking": booking at the far end is the purchase
    (r"\bbetween\b.{1,40}?\band (?:actually )?(booking|signing up|enrol+ing|adopting|commissioning|reserving)\b", "purchase"),
    # (lane probe16a) "from first hearing about us to booking a flight": booking at the far end of a way
    (r"\bfrom\b.{1,50}?\b(?:to|until|till|through to) (?:actually )?(booking|ordering|signing up|enrol+ing)\b", "purchase"),
    # "between looking at a quad session and paying for it": looking at something, at the near end
    (r"\b(?:between|from) (?:just )?(?:looking|having a look|checking out)\b(?=.{1,50}?\b(?:and|to|until|till) (?:actually )?"
     r"(?:paying|booking|buying|ordering|signing up|enrol+ing|paid)\b)", "consideration"),
    # "of the quotes we send out, how many turn into paid jobs": a quote given is the decision being made
    (r"\b(?:quotes?|estimates?|quotations?) (?:that )?(?:we|i|you) (?:send|sent|give|gave|issue|issued|write|wrote|put out)\b|"
     r"\b(?:quotes?|estimates?|quotations?) (?:[\w'-]+ ){0,4}?(?:turn|turns|turned|turning|convert\w*|become|became|end up) "
     r"(?:into|in|to|as)\b", "decision"),
    # (lane tune27) the far end said as the trade's sale: "from browsing to booking a car", "from
    # quote request to a paid job", "how many get to ordering", "and buying a seat"
    (r"\b(?:from|between)\b.{1,60}?\b(?:to|and|until|till|through to) (?:actually )?(booking|ordering|buying|hiring|purchasing|"
     r"renting|signing up|enrol+ing|adopting|commissioning|reserving)\b|\bto (?:an? |the )?paid (?:[\w-]+ )?(?:jobs?|bookings?|orders?|hires?|lessons?|classes|seats?|"
     r"places?|sessions?|visits?)\b|\bget(?:s|ting)? (?:as far as |through to |to )(?:actually )?(ordering|booking|buying|paying)\b", "purchase"),
    # "from quote request to ...", "between the quote and the deposit": the quote is the decision
    (r"\b(?:from|between) (?:a |an |the |their )?(?:price )?(?:quote|estimate|quotation)(?: requests?)?s?\b", "decision"),
    # "of folk that look at our memorials online", "people browsing the rugs on the site": the consideration
    (r"\b(?:look|looks|looking|looked|browse|browses|browsing|browsed) (?:at |through |round |around )?(?:our |the )?"
     r"(?:[\w-]+ ){0,2}(?:online|on (?:the |our )?(?:web ?)?site)\b", "consideration"),
    # (lane probe23c) "from eyeing up a pram to picking it up", "people looking round the boat hire site":
    # looking something over is the consideration, and collecting it at the far end the post-purchase
    (r"\b(?:from|between) (?:just )?(?:eyeing|eying)(?: up)?\b|\b(?:look|looks|looking|looked|browsing) (?:a?round) (?:the |our )?"
     r"(?:[\w-]+ ){0,2}(?:site|website|shop|store|showroom)\b", "consideration"),
    (r"\b(?:to|until|till|then) (?:them |people |folk )?(?:picking (?:it|them|their [\w-]+) up|collecting (?:it|them|their [\w-]+))\b",
     "post-purchase"),
    # (lane ps8) the span said without "from", as the funnel's name: "browsing to booking funnel",
    # "looking-to-buying funnel for the vans": the near end is the consideration, the far end the purchase
    (rf"{_BARE_SPAN}", "consideration"),
    (rf"{_BARE_SPAN_END}", "purchase"),
    (rf"{_CLAUSE_SPAN}", "consideration"),
    (rf"{_CLAUSE_SPAN_END}", "purchase"),
    # "between finding the gig listing and buying a seat": first finding us is the awareness
    (r"\b(?:from|between) (?:first )?(?:finding|spotting|seeing|discovering) (?:us|(?:the |our |an? )?(?:[\w-]+ ){0,2}"
     r"(?:listings?|ads?|adverts?|posts?|page|profile))\b", "awareness"),
    # (lane probe23a) "every step from someone first spotting the bakery to paying for a cake": a person first
    # coming across us (or what we sell) at the near end of a way is the awareness
    (r"\bfrom (?:someone|somebody|people|folk|customers|a customer|they|them|anyone) (?:first )?(?:spotting|noticing|seeing|finding|"
     r"discovering|coming across|stumbling (?:on|across)|hearing (?:about|of)|learning (?:about|of)) (?:us|(?:[\w'-]+ ){0,3}?[\w'-]+)"
     r"(?= (?:all the way )?(?:to|until|till|through to|thru to)\b)", "awareness"),
    # (lane ps19) "first hearing of us all the way to a booked trip", "from hearing about a title to
    # buying it": hearing of us (or of what we sell) at the near end of a way is the awareness, and
    # the thing booked or bought at its far end the purchase
    (r"\b(?:first )?(?:hearing|finding out|learning) (?:about|of) (?:us|(?:an? |the |our )?[\w-]+)\b"
     r"(?=.{0,60}?\b(?:to|until|till|through to|thru to|all the way)\b)", "awareness"),
    (r"\b(?:to|into|until|till) (?:an? |the |their )?(?:actually )?(booked|bought|purchased|paid-for|ordered) (?!ads?\b)[a-z-]+\b",
     "purchase"),
    # (lane probe18b) a chain said in the trade's words: "from checkout thru payment n on to aftercare",
    # "checkout, payment and the aftercare": the checkout is the decision, the payment the purchase and
    # the care after it the post-purchase (never "payment methods", "aftercare products" sold)
    (r"\bfrom (?:the )?check-?out\b(?=.{1,40}\b(?:payments?|paying|paid|aftercare|after-?care|after-?sales)\b)", "decision"),
    (r"\b(?:to|into|through|thru|then|and) (?:the )?(?:taking )?payments?\b(?! (?:methods?|options?|plans?|failures?|links?|"
     r"issues?|problems?|terms?|providers?|pages?)\b)", "purchase"),
    (r"\b(?:to|into|through|thru|then|and) (?:the |their )?(?:aftercare|after-care|after care|follow-?up care|after-?sales care)\b"
     r"(?! (?:products?|kits?|creams?|packs?)\b)", "post-purchase"),
    # (lane probe20a) "where do folk bail before the aftercare bit", "losing them ahead of the aftercare
    # stage": the care after the sale named as a part of the journey
    (r"\b(?:before|ahead of|until|reach\w*|get(?:s|ting)? to|short of) (?:the |their )?(?:aftercare|after-care|after care)"
     r"(?: (?:bit|stage|step|part|side|phase))?\b(?! (?:products?|kits?|creams?|packs?)\b)|"
     r"\b(?:the |their )(?:aftercare|after-care|after care) (?:bit|stage|step|part|phase)\b|"
     # (lane ps25) "dig into the after-sales stage", "through the after-sales step": the part of the
     # journey after the sale named as such (bare "after-sales" may be a team or a service)
     r"\b(?:the |their )?after[- ]?sales? (?:bit|stage|step|part|phase)\b", "post-purchase"),
    # (lane probe19b) the chain starting at the payment: "paid to aftercare to leaving a review", "from
    # paying thru after-sales": the paying is the purchase, the care and the review after it
    (r"\b(?<!un)(?:paid|paying|payment)\b(?=,? ?(?:to|->|→|then|thru|through|into|,) (?:the |their )?(?:aftercare|after-?care|"
     r"after care|after-?sales)\b)", "purchase"),
    (r"\b(?:aftercare|after-?care|after care|after-?sales)\b,? (?:to|->|→|then|thru|through|into|and) (?:them |people |customers )?"
     r"(?:leaving|leave|writing|posting|giving) (?:us )?(?:an? |their )?(?:reviews?|ratings?)\b|"
     r"\b(?:aftercare|after-?care|after care|after-?sales)\b,? (?:to|->|→|then|and) (?:the )?reviews?\b", "advocacy"),
    # (lane ps25) "of riders who paid, how many got through ...": the people counted from are those
    # who paid, the purchase at the near end; "... to writing a review": the review at the far end
    (r"\b(?:of|among|out of) (?:the |our |all )?(?:[\w'-]+ ){0,3}?(?:who|that) (?:actually )?(paid|bought|booked|ordered)\b"
     r"(?=.{0,40}?\bhow many\b)", "purchase"),
    # (lane probe25c) "once they've paid for a class, how many get through to writing a review", "after
    # folk have bought, how many make it to the after-sales bit": the paying said as a time, the near end
    (r"\b(?:once|after|when|now that) (?:they|people|folk|folks|customers|clients|guests|buyers|[\w'-]+s)(?:'ve| have| had)? "
     r"(?:actually |finally )?(paid|bought|booked|ordered)\b(?=.{0,60}?\bhow many\b)", "purchase"),
    # (lane probe23a) "of folk who start checkout for a frame, how many pay and then come pick it up": the
    # checkout started by the people counted from (the decision), paying (the purchase), then collecting
    # (the post-purchase)
    (r"\b(?:of|among|out of) (?:the |our |all )?(?:[\w'-]+ ){0,3}?(?:who|that) (?:start|starts|started|begin|begins|began|reach|"
     r"reaches|reached|get to|got to|hit) (?:the |a )?check-?outs?\b(?=.{0,60}?\bhow many\b)", "decision"),
    (r"(?<=\bhow many )(?:(?:of them|then|actually|go on to|went on to) )*(?:pay|paid)\b(?=.{0,40}?\b(?:then|and)\b)", "purchase"),
    (r"\b(?:pay|paid|paying)\b,? (?:and )?then (?:come |go |actually )?(?:pick(?:s|ed|ing)? (?:it |them |their \w+ )?up|"
     r"collect(?:s|ed|ing)?)\b", "post-purchase"),
    (r"\b(?:to|into|then|and) (?:actually )?(?:writ(?:e|es|ing)|post(?:s|ing)?|leav(?:e|es|ing)) (?:us )?(?:an? |their )?"
     r"(?:reviews?|write-?ups?)\b", "advocacy"),
    # (lane probe26c) "guests who paid: how many carried on thru the after-sales bit and then posted a
    # review": the people counted from named before the question (no "of"), and the review said in
    # the past; "to a signed wedding contract": the trade's sale signed or agreed at the far end of a way
    (r"\b[\w'-]+s (?:who|that) (?:actually )?(paid|bought|booked|ordered)\b(?=[:,;-]? (?:so |and |then )?how many\b)", "purchase"),
    (r"\b(?:then|and|to) (?:actually |finally )?(?:wrote|posted|left|gave) (?:us )?(?:an? |their )?(?:reviews?|write-?ups?)\b", "advocacy"),
    (r"\b(?:to|into|until|till) (?:an? |the |their )?(?:signed|agreed|confirmed|closed) (?:[\w-]+ ){0,2}?(?:jobs?|contracts?|deals?|"
     r"orders?|bookings?|commissions?|sales?|quotes?)\b", "purchase"),
    # (lane tune30) "funnel from paying to after-sales to a review": paying at the near end of a way
    # is the purchase ("to paying" is read by bot/agent/slot_readers.py); "from checkout to paid":
    # paid at the far end of the checkout's way is the purchase too (never "to paid ads")
    (r"\bfrom (?:the )?(?:actually )?(?:paying|payment|being paid|getting paid)\b(?=.{1,40}?\b(?:to|through to|thru to|until|till|"
     r"on to|->|→)\b)", "purchase"),
    (r"\bfrom (?:the )?check-?out(?: page| stage)?,? (?:to|through to|thru to|until|till|->|→) (?:actually |being |getting )?(paid)\b"
     r"(?! (?:ads?|adverts?|search|social|media|traffic|campaigns?|clicks?)\b)", "purchase"),
    (r"\b(?:turn|turns|turned|turning|convert\w*|go on) (?:in)?to (?:an? |the )?paid (?:[\w-]+ )?(work|jobs?|bookings?|orders?|hires?|"
     r"lessons?|classes|seats?|places?|sessions?|visits?|installs?|projects?|commissions?)\b", "purchase"),
    # "of the quote requests, how many turn into a paid job": the request is the decision being made
    (r"\bquote (?:requests?|forms?)\b(?=.{0,40}?\b(?:turn|turns|turned|turning|convert\w*|become|became|end up|ends up|"
     r"go on to|went on to)\b)", "decision"),
    # (lane probe19a) the span said bare, no "from": "quote requests into paid jobs", "estimate
    # enquiries to paid installs": the quote asked for is the decision, the paid work the purchase
    (r"\b(?:quote|estimate|quotation) (?:requests?|forms?|enquir(?:y|ies)|inquir(?:y|ies))\b(?=,? (?:turning |turned |converting |"
     r"converted |that turn |going )?(?:in)?to (?:an? |the )?(?:actually |properly )?paid\b)", "decision"),
    (rf"\binto (?:an? |the |their )?(?:actually |properly )?paid (?:[\w-]+ )?(?:{UNIT}|{UNIT_ONE}|jobs?|bookings?|orders?|work|"
     r"contracts?|builds?)\b", "purchase"),
)


def everyday_stages(t: str) -> list[tuple[int, str]]:
    """(position, stage) for each stage the text says in everyday words."""
    return [(m.start(m.lastindex or 0), stage) for pattern, stage in _STAGE_PHRASES for m in rx.finditer(pattern, t)]
