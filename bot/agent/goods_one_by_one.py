"""The trade's goods gone through one at a time (lane probe28b): product_sales by product.

An owner names the goods in the trade's own word and asks for each one's sales: "blend by blend,
which sold the most tins", "poncho designs one by one, which sold the fewest", "preserves one at
a time, ranked by takings", "toppings with the biggest growth this month vs last", "scents, worst
selling first", "spirulina products ranked, worst first", "varieties, which sold the fewest
crates". "X by X" is the goods only when X is no group, time or step the other tools split by:
"town by town" stays a split by town, "week by week" a weekly series, "step by step" a funnel.
After a category ranking, "now plant by plant" is the same ranking by product.
"""

from __future__ import annotations

from bot.agent.patterns import lazy

# What "X by X" (and "Xs one by one") names when it is not the goods: a customer group, a span
# of time, a step of the journey, people, orders and visits, and the idioms ("bit by bit")
_NOT_GOODS = (r"(?:towns?|cit(?:y|ies)|regions?|areas?|segments?|channels?|bands?|groups?|brackets?|personas?|ages?|"
              r"suburbs?|postcodes?|places?|shops?|stores?|branches|branch|sites?|locations?|countr(?:y|ies)|count(?:y|ies)|"
              r"days?|weeks?|months?|quarters?|years?|hours?|nights?|evenings?|mornings?|weekends?|times?|seasons?|dates?|"
              r"steps?|stages?|touchpoints?|pages?|phases?|parts?|points?|spots?|"
              r"customers?|clients?|members?|people|persons?|folks?|buyers?|visitors?|guests?|users?|shoppers?|diners?|"
              r"orders?|bookings?|jobs?|visits?|sessions?|tickets?|complaints?|reviews?|comments?|themes?|alerts?|rules?|"
              r"cards?|categor(?:y|ies)|ranges?|lines?|"
              r"bits?|little|pieces?|inch(?:es)?|words?|bricks?|layers?|rows?|drops?|heads?|hands?|sides?|backs?|faces?|"
              r"doors?|houses?|streets?|names?|cases?|blows?|questions?|numbers?|metrics?|kpis?|figures?|one|two)")
# "fabric by fabric", "blend by blend", "plant by plant": one of the goods, said twice
_EACH_GOOD = rf"\b(?!{_NOT_GOODS}\b)(?P<good>[a-z]{{3,}}?)(?:e?s)? by (?P=good)(?:e?s)?\b"
# "poncho designs one by one", "preserves one at a time": the goods named just before
_GOODS = rf"(?!{_NOT_GOODS}\b)[a-z-]{{3,}}s"
# the goods or their kinds ("plant ranges, which made the most": by category)
_KINDS = rf"(?:{_GOODS}|ranges|lines|categories)"
_ONE_AT_A_TIME = r"(?:one by one|one at a time|each on (?:its|their) own|individually)"
_SELLING = (r"(?:sold|sells?|selling|shifted|shift|moved|went|goes|best[- ]?sellers?|worst[- ]?sellers?|takings|revenue|money|"
            r"cash|turnover|units?|ranked|sorted|growth|grew|growing|shrinking|most|fewest|least|best|worst|top|bottom)")
# A question of people, feelings, times or groups is another tool's, whatever its goods
_NOT_ASKED = (r"\b(?:review|rating|rated|stars?|score|csat|nps|satisf|sentiment|complain|feel|mood|tone|weekdays?|"
              r"hour of|day of the week|month of the year|which (?:day|week|month|hour|date)|forecast|predict|"
              r"expect|funnel|drop ?offs?|journey|basket|checkout|cart)\b")

# The goods one at a time: "X by X" with a selling word anywhere, or the goods named then "one by one"
GOODS_ONE_BY_ONE = lazy(
    rf"^(?!.*{_NOT_ASKED})(?=.*\b{_SELLING}\b).*{_EACH_GOOD}|"
    rf"^(?!.*{_NOT_ASKED})(?=.*\b{_SELLING}\b)(?:[\w' -]+: )?(?:the |our |my )?(?:[a-z-]+ ){{0,2}}?{_GOODS},? {_ONE_AT_A_TIME}\b")
# "now fabric by fabric", "an now variety by variety": a follow-up's split of the same ranking
EACH_GOOD_SAID = lazy(rf"^(?:(?:and|an|now|ok|okay|so|then|same|but|again),? )*(?:the same |same again |that )?"
                      rf"(?:but |again )?{_EACH_GOOD}(?: (?:instead|now|then|please|pls|this time|lads|mate|eh|lah))*[?.! ]*$")

# The goods ranked in the trade's own word, no selling verb before the ranking: "toppings with the
# biggest growth this month vs last", "scents, worst selling first", "products ranked, worst
# first", "varieties, which sold the fewest crates this month"
GOODS_RANKED = lazy(
    rf"^(?!.*{_NOT_ASKED})(?:[\w' -]+: )?(?:[a-z-]+ ){{0,3}}?{_GOODS} (?:with|showing|that had|that saw) (?:the )?"
    r"(?:biggest|most|fastest|largest|strongest|sharpest|steepest) (?:growth|rise|climb|gains?|drop|fall|decline|slide)\b|"
    rf"^(?!.*{_NOT_ASKED})(?:[\w' -]+: )?(?:the |our |my )?(?:[a-z-]+ ){{0,2}}?{_KINDS},? (?:(?:best|worst|top|slowest)[- ]?selling|"
    r"ranked|sorted)(?: ones?)?,? (?:(?:the )?(?:best|worst|top|bottom|slowest|biggest)(?: ones?| sellers?)? (?:first|at the top|on top)|"
    r"(?:by|on) (?:takings|revenue|money|cash|turnover|units|sales)|first)\b|"
    rf"^(?!.*{_NOT_ASKED})(?:[\w' -]+: )?(?:the |our |my )?(?:[a-z-]+ ){{0,2}}?{_KINDS}, (?:which|what) (?:ones? )?"
    r"(?:sold|shifted|moved|went|made|brought in|earned)(?: the| us the)? (?:most|fewest|least|best|worst)\b")
