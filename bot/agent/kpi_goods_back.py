"""Goods that came back, said by what was sold (lane tune27): "how many sofas came back in
october", "mugs that got sent back last month", "how many rugs were brought back". The orders
returned for their money (`refunded_orders`), as the KPI table counts returns; people who came
back ("how many customers came back", "did the regulars come back") stay the repeat customers of
bot/agent/vocab.py. Hooked in bot/agent/kpi_words.py's KPI_PATTERNS, before vocab.py's reading.
"""

from __future__ import annotations

from bot.agent.owner_words import PEOPLE
from bot.agent.patterns import lazy

# who or what comes back for another go rather than being returned
_NOT_GOODS = (rf"(?:{PEOPLE}|they|we|who|many|any|some|few|most|all|half|regulars|locals|faces|kids|children|pets|dogs|cats|"
              r"horses|survey\w*|\w*forms|questionnaires|feedback|answers|responses|replies|reviews|ratings|results|numbers|figures|sales|"
              r"visits|visitors|emails|messages|letters|calls|applications|quotes|invoices|payments|votes)")
_BACK = r"(?:came|come|coming|comes|have come|has come|got sent|get sent|were sent|been sent|sent|got brought|were brought|brought|got taken|were taken|taken) back\b"
GOODS_BACK_TERMS: list[tuple[str, str]] = [
    # the noun of what was sold, plural, just before "came back" (not "came back for more")
    # (a share of them sent back is the refund rate, vocab.py's; lane probe20a: "cartridges most often sent back")
    (r"^(?!.*(?:\b(?:share|per ?cent|percentage|proportion|rate|fraction|ratio|how often|one in)\b|%))"
     rf".*?\b(?!{_NOT_GOODS}\b)[a-z][\w-]*[^s\W]s (?:that |which )?(?:have |had )?(?:are |were |get |got )?(?:most |more |least )?(?:often |frequently |usually )?{_BACK}(?! (?:for|to (?:buy|order|shop|book)|again|in (?:for|to)))",
     "refunded_orders"),
]
GOODS_BACK_PATTERNS = [(lazy(p), code) for p, code in GOODS_BACK_TERMS]
