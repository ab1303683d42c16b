"""The words of journeybot's world: what a typo is corrected towards, and the nouns without which
a question is not about the business. Split out of vocab.py, which had reached the size limit."""

from __future__ import annotations

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
