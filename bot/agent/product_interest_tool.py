"""(lane real29a) What people look at, cart and buy, by brand, category or product, over events that
name them (REES46's event log: tools/analytics/product_interest.py).

Before, "which brands do people look at the most?" was said unanswerable (bot/agent/product_views.py:
the events kept no product), "how many views did apple get?" was the whole funnel, "samsung
products" revenue by product, "are smartphones most popular?" off-topic, and "which brand sells the
most?" said no brand is stored, though every purchase event names one. Over events that name their
brand, category or product, those readings become this tool:
- a ranking of what is looked at or bought (the words of product_views.py and unmeasured.py's brand
  sales, "what are people looking at"), by the brand, category or product the question names;
- a question that names one of the data's own brands or category words ("apple", "smartphones")
  with a word of looking, buying or goods: that one's counts, or, asked as a ranking ("are
  smartphones the most popular?"), the ranking it stands in.
Over any other data (the events of most shops name no product) nothing changes: no lookup is made
unless the question has one of these words, and the reading stays the rules'. The offline ranker
never scores the tool (no `plan`, no phrasings: nothing is added to what other questions are
scored against); a configured model sees it in the catalog.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.agent.patterns import lazy
from bot.agent.plan import Plan
from bot.agent.plan_args import period_from
from bot.agent.product_views import PRODUCT_VIEWS
from bot.agent.tools import ToolContext, ToolSpec
from bot.agent.unmeasured import BRAND_SALES
from tools.analytics.product_interest import ProductInterestParams, held, product_interest

# The words that may ask about goods looked at or bought: nothing is looked up in the data without one
_GOODS_ASKED = lazy(r"\b(?:view\w*|look\w*|brows\w*|click\w*|popular\w*|products?|items?|brands?|categor(?:y|ies)|"
                    r"models?|sell\w*|sold|bought|buy\w*|purchas\w*|carts?|basket\w*|interest\w*|attention|"
                    r"most (?:wanted|liked))\b")
# "what are people looking at", "what do visitors browse": what is looked at, by product
_WHAT_LOOKED = lazy(r"\bwhat (?:are|do|did|does) (?:people|visitors|users|shoppers|customers|they) "
                    r"(?:look(?:ing)? at|view(?:ing)?|brows(?:e|ing)|check(?:ing)? out|click(?:ing)? on)\b")
_RANKING = lazy(r"\b(?:which|most|least|top|best|worst|popular|fewest|rank\w*|never|but not|without)\b")
_BY_BRAND = lazy(r"\bbrands?\b(?! new)")
_BY_CATEGORY = lazy(r"\bcategor(?:y|ies)\b")
_BY_PRODUCT = lazy(r"\b(?:products?|items?|models?|skus?)\b")
_BOUGHT = lazy(r"\b(?:sell\w*|sold|bought|buy\w*|purchas\w*|revenue|money|sales)\b")
_LOOKED = lazy(r"\b(?:view\w*|look\w*|brows\w*|click\w*|attention|interest\w*)\b")
_CARTED = lazy(r"\b(?:carts?|carted|baskets?)\b")
_MONEY = lazy(r"\b(?:revenue|money|sales|takings|earn\w*)\b")
_PEOPLE_LOOKED = lazy(r"\bhow many (?:people|users|visitors|shoppers|customers|persons)\b")
_TOKENS = lazy(r"[a-z][a-z0-9]{2,}")
_UNBOUGHT = lazy(r"\b(?:never|not|nobody|no ?one|without (?:being |a )?)(?: \w+)? (?:bought|buy\w*|purchas\w*|sold|sell\w*)\b")
_TOP_N = lazy(r"\b(?:top|best|first|bottom|worst) (\d{1,2})\b")
_NEVER_NAMES = frozenset("""the and for with how many what which who are was were did does not but get got most
least top best worst people users visitors view views viewed look looked looking products product items item
brand brands category categories popular buy bought sold sell sells selling purchase purchases purchased cart
carts more than""".split())


def _run(ctx: ToolContext, p: ProductInterestParams) -> Any:
    return product_interest(ctx.store, p, ctx.config.kpi_settings())


SPEC = ToolSpec(
    name="product_interest",
    params=ProductInterestParams,
    run=_run,
    description=(ProductInterestParams.__doc__ or "").strip(),
    # (lead, phase AE) for the help and a configured model's tool list
    examples=("which brands get the most views?", "how many views did apple get?",
              "which categories do people browse most?"),
    cached=True,
)


# (store, data version) -> what its events name: looked up once per load, not per question
_SEEN: dict[tuple[Any, int], tuple[dict[str, int], dict[str, str]]] = {}


def _names_held(store: Any) -> tuple[dict[str, int], dict[str, str]]:
    """(events naming each field, {word: field}) of the data as loaded: the brands and the words
    of the category codes ("electronics.smartphone": electronics, smartphone)."""
    key = (str(store.path) if store.path is not None else id(store), int(store.data_version()))
    if key in _SEEN:
        return _SEEN[key]
    words: dict[str, str] = {}
    with store.connect() as con:
        counts = held(con)
        if any(counts.values()):
            for (cat,) in con.execute("SELECT DISTINCT category FROM events WHERE category IS NOT NULL").fetchall():
                for w in str(cat).lower().replace("_", ".").split("."):
                    if len(w) >= 3:
                        words.setdefault(w, "product_category")
            for (brand,) in con.execute("SELECT DISTINCT brand FROM events WHERE brand IS NOT NULL").fetchall():
                b = str(brand).lower().strip()
                if len(b) >= 3:
                    words[b] = "brand"
    if len(_SEEN) > 16:
        _SEEN.clear()
    _SEEN[key] = (counts, words)
    return counts, words


def _held(store: Any) -> tuple[dict[str, int], dict[str, str]]:
    try:
        return _names_held(store)
    except Exception:  # noqa: BLE001 - an older store without the columns, a busy store: nothing named
        return {}, {}


def _named(tokens: list[str], words: dict[str, str]) -> list[tuple[str, str]]:
    """The data's brands and category words the question names, a plural read as its singular."""
    out: list[tuple[str, str]] = []
    for t in tokens:
        if t in _NEVER_NAMES:
            continue
        for w in (t, t[:-1] if t.endswith("s") else t, t[:-2] if t.endswith("es") else t):
            if w in words and (w, words[w]) not in out:
                out.append((w, words[w]))
                break
    return out


