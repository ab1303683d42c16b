"""What sells best, for the agent and the planner: the `product_sales` tool
(tools/analytics/product_sales.py), revenue, orders and units by product or product category.

Read by class: a word for what is sold (product, item, SKU, flavour, dish; category, range,
product line, department) near a word for selling or money or units ("sells", "best sellers",
"makes us the most money", "units", "shrinking"), in a ranking ("which", "top", "best",
"worst", "most"). Not satisfaction (review score by category is satisfaction_by's), not a time
grain (which weekday sells most is time_pattern's), not a customer group (which channel or town
sells most is movers'), not a brand (no brand is stored: bot/agent/unmeasured.py says so)."""

from __future__ import annotations

from typing import Any

from bot.agent.goods_one_by_one import EACH_GOOD_SAID, GOODS_ONE_BY_ONE, GOODS_RANKED
from bot.agent.patterns import lazy, rx
from bot.agent.plan_args import filters_from, period_from
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.trade_words import PEOPLE as TRADE_PEOPLE
from bot.agent.unmeasured import MOST_BOUGHT

_CATEGORY = (r"categor(?:y|ies)|genres?|(?:product |stock )?ranges?(?<!date range)(?<!price range)(?<!age range)(?<!time range)|"
             r"(?:product|stock) lines?|departments?|(?:kinds?|types?|sorts?) of (?:products?|stock|goods|things|stuff)")
# (lane ps29) a maker's "kits" are the goods on the shelf, like its flavours or models ("grow kits" left out:
# its "grow" reads as growth, blind14's "repeat orders on the grow kits" is no sales ranking)
_PRODUCT = (r"products?|items?|skus?|(?<!grow )kits|best[- ]?sellers?|top[- ]?sellers?|flavou?rs?|dish(?:es)?|menu items?|"
            r"styles?|models?|lines(?= (?:sell|sold|mak|earn|brings?|mov|grow|shrink|declin|slip|fall|ris|climb))|(?<=selling )lines|(?<=sellers )lines|what we sell|merch(?:andise)?|goods|stock")
_THING = rf"(?:{_CATEGORY}|{_PRODUCT})"
_PEOPLE = "|".join(TRADE_PEOPLE)
_MONEY = (r"revenue|money|takings|turnover|earn\w*|brings? in|bringing in|brought in|makes? us|making us|made us|"
          r"cash|income|sales|\$|£|€")
# (lane ps29) "sold the fewest bags", "sells the least": the count sold, from the bottom as from the top
_UNITS = (r"units?|volume|quantit(?:y|ies)|pieces|how many (?:we )?sold|sold the most|sells? the most|most popular|popular|"
          r"(?:sold|sells?|shifted|shifts|moved) (?:the )?(?:fewest|least)")
# "best sellers", "what did people buy most often": how many sold, unless money is named
_COUNTED = (r"(?:best|top|worst|slowest)[- ]?(?:sellers?|selling)|sells? (?:the )?(?:best|most)|most often|"
            r"(?:buy|order|pick|choose)(?:ed)? (?:the )?most|bought (?:the )?most|moving (?:the )?fastest|"
            # (tune32) "which lines shifted the most": as many sold as "sold the most"
            r"(?:shifted|shifts|moved|moves) (?:the )?most")
_SOLD = (rf"sells?|selling|sold|(?:best|top|worst|slow)[- ]?sellers?|moving|moves?|shift(?:s|ed|ing)?|bought|ordered|"
         rf"shrink\w*|shrank|grow\w*|grew|declin\w*|falling|dropping|slipping|rising|(?:losing|gaining) ground|{_MONEY}|{_UNITS}|"
         # (lane probe20a) "top 5 toner products by number of orders": ranked by the orders they are in
         r"(?:by|in|on) (?:the )?(?:number of |count of |most )?orders")
_RANKED = (r"\b(?:which|what|top|best|worst|most|least|biggest|fastest|slowest|rank\w*|bottom|leaders?|"
           r"shrink\w*|grow\w*|grew|declin\w*|falling|dropping|slipping|rising)\b")
