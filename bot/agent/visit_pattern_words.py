"""(lane real19) The web visit's own figures asked by hour, weekday or month, said as an owner says
them: a time pattern (tools/analytics/time_pattern.py) of session length, pages per session, exit
rate or cart abandonment, read before the KPI words of a pattern (bot/agent/time_pattern_tool.py),
where "on the site" alone would be the visits counted and "baskets" the orders:

- staying long on the site: "what hour do readers linger longest on the webshop", "which day do
  shoppers spend the longest browsing", "when are visits longest" (only with the site, browsing
  or visits said: a guest who stays longest at a hotel is no web session);
- looking at many pages: "which weekday do members click through the most pages", "what hour do
  browsers view the fewest pages";
- leaving the site: "which hour do people leave the site most" (not "without buying": that is
  the share of visits that bought);
- baskets left behind: "which month are trolleys ditched most", "when do diners drop their carts".
"""

from __future__ import annotations

_SITE = r"(?:(?:web ?)?site|web ?shop|online (?:shop|store)|app|page|pages|shop online|store online)"
_STAY = r"(?:spen(?:d|ds|t|ding)|stay(?:s|ed|ing)?|linger(?:s|ed|ing)?|hang(?:s|ing)? (?:around|about)|stick(?:s|ing)? around|dwell(?:s|ed|ing)?|remain(?:s|ed|ing)?|brows(?:e|es|ed|ing))"
_LONGEST = r"(?:the )?(?:longest|shortest|most time|least time|longer|shorter)"
# "spend longest on the site", "stay the longest browsing", "linger longest on our webshop"
LONGEST_VISIT = (rf"\b{_STAY} (?:[\w']+ ){{0,3}}?{_LONGEST}\b(?=.*\b(?:(?:web ?)?site|web ?shop|online|brows\w*|app|pages?)\b)|"
                 rf"\bbrows\w* (?:[\w']+ ){{0,3}}?{_LONGEST}\b|"
                 rf"\b{_STAY} (?:[\w']+ ){{0,3}}?{_SITE} (?:the )?(?:longest|shortest)\b|"
                 r"\b(?:web |site |online )?(?:visits?|sessions?) (?:[\w']+ ){0,2}?(?:last|run|go on|are|is) (?:the )?(?:longest|shortest)\b|"
                 r"\b(?:longest|shortest) (?:web |site |online )?(?:visits|sessions)\b")
_VIEW = (r"(?:look(?:s|ed|ing)? at|view(?:s|ed|ing)?|see(?:s|ing)?|saw|read(?:s|ing)?|open(?:s|ed|ing)?|"
         r"(?:click|flick|scroll|page|leaf)(?:s|ed|ing)? (?:through|on)|brows(?:e|es|ed|ing)|visit(?:s|ed|ing)?|load(?:s|ed|ing)?)")
# "look at the most pages", "click through the fewest pages", "most pages per visit"
MOST_PAGES = (rf"\b{_VIEW} (?:the )?(?:most|fewest|least|more|fewer) (?:web ?|site |product )?pages\b|"
              r"\b(?:most|fewest|more|fewer) pages (?:per|a|each|every) (?:visit|session|visitor)\b")
# "leave the site most", "exit the webshop"; leaving without buying is the buying rate
LEAVE_SITE = (rf"\b(?:leave|leaves|leaving|left|exit(?:s|ed|ing)?|quit(?:s|ting)?|bail(?:s|ed|ing)? (?:on|out of)) "
              rf"(?:the |our |my )?(?:[\w'-]+ )?{_SITE}\b(?! (?:[\w']+ ){{0,2}}without\b)")
_CART = r"(?:baskets?|carts?|trolleys?|checkouts?)"
# (lane ps28) "bail on baskets", "give up on their carts" too
_DUMP = (r"(?:dump|ditch|desert|bin|drop|leav|left|forg[eo]t|abandon|walk(?:s|ed|ing)? away from|"
         r"bail(?:s|ed|ing)? (?:on|out of)|g[ai]v(?:e|es|ing) up on|quit(?:s|ting)? (?:on )?)")
# "carts get dumped", "trolleys ditched", "drop their baskets", "walk away from their carts"
DUMPED_CART = (rf"\b{_DUMP}\w* (?:(?:their|the|a|an|our|your|his|her|its|full|half-full|loaded|shopping|online|web) ){{0,2}}{_CART}\b|"
               rf"\b{_CART} (?:[\w']+ ){{0,2}}?(?:get |gets |got |are |were |is |was |being )?(?:dumped|ditched|deserted|binned|"
               r"dropped|left(?: behind| unpaid| unbought)?|forgotten|abandon\w*)\b")
# "when are baskets dumped most", "when do people leave the site": the hours of the day
WHEN_VISITS = (rf"\bwhen (?:do|does|did|are|is|were|was) (?:[\w']+ ){{0,3}}?(?:{DUMPED_CART}|{LEAVE_SITE}|"
               rf"{LONGEST_VISIT}|{MOST_PAGES})")

VISIT_FIGURES: tuple[tuple[str, str], ...] = (
    (DUMPED_CART, "cart_abandonment"),
    (LONGEST_VISIT, "session_length"),
    (MOST_PAGES, "pages_per_session"),
    (LEAVE_SITE, "exit_rate"),
)
