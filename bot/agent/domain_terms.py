"""The words of journeybot's world: what a typo is corrected towards (and the speller built from
them), and the nouns without which a question is not about the business. Split out of vocab.py
and planner.py, which had reached the size limit."""

from __future__ import annotations

from typing import Any

from bot.agent.fuzzy import Speller, english_words, more_english_words, words
from bot.agent.patterns import rx

# Words a typo is corrected towards ("reveune" -> revenue); the data's own values are added.
DOMAIN_TERMS = set("""
revenue sales takings turnover income orders order customers customer conversion convert converts payers payer
churn churned abandonment abandoned abandon basket baskets checkout satisfaction satisfied csat
promoter promoters detractors passives recommend lifetime value worth average median percentile
delivery deliveries delivered shipping parcels response resolution resolve tickets ticket support
sessions session bounce bounces visitors visitor newcomers returning repeat funnel journey journeys
persona personas segment segments channel channels acquisition instagram facebook tiktok newsletter
email google search referrals awareness consideration decision purchase purchases advocacy
post-purchase stage stages touchpoint touchpoints sentiment feedback complaints complaint comments
reviews review quotes themes topics survey surveys forecast predict propensity likely prospects
alert alerts rule rules digest weekly daily monthly yesterday quarter month week compare trend
trending movers paths route sequence typical dropoffs dropoff draft rename merge
narrow save saved delete remove change disable enable unusual anomaly unhappy negative
positive loyalty members subscribers regulars lapsing at-risk risk rating ratings score scores
category categories product products region regions city cities people spend spent lifetime
data database dataset figures records rows tables buyers shoppers visitors clients performance
stars star reviewers shop store briefing alarm alarms flagged
tweets tweet messages emails posts mentions dms replies
refund refunds refunded return returns returned cancellation cancellations cancelled canceled cancelation
purchasers
""".split())

# The nouns of journeybot's world: a question with none of them (and no cue, KPI or customer
# group) is not about the business ("tell me a joke", "who is the prime minister?").
DOMAIN_NOUNS = DOMAIN_TERMS - set("""
average median compare change delete remove save merge rename narrow draft disable enable predict
recommend resolve convert converts abandon abandoned spend spent likely weekly daily monthly
yesterday quarter month week people trending drove driving typical worth value score scores
positive negative unusual saved lifetime
""".split())


def build_speller(tools: list[Any], known: Any) -> Speller:
    """Domain terms to correct towards, and every word the planner has seen (never corrected): the
    tools' texts and the data's own values (`known`, the planner's Known)."""
    from bot.agent.trade_words import TRADE_NOUNS
    from bot.agent.vocab import NEGATIVE, POSITIVE

    # Feeling words are ordinary words, never typos of a term ("raving" is not "rating"); nor are
    # the trade's nouns ("massages" is not "messages").
    seen: set[str] = words(rx.sub(r"[^a-z]+", " ", POSITIVE.pattern + " " + NEGATIVE.pattern)) | TRADE_NOUNS
    for t in tools:
        seen |= words(" ".join((*t.examples, *t.phrasings, t.description, *t.keywords)))
        for f in t.params.model_fields.values():
            seen |= words(f.description or "")
        seen |= words(t.params.__doc__ or "")
    data = " ".join(v.replace("_", " ") for v in known.names())
    terms = set(DOMAIN_TERMS) | words(data) | {w for w in TRADE_NOUNS if len(w) >= 7}  # "bookins": bookings
    english = english_words()
    # English words beyond the model's vocabulary are never "corrected" ("doily" is not "daily")
    more = more_english_words()
    return Speller(terms, seen | english, dictionary=bool(english) or bool(more), english=more)
