"""Sales asked by brand, product or item ("which brands sell best?", "top selling SKUs") that no
tool took: product_sales (bot/agent/product_sales_tool.py) ranks products and categories when the
orders list them, but nothing stores brands, so the answer says that plainly rather than calling
the question "not about your shop"."""

from __future__ import annotations

from bot.agent.patterns import lazy, rx

_THING = r"brands?(?! new)|products?|items?|skus?|lines|models|flavou?rs?|styles?|ranges|stock"
_SOLD = (r"sells?|selling|sold|sales|(?:best|top)[- ]?sellers?|moving|move|shift(?:ing)?|popular|bought|buy|"
         r"revenue|money|takings")
_ASKED = lazy(rf"\b(?:{_THING})\b[^.?!]{{0,40}}\b(?:{_SOLD})\b|\b(?:{_SOLD})\b[^.?!]{{0,25}}\b(?:{_THING})\b")

# A ranking of what sells, said outright ("best selling products", "which flavour sells the most"):
# no analysis answers it, so the planner asks back with the note below rather than answer another
# question that happens to share a word (lifetime value, review score by category)
SELLS_BEST = lazy(
    rf"\b(?:best|top|biggest|fastest|worst|slowest|most popular)[- ]?(?:selling|sellers?) (?:[\w-]+ ){{0,2}}?(?:{_THING})\b|"
    rf"\b(?:which|what) (?:[\w-]+ )?(?:{_THING}) (?:are |is |do |does )?(?:sells?|selling|sold|moves?|moving|shifts?|shifting)"
    r"(?: the)? (?:best|most|fastest|well|least|worst|slowest)\b")

# Which ones sell: a ranking asked, not a count of what is in a basket
_RANKED = lazy(r"\b(?:which|what|best|top|most|least|worst|popular|fastest|slowest|biggest)\b")


def product_sales_noun(t: str) -> str | None:
    """The word ("brands", "products") a question asks sales by, if it does."""
    m = _ASKED.search(t)
    if m is None or not _RANKED.search(t):  # "how many items per order?" is a basket's size, not this
        return None
    noun = rx.search(rf"\b(?:{_THING})\b", m.group(0))
    return noun.group(0) if noun else None


def no_product_sales(noun: str) -> str:
    one = noun.rstrip("s")
    if one == "brand":  # (lane real15) products and categories are ranked by product_sales; brands are not stored
        return ("The loaded data has no sales by brand: orders list what was bought by product and "
                "category, not by brand, so I can't say which brands sell best. Sales by product or "
                "category I can rank (\"which products sell best?\"). Try one of these:")
    return (f"The loaded data has no sales by {one}: journeybot counts orders and revenue in "
            "total and by channel, segment, city, region or age band, and by product or category only "
            f"when the orders list them, so I can't say which {noun if noun.endswith('s') else noun + 's'} "
            "sell best. Try one of these:")