# What other tools answer: regulars (people, at risk or lapsing), satisfaction by category, a weekday or month pattern, a customer
# group, a brand (not stored), a forecast
_NOT = (r"\bregulars?\b|review|rating|rated|\bstars?\b|score|csat|\bnps\b|satisf|sentiment|happ(?:y|ier|iest)|complain|comments?|"
        r"\bweekdays?\b|day of (?:the )?week|\bhours?\b|time of day|\bmonth of (?:the )?year\b|which (?:day|month|week|hour)\b|"
        r"\bchannels?\b|\bsegments?\b|\bcit(?:y|ies)\b|\btowns?\b|\bareas?\b|\bregions?\b|\bstates?\b|postcodes?|"
        r"\bbrands?\b(?! new)|forecast|predict|expect|next (?:week|month|quarter|year)|"
        r"\bbasket size\b|\bper order\b|\bper basket\b|\bin each order\b|\b(?:add(?:ed|s|ing)? to|in(?:to)?) (?:the |their |a )?(?:cart|basket|trolley)s?\b|abandon|"
        # (lane probe24a) "how many separate people bought the kits": a head count of buyers, the KPI
        r"\bhow many (?:separate |different |unique |distinct )(?:people|folks?|customers|clients|buyers|households)\b")
# (lane tune35) "kits product by product, by units", "flavour by flavour, what sold": the goods gone through one
# by one, their sales (never a review or a weekday: the same exclusions as below)
_GOOD_BY_GOOD = (rf"^(?!.*(?:{_NOT})).*\b(?:products? by product|items? by item|skus? by sku|models? by model|"
                 r"flavou?rs? by flavou?r|kits? by kit|dish(?:es)? by dish|styles? by style|categor(?:y|ies) by category)\b")
ASKS_PRODUCT_SALES = lazy(
    rf"^(?!.*(?:{_NOT}))(?=.*{_RANKED}).*?"
    rf"(?:\b{_THING}\b[^.?!]{{0,45}}?(?:\b|(?=[$£€]))(?:{_SOLD})\b|\b(?:{_SOLD})\b[^.?!]{{0,30}}?\b{_THING}\b|"
    r"\b(?:best|top|worst|slow(?:est)?|biggest|fastest)[- ]?sellers?\b|"
    # (lane probe20b) "which fillings sell best", "what cheeses sell the most": whatever the trade calls
    # its goods, plural, set selling against each other (never days, people or the groups above)
    r"\b(?:which|what) (?:of (?:the|our) )?(?:[\w-]+ )?(?!(?:days|weeks|months|hours|nights|times|people|customers|clients|folks|"
    r"ones|staff|stores|shops|sites|branches|places)\b)[a-z-]{3,}s (?:(?:sell|sold|shift|move|go)(?: the)? "
    r"(?:best|most|worst|least|fastest|slowest|quickest)|(?:are |is )?(?:shrinking|growing|declining|slipping|falling|rising)"
    r"(?: the)? (?:fastest|most|quickest))\b)")

# (lane probe20c) the trade's own goods, ranked by what they sold: "top 5 bakes by revenue", "best
# selling pies", "which tins sold best", "worst selling wigs" (not people, groups, times or orders,
# which other tools rank)
_NOT_GOODS = (rf"(?:{_PEOPLE}|people|folks?|buyers|days|weeks|months|years|hours|times|stages|touchpoints|pages|"
              r"sessions|visits|orders|bookings|purchases|sales|personas|ads|campaigns|posts|emails|staff|reasons|vips|leads|prospects|"
              r"accounts|households|users|visitors|sources|suburbs|referrers|partners|suppliers|events|weekdays|nights|"
              r"complaints|tickets|reviews|comments|themes|alerts)\b")