def looked_at(planner: Any, plan: Plan) -> Plan | None:
    """The product_interest reading of a question over events naming brands, categories or products."""
    if plan.follow_up:
        return None
    norm = plan.slots.norm
    if not _GOODS_ASKED.search(norm):
        return None
    counts, words = _held(planner.ctx.store)
    if not any(counts.values()):
        return None
    ranked = bool(PRODUCT_VIEWS.search(norm) or BRAND_SALES.search(norm) or _WHAT_LOOKED.search(norm))
    names = _named(_TOKENS.findall(norm), words)
    if not ranked and not names:
        return None
    # the split the question names; else the field of the name it asks about ("how many views did apple
    # get": by brand), "samsung products" its products; a bare ranking of what is looked at, by category
    by = ("brand" if _BY_BRAND.search(norm) else "product_category" if _BY_CATEGORY.search(norm)
          else "product" if _BY_PRODUCT.search(norm) else names[0][1] if names else "product_category")
    if not counts.get(by):
        by = max(counts, key=lambda k: counts[k])
    if _CARTED.search(norm):
        measure = "carts"
    elif _BOUGHT.search(norm) and not _LOOKED.search(norm):
        measure = "revenue" if _MONEY.search(norm) else "purchases"
    elif _PEOPLE_LOOKED.search(norm):
        measure = "viewers"
    else:
        measure = "views"
    args: dict[str, Any] = {"by": by, "measure": measure}
    # a name asked about alone is counted ("how many views did apple get"); asked as a ranking
    # ("are smartphones the most popular?") the ranking is shown, where it stands in it
    if names and not (_RANKING.search(norm) and by == names[0][1]):
        args["name"] = [w for w, _ in names]
    if _UNBOUGHT.search(norm):  # "which brands are viewed but never bought"
        args["unbought"] = True
    top = _TOP_N.search(norm)
    if top:
        args["top"] = int(top.group(1))
    if plan.slots.period:
        args.update(period_from(plan.slots))
    # the words the rules could not place (a "brand" split, a KPI) are this tool's own: no doubt said of them,
    # and no other reading offered (the rules' candidates did not know the events name products)
    slots = dataclasses.replace(plan.slots, unknown=[u for u in plan.slots.unknown if u[0] in ("period", "place")])
    return Plan(SPEC, args, slots, max(plan.score, 1.0))
