"""The speller leaves English words alone (phase AE, lane g-speller29): a trade's own nouns one
letter from a planner word ("doily" / daily, "capers" / campers, "sitar" / star, "fryer" / flyer)
are the shop's goods, while typos of the planner's words are still read right. Rules only (the
`rules` fixture of tests/planner_fixtures.py); the word list itself is tested at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from planner_fixtures import assert_plans


@pytest.mark.parametrize(("question", "tool", "args"), [
    # a lace doily shop: its doilies are not a daily trend
    ("doily orders past 7 days", "kpis", {"metrics": ["orders"], "period": {"name": "last_7_days"}}),
    ("doily sales by month", "trend", {"metric": "revenue", "grain": "month"}),
    # a laundry's starch is not the search channel, a Thai shop's baht not the city of Bath
    ("starch orders by week", "trend", {"metric": "orders", "grain": "week", "filters": None}),
    ("starch sales by channel", "movers", {"metric": "revenue", "by": "channel", "filters": None}),
    ("revenue in baht this month", "kpis", {"metrics": ["revenue"], "period": {"name": "this_month"},
                                            "filters": None}),
    # a lapidary's lapping service is booked, not lapsing customers
    ("lapping service bookings last month", "kpis", {"metrics": ["orders"], "period": {"name": "last_month"}}),
])
def test_a_trades_nouns_near_planner_words_are_its_goods(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


@pytest.mark.parametrize(("question", "query"), [
    ("complaints about the doily lace", "doily lace"),                 # lace doilies
    ("any complaints about the capers", "capers"),                     # a deli (not campers)
    ("what do people say about our scones", "scones"),                 # a tearoom (not scores)
    ("what are people saying about the fryer", "fryer"),               # a chip shop (not a flyer)
    ("feedback about the pasties", "pasties"),                         # a pasty bakery (not parties)
    ("what did customers say about the sitar strings", "sitar strings"),  # a music shop (not star)
    ("comments on the ream paper quality", "ream paper quality"),      # a paper mill (not read)
    ("complaints about the resole job", "resole job"),                 # a cobbler (not resolve)
    ("what are people saying about the tatting kits", "tatting kits"),  # a lace craft (not tasting)
    ("reviews mentioning the basset", "basset"),                       # a dog breeder (not basket)
    ("complaints about the spelt flour", "spelt flour"),               # a mill (not spent)
    ("comments about the bouncy castle", "bouncy castle"),             # a party hire (not bounce)
    ("feedback mentioning the tweeds", "tweeds"),                      # a tailor (not tweets)
    ("complaints about the mowers", "mowers"),                         # a garden shop (not movers)
    ("reviews that mention the carat weight", "carat weight"),         # a jeweller (not cart)
    ("what do people say about the tonics", "tonics"),                 # a gin bar (not topics)
])
def test_feedback_is_searched_for_the_trades_own_word(rules, question, query):
    assert_plans(rules, question, "feedback_search", query=query)


@pytest.mark.parametrize(("question", "tool", "args"), [
    ("reveune last week", "kpis", {"metrics": ["revenue"], "period": {"name": "last_week"}}),
    ("convrsion rate last 30 days", "kpis", {"metrics": ["purchase_conversion"], "period": {"name": "last_30_days"}}),
    ("refnds last month", "kpis", {"metrics": ["refunded_orders"], "period": {"name": "last_month"}}),
    ("whats the averge order value", "kpis", {"metrics": ["aov"]}),
    ("how many oders yesterday", "kpis", {"metrics": ["orders"], "period": {"name": "yesterday"}}),
    # real words that are also typos of the planner's keep their readings
    ("sails last month", "kpis", {"metrics": ["orders"], "period": {"name": "last_month"}}),
    ("revenue form instagram last month", "kpis", {"metrics": ["revenue"], "filters": {"channel": ["instagram"]}}),
    ("abandoned cart rate this week", "kpis", {"metrics": ["cart_abandonment"]}),
    ("how many deliverys were late", "kpis", {"metrics": ["on_time_delivery"]}),
])
def test_typos_are_still_read_right(rules, question, tool, args):
    assert_plans(rules, question, tool, **args)


# -- the word list ---------------------------------------------------------------------------

def _speller(english):
    from bot.agent.fuzzy import Speller

    terms = {"daily", "campers", "subscribers", "revenue", "customers", "channel"}
    return Speller(terms, {"the", "orders"}, dictionary=True, english=english)


def test_the_shipped_list_has_the_trades_words_and_not_the_typos():
    from bot.agent.fuzzy import more_english_words

    words = more_english_words()
    assert words and all(w in words for w in ("doily", "capers", "sitar", "tatting", "resole", "scones"))
    # typos of the planner's words, and the list's names and archaic words that are only ever typos here
    assert not any(w in words for w in ("reveune", "custmers", "convrsion", "refnds", "chanel", "payed", "takins"))
    assert "doi" not in words and "" not in words and "# english" not in words


def test_a_word_of_the_list_is_left_alone_but_typos_and_plurals_are_read():
    from bot.agent.fuzzy import more_english_words

    speller = _speller(more_english_words())
    assert speller.correct("doily orders")[0] == "doily orders"
    assert speller.correct("capers orders")[0] == "capers orders"
    assert speller.correct("custmers and reveune")[0] == "customers and revenue"
    # one or many of the planner's own word is still read as it: nothing the owner meant changes
    assert speller.correct("a subscriber")[0] == "a subscribers"


def test_without_the_list_the_speller_corrects_as_before(tmp_path: Path):
    from bot.agent.fuzzy import more_english_words

    missing = more_english_words(tmp_path / "none.txt")
    assert not missing and "doily" not in missing
    assert _speller(missing).correct("doily orders")[0] == "daily orders"


def test_the_list_is_read_from_its_file(tmp_path: Path):
    from bot.agent.fuzzy import more_english_words

    path = tmp_path / "words.txt"
    path.write_text("# a comment line\ndoily\nsitar\n", encoding="ascii")
    words = more_english_words(path)
    assert "doily" in words and "sitar" in words and "doi" not in words and "comment" not in words


# -- (part 4) a group's change of mood ------------------------------------------------------------

@pytest.mark.parametrize(("question", "by", "period"), [
    # probe27a's and probe28c's shape ("which segment got unhappier with the sock shop"), other trades
    ("which segment got unhappier with the candle shop this month", "segment", {"name": "this_month"}),
    ("which CRM segment got happier this quarter, bakery side", "segment", {"name": "this_quarter"}),
    ("in which segment did the pottery class students get unhappier this month", "segment", {"name": "this_month"}),
    ("which customer segment has got less satisfied at the florist lately", "segment", {"name": "last_30_days"}),
    # probe26b's shape ("in which town did the soap customers get unhappier"): the people named between
    ("in which town did the bakery regulars get happier this month", "city", {"name": "this_month"}),
    ("in which suburb did the dog groomer's clients get grumpier this month", "city", {"name": "this_month"}),
    ("which town got unhappier this month", "city", {"name": "this_month"}),
])
def test_a_groups_change_of_mood_is_its_satisfaction_moving(rules, question, by, period):
    assert_plans(rules, question, "movers", metric="csat", by=by, period=period)


def test_a_groups_level_of_mood_and_named_scores_keep_their_readings(rules):
    assert_plans(rules, "which segment is the happiest", "satisfaction_by", measure="csat", by="segment")
    assert_plans(rules, "nps by segment this month", "satisfaction_by", measure="nps", by="segment")
    assert_plans(rules, "which segment spends the most", "movers", metric="revenue", by="segment", rank="value")