_GOODS = rf"(?!{_NOT_GOODS})[a-z]{{3,}}s"
_FEW = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty"
_RANK_WORD = r"top|bottom|best|worst"
# (lane ps18) the trade's own kinds of goods: "what kind of boots", "which lines of lamps" (never people)
_KIND_OF_GOODS = rf"(?:kinds?|types?|sorts?|lines|ranges) of {_GOODS}"
ASKS_GOODS_SOLD = lazy(
    rf"^(?!.*(?:{_NOT})).*?(?:\b(?:best|top|worst|slowest)[- ]selling (?:[a-z]+ )?{_GOODS}\b|"
    # (lane ps18) "bottom 3 salt blends by turnover", "the three best candle scents by takings": the
    # count before or after the ranking word, the goods one or two words long
    rf"\b(?:(?:{_RANK_WORD}) (?:{_FEW})|(?:{_FEW}) (?:{_RANK_WORD})) (?:[a-z-]+ ){{0,2}}{_GOODS} by "
    r"(?:revenue|units|sales|orders|money|takings|turnover|(?:the )?(?:number of|how many) orders)\b|"
    # (lane probe21a) "which party packages make the most money", "which courses earned the most", "which
    # gazebos got the most bookings": the trade's goods set against each other by what they brought in
    rf"\b(?:which|what) (?:[a-z-]+ )?{_GOODS} (?:make|makes|made|earn|earns|earned|bring in|brings in|brought in|took|take|takes|"
    r"got|get|gets|had|pulled in|pull in)(?: us| in)? (?:the )?(?:most|least|fewest)(?: (?:money|cash|revenue|takings|income|"
    r"bookings|orders|hires|jobs|units))?\b|"
    # (lane probe21a) "what shifted the most units", "what sold best this week": the things sold, unnamed
    # (lane real25) "what sells best?", "what's selling the most", "what goes best": the same said in the present
    r"\bwhat(?:'s| is| are)? (?:sold|sells|selling|shifted|shifts|shifting|moved|moves|moving|went|goes|going)(?: the)? "
    r"(?:most|best|fewest|least|worst)\b(?! (?:day|week|month|hour|night|time)\b)|"
    # (lane ps18) "the 5 games that shifted the most units", "the ten rugs that sold most"
    rf"\bthe (?:{_FEW}) (?:[a-z]+ )?{_GOODS} (?:that|which) (?:sold|shifted|moved|went) (?:the )?most\b|"
    # (lead, blind27) "verbena soaps that sold the fewest bars this quarter": the goods first, no count
    rf"^(?:[\w' -]+: )?(?:the |our |my )?(?:(?!{_NOT_GOODS})[a-z-]+ ){{0,2}}?{_GOODS} (?:that|which) (?:sold|shifted|moved|went) "
    r"(?:the )?(?:most|fewest|least)\b|"
    # (lane ps18) "which hop varieties grew most", "what kind of boots is growing fastest", "which lines of lamps sell best"
    # (lead, blind27) "which velvet cushion colours grew most": the goods may be named in two words
    # (lane probe23a) "which tile patterns climbed most in october": climbing is growing
    # (lane probe26c) "which of the nettle teas picked up the most", "bakes growing fastest by units": the
    # goods picked out of the shop's own, or named first with no "which"
    rf"\b(?:which|what) (?:of (?:our|the|my) )?(?:{_KIND_OF_GOODS}|(?:(?!{_NOT_GOODS})[a-z]+ ){{0,2}}?{_GOODS}) (?:are |is |have |has )?(?:grew|growing|shrank|shrinking|declined|declining|"
    r"rose|rising|fell|falling|climbed|climbing|picked up|picking up|gained|gaining)(?: the)? (?:most|fastest|quickest)\b|"
    rf"^(?:[\w' -]+: )?(?:the |our |my )?(?:[a-z-]+ )?{_GOODS} (?:are |is )?(?:growing|shrinking|declining|rising|falling|climbing)"
    r"(?: the)? (?:most|fastest|quickest)\b|"
    rf"\b(?:which|what) {_KIND_OF_GOODS} (?:sold|sell|sells|shift|shifts|move|moves|went|go) (?:the )?(?:best|most|worst|least)\b|"
    # (lane ps25) "which marzipan fruits shifted the most units": the goods may carry the trade's word before
    # (lane probe26c) "which marmalades sold the fewest jars": the fewest sold is the bottom of the same list
    rf"\bwhich (?:of (?:our|the|my) )?(?:(?!{_NOT_GOODS})[a-z-]{{3,}} ){{0,2}}{_GOODS} (?:sold|sell|sells|went|go|shifted|shift|shifts|moved|move|moves) (?:the )?(?:best|most|worst|least|fewest)\b|"
    # (lane ps25) "rock candy lines ranked by revenue", "candle ranges sorted by takings": kinds of goods ranked
    rf"\b(?:[a-z-]+ ){{1,2}}(?:lines|ranges) (?:ranked|sorted|ordered|listed|rated) (?:by|on) (?:{_MONEY}|units|sales|takings|turnover|money)\b|"
    # (lane probe29b) "pesto and the other jars: which shift the most units": the goods as the heading
    r"^[\w' -]+: which (?:ones? )?(?:sold|sell|sells|shift|shifts|shifted|move|moves|moved|went) (?:the )?(?:best|most|fewest|least|worst)\b|"
    # (lane probe29b) "which bars barely sold last month", "which candles hardly shifted": the goods that
    # sold least, and "which hats jumped the most from the month before": the ones that grew most
    rf"\b(?:which|what) (?:of (?:our|the|my) )?(?:(?!{_NOT_GOODS})[a-z-]{{3,}} )?{_GOODS} (?:barely|hardly|scarcely|only just) "
    r"(?:sold|sell|sells|shifted|shift|moved|move|went)\b|"
    rf"\b(?:which|what) (?:of (?:our|the|my) )?(?:(?!{_NOT_GOODS})[a-z-]{{3,}} )?{_GOODS} (?:jumped|shot up|leapt|leaped|took off|"
    r"went up)(?: the)? (?:most|fastest|furthest)\b|"
    # (lane probe21a) "which kit lines are losing ground": goods gaining or losing on the period before
    rf"\b(?:which|what) (?:[a-z-]+ )?{_GOODS} (?:are |is )?(?:losing|gaining) ground\b|"
    # (lane probe21b) "which cheeses make us the most money", "what saddles brought in the least": the
    # trade's goods ranked by the money each made (never weekends or seasons, which are times)
    # (lane ps23) "which of our knives bring in the most cash": the goods picked out of the shop's own
    # (lane probe24c) the goods named in two words: "which silk scarf designs bring in the most cash"
    rf"\b(?:which|what) (?:of (?:our|the|my) )?(?:{_KIND_OF_GOODS}|(?:[a-z]+ ){{0,2}}?(?!(?:weekends|seasons|quarters|shifts|slots|sessions)\b){_GOODS}) "
    r"(?:make|makes|made|bring in|brings in|brought in|earn|earns|earned|rake in|rakes in|raked in|pull in|pulls in|pulled in) "
    r"(?:us |me )?(?:the |di |da )?(?:most|least|biggest|smallest) (?:money|cash|revenue|takings|turnover|dosh|income)\b|"
    # (lane probe24c) "product by product, by units", "category by category takings", "flavour by
    # flavour": the goods gone through one at a time, each one's sales the list
    r"\b(?P<each>products?|items?|categor(?:y|ies)|ranges?|lines?|flavou?rs?|styles?|models?|designs?|skus?|kits?|dish(?:es)?) by (?P=each)\b|"
    # (lane ps23) "turnover by product category", "units per item, last quarter": the money or the count
    # split by the goods (no ranking word: the split is the list)
    rf"\b(?:{_MONEY}|{_UNITS}|units sold) (?:by|per|for each|across|split by|broken down by) (?:product |stock )?"
    r"(?:categor(?:y|ies)|departments?|ranges?|lines?|products?|items?|skus?)\b|"
    # (lane probe25c) the goods named first with no verb, then what to rank them by: "smoked paprikas by
    # units, last quarter", "the oud blends by takings", "baskets, totes and hats by units shifted",
    # "plates, top 5 by takings", "jars of rosehip by units" (never people, times or a KPI's own name)
    rf"^(?:[\w' -]+: )?(?:the |our |my )?(?:[a-z-]+ ){{0,2}}?{_GOODS}(?: of [a-z-]+)?(?:, (?:[a-z-]+ ){{0,2}}?{_GOODS})*"
    rf"(?:,? (?:and|&) (?:[a-z-]+ ){{0,2}}?{_GOODS})?,? (?:(?:{_RANK_WORD}) (?:{_FEW}) )?(?:ranked |sorted )?by "
    r"(?:units?|unit sales|takings|revenue|money|cash|turnover|(?:the )?(?:number of|count of|how many) orders)\b)")
