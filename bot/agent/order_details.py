"""(lane real29a) How an order was paid, what its freight cost and who sold it: details of an order
that journeybot's tables have no place for, said plainly.

A marketplace export has them (Olist's order_payments file: payment_type, payment_installments;
its order_items file: freight_value, seller_id), but an order is loaded as its total, its items and
its products; the payment method, the instalments, the freight charged and the seller are not
kept. Before, "how do customers pay?" was answered with the paths to purchase, "what share of
orders are paid by credit card?" with the refund rate, "average freight cost per order" with the
order value and "how many sellers do we have?" with the number of buyers: other numbers passed off
as these. The planner now gives them no tool (bot/agent/unmeasured.py) and the answer says what is
not loaded, and what is asked about orders instead. What customers say about shipping costs is a
feedback search, never this (words of saying are left alone)."""

from __future__ import annotations

from bot.agent.patterns import lazy

# Saying, not measuring: "what do people say about shipping costs" is feedback_search's
_SAID = (r"\b(?:say\w*|said|comment\w*|complain\w*|mention\w*|feedback|reviews?|wrote|writ\w*|moan\w*|pain points?|"
         r"persona\w*|quotes?|tickets?|themes?)\b")
_METHOD = r"(?:credit|debit|card|cards|boleto|vouchers?|cash|paypal|pix|bank transfer|instal+ments?)"
PAYMENT = (r"\bhow (?:do|did|does) (?:our |the |most )?(?:customers|people|buyers|clients|shoppers|they|users) "
           r"(?:usually |mostly |normally |tend to )?pay\b|"
           # (lead, phase AE) a split "by payment method" is the unloaded group's answer, which offers the
           # groups this data holds (bot/agent/test_unloaded_asks.py)
           r"(?<!by )(?<!per )(?<!each )\bpayment (?:types?|methods?|options?|mix|split)\b|\b(?:paid|pay|paying|pays) (?:by|with|using|in|via) "
           rf"(?:a |an )?{_METHOD}|\binstal+ments?\b|\bboleto\b|\bcredit cards?\b|\bdebit cards?\b")
FREIGHT = (r"\b(?:freight|shipping (?:costs?|fees?|charges?)|delivery (?:costs?|fees?|charges?)|postage (?:costs?|fees?|paid))\b")
# which sellers, how many sellers, sales per seller; never "best sellers" (products) or "top 20 sellers and buyers"
SELLER = (r"\b(?:which|how many|what|each|every|per|by|our|the) (?:\w+ )?sellers?\b(?! (?:and|&) buyers)"
          r"(?<!best sellers)(?<!best seller)(?<!top sellers)(?<!top seller)(?<!worst sellers)(?<!slowest sellers)"
          r"(?<!best-sellers)(?<!biggest sellers)|\bsellers? (?:ranking|league|performance|sales|revenue)\b")
# money or a count asked of the freight, not what people say of it
_FREIGHT_ASKED = (rf"^(?!.*{_SAID}).*(?=.*\b(?:how much|average|avg|mean|total|spend|spent|cost us|per order|share|"
                  rf"percent|%|median|by|which|what)\b).*{FREIGHT}")
ORDER_DETAILS = lazy(rf"^(?!.*{_SAID}).*(?:{PAYMENT}|{SELLER})|{_FREIGHT_ASKED}")
_PAYMENT, _FREIGHT, _SELLER = lazy(PAYMENT), lazy(FREIGHT), lazy(SELLER)


def no_order_details(t: str) -> str:
    """What is not loaded of the orders this question asks about, and what can be asked instead."""
    asked = []
    if _PAYMENT.search(t):
        asked.append("how each order was paid (payment type, instalments)")
    if _FREIGHT.search(t):
        asked.append("the freight charged")
    if _SELLER.search(t):
        asked.append("which seller sold it")
    what = " or ".join(asked) or "how each order was paid, its freight or its seller"
    return (f"The loaded data does not say {what}: journeybot keeps each order's total (what the customer "
            "paid in all, freight included when the export's total includes it, as Olist's payments do), its "
            "items, products and categories, and its dates and status; payment methods, instalments, freight and "
            "sellers have no place in its tables, so they are not loaded even when the export has them (Olist's "
            "order_payments file: payment_type, payment_installments; its order_items file: freight_value, "
            "seller_id). About orders I can answer revenue, order value, orders and cancellations, delivery times "
            "and what sells by product or category. Try one of these:")
