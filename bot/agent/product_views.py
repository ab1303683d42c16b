"""Views ranked by product, category or brand (lane real28a): "which brands do people look at the
most?", "what are our most viewed products?", "which categories get the most views?". An event
log such as REES46's has them, but journeybot's events keep what kind of step each was (a view, a
cart, a purchase), never which product it was about, so nothing can rank what was looked at.
Before, "get the most views" read as product_sales and answered with revenue by category: a
ranking of money passed off as one of attention. The answer now says what is missing and what it
can rank instead (sales by product or category, the view -> cart -> purchase funnel)."""

from __future__ import annotations

from bot.agent.patterns import lazy

_THING = r"(?:products?|items?|brands?(?! new)|categor(?:y|ies)|skus?|models?|listings?|lines|goods|stock)"
# Looking, not buying: a view, a look, a browse, a click (never "overview", "review", "viewpoint")
_LOOKED = (r"(?<!re)(?<!over)(?<!inter)view(?:s|ed|ing)?\b(?! (?:point|of))|(?:look(?:s|ed|ing)?|glanc(?:e|es|ed|ing)) at|"
           r"check(?:s|ed|ing)? out|brows(?:e|es|ed|ing)|click(?:s|ed|ing)?(?: on)?|most[- ]viewed|page ?views")
# A ranking of the things (which, most, top, popular, a lot); never a funnel share ("what share of
# sessions looked at a product") or a path ("which products do people view before they buy")
_RANKED = r"\b(?:which|most|least|top|popular|a lot|the mos|fewest|rank\w*|per|by|each)\b"
_PATHWISE = (r"\b(?:before|after|then|first|go on|went on|end up|share|percent|%|rate|convert|funnel|path|journey|cart|basket|"
             r"trolley|checkout|steps?|stages?|to (?:an |the )?(?:order\w*|buy\w*|purchas\w*))\b")
# "most viewed tea ranges", "most browsed scents": "most viewed" ranks things whatever the goods are
# called (never a time or a page: "the most viewed day", "most viewed pages" are steps, not goods)
_MOST_LOOKED = r"\bmost[- ](?:viewed|browsed|clicked|looked[- ]at)\b(?! (?:on |in )?(?:the )?(?:pages?|days?|hours?|times?|weeks?|months?)\b)"
PRODUCT_VIEWS = lazy(
    rf"^(?!.*{_PATHWISE})(?=.*{_RANKED}).*?(?:\b{_THING}\b[^.?!]{{0,40}}?\b(?:{_LOOKED})|(?:{_LOOKED})[^.?!]{{0,25}}?\b{_THING}\b"
    rf"|{_MOST_LOOKED})")


def no_product_views() -> str:
    return ("The loaded data can't rank what people look at: journeybot's events say what kind of step each "
            "was (a view, a cart, a purchase), not which product, category or brand it was about, so I can't "
            "say which are viewed most. What sells best by product or category I can rank (\"which products "
            "sell best?\", when the orders list them), and how many viewed, carted and bought (\"funnel from "
            "view to cart to purchase\"). Try one of these:")