# (tune32) the trade's goods moving, said without a ranking word: "which blends are growing", "what's
# shrinking among our titles", "which of our candles are selling slower than last month" (never a KPI,
# people or a group, which compare, trend and movers take)
_NOT_FIGURES = (r"(?!(?:kpis|metrics|numbers|figures|rates|scores|stats|margins|costs|prices|queues|waits|topics|themes|issues|"
                r"problems|gripes|moans|subjects|words|things|trends|questions|requests|worries|concerns|feelings)\b)")
# (lane ps23) the g dropped as said: "which lines of suitcases are shrinkin"
_MOVES = r"(?:(?:grow|shrink|declin|slipp|fall|ris|dropp)in(?:g|')?|picking up|slowing(?: down)?|on the (?:up|rise|slide|way down))"
ASKS_GOODS_MOVING = lazy(
    rf"^(?!.*(?:{_NOT})).*?(?:\b(?:which|what) (?:of (?:our|the) )?(?:{_KIND_OF_GOODS}|(?:[a-z]+ )?{_NOT_FIGURES}{_GOODS}) (?:are|is|have been|has been) "
    rf"(?:{_MOVES}\b(?! (?:than|compared|vs)\b)|(?:selling|moving|shifting|going) (?:slower|faster|quicker|less|more|better|worse)\b)|"
    rf"\bwhat(?:'s| is| are) {_MOVES} (?:among|of|in|across) (?:our |the |my )?(?:[a-z]+ )?{_NOT_FIGURES}{_GOODS}\b)")

