"""Asks that no loaded data answers, said plainly instead of answered with another KPI that
shares a word: what people buy most (orders have no line items). The planner gives them no tool
(bot/agent/planner.py) and the answer says what is missing (bot/agent/reading.py). How long web
visits last is the session_length KPI now (bot/agent/session_words.py)."""

from __future__ import annotations

from bot.agent.order_details import ORDER_DETAILS, no_order_details
from bot.agent.patterns import lazy
from bot.agent.product_sales import SELLS_BEST, no_product_sales
from bot.agent.product_views import PRODUCT_VIEWS, no_product_views
from bot.agent.unforecast import FORECAST_ELSEWHERE, no_forecast
from bot.agent.visits_per_visitor import VISITS_PER_VISITOR, no_visits_per_visitor

_PEOPLE = (r"(?:people|visitors|users|shoppers|customers|clients|browsers|folks?|punters|guests|readers|they|buyers|regulars|"
           r"diners|patients|members|students|owners|locals|"
           r"most people|everyone)")
_BOUGHT = r"(?:buy|order|purchase|pick|choose|get|book)"
# "what did people buy most often", "what gets ordered the most": the things bought, ranked
MOST_BOUGHT = lazy(
    rf"\bwhat (?:did|do|does|have|has) (?:our |the )?{_PEOPLE} (?:tend to |usually |mostly |actually )?{_BOUGHT}"
    rf"(?:ed)? (?:the )?most(?: often| of all| frequently)?\b|"
    r"\bwhat (?:gets|got|is|was|are|were|has been|have been) (?:bought|ordered|purchased|booked) (?:the )?most\b|"
    r"\bwhat(?:'s| is| are| were| was) (?:our |the )?most (?:popular|bought|ordered|purchased|frequently bought|often bought) "
    r"(?:items?|products?|things?|dish(?:es)?|treatments?|services?|lines?|skus?|flavou?rs?|menu items?)\b")
# (lane tune27) "how many people visited the site more than twice": visits per visitor, never counted.
# (lane real15) What sells best by product or category is the product_sales tool now
# (bot/agent/product_sales_tool.py); sales by brand stay unanswered: no brand is stored.
BRAND_SALES = lazy(rf"^(?=.*\bbrands?\b(?! new)).*?(?:{SELLS_BEST.pattern})")
# (lane real28a) views ranked by product, category or brand: events keep no product (bot/agent/product_views.py)
# (lane real29a) how an order was paid, its freight, its seller: not kept (bot/agent/order_details.py)
NOT_IN_DATA = lazy(f"{BRAND_SALES.pattern}|{VISITS_PER_VISITOR.pattern}|{FORECAST_ELSEWHERE.pattern}|{PRODUCT_VIEWS.pattern}|"
                   f"{ORDER_DETAILS.pattern}")


def not_in_data(t: str) -> str | None:
    """What the loaded data cannot answer of this question, said plainly, if it asks that."""
    if BRAND_SALES.search(t):
        return no_product_sales("brands")
    if VISITS_PER_VISITOR.search(t):
        return no_visits_per_visitor()
    if FORECAST_ELSEWHERE.search(t):  # (lane real15) "forecast ticket volume": no such forecast, said
        return no_forecast(t)
    if PRODUCT_VIEWS.search(t):
        return no_product_views()
    if ORDER_DETAILS.search(t):
        return no_order_details(t)
    return None