# (lane probe21a) "which lines sell worst", "kit lines losing ground": an owner's lines are kinds of goods
_BY_CATEGORY = lazy(rf"\b(?:{_CATEGORY}|{_KIND_OF_GOODS}|lines)\b")
_MEASURE_UNITS = lazy(rf"\b(?:{_UNITS}|{_COUNTED})\b|\bhow many\b")
_MEASURE_MONEY = lazy(rf"\b(?:{_MONEY})(?:\b|(?<=[$£€]))")
_MEASURE_ORDERS = lazy(r"\b(?:most|number of|how many|by|in) orders\b|\bordered (?:the )?most\b|\bmost ordered\b|"
                             # (lane probe21a) "which gazebos got the most bookings": the trade's orders counted
                             r"\b(?:most|fewest|number of|how many) (?:bookings|hires|jobs)\b")
_CHANGE = lazy(r"\b(?:shrink\w*|shrank|grow\w*|grew|rose|climbed|climbing|fell|jumped|shot up|leapt|leaped|took off|declin\w*|fallin[g']?|fallen|droppin[g']?|dropped|slippin[g']?|risin[g']?|risen|"
                     r"gaining|losing ground|on the (?:up|way up|way down|rise|slide)|(?:selling|moving|shifting|going) (?:slower|faster|quicker|"
                     r"less|more|better|worse)|slowing(?: down)?|picking up|picked up)\b")
_BOTTOM = lazy(r"\b(?:worst|least|fewest|slowest|bottom|weakest|lowest|(?:barely|hardly|scarcely) (?:sold|sell|sells|shifted|moved|went)|shrink\w*|shrank|declin\w*|fallin[g']?|fallen|fell|droppin[g']?|"
                     r"dropped|slippin[g']?|losing ground|on the (?:way down|slide)|slow[- ]?sellers?|(?:selling|moving|shifting|going) "
                     r"(?:slower|less|worse)|slowing(?: down)?)\b")
_TOP = lazy(r"\b(?:top|best|biggest|highest)\b")
# (lead, phase AE) the top said as a turn from an earlier list: only then is the default order spelled out
_TURN = lazy(r"\b(?:instead|flip\w*|rather|reverse\w*|other end|other way|now)\b")
# (lane ps23) "last 90 days" is the period, never a list's length
_TOP_N = lazy(rf"\b(?:top|best|bottom|worst|first|last)\s+({_FEW})\b(?! (?:days?|weeks?|months?|years?|quarters?|hours?|nights?)\b)|\b({_FEW})\s+(?:best|top|worst|bottom)\b|"
                    # (lane ps18) "the 5 games that shifted the most": the count is the list's length
                    rf"\bthe ({_FEW}) (?:[a-z]+ )?[a-z]+s (?:that|which) ")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "twelve": 12, "fifteen": 15, "twenty": 20}


def sold_by(words: str) -> bool:
    """Whether a group the data lacks ("categories") is one product_sales splits by itself: its
    answer then says whether the orders list them, so "not in the loaded data" is not said twice."""
    return bool(_BY_CATEGORY.search(words.lower()) or rx.fullmatch(rf"(?:{_PRODUCT})", words.lower()))


def asks_product_sales(text: str) -> bool:
    return bool(ASKS_PRODUCT_SALES.search(text) or ASKS_GOODS_SOLD.search(text) or ASKS_GOODS_MOVING.search(text))


def _plan(slots: Any, ctx: ToolContext) -> dict[str, Any]:
    text = getattr(slots, "norm", "") or (getattr(slots, "text", "") or "").lower()
    by = "product_category" if _BY_CATEGORY.search(text) else "product"
    if GOODS_ONE_BY_ONE.search(text) or EACH_GOOD_SAID.search(text):  # (lane probe28b) "now plant by plant"
        by = "product"
    if _MEASURE_MONEY.search(text):
        measure = "revenue"
    elif _MEASURE_ORDERS.search(text):
        measure = "orders"
    elif _MEASURE_UNITS.search(text):
        measure = "units"
    else:
        measure = "revenue"
    args: dict[str, Any] = {"by": by, "measure": measure}
    if _CHANGE.search(text):
        args["rank"] = "change"
    if _BOTTOM.search(text):
        args["order"] = "bottom"
    elif _TOP.search(text) and _TURN.search(text):
        # (lane probe29b) said in so many words, so a follow-up "now the top 3 instead", "flip it, the
        # best 3" after the worst sellers sets the order back to the top (the default, else kept)
        args["order"] = "top"
    n = _TOP_N.search(text)
    if n:
        said = next(g for g in n.groups() if g)
        args["top"] = _NUMBER_WORDS.get(said) or int(said)
    args.update(period_from(slots))
    filters = filters_from(slots)
    if filters:
        args["filters"] = filters
    return args


def _run(ctx: ToolContext, params: Any):
    from tools.analytics.product_sales import product_sales

    return product_sales(ctx.store, params)


def product_sales_tools() -> list[ToolSpec]:
    from tools.analytics.product_sales import ProductSalesParams

    return [
        ToolSpec(
            name="product_sales",
            params=ProductSalesParams,
            run=_run,
            cached=True,
            description=(ProductSalesParams.__doc__ or "").strip(),
            examples=(
                "which product categories make us the most money?",
                "top 5 products by revenue this month",
                "best sellers by units",
                "which range is shrinking?",
            ),
            phrasings=("best selling products", "revenue by product category", "units sold per product",
                       "worst selling items", "which categories are growing"),
            keywords=("best sellers", "best selling"),
            # "what did people buy most often": the things bought, ranked (bot/agent/unmeasured.py's words)
            cues=((_GOOD_BY_GOOD, 2.0), (ASKS_PRODUCT_SALES.pattern, 2.0), (MOST_BOUGHT.pattern, 2.0), (ASKS_GOODS_SOLD.pattern, 2.0),
                  (ASKS_GOODS_MOVING.pattern, 2.0), (GOODS_ONE_BY_ONE.pattern, 2.0), (GOODS_RANKED.pattern, 2.0)),
            plan=_plan,
        ),
    ]
